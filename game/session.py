"""A pupil's session: connects the story runtime to saving and to the outcome store.

This is the "whoever starts the game" of the architecture: the runtime only
emits events; here an answered question becomes an outcome row (first, in its
own transaction) and every step becomes an atomic save. Both go to the records
(game.records, through its small PupilRecords port): the game needs no teacher
mode. No arcade here, so the bot and the tests drive exactly what a pupil drives.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from .content.loader import ChapterBundle, Content
from .content.texts import localized
from .i18n import Translator
from .records import Activity, ClassCode, InvalidName, Outcome, Pseudonym, PupilRecords, Records
from .story import events as ev
from .story.events import Event
from .story.runtime import ChapterRun, iso, new_state, utcnow
from .story.state import Answer

APP_NAME = "coupole-game"
APP_AUTHOR = "La Coupole"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


SignInError = InvalidName  # its args[0] (and .reason) is the key the sign-in screen translates


def check_sign_in(class_code: str, pupil: str) -> tuple[ClassCode, Pseudonym]:
    """The class code and pseudonym as the records keep them; SignInError with a reason key if one breaks its rule."""
    return ClassCode(class_code), Pseudonym(pupil)


@dataclass
class ChapterStatus:
    bundle: ChapterBundle
    status: str  # "new", "in-progress", "done"
    correct: int
    questions: int
    answered: int = 0


class PupilSession:
    def __init__(self, content: Content, data_dir: Path, class_code: str, pupil: str, locale: str = "fr",
                 *, store: PupilRecords | None = None, clock=None, exclusive: bool = True):
        self.content = content
        self.data_dir = Path(data_dir)
        # Answers, activity and the save; the records also queue them for the school's LRS when linked to one.
        # A short wait for another program's lock: an answer that cannot be written at once is kept on this
        # computer and recorded later (Records.held), the window never freezes.
        self.store: PupilRecords = store or Records(self.data_dir, busy_timeout=0.5)
        self.clock = clock
        claim = getattr(self.store, "claim", None) if exclusive else None  # an author's preview: not a pupil
        try:
            self._lock = claim(class_code, pupil) if claim else None  # PupilBusy: already playing in another window
        except Exception:
            if store is None:
                self.store.close()
            raise
        loaded = self.store.load_profile(class_code, pupil)
        self.profile = loaded.profile
        self.notice = loaded.notice or self.store.notice
        if locale:
            self.profile.locale = locale
        self.run: ChapterRun | None = None
        self.tr = Translator(self.profile.locale, content.root)
        self._localized: dict[tuple[str, str], ChapterBundle] = {}

    # -- language ------------------------------------------------------------------
    def set_locale(self, locale: str) -> None:
        self.profile.locale = locale
        self.tr = Translator(locale, self.content.root)
        if self.run is not None:  # same state, texts in the new language
            self.run = self._make_run(self.run.bundle.id, self.run.state)
        self.save()

    def bundle(self, chapter_id: str) -> ChapterBundle:
        key = (chapter_id, self.profile.locale)
        if key not in self._localized:
            base = self.content.chapters[chapter_id]
            self._localized[key] = localized(base, lambda ctx, text: self.tr.content(chapter_id, ctx, text))
        return self._localized[key]

    # -- chapters -------------------------------------------------------------------
    def chapters(self) -> list[ChapterStatus]:
        """The chapters this pupil may play: those the teacher opened to the class (all, if none was chosen)."""
        allowed = self.store.open_chapters(self.profile.class_code)
        out = []
        for b in self.content.ordered():
            if allowed is not None and b.id not in allowed:
                continue
            st = self.profile.chapters.get(b.id)
            done = self.profile.completed.get(b.id, 0) > 0
            if st is not None and not st.completed:
                status = "in-progress"
            elif done:
                status = "done"
            else:
                status = "new"
            correct = sum(a.correct for a in st.answers.values()) if st else 0
            answered = len(st.answers) if st else 0
            out.append(ChapterStatus(self.bundle(b.id), status, correct, len(b.questions), answered))
        return out

    def open_chapter(self, chapter_id: str, *, restart: bool = False) -> ChapterRun:
        """Resume the chapter where the pupil was, or start it (again)."""
        state = self.profile.chapters.get(chapter_id)
        verb = "resumed"
        if state is None or state.completed or restart:
            playthrough = (state.playthrough + 1) if state is not None else 1
            kwargs = {"now": self.clock()} if self.clock else {}
            state = new_state(self.content.chapters[chapter_id], playthrough=playthrough, **kwargs)
            verb = "launched"
        self.profile.chapters[chapter_id] = state
        self.profile.current = chapter_id
        self.run = self._make_run(chapter_id, state)
        # Answers recorded but not saved (the game was stopped in between) come back from the store.
        recorded = self.store.outcomes(self.profile.class_code, pupil=self.profile.pupil,
                                       chapter=chapter_id, attempt=state.playthrough)
        self.run.merge_answers([_answer_of(o) for o in recorded])
        self._activity(verb, chapter_id, chapter_id, state.playthrough)
        if verb == "resumed":
            self.run.resumed()
        self.run.start()
        self.save()
        return self.run

    def _make_run(self, chapter_id: str, state) -> ChapterRun:
        kwargs = {"clock": self.clock} if self.clock else {}
        run = ChapterRun(self.bundle(chapter_id), state, **kwargs)
        run.subscribe(self._on_event)
        return run

    def _on_event(self, event: Event) -> None:
        if isinstance(event, ev.QuestionAnswered):
            a = event.answer
            self.store.record(Outcome(
                statement_id=a["statement_id"], class_code=self.profile.class_code, pupil=self.profile.pupil,
                chapter=event.chapter, question=a["question"], objective=event.objective,
                option=a["option"], correct=a["correct"], attempt=a["attempt"], duration_ms=a["duration_ms"],
                answered_at=a["at"], locale=self.profile.locale,
            ))
        elif isinstance(event, ev.ChapterCompleted):
            self.profile.completed[event.chapter] = self.profile.completed.get(event.chapter, 0) + 1
            self._activity("completed", event.chapter, event.chapter, event.playthrough, event.data, at=event.at)
        elif isinstance(event, ev.DocumentOpened):
            self._activity("opened", event.chapter, event.document, event.playthrough, at=event.at)
        elif isinstance(event, ev.MiniGameCompleted):
            self._activity("played", event.chapter, event.minigame, event.playthrough, event.result, at=event.at)
        elif isinstance(event, ev.StepTaken):
            self.save()

    def _activity(self, verb: str, chapter: str, obj: str, attempt: int, data: dict | None = None,
                  at: str | None = None) -> None:
        self.store.record_activity(Activity(
            statement_id=str(uuid.uuid4()), class_code=self.profile.class_code, pupil=self.profile.pupil,
            chapter=chapter, attempt=attempt, verb=verb, object=obj,
            at=at or iso(self.clock() if self.clock else utcnow()), locale=self.profile.locale,
            data=json.dumps(data or {}, sort_keys=True, ensure_ascii=False),
        ))

    def save(self) -> None:
        self.store.save_profile(self.profile)

    @property
    def held(self) -> int:
        """Answers and activity kept on this computer because the records could not be written yet."""
        return getattr(self.store, "held", 0)

    def close(self) -> None:
        try:
            self.save()
        finally:
            self.leave()

    def leave(self) -> None:
        """Close the records and free the pupil's one-window lock, without saving (a look-only session)."""
        try:
            self.store.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None


def _answer_of(o: Outcome) -> Answer:
    return Answer(question=o.question, option=o.option, correct=o.correct, attempt=o.attempt,
                  duration_ms=o.duration_ms, at=o.answered_at, statement_id=o.statement_id)
