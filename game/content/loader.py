"""Load the content tree (levels/, dialogue/, assets/) into validated models.

Everything wrong is collected - YAML syntax, unknown or missing fields, wrong
types, broken cross-references, missing images - and reported together as
`file:line:column: sentence` problems. Nothing here raises anything but
`ContentError`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import NARRATOR, Chapter, Dialogue, Node, Question
from .problems import ContentError, Problem, ProblemSink
from .yamlsource import SourceMap, YamlSyntaxError, load_yaml

MAX_FILE_BYTES = 2_000_000


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
    chapters: list[Located] = []
    dialogues: list[Located] = []

    for folder, model, bucket in (("levels", Chapter, chapters), ("dialogue", Dialogue, dialogues)):
        directory = root / folder
        if not directory.is_dir():
            sink = ProblemSink(directory, f"{folder}/", text="")
            sink.add(1, 1, f"The folder {folder}/ is missing from {root}.")
            sinks.append(sink)
            continue
        for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
            located = _load_file(root, path, model, sinks, broken if model is Chapter else None)
            if located is not None:
                bucket.append(located)

    level_files = len(list((root / "levels").glob("*.y*ml"))) if (root / "levels").is_dir() else 0
    bundles = _link(root, chapters, dialogues, broken, broken_files=len(chapters) < level_files)
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
        raw = path.read_bytes()
    except OSError as exc:
        sink = ProblemSink(path, display, text="")
        sink.add(1, 1, f"This file cannot be opened ({exc.strerror}).")
        sinks.append(sink)
        return None
    if len(raw) > MAX_FILE_BYTES:
        sink = ProblemSink(path, display, text="")
        sink.add(1, 1, f"This file is too large ({len(raw)} bytes; the limit is {MAX_FILE_BYTES}).")
        sinks.append(sink)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        sink = ProblemSink(path, display, text="")
        sink.add(1, 1, f"This file is not saved as UTF-8 text (bad byte at position {exc.start}); save it again as UTF-8.")
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
        sink.add(1, 1, f"This file should be a set of fields (like 'id: ...'), but it is {_kind(data)}.")
        return None
    try:
        obj = model.model_validate(data)
    except ValidationError as exc:
        if broken is not None and isinstance(data.get("id"), str):
            broken.add(data["id"])
        for err in exc.errors(include_url=False):
            path_, sentence, on_key = explain(err)
            line, col = smap.key(path_) if on_key else smap.value(path_)
            sink.add(line, col, sentence)
        return None
    # Problems found while reading (a duplicated key, say) are already in the sink;
    # the model is still checked against the others so every problem shows at once.
    return Located(obj, sink, smap)


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    return f"the single value {value!r}"


def _field_name(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "value"


_SIMPLE = {
    "string_type": "This should be text.",
    "bool_type": "This should be true or false.",
    "bool_parsing": "This should be true or false.",
    "int_type": "This should be a whole number.",
    "int_parsing": "This should be a whole number.",
    "int_from_float": "This should be a whole number.",
    "list_type": "This should be a list (one item per line, each starting with '- ').",
    "tuple_type": "This should be a list of numbers, like [640, 360].",
    "dict_type": "This should be a set of fields (name: value).",
    "model_type": "This should be a set of fields (name: value).",
    "model_attributes_type": "This should be a set of fields (name: value).",
    "date_type": "This should be a date written YYYY-MM-DD, e.g. 1944-09-05.",
    "date_parsing": "This should be a date written YYYY-MM-DD, e.g. 1944-09-05.",
    "date_from_datetime_parsing": "This should be a date written YYYY-MM-DD, e.g. 1944-09-05.",
    "date_from_datetime_inexact": "This should be a date written YYYY-MM-DD, without a time.",
}


def explain(err: dict) -> tuple[tuple, str, bool]:
    """Turn one pydantic error into (path, sentence for an author, points at the key?)."""
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    name = _field_name(loc)
    value = err.get("input")
    if kind == "missing":
        return loc[:-1], f'The field "{name}" is missing here; it is required.', False
    if kind == "extra_forbidden":
        return loc, f'"{name}" is not a field that can be used here. Check its spelling or its indentation.', True
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern", "").startswith("^[a-z0-9]"):
            return loc, (
                f'"{value}" cannot be used as {name}: use only lowercase letters, digits, "-" and "_", '
                "and start with a letter or a digit."
            ), False
        return loc, f'"{value}" is not an image file name inside assets/ (it must end in .png or .jpg).', False
    if kind == "string_too_short":
        return loc, f'The field "{name}" is empty; write something here.', False
    if kind == "string_too_long":
        return loc, f'The field "{name}" is too long (at most {ctx.get("max_length")} characters).', False
    if kind == "too_short":
        return loc, f'"{name}" needs at least {ctx.get("min_length")} item(s).', False
    if kind == "too_long":
        return loc, f'"{name}" has too many items (at most {ctx.get("max_length")}).', False
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        return loc, f'"{value}" is not allowed for {name}; use one of: {expected}.', False
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = ctx.get("ge", ctx.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        return loc, f'"{name}" must be {word} {limit}.', False
    if kind == "value_error":
        msg = str(ctx.get("error") or err.get("msg", ""))
        return loc, msg.removeprefix("Value error, "), False
    if kind in _SIMPLE:
        sentence = _SIMPLE[kind]
        if value is not None and not isinstance(value, (dict, list)):
            sentence = f'{sentence[:-1]} (found "{value}").'
        return loc, sentence, False
    return loc, f'The value of "{name}" is not right: {err.get("msg", kind)}.', False


def _dupes(loc: Located, items: list, path: tuple, what: str) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            loc.at(path + (i, "id"), f'Another {what} already has the id "{item.id}" (item {seen[item.id] + 1}); ids must be unique.')
        else:
            seen[item.id] = i


def _link(root: Path, chapters: list[Located], dialogues: list[Located], broken: set[str],
          broken_files: bool = False) -> dict[str, ChapterBundle]:
    bundles: dict[str, ChapterBundle] = {}
    located_by_id: dict[str, Located] = {}
    for loc in chapters:
        ch: Chapter = loc.model
        if ch.id in bundles:
            loc.at(("id",), f'The chapter id "{ch.id}" is already used by {bundles[ch.id].file}.')
            continue
        bundles[ch.id] = ChapterBundle(ch, loc.sink.display)
        located_by_id[ch.id] = loc
        for items, what in (
            (ch.scenes, "scene"), (ch.documents, "document"), (ch.questions, "question"),
            (ch.characters, "character"), (ch.objectives, "objective"), (ch.minigames, "minigame"),
            (ch.sources, "source"),
        ):
            _dupes(loc, items, (what + "s" if what != "character" else "characters",), what)
        for si, scene in enumerate(ch.scenes):
            _dupes(loc, scene.hotspots, ("scenes", si, "hotspots"), "hotspot in this scene")

    orders: dict[int, str] = {}
    for cid, b in bundles.items():
        if b.chapter.order in orders:
            located_by_id[cid].at(("order",), f'Chapters "{orders[b.chapter.order]}" and "{cid}" have the same order {b.chapter.order}.', severity="warning")
        orders[b.chapter.order] = cid

    dialogue_locs: dict[str, list[Located]] = {}
    for loc in dialogues:
        d: Dialogue = loc.model
        bundle = bundles.get(d.chapter)
        if bundle is None:
            if d.chapter in broken or broken_files:
                continue  # its chapter file is reported already; checking against it would only add noise
            known = ", ".join(sorted(bundles)) or "none"
            loc.at(("chapter",), f'There is no chapter with the id "{d.chapter}" (chapters found: {known}).')
            continue
        dialogue_locs.setdefault(d.chapter, []).append(loc)
        for ni, node in enumerate(d.nodes):
            if node.id in bundle.nodes:
                loc.at(("nodes", ni, "id"), f'The node id "{node.id}" is already used in {bundle.node_files[node.id]}; node ids must be unique in a chapter.')
                continue
            bundle.nodes[node.id] = node
            bundle.node_files[node.id] = loc.sink.display
            _dupes(loc, node.lines, ("nodes", ni, "lines"), "line of this node")
            _dupes(loc, node.choices, ("nodes", ni, "choices"), "choice of this node")

    for cid, bundle in bundles.items():
        _check_chapter(root, located_by_id[cid], bundle, dialogue_locs.get(cid, []))
    return bundles


def _ref(loc: Located, path: tuple, value: str | None, table: dict, what: str) -> None:
    if value is not None and value not in table:
        hint = _closest(value, table)
        loc.at(path, f'There is no {what} with the id "{value}"' + (f' (did you mean "{hint}"?).' if hint else "."))


def _closest(value: str, table: dict) -> str | None:
    import difflib

    match = difflib.get_close_matches(value, list(table), n=1, cutoff=0.6)
    return match[0] if match else None


def _asset(root: Path, loc: Located, path: tuple, rel: str | None) -> None:
    if rel is None:
        return
    if ".." in Path(rel).parts or rel.startswith("/"):
        loc.at(path, f'The image "{rel}" must be a path inside assets/.')
    elif not (root / "assets" / rel).is_file():
        loc.at(path, f'The image "assets/{rel}" does not exist.')


def _check_chapter(root: Path, loc: Located, b: ChapterBundle, dlocs: list[Located]) -> None:
    ch = b.chapter
    if not dlocs and any(h.talk for s in ch.scenes for h in s.hotspots):
        loc.at(("id",), f'No file in dialogue/ has "chapter: {ch.id}", but hotspots of this chapter start conversations.')
    _ref(loc, ("start",), ch.start, b.scenes, "scene")
    for ci, character in enumerate(ch.characters):
        _asset(root, loc, ("characters", ci, "portrait"), character.portrait)
        if character.id == NARRATOR:
            loc.at(("characters", ci, "id"), f'"{NARRATOR}" is reserved for the narrator; choose another id.')
    for si, scene in enumerate(ch.scenes):
        _asset(root, loc, ("scenes", si, "background"), scene.background)
        _ref(loc, ("scenes", si, "enter"), scene.enter, b.nodes, "dialogue node")
        for hi, h in enumerate(scene.hotspots):
            base = ("scenes", si, "hotspots", hi)
            _ref(loc, base + ("talk",), h.talk, b.nodes, "dialogue node")
            _ref(loc, base + ("document",), h.document, b.documents, "document")
            _ref(loc, base + ("question",), h.question, b.questions, "question")
            _ref(loc, base + ("go",), h.go, b.scenes, "scene")
            _ref(loc, base + ("play",), h.play, b.minigames, "mini-game")
            x, y = h.at
            if not (0 <= x <= 1280 and 0 <= y <= 720):
                loc.at(base + ("at",), f"The hotspot is outside the 1280x720 picture ({x}, {y}).")
    for di, doc in enumerate(ch.documents):
        _asset(root, loc, ("documents", di, "image"), doc.image)
    for qi, q in enumerate(ch.questions):
        _ref(loc, ("questions", qi, "objective"), q.objective, b.objectives, "learning objective")
        _asset(root, loc, ("questions", qi, "map"), q.map)
    for mi, m in enumerate(ch.minigames):
        _asset(root, loc, ("minigames", mi, "map"), m.map)
        _effects(loc, ("minigames", mi, "effects"), m.effects, b)
        for group in ("meters", "rounds", "endings", "tokens", "zones", "cards", "categories", "items"):
            _dupes(loc, getattr(m, group), ("minigames", mi, group), f"{group[:-1]} of this mini-game")

    for dloc in dlocs:
        d: Dialogue = dloc.model
        for ni, node in enumerate(d.nodes):
            base = ("nodes", ni)
            speakers = dict(b.characters, **{NARRATOR: None})
            for li, line in enumerate(node.lines):
                _ref(dloc, base + ("lines", li, "speaker"), line.speaker, speakers, "character")
            _ref(dloc, base + ("next",), node.next, b.nodes, "dialogue node")
            _effects(dloc, base + ("effects",), node.effects, b)
            for ci, choice in enumerate(node.choices):
                _ref(dloc, base + ("choices", ci, "next"), choice.next, b.nodes, "dialogue node")
                _effects(dloc, base + ("choices", ci, "effects"), choice.effects, b)


def _effects(loc: Located, path: tuple, effects: list, b: ChapterBundle) -> None:
    for ei, e in enumerate(effects):
        _ref(loc, path + (ei, "give"), e.give, b.documents, "document")
        _ref(loc, path + (ei, "ask"), e.ask, b.questions, "question")
        _ref(loc, path + (ei, "go"), e.go, b.scenes, "scene")
        _ref(loc, path + (ei, "play"), e.play, b.minigames, "mini-game")


