"""Every pupil-visible string of the content, with a stable message context.

The context is built from ids only (never from wording), e.g.
`occupation:question:q-etoile:option:b:feedback`, so a translation survives a
reworded source line: gettext tools then mark it out of date ("fuzzy") instead
of losing it. French, the authors' language, is the source text.

One walker (`_walk`) serves both the catalogue extraction (`all_messages`) and
the translation of a loaded chapter (`localized`), so the two cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterator

from .loader import ChapterBundle


@dataclass(frozen=True)
class Message:
    context: str  # relative to the chapter, e.g. "scene:mine:title"
    text: str
    file: str
    path: tuple  # path inside the YAML file, for line numbers
    comment: str = ""


@dataclass(frozen=True)
class _Slot:
    context: str
    owner: object
    attr: str
    file: str
    path: tuple
    comment: str


def _walk(b: ChapterBundle) -> Iterator[_Slot]:
    c, f = b.chapter, b.file

    def s(ctx, owner, attr, path, comment=""):
        if getattr(owner, attr):
            yield _Slot(ctx, owner, attr, f, path, comment)

    yield from s("title", c, "title", ("title",), "Chapter title")
    yield from s("subtitle", c, "subtitle", ("subtitle",), "Chapter subtitle")
    yield from s("summary", c, "summary", ("summary",), "Chapter select: summary")
    yield from s("conclusion", c, "conclusion", ("conclusion",), "Chapter summary screen")
    for i, o in enumerate(c.objectives):
        yield from s(f"objective:{o.id}", o, "text", ("objectives", i, "text"), "Learning objective")
    for i, ch in enumerate(c.characters):
        yield from s(f"character:{ch.id}:name", ch, "name", ("characters", i, "name"), "Character name")
        yield from s(f"character:{ch.id}:role", ch, "role", ("characters", i, "role"), f"Who {ch.name} is")
    for i, sc in enumerate(c.scenes):
        p = ("scenes", i)
        yield from s(f"scene:{sc.id}:title", sc, "title", p + ("title",), "Scene title (a place)")
        yield from s(f"scene:{sc.id}:when", sc, "when", p + ("when",), "Scene date")
        yield from s(f"scene:{sc.id}:intro", sc, "intro", p + ("intro",), f"Narration on arriving at: {sc.title}")
        for j, h in enumerate(sc.hotspots):
            yield from s(f"scene:{sc.id}:hotspot:{h.id}", h, "label", p + ("hotspots", j, "label"), f"Clickable label in: {sc.title}")
    for i, d in enumerate(c.documents):
        p = ("documents", i)
        for fld in ("title", "date", "body", "source"):
            yield from s(f"document:{d.id}:{fld}", d, fld, p + (fld,), f"Document ({d.kind.value}): {fld}")
    for i, q in enumerate(c.questions):
        p = ("questions", i)
        yield from s(f"question:{q.id}:prompt", q, "prompt", p + ("prompt",), f"Question ({q.kind.value})")
        yield from s(f"question:{q.id}:explanation", q, "explanation", p + ("explanation",), f"Explanation after: {q.prompt}")
        for j, o in enumerate(q.options):
            mark = "correct answer" if o.correct else ("item to order" if q.kind.value == "order" else "wrong answer")
            yield from s(f"question:{q.id}:option:{o.id}", o, "text", p + ("options", j, "text"), f"Option ({mark}) of: {q.prompt}")
            yield from s(f"question:{q.id}:option:{o.id}:feedback", o, "feedback", p + ("options", j, "feedback"), f"Feedback after: {o.text}")
            yield from s(f"question:{q.id}:option:{o.id}:date", o, "date", p + ("options", j, "date"), f"Date of: {o.text}")
    for i, mg in enumerate(c.minigames):
        p = ("minigames", i)
        base = f"minigame:{mg.id}"
        for fld in ("title", "intro", "conclusion", "meter_label"):
            yield from s(f"{base}:{fld}", mg, fld, p + (fld,), f"Mini-game ({mg.kind.value}): {fld}")
        for group, fields in (("meters", ("label",)), ("endings", ("text",)), ("tokens", ("label", "detail")),
                              ("zones", ("label",)), ("cards", ("text", "date")), ("categories", ("label",)),
                              ("items", ("label", "detail"))):
            for j, part in enumerate(getattr(mg, group)):
                for fld in fields:
                    yield from s(f"{base}:{group[:-1]}:{part.id}:{fld}", part, fld, p + (group, j, fld),
                                 f"Mini-game {mg.title}: {group[:-1]} {fld}")
        for j, r in enumerate(mg.rounds):
            rp = p + ("rounds", j)
            yield from s(f"{base}:round:{r.id}:situation", r, "situation", rp + ("situation",), f"Mini-game {mg.title}: situation")
            for k, o in enumerate(r.options):
                yield from s(f"{base}:round:{r.id}:option:{o.id}", o, "text", rp + ("options", k, "text"), "Mini-game choice")
                yield from s(f"{base}:round:{r.id}:option:{o.id}:consequence", o, "consequence",
                             rp + ("options", k, "consequence"), f"Consequence of: {o.text}")
    if c.teacher is not None:
        for fld in ("shows", "debrief", "care"):
            yield from s(f"teacher:{fld}", c.teacher, fld, ("teacher", fld), "Teacher's note (read by teachers, not pupils)")
    for i, src in enumerate(c.sources):
        yield from s(f"source:{src.id}:origin", src, "origin", ("sources", i, "origin"), "Where the source comes from")

    index_in_file: dict[str, int] = {}
    for nid, node in b.nodes.items():
        nf = b.node_files[nid]
        base = ("nodes", index_in_file.get(nf, 0))
        index_in_file[nf] = index_in_file.get(nf, 0) + 1
        for i, line in enumerate(node.lines):
            who = b.characters[line.speaker].name if line.speaker in b.characters else line.speaker
            yield _Slot(f"node:{nid}:line:{line.id}", line, "text", nf, base + ("lines", i, "text"), f"Speaker: {who}")
        for i, choice in enumerate(node.choices):
            yield _Slot(f"node:{nid}:choice:{choice.id}", choice, "text", nf, base + ("choices", i, "text"), "Pupil's choice")


def all_messages(b: ChapterBundle) -> list[Message]:
    return [Message(sl.context, getattr(sl.owner, sl.attr), sl.file, sl.path, sl.comment) for sl in _walk(b)]


def localized(b: ChapterBundle, translate: Callable[[str, str], str]) -> ChapterBundle:
    """A copy of the chapter with every text passed through `translate(context, source)`."""
    chapter = b.chapter.model_copy(deep=True)
    nodes = {nid: n.model_copy(deep=True) for nid, n in b.nodes.items()}
    copy = replace(b, chapter=chapter, nodes=nodes, node_files=dict(b.node_files))
    for sl in _walk(copy):
        setattr(sl.owner, sl.attr, translate(sl.context, getattr(sl.owner, sl.attr)))
    return copy
