"""The base of every screen: stage camera, focus handling, mouse conversion."""
from __future__ import annotations

import itertools

import arcade
import pyglet

from . import ui
from .keymap import translate
from .voice import ListenButton

_SERIALS = itertools.count(1)


class Screen(arcade.View):
    @property
    def background(self):  # read at draw time: the look may change while the screen is shown
        return ui.NIGHT

    _batch_of = None
    pictured = False  # True when draw_content starts with a picture over the whole stage
    readable = True  # the speaker button and R read this screen aloud (not in the teacher's space)
    auto_read = False  # read as soon as it is shown when the pupil chose "always" (the story, not the menus)
    listen_spot = (ui.W - 72, ui.H - 60, 58, 50)  # where the speaker button goes: left, bottom, width, height

    def __init__(self, app):  # the App (game.app): window, content, session, preferences, navigator, services
        super().__init__(app.window)
        self.serial = next(_SERIALS)  # (an id() may come back for a new screen; a serial never does)
        self.app = app
        self.tr = app.tr
        self.focus = ui.Focus()
        self.texts: list[arcade.Text] = []
        self._built = False

    # Subclasses fill self.texts and self.focus in build(); draw_content() draws the rest.
    def build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def rebuild(self, keep_focus: bool = True) -> None:
        index = self.focus.index
        self.texts = []
        self.touch()
        self.build()
        if keep_focus and index < len(self.focus.buttons):
            self.focus.index = index
            self.focus.settle()
        self.listen = self.listen_button()
        self._built = True

    # -- reading aloud ------------------------------------------------------------------------------
    listen = None

    def listen_button(self):
        reader = self.app.reader
        if not (self.readable and reader.available and reader.mode != "off"):
            return None
        x, y, w, h = self.listen_spot
        return ListenButton("R", x, y, w, h, self.toggle_reading, fill=ui.NIGHT_2)

    def spoken(self) -> list[str]:
        """What this screen says, in reading order: its texts from top to bottom and left to right, then its
        buttons (a button's number first). Screens where that order is not the reading order say it their way."""
        texts = sorted((t for t in self.texts if t.text.strip() and not getattr(t, "private", False)),
                       key=lambda t: -t.top)
        rows: list[list] = []  # texts whose tops are within 30 px share a row, read left to right
        for t in texts:
            if rows and rows[-1][0].top - t.top <= 30:
                rows[-1].append(t)
            else:
                rows.append([t])
        said = [t.text for row in rows for t in sorted(row, key=lambda t: t.left)]
        for b in self.focus.buttons:
            said.append(f"{b.key_hint}. {b.label}" if b.key_hint and b.key_hint.isdigit() else b.label)
        return said

    def toggle_reading(self) -> None:
        reader = self.app.reader
        if reader.reading:
            reader.stop()
        else:
            reader.read(self.app.prefs.language, self.spoken())

    def read_on_show(self) -> None:
        """A new screen silences the last one; with "always", the story's screens read themselves."""
        reader = self.app.reader
        reader.stop()
        if reader.mode == "auto" and self.auto_read and self.listen is not None:
            reader.read(self.app.prefs.language, self.spoken())

    def on_show_view(self) -> None:
        self.tr = self.app.tr
        self.rebuild(keep_focus=False)
        self.read_on_show()

    def draw_content(self) -> None:
        pass

    def draw_overlay(self) -> None:
        pass

    # -- drawing: a frame is drawn again only when something it shows has changed (see frames.py) ------------
    changes = 0  # bumped by rebuilds and input: the frame on screen may no longer be right

    def touch(self) -> None:
        self.changes += 1

    def frame_key(self) -> tuple:
        """Everything the cached frame depends on; a new value means draw it again."""
        focus = self.focus
        return (self.serial, self.changes, focus.index, focus.hover, self.app.show_focus, self.app.reader.reading,
                ui.LOOK, len(self.texts), tuple(t.text for t in self.texts),
                tuple((b.label, b.enabled, b.mark, b.fill) for b in focus.buttons), self.live_key())

    def live_key(self) -> tuple:
        """Screens whose drawing depends on more than their texts and buttons (a blinking caret) add it here."""
        return ()

    def draw_live(self) -> None:
        """What changes every frame, drawn over the cached frame (the line appearing letter by letter)."""

    def on_draw(self) -> None:
        if not self._built:
            self.rebuild(keep_focus=False)
        frames = self.app.frames
        if not frames.enabled:  # a multisampled window cannot take a copy: draw everything every time
            self.draw_frame()
            with self.app.stage.camera.activate():
                self.draw_live()
            return
        key = self.frame_key()
        if not frames.holds(key):
            with frames.target():
                self.draw_frame()
            frames.key = key
        frames.show()
        with self.app.stage.camera.activate():
            self.draw_live()

    def draw_frame(self) -> None:
        self.clear(color=(0, 0, 0, 255))  # letterbox bands when the window is not 16:9
        with self.app.stage.camera.activate():
            if not self.pictured:  # (a full-screen fill costs about 1.7 ms on a software renderer)
                arcade.draw_lbwh_rectangle_filled(0, 0, ui.W, ui.H, self.background)
            self.draw_content()
            if getattr(self, "_batched", None) != len(self.texts) or self._batch_of is not self.texts:
                self._batch = pyglet.graphics.Batch()  # every text of the screen in one draw call
                for t in self.texts:
                    t.batch = self._batch
                self._batched, self._batch_of = len(self.texts), self.texts
            self._batch.draw()
            self.focus.draw(self.app.show_focus)
            if self.listen is not None:
                self.listen.reading = self.app.reader.reading
                self.listen.draw(False, False)
            self.draw_overlay()

    # input ------------------------------------------------------------------
    def keys_are_text(self) -> bool:
        """True while a text field has the focus (letters are then text, not the pupil's own keys)."""
        return False

    def on_key_press(self, symbol: int, modifiers: int) -> None:
        self.touch()
        self.app.show_focus = True
        if self.app.prefs.keys and not self.keys_are_text():
            symbol = translate(self.app.prefs.keys, symbol)
        if symbol == arcade.key.ESCAPE:
            self.on_escape()
            return
        if symbol == arcade.key.F11:
            self.app.window.set_fullscreen(not self.app.window.fullscreen)
            return
        if symbol == arcade.key.F5 and self.app.preview is not None:
            self.app.reload()
            return
        if self.on_key(symbol, modifiers):
            return
        if symbol == arcade.key.R and not self.keys_are_text():
            if self.listen is not None:
                self.toggle_reading()
            return
        self.focus.on_key(symbol, modifiers)

    def on_key(self, symbol: int, modifiers: int) -> bool:
        return False

    def on_escape(self) -> None:
        pass

    def on_mouse_motion(self, x: int, y: int, dx: int, dy: int) -> None:
        sx, sy = self.app.stage.to_stage(x, y)
        self.focus.on_motion(sx, sy)

    def on_mouse_press(self, x: int, y: int, button: int, modifiers: int) -> None:
        self.touch()
        sx, sy = self.app.stage.to_stage(x, y)
        if self.listen is not None and self.listen.contains(sx, sy):
            self.toggle_reading()
            return
        if not self.on_click(sx, sy):
            self.focus.on_click(sx, sy)

    def on_click(self, x: float, y: float) -> bool:
        return False

    def on_resize(self, width: int, height: int) -> None:
        self.app.stage.fit(width, height)

    # -- pages: one pager for every screen that lists more than fits ---------------------------------
    page = 0
    pages = 1

    def pager(self, count: int, per_page: int, *, x: float = 760, y: float = 36, w: float = 200, h: float = 50,
              size: float = 16) -> list[ui.Button]:
        """Previous / Next buttons for `count` items shown `per_page` at a time (none when one page is enough)."""
        self.pages = max(1, -(-count // per_page))
        self.page = min(self.page, self.pages - 1)
        if self.pages <= 1:
            return []
        prev = ui.Button(self.tr("Previous"), x, y, w, h, lambda: self.turn(-1), size=size)
        nxt = ui.Button(self.tr("Next"), x + w + 20, y, w, h, lambda: self.turn(1), size=size)
        prev.enabled, nxt.enabled = self.page > 0, self.page < self.pages - 1
        return [prev, nxt]

    def turn(self, delta: int) -> None:
        page = max(0, min(self.page + delta, self.pages - 1))
        if page != self.page:
            self.page = page
            self.rebuild()

    def column(self, labels_actions, *, x: float, top: float, w: float = 420, h: float = 56, gap: float = 16,
               size: float = 20, hints: bool = False) -> list[ui.Button]:
        """Buttons stacked downwards from `top`."""
        buttons = []
        for i, (label, action) in enumerate(labels_actions):
            y = top - (i + 1) * h - i * gap
            buttons.append(ui.Button(label, x, y, w, h, action, size=size, key_hint=str(i + 1) if hints else None))
        return buttons


class SubScreen(Screen):
    """A screen opened over another (settings, keys, sources, the story so far): Back and Esc return to it."""

    def close(self) -> None:
        self.app.nav.back()  # shown again, it is built again (in the look chosen meanwhile)

    def on_escape(self) -> None:
        self.close()


class FormScreen(Screen):
    """A screen with text fields above its buttons: `field_index` is a field, or len(fields) for the buttons."""

    fields: list = []
    field_index = 0

    def keys_are_text(self) -> bool:
        return self.field_index < len(self.fields)

    def live_key(self) -> tuple:  # what is typed, where, and the caret's blink
        return (self.field_index, tuple(f.value for f in self.fields), int(getattr(self, "clock", 0) * 2) % 2,
                getattr(self, "keyboard", None))

    def on_click(self, x: float, y: float) -> bool:
        for i, f in enumerate(self.fields):
            if f.contains(x, y):
                self.field_index = i
                return True
        self.field_index = len(self.fields)  # a click elsewhere: the buttons take it
        return False
