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

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, WithJsonSchema, model_validator

from .say import say

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
            raise ValueError(say("The period ends before it starts: 'to' must be on or after 'from'."))
        return self


class Objective(Strict):
    id: Id
    text: Text = Field(description="What the pupil should be able to do or explain after the chapter.")


class Character(Strict):
    id: Id
    name: Text = Field(description="Name shown above the dialogue box.")
    role: Text = Field(description="One short line: who this person is (shown to pupils).")
    portrait: AssetPath = Field(description="Portrait image, square, inside assets/.")


HOTSPOT_ACTIONS = ("talk", "document", "question", "go", "play")


class Hotspot(Strict):
    """Something the pupil can click in a scene. Exactly one action: talk, document, question, go or play."""

    id: Id
    label: Text = Field(description="Short label shown on the hotspot.")
    at: tuple[int, int] = Field(description="Centre [x, y] in a 1280x720 picture, from the top-left corner.")
    size: tuple[int, int] = Field(default=(150, 150), description="Width and height of the clickable area.")
    talk: Id | None = Field(default=None, description="Dialogue node to start (its id in the chapter's dialogue file).")
    document: Id | None = Field(default=None, description="Document to open and give to the pupil.")
    question: Id | None = Field(default=None, description="Question to ask.")
    go: Id | None = Field(default=None, description="Scene to move to.")
    play: Id | None = Field(default=None, description="Mini-game to start.")
    requires: list[FlagName] = Field(default_factory=list, description="Flags that must all be set for the hotspot to appear.")
    excludes: list[FlagName] = Field(default_factory=list, description="Flags that hide the hotspot when any is set.")

    @model_validator(mode="after")
    def _one_action(self):
        actions = [n for n in HOTSPOT_ACTIONS if getattr(self, n)]
        if len(actions) != 1:
            raise ValueError(say("A hotspot needs exactly one action among talk, document, question, go and play "
                                 "(found: {found}).", found=", ".join(actions) or "-"))
        return self

    @property
    def action(self) -> tuple[str, str]:
        for name in HOTSPOT_ACTIONS:
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
    correct: StrictBool = Field(default=False, description="true for the right answer (write true, not yes).")
    feedback: Text | None = Field(
        default=None,
        description="Shown after the pupil picks this option: why it is right or wrong. "
                    "Required for choice, true-false and map questions.")
    at: tuple[int, int] | None = Field(
        default=None, description="Map questions: where this place is on the map picture [x, y] (1280x720, from the top-left).")
    date: Text | None = Field(default=None, description="Order questions: the date revealed after answering.")


class QuestionKind(str, Enum):
    choice = "choice"  # pick one option
    true_false = "true-false"  # a statement; two options
    order = "order"  # put the options in order; write them in the right order, the game shuffles them
    map = "map"  # pick the right place among pins on a map


class Question(Strict):
    id: Id
    objective: Id = Field(description="The learning objective this question checks.")
    kind: QuestionKind = QuestionKind.choice
    prompt: Text
    options: list[Option] = Field(min_length=2, max_length=6)
    explanation: Text | None = Field(
        default=None, description="Shown after any answer. Required for order questions; for true-false, "
                                  "either this or a feedback on each option.")
    map: AssetPath | None = Field(default=None, description="Map questions: the map picture, inside assets/.")

    @model_validator(mode="after")
    def _answers(self):
        ids = [o.id for o in self.options]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(say("Two options share the id \"{id}\"; each option needs its own id.", id=dup[0]))
        correct = [o for o in self.options if o.correct]
        kind = self.kind
        if kind is QuestionKind.order:
            if correct:
                raise ValueError(say("An order question has no 'correct' option: write the options in the right order."))
            if len(self.options) < 3:
                raise ValueError(say("An order question needs at least 3 options to put in order."))
        elif len(correct) != 1:
            raise ValueError(say("A question needs exactly one correct option (found {n}): mark one with "
                                 "'correct: true'.", n=len(correct)))
        if kind is QuestionKind.true_false and len(self.options) != 2:
            raise ValueError(say("A true-false question has exactly two options (true and false)."))
        if kind is QuestionKind.order and not self.explanation:
            raise ValueError(say("An order question needs an 'explanation', shown after the answer."))
        if kind is not QuestionKind.order:
            missing = [o.id for o in self.options if not o.feedback]
            if missing and not (kind is QuestionKind.true_false and self.explanation):
                raise ValueError(say("Option \"{id}\" needs a 'feedback': say why it is right or wrong.", id=missing[0]))
        if kind is QuestionKind.map:
            if not self.map:
                raise ValueError(say("A map question needs 'map': the picture the places are pinned on."))
            unplaced = [o.id for o in self.options if o.at is None]
            if unplaced:
                raise ValueError(say("Option \"{id}\" of a map question needs 'at': its place on the map.", id=unplaced[0]))
        return self

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)

    @property
    def correct_option(self) -> Option | None:
        return next((o for o in self.options if o.correct), None)

    def shuffled(self) -> list[Option]:
        """Order questions: the options in a fixed mixed order (the same for every pupil, never the answer)."""
        import hashlib

        opts = sorted(self.options, key=lambda o: hashlib.sha256(f"{self.id}:{o.id}".encode()).hexdigest())
        if [o.id for o in opts] == [o.id for o in self.options]:
            opts = opts[1:] + opts[:1]
        return opts

    def is_correct(self, answer: str) -> bool:
        """`answer` is an option id, or for order questions the ids in the pupil's order joined by commas."""
        if self.kind is QuestionKind.order:
            return answer.split(",") == [o.id for o in self.options]
        return self.option(answer).correct


# -- mini-games -----------------------------------------------------------------------------------
# Each kind is a small set of rules in game.story.minigames, played by pupils and by the bot alike.


class Meter(Strict):
    id: Id
    label: Text
    start: int = Field(default=0, ge=0, le=10)
    max: int = Field(default=5, ge=1, le=10)


class DilemmaOption(Strict):
    id: Id
    text: Text
    effects: dict[str, int] = Field(default_factory=dict, description="Change of each meter, e.g. {repas: -1, danger: 1}.")
    consequence: Text = Field(description="What happens because of this choice (shown to the pupil).")


class Round(Strict):
    id: Id
    situation: Text
    options: list[DilemmaOption] = Field(min_length=2, max_length=4)


class Ending(Strict):
    id: Id
    when: dict[str, int] = Field(default_factory=dict, description="Lowest value of each meter for this ending, e.g. {danger: 3}.")
    text: Text


class Token(Strict):
    id: Id
    label: Text
    detail: Text = Field(description="What this was in 1944 (shown when placed).")
    scores: dict[str, int] = Field(description="For each zone id: how much placing it there makes the enemy believe the target (0-100).")


class Zone(Strict):
    id: Id
    label: Text
    at: tuple[int, int] = Field(description="Where the zone is on the map picture [x, y].")


class Card(Strict):
    id: Id
    text: Text
    date: Text = Field(description="Revealed when the card is in the right place.")


class Category(Strict):
    id: Id
    label: Text


class Item(Strict):
    id: Id
    label: Text
    at: tuple[int, int] = Field(description="Where the item is on the map picture [x, y].")
    answer: Id = Field(description="The category this item belongs to.")
    detail: Text = Field(description="Shown once the item is matched: what happened there, when.")


class MiniGameKind(str, Enum):
    dilemmas = "dilemmas"  # rounds of choices that move meters; consequences shown
    placement = "placement"  # place tokens in zones on a map; a meter shows what the enemy believes
    sequence = "sequence"  # put cards in order
    matching = "matching"  # give each place on a map its category


class MiniGame(Strict):
    """A playful activity. Started by a hotspot (`play: id`) or an effect (`{play: id}`)."""

    id: Id
    kind: MiniGameKind
    title: Text
    intro: Text = Field(description="How to play, and why (shown before the game starts).")
    conclusion: Text = Field(description="Shown when the game is finished.")
    map: AssetPath | None = Field(default=None, description="placement and matching: the map picture.")
    meters: list[Meter] = Field(default_factory=list, description="dilemmas: what the choices change.")
    rounds: list[Round] = Field(default_factory=list, description="dilemmas: the situations, in order.")
    endings: list[Ending] = Field(default_factory=list, description="dilemmas: the first whose conditions hold is shown.")
    tokens: list[Token] = Field(default_factory=list, description="placement: what the pupil places.")
    zones: list[Zone] = Field(default_factory=list, description="placement: where tokens can go.")
    meter_label: Text | None = Field(default=None, description="placement: what the meter shows.")
    target: int = Field(default=70, ge=1, le=100, description="placement: meter value (percent) needed to succeed.")
    cards: list[Card] = Field(default_factory=list, description="sequence: the cards, written in the right order.")
    categories: list[Category] = Field(default_factory=list, description="matching: the categories to give.")
    items: list[Item] = Field(default_factory=list, description="matching: the places to match.")
    effects: list["Effect"] = Field(default_factory=list, description="Applied when the game is finished (set, clear, give).")

    @model_validator(mode="after")
    def _kind_fields(self):
        k = self.kind
        need = {
            MiniGameKind.dilemmas: ("meters", "rounds", "endings"),
            MiniGameKind.placement: ("tokens", "zones", "meter_label", "map"),
            MiniGameKind.sequence: ("cards",),
            MiniGameKind.matching: ("categories", "items", "map"),
        }[k]
        for name in need:
            if not getattr(self, name):
                raise ValueError(say("A {kind} mini-game needs '{field}'.", kind=k.value, field=name))
        odd = [e for e in self.effects if e.set is None and e.clear is None and e.give is None]
        if odd:
            raise ValueError(say("A mini-game's effects can only set or clear flags and give documents."))
        if k is MiniGameKind.sequence and len(self.cards) < 3:
            raise ValueError(say("A sequence mini-game needs at least 3 cards."))
        meters = {m.id for m in self.meters}
        for r in self.rounds:
            for o in r.options:
                bad = [m for m in o.effects if m not in meters]
                if bad:
                    raise ValueError(say("Option \"{option}\" of round \"{round}\" changes an unknown meter \"{meter}\".", option=o.id, round=r.id, meter=bad[0]))
        for e in self.endings:
            bad = [m for m in e.when if m not in meters]
            if bad:
                raise ValueError(say("Ending \"{ending}\" tests an unknown meter \"{meter}\".", ending=e.id, meter=bad[0]))
        if self.endings and self.endings[-1].when:
            raise ValueError(say("The last ending must have no 'when', so that every game has an ending."))
        zones = {z.id for z in self.zones}
        for t in self.tokens:
            bad = [z for z in t.scores if z not in zones]
            if bad:
                raise ValueError(say("Token \"{token}\" gives a score to an unknown zone \"{zone}\".", token=t.id, zone=bad[0]))
        if k is MiniGameKind.placement:
            best = sum(max(t.scores.values(), default=0) for t in self.tokens) / len(self.tokens)
            if best < self.target:
                raise ValueError(say("The target {target} cannot be reached: the best placement gives {best}.", target=self.target, best=round(best)))
        cats = {c.id for c in self.categories}
        for it in self.items:
            if it.answer not in cats:
                raise ValueError(say("Item \"{item}\" has the answer \"{answer}\", which is not a category.", item=it.id, answer=it.answer))
        return self


class Source(Strict):
    id: Id
    title: Text = Field(description="Title of the page, book or archive.")
    origin: Text = Field(description="Who published it, or where to find it.")


class TeacherNote(Strict):
    shows: Text = Field(description="What the chapter shows, in a few sentences.")
    debrief: Text = Field(description="How to debrief with the class after playing.")
    care: Text | None = Field(default=None, description="Sensitive content and how it is handled.")


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
    minigames: list[MiniGame] = Field(default_factory=list)
    conclusion: Text = Field(description="Shown on the chapter summary screen.")
    sources: list[Source] = Field(default_factory=list, description="What the chapter relies on (the Sources screen).")
    teacher: TeacherNote | None = Field(default=None, description="The teacher's note for this chapter.")


class Effect(Strict):
    """One thing that happens. Write exactly one of the fields, e.g. `{set: met-marie}`."""

    set: FlagName | None = Field(default=None, description="Set a flag.")
    clear: FlagName | None = Field(default=None, description="Clear a flag.")
    give: Id | None = Field(default=None, description="Give a document to the pupil.")
    ask: Id | None = Field(default=None, description="Ask a question (after the node's lines).")
    go: Id | None = Field(default=None, description="Move to another scene when the conversation ends.")
    play: Id | None = Field(default=None, description="Start a mini-game (after the node's lines and questions).")
    end_chapter: Literal[True] | None = Field(default=None, description="End the chapter (write `end_chapter: true`).")

    @model_validator(mode="after")
    def _exactly_one(self):
        used = [k for k in ("set", "clear", "give", "ask", "go", "play", "end_chapter") if getattr(self, k) is not None]
        if len(used) != 1:
            raise ValueError(say("An effect needs exactly one of set, clear, give, ask, go, play, end_chapter "
                                 "(found: {found}).", found=", ".join(used) or "-"))
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
            raise ValueError(say("A node has either choices or 'next', not both."))
        if not self.lines and not self.choices and not self.effects:
            raise ValueError(say("This node is empty: give it lines, effects or choices."))
        return self


class Dialogue(Strict):
    """A chapter's conversations. Written in dialogue/NN_name.yaml."""

    chapter: Id = Field(description="Id of the chapter these conversations belong to.")
    nodes: list[Node] = Field(min_length=1)


MiniGame.model_rebuild()
