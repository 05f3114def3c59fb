"""Load the content tree (levels/, dialogue/, assets/) into validated models.

Everything wrong is collected - YAML syntax, unknown or missing fields, wrong
types, broken cross-references, missing images - and reported together as
`file:line:column: sentence` problems. Nothing here raises anything but
`ContentError`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import NARRATOR, Chapter, Dialogue, MiniGameKind, Node, Question
from ..i18n import N_
from .graph import endless
from .limits import MAX_FILE_BYTES, LimitError, read_limited
from .pictures import picture_problem
from .problems import ContentError, Problem, ProblemSink
from .say import say
from .walk import TARGETS, Asset, Ref, place, walk
from .yamlsource import SourceMap, YamlSyntaxError, load_yaml


@dataclass
class Located:
    """A validated model with the file it came from and its source map."""

    model: Any
    sink: ProblemSink
    smap: SourceMap

    def at(self, path: tuple, message: str, *, key: bool = False, severity: str = "error") -> None:
        line, col = self.smap.key(path) if key else self.smap.value(path)
        self.sink.add(line, col, message, severity)


@dataclass
class ChapterBundle:
    chapter: Chapter
    file: str
    nodes: dict[str, Node] = field(default_factory=dict)
    node_files: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        c = self.chapter
        self.scenes = {s.id: s for s in c.scenes}
        self.documents = {d.id: d for d in c.documents}
        self.questions: dict[str, Question] = {q.id: q for q in c.questions}
        self.characters = {ch.id: ch for ch in c.characters}
        self.objectives = {o.id: o for o in c.objectives}
        self.minigames = {m.id: m for m in c.minigames}

    @property
    def id(self) -> str:
        return self.chapter.id


@dataclass
class Content:
    root: Path
    chapters: dict[str, ChapterBundle]
    warnings: list[Problem] = field(default_factory=list)
    maps: dict[str, SourceMap] = field(default_factory=dict)  # file -> positions

    def line_of(self, file: str, path: tuple) -> int:
        smap = self.maps.get(file)
        return smap.value(path)[0] if smap else 0

    def ordered(self) -> list[ChapterBundle]:
        return sorted(self.chapters.values(), key=lambda b: (b.chapter.order, b.id))

    def asset(self, rel: str) -> Path:
        return self.root / "assets" / rel


def default_root() -> Path:
    return Path(__file__).resolve().parents[2]


def load_content(root: Path | None = None) -> Content:
    """Load and check everything; raise ContentError with every problem if anything is wrong."""
    content, problems = check_content(root)
    errors = [p for p in problems if p.severity == "error"]
    if errors or content is None:
        raise ContentError(errors or problems)
    return content


def check_content(root: Path | None = None) -> tuple[Content | None, list[Problem]]:
    root = Path(root) if root else default_root()
    sinks: list[ProblemSink] = []
    broken: set[str] = set()  # ids of chapters whose file has errors of its own
    broken_dialogue: set[str] = set()  # ids of chapters one of whose dialogue files has errors of its own
    chapters: list[Located] = []
    dialogues: list[Located] = []

    for folder, model, bucket in (("levels", Chapter, chapters), ("dialogue", Dialogue, dialogues)):
        directory = root / folder
        if not directory.is_dir():
            sink = ProblemSink(directory, f"{folder}/", text="")
            sink.add(1, 1, say("The folder {folder}/ is missing from {root}.", folder=folder, root=root))
            sinks.append(sink)
            continue
        for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
            located = _load_file(root, path, model, sinks, broken if model is Chapter else broken_dialogue)
            if located is not None:
                bucket.append(located)

    level_files = len(list((root / "levels").glob("*.y*ml"))) if (root / "levels").is_dir() else 0
    dialogue_files = len(list((root / "dialogue").glob("*.y*ml"))) if (root / "dialogue").is_dir() else 0
    if len(dialogues) + len(broken_dialogue) < dialogue_files:
        # a dialogue file could not even be read, so its chapter is unknown: no chapter is checked against
        # nodes that may be in it (its own problem is reported; false "no such node" errors would not help)
        broken_dialogue = {loc.model.id for loc in chapters}
    bundles = _link(root, chapters, dialogues, broken, broken_files=len(chapters) < level_files,
                    broken_dialogue=broken_dialogue)
    problems = [p for s in sinks for p in s.problems]
    problems += [p for loc in chapters + dialogues for p in loc.sink.problems]
    problems = sorted(set(problems))
    if any(p.severity == "error" for p in problems):
        return None, problems
    maps = {loc.sink.display: loc.smap for loc in chapters + dialogues}
    return Content(root, bundles, [p for p in problems if p.severity == "warning"], maps), problems


def _load_file(root: Path, path: Path, model: type[BaseModel], sinks: list[ProblemSink],
               broken: set[str] | None = None) -> Located | None:
    display = path.relative_to(root).as_posix()
    try:
        raw = read_limited(path, MAX_FILE_BYTES)  # a regular file, never more than the limit read
    except (OSError, LimitError) as exc:
        sink = ProblemSink(path, display, text="")
        sink.add(1, 1, exc.sentence if isinstance(exc, LimitError)
                 else say("This file cannot be opened ({reason}).", reason=exc.strerror))
        sinks.append(sink)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        sink = ProblemSink(path, display, text="")
        sink.add(1, 1, say("This file is not saved as UTF-8 text (bad byte at position {pos}); save it again as UTF-8.", pos=exc.start))
        sinks.append(sink)
        return None
    sink = ProblemSink(path, display, text=text)
    sinks.append(sink)
    try:
        data, smap, issues = load_yaml(text)
    except YamlSyntaxError as exc:
        sink.add(exc.issue.line, exc.issue.column, exc.issue.message)
        return None
    for issue in issues:
        sink.add(issue.line, issue.column, issue.message)
    if not isinstance(data, dict):
        sink.add(1, 1, say("This file should be a set of fields (like 'id: ...'), but it is {kind}.", kind=_kind(data)))
        return None
    try:
        obj = model.model_validate(data)
    except ValidationError as exc:
        key = "id" if model is Chapter else "chapter"
        if broken is not None and isinstance(data.get(key), str):
            broken.add(data[key])
        for err in exc.errors(include_url=False):
            path_, sentence, on_key = explain(err, data)
            line, col = smap.key(path_) if on_key else smap.value(path_)
            sink.add(line, col, sentence)
        return None
    place(obj, display, smap)  # every model object knows where it was written
    # Problems found while reading (a duplicated key, say) are already in the sink;
    # the model is still checked against the others so every problem shows at once.
    return Located(obj, sink, smap)


def _kind(value: Any) -> str:
    if value is None:
        return say("empty")
    if isinstance(value, list):
        return say("a list")
    return say("the single value {value}", value=repr(value))


def _field_name(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "value"


_SIMPLE = {  # N_: extracted for translation, translated by say() when used
    "string_type": N_("This should be text."),
    "bool_type": N_("This should be true or false."),

    "bool_parsing": N_("This should be true or false."),
    "int_type": N_("This should be a whole number."),
    "int_parsing": N_("This should be a whole number."),
    "int_from_float": N_("This should be a whole number."),
    "list_type": N_("This should be a list (one item per line, each starting with '- ')."),
    "tuple_type": N_("This should be a list of numbers, like [640, 360]."),
    "dict_type": N_("This should be a set of fields (name: value)."),
    "model_type": N_("This should be a set of fields (name: value)."),
    "model_attributes_type": N_("This should be a set of fields (name: value)."),
    "date_type": N_("This should be a date written YYYY-MM-DD, e.g. 1944-09-05."),
    "date_parsing": N_("This should be a date written YYYY-MM-DD, e.g. 1944-09-05."),
    "date_from_datetime_parsing": N_("This should be a date written YYYY-MM-DD, e.g. 1944-09-05."),
    "date_from_datetime_inexact": N_("This should be a date written YYYY-MM-DD, without a time."),
}


def _untagged(loc: tuple, data: Any) -> tuple[tuple, str | None]:
    """pydantic puts the chosen kind of a union (a mini-game's `kind`) in an error's path, where the file
    has no such key: take it out, so the path is the file's. Returns (path, the kind of the object that holds
    the path's last part, if that object is a union's)."""
    out, tag, here, here_kind = [], None, data, None
    for part in loc:
        if isinstance(here, dict) and isinstance(part, str) and part not in here and here.get("kind") == part:
            here_kind = part
            continue
        tag, here_kind = here_kind, None
        out.append(part)
        try:
            here = here[part]
        except (KeyError, IndexError, TypeError):
            here = None
    return tuple(out), tag


def _kinds(enum) -> str:
    names = [f"'{k.value}'" for k in enum]
    return ", ".join(names[:-1]) + " or " + names[-1]


def explain(err: Mapping[str, Any], data: Any = None) -> tuple[tuple, str, bool]:
    """Turn one pydantic error into (path, sentence for an author, points at the key?).

    `data` is what was validated: with it, paths through a union keyed by `kind` are the file's paths."""
    loc, tag = _untagged(tuple(err["loc"]), data)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    name = _field_name(loc)
    value = err.get("input")
    if kind == "union_tag_invalid":  # a mini-game whose kind is not one of the kinds
        return loc + ("kind",), say('"{value}" is not allowed for {name}; use one of: {expected}.', value=ctx.get("tag"),
                                    name="kind", expected=_kinds(MiniGameKind)), False
    if kind == "union_tag_not_found":
        return loc, say('The field "{name}" is missing here; it is required.', name="kind") + " " + say(
            "Use one of: {expected}.", expected=_kinds(MiniGameKind)), False
    if kind == "missing" and tag is not None:
        return loc[:-1], say("A {kind} mini-game needs '{field}'.", kind=tag, field=name), False
    if kind == "missing":
        return loc[:-1], say('The field "{name}" is missing here; it is required.', name=name), False
    if kind == "extra_forbidden" and tag is not None:
        return loc, say('"{name}" is not a field of a {kind} mini-game. Check its spelling, its indentation, or the '
                        "mini-game's kind.", name=name, kind=tag), True
    if kind == "extra_forbidden":
        return loc, say('"{name}" is not a field that can be used here. Check its spelling or its indentation.', name=name), True
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern", "").startswith("^[a-z0-9]"):
            return loc, say('"{value}" cannot be used as {name}: use only lowercase letters, digits, "-" and "_", '
                            "and start with a letter or a digit.", value=value, name=name), False
        return loc, say('"{value}" is not a usable image name: use letters without accents, digits, "-", "_" and "/" '
                        "only (no spaces), and end it in .png or .jpg in lowercase.", value=value), False
    if kind == "string_too_short":
        return loc, say('The field "{name}" is empty; write something here.', name=name), False
    if kind == "string_too_long":
        return loc, say('The field "{name}" is too long (at most {n} characters).', name=name, n=ctx.get("max_length")), False
    if kind == "too_short":
        return loc, say('"{name}" needs at least {n} item(s).', name=name, n=ctx.get("min_length")), False
    if kind == "too_long":
        return loc, say('"{name}" has too many items (at most {n}).', name=name, n=ctx.get("max_length")), False
    if kind == "literal_error" and ctx.get("expected") == "True":
        return loc, say('"{name}" can only be true (write {name}: true).', name=name), False
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        return loc, say('"{value}" is not allowed for {name}; use one of: {expected}.', value=value, name=name, expected=expected), False
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = ctx.get("ge", ctx.get("le"))
        if kind == "greater_than_equal":
            return loc, say('"{name}" must be at least {limit}.', name=name, limit=limit), False
        return loc, say('"{name}" must be at most {limit}.', name=name, limit=limit), False
    if kind == "value_error":  # a model's own check (models.problem_at may send it to a line inside the model)
        msg = str(ctx.get("error") or err.get("msg", ""))
        return loc, msg.removeprefix("Value error, "), bool(ctx.get("at_key"))
    if kind in _SIMPLE:
        sentence = say(_SIMPLE[kind])
        if value is not None and not isinstance(value, (dict, list)):
            sentence = say('{sentence} (found "{value}")', sentence=sentence.rstrip("."), value=value) + "."
        return loc, sentence, False
    return loc, say('The value of "{name}" is not right: {detail}.', name=name, detail=err.get("msg", kind)), False


def _dupes(loc: Located, items: list, path: tuple, what: str) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            loc.at(path + (i, "id"), say('Another {what} already has the id "{id}" (item {n}); ids must be unique.', what=say(what), id=item.id, n=seen[item.id] + 1))
        else:
            seen[item.id] = i


def _dupes_inside(loc: Located, obj: BaseModel, path: tuple, what: str) -> None:
    """Every list of parts with ids inside `obj` (whatever its kind has: meters, rounds and their options,
    cards...): ids unique in their list."""
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if not isinstance(value, list) or not all(isinstance(v, BaseModel) for v in value):
            continue
        alias = info.alias or name
        if value and all("id" in type(v).model_fields for v in value):
            _dupes(loc, value, path + (alias,), what)
        for i, v in enumerate(value):
            _dupes_inside(loc, v, path + (alias, i), what)


def _link(root: Path, chapters: list[Located], dialogues: list[Located], broken: set[str],
          broken_files: bool = False, broken_dialogue: set[str] | frozenset[str] = frozenset()) -> dict[str, ChapterBundle]:
    bundles: dict[str, ChapterBundle] = {}
    located_by_id: dict[str, Located] = {}
    for loc in chapters:
        ch: Chapter = loc.model
        if ch.id in bundles:
            loc.at(("id",), say('The chapter id "{id}" is already used by {file}.', id=ch.id, file=bundles[ch.id].file))
            continue
        bundles[ch.id] = ChapterBundle(ch, loc.sink.display)
        located_by_id[ch.id] = loc
        for items, group, what in (
            (ch.scenes, "scenes", N_("scene")), (ch.documents, "documents", N_("document")),
            (ch.questions, "questions", N_("question")), (ch.characters, "characters", N_("character")),
            (ch.objectives, "objectives", N_("objective")), (ch.minigames, "minigames", N_("mini-game")),
            (ch.sources, "sources", N_("source")),
        ):
            _dupes(loc, items, (group,), what)
        for si, scene in enumerate(ch.scenes):
            _dupes(loc, scene.hotspots, ("scenes", si, "hotspots"), N_("hotspot in this scene"))

    orders: dict[int, str] = {}
    for cid, b in bundles.items():
        if b.chapter.order in orders:
            located_by_id[cid].at(("order",), say('Chapters "{a}" and "{b}" have the same order {n}.', a=orders[b.chapter.order],
                                                  b=cid, n=b.chapter.order), severity="warning")
        orders[b.chapter.order] = cid

    dialogue_locs: dict[str, list[Located]] = {}
    for loc in dialogues:
        d: Dialogue = loc.model
        bundle = bundles.get(d.chapter)
        if bundle is None:
            if d.chapter in broken or broken_files:
                continue  # its chapter file is reported already; checking against it would only add noise
            known = ", ".join(sorted(bundles)) or "none"
            loc.at(("chapter",), say('There is no chapter with the id "{id}" (chapters found: {known}).', id=d.chapter, known=known))
            continue
        dialogue_locs.setdefault(d.chapter, []).append(loc)
        for ni, node in enumerate(d.nodes):
            if node.id in bundle.nodes:
                loc.at(("nodes", ni, "id"), say('The node id "{id}" is already used in {file}; node ids must be unique in a chapter.', id=node.id, file=bundle.node_files[node.id]))
                continue
            bundle.nodes[node.id] = node
            bundle.node_files[node.id] = loc.sink.display
            _dupes(loc, node.lines, ("nodes", ni, "lines"), N_("line of this node"))
            _dupes(loc, node.choices, ("nodes", ni, "choices"), N_("choice of this node"))

    for cid, bundle in bundles.items():
        # a broken dialogue file is reported on its own; checking the chapter against it would only add noise
        _check_chapter(root, located_by_id[cid], bundle, dialogue_locs.get(cid, []), nodes_known=cid not in broken_dialogue)
    return bundles


def _ref(loc: Located, path: tuple, value: str | None, table: dict, what: str) -> None:
    if value is not None and value not in table and not _closest(value, table) and 0 < len(table) <= 10:
        loc.at(path, say('There is no {what} with the id "{id}" (ids you can use: {ids}).', what=say(what), id=value,
                         ids=", ".join(sorted(table))))
        return
    if value is not None and value not in table:
        hint = _closest(value, table)
        loc.at(path, say('There is no {what} with the id "{id}" (did you mean "{hint}"?).', what=say(what), id=value, hint=hint) if hint
              else say('There is no {what} with the id "{id}".', what=say(what), id=value))


def _closest(value: str, table: dict) -> str | None:
    import difflib

    match = difflib.get_close_matches(value, list(table), n=1, cutoff=0.6)
    return match[0] if match else None


def _asset(root: Path, loc: Located, path: tuple, rel: str | None) -> None:
    if rel is None:
        return
    if ".." in Path(rel).parts or rel.startswith("/"):
        loc.at(path, say('The image "{path}" must be a path inside assets/.', path=rel))
    elif not (root / "assets" / rel).exists():
        loc.at(path, say('The image "assets/{path}" does not exist.', path=rel))
    elif problem := picture_problem(root / "assets" / rel):  # header only: never decoded here
        loc.at(path, say('The image "assets/{path}" cannot be used: {problem}', path=rel, problem=problem))


def _check_chapter(root: Path, loc: Located, b: ChapterBundle, dlocs: list[Located], nodes_known: bool = True) -> None:
    ch = b.chapter
    if nodes_known and not dlocs and any(h.talk for s in ch.scenes for h in s.hotspots):
        loc.at(("id",), say('No file in dialogue/ has "chapter: {id}", but hotspots of this chapter start conversations.', id=ch.id))
    for ci, character in enumerate(ch.characters):
        if character.id == NARRATOR:
            loc.at(("characters", ci, "id"), say('"{id}" is reserved for the narrator; choose another id.', id=NARRATOR))
    for si, scene in enumerate(ch.scenes):
        for hi, h in enumerate(scene.hotspots):
            x, y = h.at
            if not (0 <= x <= 1280 and 0 <= y <= 720):
                loc.at(("scenes", si, "hotspots", hi, "at"), say("The hotspot is outside the 1280x720 picture ({x}, {y}).", x=x, y=y))
    for mi, m in enumerate(ch.minigames):
        _dupes_inside(loc, m, ("minigames", mi), N_("part of this mini-game"))

    # every reference and every picture, wherever the models mark one (walk.py)
    tables = ref_tables(b, nodes_known)
    for where, model in [(loc, ch)] + [(d, d.model) for d in dlocs]:
        for hit in walk(model, (Ref, Asset)):
            if isinstance(hit.marker, Asset):
                _asset(root, where, hit.path, hit.value)
            elif hit.marker.target != "chapter":  # a dialogue's chapter is matched when files are linked
                _ref(where, hit.path, hit.value, tables[hit.marker.target], TARGETS[hit.marker.target])

    traps = endless(b.nodes) if nodes_known else {}  # conversations that can never end
    for dloc in dlocs:
        for ni, node in enumerate(dloc.model.nodes):
            nid = node.id
            if b.nodes.get(nid) is node and nid in traps:
                dloc.at(("nodes", ni, "id"), traps[nid])


def ref_tables(b: ChapterBundle, nodes_known: bool = True) -> dict[str, dict]:
    """What each kind of reference (`Ref(target)`) can point at in a chapter."""
    return {
        "scene": b.scenes, "document": b.documents, "question": b.questions, "minigame": b.minigames,
        "objective": b.objectives, "node": b.nodes if nodes_known else _Anything(),
        "speaker": dict(b.characters, **{NARRATOR: None}),
    }


class _Anything(dict):
    """Stands for the nodes of a dialogue file that could not be read: every id is taken as known."""

    def __contains__(self, key) -> bool:
        return True


