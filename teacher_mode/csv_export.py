"""The class's answers as a CSV file a stranger's spreadsheet reads right (checked in LibreOffice, French locale).

- UTF-8 with a BOM, ';' between fields, a decimal comma in French: opens as columns in a French spreadsheet.
- "correct" is a real boolean: the spreadsheet's own word in the teacher's language (VRAI/FAUX, TRUE/FALSE...),
  which LibreOffice and Excel read as a boolean; a language without a known word gets 1/0.
- The moment of an answer is written in the school's local time (this computer's time zone), as
  "YYYY-MM-DD HH:MM:SS", which a spreadsheet reads as a date-time (records keep UTC).
- A text that a spreadsheet would read as a boolean (an answer "faux", its id or its text) stays text.
- Beside the question and answer ids, their texts in the teacher's language (the same texts as the report).
- No cell can become a formula: a cell beginning with =, +, -, @, a tab or a carriage return gets a leading
  apostrophe (OWASP's CSV injection rule), so a pseudonym "=HYPERLINK(...)" stays text.
No arcade and no SQL: outcomes come from game.records, texts from the report's one computation.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from typing import IO

from game.i18n import N_

COLUMNS = (N_("class"), N_("pupil"), N_("chapter"), N_("question"), N_("question text"), N_("objective"),
           N_("answer"), N_("answer text"), N_("correct"), N_("attempt"), N_("seconds"), N_("answered_at"),
           N_("language"))
BOOLEANS = {"fr": ("VRAI", "FAUX"), "en": ("TRUE", "FALSE"), "de": ("WAHR", "FALSCH"), "nl": ("WAAR", "ONWAAR")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOOLEAN_WORDS = {w for pair in BOOLEANS.values() for w in pair}
WORD_JOINER = "\u2060"  # invisible; LibreOffice then reads the cell as text (checked in fr-FR)


def safe(value) -> str:
    """A cell's text that no spreadsheet runs as a formula (OWASP: prefix with an apostrophe), nor reads as a
    boolean: an answer "faux" (its id or its text) stays the word, not FALSE (an invisible word joiner before it)."""
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    if text.strip().upper() in BOOLEAN_WORDS:
        return WORD_JOINER + text
    return text


def local_time(iso: str, tz: dt.tzinfo | None = None) -> str:
    """UTC ISO timestamp -> school time "YYYY-MM-DD HH:MM:SS" (a date-time to a spreadsheet). A stamp that cannot
    be read is kept as it is (the record is never dropped)."""
    try:
        when = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")


def write(fh: IO[str], outcomes: Iterable, lang: str, tr, report=None, tz: dt.tzinfo | None = None) -> int:
    """Write the header and one row per outcome; returns the number of rows. `report` (analytics.ClassReport)
    gives the question and answer texts; without it the text columns repeat the ids."""
    prompts: dict[tuple[str, str], str] = {}
    answers: dict[tuple[str, str, str], str] = {}
    if report is not None:
        for q in report.questions:
            prompts[(q.chapter, q.id)] = q.prompt
            for o in q.options:
                answers[(q.chapter, q.id, o.id)] = o.text
    yes, no = BOOLEANS.get(lang, ("1", "0"))
    w = csv.writer(fh, delimiter=";")
    w.writerow([safe(tr(c)) for c in COLUMNS])
    n = 0
    for o in outcomes:
        seconds = f"{o.duration_ms / 1000:.1f}"
        if lang == "fr":
            seconds = seconds.replace(".", ",")
        texts = [safe(v) for v in (
            o.class_code, o.pupil, o.chapter, o.question, prompts.get((o.chapter, o.question), o.question),
            o.objective, o.option, answers.get((o.chapter, o.question, o.option), o.option))]
        w.writerow(texts + [yes if o.correct else no, o.attempt, seconds, local_time(o.answered_at, tz),
                            safe(o.locale)])
        n += 1
    return n
