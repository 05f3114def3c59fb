#!/usr/bin/env python3
"""Draw every background and portrait of the game with code (Pillow only).

Style: flat "poster / gouache" illustration -- layered silhouettes, a small
muted palette per scene with one warm and one cool light, soft gradient skies,
simple geometric buildings, and a light paper grain.  Nothing is downloaded and
no external image or font is used.  A fixed seed makes every run produce
byte-identical files.

Usage:  python assets/generate_art.py
Output: assets/backgrounds/*.png (1280x720 RGB) and assets/portraits/*.png
        (256x256 RGBA).
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent
BG_DIR = ROOT / "backgrounds"
PORTRAIT_DIR = ROOT / "portraits"

W, H = 1280, 720          # background size
SS = 2                    # supersampling factor for backgrounds
PW = 256                  # portrait size
PSS = 4                   # supersampling factor for portraits
SEED = 1940


# --------------------------------------------------------------------------
# colour helpers
# --------------------------------------------------------------------------

def C(c, a=None):
    """'#rrggbb' or tuple -> RGB(A) tuple; `a` adds an alpha channel."""
    if isinstance(c, str):
        s = c.lstrip("#")
        c = tuple(int(s[i:i + 2], 16) for i in (0, 2, 4))
    c = tuple(int(v) for v in c)
    if a is not None:
        return c[:3] + (int(a),)
    return c


def mix(a, b, t):
    a, b = C(a), C(b)
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def shade(c, f):
    return tuple(max(0, min(255, int(round(v * f)))) for v in C(c)[:3])


def jitter(rng, c, amount):
    """Same colour, slightly lighter or darker (keeps the hue steady)."""
    d = rng.randint(-amount, amount)
    return tuple(max(0, min(255, v + d + rng.randint(-2, 2))) for v in C(c)[:3])


# --------------------------------------------------------------------------
# geometry helpers
# --------------------------------------------------------------------------

def arc_pts(cx, cy, rx, ry, a0, a1, n=24):
    """Points on an ellipse arc, angles in degrees (0 = right, 90 = down)."""
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return out


def bezier(p0, p1, p2, p3, n=20):
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def mirror_x(pts, cx):
    return [(2 * cx - x, y) for x, y in reversed(pts)]


# --------------------------------------------------------------------------
# Pen: draws in logical coordinates on a supersampled canvas
# --------------------------------------------------------------------------

class Pen:
    """Wraps ImageDraw; coordinates are logical, the canvas is `scale` times
    larger.  The canvas is RGB and drawn in "RGBA" mode, so colours with an
    alpha value are blended (used for glazes, shadows and haze).  Colours may
    be '#rrggbb' strings or tuples."""

    def __init__(self, img: Image.Image, scale: int):
        self.img = img
        self.s = scale
        self.d = ImageDraw.Draw(img, "RGBA")

    @staticmethod
    def _c(c):
        if c is None:
            return None
        return C(c) if isinstance(c, str) else tuple(int(v) for v in c)

    def P(self, pts):
        s = self.s
        return [(x * s, y * s) for x, y in pts]

    def _w(self, w):
        return max(1, int(round(w * self.s)))

    def _box(self, x0, y0, x1, y1):
        s = self.s
        return [min(x0, x1) * s, min(y0, y1) * s, max(x0, x1) * s, max(y0, y1) * s]

    def poly(self, pts, fill=None, outline=None, width=1):
        if len(pts) >= 3:
            self.d.polygon(self.P(pts), fill=self._c(fill), outline=self._c(outline),
                           width=self._w(width) if outline else 1)

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, width=1):
        self.d.rectangle(self._box(x0, y0, x1, y1), fill=self._c(fill), outline=self._c(outline),
                         width=self._w(width) if outline else 0)

    def rrect(self, x0, y0, x1, y1, r, fill=None, outline=None, width=1):
        self.d.rounded_rectangle(self._box(x0, y0, x1, y1), radius=r * self.s, fill=self._c(fill),
                                 outline=self._c(outline), width=self._w(width) if outline else 0)

    def ellipse(self, x0, y0, x1, y1, fill=None, outline=None, width=1):
        self.d.ellipse(self._box(x0, y0, x1, y1), fill=self._c(fill), outline=self._c(outline),
                       width=self._w(width) if outline else 0)

    def circle(self, cx, cy, r, fill=None, outline=None, width=1):
        self.ellipse(cx - r, cy - r, cx + r, cy + r, fill, outline, width)

    def line(self, pts, fill, width=1, joint="curve"):
        self.d.line(self.P(pts), fill=self._c(fill), width=self._w(width), joint=joint)

    def arc(self, box, start, end, fill, width=1):
        self.d.arc(self._box(*box), start, end, fill=self._c(fill), width=self._w(width))

    def chord(self, box, start, end, fill=None, outline=None, width=1):
        self.d.chord(self._box(*box), start, end, fill=self._c(fill), outline=self._c(outline),
                     width=self._w(width) if outline else 0)

    def pieslice(self, box, start, end, fill=None):
        self.d.pieslice(self._box(*box), start, end, fill=self._c(fill))


# --------------------------------------------------------------------------
# painterly helpers shared by all scenes
# --------------------------------------------------------------------------

def new_canvas(size=(W, H), scale=SS, color=(0, 0, 0)):
    img = Image.new("RGB", (size[0] * scale, size[1] * scale), C(color))
    return img, Pen(img, scale)


def vertical_gradient(size, stops):
    """stops: list of (position 0..1, colour).  Returns an RGB image."""
    w, h = size
    col = Image.new("RGB", (1, h))
    px = []
    stops = [(p, C(c)) for p, c in stops]
    for y in range(h):
        t = y / max(1, h - 1)
        for i in range(len(stops) - 1):
            p0, c0 = stops[i]
            p1, c1 = stops[i + 1]
            if t <= p1 or i == len(stops) - 2:
                u = 0 if p1 == p0 else max(0.0, min(1.0, (t - p0) / (p1 - p0)))
                u = u * u * (3 - 2 * u)          # smoothstep: softer bands
                px.append(mix(c0, c1, u))
                break
    col.putdata(px)
    return col.resize((w, h), Image.BILINEAR)


def paint_sky(pen, stops):
    pen.img.paste(vertical_gradient(pen.img.size, stops), (0, 0))


def glaze(pen, pts, color, alpha, blur=0.0):
    """Blend a soft-edged translucent polygon (shade, light, mist)."""
    img = pen.img
    k = 4
    m = Image.new("L", (img.size[0] // k, img.size[1] // k), 0)
    f = pen.s / k
    ImageDraw.Draw(m).polygon([(x * f, y * f) for x, y in pts], fill=int(alpha))
    if blur:
        m = m.filter(ImageFilter.GaussianBlur(blur * f))
    m = m.resize(img.size, Image.BICUBIC)
    img.paste(Image.composite(Image.new("RGB", img.size, C(color)), img, m), (0, 0))


class clip_to:
    """Context manager: everything drawn with the yielded Pen stays inside
    polygon pts (used for shading that must not spill over an outline)."""

    def __init__(self, pen, pts):
        self.pen, self.pts = pen, pts

    def __enter__(self):
        self.copy = self.pen.img.copy()
        return Pen(self.copy, self.pen.s)

    def __exit__(self, *exc):
        m = Image.new("L", self.pen.img.size, 0)
        ImageDraw.Draw(m).polygon(self.pen.P(self.pts), fill=255)
        self.pen.img.paste(self.copy, (0, 0), m)
        return False


def glow(pen, cx, cy, rx, ry, color, strength=1.0, blur=None):
    """Soft radial light (sun haze, lamp halo)."""
    img = pen.img
    s = pen.s
    k = 8
    sw, sh = img.size[0] // k, img.size[1] // k
    m = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(m)
    f = s / k
    d.ellipse([(cx - rx) * f, (cy - ry) * f, (cx + rx) * f, (cy + ry) * f], fill=int(255 * strength))
    m = m.filter(ImageFilter.GaussianBlur((blur if blur is not None else max(rx, ry) * 0.6) * f))
    m = m.resize(img.size, Image.BICUBIC)
    layer = Image.new("RGB", img.size, C(color))
    img.paste(Image.composite(layer, img, m), (0, 0))


def haze_band(pen, y0, y1, color, a0, a1):
    """Vertical alpha gradient of one colour between y0 and y1 (logical)."""
    img = pen.img
    s = pen.s
    h = img.size[1]
    col = Image.new("L", (1, h), 0)
    vals = []
    for y in range(h):
        ly = y / s
        if ly < y0 or ly >= y1:
            vals.append(0)
        else:
            t = (ly - y0) / max(1e-6, (y1 - y0))
            vals.append(int(255 * (a0 + (a1 - a0) * t)))
    col.putdata(vals)
    m = col.resize(img.size)
    layer = Image.new("RGB", img.size, C(color))
    img.paste(Image.composite(layer, img, m), (0, 0))


def cloud(pen, rng, cx, cy, w, h, light, dark, puffs=7):
    """A flat two-tone poster cloud: a dark underside and a lit top."""
    puffs = max(puffs, int(w / (h * 0.9)))
    blobs = []
    for i in range(puffs):
        t = i / (puffs - 1) if puffs > 1 else 0.5
        bx = cx - w / 2 + w * t + rng.uniform(-w * 0.05, w * 0.05)
        bump = math.sin(t * math.pi)
        r = h * (0.35 + 0.55 * bump) * rng.uniform(0.8, 1.1)
        by = cy - r * 0.5
        blobs.append((bx, by, r))
    for bx, by, r in blobs:
        pen.ellipse(bx - r * 1.3, by - r, bx + r * 1.3, cy + h * 0.18, fill=C(dark))
    for bx, by, r in blobs:
        pen.ellipse(bx - r * 1.2, by - r - h * 0.08, bx + r * 1.2, cy - h * 0.02, fill=C(light))


def stratus(pen, rng, cx, cy, w, h, color, alpha, blur=6):
    """Long soft band of layered cloud (overcast, dawn)."""
    pts = []
    n = 14
    for i in range(n + 1):
        t = i / n
        pts.append((cx - w / 2 + w * t, cy - h * (0.3 + 0.7 * math.sin(t * math.pi)) * rng.uniform(0.7, 1.0)))
    for i in range(n, -1, -1):
        t = i / n
        pts.append((cx - w / 2 + w * t, cy + h * 0.25 * math.sin(t * math.pi)))
    glaze(pen, pts, color, alpha, blur)


def windows_grid(pen, rng, x0, y0, x1, y1, cols, rows, glass, frame, lit=None, lit_p=0.0,
                 arched=False, ww=0.5, wh=0.62, sill=None):
    """Regular grid of windows inside a box; some may catch warm light."""
    cw = (x1 - x0) / cols
    rh = (y1 - y0) / rows
    for r in range(rows):
        for c in range(cols):
            wx = x0 + cw * (c + 0.5)
            wy = y0 + rh * (r + 0.5)
            hw = cw * ww / 2
            hh = rh * wh / 2
            g = lit if (lit and rng.random() < lit_p) else glass
            m = max(1.2, hw * 0.22)
            if arched:
                pen.ellipse(wx - hw - m, wy - hh - hw - m, wx + hw + m, wy - hh + hw + m, fill=C(frame))
                pen.rect(wx - hw - m, wy - hh, wx + hw + m, wy + hh + m, fill=C(frame))
                pen.ellipse(wx - hw, wy - hh - hw, wx + hw, wy - hh + hw, fill=C(g))
                pen.rect(wx - hw, wy - hh, wx + hw, wy + hh, fill=C(g))
            else:
                pen.rect(wx - hw - m, wy - hh - m, wx + hw + m, wy + hh + m, fill=C(frame))
                pen.rect(wx - hw, wy - hh, wx + hw, wy + hh, fill=C(g))
            # mullion and transom
            lw = max(0.8, hw * 0.12)
            pen.rect(wx - lw / 2, wy - hh, wx + lw / 2, wy + hh, fill=C(frame))
            pen.rect(wx - hw, wy - hh * 0.25 - lw / 2, wx + hw, wy - hh * 0.25 + lw / 2, fill=C(frame))
            if sill:
                pen.rect(wx - hw - m * 1.8, wy + hh + m * 0.4, wx + hw + m * 1.8, wy + hh + m * 1.9,
                         fill=C(sill))


def finish(img, rng, grain=0, vignette=0.22, out_size=(W, H), colors=256):
    """Downsample, add a soft paper mottle and a gentle vignette, then reduce
    to a dithered palette (keeps the flat gouache look and small files)."""
    img = img.resize(out_size, Image.LANCZOS)
    w, h = img.size
    if grain:
        cw, ch = w // 5, h // 5
        n = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).filter(
            ImageFilter.GaussianBlur(0.9)).resize((w, h), Image.BICUBIC)
        lut = [max(0, min(255, int(128 + (v - 128) * grain / 10))) for v in range(256)]
        n = n.point(lut)
        img = ImageChops.overlay(img, Image.merge("RGB", (n, n, n)))
    if vignette:
        sw, sh = w // 8, h // 8
        m = Image.new("L", (sw, sh), 255)
        d = ImageDraw.Draw(m)
        d.ellipse([-sw * 0.15, -sh * 0.2, sw * 1.15, sh * 1.2], fill=0)
        m = m.filter(ImageFilter.GaussianBlur(sw * 0.12)).resize((w, h), Image.BICUBIC)
        m = m.point(lambda v: int(v * vignette))
        dark = ImageChops.multiply(img, Image.new("RGB", (w, h), (60, 50, 70)))
        img = Image.composite(dark, img, m)
    if colors:
        img = img.quantize(colors, method=Image.Quantize.MEDIANCUT,
                           dither=Image.Dither.FLOYDSTEINBERG).convert("RGB")
    return img


def save_png(img, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "PNG", optimize=True)


# --------------------------------------------------------------------------
# reusable architecture helpers
# --------------------------------------------------------------------------

def gable_points(kind, x, y, w, gh):
    """Outline (left foot -> right foot) of a gable sitting on y."""
    cx = x + w / 2
    if kind == "stepped":
        n = 4
        sw = w / (2 * n + 1)
        sh = gh / (n + 1)
        left = [(x, y)]
        for i in range(n):
            left += [(x + i * sw, y - (i + 1) * sh), (x + (i + 1) * sw, y - (i + 1) * sh)]
        left.append((x + n * sw, y - (n + 1) * sh))
        return left + mirror_x(left, cx)
    if kind == "curved":
        # Flemish bell gable: concave scroll, straight neck, rounded crown.
        left = [(x, y)]
        left += arc_pts(x, y - gh * 0.42, w * 0.22, gh * 0.42, 90, 0, 10)[1:]
        left += [(x + w * 0.26, y - gh * 0.55)]
        left += bezier((x + w * 0.26, y - gh * 0.55), (x + w * 0.22, y - gh * 0.8),
                       (x + w * 0.33, y - gh * 0.92), (cx - w * 0.08, y - gh * 0.9), 10)[1:]
        left += arc_pts(cx, y - gh * 0.9, w * 0.08, w * 0.08, 180, 270, 6)[1:]
        return left + mirror_x(left, cx)
    if kind == "volute":
        # richer gable (Vieille Bourse): two storeys of scrolls and a pediment.
        left = [(x, y)]
        left += arc_pts(x, y - gh * 0.3, w * 0.16, gh * 0.3, 90, 0, 8)[1:]
        left += [(x + w * 0.16, y - gh * 0.42), (x + w * 0.22, y - gh * 0.42)]
        left += arc_pts(x + w * 0.22, y - gh * 0.72, w * 0.12, gh * 0.3, 90, 0, 8)[1:]
        left += [(x + w * 0.34, y - gh * 0.82), (cx, y - gh)]
        return left[:-1] + [(cx, y - gh)] + mirror_x(left[:-1], cx)
    # plain pointed gable
    return [(x, y), (cx, y - gh), (x + w, y)]


def hline_spans(pts, y):
    """x-intervals where the horizontal line y is inside polygon pts."""
    xs = []
    n = len(pts)
    for i in range(n):
        (xa, ya), (xb, yb) = pts[i], pts[(i + 1) % n]
        if (ya <= y < yb) or (yb <= y < ya):
            xs.append(xa + (y - ya) * (xb - xa) / (yb - ya))
    xs.sort()
    return [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]


def brick_texture(pen, rng, pts, color, step=5.0, alpha=40):
    """Faint brick courses and staggered joints, clipped to polygon pts."""
    y0 = min(p[1] for p in pts)
    y1 = max(p[1] for p in pts)
    y = y0 + step
    row = 0
    while y < y1:
        for xa, xb in hline_spans(pts, y):
            xa, xb = xa + 0.8, xb - 0.8
            if xb - xa < 1:
                continue
            pen.line([(xa, y), (xb, y)], C(color, alpha), 0.6)
            x = xa + (row % 2) * step + step
            while x < xb:
                if rng.random() < 0.5 and all(a < x < b for a, b in hline_spans(pts, y - step + 0.5)[:1]):
                    pen.line([(x, y - step + 0.6), (x, y - 0.6)], C(color, alpha // 2), 0.5)
                x += step * 2
        y += step
        row += 1


def quoins(pen, x, y0, y1, w, color, step=9):
    """Alternating stone blocks on a facade corner."""
    y = y1
    i = 0
    while y - step > y0:
        ww = w if i % 2 == 0 else w * 0.6
        pen.rect(x, y - step + 1, x + ww, y, fill=color)
        y -= step
        i += 1


def awning(pen, x0, x1, y, h, c1, c2, stripes=7):
    sw = (x1 - x0) / stripes
    for i in range(stripes):
        c = c1 if i % 2 == 0 else c2
        pen.poly([(x0 + i * sw, y), (x0 + (i + 1) * sw, y),
                  (x0 + (i + 1) * sw + 3, y + h), (x0 + i * sw + 3, y + h)], fill=c)
        pen.pieslice((x0 + i * sw + 3, y + h - sw / 2, x0 + (i + 1) * sw + 3, y + h + sw / 2), 0, 180, fill=c)


def flemish_house(pen, rng, x, base, w, body_h, gable, wall, trim, glass, lit=None,
                  floors=3, ground="shop", brick=False, awning_cols=None):
    top = base - body_h
    gh = w * (0.85 if gable == "stepped" else 0.95 if gable in ("curved", "volute") else 0.5)
    pts = gable_points(gable, x, top + 1, w, gh)
    pen.rect(x, top, x + w, base, fill=wall)
    pen.poly(pts, fill=wall)
    if brick:
        outline = pts[:-1] + [(x + w, top + 1), (x + w, base), (x, base), (x, top + 1)]
        brick_texture(pen, rng, outline, shade(wall, 0.72), 5.0, 55)
    # stone coping along the gable edge
    pen.line(pts, trim, 2.6)
    if gable == "stepped":
        n = 4
        sw = w / 9
        sh = gh / 5
        for i in range(n):
            for xx in (x + (i + 0.5) * sw, x + w - (i + 0.5) * sw):
                pen.circle(xx, top - (i + 1) * sh - 3, 2.6, fill=trim)
        pen.circle(x + w / 2, top - gh - 4, 3.2, fill=trim)
    elif gable in ("curved", "volute"):
        pen.circle(x + w / 2, top - gh - 5, 3.4, fill=trim)
    # gable window
    gx = x + w / 2
    gy = top - gh * 0.38
    gw = w * 0.1
    if gable == "triangle":
        pen.circle(gx, top - gh * 0.35, gw * 0.9, fill=trim)
        pen.circle(gx, top - gh * 0.35, gw * 0.65, fill=glass)
    else:
        pen.ellipse(gx - gw - 2, gy - gw * 2.2 - 2, gx + gw + 2, gy + gw * 0.4 + 2, fill=trim)
        pen.ellipse(gx - gw, gy - gw * 2.2, gx + gw, gy + gw * 0.4, fill=glass)
        pen.rect(gx - gw - 2, gy - gw * 0.8, gx + gw + 2, gy + gw * 1.2, fill=trim)
        pen.rect(gx - gw, gy - gw * 0.8, gx + gw, gy + gw * 0.9, fill=glass)
    # storeys
    ground_h = body_h * 0.28
    fh = (body_h - ground_h) / floors
    cols = 2 if w < 120 else 3
    for f in range(floors):
        yb = top + f * fh
        pen.rect(x, yb + fh - 2.2, x + w, yb + fh + 0.8, fill=trim)     # string course
        windows_grid(pen, rng, x + 4, yb + 4, x + w - 4, yb + fh - 2, cols, 1, glass, trim,
                     lit=lit, lit_p=0.3, arched=(gable in ("curved", "volute")), ww=0.5, wh=0.66)
    quoins(pen, x, top, base - ground_h, 5, trim)
    quoins(pen, x + w - 5, top, base - ground_h, 5, trim)
    # ground floor
    gy0 = base - ground_h
    if ground == "arcade":
        n = 2
        aw = w / n
        for i in range(n):
            ax0 = x + i * aw + aw * 0.16
            ax1 = x + (i + 1) * aw - aw * 0.16
            r = (ax1 - ax0) / 2
            pen.rect(x + i * aw, gy0, x + (i + 1) * aw, base, fill=trim)
            pen.ellipse(ax0, gy0 + 6, ax1, gy0 + 6 + 2 * r, fill=shade(wall, 0.35))
            pen.rect(ax0, gy0 + 6 + r, ax1, base, fill=shade(wall, 0.35))
            pen.circle((ax0 + ax1) / 2, gy0 + 6, 3, fill=shade(trim, 0.85))
    else:
        pen.rect(x, gy0, x + w, base, fill=shade(wall, 0.92))
        # shop window + door
        pen.rect(x + 6, gy0 + 14, x + w * 0.62, base - 8, fill=trim)
        pen.rect(x + 9, gy0 + 17, x + w * 0.62 - 3, base - 11, fill=glass)
        pen.rect(x + w * 0.7, gy0 + 12, x + w - 8, base, fill=trim)
        pen.rect(x + w * 0.7 + 3, gy0 + 15, x + w - 11, base, fill=shade(wall, 0.45))
        if awning_cols:
            awning(pen, x + 2, x + w * 0.66, gy0 + 6, 14, awning_cols[0], awning_cols[1], 6)
    pen.line([(x, top - 0.5), (x, base)], shade(wall, 0.6), 1.0)


def lamp_post(pen, x, base, h, metal, glass, scale=1.0):
    """Cast-iron street lantern."""
    s = scale
    pen.poly([(x - 9 * s, base), (x + 9 * s, base), (x + 5 * s, base - 22 * s), (x - 5 * s, base - 22 * s)],
             fill=metal)
    pen.rect(x - 2.6 * s, base - h, x + 2.6 * s, base - 20 * s, fill=metal)
    for yy in (base - 40 * s, base - h * 0.6):
        pen.rect(x - 5 * s, yy, x + 5 * s, yy + 4 * s, fill=metal)
    top = base - h
    pen.poly([(x - 10 * s, top - 2 * s), (x + 10 * s, top - 2 * s), (x + 14 * s, top - 30 * s),
              (x - 14 * s, top - 30 * s)], fill=glass)
    pen.line([(x - 10 * s, top - 2 * s), (x - 14 * s, top - 30 * s)], metal, 2 * s)
    pen.line([(x + 10 * s, top - 2 * s), (x + 14 * s, top - 30 * s)], metal, 2 * s)
    pen.line([(x, top - 2 * s), (x, top - 30 * s)], metal, 1.4 * s)
    pen.rect(x - 12 * s, top - 3 * s, x + 12 * s, top, fill=metal)
    pen.poly([(x - 17 * s, top - 30 * s), (x + 17 * s, top - 30 * s), (x, top - 44 * s)], fill=metal)
    pen.circle(x, top - 46 * s, 3 * s, fill=metal)


def bicycle(pen, x, ground, r, frame, tyre, metal, seat):
    """Side view of an upright town bicycle, rear wheel at x."""
    rx, fx = x, x + r * 2.75
    cy = ground - r
    bb = (x + r * 1.25, cy + r * 0.12)
    seat_top = (x + r * 0.9, cy - r * 1.25)
    head_top = (fx - r * 0.42, cy - r * 1.2)
    head_bot = (fx - r * 0.3, cy - r * 0.8)
    for wx in (rx, fx):
        pen.circle(wx, cy, r, outline=tyre, width=r * 0.12)
        pen.circle(wx, cy, r * 0.86, outline=metal, width=r * 0.03)
        for k in range(16):
            a = math.radians(k * 22.5 + 7)
            pen.line([(wx, cy), (wx + math.cos(a) * r * 0.86, cy + math.sin(a) * r * 0.86)],
                     C(metal, 200), r * 0.018)
        pen.circle(wx, cy, r * 0.09, fill=metal)
        # mudguard
        pen.arc((wx - r * 1.12, cy - r * 1.12, wx + r * 1.12, cy + r * 1.12), 190, 350, frame, r * 0.07)
    fw = r * 0.085
    pen.line([(rx, cy), bb, seat_top, (rx, cy)], frame, fw)
    pen.line([bb, head_bot, head_top, seat_top], frame, fw)
    pen.line([head_top, (fx, cy)], frame, fw)
    # chain guard, crank, pedal
    pen.ellipse(rx - r * 0.15, cy - r * 0.16, bb[0] + r * 0.22, bb[1] + r * 0.16, fill=frame)
    pen.circle(bb[0], bb[1], r * 0.2, fill=metal)
    pen.line([bb, (bb[0] + r * 0.25, bb[1] + r * 0.38)], metal, r * 0.06)
    pen.rect(bb[0] + r * 0.12, bb[1] + r * 0.36, bb[0] + r * 0.4, bb[1] + r * 0.44, fill=tyre)
    # saddle, seat post, handlebar
    pen.line([seat_top, (seat_top[0] - r * 0.05, seat_top[1] - r * 0.2)], metal, r * 0.06)
    pen.ellipse(seat_top[0] - r * 0.35, seat_top[1] - r * 0.3, seat_top[0] + r * 0.2, seat_top[1] - r * 0.14,
                fill=seat)
    stem = (head_top[0] - r * 0.03, head_top[1] - r * 0.18)
    pen.line([head_top, stem], metal, r * 0.06)
    pen.line([stem, (stem[0] - r * 0.35, stem[1] - r * 0.02), (stem[0] - r * 0.5, stem[1] + r * 0.12)],
             metal, r * 0.055)
    pen.circle(stem[0] - r * 0.5, stem[1] + r * 0.12, r * 0.05, fill=seat)
    # front basket
    bx = fx - r * 0.38
    pen.poly([(bx - r * 0.1, stem[1] + r * 0.05), (bx + r * 0.62, stem[1] + r * 0.05),
              (bx + r * 0.52, stem[1] + r * 0.5), (bx, stem[1] + r * 0.5)], fill=shade(seat, 1.5))
    for k in range(4):
        yy = stem[1] + r * (0.12 + 0.11 * k)
        pen.line([(bx - r * 0.06, yy), (bx + r * 0.58, yy)], shade(seat, 0.9), r * 0.025)


def pigeon(pen, x, y, s, body, dark, facing=1):
    pen.ellipse(x - 9 * s, y - 6 * s, x + 9 * s, y + 5 * s, fill=body)
    pen.poly([(x - 7 * s * facing, y - 2 * s), (x - 15 * s * facing, y + 1 * s), (x - 6 * s * facing, y + 3 * s)],
             fill=dark)
    pen.circle(x + 8 * s * facing, y - 7 * s, 4.2 * s, fill=dark)
    pen.poly([(x + 11.5 * s * facing, y - 7.5 * s), (x + 15 * s * facing, y - 6 * s),
              (x + 11.5 * s * facing, y - 5 * s)], fill="#c9a06a")
    pen.ellipse(x - 5 * s, y - 5 * s, x + 4 * s, y + 1 * s, fill=shade(body, 1.1))
    pen.line([(x, y + 4 * s), (x - 1 * s, y + 8 * s)], "#b0705a", 1.1 * s)
    pen.line([(x + 3 * s, y + 4 * s), (x + 3 * s, y + 8 * s)], "#b0705a", 1.1 * s)


def cobbles(pen, rng, x0, x1, y0, y1, stone, gap, first_h=3.2, growth=1.13, aspect=1.9):
    pen.rect(x0, y0, x1, y1, fill=gap)
    y = y0
    h = first_h
    row = 0
    while y < y1:
        sw = h * aspect
        off = (row % 2) * sw / 2 - sw
        x = x0 + off
        while x < x1:
            c = jitter(rng, stone, 10)
            m = max(0.5, h * 0.12)
            pen.rrect(x + m, y + m, x + sw * rng.uniform(0.9, 1.0) - m, y + h - m, h * 0.35, fill=c)
            # a small lit highlight on each stone
            pen.rrect(x + m * 2, y + m * 1.5, x + sw * 0.55, y + h * 0.45, h * 0.2, fill=C(shade(c, 1.12), 140))
            x += sw
        y += h
        h *= growth
        row += 1


# --------------------------------------------------------------------------
# Scene 1: Lille, summer 1940 -- the Grand-Place at evening
# --------------------------------------------------------------------------

def scene_lille_1940(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#7d97b6"), (0.3, "#b9b5bd"), (0.52, "#efc9a0"), (0.72, "#f6d7a2"), (1.0, "#f3d6a6")])
    glow(pen, 1130, 330, 260, 200, "#fbe3b0", 0.9)
    glow(pen, 1150, 350, 70, 70, "#fff1cc", 1.0, blur=30)
    for cx, cy, w, h in [(260, 120, 360, 46), (640, 70, 300, 36), (900, 175, 260, 30), (1130, 95, 200, 26)]:
        cloud(pen, rng, cx, cy, w, h, "#f7dec6", "#d2b4b4")

    # far roofs and the belfry of the Chamber of Commerce, lost in warm haze
    far = "#c7a3a0"
    x = -10
    while x < W:
        w = rng.uniform(40, 90)
        h = rng.uniform(90, 150)
        pen.rect(x, 520 - h, x + w, 520, fill=far)
        pen.poly([(x, 520 - h), (x + w / 2, 520 - h - w * 0.45), (x + w, 520 - h)], fill=far)
        x += w
    bx = 1000
    tower = shade(far, 0.93)
    pen.rect(bx - 26, 160, bx + 26, 520, fill=tower)
    pen.rect(bx - 32, 150, bx + 32, 172, fill=tower)
    pen.rect(bx - 22, 95, bx + 22, 150, fill=tower)
    pen.circle(bx, 122, 13, fill=shade(far, 1.08))
    pen.poly([(bx - 26, 96), (bx + 26, 96), (bx + 12, 60), (bx - 12, 60)], fill=tower)
    pen.rect(bx - 12, 48, bx + 12, 62, fill=tower)
    pen.poly([(bx - 9, 50), (bx + 9, 50), (bx, 8)], fill=tower)
    for yy in range(185, 470, 38):
        pen.rect(bx - 7, yy, bx + 7, yy + 22, fill=shade(far, 0.82))
    pen.poly([(560, 260), (575, 160), (590, 260)], fill=shade(far, 0.95))
    pen.rect(556, 260, 594, 520, fill=shade(far, 0.95))

    # the row of Flemish facades around the square
    glass = "#4d4a5e"
    lit = "#f2b574"
    trim = "#f0dfbd"
    houses = [
        (150, 112, 250, "stepped", "#d9b98a", "#f4e5c6", False, "shop", ("#7a8a6a", "#e9dcbc")),
        (262, 128, 226, "triangle", "#b76a52", trim, True, "shop", ("#8a5a4a", "#eadbb8")),
        (390, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (494, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (598, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (702, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (806, 120, 240, "stepped", "#e1c9a0", "#fbf0d8", False, "shop", ("#56708a", "#eadfc5")),
        (926, 110, 276, "curved", "#c98a62", trim, True, "shop", None),
        (1036, 132, 236, "stepped", "#a95e4c", trim, True, "shop", ("#7c6a8a", "#efe0c0")),
        (1168, 124, 262, "curved", "#dcc49c", "#f7ead0", False, "shop", ("#6e8460", "#ebdcbc")),
    ]
    for x, w, h, g, wall, tr, brick, ground, aw in houses:
        flemish_house(pen, rng, x, 522, w, h, g, wall, tr, glass, lit=lit, floors=3 if h > 240 else 2,
                      ground=ground, brick=brick, awning_cols=aw)
    # shade of the buildings opposite climbing up the lower facades
    glaze(pen, [(0, 395), (1280, 440), (1280, 530), (0, 530)], "#5a4a78", 75, blur=10)
    # warm grazing light on the upper storeys
    glaze(pen, [(340, 120), (1280, 120), (1280, 430), (340, 395)], "#ffc27a", 30, blur=14)

    # cobbled square
    cobbles(pen, rng, 0, W, 522, H, "#a69486", "#7a6a68", first_h=3.0, growth=1.115, aspect=2.0)
    # evening light and shade on the ground
    glaze(pen, [(0, 522), (1280, 522), (1280, 590), (0, 640)], "#5a4a78", 80, blur=16)
    glaze(pen, [(360, 720), (1280, 610), (1280, 720)], "#ffcf8a", 55, blur=30)

    # pigeons
    for px, py, ps, face in [(640, 606, 1.3, 1), (700, 622, 1.4, -1), (596, 640, 1.6, 1)]:
        glaze(pen, [(px - 30 * ps, py + 6 * ps), (px + 8 * ps, py + 6 * ps), (px + 8 * ps, py + 9 * ps),
                    (px - 30 * ps, py + 9 * ps)], "#3c2e4a", 70, 2)
        pigeon(pen, px, py, ps, "#8c8fa6", "#5e6180", face)

    # lamp post on the right with its long evening shadow
    glaze(pen, [(1116, 696), (1134, 706), (820, 700), (812, 692)], "#3c2e4a", 90, 3)
    lamp_post(pen, 1125, 702, 330, "#2f3440", C("#f3dfae"), 1.15)

    # foreground corner house on the left: plaster wall with the poster
    wall = "#e0bd86"
    pen.rect(0, -10, 350, 665, fill=wall)
    pen.rect(0, 560, 350, 665, fill="#c99e6a")      # stone plinth
    pen.rect(0, 556, 350, 562, fill="#f3dcae")
    for yy in range(575, 665, 22):
        pen.line([(0, yy), (350, yy)], C("#a57e55", 120), 1)
    glaze(pen, [(0, -10), (200, -10), (120, 665), (0, 665)], "#7a5a6a", 70, 60)   # shade away from the sun
    for bx0, by0, bw, bh in [(20, 300, 40, 18), (240, 470, 50, 22), (60, 560, 30, 10), (280, 150, 30, 14)]:
        pen.rrect(bx0, by0, bx0 + bw, by0 + bh, 4, fill=C("#c9a26e", 90))     # worn plaster
    pen.rect(335, -10, 350, 665, fill="#f0d7a4")    # lit corner
    pen.rect(300, -10, 310, 560, fill="#8c7a6e")     # drainpipe
    for yy in (60, 220, 400):
        pen.rect(297, yy, 313, yy + 6, fill="#6e5e56")
    quoins(pen, 322, -10, 556, 13, "#f3dcae", 20)
    # shutter window at the top
    pen.rect(90, 40, 250, 250, fill="#f3dcae")
    pen.rect(104, 52, 236, 246, fill="#3f3d52")
    pen.rect(104, 52, 236, 70, fill=C("#f2b574", 160))
    pen.rect(168, 52, 172, 246, fill="#f3dcae")
    pen.rect(104, 140, 236, 144, fill="#f3dcae")
    for sx in (46, 240):
        pen.rect(sx, 48, sx + 44, 248, fill="#6d8270")
        for yy in range(56, 244, 9):
            pen.line([(sx + 4, yy), (sx + 40, yy)], "#566a5a", 1.4)
    pen.rect(80, 250, 260, 260, fill="#f3dcae")
    # the poster: a pale blank sheet, glued on, one corner peeling
    px0, py0, px1, py1 = 70, 330, 215, 520
    pen.rect(px0 + 5, py0 + 6, px1 + 5, py1 + 6, fill=C("#6a4a30", 60))
    pen.rect(px0, py0, px1, py1, fill="#efe6d0")
    pen.rect(px0 + 8, py0 + 8, px1 - 8, py1 - 8, fill="#f6efdd")
    pen.poly([(px1, py1 - 30), (px1, py1), (px1 - 32, py1)], fill=wall)
    pen.poly([(px1, py1 - 30), (px1 - 32, py1), (px1 - 26, py1 - 20)], fill="#d8ccb0")
    pen.line([(px0 + 3, py0 + 60), (px1 - 20, py0 + 64)], C("#d9cfb4", 160), 1.2)
    # a second, older poster half torn away
    pen.poly([(228, 380), (300, 376), (304, 410), (286, 430), (262, 418), (232, 440)], fill="#d9cbb0")
    pen.line([(228, 380), (232, 440)], C("#b39c7c", 180), 1)

    # pavement and the bicycle leaning on the wall
    pen.rect(0, 662, 380, 684, fill="#b59f8c")
    pen.rect(0, 682, 384, 690, fill="#7e6a66")
    for xx in range(0, 380, 64):
        pen.line([(xx, 662), (xx + 4, 684)], "#917d70", 1.2)
    pen.poly([(150, 676), (440, 676), (520, 700), (230, 700)], fill=C("#3c2e4a", 60))
    bicycle(pen, 150, 678, 48, "#2f4a5a", "#262630", "#8a8f96", "#5a3a2a")

    return finish(img, rng, vignette=0.25)


# --------------------------------------------------------------------------
# Scene 2: mining basin near Dourges, May 1941
# --------------------------------------------------------------------------

def terril(pen, rng, x0, x1, apex, base, light, dark, streaks=18):
    """Conical slag heap: lit left flank, shaded right flank, erosion gullies."""
    ax, ay = apex
    left = bezier((x0, base), (x0 + (ax - x0) * 0.45, base - 8), (ax - 40, ay + 30), (ax - 12, ay + 3), 18)
    right = bezier((ax + 12, ay + 3), (ax + 40, ay + 30), (x1 - (x1 - ax) * 0.45, base - 8), (x1, base), 18)
    top = arc_pts(ax, ay + 10, 14, 8, 200, 340, 8)
    outline = left + top + right
    pen.poly(outline, fill=dark)
    split = (ax + (x1 - ax) * 0.12, base)
    lit_poly = left + top[:5] + [split]
    pen.poly(lit_poly, fill=light)
    # soft light along the lit flank, then short erosion gullies
    with clip_to(pen, outline) as cp:
        glaze(cp, [(x0 + 30, base), left[-4], (ax - 4, ay + 20), (ax - 60, base)], shade(light, 1.15), 90, 18)
        for i in range(streaks):
            u = (i + rng.uniform(0.2, 0.8)) / streaks
            bx = x0 + (x1 - x0) * (0.1 + 0.8 * u)
            t0 = rng.uniform(0.12, 0.45)
            t1 = min(0.97, t0 + rng.uniform(0.25, 0.5))
            p0 = (ax + (bx - ax) * t0, ay + (base - ay) * t0)
            p1 = (ax + (bx - ax) * t1, ay + (base - ay) * t1)
            wdt = rng.uniform(3.0, 8.0)
            lit_side = bx < split[0]
            col = shade(light if lit_side else dark, 0.78 if i % 3 else 1.2)
            cp.poly([(p0[0], p0[1]), (p1[0] - wdt * t1, p1[1]), (p1[0] + wdt * t1, p1[1])], fill=C(col, 120))
    return outline


def lattice(pen, a, b, c, d, color, width, n):
    """Steel lattice between two rails a->b and c->d (n bays, X-braced)."""
    pen.line([a, b], color, width * 1.6)
    pen.line([c, d], color, width * 1.6)
    for i in range(n + 1):
        t = i / n
        p = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        q = (c[0] + (d[0] - c[0]) * t, c[1] + (d[1] - c[1]) * t)
        pen.line([p, q], color, width)
        if i < n:
            t2 = (i + 1) / n
            p2 = (a[0] + (b[0] - a[0]) * t2, a[1] + (b[1] - a[1]) * t2)
            q2 = (c[0] + (d[0] - c[0]) * t2, c[1] + (d[1] - c[1]) * t2)
            pen.line([p, q2], color, width * 0.7)
            pen.line([q, p2], color, width * 0.7)


def spoked_wheel(pen, cx, cy, r, color, width, spokes=8):
    pen.circle(cx, cy, r, outline=color, width=width)
    for k in range(spokes):
        a = math.radians(k * 360 / spokes)
        pen.line([(cx, cy), (cx + math.cos(a) * r, cy + math.sin(a) * r)], color, width * 0.6)
    pen.circle(cx, cy, r * 0.16, fill=color)


def headframe(pen, x, base, top, color, light):
    """Chevalement seen from the side: lattice tower, back strut, pulley wheels."""
    lattice(pen, (x - 30, base), (x - 14, top), (x + 30, base), (x + 14, top), color, 2.2, 11)
    lattice(pen, (x + 16, top + 18), (x + 150, base), (x + 8, top + 40), (x + 118, base), color, 1.8, 10)
    pen.rect(x - 30, top - 6, x + 34, top + 4, fill=color)
    pen.line([(x - 30, top - 6), (x + 34, top - 6)], light, 1.2)
    spoked_wheel(pen, x + 8, top - 30, 27, shade(color, 0.75), 3.0)
    spoked_wheel(pen, x - 4, top - 26, 27, color, 3.4)
    pen.line([(x - 31, top - 26), (x - 30, base - 30)], C(color, 200), 1.2)    # hoisting cables
    pen.line([(x + 22, top - 28), (x + 190, base - 60)], C(color, 200), 1.2)


def coron_row(pen, rng, x0, x1, base, house_w, wall_h, roof_h, brick, roof, trim, glass, door_cols):
    """A terrace of miners' houses: one long roof, paired chimneys."""
    top = base - wall_h
    pen.rect(x0, top, x1, base, fill=brick)
    pen.poly([(x0 - 4, top + 1), (x0 + roof_h * 0.35, top - roof_h), (x1 - roof_h * 0.35, top - roof_h),
              (x1 + 4, top + 1)], fill=roof)
    # tile courses
    k = 1
    while k * 5.5 < roof_h:
        yy = top - k * 5.5
        pen.line([(x0 + k * 5.5 * 0.35, yy), (x1 - k * 5.5 * 0.35, yy)], C(shade(roof, 0.8), 160), 0.8)
        k += 1
    pen.rect(x0 + roof_h * 0.35, top - roof_h - 1.5, x1 - roof_h * 0.35, top - roof_h + 1.5,
             fill=shade(roof, 0.75))                                         # ridge
    glaze(pen, [(x0, top - roof_h), (x1, top - roof_h), (x1, top - roof_h * 0.55), (x0, top - roof_h * 0.55)],
          "#c8ccd2", 40, 4)                                                  # sky light on the upper tiles
    pen.rect(x0 - 4, top - 1, x1 + 4, top + 3, fill=shade(roof, 0.7))     # gutter
    n = int((x1 - x0) / house_w)
    for i in range(n):
        hx = x0 + i * house_w
        hb = jitter(rng, brick, 7)
        pen.rect(hx, top + 3, hx + house_w, base, fill=hb)
        brick_texture(pen, rng, [(hx, top + 3), (hx + house_w, top + 3), (hx + house_w, base), (hx, base)],
                      shade(hb, 0.75), wall_h / 14, 70)
        mirror = i % 2 == 1
        dw = house_w * 0.2
        dx = hx + house_w * (0.72 if mirror else 0.1)
        wx = hx + house_w * (0.15 if mirror else 0.55)
        ww = house_w * 0.28
        # door with a brick arch
        pen.rect(dx - 2, base - wall_h * 0.62 - 2, dx + dw + 2, base, fill=shade(hb, 0.8))
        pen.rect(dx, base - wall_h * 0.62, dx + dw, base, fill=door_cols[i % len(door_cols)])
        # windows (ground + attic)
        for (wy0, wy1, wx0, wx1) in [(base - wall_h * 0.6, base - wall_h * 0.22, wx, wx + ww),
                                     (top + wall_h * 0.1, top + wall_h * 0.32, wx + ww * 0.15, wx + ww * 0.85)]:
            pen.rect(wx0 - 2, wy0 - 2, wx1 + 2, wy1 + 2, fill=trim)
            pen.rect(wx0, wy0, wx1, wy1, fill=glass)
            pen.rect((wx0 + wx1) / 2 - 0.8, wy0, (wx0 + wx1) / 2 + 0.8, wy1, fill=trim)
            pen.rect(wx0 - 3, wy1 + 1, wx1 + 3, wy1 + 3.5, fill=shade(trim, 0.85))
        pen.rect(hx - 0.5, top + 3, hx + 0.8, base, fill=shade(hb, 0.7))
        if i % 2 == 0:
            cx = hx + house_w
            pen.rect(cx - house_w * 0.09, top - roof_h * 1.25, cx + house_w * 0.09, top - roof_h * 0.6,
                     fill=shade(brick, 0.85))
            pen.rect(cx - house_w * 0.11, top - roof_h * 1.3, cx + house_w * 0.11, top - roof_h * 1.2,
                     fill=shade(brick, 0.65))
    pen.rect(x0, base - 3, x1, base, fill=shade(brick, 0.6))


def round_tree(pen, rng, x, base, h, r, trunk, leaf, leaf_light, blossom=None):
    pen.poly([(x - r * 0.1, base), (x + r * 0.1, base), (x + r * 0.05, base - h + r), (x - r * 0.05, base - h + r)],
             fill=trunk)
    cy = base - h + r * 0.3
    for k in range(7):
        a = k / 7 * math.tau
        pen.circle(x + math.cos(a) * r * 0.45, cy + math.sin(a) * r * 0.3, r * 0.6, fill=leaf)
    for k in range(4):
        a = -2.2 + k * 0.5
        pen.circle(x + math.cos(a) * r * 0.35, cy + math.sin(a) * r * 0.35, r * 0.42, fill=leaf_light)
    if blossom:
        for _ in range(int(r * 1.2)):
            a = rng.uniform(0, math.tau)
            d = rng.uniform(0, r * 0.85)
            pen.circle(x + math.cos(a) * d, cy + math.sin(a) * d * 0.8, rng.uniform(1.2, 2.4), fill=blossom)


def scene_mine_1941(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#5d6f86"), (0.35, "#8393a6"), (0.6, "#b0b9bf"), (0.74, "#cbcac0"), (1.0, "#cbcac0")])
    glow(pen, 300, 300, 320, 140, "#d9d6c8", 0.6)
    for cx, cy, w, h in [(220, 110, 380, 50), (760, 80, 420, 44), (1120, 150, 300, 34), (560, 200, 260, 26)]:
        cloud(pen, rng, cx, cy, w, h, "#c6ccd2", "#9ea9b5")

    # distant plain: hazy terrils and a line of poplars
    terril(pen, rng, 980, 1240, (1110, 425), 530, "#949aa5", "#878d99", 6)
    terril(pen, rng, -80, 160, (40, 448), 530, "#979ca6", "#8a909b", 5)
    for k in range(60):
        tx = k * 22 + rng.uniform(-6, 6)
        th = rng.uniform(14, 34)
        pen.ellipse(tx - 6, 525 - th, tx + 6, 530, fill="#8b998f")
    pen.rect(0, 522, W, 540, fill="#8b998f")

    # the big slag heap with the skip line running up to its top
    terril(pen, rng, 110, 860, (470, 200), 545, "#5c5763", "#403b47", 22)
    for k in range(9):
        bx = 150 + k * 80 + rng.uniform(-20, 20)
        pen.ellipse(bx - 30, 528, bx + 30, 552, fill="#6f7a5e")
    pen.line([(468, 214), (905, 450)], "#3a3440", 1.6)
    pen.line([(472, 208), (905, 440)], "#3a3440", 1.0)
    for t in (0.18, 0.42, 0.7):
        bx, by = 468 + (905 - 468) * t, 214 + (450 - 214) * t
        pen.rect(bx - 5, by + 2, bx + 5, by + 10, fill="#332e38")

    # the pit: headframe, winding-engine house, chimney and its smoke
    for k in range(6):
        sx, sy, r = 1200 - k * 52, 196 - k * 20, 16 + k * 9
        glaze(pen, arc_pts(sx, sy, r * 1.5, r, 0, 360, 16), "#d6d8d8", 200 - k * 28, 8 + k * 3)
    steel = "#4a3835"
    headframe(pen, 900, 545, 230, steel, "#8a6a60")
    hall = "#8c5444"
    pen.rect(960, 455, 1175, 548, fill=hall)
    pen.poly([(950, 457), (1067, 405), (1185, 457)], fill="#5a4a4e")
    pen.poly([(960, 457), (1067, 410), (1067, 457)], fill=C("#ffffff", 18))
    windows_grid(pen, rng, 968, 470, 1168, 540, 5, 1, "#3d3d4c", "#d9c7a8", arched=True, ww=0.45, wh=0.7)
    pen.rect(800, 490, 870, 548, fill="#7d4a3e")
    pen.poly([(795, 492), (835, 470), (875, 492)], fill="#5a4a4e")
    windows_grid(pen, rng, 806, 500, 864, 540, 2, 1, "#3d3d4c", "#d9c7a8", ww=0.45, wh=0.6)
    pen.poly([(1188, 548), (1222, 548), (1213, 215), (1197, 215)], fill="#7b4536")
    pen.poly([(1205, 548), (1222, 548), (1213, 215), (1205, 215)], fill=C("#000000", 35))
    pen.rect(1192, 208, 1218, 218, fill="#5e342a")
    for yy in (300, 400):
        pen.rect(1194, yy, 1216, yy + 4, fill="#5e342a")

    # ground behind the first row
    pen.rect(0, 540, W, 600, fill="#7b7f6a")
    # second row of corons (middle distance)
    coron_row(pen, rng, -10, 1300, 616, 66, 50, 30, "#98533f", "#5b4a4c", "#e3d8c2", "#3e4252",
              ["#4f6a5c", "#6a4e44", "#4c5a70"])
    glaze(pen, [(0, 520), (1280, 520), (1280, 620), (0, 620)], "#b9bcbc", 40, 8)
    # lane between the rows
    pen.rect(0, 616, W, 650, fill="#8a8275")
    for k in range(40):
        lx = rng.uniform(0, W)
        pen.ellipse(lx - 16, 628 + rng.uniform(-6, 10), lx + 16, 633 + rng.uniform(-6, 10), fill=C("#6f685e", 90))

    # foreground right: garden with vegetable rows, blossoming pear tree, washing line
    pen.rect(600, 640, W, H, fill="#6e7752")
    for row in range(5):
        yy = 660 + row * 13
        for k in range(34):
            xx = 640 + k * 19 + (row % 2) * 9
            pen.ellipse(xx - 6, yy - 4, xx + 6, yy + 4, fill="#4f6141" if k % 3 else "#5d7048")
    round_tree(pen, rng, 1180, 650, 190, 72, "#4a3a34", "#6f8a5c", "#87a06a", blossom="#efe9dc")
    pole = "#5a4a40"
    pen.rect(700, 540, 706, 650, fill=pole)
    pen.rect(1040, 548, 1046, 650, fill=pole)
    line_pts = bezier((703, 546), (800, 566), (940, 570), (1043, 552), 20)
    pen.line(line_pts, "#3e3a3a", 1.1)
    for t0, w, h, col in [(0.08, 70, 48, "#f1ece0"), (0.33, 46, 34, "#b9c7d2"), (0.5, 60, 52, "#ede6d6"),
                          (0.72, 38, 30, "#d8b8a8"), (0.86, 30, 40, "#f1ece0")]:
        ix = int(t0 * 20)
        x0_, y0_ = line_pts[ix]
        pen.poly([(x0_, y0_), (x0_ + w, y0_ + 2), (x0_ + w - 2, y0_ + h + 2), (x0_ + 2, y0_ + h)], fill=col)
        pen.line([(x0_ + 2, y0_ + h), (x0_ + w - 2, y0_ + h + 2)], shade(col, 0.85), 1.5)
    # wooden fence
    fence = "#6e5a48"
    pen.rect(600, 628, W, 632, fill=fence)
    pen.rect(600, 642, W, 646, fill=fence)
    for xx in range(604, W, 26):
        pen.rect(xx, 620, xx + 5, 652, fill=fence)

    # foreground left: the nearest row of corons
    coron_row(pen, rng, -20, 620, 712, 128, 108, 64, "#9c5640", "#56464a", "#e6dcc6", "#3b3f4f",
              ["#58745f", "#7a5646", "#526480"])
    pen.rect(0, 712, 640, H, fill="#6c655c")
    glaze(pen, [(600, 600), (640, 600), (640, 712), (600, 712)], "#2e2a36", 60, 10)

    return finish(img, rng, vignette=0.22)


# --------------------------------------------------------------------------
# Scene 3: Lille-Fives station and yards, dawn, September 1942
# --------------------------------------------------------------------------

class Persp:
    """Tiny one-point perspective: X right, Y up (metres), Z away from us."""

    def __init__(self, vx, vy, focal, eye_h, fog, fog_k=95.0, fog_max=0.85):
        self.vx, self.vy, self.f, self.h = vx, vy, focal, eye_h
        self.fog, self.k, self.fog_max = C(fog), fog_k, fog_max

    def p(self, X, Y, Z):
        return (self.vx + self.f * X / Z, self.vy + self.f * (self.h - Y) / Z)

    def q(self, *pts):
        return [self.p(*pt) for pt in pts]

    def col(self, c, Z):
        """Colour seen through the morning mist at distance Z."""
        return mix(c, self.fog, self.fog_max * (1 - math.exp(-Z / self.k)))


def box3d(pen, pr, x0, x1, y0, y1, z0, z1, color, fz=None):
    """Axis-aligned box: near face, top (if below the eye) and the side
    facing the centre line, each with its own light."""
    fz = fz or z0
    if y1 < pr.h:
        pen.poly(pr.q((x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1)), fill=pr.col(shade(color, 1.2), fz))
    if x1 < 0:
        pen.poly(pr.q((x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)), fill=pr.col(shade(color, 0.85), fz))
    elif x0 > 0:
        pen.poly(pr.q((x0, y0, z0), (x0, y1, z0), (x0, y1, z1), (x0, y0, z1)), fill=pr.col(shade(color, 0.85), fz))
    a, b = pr.p(x0, y1, z0), pr.p(x1, y0, z0)
    pen.rect(a[0], a[1], b[0], b[1], fill=pr.col(color, fz))


def rails_and_sleepers(pen, pr, xc, z0, z1, sleeper, rail, ballast):
    pen.poly(pr.q((xc - 1.7, 0, z0), (xc + 1.7, 0, z0), (xc + 1.7, 0, z1), (xc - 1.7, 0, z1)),
             fill=pr.col(ballast, 30))
    z = z1
    while z > z0:
        pts = pr.q((xc - 1.3, 0, z), (xc + 1.3, 0, z), (xc + 1.3, 0, z + 0.24), (xc - 1.3, 0, z + 0.24))
        if pts[1][0] - pts[0][0] > 2:
            pen.poly(pts, fill=pr.col(sleeper, z))
        z -= 0.68
    for side in (-0.72, 0.72):
        for zz0, zz1 in ((z0, 12), (12, 40), (40, z1)):
            zz0, zz1 = max(zz0, z0), min(zz1, z1)
            if zz1 <= zz0:
                continue
            x = xc + side
            pen.poly(pr.q((x - 0.05, 0.16, zz0), (x + 0.05, 0.16, zz0), (x + 0.05, 0.16, zz1),
                          (x - 0.05, 0.16, zz1)), fill=pr.col(rail, (zz0 + zz1) / 2))
            pen.poly(pr.q((x - 0.05, 0.0, zz0), (x - 0.05, 0.16, zz0), (x - 0.05, 0.16, zz1),
                          (x - 0.05, 0.0, zz1)), fill=pr.col(shade(rail, 0.5), (zz0 + zz1) / 2))


def boxcar(pen, pr, xa, xb, z0, z1, body, roof, dark, light):
    """Covered goods wagon seen from the near end and its left side."""
    fz = (z0 + z1) / 2
    dc = pr.col(dark, fz)
    # underframe and wheels
    pen.poly(pr.q((xa + 0.2, 0.55, z0), (xa + 0.2, 1.0, z0), (xa + 0.2, 1.0, z1), (xa + 0.2, 0.55, z1)), fill=dc)
    for zw in (z0 + 1.6, z0 + 2.6, z1 - 2.6, z1 - 1.6):
        cx, cy = pr.p(xa + 0.25, 0.48, zw)
        r = pr.f * 0.46 / zw
        pen.ellipse(cx - r * 0.55, cy - r, cx + r * 0.55, cy + r, fill=pr.col(shade(dark, 0.8), zw))
        pen.ellipse(cx - r * 0.2, cy - r * 0.35, cx + r * 0.2, cy + r * 0.35, fill=pr.col(light, zw))
    # side planking
    side = pr.q((xa, 1.0, z0), (xa, 3.7, z0), (xa, 3.7, z1), (xa, 1.0, z1))
    pen.poly(side, fill=pr.col(shade(body, 0.82), fz))
    yy = 1.3
    while yy < 3.6:
        pen.line(pr.q((xa, yy, z0), (xa, yy, z1)), C(pr.col(shade(body, 0.62), fz), 150), max(0.6, pr.f * 0.02 / fz))
        yy += 0.3
    zz = z0 + 0.9
    while zz < z1:
        pen.line(pr.q((xa, 1.0, zz), (xa, 3.7, zz)), pr.col(shade(dark, 1.0), zz), max(0.8, pr.f * 0.07 / zz))
        zz += 1.6
    # sliding door with its rail
    dz0, dz1 = (z0 + z1) / 2 - 1.0, (z0 + z1) / 2 + 1.0
    pen.poly(pr.q((xa, 1.05, dz0), (xa, 3.45, dz0), (xa, 3.45, dz1), (xa, 1.05, dz1)),
             fill=pr.col(shade(body, 0.7), fz))
    pen.line(pr.q((xa, 1.05, dz0), (xa, 3.45, dz1)), pr.col(dark, fz), max(0.8, pr.f * 0.05 / fz))
    pen.line(pr.q((xa, 3.45, dz0), (xa, 1.05, dz1)), pr.col(dark, fz), max(0.8, pr.f * 0.05 / fz))
    pen.line(pr.q((xa, 3.55, z0 + 0.6), (xa, 3.55, z1 - 0.6)), pr.col(dark, fz), max(0.8, pr.f * 0.05 / fz))
    # small barred vent near the roof
    pen.poly(pr.q((xa, 3.0, z0 + 1.2), (xa, 3.4, z0 + 1.2), (xa, 3.4, z0 + 2.0), (xa, 3.0, z0 + 2.0)),
             fill=pr.col(dark, fz))
    # near end: planked face with a curved roof, buffers
    e0 = pr.p(xa, 3.7, z0)
    e1 = pr.p(xb, 1.0, z0)
    pen.rect(e0[0], e0[1], e1[0], e1[1], fill=pr.col(shade(body, 0.7), z0))
    yy = 1.3
    while yy < 3.7:
        a_, b_ = pr.p(xa, yy, z0), pr.p(xb, yy, z0)
        pen.line([a_, b_], C(pr.col(shade(body, 0.7), z0), 160), max(0.6, pr.f * 0.02 / z0))
        yy += 0.3
    for xx in (xa + 0.08, xb - 0.08, (xa + xb) / 2):
        a_, b_ = pr.p(xx, 1.0, z0), pr.p(xx, 3.7, z0)
        pen.line([a_, b_], pr.col(dark, z0), max(0.8, pr.f * 0.08 / z0))
    rx0, ry0 = pr.p(xa - 0.05, 4.05, z0)
    rx1, ry1 = pr.p(xb + 0.05, 3.7, z0)
    pen.chord((rx0, ry0, rx1, ry1 + (ry1 - ry0)), 180, 360, fill=pr.col(roof, z0))
    fa, fb = pr.p(xa, 0.7, z0), pr.p(xb, 1.0, z0)
    pen.rect(fa[0], fb[1], fb[0], fa[1], fill=pr.col(dark, z0))
    for xx in (xa + 0.45, xb - 0.45):
        cx, cy = pr.p(xx, 0.85, z0 - 0.4)
        r = pr.f * 0.2 / (z0 - 0.4)
        pen.line([pr.p(xx, 0.85, z0), (cx, cy)], pr.col(dark, z0), r * 0.6)
        pen.circle(cx, cy, r, fill=pr.col(shade(dark, 1.3), z0))


def platform_lamp(pen, pr, X, Z, metal, lampc, glow_list):
    base = pr.p(X, 0.9, Z)
    top = pr.p(X, 4.6, Z)
    wdt = max(0.8, pr.f * 0.1 / Z)
    pen.line([base, top], pr.col(metal, Z), wdt)
    arm = pr.p(X + 0.45, 4.6, Z)
    pen.line([top, arm], pr.col(metal, Z), wdt * 0.7)
    r = pr.f * 0.22 / Z
    pen.poly([(arm[0] - r, arm[1]), (arm[0] + r, arm[1]), (arm[0] + r * 0.6, arm[1] + r * 1.3),
              (arm[0] - r * 0.6, arm[1] + r * 1.3)], fill=lampc)
    pen.poly([(arm[0] - r * 1.2, arm[1] + r * 0.1), (arm[0] + r * 1.2, arm[1] + r * 0.1), (arm[0], arm[1] - r * 0.7)],
             fill=pr.col(metal, Z))
    glow_list.append((arm[0], arm[1] + r * 0.7, r))


def scene_fives_1942(rng):
    img, pen = new_canvas()
    vx, vy = 640, 392
    paint_sky(pen, [(0.0, "#2e3a51"), (0.25, "#4c5a72"), (0.45, "#8690a2"), (0.53, "#c4bcbb"),
                    (0.56, "#d8c3b4"), (1.0, "#d8c3b4")])
    glow(pen, 700, 380, 380, 60, "#e8cdb8", 0.6)
    for cx, cy, w, h, c, a in [(300, 120, 620, 26, "#6c7890", 200), (900, 70, 720, 30, "#5f6b84", 200),
                               (1050, 210, 520, 18, "#b7a9ae", 170), (420, 250, 480, 14, "#c9b4b0", 160),
                               (760, 300, 600, 10, "#d8c0b4", 150), (200, 300, 300, 8, "#d0b8b0", 140)]:
        stratus(pen, rng, cx, cy, w, h, c, a, 5)
    fog = "#a9adb6"
    pr = Persp(vx, vy, 720, 2.0, fog, fog_k=80, fog_max=0.8)

    # distant Fives works: sheds with saw-tooth roofs, chimneys, a gasholder
    far = "#8a90a0"
    pen.rect(300, 360, 1280, 395, fill=far)
    x = 300
    while x < 1280:
        pen.poly([(x, 362), (x, 348), (x + 22, 362)], fill=far)
        x += 22
    for cx_, h_ in ((760, 120), (820, 90), (1010, 140), (1180, 110), (520, 100)):
        pen.poly([(cx_ - 7, 395), (cx_ + 7, 395), (cx_ + 4, 395 - h_), (cx_ - 4, 395 - h_)], fill=shade(far, 0.95))
    pen.rect(880, 330, 960, 395, fill=shade(far, 1.04))
    for xx in range(884, 960, 12):
        pen.line([(xx, 330), (xx, 395)], shade(far, 0.95), 1.5)
    pen.chord((880, 322, 960, 338), 180, 360, fill=shade(far, 1.04))
    for k in range(4):
        sx, sy, r = 1010 - k * 40, 250 - k * 14, 10 + k * 6
        glaze(pen, arc_pts(sx, sy, r * 1.6, r, 0, 360, 14), "#9aa1ae", 150 - k * 25, 6 + k * 3)

    # ground of the yard
    pen.poly([(0, vy), (W, vy), (W, H), (0, H)], fill="#777676")
    haze_band(pen, vy, H, "#4b4a50", 0.0, 0.85)
    # ballast stones in the foreground, under the sleepers
    for k in range(700):
        Z = 4.3 * math.exp(rng.uniform(0, math.log(30 / 4.3)))
        X = rng.uniform(-3.0, 20.0)
        cx_, cy_ = pr.p(X, 0.02, Z)
        r_ = pr.f * rng.uniform(0.02, 0.045) / Z
        c = pr.col(rng.choice(["#827e7a", "#625e5c", "#706b68", "#8a8580"]), Z)
        pen.ellipse(cx_ - r_ * 1.3, cy_ - r_ * 0.7, cx_ + r_ * 1.3, cy_ + r_ * 0.7, fill=c)
    tracks = [-1.3, 3.2, 7.6, 12.0, 16.4]
    for xc in reversed(tracks):
        rails_and_sleepers(pen, pr, xc, 4.2, 260, "#3a3636", "#9aa3ae", "#66625f")
    for k in range(26):                                   # weeds between the tracks
        Z = rng.uniform(5, 22)
        X = rng.choice([0.6, 1.0, 5.3, 5.7, 9.8, 14.2]) + rng.uniform(-0.2, 0.2)
        cx_, cy_ = pr.p(X, 0, Z)
        g = pr.f * 0.25 / Z
        col = pr.col(rng.choice(["#5d6a4a", "#6e7a52", "#7c7a50"]), Z)
        for j in range(5):
            a_ = math.radians(-90 + (j - 2) * 22)
            pen.line([(cx_, cy_), (cx_ + math.cos(a_) * g, cy_ + math.sin(a_) * g * 1.3)], col, max(0.8, g * 0.12))

    # platform and station building on the left
    plat_top = "#8e8a86"
    pen.poly(pr.q((-30, 0.9, 4.2), (-3.0, 0.9, 4.2), (-3.0, 0.9, 200), (-30, 0.9, 200)), fill=pr.col(plat_top, 30))
    pen.poly(pr.q((-3.0, 0.0, 4.2), (-3.0, 0.9, 4.2), (-3.0, 0.9, 200), (-3.0, 0.0, 200)), fill=pr.col("#5e5a58", 20))
    pen.poly(pr.q((-3.3, 0.905, 4.2), (-3.0, 0.905, 4.2), (-3.0, 0.905, 200), (-3.3, 0.905, 200)),
             fill=pr.col("#c8c0b0", 20))
    for xl in (-4.5, -6.0, -7.5, -9.0, -12, -16, -20):
        pen.line(pr.q((xl, 0.9, 4.2), (xl, 0.9, 200)), C(pr.col("#6e6a68", 20), 120), 1.0)
    zz = 4.6
    while zz < 60:
        pen.line(pr.q((-30, 0.9, zz), (-3.3, 0.9, zz)), C(pr.col("#6e6a68", zz), 110), max(0.6, 9 / zz))
        zz *= 1.16
    brick = "#7a5a52"
    stone = "#b8ab9a"
    X = -9.0
    zs, ze = 16.0, 120.0
    pen.poly(pr.q((X, 0.9, zs), (X, 9.0, zs), (X, 9.0, ze), (X, 0.9, ze)), fill=pr.col(brick, 40))
    pen.poly(pr.q((X, 9.0, zs), (X - 4, 12.5, zs), (X - 4, 12.5, ze), (X, 9.0, ze)), fill=pr.col("#4b5060", 40))
    pen.poly(pr.q((X, 0.9, zs), (X - 30, 0.9, zs), (X - 30, 9.0, zs), (X, 9.0, zs)),
             fill=pr.col(shade(brick, 0.75), zs))
    pen.poly(pr.q((X, 9.0, zs), (X - 4, 12.5, zs), (X - 30, 12.5, zs), (X - 30, 9.0, zs)),
             fill=pr.col("#3e4352", zs))
    # end wall facing us: rows of windows
    for yb_ in (1.6, 5.4):
        for xw in (-11.5, -15.0, -18.5, -22.0):
            a_, b_ = pr.p(xw, yb_ + 2.4, zs), pr.p(xw - 1.8, yb_, zs)
            pen.rect(b_[0] - 3, a_[1] - 3, a_[0] + 3, b_[1] + 3, fill=pr.col(stone, zs))
            pen.rect(b_[0], a_[1], a_[0], b_[1], fill=pr.col("#343846", zs))
            pen.rect((a_[0] + b_[0]) / 2 - 1.5, a_[1], (a_[0] + b_[0]) / 2 + 1.5, b_[1], fill=pr.col(stone, zs))
    for y0_, y1_ in ((4.3, 4.7), (8.4, 9.0)):
        pen.poly(pr.q((X + 0.02, y0_, zs), (X + 0.02, y1_, zs), (X + 0.02, y1_, ze), (X + 0.02, y0_, ze)),
                 fill=pr.col(stone, 40))
    lit_windows = {1, 4, 9}
    z = zs + 1.2
    k = 0
    while z + 2.0 < ze:
        zc = z + 1.0
        fc = pr.col(stone, zc)
        gl = pr.col("#343846", zc) if k not in lit_windows else mix("#f2b86a", "#a9adb6", 0.15 + zc / 300)
        # tall arched ground-floor window and a smaller upper window
        for (ya, yb, arch) in ((1.4, 3.9, True), (5.2, 7.6, False)):
            pts = pr.q((X, ya, z), (X, yb, z))
            pts += [pr.p(X, yb + 0.55 * math.sin(math.radians(t)), z + 1.0 - math.cos(math.radians(t)))
                    for t in range(20, 170, 20)] if arch else []
            pts += pr.q((X, yb, z + 2.0), (X, ya, z + 2.0))
            pen.poly(pts, fill=fc)
            gpts = pr.q((X, ya + 0.15, z + 0.2), (X, yb, z + 0.2))
            gpts += [pr.p(X, yb + 0.42 * math.sin(math.radians(t)), z + 1.0 - 0.8 * math.cos(math.radians(t)))
                     for t in range(20, 170, 20)] if arch else []
            gpts += pr.q((X, yb, z + 1.8), (X, ya + 0.15, z + 1.8))
            pen.poly(gpts, fill=gl)
        # pilaster
        pen.poly(pr.q((X + 0.01, 0.9, z + 2.6), (X + 0.01, 9.0, z + 2.6), (X + 0.01, 9.0, z + 3.0),
                      (X + 0.01, 0.9, z + 3.0)), fill=pr.col(shade(brick, 1.15), zc))
        z += 4.0
        k += 1
    # clock on the facade
    c0 = pr.p(X, 10.6, 28)
    c1 = pr.p(X, 8.6, 30.5)
    pen.poly(pr.q((X, 9.0, 26.5), (X, 11.8, 26.5), (X, 12.8, 29.25), (X, 11.8, 32), (X, 9.0, 32)),
             fill=pr.col(stone, 30))
    pen.ellipse(c0[0], c0[1], c1[0], c1[1], fill=pr.col("#efe6d2", 29))
    cc = ((c0[0] + c1[0]) / 2, (c0[1] + c1[1]) / 2)
    cw_, ch_ = (c1[0] - c0[0]) / 2, (c1[1] - c0[1]) / 2
    for k in range(12):
        a = math.radians(k * 30)
        pen.circle(cc[0] + math.cos(a) * cw_ * 0.8, cc[1] + math.sin(a) * ch_ * 0.8, 0.9, fill="#5a5a62")
    # ten past six: minute hand to the upper right, hour hand down
    pen.line([cc, (cc[0] + cw_ * 0.6, cc[1] - ch_ * 0.45)], "#2d2f38", 1.4)
    pen.line([cc, (cc[0] + cw_ * 0.12, cc[1] + ch_ * 0.5)], "#2d2f38", 2.0)
    # platform canopy with its saw-tooth wooden valance
    cz0, cz1 = 16.0, 70.0
    pen.poly(pr.q((X, 4.1, cz0), (-3.8, 4.1, cz0), (-3.8, 4.1, cz1), (X, 4.1, cz1)), fill=pr.col("#3c3f4b", 30))
    z = cz0 + 2
    while z < cz1:
        pen.line(pr.q((-4.2, 0.9, z), (-4.2, 4.1, z)), pr.col("#3a3d48", z), max(1.0, pr.f * 0.14 / z))
        pen.line(pr.q((-4.2, 3.6, z - 0.6), (-4.2, 4.1, z), (-4.2, 3.6, z + 0.6)), pr.col("#3a3d48", z),
                 max(0.8, pr.f * 0.06 / z))
        z += 6
    pen.poly(pr.q((-3.8, 4.1, cz0), (-3.8, 4.5, cz0), (-3.8, 4.5, cz1), (-3.8, 4.1, cz1)), fill=pr.col("#6d5a50", 30))
    saw = []
    z = cz0
    while z < cz1:
        saw += [pr.p(-3.8, 4.1, z), pr.p(-3.8, 3.75, z + 0.18)]
        z += 0.36
    saw += [pr.p(-3.8, 4.1, cz1)]
    pen.poly(saw, fill=pr.col("#6d5a50", 30))
    a_, b_ = pr.p(-3.8, 4.5, cz0), pr.p(X, 4.1, cz0)
    pen.rect(b_[0], a_[1], a_[0], pr.p(X, 4.1, cz0)[1] + 3, fill=pr.col("#5e4c44", cz0))

    # luggage cart with a crate and milk churns, waiting on the platform
    cz = 11.0
    for xx in (-8.5, -6.5):
        cx_, cy_ = pr.p(xx, 1.2, cz + 0.2)
        r_ = pr.f * 0.3 / cz
        pen.circle(cx_, cy_, r_, fill=pr.col("#2c2a2c", cz))
        pen.circle(cx_, cy_, r_ * 0.35, fill=pr.col("#7a746e", cz))
    box3d(pen, pr, -8.9, -6.1, 1.35, 1.5, cz, cz + 1.4, "#5a4a3e")
    a_ = pr.p(-8.9, 1.5, cz)
    pen.line([a_, pr.p(-9.7, 2.4, cz - 0.3)], pr.col("#3e342c", cz), 3)
    box3d(pen, pr, -8.7, -7.6, 1.5, 2.2, cz + 0.2, cz + 1.2, "#8a6a4a")
    for xx in (-7.3, -6.7):
        a_, b_ = pr.p(xx - 0.2, 2.05, cz + 0.5), pr.p(xx + 0.2, 1.5, cz + 0.5)
        churn = pr.col("#8e949c", cz)
        pen.rrect(a_[0], a_[1], b_[0], b_[1], 5, fill=churn)
        pen.rect(a_[0] + 2, a_[1] + 6, a_[0] + 6, b_[1] - 4, fill=pr.col("#b4b9c0", cz))
        c_, d_ = pr.p(xx - 0.11, 2.22, cz + 0.5), pr.p(xx + 0.11, 2.0, cz + 0.5)
        pen.rect(c_[0], c_[1], d_[0], d_[1], fill=shade(churn, 0.85))
        pen.ellipse(c_[0] - 3, c_[1] - 3, d_[0] + 3, c_[1] + 4, fill=shade(churn, 0.75))
        pen.line([(a_[0], a_[1] + 14), (b_[0], a_[1] + 14)], shade(churn, 0.8), 2)
    # a bench against the station wall
    for zb in (30.0,):
        pen.poly(pr.q((-8.6, 1.35, zb), (-8.6, 1.45, zb), (-8.6, 1.45, zb + 2.2), (-8.6, 1.35, zb + 2.2)),
                 fill=pr.col("#5a4a40", zb))
        pen.poly(pr.q((-8.9, 1.5, zb), (-8.9, 2.0, zb), (-8.9, 2.0, zb + 2.2), (-8.9, 1.5, zb + 2.2)),
                 fill=pr.col("#5a4a40", zb))

    glows = []
    lamp_glass = C("#ffd98f")
    for Z in (120, 100, 84, 74, 7.2):
        platform_lamp(pen, pr, -3.6, Z, "#2c2f3a", lamp_glass, glows)

    # water tower for the engines, far on the right
    wx, wz = 34.0, 60.0
    for lx in (-1.6, 1.6):
        pen.line(pr.q((wx + lx, 0, wz), (wx + lx * 0.8, 8, wz)), pr.col("#3e3a40", wz), 2.2)
    pen.line(pr.q((wx - 1.6, 2.5, wz), (wx + 1.6, 6, wz)), pr.col("#3e3a40", wz), 1.2)
    pen.line(pr.q((wx + 1.6, 2.5, wz), (wx - 1.6, 6, wz)), pr.col("#3e3a40", wz), 1.2)
    a_, b_ = pr.p(wx - 2.4, 12.0, wz), pr.p(wx + 2.4, 8.0, wz)
    pen.rect(a_[0], a_[1], b_[0], b_[1], fill=pr.col("#5d5052", wz))
    pen.chord((a_[0], a_[1] - 8, b_[0], a_[1] + 8), 180, 360, fill=pr.col("#4a4450", wz))
    for yy in (9.0, 10.0, 11.0):
        pen.line(pr.q((wx - 2.4, yy, wz), (wx + 2.4, yy, wz)), pr.col("#4a4042", wz), 1.0)
    # signal gantry far away
    for Z in (140,):
        a_, b_ = pr.p(9.8, 0, Z), pr.p(9.8, 7, Z)
        pen.line([a_, b_], pr.col("#2c2f3a", Z), 1.6)
        pen.circle(b_[0], b_[1], 3.5, fill=pr.col("#9a4a40", Z))

    # goods wagons standing on the second track and a farther row
    body = "#6b4a3e"
    roof = "#4a4a52"
    dark = "#2a2729"
    for xc, zstart, zmin, f in ((16.4, 190.0, 23.0, 0.85), (12.0, 150.0, 20.0, 0.9)):
        z = zstart
        rows = []
        while z > zmin:
            rows.append(z)
            z -= 11.2
        for z0 in rows:
            boxcar(pen, pr, xc - 1.45, xc + 1.45, z0, z0 + 10.4, shade(body, f), roof, dark, "#8a8a90")
    for Z in (150, 110, 80, 56, 38, 26, 14):
        platform_lamp(pen, pr, 9.6, Z, "#2c2f3a", lamp_glass, glows)
    for gx, gy, r in glows:
        glow(pen, gx, gy, r * 2.5 + 5, r * 2.5 + 5, "#ffd79a", 0.35)
        pen.circle(gx, gy, max(1.2, r * 0.5), fill="#fff0c8")
    glows = []
    z = 122.0
    rows = []
    while z > 8:
        rows.append(z)
        z -= 11.2
    for z0 in rows:
        boxcar(pen, pr, 3.2 - 1.45, 3.2 + 1.45, z0, z0 + 10.4, body, roof, dark, "#8a8a90")

    # morning mist lying on the yard, then the lamps' warm halos
    haze_band(pen, 300, vy, fog, 0.0, 0.55)
    haze_band(pen, vy, 470, fog, 0.55, 0.0)
    for gx, gy, r in glows:
        glow(pen, gx, gy, r * 2.5 + 5, r * 2.5 + 5, "#ffd79a", 0.35)
        pen.circle(gx, gy, max(1.2, r * 0.5), fill="#fff0c8")
    glaze(pen, [(0, 0), (W, 0), (W, H), (0, H)], "#3a4660", 40)

    return finish(img, rng, vignette=0.3)


# --------------------------------------------------------------------------
# Scene 4: Saint-Omer, 1943 -- cathedral, marshes, the building site
# --------------------------------------------------------------------------

def gothic_tower(pen, cx, base, w, h, body, light, dark):
    """Square west tower with corner turrets, buttresses and lancets (the
    tower of Notre-Dame de Saint-Omer, simplified)."""
    top = base - h
    x0, x1 = cx - w / 2, cx + w / 2
    pen.rect(x0, top, x1, base, fill=body)
    pen.rect(cx, top, x1, base, fill=dark)                      # shaded right face
    # stage lines
    for t in (0.32, 0.62):
        yy = top + h * t
        pen.rect(x0 - 2, yy, x1 + 2, yy + 3, fill=light)
    # tall paired lancets on each stage
    for (ya, yb) in ((top + h * 0.06, top + h * 0.3), (top + h * 0.36, top + h * 0.6)):
        for lx in (cx - w * 0.22, cx - w * 0.07, cx + w * 0.08, cx + w * 0.23):
            lw = w * 0.055
            pen.rect(lx - lw, ya + lw * 1.6, lx + lw, yb, fill=shade(dark, 0.8))
            pen.poly([(lx - lw, ya + lw * 1.6), (lx, ya), (lx + lw, ya + lw * 1.6)], fill=shade(dark, 0.8))
    # corner turrets rising above the parapet
    tw = w * 0.13
    for tx, c in ((x0, body), (x1 - tw, dark), (cx - w * 0.18 - tw / 2, body), (cx + w * 0.18 - tw / 2, dark)):
        pen.rect(tx, top - h * 0.07, tx + tw, base if tx in (x0, x1 - tw) else top, fill=c)
        pen.poly([(tx - 1, top - h * 0.07), (tx + tw / 2, top - h * 0.16), (tx + tw + 1, top - h * 0.07)], fill=c)
    pen.rect(x0, top - h * 0.03, x1, top, fill=light)           # parapet
    # buttress edges catching the light
    pen.rect(x0, top, x0 + 3, base, fill=light)


def reeds(pen, rng, x0, x1, base, hmin, hmax, n, cols, heads=0.25, lean=0.0):
    for _ in range(n):
        x = rng.uniform(x0, x1)
        h = rng.uniform(hmin, hmax)
        bend = rng.uniform(-0.18, 0.18) + lean
        wdt = max(1.2, h * 0.025)
        c = rng.choice(cols)
        tip = (x + bend * h, base - h)
        mid = (x + bend * h * 0.35, base - h * 0.5)
        pen.poly([(x - wdt, base), (mid[0] - wdt * 0.6, mid[1]), tip, (mid[0] + wdt * 0.6, mid[1]), (x + wdt, base)],
                 fill=c)
        if rng.random() < heads:
            # bulrush: a straight stem carrying a brown head and a thin spike
            sx, sy = x + bend * h * 0.3 + 3, base - h * 0.95
            pen.line([(x + 3, base), (sx, sy)], "#7d7a48", wdt * 0.7)
            hx0, hy0 = x + 3 + (sx - x - 3) * 0.78, base - h * 0.95 * 0.78
            pen.line([(hx0, hy0), (hx0 + (sx - x - 3) * 0.14, hy0 - h * 0.14)], "#6a4a30", wdt * 2.0)


def willow(pen, x, base, h, trunk, leaf, leaf_light):
    """Pollarded willow: stubby trunk and a ball of upright shoots."""
    pen.poly([(x - h * 0.1, base), (x + h * 0.1, base), (x + h * 0.08, base - h * 0.5), (x - h * 0.08, base - h * 0.5)],
             fill=trunk)
    cy = base - h * 0.72
    r = h * 0.36
    for k in range(9):
        a = k / 9 * math.tau
        pen.circle(x + math.cos(a) * r * 0.5, cy + math.sin(a) * r * 0.35, r * 0.62, fill=leaf)
    for k in range(5):
        a = -2.4 + k * 0.4
        pen.circle(x + math.cos(a) * r * 0.45, cy + math.sin(a) * r * 0.4, r * 0.38, fill=leaf_light)


def crane(pen, x, base, h, jib_l, jib_r, color, width=1.2):
    """Lattice tower crane (seen far away on the hill)."""
    lattice(pen, (x - 3, base), (x - 3, base - h), (x + 3, base), (x + 3, base - h), color, width * 0.6, int(h / 8))
    yj = base - h
    lattice(pen, (x - jib_l, yj), (x + jib_r, yj), (x - jib_l, yj - 4), (x + jib_r, yj - 4), color, width * 0.5,
            int((jib_l + jib_r) / 8))
    pen.poly([(x - 3, yj - 4), (x, yj - 16), (x + 3, yj - 4)], fill=color)
    pen.line([(x, yj - 16), (x + jib_r, yj - 4)], color, width * 0.6)
    pen.line([(x, yj - 16), (x - jib_l, yj - 4)], color, width * 0.6)
    pen.rect(x - jib_l, yj - 2, x - jib_l + 8, yj + 6, fill=color)     # counterweight
    pen.line([(x + jib_r * 0.7, yj), (x + jib_r * 0.7, yj + h * 0.45)], color, width * 0.5)
    pen.rect(x + jib_r * 0.7 - 3, yj + h * 0.45, x + jib_r * 0.7 + 3, yj + h * 0.45 + 4, fill=color)


def scene_saint_omer_1943(rng):
    img, pen = new_canvas()
    hz = 440
    paint_sky(pen, [(0.0, "#7f8a90"), (0.3, "#a2aaab"), (0.55, "#c3c6bd"), (0.62, "#cfcfc4"), (1.0, "#cfcfc4")])
    for cx, cy, w, h, c, a in [(250, 90, 700, 46, "#8d979c", 200), (900, 60, 800, 50, "#8a949a", 210),
                               (600, 180, 900, 34, "#a9b0b0", 190), (1100, 230, 500, 24, "#b3b8b4", 170),
                               (200, 260, 500, 18, "#b8bcb6", 160), (700, 310, 700, 16, "#c2c5bd", 150)]:
        stratus(pen, rng, cx, cy, w, h, c, a, 8)

    # the hill at Wizernes with the building site, far and hazy
    hill = "#98a196"
    hill_pts = [(700, hz + 5)] + bezier((700, hz + 5), (820, 360), (960, 330), (1090, 332), 16)[1:] \
        + bezier((1090, 332), (1180, 334), (1240, 360), (1300, 380), 10)[1:] + [(1300, hz + 5)]
    pen.poly(hill_pts, fill=hill)
    pen.poly([(950, 352), (1000, 338), (1050, 340), (1036, 378), (972, 384)], fill="#b2b5ab")   # chalk quarry
    pen.poly([(1036, 378), (1050, 340), (1064, 346), (1052, 380)], fill="#a4a89f")
    site = "#6c7470"
    # the great concrete dome, still rough and half-built, under scaffolding
    pen.chord((972, 304, 1058, 372), 180, 360, fill="#9c9e98")
    pen.chord((972, 304, 1058, 372), 180, 250, fill="#8a8d88")
    pen.chord((972, 304, 1058, 372), 180, 360, outline="#8a8d88", width=1.0)
    for xx in (1030, 1040, 1050):                                   # scaffolding on the unfinished side
        pen.line([(xx, 338), (xx, 306 + (xx - 1030) * 0.9)], site, 0.9)
    for yy in (326, 316):
        pen.line([(1026, yy), (1060, yy)], site, 0.8)
    pen.rect(1062, 322, 1072, 340, fill="#a9aaa4")
    pen.rect(940, 330, 970, 342, fill="#878c86")
    pen.rect(1080, 326, 1120, 338, fill="#878c86")
    pen.rect(1125, 330, 1150, 340, fill="#7f847e")
    crane(pen, 950, 340, 70, 18, 46, site, 1.2)
    crane(pen, 1100, 334, 84, 20, 52, site, 1.2)
    crane(pen, 1180, 345, 56, 14, 36, shade(site, 1.08), 1.0)
    glaze(pen, hill_pts, "#c3c6bd", 60, 6)

    # the town and the cathedral
    town = "#7e8890"
    pen.rect(60, hz - 20, 900, hz + 4, fill=town)
    x = 60
    while x < 900:
        w = rng.uniform(26, 52)
        h = rng.uniform(18, 48)
        c = jitter(rng, town, 5)
        pen.rect(x, hz - h, x + w, hz + 4, fill=c)
        if rng.random() < 0.6:
            pen.poly([(x - 1, hz - h), (x + w / 2, hz - h - w * 0.5), (x + w + 1, hz - h)], fill=c)
        else:
            pen.poly([(x - 1, hz - h), (x + 5, hz - h - 12), (x + w - 5, hz - h - 12), (x + w + 1, hz - h)], fill=c)
        for k in range(int(w / 12)):
            if rng.random() < 0.5:
                pen.rect(x + 5 + k * 12, hz - h + 8, x + 9 + k * 12, hz - h + 14, fill=shade(c, 0.8))
        x += w
    cath = "#6c7680"
    # nave, transept and apse behind the tower
    pen.rect(640, 292, 860, hz - 10, fill=cath)
    pen.poly([(636, 294), (650, 262), (850, 262), (864, 294)], fill=shade(cath, 0.9))
    pen.rect(760, 250, 800, hz - 10, fill=shade(cath, 0.95))
    pen.poly([(756, 252), (780, 218), (804, 252)], fill=shade(cath, 0.95))
    pen.poly([(776, 262), (780, 200), (784, 262)], fill=shade(cath, 0.85))
    for k in range(6):
        xx = 660 + k * 32
        if 752 < xx < 808:
            continue
        pen.rect(xx, 306, xx + 10, 332, fill=shade(cath, 0.75))
        pen.poly([(xx, 306), (xx + 5, 297), (xx + 10, 306)], fill=shade(cath, 0.75))
        pen.poly([(xx + 18, 294), (xx + 26, 294), (xx + 30, hz - 10), (xx + 14, hz - 10)], fill=shade(cath, 1.08))
    gothic_tower(pen, 600, hz - 8, 96, 262, cath, "#8e98a0", shade(cath, 0.84))
    # trees at the edge of town
    for k in range(14):
        tx = 40 + k * 65 + rng.uniform(-15, 15)
        r = rng.uniform(16, 28)
        pen.ellipse(tx - r, hz - r * 1.5, tx + r, hz + 6, fill="#75826f" if k % 2 else "#6e7b6a")
    glaze(pen, [(0, 150), (W, 150), (W, hz + 10), (0, hz + 10)], "#c6c8bf", 45, 10)

    # the marsh: fields of vegetables cut by watergangs
    pen.rect(0, hz, W, H, fill="#77855a")
    for y0_, y1_, c in [(hz + 4, hz + 16, "#84905f"), (hz + 22, hz + 40, "#6f7e52"), (hz + 48, hz + 74, "#7e8a58"),
                        (hz + 84, hz + 120, "#70804f")]:
        pen.rect(0, y0_, W, y1_, fill=c)
    for y_, h_ in [(hz + 16, 6), (hz + 40, 8), (hz + 74, 10)]:
        pen.rect(0, y_, W, y_ + h_, fill="#b5bcb4")
        pen.rect(0, y_ + h_ - 2, W, y_ + h_, fill="#9aa39a")
    # rows of cauliflowers and leeks on the plots
    for row in range(7):
        yy = hz + 52 + row * 3.5 if row < 3 else hz + 88 + (row - 3) * 8
        sz = 1.6 + row * 0.7
        step = 7 + row * 2.4
        for k in range(int(W / step) + 1):
            xx = k * step + (row % 2) * step / 2
            pen.ellipse(xx - sz * 1.3, yy - sz * 0.8, xx + sz * 1.3, yy + sz * 0.8,
                        fill="#5f7048" if k % 7 else "#b9bba2")
    # pollarded willows along the banks
    for wx, wb, wh in [(140, hz + 44, 40), (250, hz + 46, 36), (900, hz + 44, 38), (1040, hz + 46, 42),
                       (1190, hz + 20, 26)]:
        willow(pen, wx, wb, wh, "#5a5048", "#7d8a62", "#93a070")

    # the main canal running towards the cathedral, with its reflection
    canal = [(440, H), (1080, H), (700, hz + 12), (610, hz + 12)]
    pen.poly(canal, fill="#a7b2ae")
    refl = img.crop((0, int((hz - 280) * SS), W * SS, int(hz * SS))).transpose(Image.FLIP_TOP_BOTTOM)
    refl = refl.resize((refl.size[0], int(refl.size[1] * 0.9)))
    m = Image.new("L", img.size, 0)
    ImageDraw.Draw(m).polygon(pen.P(canal), fill=110)
    layer = img.copy()
    strip = 6 * SS
    for yy in range(0, refl.size[1], strip):
        off = int(math.sin(yy / (9.0 * SS)) * 3 * SS)
        piece = refl.crop((0, yy, refl.size[0], min(refl.size[1], yy + strip)))
        layer.paste(piece, (off, int((hz + 12) * SS) + yy))
    img.paste(layer, (0, 0), m)
    for k in range(60):
        yy = rng.uniform(hz + 20, H)
        t = (yy - hz) / (H - hz)
        xl = 610 + (440 - 610) * t
        xr = 700 + (1080 - 700) * t
        cx = rng.uniform(xl + 10, xr - 10)
        ln = rng.uniform(8, 40) * t + 4
        pen.line([(cx - ln, yy), (cx + ln, yy)], C("#d9ded6", 150), 0.8 + t * 1.6)
    # banks in the foreground
    yb = hz + 122
    tb = (yb - hz - 12) / (H - hz - 12)
    xl_b, xr_b = 610 + (440 - 610) * tb, 700 + (1080 - 700) * tb
    pen.poly([(0, yb), (xl_b, yb), (440, H), (0, H)], fill="#6d7c4e")
    pen.poly([(1280, yb), (xr_b, yb), (1080, H), (1280, H)], fill="#6a794c")
    for k in range(140):                                          # grass tufts
        gy = rng.uniform(yb + 6, H)
        t = (gy - yb) / (H - yb)
        gx = rng.choice([rng.uniform(0, xl_b + (440 - xl_b) * t - 14), rng.uniform(xr_b + (1080 - xr_b) * t + 14, W)])
        gs = 3 + 9 * t
        pen.poly([(gx - gs, gy), (gx - gs * 0.3, gy - gs * 1.2), (gx, gy - gs * 0.4), (gx + gs * 0.4, gy - gs * 1.4),
                  (gx + gs, gy)], fill="#5f6e44" if k % 2 else "#7a8a56")
    pen.poly([(610, hz + 12), (602, hz + 12), (420, H), (440, H)], fill="#55603f")
    pen.poly([(700, hz + 12), (708, hz + 12), (1100, H), (1080, H)], fill="#55603f")
    # a moored bacove (flat marsh boat) and a little landing stage
    bx, by = 470, 640
    pen.poly([(bx, by), (bx + 230, by - 26), (bx + 268, by - 44), (bx + 250, by - 22), (bx + 20, by + 14)],
             fill="#4a3c34")
    pen.poly([(bx, by), (bx + 230, by - 26), (bx + 268, by - 44), (bx + 234, by - 34), (bx + 4, by - 10)],
             fill="#6a5446")
    pen.line([(bx + 60, by - 14), (bx + 200, by - 28)], "#8a7060", 2)
    pen.line([(bx + 90, by - 18), (bx + 150, by - 56)], "#5a4a3e", 3)          # punting pole
    pen.poly([(bx + 2, by + 10), (bx + 250, by - 18), (bx + 250, by - 12), (bx + 6, by + 18)], fill=C("#2e3430", 60))
    pen.rect(452, 596, 462, 660, fill="#4e4038")                    # mooring post and rope
    pen.rect(449, 592, 465, 598, fill="#3e342e")
    pen.line(bezier((460, 608), (470, 630), (480, 636), (bx + 14, by - 4), 8), "#8a7a60", 1.6)
    # reeds and bulrushes framing the view
    rc = ["#8a8a52", "#6b7443", "#a39a5e", "#7d7a48", "#5d6a3e"]
    reeds(pen, rng, -10, 260, 724, 60, 220, 160, rc, heads=0.07, lean=0.06)
    reeds(pen, rng, 1030, 1290, 724, 60, 240, 170, rc, heads=0.07, lean=-0.06)
    reeds(pen, rng, 840, 1040, 600, 20, 70, 60, rc, heads=0.0)
    reeds(pen, rng, 200, 420, 600, 20, 60, 50, rc, heads=0.0)
    glaze(pen, [(0, hz - 6), (W, hz - 6), (W, hz + 60), (0, hz + 60)], "#c8cbc2", 50, 12)

    return finish(img, rng, vignette=0.22)


# --------------------------------------------------------------------------
# Portraits: one shared bust / head construction, four characters
# --------------------------------------------------------------------------

INK = "#3a2a2a"     # outline colour shared by all portraits
LW = 2.6            # outline weight (logical px at 256x256)
DW = 2.0            # weight of detail lines (brows, mouth, folds)


def portrait_backdrop(pen, color):
    light = mix(color, "#ffffff", 0.35)
    pen.rect(0, 0, PW, PW, fill=color)
    pen.circle(128, 112, 96, fill=mix(color, "#ffffff", 0.18))
    pen.circle(128, 112, 78, fill=light)
    # a few soft diagonal strokes like a brushed poster ground
    for k in range(-3, 4):
        x = 128 + k * 46
        pen.line([(x - 60, 256), (x + 60, 0)], C(mix(color, "#ffffff", 0.3), 40), 14)


def bust(pen, cloth, skin):
    """Shoulders and neck; clothes are painted on top by each character."""
    pen.rrect(26, 192, 230, 320, 62, fill=cloth, outline=INK, width=LW)
    pen.rect(110, 146, 146, 200, fill=skin)
    pen.line([(110, 146), (110, 198)], INK, LW)
    pen.line([(146, 146), (146, 198)], INK, LW)
    pen.chord((108, 140, 148, 172), 0, 180, fill=shade(skin, 0.88))      # shadow under the chin


def head(pen, skin, ears=True, long=0):
    """Head oval, ears and the shared face (eyes, nose, cheeks)."""
    if ears:
        for x0 in (72, 166):
            pen.ellipse(x0, 102, x0 + 18, 132, fill=skin, outline=INK, width=LW)
            pen.arc((x0 + 4, 108, x0 + 14, 126), 60 if x0 < 100 else 240, 300 if x0 < 100 else 120,
                    shade(skin, 0.8), 1.4)
    pen.ellipse(80, 56 - long, 176, 168 + long * 0.3, fill=skin, outline=INK, width=LW)


def head_outline(long=0):
    return arc_pts(128, (56 - long + 168 + long * 0.3) / 2, 48, (168 + long * 0.3 - 56 + long) / 2, 0, 360, 48)


def side_hair(pen, color, y0, y1, wdt, long=0):
    """Hair at the temples, kept inside the head outline, outline redrawn."""
    with clip_to(pen, head_outline(long)) as cp:
        for x0 in (70, 186 - wdt):
            cp.rect(x0, y0, x0 + wdt, y1, fill=color)
            cp.line([(x0 + wdt if x0 < 100 else x0, y0), (x0 + wdt if x0 < 100 else x0, y1)], C(INK, 90), 1.2)
    pen.ellipse(80, 56 - long, 176, 168 + long * 0.3, outline=INK, width=LW)


def face(pen, skin, brow, mouth="smile", brow_w=DW, brow_lift=0, eye_y=114):
    for ex in (108, 148):
        pen.ellipse(ex - 5, eye_y - 6.5, ex + 5, eye_y + 6.5, fill="#2e2424")
        pen.circle(ex + 1.8, eye_y - 2.5, 1.7, fill="#ffffff")
        pen.arc((ex - 10, eye_y - 24 - brow_lift, ex + 10, eye_y - 6 - brow_lift), 215, 325, brow, brow_w)
    pen.line([(131, 120), (134, 133), (127, 135)], shade(skin, 0.72), 1.8)
    for cx in (100, 156):
        pen.ellipse(cx - 9, 130, cx + 9, 140, fill=C("#e58a7a", 90))
    if mouth == "smile":
        pen.arc((114, 134, 142, 154), 25, 155, INK, DW)
    elif mouth == "small":
        pen.arc((118, 140, 138, 152), 30, 150, INK, DW)
    elif mouth == "open":
        pen.chord((114, 136, 142, 156), 0, 180, fill="#8a3a36", outline=INK, width=DW)
        pen.chord((118, 146, 138, 156), 200, 340, fill="#e07a70")


def buttons(pen, x, ys, r, color):
    for y in ys:
        pen.circle(x, y, r, fill=color, outline=INK, width=1.2)


def finish_portrait(img):
    img = img.resize((PW, PW), Image.LANCZOS)
    m = Image.new("L", (PW * PSS, PW * PSS), 0)
    ImageDraw.Draw(m).rounded_rectangle([6 * PSS, 6 * PSS, 250 * PSS, 250 * PSS], radius=34 * PSS, fill=255)
    m = m.resize((PW, PW), Image.LANCZOS)
    out = img.convert("RGBA")
    out.putalpha(m)
    return out


def frame(pen):
    pen.rrect(6, 6, 250, 250, 34, outline=INK, width=3.2)
    pen.rrect(11, 11, 245, 245, 30, outline=C("#ffffff", 70), width=1.2)


def portrait_lucie():
    img, pen = new_canvas((PW, PW), PSS)
    skin, hair, hair_l = "#f2c9a8", "#6b4430", "#8a5a3e"
    portrait_backdrop(pen, "#9cc3d5")
    pen.ellipse(74, 44, 182, 150, fill=hair, outline=INK, width=LW)          # hair behind the head
    bust(pen, "#b85a4a", skin)
    # blouse with a round collar, open cardigan with buttons
    pen.poly([(102, 196), (154, 196), (128, 256)], fill="#efe9dc", outline=INK, width=LW)
    pen.chord((96, 186, 130, 214), 0, 200, fill="#f6f2e8", outline=INK, width=DW)
    pen.chord((126, 186, 160, 214), -20, 180, fill="#f6f2e8", outline=INK, width=DW)
    buttons(pen, 138, (226, 244), 3.2, "#f1e6cc")
    for x in (60, 196):                                                      # knitted rib at the armholes
        pen.line([(x, 215), (x + (8 if x < 100 else -8), 256)], shade("#b85a4a", 0.8), 1.6)
    head(pen, skin)
    # hair on top with a centre parting, pulled back
    top = arc_pts(128, 104, 50, 52, 180, 360, 24)
    hairline = bezier((176, 112), (170, 88), (150, 78), (128, 80), 10) + \
        bezier((128, 80), (106, 78), (86, 88), (80, 112), 10)[1:]
    pen.poly(top + hairline, fill=hair, outline=INK, width=LW)
    pen.line([(128, 80), (128, 54)], INK, 1.6)
    pen.arc((96, 62, 124, 96), 200, 280, hair_l, 3)
    pen.arc((132, 62, 160, 96), 260, 340, hair_l, 3)
    # two plaits over the shoulders, with ribbons
    for side in (-1, 1):
        x = 128 + side * 50
        for k in range(7):
            cx = x + side * (2 + k * 1.6)
            cy = 136 + k * 12.5
            lean = 1 if k % 2 else -1
            seg = [(cx - 10 * lean, cy - 8), (cx + 9 * lean, cy - 3), (cx + 8 * lean, cy + 7), (cx - 8 * lean, cy + 4)]
            seg = bezier(seg[0], (cx, cy - 12), (cx + 12 * lean, cy - 6), seg[1], 6) + \
                bezier(seg[1], (cx + 11 * lean, cy + 4), (cx + 2 * lean, cy + 11), (cx - 9 * lean, cy + 5), 6)[1:] + \
                bezier((cx - 9 * lean, cy + 5), (cx - 13 * lean, cy), (cx - 13 * lean, cy - 6), seg[0], 6)[1:]
            pen.poly(seg, fill=hair if k % 2 else hair_l, outline=INK, width=DW)
        bx, by = x + side * 13, 226
        pen.poly([(bx, by), (bx - 12, by - 8), (bx - 12, by + 8)], fill="#3f6f9a", outline=INK, width=1.6)
        pen.poly([(bx, by), (bx + 12, by - 8), (bx + 12, by + 8)], fill="#3f6f9a", outline=INK, width=1.6)
        pen.circle(bx, by, 3.5, fill="#5a8ab6", outline=INK, width=1.4)
        pen.poly([(bx - 3, by + 4), (bx - 8, by + 16), (bx - 2, by + 13), (bx, by + 18), (bx + 2, by + 13),
                  (bx + 8, by + 16), (bx + 3, by + 4)], fill=hair_l, outline=INK, width=1.4)
    face(pen, skin, hair, "smile")
    frame(pen)
    return finish_portrait(img)


def portrait_henri():
    img, pen = new_canvas((PW, PW), PSS)
    skin, grey = "#e6b797", "#c2bdb5"
    portrait_backdrop(pen, "#d8b66a")
    jacket = "#3f5f8a"
    bust(pen, jacket, skin)
    # shirt collar, neckerchief, jacket collar and lapels
    pen.poly([(106, 192), (150, 192), (128, 236)], fill="#d9d4c6", outline=INK, width=LW)
    pen.poly([(112, 196), (144, 196), (128, 218)], fill="#a8443c", outline=INK, width=DW)
    pen.poly([(70, 200), (106, 190), (124, 248), (100, 256)], fill=shade(jacket, 1.15), outline=INK, width=LW)
    pen.poly([(186, 200), (150, 190), (132, 248), (156, 256)], fill=shade(jacket, 1.15), outline=INK, width=LW)
    pen.rect(160, 222, 192, 246, fill=shade(jacket, 0.92), outline=INK, width=DW)       # breast pocket
    pen.line([(160, 230), (192, 230)], INK, 1.4)
    buttons(pen, 128, (252,), 3.2, "#c9b98a")
    head(pen, skin, long=3)
    # grey hair showing at the temples under the cap
    side_hair(pen, grey, 70, 110, 20, long=3)
    # railwayman's cap: crown, band with a plain badge, visor
    cap = "#2f3a55"
    pen.poly([(78, 76), (74, 40), (128, 28), (182, 40), (178, 76)], fill=cap, outline=INK, width=LW)
    pen.rect(80, 60, 176, 77, fill=shade(cap, 0.8), outline=INK, width=DW)
    pen.ellipse(121, 62, 135, 76, fill="#d9b45a", outline=INK, width=1.2)
    pen.chord((80, 64, 176, 92), 0, 180, fill="#1f2638", outline=INK, width=LW)
    pen.line([(96, 36), (160, 36)], C("#ffffff", 50), 2)
    face(pen, skin, "#8f8a84", "small", brow_w=3.2, brow_lift=-2)
    # grey moustache and a few friendly wrinkles
    pen.poly(bezier((104, 144), (112, 134), (124, 134), (128, 138), 8) +
             bezier((128, 138), (132, 134), (144, 134), (152, 144), 8)[1:] +
             bezier((152, 144), (142, 148), (134, 146), (128, 144), 6)[1:] +
             bezier((128, 144), (122, 146), (114, 148), (104, 144), 6)[1:], fill=grey, outline=INK, width=DW)
    for ex, d in ((108, -1), (148, 1)):
        for k in (-1, 1):
            pen.line([(ex + d * 9, 113 + k * 1), (ex + d * 14, 111 + k * 4)], shade(skin, 0.72), 1.3)
    pen.arc((94, 120, 112, 160), 150, 210, shade(skin, 0.75), 1.4)
    pen.arc((144, 120, 162, 160), 330, 30, shade(skin, 0.75), 1.4)
    frame(pen)
    return finish_portrait(img)


def portrait_madeleine():
    img, pen = new_canvas((PW, PW), PSS)
    skin, hair = "#eec3a0", "#4a3428"
    scarf, dot = "#a4504a", "#f0e2d0"
    portrait_backdrop(pen, "#a9c09a")
    pen.ellipse(70, 40, 186, 176, fill=scarf, outline=INK, width=LW)        # scarf behind the head
    dress = "#5e7390"
    bust(pen, dress, skin)
    pen.poly([(104, 194), (152, 194), (128, 218)], fill="#e8e0cc", outline=INK, width=DW)     # collar
    # bib apron with straps and a small check
    apron = "#e9e1cc"
    pen.poly([(92, 214), (164, 214), (170, 256), (86, 256)], fill=apron, outline=INK, width=LW)
    for x in range(96, 168, 9):
        pen.line([(x, 216), (x + (x - 128) * 0.08, 256)], C("#7f9ab8", 120), 1.2)
    for y in range(222, 256, 9):
        pen.line([(90, y), (166, y)], C("#7f9ab8", 120), 1.2)
    for side in (-1, 1):
        pen.line([(128 + side * 34, 216), (128 + side * 54, 196)], apron, 6)
        pen.line([(128 + side * 30, 214), (128 + side * 50, 194)], INK, 1.2)
    head(pen, skin, ears=False)
    # scarf over the top of the head, a little hair showing at the front
    pen.poly(bezier((84, 106), (84, 70), (112, 74), (128, 76), 10) +
             bezier((128, 76), (144, 74), (172, 70), (172, 106), 10)[1:] + [(172, 96)] +
             [pt for k in range(4, 0, -1) for pt in arc_pts(86 + (k - 0.5) * 21.5, 88, 10.75, 9, 0, 180, 8)] +
             [(84, 96)], fill=hair, outline=INK, width=DW)
    for k in range(4):
        pen.arc((90 + k * 21.5, 80, 104 + k * 21.5, 94), 200, 320, "#6a4c3c", 2)
    top = arc_pts(128, 102, 54, 56, 180, 360, 24)
    edge = bezier((182, 102), (170, 78), (150, 70), (128, 72), 10) + \
        bezier((128, 72), (106, 70), (86, 78), (74, 102), 10)[1:]
    pen.poly(top + edge, fill=scarf, outline=INK, width=LW)
    for sx, sy in [(100, 60), (128, 52), (156, 60), (88, 82), (168, 82), (114, 66), (142, 66)]:
        pen.circle(sx, sy, 2.6, fill=dot)
    for sx, sy in [(76, 118), (180, 118), (84, 146), (172, 146)]:
        pen.circle(sx, sy, 2.6, fill=dot)
    # knot under the chin
    pen.poly([(120, 168), (104, 190), (118, 194), (128, 176)], fill=scarf, outline=INK, width=DW)
    pen.poly([(136, 168), (150, 192), (138, 194), (128, 176)], fill=shade(scarf, 0.9), outline=INK, width=DW)
    pen.ellipse(120, 166, 136, 180, fill=scarf, outline=INK, width=DW)
    face(pen, skin, hair, "smile", brow_lift=1)
    frame(pen)
    return finish_portrait(img)


def portrait_lefebvre():
    img, pen = new_canvas((PW, PW), PSS)
    skin, hair, temple = "#efc4a2", "#4a3a32", "#8c8580"
    portrait_backdrop(pen, "#b4a8c8")
    jacket = "#7a5a44"
    bust(pen, jacket, skin)
    # shirt, tie, notched lapels
    pen.poly([(104, 190), (152, 190), (128, 256)], fill="#eeeae0", outline=INK, width=LW)
    pen.poly([(120, 196), (136, 196), (132, 206), (124, 206)], fill="#8a3a3a", outline=INK, width=DW)
    pen.poly([(124, 206), (132, 206), (138, 246), (128, 256), (118, 246)], fill="#8a3a3a", outline=INK, width=DW)
    pen.poly([(104, 190), (124, 204), (112, 210)], fill="#f6f3ec", outline=INK, width=DW)
    pen.poly([(152, 190), (132, 204), (144, 210)], fill="#f6f3ec", outline=INK, width=DW)
    for side in (-1, 1):
        pen.poly([(128 + side * 26, 190), (128 + side * 10, 256), (128 + side * 44, 256), (128 + side * 40, 226),
                  (128 + side * 50, 216), (128 + side * 40, 194)], fill=shade(jacket, 1.12), outline=INK, width=LW)
    for k in range(6):                                                       # tweed flecks
        y = 214 + k * 7
        pen.line([(40, y), (80, y + 3)], C(shade(jacket, 0.8), 120), 1.2)
        pen.line([(176, y + 3), (216, y)], C(shade(jacket, 0.8), 120), 1.2)
    pen.poly([(170, 224), (186, 222), (184, 232), (172, 232)], fill="#e9dcc0", outline=INK, width=1.4)  # pocket square
    head(pen, skin)
    # neat hair with a side parting and greying temples
    side_hair(pen, temple, 84, 112, 16)
    top = arc_pts(128, 102, 54, 60, 180, 360, 24)
    hairline = bezier((182, 102), (176, 80), (156, 70), (108, 80), 10) + \
        bezier((108, 80), (96, 84), (84, 90), (74, 102), 8)[1:]
    pen.poly(top + hairline, fill=hair, outline=INK, width=LW)
    pen.poly(bezier((108, 80), (124, 58), (150, 50), (172, 66), 10) +
             bezier((172, 66), (160, 60), (130, 64), (108, 80), 10)[1:], fill="#5e4c42")   # combed wave
    pen.line(bezier((102, 52), (105, 62), (106, 72), (108, 80), 6), INK, 1.6)
    for x0, d in ((76, 1), (180, -1)):
        pen.line([(x0, 102), (x0 + d * 3, 90)], C(temple, 255), 3)
    face(pen, skin, hair, "smile", eye_y=115)
    # round glasses
    for ex in (108, 148):
        pen.circle(ex, 115, 13.5, fill=C("#ffffff", 45), outline=INK, width=2.2)
        pen.arc((ex - 9, 106, ex + 9, 124), 200, 250, C("#ffffff", 200), 1.6)
    pen.arc((121, 108, 135, 120), 200, 340, INK, 2.0)
    pen.line([(94.5, 113), (80, 110)], INK, 2.0)
    pen.line([(161.5, 113), (176, 110)], INK, 2.0)
    frame(pen)
    return finish_portrait(img)


def main():
    """Write every background and portrait (each scene has its own seed, so
    changing one picture never changes the others)."""
    save_png(scene_lille_1940(random.Random(SEED + 1)), BG_DIR / "occ_lille_1940.png")
    save_png(scene_mine_1941(random.Random(SEED + 2)), BG_DIR / "occ_mine_1941.png")
    save_png(scene_fives_1942(random.Random(SEED + 3)), BG_DIR / "occ_fives_1942.png")
    save_png(scene_saint_omer_1943(random.Random(SEED + 4)), BG_DIR / "occ_saint_omer_1943.png")
    save_png(portrait_lucie(), PORTRAIT_DIR / "lucie.png")
    save_png(portrait_henri(), PORTRAIT_DIR / "henri.png")
    save_png(portrait_madeleine(), PORTRAIT_DIR / "madeleine.png")
    save_png(portrait_lefebvre(), PORTRAIT_DIR / "lefebvre.png")


if __name__ == "__main__":
    main()
