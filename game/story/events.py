"""What the story runtime tells the world: one frozen dataclass per kind of event.

`ChapterRun` emits them to its subscribers after each change of state; it knows nothing of who listens.
`game.session` turns some of them into records (an answer into an outcome, a document opened, a mini-game
played or a chapter completed into activity) and saves the pupil's state on every `Step`. The bot, the tests
and any future listener (a teacher's live view, a sound cue) read the same events.

Every event carries where it happened (`chapter`, `playthrough`: the pupil's attempt at the chapter, 1 the
first time) and when (`at`, ISO 8601 in UTC, milliseconds), then its own fields. `kind` is its stable name (used
in logs and kept from the time events were `(kind, dict)`), and `data` is its own fields as a plain dict.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True, kw_only=True)
class Event:
    """The common part of every event."""

    kind: ClassVar[str] = "event"
    chapter: str
    playthrough: int
    at: str

    @property
    def data(self) -> dict[str, Any]:
        """The event's own fields (not chapter, playthrough and time) as a plain dict."""
        common = {f.name for f in dataclasses.fields(Event)}
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in common}


@dataclass(frozen=True, kw_only=True)
class SceneEntered(Event):
    """The pupil is now in `scene`; `first` is True the first time in this playthrough (its opening
    conversation, if any, starts then)."""

    kind: ClassVar[str] = "scene_entered"
    scene: str
    first: bool


@dataclass(frozen=True, kw_only=True)
class HotspotUsed(Event):
    """A hotspot that starts a conversation was used (documents, questions, places and games emit their own
    event instead)."""

    kind: ClassVar[str] = "hotspot_used"
    hotspot: str
    scene: str


@dataclass(frozen=True, kw_only=True)
class LineShown(Event):
    """A line of dialogue appears: once per line each time its node is played."""

    kind: ClassVar[str] = "line_shown"
    node: str
    line: str
    speaker: str


@dataclass(frozen=True, kw_only=True)
class ChoiceMade(Event):
    """The pupil took the dialogue choice `choice` of `node`."""

    kind: ClassVar[str] = "choice_made"
    node: str
    choice: str


@dataclass(frozen=True, kw_only=True)
class DocumentReceived(Event):
    """A document went into the pupil's folder (once per playthrough)."""

    kind: ClassVar[str] = "document_received"
    document: str


@dataclass(frozen=True, kw_only=True)
class DocumentOpened(Event):
    """A document is on screen (handed over, or read again from the folder): recorded as activity."""

    kind: ClassVar[str] = "document_opened"
    document: str


@dataclass(frozen=True, kw_only=True)
class QuestionShown(Event):
    """An assessed question appears, not yet answered (a question reviewed after its answer emits nothing)."""

    kind: ClassVar[str] = "question_shown"
    question: str


@dataclass(frozen=True, kw_only=True)
class QuestionAnswered(Event):
    """The pupil's first and final answer to a question: `answer` is the `Answer` as a plain dict (question,
    option, correct, attempt, duration_ms, at, statement_id) and `objective` the objective it assesses.
    Recorded as an outcome before anything else happens."""

    kind: ClassVar[str] = "question_answered"
    answer: dict[str, Any]
    objective: str


@dataclass(frozen=True, kw_only=True)
class MiniGameStarted(Event):
    """A mini-game is on screen, from its first state."""

    kind: ClassVar[str] = "minigame_started"
    minigame: str


@dataclass(frozen=True, kw_only=True)
class MiniGameMove(Event):
    """One move in the mini-game, as given to `ChapterRun.play` (e.g. ["place", "tanks", "kent"])."""

    kind: ClassVar[str] = "minigame_move"
    minigame: str
    move: list[str]


@dataclass(frozen=True, kw_only=True)
class MiniGameFinished(Event):
    """The last move of a mini-game was made; `result` is what the rules say of it. The pupil still reads its
    conclusion before going on (then `MiniGameCompleted`)."""

    kind: ClassVar[str] = "minigame_finished"
    minigame: str
    result: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class MiniGameCompleted(Event):
    """The pupil left a finished mini-game; its effects are applied. Recorded as activity ("played")."""

    kind: ClassVar[str] = "minigame_completed"
    minigame: str
    result: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class ChapterCompleted(Event):
    """The chapter's end was reached: `correct` answers out of `questions`, `answered` of them answered.
    Recorded as activity ("completed")."""

    kind: ClassVar[str] = "chapter_completed"
    correct: int
    questions: int
    answered: int


@dataclass(frozen=True, kw_only=True)
class StepTaken(Event):
    """After every action of the pupil, last: `steps` actions so far in this playthrough. The session saves."""

    kind: ClassVar[str] = "step"
    steps: int


EVENT_TYPES: tuple[type[Event], ...] = (
    SceneEntered, HotspotUsed, LineShown, ChoiceMade, DocumentReceived, DocumentOpened, QuestionShown,
    QuestionAnswered, MiniGameStarted, MiniGameMove, MiniGameFinished, MiniGameCompleted, ChapterCompleted, StepTaken,
)
