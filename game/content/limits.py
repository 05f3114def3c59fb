"""Bounds on everything the content reader takes in, so no file can hang the game or fill the memory.

The content folder is written by people and copied between school PCs, so anything may sit in it: a link to
/dev/zero, a FIFO, a YAML "billion laughs", a file nested 50 000 levels deep. Every reader of content goes
through here first:

- `read_limited(path, limit)`: regular files only (checked with os.stat before opening, and again on the open
  file), at most `limit` bytes ever read;
- `check_yaml_events(events)`: walks the YAML parser's event stream (libyaml, streaming, no tree built) and
  refuses a file nested deeper than MAX_DEPTH or whose aliases would expand to more than MAX_NODES values,
  before anything is built - in memory and time bounded by the file's size;
- `unsafe_character(text)`: control characters and bidirectional overrides/isolates, which must never reach a
  pupil's screen, a teacher's report or a CSV.

The limits, and why:
- MAX_FILE_BYTES 2 MB per YAML file: the largest chapter is about 60 kB; 30 times that is still read in
  milliseconds.
- MAX_DEPTH 40 levels: the deepest real content is 8 (a mini-game's round's option's effect); 40 leaves room and
  keeps every reader far from Python's recursion limit (1000 frames).
- MAX_NODES 200 000 values after alias expansion: the whole of today's content is about 12 000; 200 000 builds in
  well under a second and a few tens of MB, and a billion laughs (10^9) is refused at its first few aliases.
"""
from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from ..i18n import N_
from .say import say

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000

NOT_A_FILE = N_("This is not an ordinary file ({kind}); only text files can be read as content.")
TOO_DEEP = N_("This is nested too deeply (more than {limit} levels of lists and fields inside each other).")
TOO_LARGE = N_("This file is too large ({size} bytes; the limit is {limit}).")


class LimitError(Exception):
    """A bound was hit; `sentence` says so in the author's language, at `line`:`column`."""

    def __init__(self, sentence: str, line: int = 1, column: int = 1):
        super().__init__(sentence)
        self.sentence, self.line, self.column = sentence, line, column


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return say("a folder")
    if stat.S_ISFIFO(mode):
        return say("a pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("a device")
    if stat.S_ISSOCK(mode):
        return say("a socket")
    return say("not a regular file")


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; LimitError (a sentence) for anything else.

    OSError (missing, no permission) goes through unchanged: the callers already turn it into a sentence.
    """
    st = os.stat(path)  # follows links: a link to /dev/zero is a device
    if not stat.S_ISREG(st.st_mode):
        raise LimitError(say(NOT_A_FILE, kind=_kind(st.st_mode)))
    if st.st_size > limit:
        raise LimitError(say(TOO_LARGE, size=st.st_size, limit=limit))
    # O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening it does not wait for a writer
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise LimitError(say(NOT_A_FILE, kind=_kind(st.st_mode)))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:  # it grew since the stat
        raise LimitError(say(TOO_LARGE, size=size, limit=limit))
    return b"".join(chunks)


def check_yaml_events(events, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> None:
    """Raise LimitError at the first event that makes the document too deep or too large once aliases expand.

    `events` is a parser's event stream; yaml.YAMLError from it goes through. Each anchored value's expanded
    size is remembered, so an alias counts as everything it stands for, without expanding anything.
    """
    from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    sizes: dict[str, int] = {}  # anchor -> number of values it expands to
    stack: list[list] = []  # open collections: [anchor, values so far]
    total = 0
    for event in events:
        if isinstance(event, CollectionStartEvent):
            if len(stack) >= max_depth:
                raise LimitError(say(TOO_DEEP, limit=max_depth), *_where(event))
            stack.append([event.anchor, 1])
            total += 1
            size = None
        elif isinstance(event, CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor is not None:
                sizes[anchor] = size
        elif isinstance(event, ScalarEvent):
            size = 1
            total += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, AliasEvent):
            if any(frame[0] == event.anchor for frame in stack):
                raise LimitError(say("This alias (*{name}) is inside the value it stands for: it would never end.",
                                     name=event.anchor), *_where(event))
            size = sizes.get(event.anchor, 1) if event.anchor is not None else 1
            total += size
        else:
            continue
        if size is not None and stack:
            stack[-1][1] += size
        if total > max_nodes:
            raise LimitError(say("This file would hold more than {limit} values once its aliases (*name) are "
                                 "expanded; write the values out, or use fewer aliases.", limit=max_nodes),
                             *_where(event))


def _where(event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


# -- characters that must not reach a screen, a report or a CSV ----------------------------------------------
_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # all controls but tab and newline, and bidi


def unsafe_character(text: str) -> tuple[int, str] | None:
    """(index, character) of the first control (other than tab and newline) or bidi override of `text`."""
    m = _UNSAFE.search(text)
    return (m.start(), m.group()) if m else None


def unsafe_sentence(ch: str) -> str:
    name = unicodedata.name(ch, "") or f"U+{ord(ch):04X}"
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return say("This text holds an invisible character that reverses the writing direction ({name}, "
                   "U+{code:04X}); delete it.", name=name, code=ord(ch))
    return say("This text holds an invisible control character (U+{code:04X}); delete it.", code=ord(ch), name=name)
