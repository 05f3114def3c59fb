"""The game application: what is app-wide, and nothing more.

The window, the content, the pupil's session and preferences, the services (reading aloud, the frame cache,
the teacher's store, the LRS sender). Where the pupil is belongs to the navigator (`app.nav`, game.navigator);
what a screen shows is computed by the presenters (game.presenters); the screens (game.views) draw it. The app
imports the screens, never the other way round: a screen reaches the app through the `app` it is given.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import arcade
import pyglet

from .content.loader import Content, ContentError, check_content, load_content
from .content.problems import Problem
from .crash import report_crash
from .i18n import LOCALES, Translator
from .navigator import Navigator
from .preferences import Preferences
from .session import PupilSession, default_data_dir
from .speech import RATES, Reader, Speech
from .views import ui
from .views.frames import FrameCache, new_window
from .views.keys import KeysView
from .views.minigames import MiniGameView
from .views.play import DocumentView, FolderView, SceneView
from .views.questions import QuestionView
from .views.screens import (ChapterSelectView, ErrorView, PauseView, SettingsView, SignInView, SourcesView,
                            StorySoFarView, SummaryView, TitleView)
from .views.teacher import PinView
from .views.voice import play_wav


class App:
    def __init__(self, window, content: Content | None, data_dir: Path, lang: str | None = None,
                 problems: list | None = None):
        ui.load_fonts()
        self.window = window
        self.stage = ui.Stage(window)
        self.frames = FrameCache(window)
        self.content = content
        self.problems = problems or []
        self.data_dir = Path(data_dir)
        self.session: PupilSession | None = None
        self.show_focus = False  # the focus ring appears once the keyboard is used
        self.reader = Reader(Speech(), play_wav)  # run_game calls its tick() 20 times a second
        self.prefs = Preferences()
        self.tr = Translator(self.prefs.language, content.root if content else None)
        self._apply(self.prefs.changed(language=lang) if lang in LOCALES else self.prefs)
        self.nav = Navigator(window.show_view, self._routes(), lambda: self.session.run.step())

    def _routes(self) -> dict:
        """Every screen by name (see game.navigator)."""
        return {
            "title": lambda: TitleView(self) if self.content is not None else ErrorView(self, self.problems),
            "sign_in": lambda: SignInView(self),
            "chapters": lambda: ChapterSelectView(self),
            "pause": lambda: PauseView(self),
            "settings": lambda: SettingsView(self),
            "keys": lambda: KeysView(self),
            "story": lambda: StorySoFarView(self),
            "sources": lambda chapter_id: SourcesView(self, chapter_id),
            "folder": lambda: FolderView(self),
            "teacher": lambda: PinView(self),
            # the steps of the story (game.navigator.STEP_ROUTES)
            "scene": lambda: SceneView(self),
            "document": lambda: DocumentView(self),
            "question": lambda: QuestionView(self),
            "minigame": lambda: MiniGameView.for_step(self),
            "summary": lambda: SummaryView(self),
        }

    # -- the pupil's preferences: one model, applied here and only here ----------------------------------------
    def set_preferences(self, **changes) -> None:
        """Change preferences (text size, typeface, language, reading aloud, keys…): checked, applied at once,
        kept in the pupil's profile."""
        self._apply(self.prefs.changed(**changes))
        if self.session is not None and self.prefs.store(self.session.profile):
            self.session.save()

    def _apply(self, prefs: Preferences) -> None:
        old, self.prefs = self.prefs, prefs
        ui.set_look(ui.Look(size=prefs.size, font=prefs.font, spacing=prefs.spacing, contrast=prefs.contrast))
        reader = self.reader
        reader.rate = RATES[prefs.text_speed]  # the voice follows the pupil's reading pace
        reader.volume = prefs.voice_volume
        mode = prefs.read_aloud if reader.available else "off"
        if mode != reader.mode:
            reader.mode = mode
            if mode == "off":
                reader.stop()
        if prefs.language != old.language:
            self.tr = Translator(prefs.language, self.content.root if self.content else None)
            if self.session is not None:  # same state, texts in the new language
                self.session.set_locale(prefs.language)

    # -- the pupil ----------------------------------------------------------------------------------------------
    def sign_in(self, class_code: str, pupil: str) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None  # a refused sign-in (PupilBusy, RecordsError) leaves no closed session behind
        self.session = PupilSession(self.content, self.data_dir, class_code, pupil, self.prefs.language)
        self._start_sender()
        # the pupil's own preferences come back; ones chosen before signing in are adopted (and saved once)
        self._apply(Preferences.restore(self.session.profile, fallback=self.prefs))
        if self.prefs.store(self.session.profile):
            self.session.save()
        self.nav.go("chapters")

    def sign_out(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        # a shared computer: the next pupil starts from the usual preferences (theirs come back at sign-in)
        self.reader.stop()
        self._apply(Preferences(language=self.prefs.language))
        self.nav.go("title")

    def play(self, chapter_id: str, restart: bool = False) -> None:
        self.session.open_chapter(chapter_id, restart=restart)
        self.nav.route()

    def open_teacher_space(self) -> None:
        if self.session is not None:  # a pupil's session ends before the teacher's space opens
            self.session.close()
            self.session = None
        self.set_preferences(keys={})  # the teacher types class codes: no pupil's own keys here
        self.nav.go("teacher")

    # -- authoring preview ----------------------------------------------------------------------------------------
    preview: dict | None = None
    root: Path | None = None

    def start_preview(self, chapter: str | None = None, scene: str | None = None, node: str | None = None) -> None:
        """Open a chapter straight at a scene or node; F5 reloads the content and keeps the position."""
        self.preview = {"chapter": chapter, "scene": scene, "node": node}
        if self.content is None:
            self.nav.go("title")  # the error panel: fix the files, then F5
            return
        if chapter not in self.content.chapters:
            self._content_problem(Problem("levels/", 1, 1, f"There is no chapter {chapter!r}; chapters: "
                                                           f"{', '.join(self.content.chapters)}."))
            return
        self.session = PupilSession(self.content, self.data_dir, "PREVIEW", "auteur", self.prefs.language,
                                    exclusive=False)  # an author may preview two chapters at once
        run = self.session.open_chapter(chapter, restart=True)
        if scene or node:
            try:
                run.jump(scene, node)
            except Exception as exc:  # a wrong id on the command line: say so in the game
                self._content_problem(Problem("command line", 1, 1, str(exc)))
                return
        self.nav.route()

    def _content_problem(self, problem: Problem) -> None:
        self.problems, self.content = [problem], None
        self.nav.go("title")

    def reload(self) -> None:
        """F5 in preview: read the content again; keep the pupil's position where it still exists."""
        content, problems = check_content(self.root)
        if content is None:
            self.content, self.problems = None, problems
            self.nav.go("title")
            return
        self.content = content
        self.tr = Translator(self.prefs.language, content.root)
        ui.forget_textures()
        if self.session is None or self.preview.get("chapter") not in content.chapters:
            self.start_preview(**self.preview)
            return
        s = self.session
        s.content, s._localized = content, {}
        s.tr = Translator(s.profile.locale, content.root)
        s.run = s._make_run(s.run.bundle.id, s.run.state)
        self.nav.route()

    # -- services -------------------------------------------------------------------------------------------------
    # Given by whoever starts the game (the CLI: teacher_mode.lrs.start_sender): data folder -> running sender or None.
    start_sender = None

    def _start_sender(self) -> None:
        """A class on many machines: send queued records to the school's LRS in the background."""
        if self.start_sender is not None and getattr(self, "sender", None) is None:
            self.sender = self.start_sender(self.data_dir)

    def teacher_store(self):
        from .records import Records

        if getattr(self, "_teacher_store", None) is None:
            self._teacher_store = Records(self.data_dir)
        return self._teacher_store

    def quit(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        if getattr(self, "sender", None) is not None:
            self.sender.stop()
        self.window.close()


def run_game(data_dir: Path | None = None, root: Path | None = None, lang: str | None = None,
             fullscreen: bool = False, preview: dict | None = None, start_sender=None) -> int:
    preview = {k: v for k, v in (preview or {}).items() if v}
    if preview and data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="coupole-preview-"))  # a preview records nothing for teachers
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    try:
        try:
            content, problems = load_content(root), []
        except ContentError as exc:
            content, problems = None, exc.problems
        window = new_window("La Coupole 1940-1945", resizable=True, fullscreen=fullscreen)
        window.set_minimum_size(640, 360)
        app = App(window, content, data_dir, lang, problems)
        app.start_sender = start_sender
        app.root = root
        pyglet.clock.schedule_interval(app.reader.tick, 1 / 20)  # the next spoken text when one ends
        if preview:
            app.start_preview(**preview)
        else:
            app.nav.go("title")
        arcade.run()
        return 0 if app.content is not None else 1  # closed on the content's error screen: a script can tell
    except Exception:  # pupils never see a traceback: keep it for the teacher, say what to do
        return report_crash(data_dir)
