"""Small interface kit: palette, fonts, letterboxed stage, buttons with keyboard focus.

Every view draws in a fixed 1280x720 "stage"; the window may be any size and the
stage is scaled and letterboxed to fit, so resizing keeps the layout. Mouse
positions are converted back to stage coordinates before hit-testing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import arcade
import pyglet
from arcade.types import LBWH, LRBT

W, H = 1280, 720
ASSETS = Path(__file__).resolve().parents[2] / "assets"
FONT = "DejaVu Sans"

# Colours. Feedback uses the Okabe-Ito colour-blind-safe palette and is never told by colour alone.
INK = (27, 27, 31, 255)
PAPER = (246, 240, 226, 255)
PAPER_EDGE = (196, 180, 150, 255)
NIGHT = (24, 33, 46, 255)
NIGHT_2 = (38, 52, 70, 255)
WHITE = (255, 255, 255, 255)
MUTED = (70, 70, 80, 255)
LIGHT_MUTED = (205, 212, 222, 255)
ACCENT = (0, 114, 178, 255)  # Okabe-Ito blue
FOCUS = (230, 159, 0, 255)  # Okabe-Ito orange
RIGHT = (0, 158, 115, 255)  # Okabe-Ito bluish green
WRONG = (213, 94, 0, 255)  # Okabe-Ito vermillion
SHADE = (0, 0, 0, 140)

_fonts_loaded = False


def load_fonts() -> None:
    global _fonts_loaded
    if not _fonts_loaded:
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            arcade.load_font(ASSETS / "fonts" / name)
        _fonts_loaded = True


class Stage:
    """Maps the 1280x720 design space onto the window, keeping its aspect ratio."""

    def __init__(self, window: arcade.Window):
        self.window = window
        self.camera = arcade.Camera2D()
        self.fit(*window.get_size())

    def fit(self, width: int, height: int) -> None:
        scale = min(width / W, height / H) or 1
        vw, vh = W * scale, H * scale
        self.scale = scale
        self.camera.viewport = LBWH((width - vw) / 2, (height - vh) / 2, vw, vh)
        self.camera.projection = LRBT(-W / 2, W / 2, -H / 2, H / 2)
        self.camera.position = (W / 2, H / 2)

    def to_stage(self, x: float, y: float) -> tuple[float, float]:
        p = self.camera.unproject((x, y))
        return p.x, p.y


_textures: dict[str, arcade.Texture] = {}


def texture(rel: str, root: Path | None = None) -> arcade.Texture | None:
    path = (root or ASSETS.parent) / "assets" / rel
    key = str(path)
    if key not in _textures:
        try:
            _textures[key] = arcade.load_texture(path)
        except (FileNotFoundError, OSError, ValueError):
            return None
    return _textures[key]


def forget_textures() -> None:
    """Preview reload: pictures may have changed on disk."""
    _textures.clear()


def text(value: str, x: float, y: float, *, size: float = 18, color=INK, width: int | None = None,
         bold: bool = False, anchor_x: str = "left", anchor_y: str = "top", align: str = "left") -> arcade.Text:
    return arcade.Text(
        value, x, y, color, size, width=width, multiline=width is not None, font_name=FONT, bold=bold,
        anchor_x=anchor_x, anchor_y=anchor_y, align=align,
    )


def fitted(value: str, x: float, y: float, *, width: int, max_height: float, size: float = 18, min_size: float = 12,
           **kw) -> arcade.Text:
    """Wrapped text that shrinks (down to `min_size`) until it fits `max_height`: nothing overflows its box."""
    t = text(value, x, y, size=size, width=width, **kw)
    while t.content_height > max_height and t.font_size > min_size:
        t.font_size -= 1
    return t


def panel(left: float, bottom: float, width: float, height: float, fill=PAPER, border=PAPER_EDGE, border_width: float = 3) -> None:
    arcade.draw_lbwh_rectangle_filled(left, bottom, width, height, fill)
    if border is not None:
        arcade.draw_lbwh_rectangle_outline(left, bottom, width, height, border, border_width)


@dataclass
class Button:
    label: str
    x: float  # left
    y: float  # bottom
    w: float
    h: float
    action: Callable[[], None]
    size: float = 18
    fill: tuple = NIGHT_2
    ink: tuple = WHITE
    key_hint: str | None = None  # e.g. "1" to show a shortcut
    mark: str | None = None  # an icon drawn before the label (e.g. a tick after answering)
    enabled: bool = True
    wrap: bool = False  # long labels (choices, options) wrap inside the button
    spot: tuple | None = None  # scene hotspots: where the ring is drawn on the picture
    _text: arcade.Text | None = field(default=None, repr=False)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h

    def draw(self, focused: bool, hovered: bool) -> None:
        self.draw_shape(focused, hovered)
        self.label_text().draw()

    def draw_shape(self, focused: bool, hovered: bool) -> None:
        fill = self.fill
        if not self.enabled:
            fill = (fill[0] // 2 + 60, fill[1] // 2 + 60, fill[2] // 2 + 60, 255)
        elif hovered or focused:
            fill = tuple(min(255, c + 25) for c in fill[:3]) + (255,)
        arcade.draw_lbwh_rectangle_filled(self.x, self.y, self.w, self.h, fill)
        if focused:
            # A thick orange ring plus a pointer: visible without relying on colour alone.
            arcade.draw_lbwh_rectangle_outline(self.x - 4, self.y - 4, self.w + 8, self.h + 8, FOCUS, 5)
            arcade.draw_triangle_filled(self.x - 22, self.y + self.h / 2 + 10, self.x - 22, self.y + self.h / 2 - 10,
                                        self.x - 8, self.y + self.h / 2, FOCUS)

    def label_text(self) -> arcade.Text:
        if self._text is None:
            label = self.label
            if self.key_hint:
                label = f"{self.key_hint}.  {label}"
            if self.mark:
                label = f"{self.mark}  {label}"
            if self.wrap:
                self._text = fitted(label, self.x + 18, self.y + self.h / 2, width=int(self.w - 36),
                                    max_height=self.h - 6, size=self.size, min_size=11, color=self.ink, anchor_y="center")
            else:  # one line: shrink a long label (a long translation, say) rather than overflow the button
                self._text = text(label, self.x + 18, self.y + self.h / 2, size=self.size, color=self.ink,
                                  anchor_y="center")
                while self._text.content_width > self.w - 30 and self._text.font_size > 10:
                    self._text.font_size -= 1
        return self._text


class Focus:
    """A list of buttons; one has keyboard focus. Tab / arrows move it, Enter / Space press it."""

    def __init__(self):
        self.buttons: list[Button] = []
        self.index = 0
        self.hover: int | None = None

    def set(self, buttons: list[Button], keep: bool = False) -> None:
        self.buttons = buttons
        if not keep or self.index >= len(buttons):
            self.index = 0
        self.hover = None

    @property
    def current(self) -> Button | None:
        return self.buttons[self.index] if self.buttons else None

    def move(self, delta: int) -> None:
        if self.buttons:
            for _ in range(len(self.buttons)):
                self.index = (self.index + delta) % len(self.buttons)
                if self.buttons[self.index].enabled:
                    break

    def on_key(self, symbol: int, modifiers: int) -> bool:
        k = arcade.key
        if symbol == k.TAB:
            self.move(-1 if modifiers & k.MOD_SHIFT else 1)
        elif symbol in (k.DOWN, k.RIGHT):
            self.move(1)
        elif symbol in (k.UP, k.LEFT):
            self.move(-1)
        elif symbol in (k.ENTER, k.RETURN, k.NUM_ENTER, k.SPACE):
            b = self.current
            if b is not None and b.enabled:
                b.action()
        else:
            return False
        return True

    def on_motion(self, x: float, y: float) -> None:
        self.hover = next((i for i, b in enumerate(self.buttons) if b.contains(x, y)), None)

    def on_click(self, x: float, y: float) -> bool:
        for i, b in enumerate(self.buttons):
            if b.enabled and b.contains(x, y):
                self.index = i
                b.action()
                return True
        return False

    def draw(self, show_focus: bool = True) -> None:
        """Shapes first, then every label in one batch (one draw call instead of one per button)."""
        for i, b in enumerate(self.buttons):
            b.draw_shape(show_focus and i == self.index, i == self.hover)
        texts = [b.label_text() for b in self.buttons]
        if getattr(self, "_batched", None) != texts:
            self._batch = pyglet.graphics.Batch()
            for t in texts:
                t.batch = self._batch
            self._batched = texts
        self._batch.draw()
