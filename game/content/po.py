"""The one reader of translation catalogues (.po): strict, bounded, and with a sentence at the file's own line.

Babel's reader is lenient: a quote that is never closed loses the text's last character, a line of text without
quotes is skipped, a Latin-1 file raises a raw Python message, and a 1 MB translation goes through to the
screen, whose text layout then never finishes. Here:

- the file is a regular file of at most MAX_BYTES (limits.read_limited), decoded as UTF-8 or refused with a
  sentence at the line of the first bad byte;
- every line is a comment, a keyword (msgctxt, msgid, msgid_plural, msgstr, msgstr[n]) followed by one quoted
  string, or a quoted continuation; anything else is an error at that line;
- a translation holding control or bidirectional-override characters, or longer than `max_translation(source)`,
  is an error at its msgstr line;
- an entry with an error is left out of the catalogue (the pupil sees the French source, as for a missing
  translation), so the game never shows a mangled or unbounded text.

`read_catalog(path, display)` gives (babel Catalog of the good entries or None, problems); the game (i18n), the
lint and the catalogue tools all read through it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from .limits import LimitError, read_limited, unsafe_character, unsafe_sentence
from .problems import Problem, ProblemSink
from .say import say

MAX_BYTES = 2_000_000
MAX_TRANSLATION = 6_000  # characters; content source texts are at most 4000 (models.Text)


def max_translation(source: str) -> int:
    """The longest translation accepted for `source`: three times as long (German runs about 1.3 times the
    French), at least 200 characters for short labels, never more than MAX_TRANSLATION."""
    return min(MAX_TRANSLATION, max(200, 3 * len(source)))


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(\s+|$)(.*)$")
_SIMPLE = re.compile(r'"([^"\\]*(?:\\[ntr"\\abfv][^"\\]*)*)"')
_ESCAPE = re.compile(r'\\(.)')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


@dataclass
class Entry:
    line: int
    context: str | None = None
    id: str | None = None
    plural: str | None = None
    strings: dict[int, str] = field(default_factory=dict)
    string_line: int = 0
    fuzzy: bool = False
    bad: bool = False
    last: str | None = None  # the field a continuation line adds to


class _Syntax(Exception):
    def __init__(self, column: int, sentence: str):
        super().__init__(sentence)
        self.column, self.sentence = column, sentence


def _quoted(text: str, offset: int) -> str:
    """The value of one "..." string; `offset` is its column in the line (for the error's caret)."""
    stripped = text.rstrip()
    m = _SIMPLE.fullmatch(stripped)
    if m:  # the usual case, a well-formed string with known escapes only
        value = m.group(1)
        return _ESCAPE.sub(lambda e: _ESCAPES[e.group(1)], value) if "\\" in value else value
    if not stripped.startswith('"'):
        raise _Syntax(offset, say('A text in a catalogue must be between double quotes (").'))
    out, i = [], 1
    while i < len(stripped):
        ch = stripped[i]
        if ch == "\\":
            if i + 1 >= len(stripped):
                break
            nxt = stripped[i + 1]
            if nxt not in _ESCAPES:
                raise _Syntax(offset + i, say('"\\{char}" is not a known escape; write \\n for a new line, \\" for '
                                              "a quote, \\\\ for a backslash.", char=nxt))
            out.append(_ESCAPES[nxt])
            i += 2
            continue
        if ch == '"':
            if stripped[i + 1:].strip():
                raise _Syntax(offset + i + 1, say("Something follows the closing quote on this line; a quote inside "
                                                  'a text is written \\".'))
            return "".join(out)
        out.append(ch)
        i += 1
    raise _Syntax(offset, say('The quote opened here is never closed: a line of text must start and end with ".'))


def parse(text: str) -> tuple[list[Entry], list[tuple[int, int, str]]]:
    """Entries (bad ones marked) and issues (line, column, sentence) of a catalogue's text."""
    entries: list[Entry] = []
    issues: list[tuple[int, int, str]] = []
    cur: Entry | None = None
    pending_fuzzy = False

    def close():
        nonlocal cur
        if cur is not None:
            if cur.id is None:
                issues.append((cur.line, 1, say("This entry has no msgid.")))
                cur.bad = True
            elif not cur.strings and not cur.bad:
                issues.append((cur.line, 1, say("This entry has no msgstr (its translation line).")))
                cur.bad = True
            entries.append(cur)
        cur = None

    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped:
            close()
            pending_fuzzy = False
            continue
        if stripped.startswith("#"):
            if cur is not None and cur.strings:
                close()
            if stripped.startswith("#~"):
                continue  # an obsolete entry: kept for translators, never used
            if stripped.startswith("#,") and "fuzzy" in (f.strip() for f in stripped[2:].split(",")):
                pending_fuzzy = True
            continue
        indent = len(line) - len(line.lstrip())
        try:
            if stripped.startswith('"'):
                if cur is None or cur.last is None:
                    raise _Syntax(indent + 1, say("This line of text does not follow a msgid or msgstr."))
                value = _quoted(stripped, indent + 1)
                _append(cur, cur.last, value)
                continue
            m = _KEYWORD.match(stripped)
            if not m or not m.group(4).strip():
                raise _Syntax(indent + 1, say("This line is not understood: in a catalogue each line is a comment "
                                              '(#), a keyword (msgctxt, msgid, msgstr) with a text between quotes, or '
                                              "more text between quotes."))
            keyword = m.group(1)
            value = _quoted(m.group(4), indent + 1 + len(stripped) - len(m.group(4)))
            if keyword == "msgctxt" or (keyword == "msgid" and (cur is None or cur.strings or cur.id is not None)):
                close()
                cur = Entry(number, fuzzy=pending_fuzzy)
                pending_fuzzy = False
            elif cur is None:
                raise _Syntax(indent + 1, say("A {keyword} must follow a msgid.", keyword=keyword))
            if keyword == "msgctxt":
                cur.context, cur.last = value, "msgctxt"
            elif keyword == "msgid":
                cur.id, cur.last = value, "msgid"
            elif keyword == "msgid_plural":
                if cur.id is None:
                    raise _Syntax(indent + 1, say("A msgid_plural must follow a msgid."))
                cur.plural, cur.last = value, "msgid_plural"
            else:
                if cur.id is None:
                    raise _Syntax(indent + 1, say("A msgstr must follow a msgid."))
                index = int(m.group(2)) if m.group(2) is not None else 0
                if index in cur.strings or index > 10:
                    raise _Syntax(indent + 1, say("This entry has this msgstr twice."))
                cur.strings[index] = value
                cur.string_line = cur.string_line or number
                cur.last = f"msgstr:{index}"
        except _Syntax as exc:
            issues.append((number, exc.column, exc.sentence))
            if cur is None:
                cur = Entry(number)
            cur.bad = True
            cur.last = None
    close()
    return entries, issues


def _append(entry: Entry, last: str, value: str) -> None:
    if last == "msgctxt":
        entry.context = (entry.context or "") + value
    elif last == "msgid":
        entry.id = (entry.id or "") + value
    elif last == "msgid_plural":
        entry.plural = (entry.plural or "") + value
    else:
        index = int(last.split(":")[1])
        entry.strings[index] += value


def check(entries: list[Entry], issues: list[tuple[int, int, str]]) -> None:
    """Add the issues of well-formed entries: twice the same message, unsafe characters, translations too long."""
    seen: dict[tuple, int] = {}
    for e in entries:
        if e.bad or not e.id:
            continue
        key = (e.context, e.id)
        if key in seen:
            issues.append((e.line, 1, say("This message is already translated on line {line}; keep only one.",
                                          line=seen[key])))
            e.bad = True
            continue
        seen[key] = e.line
        for s in e.strings.values():
            if (bad := unsafe_character(s)) is not None:
                issues.append((e.string_line, 1, unsafe_sentence(bad[1])))
                e.bad = True
                break
            if len(s) > max_translation(e.id):
                issues.append((e.string_line, 1, say("This translation is {n} characters long, too long for its "
                                                     "source of {m} (at most {limit}).", n=len(s), m=len(e.id),
                                                     limit=max_translation(e.id))))
                e.bad = True
                break


def _headers(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            out.append((name.strip(), value.strip()))
    return out


def read_catalog(path: Path, display: str | None = None, *, locale: str | None = None,
                 domain: str | None = None) -> tuple[Catalog | None, list[Problem]]:
    """The catalogue's good entries as a babel Catalog (None if the file cannot be read at all) and its problems.

    A missing file raises OSError, as opening it would; nothing else is raised.
    """
    display = display or Path(path).name
    try:
        raw = read_limited(path, MAX_BYTES)
    except LimitError as exc:
        sink = ProblemSink(Path(path), display, text="")
        sink.add(1, 1, exc.sentence)
        return None, sink.problems
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        sink = ProblemSink(Path(path), display, text=raw.decode("utf-8", "replace"))
        sink.add(line, exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1,
                 say("This catalogue is not saved as UTF-8 (this line has a character saved another way, "
                     "perhaps Latin-1 or Windows-1252); save the file again as UTF-8."))
        return None, sink.problems
    text = text.removeprefix("\ufeff")
    entries, issues = parse(text)
    check(entries, issues)
    sink = ProblemSink(Path(path), display, text=text if issues else "")  # lines split only to quote one
    for line, column, sentence in sorted(issues):
        sink.add(line, column, sentence)
    catalog = Catalog(locale=locale, domain=domain)
    for e in entries:
        if e.bad:
            continue
        if e.id == "" and e.context is None:
            catalog.mime_headers = _headers(e.strings.get(0, ""))
            if locale:
                catalog.locale = locale
            continue
        assert e.id is not None  # check() marks an entry without msgid bad
        msgid = (e.id, e.plural) if e.plural is not None else e.id
        string = tuple(e.strings.get(i, "") for i in range(max(e.strings) + 1)) if e.plural is not None \
            else e.strings.get(0, "")
        catalog.add(msgid, string, context=e.context, flags=["fuzzy"] if e.fuzzy else [], lineno=e.line)
    return catalog, sink.problems


def shared_catalogue_problems(root: Path, locales) -> list[Problem]:
    """Problems of levels/locale/<lang>/LC_MESSAGES/content.po (the pybabel workflow), which the game also reads."""
    from ..i18n import content_locale_dir, po_path

    problems: list[Problem] = []
    for code in locales:
        path = po_path(content_locale_dir(root), code, "content")
        if path.exists():
            try:
                problems += read_catalog(path, path.relative_to(root).as_posix(), locale=code)[1]
            except OSError:
                continue  # removed meanwhile: nothing of it is shown either
    return problems
