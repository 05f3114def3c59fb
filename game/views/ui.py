"""Small interface kit: palette, fonts, letterboxed stage, buttons with keyboard focus.

Every view draws in a fixed 1280x720 "stage"; the window may be any size and the
stage is scaled and letterboxed to fit, so resizing keeps the layout. Mouse
positions are converted back to stage coordinates before hit-testing.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import arcade
import pyglet
from arcade.types import LBWH, LRBT

from ..content.pictures import picture_problem

W, H = 1280, 720
ASSETS = Path(__file__).resolve().parents[2] / "assets"

# Colours. Feedback uses the Okabe-Ito colour-blind-safe palette and is never told by colour alone.
# Every text/background pair reaches a WCAG contrast ratio of 4.5:1, and 7:1 in the high-contrast
# look (tests/test_look.py measures it on rendered pixels).
STANDARD = dict(
    INK=(27, 27, 31, 255),
    PAPER=(246, 240, 226, 255),
    PAPER_EDGE=(196, 180, 150, 255),
    NIGHT=(24, 33, 46, 255),
    NIGHT_2=(38, 52, 70, 255),
    WHITE=(255, 255, 255, 255),
    MUTED=(70, 70, 80, 255),
    LIGHT_MUTED=(205, 212, 222, 255),
    ACCENT=(0, 114, 178, 255),  # Okabe-Ito blue
    FOCUS=(230, 159, 0, 255),  # Okabe-Ito orange
    # Okabe-Ito bluish green and vermillion, darkened (same hue) so that white text on them, and they as text
    # on paper, reach 4.5:1; the pure hues (0,158,115) and (213,94,0) only reach 3.0-3.9:1.
    RIGHT=(0, 122, 88, 255),
    WRONG=(180, 70, 0, 255),
    SHADE=(0, 0, 0, 140),
)
HIGH_CONTRAST = dict(
    STANDARD,
    INK=(0, 0, 0, 255),
    PAPER=(255, 255, 255, 255),
    PAPER_EDGE=(0, 0, 0, 255),
    NIGHT=(0, 0, 0, 255),
    NIGHT_2=(20, 20, 20, 255),
    MUTED=(40, 40, 40, 255),
    LIGHT_MUTED=(255, 255, 255, 255),
    ACCENT=(0, 70, 130, 255),  # a darker Okabe-Ito blue: white on it is above 7:1
    RIGHT=(0, 90, 65, 255),  # and darker still for 7:1
    WRONG=(140, 50, 0, 255),
    SHADE=(0, 0, 0, 200),
)
INK = PAPER = PAPER_EDGE = NIGHT = NIGHT_2 = WHITE = MUTED = LIGHT_MUTED = ACCENT = FOCUS = RIGHT = WRONG = SHADE = None

FONTS = {"standard": "DejaVu Sans", "dyslexia": "OpenDyslexic"}
# The characters OpenDyslexic draws (from its cmap; tests/test_look.py checks this list against the font).
# Anything else (the interface's symbols: ✔ ✘ ▼ ● ★ ...) is drawn with DejaVu Sans inside the same text.
OPENDYSLEXIC_RANGES = (
    (32, 126), (160, 263), (266, 275), (278, 283), (286, 291), (294, 299), (302, 307), (310, 311), (313, 328),
    (330, 333), (336, 347), (350, 363), (366, 382), (402, 402), (416, 417), (431, 432), (461, 476), (478, 479),
    (486, 487), (510, 511), (536, 539), (552, 555), (710, 711), (728, 733), (777, 777), (795, 795), (803, 803),
    (806, 806), (813, 813), (817, 817), (960, 960), (7684, 7685), (7692, 7695), (7698, 7699), (7716, 7717),
    (7726, 7727), (7734, 7735), (7740, 7743), (7748, 7751), (7754, 7757), (7760, 7763), (7778, 7779), (7788, 7793),
    (7808, 7813), (7826, 7827), (7840, 7929), (8211, 8212), (8216, 8218), (8220, 8222), (8224, 8226), (8230, 8230),
    (8240, 8240), (8249, 8250), (8260, 8260), (8364, 8364), (8482, 8482), (8486, 8486), (8706, 8706), (8710, 8710),
    (8719, 8719), (8721, 8722), (8729, 8730), (8734, 8734), (8747, 8747), (8776, 8776), (8800, 8800), (8804, 8805),
    (9674, 9674), (64257, 64258),
)


def dyslexia_font_draws(ch: str) -> bool:
    o = ord(ch)
    return ch in "\n\t" or any(a <= o <= b for a, b in OPENDYSLEXIC_RANGES)


SIZES = {"normal": 1.0, "large": 1.25, "larger": 1.5}
SPACINGS = {"normal": 0.0, "wide": 0.5}  # space added between lines, in ems (WCAG 1.4.12 asks for 1.5 lines)


@dataclass
class Look:
    """How text is shown: size, typeface, line spacing, contrast (chosen in game.preferences, applied by the app)."""

    size: str = "normal"
    font: str = "standard"
    spacing: str = "normal"
    contrast: str = "standard"


LOOK = Look()
FONT = FONTS["standard"]
SCALE = 1.0
SPACING = 0.0


def set_look(look: Look) -> None:
    """Every view reads these module values when it builds, so a rebuild shows the new look."""
    global LOOK, FONT, SCALE, SPACING
    LOOK, FONT, SCALE, SPACING = look, FONTS[look.font], SIZES[look.size], SPACINGS[look.spacing]
    globals().update(HIGH_CONTRAST if look.contrast == "high" else STANDARD)


set_look(Look())


@contextmanager
def scale_at_most(cap: float):
    """Dense boards (the mini-games) grow their small labels less than reading text, so that they keep their layout;
    their long texts (intro, situations, conclusions) are built outside this block, at the full size."""
    global SCALE
    saved = SCALE
    SCALE = min(SCALE, cap)
    try:
        yield
    finally:
        SCALE = saved


def contrast_ratio(a, b) -> float:
    """WCAG 2 contrast ratio between two sRGB colours."""
    def lum(c):
        ch = [v / 255 for v in c[:3]]
        ch = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


_fonts_loaded = False


def load_fonts() -> None:
    global _fonts_loaded
    if not _fonts_loaded:
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf"):
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
        if picture_problem(path) is not None:  # changed since the content was checked: drawn without it
            return None
        try:
            _textures[key] = arcade.load_texture(path)
        except Exception:  # noqa: BLE001 - a picture that cannot be drawn never stops the game
            return None
    return _textures[key]


def forget_textures() -> None:
    """Preview reload: pictures may have changed on disk."""
    _textures.clear()
    _pictures.clear()


# -- full-screen pictures (backgrounds, maps): each its own texture, not in arcade's shared atlas ----------
# In the atlas, a chapter's 1280x720 backgrounds made it double from 2048² to 4096² pixels (+67 MB, and their
# decoded images stayed in memory too). Here a picture is uploaded once, its decoded image dropped, and only
# the last few are kept: the one on screen and the ones a pupil goes back to.
_PICTURE_VS = """#version 330
uniform WindowBlock { mat4 projection; mat4 view; } window;
in vec2 in_vert;
in vec2 in_uv;
out vec2 v_uv;
void main() {
    gl_Position = window.projection * window.view * vec4(in_vert, 0.0, 1.0);
    v_uv = in_uv;
}
"""
_PICTURE_FS = """#version 330
uniform sampler2D picture;
in vec2 v_uv;
out vec4 f_color;
void main() {
    f_color = texture(picture, v_uv);
}
"""


class Pictures:
    KEEP = 4

    def __init__(self, ctx):
        from arcade.gl import BufferDescription

        self.ctx = ctx
        self.held: "OrderedDict[str, object]" = OrderedDict()  # path -> texture (None: missing, not retried)
        self.program = ctx.program(vertex_shader=_PICTURE_VS, fragment_shader=_PICTURE_FS)
        self.buffer = ctx.buffer(reserve=16 * 4)
        self.geometry = ctx.geometry([BufferDescription(self.buffer, "2f 2f", ["in_vert", "in_uv"])],
                                     mode=ctx.TRIANGLE_STRIP)

    def get(self, path: Path):
        key = str(path)
        if key in self.held:
            self.held.move_to_end(key)
            return self.held[key]
        from PIL import Image

        tex = None
        if picture_problem(path) is None:  # header only: a file changed since the content was checked is not decoded
            try:
                with Image.open(path) as img:
                    rgba = img.convert("RGBA")  # rows from the top: drawn with v going down (see draw)
                    tex = self.ctx.texture(rgba.size, components=4, data=rgba.tobytes())
                    del rgba
            except Exception:  # noqa: BLE001 - drawn as the placeholder instead, never a crash
                tex = None
        self.held[key] = tex
        while len(self.held) > self.KEEP:
            _, old = self.held.popitem(last=False)
            if old is not None:
                old.delete()
        return tex

    def draw(self, path: Path, left: float, bottom: float, width: float, height: float) -> bool:
        tex = self.get(path)
        if tex is None:
            return False
        import struct

        right, top = left + width, bottom + height
        # the image's first row (its top) is the texture's row 0: v = 0 at the top of the rectangle
        self.buffer.write(struct.pack("16f", left, bottom, 0, 1, right, bottom, 1, 1, left, top, 0, 0, right, top, 1, 0))
        tex.use(0)
        self.program["picture"] = 0
        self.geometry.render(self.program)
        return True

    def clear(self) -> None:
        for tex in self.held.values():
            if tex is not None:
                tex.delete()
        self.held.clear()


class _PictureCache:
    """One `Pictures` per OpenGL context (the tests open several windows, one after another)."""

    def __init__(self):
        self.ctx = None
        self.pictures: Pictures | None = None

    def __call__(self) -> Pictures:
        ctx = arcade.get_window().ctx
        if self.pictures is None or self.ctx is not ctx:
            self.ctx, self.pictures = ctx, Pictures(ctx)
        return self.pictures

    def clear(self) -> None:
        if self.pictures is not None:
            self.pictures.clear()


_pictures = _PictureCache()


def picture(rel: str, root: Path | None, left: float = 0, bottom: float = 0, width: float = W,
            height: float = H) -> bool:
    """Draw a picture of assets/ into a stage rectangle (the whole stage by default); False if it is missing."""
    return _pictures().draw((root or ASSETS.parent) / "assets" / rel, left, bottom, width, height)


def text(value: str, x: float, y: float, *, size: float = 18, color=None, width: int | None = None,
         bold: bool = False, anchor_x: str = "left", anchor_y: str = "top", align: str = "left") -> arcade.Text:
    """A text in the current look: `size` is the size at 100 %; the pupil's text size multiplies it."""
    t = arcade.Text(
        value, x, y, INK if color is None else color, size * SCALE, width=width,
        multiline=width is not None, font_name=FONT, bold=bold, anchor_x=anchor_x, anchor_y=anchor_y, align=align,
    )
    restyle(t, value)
    hold_font(t)
    return t


_held_fonts: "OrderedDict[int, object]" = OrderedDict()


def hold_font(t: arcade.Text) -> None:
    """pyglet keeps only the last three fonts alive, so every screen re-rendered its glyphs (most of the time
    spent building a screen). The 64 most recently used fonts, with their glyphs, are kept here."""
    doc = t._label.document
    font = doc.get_font(0) if isinstance(doc, pyglet.text.document.FormattedDocument) else doc.get_font()
    _held_fonts[id(font)] = font
    _held_fonts.move_to_end(id(font))
    while len(_held_fonts) > 64:
        _held_fonts.popitem(last=False)


def restyle(t: arcade.Text, value: str) -> None:
    """The look's styles on a text's characters (after creating it or changing its string): one relayout."""
    if FONT == FONTS["standard"] and not (SPACING and t.multiline):
        return
    label = t._label
    label.begin_update()
    if FONT != FONTS["standard"]:
        fall_back_for_symbols(t, value)
    if t.multiline:
        space_lines(t)
    label.end_update()


_BASE_STYLES = ("font_name", "font_size", "weight", "italic", "stretch", "color", "align", "kerning", "baseline")


def fall_back_for_symbols(t: arcade.Text, value: str) -> None:
    """Runs of characters the chosen typeface lacks are drawn in DejaVu Sans instead of empty boxes.

    A pyglet label's plain document applies any style to all its text, so a text with such characters gets a
    formatted document (same string, same styles) where the runs can have their own font."""
    runs, i = [], 0
    while i < len(value):
        if dyslexia_font_draws(value[i]):
            i += 1
            continue
        j = i
        while j < len(value) and not dyslexia_font_draws(value[j]):
            j += 1
        runs.append((i, j))
        i = j
    if not runs:
        return
    label = t._label
    doc = label.document
    if not isinstance(doc, pyglet.text.document.FormattedDocument):
        styles = {k: doc.get_style(k) for k in _BASE_STYLES if doc.get_style(k) is not None}
        doc = pyglet.text.document.FormattedDocument(value)
        doc.set_style(0, len(value), styles)
        label.document = doc
    for i, j in runs:
        doc.set_style(i, j, {"font_name": FONTS["standard"]})


def space_lines(t: arcade.Text) -> None:
    """Apply the chosen line spacing (after any change of font size)."""
    if SPACING:
        label = t._label  # arcade.Text has no public setter for pyglet's "leading" style (space between lines)
        pixels = t.font_size * 96 / 72
        label.document.set_style(0, len(label.document.text), {"leading": pixels * SPACING})


def set_size(t: arcade.Text, size: float) -> None:
    label = t._label
    label.begin_update()
    t.font_size = size
    if t.multiline:
        space_lines(t)
    label.end_update()
    hold_font(t)


def fitted(value: str, x: float, y: float, *, width: int, max_height: float, size: float = 18, min_size: float = 12,
           **kw) -> arcade.Text:
    """Wrapped text that shrinks (down to `min_size`, both at 100 %) until it fits `max_height`; the largest
    size that fits is found by bisection over whole points."""
    t = text(value, x, y, size=size, width=width, **kw)
    start = t.font_size
    if t.content_height <= max_height:
        return t
    lo, hi = 0, math.ceil(start - min_size * SCALE)  # points to take off: hi is the most allowed
    while lo < hi:
        mid = (lo + hi) // 2
        set_size(t, start - mid)
        if t.content_height <= max_height:
            hi = mid
        else:
            lo = mid + 1
    if t.font_size != start - lo:
        set_size(t, start - lo)
    return t


def one_line(value: str, x: float, y: float, *, max_width: float, size: float = 18, min_size: float = 11,
             **kw) -> arcade.Text:
    """A single line that shrinks (down to `min_size` at 100 %) to stay within `max_width`; past that it is cut
    with an ellipsis rather than run under its neighbours."""
    t = text(value, x, y, size=size, **kw)
    floor = min_size * SCALE
    while t.content_width > max_width and t.font_size > floor:
        t.font_size -= 1
    while t.content_width > max_width and len(t.text) > 1:
        t.text = t.text[:-2].rstrip() + "…"
    return t


def fits(value: str, *, width: int, max_height: float, size: float, **kw) -> bool:
    return text(value, 0, 0, size=size, width=width, **kw).content_height <= max_height


def split_to_fit(value: str, *, width: int, max_height: float, size: float, **kw) -> list[str]:
    """Cut a long text into pages that each fit the box at the chosen size (reflow instead of shrinking)."""
    probe = text(value, 0, 0, size=size, width=width, **kw)  # one text, measured with each candidate string
    if probe.content_height <= max_height:
        return [value]

    def fit(candidate: str) -> bool:
        nonlocal probe
        if isinstance(probe._label.document, pyglet.text.document.FormattedDocument) or (
                FONT != FONTS["standard"] and not all(map(dyslexia_font_draws, candidate))):
            probe = text(candidate, 0, 0, size=size, width=width, **kw)  # runs in two fonts: a new text
        else:
            probe.text = candidate
            restyle(probe, candidate)
        return probe.content_height <= max_height

    def by_words(paragraph: str) -> list[str]:
        words = paragraph.split(" ")
        out: list[str] = []
        while words:
            lo, hi = 1, len(words)  # the most words that fit, found by bisection; one word always goes
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if fit(" ".join(words[:mid])):
                    lo = mid
                else:
                    hi = mid - 1
            out.append(" ".join(words[:lo]))
            words = words[lo:]
        return out

    # Whole lines (paragraphs) are kept together when they can be; a line too long for a page is cut by words.
    pages: list[str] = []
    current: list[str] = []
    for paragraph in value.split("\n"):
        if fit("\n".join(current + [paragraph])):
            current.append(paragraph)
            continue
        if current:
            pages.append("\n".join(current))
            current = []
        if fit(paragraph):
            current = [paragraph]
        else:
            *full, last = by_words(paragraph)
            pages += full
            current = [last]
    if current:
        pages.append("\n".join(current))
    return pages


def panel(left: float, bottom: float, width: float, height: float, fill=None, border="edge",
          border_width: float = 3) -> None:
    arcade.draw_lbwh_rectangle_filled(left, bottom, width, height, PAPER if fill is None else fill)
    if border == "edge":
        border = PAPER_EDGE
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
    fill: tuple | None = None  # None: the look's button colour
    ink: tuple | None = None
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

    def shown_fill(self, focused: bool, hovered: bool) -> tuple:
        fill = NIGHT_2 if self.fill is None else self.fill
        if not self.enabled:
            return (fill[0] // 2 + 60, fill[1] // 2 + 60, fill[2] // 2 + 60, 255)
        if hovered or focused:  # lighter under the pointer or the focus, unless that would weaken its label
            lighter = tuple(min(255, c + 25) for c in fill[:3]) + (255,)
            darker = tuple(max(0, c - 25) for c in fill[:3]) + (255,)
            ink = self.ink or WHITE
            return lighter if contrast_ratio(ink, lighter) >= contrast_ratio(ink, fill) else darker
        return fill

    def draw_shape(self, focused: bool, hovered: bool) -> None:
        arcade.draw_lbwh_rectangle_filled(self.x, self.y, self.w, self.h, self.shown_fill(focused, hovered))
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
                                    max_height=self.h - 6, size=self.size, min_size=9, color=self.ink or WHITE, anchor_y="center")
            else:  # one line: shrink a long label (a long translation, say) rather than overflow the button
                self._text = text(label, self.x + 18, self.y + self.h / 2, size=self.size, color=self.ink or WHITE,
                                  anchor_y="center")
                while ((self._text.content_width > self.w - 30 or self._text.content_height > self.h - 2)
                       and self._text.font_size > 10):
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
        self.settle()
        self.hover = None

    def settle(self) -> None:
        """Never rest on a button that cannot be pressed ("Previous" on the first page, "Next" on the last)."""
        if self.buttons and not self.buttons[self.index].enabled and any(b.enabled for b in self.buttons):
            self.move(1)

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
