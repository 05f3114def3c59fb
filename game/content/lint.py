"""Lint: what is valid YAML and valid content, but still wrong for a pupil.

Static checks over a loaded Content (the bot, `autoplay`, then plays every branch):
- errors: nodes nothing leads to; hotspots and choices that need a flag nothing sets (they
  can never appear); choices that require and exclude the same flag; scenes with no way on;
- warnings: documents, questions and mini-games never handed out, asked or started;
  conditions on flags nothing sets (no effect); translations missing or out of date per
  language; placeholders ({name}, %s) that differ between source and translation.
Each problem is `file:line:column: sentence` with the line quoted, like the loader's.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..i18n import LOCALES, SOURCE_LOCALE, N_, content_locale_dir, po_path
from .loader import ChapterBundle, Content
from .po import read_catalog, shared_catalogue_problems
from .problems import Problem, ProblemSink
from .say import say
from .models import Node
from .texts import all_messages
from .walk import links, origin, within

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[sd]")


class _Where:
    """Turns (file, path in the file) into a Problem with the line quoted."""

    def __init__(self, content: Content):
        self.content = content
        self.sinks: dict[str, ProblemSink] = {}
        self.extra: list[Problem] = []  # found elsewhere (a .po file's own lines)

    def add(self, file: str, path: tuple, message: str, severity: str = "error", key: bool = False) -> None:
        smap = self.content.maps.get(file)
        line, col = (smap.key(path) if key else smap.value(path)) if smap else (1, 1)
        if file not in self.sinks:
            self.sinks[file] = ProblemSink(self.content.root / file, file)
        self.sinks[file].add(line, col, message, severity)

    @property
    def problems(self) -> list[Problem]:
        return [p for s in self.sinks.values() for p in s.problems] + self.extra


def lint(content: Content, locales=None) -> list[Problem]:
    where = _Where(content)
    locales = locales if locales is not None else [lc for lc in LOCALES if lc != SOURCE_LOCALE]
    for b in content.ordered():
        _graph(where, b)
        _translations(where, content, b, locales)
    where.extra += shared_catalogue_problems(content.root, locales)  # the pybabel workflow's content.po
    return sorted(where.problems)


def _node_path(b: ChapterBundle, nid: str) -> tuple:
    """The path of a node in its own file (its index among that file's nodes)."""
    where = origin(b.nodes[nid])
    if where is not None:
        return where.path
    f = b.node_files[nid]
    index = [n for n in b.nodes if b.node_files[n] == f].index(nid)
    return ("nodes", index)


def _graph(where: _Where, b: ChapterBundle) -> None:
    c, f = b.chapter, b.file
    # every reference and flag of the chapter and its conversations, wherever the models mark one (walk.py)
    found = links(b)
    set_flags = found.flag_values("set")

    # conditions (requires / excludes) on whatever can have them: hotspots, choices...
    excluded_by: dict[int, set[str]] = {}
    for hit in found.flags.get("excludes", []):
        excluded_by.setdefault(id(hit.owner), set()).add(hit.value)
    for hit in found.flags.get("requires", []) + found.flags.get("excludes", []):
        what = _noun(hit.owner)
        flag = hit.value
        if hit.marker.role == "requires":
            if flag not in set_flags:
                where.add(hit.file, hit.path,
                          say('This {what} needs the flag "{flag}", but nothing ever sets it: it can never appear.',
                              what=say(what), flag=flag))
            if flag in excluded_by.get(id(hit.owner), ()):
                where.add(hit.file, hit.path,
                          say('This {what} both requires and excludes the flag "{flag}": it can never appear.',
                              what=say(what), flag=flag))
        elif flag not in set_flags:
            where.add(hit.file, hit.path,
                      say('This {what} excludes the flag "{flag}", which nothing ever sets: the condition has no '
                          'effect.', what=say(what), flag=flag), "warning")

    # conversations: started from outside a node (hotspots, scene entries), followed from inside one
    roots: list[str] = []
    follows: dict[str, list[str]] = {}
    for hit in found.refs.get("node", []):
        node = within(hit, Node)
        if node is None:
            roots.append(hit.value)
        else:
            follows.setdefault(node.id, []).append(hit.value)
    given, asked = found.named("document"), found.named("question")
    played, goes = found.named("minigame"), found.named("scene")

    reached, todo = set(), list(roots)
    while todo:
        nid = todo.pop()
        if nid in reached or nid not in b.nodes:
            continue
        reached.add(nid)
        todo += follows.get(nid, [])
    for nid in b.nodes:
        path = _node_path(b, nid)
        nf = b.node_files[nid]
        if nid not in reached:
            where.add(nf, path + ("id",), say('The node "{id}" is never reached: no hotspot, scene entry, "next" or '
                                              "choice leads to it.", id=nid))

    for di, d in enumerate(c.documents):
        if d.id not in given:
            where.add(f, ("documents", di, "id"), say('The document "{id}" is never handed out: no hotspot, effect '
                                                      "or mini-game gives it.", id=d.id), "warning")
    for qi, q in enumerate(c.questions):
        if q.id not in asked:
            where.add(f, ("questions", qi, "id"), say('The question "{id}" is never asked.', id=q.id), "warning")
    for mi, mg in enumerate(c.minigames):
        if mg.id not in played:
            where.add(f, ("minigames", mi, "id"), say('The mini-game "{id}" is never started.', id=mg.id), "warning")
    for si, scene in enumerate(c.scenes):
        if scene.id not in goes:
            where.add(f, ("scenes", si, "id"), say('The scene "{id}" is never reached: nothing moves the pupil '
                                                   "there.", id=scene.id))

    # a way on from every scene: a "go" hotspot, or a conversation that moves on or ends the chapter
    for si, scene in enumerate(c.scenes):
        starts = [h.talk for h in scene.hotspots if h.talk] + ([scene.enter] if scene.enter else [])
        exits = any(h.go for h in scene.hotspots)
        seen, todo = set(), list(starts)
        while todo and not exits:
            nid = todo.pop()
            if nid in seen or nid not in b.nodes:
                continue
            seen.add(nid)
            node = b.nodes[nid]
            effects = node.effects + [e for ch in node.choices for e in ch.effects]
            exits = any(e.go or e.end_chapter for e in effects)
            todo += ([node.next] if node.next else []) + [ch.next for ch in node.choices if ch.next]
        if not exits:
            where.add(f, ("scenes", si, "id"), say('The scene "{id}" has no way on: no "go" hotspot and no '
                                                   "conversation that moves to another scene or ends the chapter.",
                                                   id=scene.id))


_NOUNS = {"hotspot": N_("hotspot"), "choice": N_("choice")}


def _noun(owner) -> str:
    """What an object with conditions is called in a sentence: its kind in the catalogues ("hotspot:{id}")."""
    kind = type(owner).i18n.split(":")[0]
    return _NOUNS.get(kind, kind)


def _translations(where: _Where, content: Content, b: ChapterBundle, locales) -> None:
    from .say import language

    messages = all_messages(b)
    for code in locales:
        loc = language(code)  # "anglais", "Dutch": never a bare code in a sentence
        path = po_path(content_locale_dir(content.root), code, b.id)
        entries = {}
        if path.exists():
            try:  # the strict reader: each broken line is an error at its own line of the .po file
                catalog, problems = read_catalog(path, path.relative_to(content.root).as_posix(), locale=code)
            except OSError as exc:
                where.add(b.file, ("id",), say("The {lang} catalogue {file} cannot be read ({reason}).", lang=loc,
                                               file=path.name, reason=exc.strerror))
                continue
            where.extra += problems
            if catalog is None:
                continue
            entries = {m.context: m for m in catalog if m.id}
        missing, stale = [], []
        for m in messages:
            e = entries.get(f"{b.id}:{m.context}")
            if e is None or not e.string:
                missing.append(m)
            elif e.fuzzy or e.id != m.text:
                stale.append(m)
            elif isinstance(e.string, str) and sorted(PLACEHOLDER.findall(m.text)) != sorted(PLACEHOLDER.findall(e.string)):
                where.add(m.file, m.path, say("The {lang} translation does not keep the placeholders of the French "
                                              "({placeholders}).", lang=loc,
                                              placeholders=", ".join(PLACEHOLDER.findall(m.text)) or "-"), "warning")
        for group, one, more in (
            (missing, N_("This text has no {lang} translation (context {context}); run `python main.py i18n "
                         "--chapter {chapter}` and translate it."),
             N_("{n} more texts of this chapter have no {lang} translation.")),
            (stale, N_("This text has an out-of-date {lang} translation (context {context}); run `python main.py "
                       "i18n --chapter {chapter}` and update it."),
             N_("{n} more texts of this chapter have an out-of-date {lang} translation.")),
        ):
            for m in group[:3]:
                where.add(m.file, m.path, say(one, lang=loc, context=f"{b.id}:{m.context}", chapter=b.id), "warning")
            if len(group) > 3:
                where.add(b.file, ("id",), say(more, n=len(group) - 3, lang=loc), "warning")


def lint_paths(root: Path) -> list[Problem]:
    from .loader import check_content

    content, problems = check_content(root)
    return problems if content is None else problems + lint(content)
