"""What the records hold and what their queries return: plain, frozen value types (no SQL, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Outcome:
    """One assessed answer."""

    statement_id: str
    class_code: str
    pupil: str
    chapter: str
    question: str
    objective: str
    option: str
    correct: bool
    attempt: int
    duration_ms: int
    answered_at: str
    locale: str


@dataclass(frozen=True)
class Activity:
    """Something a pupil did that is not an assessed answer: started or finished a chapter, read a document,
    finished a mini-game. Used for progress, time on task and documents opened."""

    statement_id: str
    class_code: str
    pupil: str
    chapter: str
    attempt: int
    verb: str  # launched, resumed, opened, played, completed
    object: str  # chapter, document or mini-game id
    at: str
    locale: str
    data: str = "{}"  # JSON: score of a completed chapter, result of a mini-game


Record = Outcome | Activity


class ClassInfo(NamedTuple):
    code: str
    name: str


class OptionCount(NamedTuple):
    """How many pupils gave `option` to a question on their first attempt at the chapter."""

    chapter: str
    question: str
    option: str
    correct: bool
    pupils: int


class AttemptScore(NamedTuple):
    pupil: str
    chapter: str
    attempt: int
    right: int
    answered: int


class ObjectiveScore(NamedTuple):
    """A pupil's first-attempt answers to the questions of one objective."""

    chapter: str
    objective: str
    pupil: str
    right: int
    answered: int


class PupilChapter(NamedTuple):
    pupil: str
    chapter: str


@dataclass(frozen=True)
class LrsConfig:
    """Where the class's Learning Record Store is (kept in the data folder's lrs.json)."""

    url: str  # e.g. http://127.0.0.1:8100  (the statements endpoint is {url}/xAPI/statements)
    username: str
    password: str

    @property
    def endpoint(self) -> str:
        return self.url.rstrip("/") + "/xAPI/statements"


@dataclass
class MergeResult:
    """What `Records.merge_pupils` did: records moved, attempts renumbered, first answers given twice."""
    moved: int
    renumbered: dict[str, int]  # chapter -> number added to the attempts of the pupil who started it later
    # questions both answered on their first attempt: (chapter, question, pupil kept, when); the other answer
    # stays, counted as a replay
    both_first: list[tuple[str, str, str, str]]


class LrsStatus(NamedTuple):
    """The LRS link as the teacher sees it: records waiting, and the last attempt to send (ISO time, UTC)."""

    pending: int
    last_error: str  # "" when the last attempt was confirmed by the LRS
    last_attempt: str  # "" when nothing was ever sent from this folder
