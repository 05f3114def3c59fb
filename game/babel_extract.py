"""A Babel extractor for the content YAML, so `pybabel extract` collects every pupil-visible string.

Registered in pyproject.toml as the `coupole_yaml` extraction method; babel.cfg maps
levels/*.yaml and dialogue/*.yaml to it. Each message carries:
- the real line of the YAML file (the catalogue says `levels/01_occupation.yaml:42`),
- the stable id path as message context (`occupation:question:q-arras:prompt`), the same
  context the game looks up, so a reworded line is marked fuzzy instead of lost,
- a translator comment (who speaks, which scene, which question).
A file that is not valid content yields nothing (`python main.py validate` says why).
"""
from __future__ import annotations

from typing import Iterator

from pydantic import ValidationError

from .content.limits import MAX_FILE_BYTES
from .content.loader import ChapterBundle
from .content.models import Chapter, Dialogue
from .content.texts import all_messages
from .content.walk import place
from .content.yamlsource import YamlSyntaxError, load_yaml


def extract_yaml(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    try:
        raw = fileobj.read(MAX_FILE_BYTES + 1)  # never more: the loader reports a larger file
        if len(raw) > MAX_FILE_BYTES:
            return
        text = raw.decode(options.get("encoding", "utf-8"))
        data, smap, _ = load_yaml(text)
    except (UnicodeDecodeError, YamlSyntaxError):
        return
    if not isinstance(data, dict):
        return
    try:
        if "nodes" in data:
            dialogue = Dialogue.model_validate(data)
            place(dialogue, "this file", smap)
            stub = Chapter.model_construct(id=dialogue.chapter, title="", subtitle=None, summary="", conclusion="",
                                           objectives=[], characters=[], scenes=[], documents=[], questions=[],
                                           minigames=[], sources=[], teacher=None)
            bundle = ChapterBundle(stub, "dialogue")
            for node in dialogue.nodes:
                bundle.nodes[node.id] = node
                bundle.node_files[node.id] = "this file"
            messages = [m for m in all_messages(bundle) if m.context.startswith("node:")]
            cid = dialogue.chapter
        else:
            chapter = Chapter.model_validate(data)
            place(chapter, "this file", smap)
            messages = all_messages(ChapterBundle(chapter, "this file"))
            cid = chapter.id
    except ValidationError:
        return
    for m in messages:
        yield m.line, "pgettext", (f"{cid}:{m.context}", m.text), [m.comment] if m.comment else []
