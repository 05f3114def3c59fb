"""Game state as plain data: everything needed to resume exactly where a pupil was.

The state is a pydantic model only for its JSON round trip and validation of a
save read back from disk; it holds no behaviour. `SAVE_VERSION` is bumped when the
shape changes, with a migration in `game.records.saves`.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, TypeAdapter, ValidationError, field_validator

from .minigames import GameData

SAVE_VERSION = 1

# Every number in a save is bounded: a hand-edited or damaged save with a huge number loads as damaged (kept aside,
# the pupil told), it never stops the game. The bounds are far above any real play.
Count = Annotated[int, Field(ge=0, le=1_000_000)]  # indexes, steps, completions
Playthrough = Annotated[int, Field(ge=1, le=10_000)]
MAX_DURATION_MS = 7 * 24 * 3600 * 1000  # a week: the longest time an answer is recorded as taking
DurationMs = Annotated[int, Field(ge=0, le=MAX_DURATION_MS)]


class Answer(BaseModel):
    question: str
    option: str
    correct: bool
    attempt: Playthrough  # the playthrough number of the chapter for this pupil
    duration_ms: DurationMs
    at: str  # ISO timestamp (UTC)
    statement_id: str  # unique id of the outcome record (also the xAPI statement id)


class DialogueState(BaseModel):
    node: str
    line: Count = 0  # index of the line being shown
    pending: list[str] = Field(default_factory=list)  # questions ("id") and games ("play:id") due before moving on
    chosen: bool = False  # a choice of this node has been made
    then: str | None = None  # node the choice leads to, once pending questions are answered
    finish: list[Literal["go", "end"]] = Field(default_factory=list)
    go: str | None = None


class QuestionState(BaseModel):
    id: str
    shown_at: str  # ISO timestamp when the question appeared
    answered: bool = False  # True while the feedback is on screen


class MiniGameState(BaseModel):
    id: str
    data: GameData | None  # what the pupil has done so far, typed by kind (game.story.minigames)

    @field_validator("data", mode="wrap")
    @classmethod
    def _readable(cls, value, handler):
        """Play data that cannot be read (a damaged file) is dropped alone: the runtime starts that game again,
        and the pupil keeps the rest of the save."""
        try:
            return handler(value)
        except ValidationError:
            return None


class ChapterState(BaseModel):
    chapter: str
    playthrough: Playthrough = 1
    scene: str
    flags: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)  # in the order they were received
    opened: list[str] = Field(default_factory=list)  # documents the pupil has actually read
    seen_scenes: list[str] = Field(default_factory=list)
    visited_nodes: list[str] = Field(default_factory=list)
    answers: dict[str, Answer] = Field(default_factory=dict)
    dialogue: DialogueState | None = None
    question: QuestionState | None = None
    reading: str | None = None  # document open on screen
    minigame: MiniGameState | None = None
    played: dict[str, dict] = Field(default_factory=dict)  # finished mini-games and their results
    completed: bool = False
    started_at: str
    completed_at: str | None = None
    steps: Count = 0


Setting = (str | Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
           | Annotated[float, Field(ge=-1e6, le=1e6, allow_inf_nan=False)] | bool | dict[str, Count])
_SETTING = TypeAdapter(Setting)


class Profile(BaseModel):
    """One pupil's save file: their chapters, in one class."""

    version: int = SAVE_VERSION
    class_code: str
    pupil: str
    locale: str = "fr"
    current: str | None = None  # chapter being played
    chapters: dict[str, ChapterState] = Field(default_factory=dict)
    completed: dict[str, Count] = Field(default_factory=dict)  # chapter -> times completed
    settings: dict[str, Setting] = Field(default_factory=dict)  # "keys": action -> key

    @field_validator("settings", mode="before")
    @classmethod
    def _drop_bad_settings(cls, value):
        """A setting that cannot be read (a hand-edited or damaged file) is dropped alone: the pupil keeps their
        chapters and the other settings, and gets the usual value for that one."""
        if not isinstance(value, dict):
            return {}
        kept = {}
        for name, entry in value.items():
            try:
                kept[str(name)] = _SETTING.validate_python(entry)
            except ValidationError:
                continue
        return kept
