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
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (BaseModel, ConfigDict, Field, PrivateAttr, StrictBool, StringConstraints, TypeAdapter,
                      ValidationError, WithJsonSchema, model_validator)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .say import say
from .walk import Asset, Flag, Hit, Ident, Local, Ref, Text, Verbatim

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
    Field(description="A stable identifier: lowercase letters, digits, '-' and '_'. Never change it once pupils have played: saves, translations and results refer to it."),
    Ident(),
]
Words = Annotated[
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


def problem_at(message: str, *loc, key: bool = False) -> ValidationError:
    """A mistake found by a model's validator, at `loc` inside the model, so the author is sent to that line
    (`key`: to the field's name rather than its value). Raise it from the validator."""
    details = InitErrorDetails(type=PydanticCustomError("value_error", "{error}", {"error": message, "at_key": key}),
                               loc=tuple(loc), input=None)
    return ValidationError.from_exception_data("content", [details])


class Strict(BaseModel):
    """Every content model. `i18n` names the model's texts in the catalogues ("scene:{id}", see walk.py);
    `_origin` is where the object was written (file, path, source map), placed by the loader."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True, coerce_numbers_to_str=True)
    i18n: ClassVar[str] = ""
    _origin: Any = PrivateAttr(default=None)


class Period(Strict):
    start: dt.date = Field(alias="from", description="First day covered by the chapter (YYYY-MM-DD).")
    end: dt.date = Field(alias="to", description="Last day covered by the chapter (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(say("The period ends before it starts: 'to' must be on or after 'from'."))
        return self


class Objective(Strict):
    i18n = "objective:{id}"
    id: Id
    text: Annotated[Words, Text("Learning objective", key="")] = Field(
        description="What the pupil should be able to do or explain after the chapter.")


class Character(Strict):
    i18n = "character:{id}"
    id: Id
    name: Annotated[Words, Text("Character name")] = Field(description="Name shown above the dialogue box.")
    role: Annotated[Words, Text("Who {self.name} is")] = Field(
        description="One short line: who this person is (shown to pupils).")
    portrait: Annotated[AssetPath, Asset("portrait")] = Field(description="Portrait image, square, inside assets/.")


HOTSPOT_ACTIONS = ("talk", "document", "question", "go", "play")


class Hotspot(Strict):
    """Something the pupil can click in a scene. Exactly one action: talk, document, question, go or play."""

    i18n = "hotspot:{id}"
    id: Id
    label: Annotated[Words, Text("Clickable label in: {parent.title}", key="")] = Field(
        description="Short label shown on the hotspot.")
    at: tuple[int, int] = Field(description="Centre [x, y] in a 1280x720 picture, from the top-left corner.")
    size: tuple[int, int] = Field(default=(150, 150), description="Width and height of the clickable area.")
    talk: Annotated[Id | None, Ref("node")] = Field(
        default=None, description="Dialogue node to start (its id in the chapter's dialogue file).")
    document: Annotated[Id | None, Ref("document")] = Field(default=None, description="Document to open and give to the pupil.")
    question: Annotated[Id | None, Ref("question")] = Field(default=None, description="Question to ask.")
    go: Annotated[Id | None, Ref("scene")] = Field(default=None, description="Scene to move to.")
    play: Annotated[Id | None, Ref("minigame")] = Field(default=None, description="Mini-game to start.")
    requires: Annotated[list[FlagName], Flag("requires")] = Field(
        default_factory=list, description="Flags that must all be set for the hotspot to appear.")
    excludes: Annotated[list[FlagName], Flag("excludes")] = Field(
        default_factory=list, description="Flags that hide the hotspot when any is set.")

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
    i18n = "scene:{id}"
    id: Id
    title: Annotated[Words, Text("Scene title (a place)")] = Field(description="Name of the place, shown at the top of the screen.")
    when: Annotated[Words, Text("Scene date")] = Field(description="When the scene happens, as text (e.g. 'juin 1941').")
    background: Annotated[AssetPath, Asset("background")] = Field(description="Background picture, 1280x720, inside assets/.")
    intro: Annotated[Words | None, Text("Narration on arriving at: {self.title}")] = Field(
        default=None, description="A sentence of narration shown when the pupil arrives.")
    enter: Annotated[Id | None, Ref("node")] = Field(
        default=None, description="Dialogue node played automatically the first time the pupil arrives.")
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
    i18n = "document:{id}"
    id: Id
    kind: DocumentKind = Field(description="What sort of document this is; decides how it is drawn.")
    title: Annotated[Words, Text("Document ({self.kind.value}): title")]
    date: Annotated[Words | None, Text("Document ({self.kind.value}): date")] = Field(
        default=None, description="Date of the document, as text.")
    body: Annotated[Words, Text("Document ({self.kind.value}): body")] = Field(
        description="The document's text (for a photograph: a description of it).")
    source: Annotated[Words, Text("Document ({self.kind.value}): source")] = Field(
        description="Where the facts come from (archive, museum, book). Shown to pupils and teachers.")
    image: Annotated[AssetPath | None, Asset("document")] = None


def _option_comment(hit: Hit) -> str:
    o, q = hit.owner, hit.parent
    assert isinstance(o, Option) and isinstance(q, Question)
    mark = "correct answer" if o.correct else ("item to order" if q.kind is QuestionKind.order else "wrong answer")
    return f"Option ({mark}) of: {q.prompt}"


class Option(Strict):
    i18n = "option:{id}"
    id: Id
    text: Annotated[Words, Text(_option_comment, key="")]
    correct: StrictBool = Field(default=False, description="true for the right answer (write true, not yes).")
    feedback: Annotated[Words | None, Text("Feedback after: {self.text}")] = Field(
        default=None,
        description="Shown after the pupil picks this option: why it is right or wrong. "
                    "Required for choice, true-false and map questions.")
    at: tuple[int, int] | None = Field(
        default=None, description="Map questions: where this place is on the map picture [x, y] (1280x720, from the top-left).")
    date: Annotated[Words | None, Text("Date of: {self.text}")] = Field(
        default=None, description="Order questions: the date revealed after answering.")


class QuestionKind(str, Enum):
    choice = "choice"  # pick one option
    true_false = "true-false"  # a statement; two options
    order = "order"  # put the options in order; write them in the right order, the game shuffles them
    map = "map"  # pick the right place among pins on a map


class Question(Strict):
    i18n = "question:{id}"
    id: Id
    objective: Annotated[Id, Ref("objective")] = Field(description="The learning objective this question checks.")
    kind: QuestionKind = QuestionKind.choice
    prompt: Annotated[Words, Text("Question ({self.kind.value})")]
    explanation: Annotated[Words | None, Text("Explanation after: {self.prompt}")] = Field(
        default=None, description="Shown after any answer. Required for order questions; for true-false, "
                                  "either this or a feedback on each option.")
    options: list[Option] = Field(min_length=2, max_length=6)
    map: Annotated[AssetPath | None, Asset("map")] = Field(
        default=None, description="Map questions: the map picture, inside assets/.")
    painful: StrictBool = Field(
        default=False, description="A painful subject (persecution, deportation, deaths): the answer is shown under "
                                   "a neutral header ('Your answer'), never cheered as right or wrong.")

    @model_validator(mode="after")
    def _answers(self):
        ids = [o.id for o in self.options]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise problem_at(say("Two options share the id \"{id}\"; each option needs its own id.", id=dup[0]),
                             "options", ids.index(dup[0], ids.index(dup[0]) + 1), "id")
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
                raise problem_at(say("Option \"{id}\" needs a 'feedback': say why it is right or wrong.", id=missing[0]),
                                 "options", ids.index(missing[0]))
        if kind is QuestionKind.map:
            if not self.map:
                raise ValueError(say("A map question needs 'map': the picture the places are pinned on."))
            unplaced = [o.id for o in self.options if o.at is None]
            if unplaced:
                raise problem_at(say("Option \"{id}\" of a map question needs 'at': its place on the map.",
                                     id=unplaced[0]), "options", ids.index(unplaced[0]))
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


class Effect(Strict):
    """One thing that happens. Write exactly one of the fields, e.g. `{set: met-marie}`."""

    set: Annotated[FlagName | None, Flag("set")] = Field(default=None, description="Set a flag.")
    clear: Annotated[FlagName | None, Flag("clear")] = Field(default=None, description="Clear a flag.")
    give: Annotated[Id | None, Ref("document")] = Field(default=None, description="Give a document to the pupil.")
    ask: Annotated[Id | None, Ref("question")] = Field(default=None, description="Ask a question (after the node's lines).")
    go: Annotated[Id | None, Ref("scene")] = Field(default=None, description="Move to another scene when the conversation ends.")
    play: Annotated[Id | None, Ref("minigame")] = Field(
        default=None, description="Start a mini-game (after the node's lines and questions).")
    end_chapter: Literal[True] | None = Field(default=None, description="End the chapter (write `end_chapter: true`).")

    @model_validator(mode="after")
    def _exactly_one(self):
        used = [k for k in ("set", "clear", "give", "ask", "go", "play", "end_chapter") if getattr(self, k) is not None]
        if len(used) != 1:
            raise ValueError(say("An effect needs exactly one of set, clear, give, ask, go, play, end_chapter "
                                 "(found: {found}).", found=", ".join(used) or "-"))
        return self


# -- mini-games -----------------------------------------------------------------------------------
# One model per kind, told apart by `kind`; each has its own validator. Each kind's rules are in
# game.story.minigames, played by pupils and by the bot alike.


class MiniGameKind(str, Enum):
    dilemmas = "dilemmas"  # rounds of choices that move meters; consequences shown
    placement = "placement"  # place tokens in zones on a map; a meter shows what the enemy believes
    sequence = "sequence"  # put cards in order
    matching = "matching"  # give each place on a map its category


class Meter(Strict):
    i18n = "meter:{id}"
    id: Id
    label: Annotated[Words, Text("Mini-game {parent.title}: meter label")]
    start: int = Field(default=0, ge=0, le=10)
    max: int = Field(default=5, ge=1, le=10)


class DilemmaOption(Strict):
    i18n = "option:{id}"
    id: Id
    text: Annotated[Words, Text("Mini-game choice", key="")]
    effects: Annotated[dict[str, int], Local("meter")] = Field(
        default_factory=dict, description="Change of each meter, e.g. {repas: -1, danger: 1}.")
    consequence: Annotated[Words, Text("Consequence of: {self.text}")] = Field(
        description="What happens because of this choice (shown to the pupil).")


class Round(Strict):
    i18n = "round:{id}"
    id: Id
    situation: Annotated[Words, Text("Mini-game {parent.title}: situation")]
    options: list[DilemmaOption] = Field(min_length=2, max_length=4)


class Ending(Strict):
    i18n = "ending:{id}"
    id: Id
    when: Annotated[dict[str, int], Local("meter")] = Field(
        default_factory=dict, description="Lowest value of each meter for this ending, e.g. {danger: 3}.")
    text: Annotated[Words, Text("Mini-game {parent.title}: ending text")]


class Token(Strict):
    i18n = "token:{id}"
    id: Id
    label: Annotated[Words, Text("Mini-game {parent.title}: token label")]
    detail: Annotated[Words, Text("Mini-game {parent.title}: token detail")] = Field(
        description="What this was in 1944 (shown when placed).")
    scores: Annotated[dict[str, int], Local("zone")] = Field(
        description="For each zone id: how much placing it there makes the enemy believe the target (0-100).")


class Zone(Strict):
    i18n = "zone:{id}"
    id: Id
    label: Annotated[Words, Text("Mini-game {parent.title}: zone label")]
    at: tuple[int, int] = Field(description="Where the zone is on the map picture [x, y].")


class Card(Strict):
    i18n = "card:{id}"
    id: Id
    text: Annotated[Words, Text("Mini-game {parent.title}: card text")]
    date: Annotated[Words, Text("Mini-game {parent.title}: card date")] = Field(
        description="Revealed when the card is in the right place.")


class Category(Strict):
    i18n = "categorie:{id}"  # sic: the catalogues' contexts say "categorie" since the first release
    id: Id
    label: Annotated[Words, Text("Mini-game {parent.title}: categorie label")]


class Item(Strict):
    i18n = "item:{id}"
    id: Id
    label: Annotated[Words, Text("Mini-game {parent.title}: item label")]
    at: tuple[int, int] = Field(description="Where the item is on the map picture [x, y].")
    answer: Annotated[Id, Local("category")] = Field(description="The category this item belongs to.")
    detail: Annotated[Words, Text("Mini-game {parent.title}: item detail")] = Field(
        description="Shown once the item is matched: what happened there, when.")


def _mg_text(name: str) -> Text:
    return Text(f"Mini-game ({{self.kind.value}}): {name}")


class MiniGameBase(Strict):
    """A playful activity. Started by a hotspot (`play: id`) or an effect (`{play: id}`)."""

    i18n = "minigame:{id}"
    id: Id
    kind: MiniGameKind
    title: Annotated[Words, _mg_text("title")]
    intro: Annotated[Words, _mg_text("intro")] = Field(description="How to play, and why (shown before the game starts).")
    conclusion: Annotated[Words, _mg_text("conclusion")] = Field(description="Shown when the game is finished.")
    effects: list[Effect] = Field(default_factory=list, description="Applied when the game is finished (set, clear, give).")

    @model_validator(mode="after")
    def _effects(self):
        odd = [i for i, e in enumerate(self.effects) if e.set is None and e.clear is None and e.give is None]
        if odd:
            raise problem_at(say("A mini-game's effects can only set or clear flags and give documents."), "effects", odd[0])
        return self


class DilemmasGame(MiniGameBase):
    """Rounds of choices that move meters; each choice's consequence is shown; the meters decide the ending."""

    kind: Literal[MiniGameKind.dilemmas]
    meters: list[Meter] = Field(min_length=1, description="What the choices change.")
    endings: list[Ending] = Field(min_length=1, description="The first whose conditions hold is shown.")
    rounds: list[Round] = Field(min_length=1, description="The situations, in order.")

    @model_validator(mode="after")
    def _dilemmas(self):
        meters = {m.id for m in self.meters}
        for ri, r in enumerate(self.rounds):
            for oi, o in enumerate(r.options):
                bad = [m for m in o.effects if m not in meters]
                if bad:
                    raise problem_at(say("Option \"{option}\" of round \"{round}\" changes an unknown meter \"{meter}\".",
                                         option=o.id, round=r.id, meter=bad[0]),
                                     "rounds", ri, "options", oi, "effects", bad[0], key=True)
        for ei, e in enumerate(self.endings):
            bad = [m for m in e.when if m not in meters]
            if bad:
                raise problem_at(say("Ending \"{ending}\" tests an unknown meter \"{meter}\".", ending=e.id, meter=bad[0]),
                                 "endings", ei, "when", bad[0], key=True)
        if self.endings[-1].when:
            raise problem_at(say("The last ending must have no 'when', so that every game has an ending."),
                             "endings", len(self.endings) - 1, "when", key=True)
        return self


class PlacementGame(MiniGameBase):
    """Place tokens in zones on a map; a meter shows how far the enemy believes the target."""

    kind: Literal[MiniGameKind.placement]
    map: Annotated[AssetPath, Asset("map")] = Field(description="The map picture.")
    meter_label: Annotated[Words, _mg_text("meter_label")] = Field(description="What the meter shows.")
    target: int = Field(default=70, ge=1, le=100, description="Meter value (percent) needed to succeed.")
    tokens: list[Token] = Field(min_length=1, description="What the pupil places.")
    zones: list[Zone] = Field(min_length=1, description="Where tokens can go.")

    @model_validator(mode="after")
    def _placement(self):
        zones = {z.id for z in self.zones}
        for ti, t in enumerate(self.tokens):
            bad = [z for z in t.scores if z not in zones]
            if bad:
                raise problem_at(say("Token \"{token}\" gives a score to an unknown zone \"{zone}\".", token=t.id, zone=bad[0]),
                                 "tokens", ti, "scores", bad[0], key=True)
        best = sum(max(t.scores.values(), default=0) for t in self.tokens) / len(self.tokens)
        if best < self.target:
            raise problem_at(say("The target {target} cannot be reached: the best placement gives {best}.",
                                 target=self.target, best=round(best)), "target")
        return self


class SequenceGame(MiniGameBase):
    """Put cards in order; each card's date is revealed once it is in the right place."""

    kind: Literal[MiniGameKind.sequence]
    cards: list[Card] = Field(min_length=1, description="The cards, written in the right order.")

    @model_validator(mode="after")
    def _sequence(self):
        if len(self.cards) < 3:
            raise problem_at(say("A sequence mini-game needs at least 3 cards."), "cards", key=True)
        return self


class MatchingGame(MiniGameBase):
    """Give each place on a map its category."""

    kind: Literal[MiniGameKind.matching]
    map: Annotated[AssetPath, Asset("map")] = Field(description="The map picture.")
    categories: list[Category] = Field(min_length=1, description="The categories to give.")
    items: list[Item] = Field(min_length=1, description="The places to match.")

    @model_validator(mode="after")
    def _matching(self):
        cats = {c.id for c in self.categories}
        for ii, it in enumerate(self.items):
            if it.answer not in cats:
                raise problem_at(say("Item \"{item}\" has the answer \"{answer}\", which is not a category.",
                                     item=it.id, answer=it.answer), "items", ii, "answer")
        return self


#: A mini-game: one of the kinds, chosen by its `kind` field.
MiniGame = Annotated[DilemmasGame | PlacementGame | SequenceGame | MatchingGame, Field(discriminator="kind")]
_MINIGAME = TypeAdapter(MiniGame)


def parse_minigame(data: Any) -> MiniGameBase:
    """Validate one mini-game written as plain data (raises pydantic's ValidationError)."""
    return _MINIGAME.validate_python(data)


class Source(Strict):
    i18n = "source:{id}"
    id: Id
    title: Annotated[Words, Verbatim("the title of a page, book or archive is quoted as published")] = Field(
        description="Title of the page, book or archive.")
    origin: Annotated[Words, Text("Where the source comes from")] = Field(description="Who published it, or where to find it.")


_TEACHER = "Teacher's note (read by teachers, not pupils)"


class TeacherNote(Strict):
    i18n = "teacher"
    shows: Annotated[Words, Text(_TEACHER)] = Field(description="What the chapter shows, in a few sentences.")
    debrief: Annotated[Words, Text(_TEACHER)] = Field(description="How to debrief with the class after playing.")
    care: Annotated[Words | None, Text(_TEACHER)] = Field(default=None, description="Sensitive content and how it is handled.")


class Chapter(Strict):
    """A chapter: one lesson of play. Written in levels/NN_name.yaml."""

    id: Id
    order: int = Field(ge=1, le=99, description="Position in the chapter list.")
    title: Annotated[Words, Text("Chapter title")]
    subtitle: Annotated[Words | None, Text("Chapter subtitle")] = None
    summary: Annotated[Words, Text("Chapter select: summary")] = Field(
        description="Two or three sentences shown on the chapter select screen.")
    conclusion: Annotated[Words, Text("Chapter summary screen")] = Field(description="Shown on the chapter summary screen.")
    period: Period
    objectives: list[Objective] = Field(min_length=1)
    characters: list[Character] = Field(default_factory=list)
    start: Annotated[Id, Ref("scene")] = Field(description="The scene where the chapter starts.")
    scenes: list[Scene] = Field(min_length=1)
    documents: list[Document] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    minigames: list[MiniGame] = Field(default_factory=list)
    teacher: TeacherNote | None = Field(default=None, description="The teacher's note for this chapter.")
    sources: list[Source] = Field(default_factory=list, description="What the chapter relies on (the Sources screen).")


def _speaker_comment(hit: Hit) -> str:
    speaker = getattr(hit.owner, "speaker")  # noqa: B009 - the owner is a Line, typed as any model
    names = {c.id: c.name for c in hit.chapter.characters} if hit.chapter is not None else {}
    return f"Speaker: {names.get(speaker, speaker)}"


class Line(Strict):
    i18n = "line:{id}"
    id: Id
    speaker: Annotated[Id, Ref("speaker")] = Field(description=f"A character id of the chapter, or '{NARRATOR}'.")
    text: Annotated[Words, Text(_speaker_comment, key="")]


class Choice(Strict):
    i18n = "choice:{id}"
    id: Id
    text: Annotated[Words, Text("Pupil's choice", key="")]
    requires: Annotated[list[FlagName], Flag("requires")] = Field(
        default_factory=list, description="Flags that must all be set for this choice to be offered.")
    excludes: Annotated[list[FlagName], Flag("excludes")] = Field(
        default_factory=list, description="Flags that hide this choice when any is set.")
    effects: list[Effect] = Field(default_factory=list)
    next: Annotated[Id | None, Ref("node")] = Field(default=None, description="Node that follows; without it the conversation ends.")


class Node(Strict):
    """A step of a conversation: lines, then effects' questions, then choices or the next node."""

    i18n = "node:{id}"
    id: Id
    lines: list[Line] = Field(default_factory=list)
    effects: list[Effect] = Field(default_factory=list, description="Applied when the node starts (questions wait for the lines).")
    choices: list[Choice] = Field(default_factory=list)
    next: Annotated[Id | None, Ref("node")] = Field(default=None, description="Node that follows when there are no choices.")

    @model_validator(mode="after")
    def _shape(self):
        if self.choices and self.next:
            raise ValueError(say("A node has either choices or 'next', not both."))
        if not self.lines and not self.choices and not self.effects:
            raise ValueError(say("This node is empty: give it lines, effects or choices."))
        return self


class Dialogue(Strict):
    """A chapter's conversations. Written in dialogue/NN_name.yaml."""

    chapter: Annotated[Id, Ref("chapter")] = Field(description="Id of the chapter these conversations belong to.")
    nodes: list[Node] = Field(min_length=1)
