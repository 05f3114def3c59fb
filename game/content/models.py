"""The content format: one pydantic model per concept.

Authors write these as YAML (levels/*.yaml for chapters, dialogue/*.yaml for
conversations). The descriptions below are the field documentation: they end up
in the JSON Schema that authors' editors use for completion and checking.

French is the source language of every text field; translations live in gettext
catalogues keyed by the stable ids defined here.
"""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema, model_validator

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
    Field(description="A stable identifier: lowercase letters, digits, '-' and '_'. Never change it once pupils have played: saves, translations and results refer to it."),
]
Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=4000),
    # A number written as text (`when: 1944`) is read as text, so editors must accept it too.
    WithJsonSchema({"type": ["string", "number"], "minLength": 1, "maxLength": 4000}),
    Field(description="Text shown to pupils, in French (the source language)."),
]
FlagName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
AssetPath = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9_./-]+\.(png|jpg|jpeg)$"),
    Field(description="An image file inside assets/, e.g. backgrounds/lille_rue.png"),
]

NARRATOR = "narrator"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True, coerce_numbers_to_str=True)


class Period(Strict):
    start: dt.date = Field(alias="from", description="First day covered by the chapter (YYYY-MM-DD).")
    end: dt.date = Field(alias="to", description="Last day covered by the chapter (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError("The period ends before it starts: 'to' must be on or after 'from'.")
        return self


class Objective(Strict):
    id: Id
    text: Text = Field(description="What the pupil should be able to do or explain after the chapter.")


class Character(Strict):
    id: Id
    name: Text = Field(description="Name shown above the dialogue box.")
    role: Text = Field(description="One short line: who this person is (shown to pupils).")
    portrait: AssetPath = Field(description="Portrait image, square, inside assets/.")


class Hotspot(Strict):
    """Something the pupil can click in a scene. Exactly one action: talk, document, question or go."""

    id: Id
    label: Text = Field(description="Short label shown on the hotspot.")
    at: tuple[int, int] = Field(description="Centre [x, y] in a 1280x720 picture, from the top-left corner.")
    size: tuple[int, int] = Field(default=(150, 150), description="Width and height of the clickable area.")
    talk: Id | None = Field(default=None, description="Dialogue node to start (its id in the chapter's dialogue file).")
    document: Id | None = Field(default=None, description="Document to open and give to the pupil.")
    question: Id | None = Field(default=None, description="Question to ask.")
    go: Id | None = Field(default=None, description="Scene to move to.")
    requires: list[FlagName] = Field(default_factory=list, description="Flags that must all be set for the hotspot to appear.")
    excludes: list[FlagName] = Field(default_factory=list, description="Flags that hide the hotspot when any is set.")

    @model_validator(mode="after")
    def _one_action(self):
        actions = [n for n in ("talk", "document", "question", "go") if getattr(self, n)]
        if len(actions) != 1:
            raise ValueError(
                "A hotspot needs exactly one action among talk, document, question and go"
                + (f" (found {', '.join(actions)})." if actions else " (found none).")
            )
        return self

    @property
    def action(self) -> tuple[str, str]:
        for name in ("talk", "document", "question", "go"):
            value = getattr(self, name)
            if value:
                return name, value
        raise AssertionError("validated hotspot without action")


class Scene(Strict):
    id: Id
    title: Text = Field(description="Name of the place, shown at the top of the screen.")
    when: Text = Field(description="When the scene happens, as text (e.g. 'juin 1941').")
    background: AssetPath = Field(description="Background picture, 1280x720, inside assets/.")
    intro: Text | None = Field(default=None, description="A sentence of narration shown when the pupil arrives.")
    enter: Id | None = Field(default=None, description="Dialogue node played automatically the first time the pupil arrives.")
    hotspots: list[Hotspot] = Field(min_length=1)


class DocumentKind(str, Enum):
    poster = "poster"
    leaflet = "leaflet"
    letter = "letter"
    newspaper = "newspaper"
    photograph = "photograph"
    ration_card = "ration-card"
    order = "order"
    map = "map"
    radio_message = "radio-message"
    testimony = "testimony"
    report = "report"


class Document(Strict):
    id: Id
    kind: DocumentKind = Field(description="What sort of document this is; decides how it is drawn.")
    title: Text
    date: Text | None = Field(default=None, description="Date of the document, as text.")
    body: Text = Field(description="The document's text (for a photograph: a description of it).")
    source: Text = Field(description="Where the facts come from (archive, museum, book). Shown to pupils and teachers.")
    image: AssetPath | None = None


class Option(Strict):
    id: Id
    text: Text
    correct: bool = False
    feedback: Text = Field(description="Shown after the pupil picks this option: why it is right or wrong.")


class QuestionKind(str, Enum):
    choice = "choice"
    true_false = "true-false"


class Question(Strict):
    id: Id
    objective: Id = Field(description="The learning objective this question checks.")
    kind: QuestionKind = QuestionKind.choice
    prompt: Text
    options: list[Option] = Field(min_length=2, max_length=6)

    @model_validator(mode="after")
    def _answers(self):
        correct = [o for o in self.options if o.correct]
        if len(correct) != 1:
            raise ValueError(
                f"A question needs exactly one correct option (found {len(correct)}): mark one with 'correct: true'."
            )
        if self.kind is QuestionKind.true_false and len(self.options) != 2:
            raise ValueError("A true-false question has exactly two options (true and false).")
        ids = [o.id for o in self.options]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"Two options share the id {dup[0]!r}; each option needs its own id.")
        return self

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)

    @property
    def correct_option(self) -> Option:
        return next(o for o in self.options if o.correct)


class Chapter(Strict):
    """A chapter: one lesson of play. Written in levels/NN_name.yaml."""

    id: Id
    order: int = Field(ge=1, le=99, description="Position in the chapter list.")
    title: Text
    subtitle: Text | None = None
    summary: Text = Field(description="Two or three sentences shown on the chapter select screen.")
    period: Period
    objectives: list[Objective] = Field(min_length=1)
    characters: list[Character] = Field(default_factory=list)
    start: Id = Field(description="The scene where the chapter starts.")
    scenes: list[Scene] = Field(min_length=1)
    documents: list[Document] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    conclusion: Text = Field(description="Shown on the chapter summary screen.")


class Effect(Strict):
    """One thing that happens. Write exactly one of the fields, e.g. `{set: met-marie}`."""

    set: FlagName | None = Field(default=None, description="Set a flag.")
    clear: FlagName | None = Field(default=None, description="Clear a flag.")
    give: Id | None = Field(default=None, description="Give a document to the pupil.")
    ask: Id | None = Field(default=None, description="Ask a question (after the node's lines).")
    go: Id | None = Field(default=None, description="Move to another scene when the conversation ends.")
    end_chapter: Literal[True] | None = Field(default=None, description="End the chapter (write `end_chapter: true`).")

    @model_validator(mode="after")
    def _exactly_one(self):
        used = [k for k in ("set", "clear", "give", "ask", "go", "end_chapter") if getattr(self, k) is not None]
        if len(used) != 1:
            raise ValueError(
                "An effect needs exactly one of set, clear, give, ask, go, end_chapter"
                + (f" (found {', '.join(used)})." if used else " (found none).")
            )
        return self


class Line(Strict):
    id: Id
    speaker: Id = Field(description=f"A character id of the chapter, or '{NARRATOR}'.")
    text: Text


class Choice(Strict):
    id: Id
    text: Text
    requires: list[FlagName] = Field(default_factory=list, description="Flags that must all be set for this choice to be offered.")
    excludes: list[FlagName] = Field(default_factory=list, description="Flags that hide this choice when any is set.")
    effects: list[Effect] = Field(default_factory=list)
    next: Id | None = Field(default=None, description="Node that follows; without it the conversation ends.")


class Node(Strict):
    """A step of a conversation: lines, then effects' questions, then choices or the next node."""

    id: Id
    lines: list[Line] = Field(default_factory=list)
    effects: list[Effect] = Field(default_factory=list, description="Applied when the node starts (questions wait for the lines).")
    choices: list[Choice] = Field(default_factory=list)
    next: Id | None = Field(default=None, description="Node that follows when there are no choices.")

    @model_validator(mode="after")
    def _shape(self):
        if self.choices and self.next:
            raise ValueError("A node has either choices or 'next', not both.")
        if not self.lines and not self.choices and not self.effects:
            raise ValueError("This node is empty: give it lines, effects or choices.")
        return self


class Dialogue(Strict):
    """A chapter's conversations. Written in dialogue/NN_name.yaml."""

    chapter: Id = Field(description="Id of the chapter these conversations belong to.")
    nodes: list[Node] = Field(min_length=1)
