"""The game application: one window, one view per screen, routed from the runtime's step.

The App knows which screen to show; it holds no game rules. After every action a
view calls `app.route()`, which asks the runtime what the pupil is on now.
"""
from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

from .content.loader import Content, ContentError, load_content
from .i18n import LOCALES, SOURCE_LOCALE, Translator
from .session import PupilSession, default_data_dir

TEXT_SPEEDS = {"slow": 25.0, "normal": 45.0, "fast": 90.0, "instant": 0.0}  # characters per second; 0 = all at once


class App:
    def __init__(self, window, content: Content | None, data_dir: Path, lang: str | None = None,
                 problems: list | None = None):
        from .views.ui import Look, Stage, load_fonts, set_look

        load_fonts()
        self.look = Look()
        set_look(self.look)
        self.keys: dict[str, int] = {}  # the pupil's own key for an action (game.views.keys)
        self.window = window
        self.stage = Stage(window)
        from .views.frames import FrameCache

        self.frames = FrameCache(window)
        self.content = content
        self.problems = problems or []
        self.data_dir = Path(data_dir)
        self.locale = lang if lang in LOCALES else SOURCE_LOCALE
        self.tr = Translator(self.locale, content.root if content else None)
        self.session: PupilSession | None = None
        self.show_focus = False  # the focus ring appears once the keyboard is used
        self.text_speed = "normal"
        from .speech import Reader, Speech
        from .views.voice import play_wav

        self.reader = Reader(Speech(), play_wav)  # run_game calls its tick() 20 times a second

    # language and settings -----------------------------------------------------
    def set_locale(self, locale: str) -> None:
        self.locale = locale
        self.tr = Translator(locale, self.content.root if self.content else None)
        if self.session is not None:
            self.session.set_locale(locale)

    def set_text_speed(self, speed: str) -> None:
        self._apply_text_speed(speed)
        if self.session is not None:
            self.session.profile.settings["text_speed"] = speed
            self.session.save()

    def set_look(self, **changes) -> None:
        """Text size, typeface, line spacing, contrast: applied at once and kept in the pupil's profile."""
        import dataclasses

        from .views import ui

        self.look = dataclasses.replace(self.look, **changes)
        ui.set_look(self.look)
        if self.session is not None:
            self.session.profile.settings.update(self.look.settings())
            self.session.save()

    def _apply_text_speed(self, speed: str) -> None:
        from .speech import RATES

        self.text_speed = speed
        self.reader.rate = RATES.get(speed, RATES["normal"])  # the voice follows the pupil's reading pace

    def set_reading(self, mode: str | None = None, volume: float | None = None) -> None:
        """Reading aloud (off, when asked, always) and the voice's volume, kept in the pupil's profile."""
        if mode is not None:
            self.reader.mode = mode
            if mode == "off":
                self.reader.stop()
        if volume is not None:
            self.reader.volume = volume
        if self.session is not None:
            self.session.profile.settings.update(self.reading_settings())
            self.session.save()

    def reading_settings(self) -> dict:
        return {"read_aloud": self.reader.mode, "voice_volume": self.reader.volume}

    def screen_shown(self, view) -> None:
        """A new screen silences the last one; with "always", the story's screens read themselves."""
        self.reader.stop()
        if self.reader.mode == "auto" and view.auto_read and view.listen is not None:
            self.reader.read(self.locale, view.spoken())

    def set_key(self, action: str, symbol: int | None) -> None:
        if symbol is None:
            self.keys.pop(action, None)
        else:
            self.keys[action] = symbol
        if self.session is not None:
            self.session.profile.settings["keys"] = dict(self.keys)
            self.session.save()

    def show_keys(self, back) -> None:
        from .views.keys import KeysView

        self.show(KeysView(self, back))

    @property
    def chars_per_second(self) -> float:
        return TEXT_SPEEDS.get(self.text_speed, TEXT_SPEEDS["normal"])

    # navigation -----------------------------------------------------------------
    def show(self, view) -> None:
        self.window.show_view(view)

    # -- authoring preview -----------------------------------------------------------------------
    preview: dict | None = None
    root: Path | None = None

    def start_preview(self, chapter: str | None = None, scene: str | None = None, node: str | None = None) -> None:
        """Open a chapter straight at a scene or node; F5 reloads the content and keeps the position."""
        self.preview = {"chapter": chapter, "scene": scene, "node": node}
        if self.content is None:
            self.show_title()  # the error panel: fix the files, then F5
            return
        if chapter not in self.content.chapters:
            from .content.problems import Problem

            self.problems = [Problem("levels/", 1, 1, f"There is no chapter {chapter!r}; chapters: "
                                                      f"{', '.join(self.content.chapters)}.")]
            self.content = None
            self.show_title()
            return
        self.session = PupilSession(self.content, self.data_dir, "PREVIEW", "auteur", self.locale,
                                    exclusive=False)  # an author may preview two chapters at once
        run = self.session.open_chapter(chapter, restart=True)
        if scene or node:
            try:
                run.jump(scene, node)
            except Exception as exc:  # a wrong id on the command line: say so in the game
                from .content.problems import Problem

                self.problems = [Problem("command line", 1, 1, str(exc))]
                self.content = None
                self.show_title()
                return
        self.route()

    def reload(self) -> None:
        """F5 in preview: read the content again; keep the pupil's position where it still exists."""
        from .content.loader import check_content

        content, problems = check_content(self.root)
        if content is None:
            self.content, self.problems = None, problems
            self.show_title()
            return
        self.content = content
        self.tr = Translator(self.locale, content.root)
        from .views import ui

        ui.forget_textures()
        if self.session is None or self.preview.get("chapter") not in content.chapters:
            self.start_preview(**self.preview)
            return
        s = self.session
        s.content, s._localized = content, {}
        s.tr = Translator(s.profile.locale, content.root)
        s.run = s._make_run(s.run.bundle.id, s.run.state)
        self.route()

    def show_title(self) -> None:
        from .views.screens import ErrorView, TitleView

        if self.content is None:
            self.show(ErrorView(self, self.problems))
        else:
            self.show(TitleView(self))

    def show_sign_in(self) -> None:
        from .views.screens import SignInView

        self.show(SignInView(self))

    def sign_in(self, class_code: str, pupil: str) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None  # a refused sign-in (PupilBusy, RecordsError) leaves no closed session behind
        self.session = PupilSession(self.content, self.data_dir, class_code, pupil, self.locale)
        self._start_sender()
        settings = self.session.profile.settings
        before = dict(settings)  # the pupil's own settings come back; ones chosen before signing in are adopted
        if settings.get("text_speed") in TEXT_SPEEDS:
            self._apply_text_speed(settings["text_speed"])
        self._restore_reading(settings)
        from .views import ui

        from .views.keys import ACTIONS

        stored = settings.get("keys")
        if isinstance(stored, dict):  # the pupil's own keys; a damaged entry is left out, never fatal
            self.keys = {a: k for a, k in stored.items() if a in ACTIONS and isinstance(k, int)}
        elif self.keys:
            settings["keys"] = dict(self.keys)
        if any(k in settings for k in self.look.settings()):  # the pupil's own look, from an earlier session
            self.look = ui.Look.from_settings(settings)
            ui.set_look(self.look)
        else:  # chosen on the title screen before signing in: keep it for this pupil
            settings.update(self.look.settings())
        if settings != before:
            self.session.save()
        self.show_chapters()

    def sign_out(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        # a shared computer: the next pupil starts from the usual look and keys (theirs come back at sign-in)
        from .views import ui

        self.look, self.keys = ui.Look(), {}
        ui.set_look(self.look)
        self.reader.stop()
        self.reader.mode, self.reader.volume = ("asked" if self.reader.available else "off"), 0.75
        self.show_title()

    def _restore_reading(self, settings: dict) -> None:
        from .speech import MODES, VOLUMES

        if settings.get("read_aloud") in MODES or settings.get("voice_volume") in VOLUMES:
            if settings.get("read_aloud") in MODES:  # a damaged value is left out, never fatal
                self.reader.mode = settings["read_aloud"] if self.reader.available else "off"
            if settings.get("voice_volume") in VOLUMES:
                self.reader.volume = settings["voice_volume"]
        else:  # chosen before signing in: kept for this pupil
            settings.update(self.reading_settings())

    def show_chapters(self) -> None:
        from .views.screens import ChapterSelectView

        self.show(ChapterSelectView(self))

    def play(self, chapter_id: str, restart: bool = False) -> None:
        self.session.open_chapter(chapter_id, restart=restart)
        self.route()

    def route(self) -> None:
        """Show the screen for the step the pupil is on."""
        self.show(self.view_for_step())

    def view_for_step(self):
        from .views.minigames import MiniGameView
        from .views.play import DocumentView, SceneView
        from .views.questions import QuestionView
        from .views.screens import SummaryView

        kind = self.session.run.step().kind
        if kind == "document":
            return DocumentView(self)
        if kind in ("question", "feedback"):
            return QuestionView(self)
        if kind == "minigame":
            return MiniGameView.for_step(self)
        if kind == "completed":
            return SummaryView(self)
        return SceneView(self)

    def show_pause(self) -> None:
        from .views.screens import PauseView

        self.show(PauseView(self))

    def show_settings(self, back) -> None:
        from .views.screens import SettingsView

        self.show(SettingsView(self, back))

    def show_folder(self) -> None:
        from .views.play import FolderView

        self.show(FolderView(self))

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

    def show_teacher(self) -> None:
        from .views.teacher import PinView

        if self.session is not None:  # a pupil's session ends before the teacher's space opens
            self.session.close()
            self.session = None
        self.keys = {}  # the teacher types class codes: no pupil's own keys here
        self.show(PinView(self))

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
        import tempfile

        data_dir = Path(tempfile.mkdtemp(prefix="coupole-preview-"))  # a preview records nothing for teachers
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    try:
        import arcade

        try:
            content, problems = load_content(root), []
        except ContentError as exc:
            content, problems = None, exc.problems
        from .views.frames import new_window

        window = new_window("La Coupole 1940-1945", resizable=True, fullscreen=fullscreen)
        window.set_minimum_size(640, 360)
        app = App(window, content, data_dir, lang, problems)
        app.start_sender = start_sender
        app.root = root
        import pyglet

        pyglet.clock.schedule_interval(app.reader.tick, 1 / 20)  # the next spoken text when one ends
        if preview:
            app.start_preview(**preview)
        else:
            app.show_title()
        arcade.run()
        return 0 if app.content is not None else 1  # closed on the content's error screen: a script can tell
    except Exception:  # pupils never see a traceback: keep it for the teacher, say what to do
        log = _write_crash_log(data_dir)
        print("The game stopped because of an unexpected problem. Your answers are saved.\n"
              "Le jeu s'est arrêté à cause d'un problème inattendu. Tes réponses sont enregistrées.\n"
              f"Details / détails : {log}", file=sys.stderr)
        return 1


def _write_crash_log(data_dir: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(data_dir) / "logs" / f"crash-{stamp}.txt"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        pass
    return path
