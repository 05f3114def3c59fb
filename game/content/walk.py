"""The content schema's markers, and the one walker that reads them.

A field of a content model says what its value *is* with a marker in its annotation:

    talk: Annotated[Id | None, Ref("node")] = ...            # the id of a dialogue node of the chapter
    background: Annotated[AssetPath, Asset("background")]    # a picture inside assets/
    title: Annotated[Words, Text("Scene title (a place)")]   # translated; the comment is for translators
    title: Annotated[Words, Verbatim("a book's own title")]  # shown to pupils as written, never translated
    requires: Annotated[list[FlagName], Flag("requires")]    # a marker on a list applies to each item

and a model class says how its texts are named in the catalogues with `i18n` (e.g. "scene:{id}").

`walk(obj)` yields every marked value below a model object, in field order, with its owner, its
path in the YAML file, the marker and the source position. Everything that needs "every reference",
"every picture" or "every translatable text" asks the walker: the loader's reference and picture
checks, the catalogues and the Babel extractor (`texts.py`), the lint's flags and links, `stats`.
Adding a field to the content format is one edit: the field, with its marker.

Positions live on the model objects (`origin(obj)`), placed once by the loader from the YAML
source map (`place`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar
from collections.abc import Callable, Iterator

from pydantic import BaseModel

from ..i18n import N_

# -- markers ---------------------------------------------------------------------------------------

#: what each kind of reference points at, in words for authors (translated by say() when used)
TARGETS = {
    "scene": N_("scene"),
    "node": N_("dialogue node"),
    "document": N_("document"),
    "question": N_("question"),
    "minigame": N_("mini-game"),
    "objective": N_("learning objective"),
    "speaker": N_("character"),
    "chapter": N_("chapter"),
}


@dataclass(frozen=True)
class Ref:
    """The value is the id of something defined elsewhere in the chapter (a target of TARGETS)."""

    target: str

    def __post_init__(self):
        if self.target not in TARGETS:
            raise ValueError(f"unknown reference target {self.target!r}; add it to TARGETS")


@dataclass(frozen=True)
class Local:
    """The value (or each key of a mapping) is the id of a part of the same mini-game; its kind's
    validator checks it, where the parts are known."""

    part: str


@dataclass(frozen=True)
class Asset:
    """The value is a picture inside assets/; `use` says what it is for (background, portrait, ...)."""

    use: str


@dataclass(frozen=True)
class Text:
    """Text pupils (or teachers) read: extracted for translation and translated at run time.

    `comment` is for translators: a template formatted with the owner (`{self.title}`) and its
    parent (`{parent.title}`), or a function of the Hit. `key` names the text in its owner's
    context: the field name by default, "" for the owner's own context (e.g. `objective:o1`).
    """

    comment: str | Callable[[Hit], str] = ""
    key: str | None = None


@dataclass(frozen=True)
class Verbatim:
    """Text shown as written, in every language (a book's own title). `why` says why."""

    why: str


@dataclass(frozen=True)
class Ident:
    """An identifier (never shown, never translated)."""


@dataclass(frozen=True)
class Flag:
    """A story flag: set, cleared, required or excluded here."""

    role: Literal["set", "clear", "requires", "excludes"]


MARKERS = (Ref, Local, Asset, Text, Verbatim, Ident, Flag)


# -- positions on the model objects ------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Origin:
    """Where a model object was written: its file and its path in that file's YAML."""

    file: str
    path: tuple
    smap: Any = field(default=None, repr=False)  # yamlsource.SourceMap of the whole file, shared

    def __deepcopy__(self, memo):  # shared by copies (a translated chapter keeps the source's positions)
        return self

    def value(self, *sub) -> tuple[int, int]:
        return self.smap.value(self.path + sub) if self.smap is not None else (0, 0)

    def key(self, *sub) -> tuple[int, int]:
        return self.smap.key(self.path + sub) if self.smap is not None else (0, 0)


def origin(obj: BaseModel) -> Origin | None:
    """Where `obj` was written, if it came from a file (see `place`)."""
    private = getattr(obj, "__pydantic_private__", None) or {}
    return private.get("_origin")


def place(obj: BaseModel, file: str, smap: Any, path: tuple = ()) -> None:
    """Record on `obj` and on every model object inside it where it was written."""
    setattr(obj, "_origin", Origin(file, tuple(path), smap))  # noqa: B010 - a private attribute of every content model, unknown to BaseModel's type
    for f in _plan(type(obj)):
        value = getattr(obj, f.name, None)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                sub = path + (f.alias,) + ((i,) if isinstance(value, list) else ())
                place(item, file, smap, sub)


# -- the walker -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Field:
    name: str
    alias: str
    markers: tuple


_PLANS: dict[type, tuple[_Field, ...]] = {}


def _plan(cls: type[BaseModel]) -> tuple[_Field, ...]:
    """The fields of a model class, in order, with their markers (read once per class)."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple(_Field(name, info.alias or name, tuple(m for m in info.metadata if isinstance(m, MARKERS)))
                                   for name, info in cls.model_fields.items())
    return plan


@dataclass
class Hit:
    """One marked value found by the walker."""

    owner: BaseModel  # the model object that holds the field
    name: str  # the field's attribute name
    index: int | None  # the item's index, when the field is a list
    value: Any
    marker: Any
    path: tuple  # path of the value in its YAML file, e.g. ("scenes", 0, "hotspots", 2, "talk")
    file: str
    parents: tuple  # the owner's ancestors, outermost first
    chapter: Any = None  # the chapter, when the walk was asked for one (comments that need it)
    smap: Any = field(default=None, repr=False)

    @property
    def position(self) -> tuple[int, int]:
        """(line, column) of the value in its file, 1-based; (0, 0) when not read from a file."""
        return self.smap.value(self.path) if self.smap is not None else (0, 0)

    @property
    def line(self) -> int:
        return self.position[0]

    @property
    def column(self) -> int:
        return self.position[1]

    @property
    def parent(self) -> BaseModel | None:
        return self.parents[-1] if self.parents else None

    def set(self, value: Any) -> None:
        """Replace the value in its owner (used to translate a copy of a chapter)."""
        if self.index is None:
            setattr(self.owner, self.name, value)
        else:
            getattr(self.owner, self.name)[self.index] = value
        self.value = value

    # -- texts -------------------------------------------------------------------------------------
    @property
    def context(self) -> str:
        """The catalogue context of a Text hit, from ids only: e.g. 'question:q1:option:b:feedback'."""
        parts = [seg for obj in self.parents + (self.owner,) if (seg := _segment(obj))]
        key = self.marker.key if isinstance(self.marker, Text) and self.marker.key is not None else self.name
        if key:
            parts.append(key)
        return ":".join(parts)

    @property
    def comment(self) -> str:
        c = self.marker.comment if isinstance(self.marker, Text) else ""
        if callable(c):
            return c(self)
        return c.format(self=self.owner, parent=self.parent) if c else ""


def _segment(obj: BaseModel) -> str:
    template = getattr(type(obj), "i18n", "")
    return template.format(self=obj, id=getattr(obj, "id", "")) if template else ""


def walk(obj: BaseModel, kinds: type | tuple = MARKERS, *, file: str | None = None, path: tuple | None = None,
         chapter: Any = None) -> Iterator[Hit]:
    """Every value marked with one of `kinds` below `obj`, in field order; None values are skipped.

    The file and path default to where `obj` was written (`origin`)."""
    where = origin(obj)
    if file is None:
        file = where.file if where else ""
    if path is None:
        path = where.path if where else ()
    smap = where.smap if where else None
    yield from _walk(obj, kinds, file, tuple(path), (), chapter, smap)


def _walk(obj, kinds, file, path, parents, chapter, smap) -> Iterator[Hit]:
    for f in _plan(type(obj)):
        value = getattr(obj, f.name, None)
        if value is None:
            continue
        marked = [m for m in f.markers if isinstance(m, kinds)]
        is_list = isinstance(value, list)
        for m in marked:
            if is_list:
                for i, item in enumerate(value):
                    if item is not None:
                        yield Hit(obj, f.name, i, item, m, path + (f.alias, i), file, parents, chapter, smap)
            elif isinstance(value, dict):
                for k in value:  # a marker on a mapping is about its keys
                    yield Hit(obj, f.name, None, k, m, path + (f.alias, k), file, parents, chapter, smap)
            else:
                yield Hit(obj, f.name, None, value, m, path + (f.alias,), file, parents, chapter, smap)
        items = value if is_list else [value]
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                sub = path + (f.alias,) + ((i,) if is_list else ())
                yield from _walk(item, kinds, file, sub, parents + (obj,), chapter, smap)


def walk_bundle(bundle, kinds: type | tuple = MARKERS) -> Iterator[Hit]:
    """Every marked value of a chapter and of its dialogue nodes (each in its own file)."""
    yield from walk(bundle.chapter, kinds, chapter=bundle.chapter, file=_file_of(bundle.chapter, bundle.file))
    index_in_file: dict[str, int] = {}
    for nid, node in bundle.nodes.items():
        nf = bundle.node_files[nid]
        where = origin(node)
        if where is not None:
            path = where.path
        else:  # not read by the loader (a test's bundle): its place among its file's nodes
            path = ("nodes", index_in_file.get(nf, 0))
        index_in_file[nf] = index_in_file.get(nf, 0) + 1
        yield from walk(node, kinds, chapter=bundle.chapter, file=nf, path=path)


def _file_of(obj: BaseModel, default: str) -> str:
    where = origin(obj)
    return where.file if where is not None and where.file else default


@dataclass
class Links:
    """A chapter's references and flags, as the walker finds them: the inputs of the lint and of any
    drawing of the story. `refs["scene"]` is every Hit that names a scene, `flags["set"]` every Hit that
    sets a flag, and so on."""

    refs: dict[str, list[Hit]] = field(default_factory=dict)
    flags: dict[str, list[Hit]] = field(default_factory=dict)

    def named(self, target: str) -> set[str]:
        """Every id of `target` that something names (a scene moved to, a document given...)."""
        return {h.value for h in self.refs.get(target, [])}

    def flag_values(self, role: str) -> set[str]:
        return {h.value for h in self.flags.get(role, [])}


def links(bundle) -> Links:
    out = Links()
    for hit in walk_bundle(bundle, (Ref, Flag)):
        if isinstance(hit.marker, Ref):
            out.refs.setdefault(hit.marker.target, []).append(hit)
        else:
            out.flags.setdefault(hit.marker.role, []).append(hit)
    return out


M = TypeVar("M", bound=BaseModel)


def within(hit: Hit, cls: type[M]) -> M | None:
    """The innermost object of class `cls` that holds the hit (its owner or an ancestor), if any."""
    holders: tuple[BaseModel, ...] = (hit.owner,) + tuple(reversed(hit.parents))
    for obj in holders:
        if isinstance(obj, cls):
            return obj
    return None
