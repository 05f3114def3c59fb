"""Content problems: what an author reads when something in a YAML file is wrong.

Every problem knows its file, line and column (1-based) and carries one sentence
written for a non-programmer. `format()` gives the `file:line:column: sentence`
form with the offending line quoted and a caret under the column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    severity: str = "error"  # "error" or "warning"
    source_line: str = field(default="", compare=False)

    def format(self, *, quote: bool = True) -> str:
        from .say import say

        label = say("error") if self.severity == "error" else say("warning")
        head = f"{self.file}:{self.line}:{self.column}: {label}: {self.message}"
        if not quote or not self.source_line:
            return head
        gutter = f"{self.line:>5} | "
        caret = " " * (len(gutter) - 2) + "| " + " " * max(self.column - 1, 0) + "^"
        return f"{head}\n{gutter}{self.source_line}\n{caret}"

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
            "source_line": self.source_line,
        }


class ContentError(Exception):
    """Raised when content cannot be used. Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class ProblemSink:
    """Collects problems for one file, quoting the source line for each."""

    def __init__(self, path: Path, display: str, text: str | None = None):
        self.path = path
        self.display = display
        self._lines = (text if text is not None else _read(path)).splitlines()
        self.problems: list[Problem] = []

    def add(self, line: int, column: int, message: str, severity: str = "error") -> None:
        src = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        src = _QUOTABLE.sub("\ufffd", src[:240] + ("…" if len(src) > 240 else ""))  # never a control char quoted
        self.problems.append(Problem(self.display, line, column, message, severity, src))


_QUOTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
