"""The story runtime: plays one chapter's models, with no window and no storage.

A view asks `step()` what to show and calls one action for what the pupil did:
`use(hotspot)`, `advance()`, `choose(choice)`, `answer(option)`, `open_document(doc)`.
Every action emits typed events (`game.story.events`); whoever runs the game connects them to saving and to
the outcome store. Rules (conditions, effects, the order of lines, questions and
choices, the finality of an answer) live here and nowhere else.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Literal
from collections.abc import Callable

from ..content.loader import ChapterBundle
from ..content.models import Choice, Effect, Hotspot, Line, MiniGame, Node, Question, QuestionKind
from . import events as ev
from . import minigames as rules
from .events import Event
from .state import MAX_DURATION_MS, Answer, ChapterState, DialogueState, MiniGameState, QuestionState

StepKind = Literal["scene", "line", "choices", "question", "feedback", "document", "minigame", "completed"]


class StoryError(Exception):
    """An action that the current step does not allow (a view bug, or a pupil's double click)."""


class AlreadyAnswered(StoryError):
    pass


@dataclass(frozen=True)
class Step:
    kind: StepKind
    line: Line | None = None
    choices: tuple[Choice, ...] = ()
    question: Question | None = None
    answer: Answer | None = None
    document: str | None = None
    minigame: MiniGame | None = None
    game: rules.GameData | None = None  # what the pupil has done so far in the mini-game


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def iso(t: dt.datetime) -> str:
    return t.isoformat(timespec="milliseconds")


def new_state(bundle: ChapterBundle, *, playthrough: int = 1, now: dt.datetime | None = None) -> ChapterState:
    return ChapterState(
        chapter=bundle.id,
        playthrough=playthrough,
        scene=bundle.chapter.start,
        started_at=iso(now or utcnow()),
    )


class ChapterRun:
    def __init__(
        self,
        bundle: ChapterBundle,
        state: ChapterState | None = None,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ):
        self.bundle = bundle
        self.clock = clock
        self.new_id = new_id
        self._listeners: list[Callable[[Event], None]] = []
        self.state = state if state is not None else new_state(bundle, now=clock())
        self._check_state()

    # -- observing -------------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    def _emit(self, kind: type[Event], **fields) -> None:
        event = kind(chapter=self.bundle.id, playthrough=self.state.playthrough, at=iso(self.clock()), **fields)
        for listener in list(self._listeners):
            listener(event)

    def start(self) -> None:
        """Enter the current scene (plays its opening conversation the first time)."""
        if self.state.steps == 0 and not self.state.seen_scenes:
            self._enter_scene(self.state.scene)
            self._settle()
            self._after_action()

    def resumed(self) -> None:
        """The chapter is taken up again (the next lesson): a question still on screen is timed from now,
        not from before the bell."""
        q = self.state.question
        if q is not None and not q.answered:
            q.shown_at = iso(self.clock())

    # -- what to show ----------------------------------------------------------
    def step(self) -> Step:
        s = self.state
        if s.reading is not None:
            return Step("document", document=s.reading)
        if s.question is not None:
            q = self.bundle.questions[s.question.id]
            if s.question.answered:
                return Step("feedback", question=q, answer=s.answers.get(q.id))
            return Step("question", question=q)
        if s.minigame is not None:
            return Step("minigame", minigame=self.bundle.minigames[s.minigame.id], game=s.minigame.data)
        if s.dialogue is not None:
            node = self._node()
            d = s.dialogue
            if d.line < len(node.lines):
                return Step("line", line=node.lines[d.line])
            return Step("choices", choices=tuple(self._available(node.choices)))
        if s.completed:
            return Step("completed")
        return Step("scene")

    @property
    def scene(self):
        return self.bundle.scenes[self.state.scene]

    def hotspots(self) -> list[Hotspot]:
        return [h for h in self.scene.hotspots if self._holds(h.requires, h.excludes)]

    def score(self) -> tuple[int, int]:
        """(correct answers, questions in the chapter)."""
        return sum(a.correct for a in self.state.answers.values()), len(self.bundle.questions)

    # -- actions ----------------------------------------------------------------
    def use(self, hotspot_id: str) -> None:
        self._require("scene")
        h = next((h for h in self.hotspots() if h.id == hotspot_id), None)
        if h is None:
            raise StoryError(f"no visible hotspot {hotspot_id!r} in scene {self.state.scene!r}")
        kind, target = h.action
        if kind == "talk":
            self._emit(ev.HotspotUsed, hotspot=h.id, scene=self.state.scene)
            self.state.dialogue = DialogueState(node=target)
            self._enter_node(target)
        elif kind == "document":
            self._give(target)
            self._open(target)
        elif kind == "question":
            self._ask(target, review=True)
        elif kind == "go":
            self._enter_scene(target)
        elif kind == "play":
            self._play(target)
        self._settle()
        self._after_action()

    def advance(self) -> None:
        """Continue: next line, close a document, leave a question's feedback."""
        kind = self.step().kind
        if kind == "line":
            self._dialogue().line += 1
            self._settle()
        elif kind == "document":
            self.state.reading = None
        elif kind == "feedback":
            self.state.question = None
            self._settle()
        elif kind == "minigame":
            self._finish_minigame()
            self._settle()
        else:
            raise StoryError(f"nothing to continue on a {kind} step")
        self._after_action()

    def choose(self, choice_id: str) -> None:
        self._require("choices")
        node = self._node()
        choice = next((c for c in self._available(node.choices) if c.id == choice_id), None)
        if choice is None:
            raise StoryError(f"choice {choice_id!r} is not offered in node {node.id!r}")
        d = self._dialogue()
        d.chosen, d.then = True, choice.next  # without `next`, the conversation ends
        self._emit(ev.ChoiceMade, node=node.id, choice=choice.id)
        self._apply(choice.effects)
        self._settle()
        self._after_action()

    def answer(self, option_id: str) -> Answer:
        """Give the answer to the question on screen. Final: it cannot be changed."""
        qs = self.state.question
        if qs is None:
            raise StoryError("no question on screen")
        q = self.bundle.questions[qs.id]
        if qs.answered or q.id in self.state.answers:
            raise AlreadyAnswered(f"question {q.id!r} has already been answered")
        if q.kind is QuestionKind.order:
            if sorted(option_id.split(",")) != sorted(o.id for o in q.options):
                raise StoryError(f"an order answer must list every option of {q.id!r} once")
            chosen, correct = option_id, q.is_correct(option_id)
        else:
            opt = q.option(option_id)  # KeyError for an unknown option
            chosen, correct = opt.id, opt.correct
        now = self.clock()
        shown = dt.datetime.fromisoformat(qs.shown_at)
        ans = Answer(
            question=q.id,
            option=chosen,
            correct=correct,
            attempt=self.state.playthrough,
            duration_ms=min(max(0, int((now - shown).total_seconds() * 1000)), MAX_DURATION_MS),  # a save's bound
            at=iso(now),
            statement_id=self.new_id(),
        )
        self.state.answers[q.id] = ans
        qs.answered = True
        self._emit(ev.QuestionAnswered, answer=ans.model_dump(), objective=q.objective)
        self._after_action()
        return ans

    def play(self, *action: str) -> None:
        """One move in the mini-game on screen, e.g. play("place", "tanks", "kent")."""
        self._require("minigame")
        st, data = self._minigame()
        mg = self.bundle.minigames[st.id]
        if rules.finished(mg, data):
            raise StoryError("the mini-game is finished: continue")
        try:
            st.data = data = rules.apply(mg, data, action)
        except rules.MiniGameError as exc:
            raise StoryError(str(exc)) from None
        self._emit(ev.MiniGameMove, minigame=mg.id, move=list(action))
        if rules.finished(mg, data):
            self._emit(ev.MiniGameFinished, minigame=mg.id, result=rules.result(mg, data))
        self._after_action()

    def open_document(self, doc_id: str) -> None:
        """Re-read a document from the pupil's folder."""
        if doc_id not in self.state.documents:
            raise StoryError(f"document {doc_id!r} is not in the pupil's folder")
        if self.step().kind in ("question", "document"):
            raise StoryError("finish the current question or document first")
        self._open(doc_id)
        self._after_action()

    def jump(self, scene: str | None = None, node: str | None = None) -> None:
        """Authoring preview: put the pupil in `scene`, and start the conversation at `node` if given."""
        if scene is not None and scene not in self.bundle.scenes:
            raise StoryError(f"no scene {scene!r} in chapter {self.bundle.id!r}")
        if node is not None and node not in self.bundle.nodes:
            raise StoryError(f"no dialogue node {node!r} in chapter {self.bundle.id!r}")
        s = self.state
        s.dialogue = s.question = s.minigame = s.reading = None
        if scene is not None:
            s.scene = scene
            if scene not in s.seen_scenes:
                s.seen_scenes.append(scene)
        if node is not None:
            s.dialogue = DialogueState(node=node)
            self._enter_node(node)
            self._settle()
        self._after_action()

    def merge_answers(self, answers: list[Answer]) -> int:
        """Bring back answers recorded elsewhere (the outcome store) but missing from this state,
        e.g. after the game was killed between recording an answer and saving. Returns how many."""
        added = 0
        for a in answers:
            if a.question in self.bundle.questions and a.question not in self.state.answers:
                self.state.answers[a.question] = a
                added += 1
        qs = self.state.question
        if qs is not None and qs.id in self.state.answers:
            qs.answered = True
        return added

    # -- internals --------------------------------------------------------------
    def _check_state(self) -> None:
        s = self.state
        if s.chapter != self.bundle.id:
            raise StoryError(f"state is for chapter {s.chapter!r}, not {self.bundle.id!r}")
        if s.scene not in self.bundle.scenes:
            s.scene = self.bundle.chapter.start
        if s.dialogue is not None and s.dialogue.node not in self.bundle.nodes:
            s.dialogue = None  # the content changed under the save: drop back to the scene
        if s.question is not None and s.question.id not in self.bundle.questions:
            s.question = None
        if s.reading is not None and s.reading not in self.bundle.documents:
            s.reading = None
        if s.minigame is not None and s.minigame.id not in self.bundle.minigames:
            s.minigame = None
        if s.minigame is not None and not rules.fits(self.bundle.minigames[s.minigame.id], s.minigame.data):
            s.minigame.data = rules.start(self.bundle.minigames[s.minigame.id])  # unreadable, or of another kind
        if s.dialogue is not None and s.dialogue.line > len(self._node().lines):
            s.dialogue.line = len(self._node().lines)

    def _require(self, kind: StepKind) -> None:
        actual = self.step().kind
        if actual != kind:
            raise StoryError(f"expected a {kind} step, the pupil is on a {actual} step")

    def _node(self) -> Node:
        return self.bundle.nodes[self._dialogue().node]

    def _dialogue(self) -> DialogueState:
        """The conversation on screen; a StoryError when there is none."""
        if self.state.dialogue is None:
            raise StoryError("no conversation on screen")
        return self.state.dialogue

    def _minigame(self) -> tuple[MiniGameState, rules.GameData]:
        """The mini-game on screen and what the pupil has done in it; a StoryError when there is none."""
        st = self.state.minigame
        if st is None or st.data is None:
            raise StoryError("no mini-game on screen")
        return st, st.data

    def _holds(self, requires, excludes) -> bool:
        flags = set(self.state.flags)
        return all(f in flags for f in requires) and not any(f in flags for f in excludes)

    def _available(self, choices) -> list[Choice]:
        return [c for c in choices if self._holds(c.requires, c.excludes)]

    def _enter_scene(self, scene_id: str) -> None:
        self.state.scene = scene_id
        first = scene_id not in self.state.seen_scenes
        if first:
            self.state.seen_scenes.append(scene_id)
        self._emit(ev.SceneEntered, scene=scene_id, first=first)
        scene = self.bundle.scenes[scene_id]
        if first and scene.enter and self.state.dialogue is None:
            self.state.dialogue = DialogueState(node=scene.enter)
            self._enter_node(scene.enter)

    def _enter_node(self, node_id: str) -> None:
        d = self._dialogue()
        finish, go = d.finish, d.go
        self.state.dialogue = DialogueState(node=node_id, finish=finish, go=go)
        if node_id not in self.state.visited_nodes:
            self.state.visited_nodes.append(node_id)
        self._apply(self.bundle.nodes[node_id].effects)

    def _apply(self, effects: list[Effect]) -> None:
        for e in effects:
            if e.set is not None and e.set not in self.state.flags:
                self.state.flags.append(e.set)
            elif e.clear is not None and e.clear in self.state.flags:
                self.state.flags.remove(e.clear)
            elif e.give is not None:
                self._give(e.give)
            elif e.ask is not None:
                self._dialogue().pending.append(e.ask)
            elif e.play is not None:
                self._dialogue().pending.append(f"play:{e.play}")
            elif e.go is not None:
                d = self._dialogue()
                d.go = e.go
                if "go" not in d.finish:
                    d.finish.append("go")
            elif e.end_chapter and "end" not in self._dialogue().finish:
                self._dialogue().finish.append("end")

    def _show_line(self) -> None:
        d = self._dialogue()
        node = self._node()
        if d.line < len(node.lines):
            line = node.lines[d.line]
            self._emit(ev.LineShown, node=node.id, line=line.id, speaker=line.speaker)

    def _settle(self) -> None:
        """Move through everything that needs no input: questions due, next nodes, the end."""
        for _ in range(10_000):
            if self.state.dialogue is None or self.state.question is not None or self.state.minigame is not None:
                return
            d = self._dialogue()
            node = self._node()
            if d.line < len(node.lines):
                self._show_line()
                return
            while d.pending:
                due = d.pending.pop(0)
                if due.startswith("play:"):
                    if due[5:] not in self.state.played:
                        self._play(due[5:])
                        return
                elif due not in self.state.answers:
                    self._ask(due)
                    return
            if d.chosen:
                if d.then is None:
                    self._end_conversation()
                    continue
                self._enter_node(d.then)
                continue
            if self._available(node.choices):
                return
            if node.next:
                self._enter_node(node.next)
                continue
            self._end_conversation()
        raise StoryError(f"the conversation loops without any line or choice (at node {self._dialogue().node!r})")

    def _end_conversation(self) -> None:
        d = self._dialogue()
        self.state.dialogue = None
        if "go" in d.finish and d.go:
            self._enter_scene(d.go)
        if "end" in d.finish:
            self._complete()

    def _give(self, doc_id: str) -> None:
        if doc_id not in self.state.documents:
            self.state.documents.append(doc_id)
            self._emit(ev.DocumentReceived, document=doc_id)

    def _open(self, doc_id: str) -> None:
        self.state.reading = doc_id
        if doc_id not in self.state.opened:
            self.state.opened.append(doc_id)
        self._emit(ev.DocumentOpened, document=doc_id)

    def _ask(self, qid: str, review: bool = False) -> None:
        answered = qid in self.state.answers
        if answered and not review:
            return
        self.state.question = QuestionState(id=qid, shown_at=iso(self.clock()), answered=answered)
        if not answered:
            self._emit(ev.QuestionShown, question=qid)

    def _play(self, game_id: str) -> None:
        mg = self.bundle.minigames[game_id]
        self.state.minigame = MiniGameState(id=game_id, data=rules.start(mg))
        self._emit(ev.MiniGameStarted, minigame=game_id)

    def _finish_minigame(self) -> None:
        st, data = self._minigame()
        mg = self.bundle.minigames[st.id]
        if not rules.finished(mg, data):
            raise StoryError("the mini-game is not finished yet")
        self.state.played[mg.id] = rules.result(mg, data)
        self.state.minigame = None
        self._apply(mg.effects)  # only set, clear and give: they need no conversation
        self._emit(ev.MiniGameCompleted, minigame=mg.id, result=self.state.played[mg.id])

    def _complete(self) -> None:
        s = self.state
        if s.completed:
            return
        s.completed = True
        s.completed_at = iso(self.clock())
        right, total = self.score()
        self._emit(ev.ChapterCompleted, correct=right, questions=total, answered=len(s.answers))

    def _after_action(self) -> None:
        self.state.steps += 1
        self._emit(ev.StepTaken, steps=self.state.steps)
