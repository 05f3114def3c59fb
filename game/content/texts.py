"""Every pupil-visible string of the content, with a stable message context.

The context is built from ids only (never from wording), e.g.
`occupation:question:q-etoile:option:b:feedback`, so a translation survives a
reworded source line: gettext tools then mark it out of date ("fuzzy") instead
of losing it. French, the authors' language, is the source text.

Which fields are texts, their contexts and their translator comments are declared
on the models (`Text` markers, `i18n` on each class; see walk.py). The walker serves
both the catalogue extraction (`all_messages`) and the translation of a loaded
chapter (`localized`), so the two cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Callable

from .loader import ChapterBundle
from .walk import Text, walk_bundle


@dataclass(frozen=True)
class Message:
    context: str  # relative to the chapter, e.g. "scene:mine:title"
    text: str
    file: str
    path: tuple  # path inside the YAML file
    comment: str = ""
    line: int = 0  # line in the file (0 when the chapter was not read from a file)


def all_messages(b: ChapterBundle) -> list[Message]:
    return [Message(h.context, h.value, h.file, h.path, h.comment, h.line) for h in walk_bundle(b, Text)]


def localized(b: ChapterBundle, translate: Callable[[str, str], str]) -> ChapterBundle:
    """A copy of the chapter with every text passed through `translate(context, source)`."""
    chapter = b.chapter.model_copy(deep=True)
    nodes = {nid: n.model_copy(deep=True) for nid, n in b.nodes.items()}
    copy = replace(b, chapter=chapter, nodes=nodes, node_files=dict(b.node_files))
    for hit in list(walk_bundle(copy, Text)):
        hit.set(translate(hit.context, hit.value))
    return copy
