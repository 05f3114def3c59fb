#!/usr/bin/env python3
"""Draw the backgrounds and portraits of chapter 3 (the V-weapon sites) and
chapter 4 (the Liberation) with code (Pillow only).

Same style and same helpers as assets/generate_art.py (imported, never
changed): flat "poster / gouache" illustration, layered silhouettes, a small
muted palette per scene, soft gradient skies, 256-colour backgrounds and 4x
supersampled portraits built on the shared bust / head construction.  Nothing
is downloaded, no external image or font is used, no text is drawn into the
pictures.  Fixed seeds make every run byte-identical.

Usage:  python assets/generate_art_vsites_liberation.py [name ...]
        (no name: write every file; names such as "v_eperlecques" or "paul"
        only redraw those pictures)
Output: assets/backgrounds/v_*.png, assets/backgrounds/lib_*.png
        (1280x720 RGB) and ten portraits in assets/portraits/ (256x256 RGBA).
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_art import (  # noqa: E402  (path tweak above)
    BG_DIR, DW, INK, LW, PORTRAIT_DIR, PSS, PW, SS, H, W,
    C, arc_pts, bezier, brick_texture, bust, buttons, clip_to, cloud, face, finish,
    finish_portrait, flemish_house, frame, glaze, glow, gothic_tower, haze_band, head,
    head_outline, jitter, lattice, mix, new_canvas, paint_sky, portrait_backdrop,
    quoins, round_tree, save_png, shade, side_hair, stratus, crane, reeds,
)

SEED = 1944


# ==========================================================================
# shared drawing helpers for the backgrounds of chapters 3 and 4
# ==========================================================================

def finish_keep(img, rng, keep=(), vignette=0.22):
    """generate_art.finish() whose 256-colour palette is sure to hold a few
    key colours (flag red and blue, flowers, small figures...) that median
    cut would merge away when they cover only a few pixels: the palette is
    computed on the picture plus a strip of swatches of those colours.  Stray
    dither pixels far from the true colour are then replaced by the most
    common colour around them."""
    img = finish(img, rng, vignette=vignette, colors=0)
    sw = img.width // max(1, len(keep))
    hint = Image.new("RGB", (img.width, img.height + 120), (0, 0, 0))
    hint.paste(img, (0, 0))
    d = ImageDraw.Draw(hint)
    for i, k in enumerate(keep):
        d.rectangle([i * sw, img.height, (i + 1) * sw, img.height + 120], fill=C(k))
    pal = hint.quantize(256, method=Image.Quantize.MEDIANCUT)
    q = img.quantize(palette=pal, dither=Image.Dither.FLOYDSTEINBERG)
    # dither only the smooth areas (skies, glazes); busy, detailed areas are
    # mapped straight to the palette, which keeps them crisp and the file small
    r, g, b = ImageChops.difference(img, img.filter(ImageFilter.GaussianBlur(2))).split()
    busy = ImageChops.lighter(ImageChops.lighter(r, g), b).point(lambda v: 255 if v > 3 else 0)
    q.paste(img.quantize(palette=pal, dither=Image.Dither.NONE), (0, 0), busy.filter(ImageFilter.MaxFilter(7)))
    diff = ImageChops.difference(q.convert("RGB"), img)
    r, g, b = diff.split()
    mask = ImageChops.lighter(ImageChops.lighter(r, g), b).point(lambda v: 255 if v > 44 else 0)
    q.paste(q.filter(ImageFilter.ModeFilter(3)), (0, 0), mask)
    return q.convert("RGB")


FLAG_COLS = ("#2e4a8a", "#f2efe6", "#c2413a")


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def quad_pt(q, u, v):
    """Bilinear point in quad q = (top-left, top-right, bottom-right, bottom-left)."""
    top = lerp(q[0], q[1], u)
    bot = lerp(q[3], q[2], u)
    return lerp(top, bot, v)


def sub_quad(q, u0, v0, u1, v1):
    return [quad_pt(q, u0, v0), quad_pt(q, u1, v0), quad_pt(q, u1, v1), quad_pt(q, u0, v1)]


def setts(pen, rng, x0, x1, y0, y1, stone, joint, first_h=6.0, growth=1.12, aspect=2.2, cx=640.0, vy=420.0):
    """Calm paving of large setts seen in perspective: a flat colour and thin
    staggered joints converging on (cx, vy) (for the lower part of a
    picture, under the dialogue box)."""
    pen.rect(x0, y0, x1, y1, fill=stone)
    y, h, row = y0, first_h, 0
    while y < y1:
        pen.line([(x0, y), (x1, y)], joint, max(0.8, h * 0.09))
        sw = h * aspect
        k = h / max(1.0, y - vy)
        off = (row % 2) * sw / 2
        n = int((x1 - x0) / sw / 2) + 2
        for i in range(-n, n + 1):
            x = cx + off + i * sw
            pen.line([(x, y), (x + (x - cx) * k, y + h)], joint, max(0.6, h * 0.07))
        y += h
        h *= growth
        row += 1


def pine(pen, x, base, h, w, col, light=None):
    """Conifer: stacked triangles on a thin trunk."""
    pen.rect(x - w * 0.05, base - h * 0.2, x + w * 0.05, base, fill=shade(col, 0.7))
    for k in range(4):
        t = k / 4
        y0 = base - h * (0.15 + t * 0.62)
        ww = w * (1 - t * 0.65) / 2
        pen.poly([(x - ww, y0), (x, y0 - h * 0.42), (x + ww, y0)], fill=col)
        if light:
            pen.poly([(x - ww, y0), (x, y0 - h * 0.42), (x - ww * 0.2, y0)], fill=light)


def poplar(pen, x, base, h, w, col, light, trunk="#5a5048"):
    pen.rect(x - w * 0.06, base - h * 0.3, x + w * 0.06, base, fill=trunk)
    pen.ellipse(x - w / 2, base - h, x + w / 2, base - h * 0.12, fill=col)
    pen.ellipse(x - w / 2 + 1, base - h + 4, x + w * 0.05, base - h * 0.3, fill=light)


def tree_mass(pen, rng, x0, x1, base, hmin, hmax, cols, rmin=18, rmax=34, light=None):
    """A wooded edge: lumpy clusters of round crowns on a flat base."""
    x = x0
    while x < x1:
        r = rng.uniform(rmin, rmax)
        h = max(rng.uniform(hmin, hmax), r * 1.6)
        c = rng.choice(cols)
        top = base - h
        pen.circle(x, top + r, r, fill=c)
        for dx, dy, f in ((-0.6, 0.8, 0.8), (0.6, 0.7, 0.85), (0.0, 1.4, 1.0)):
            pen.circle(x + dx * r, top + r + dy * r, r * f, fill=c)
        pen.rect(x - r, top + r * 1.6, x + r, base + 2, fill=c)
        if light:
            pen.circle(x - r * 0.3, top + r * 0.75, r * 0.5, fill=C(light, 150))
        x += r * rng.uniform(0.9, 1.4)


def broken_tree(pen, x, base, h, w, col, lean=0.0):
    """Bare trunk snapped off, with a splintered top and a stub branch."""
    tx = x + lean * h
    pts = [(x - w / 2, base), (tx - w * 0.32, base - h), (tx - w * 0.12, base - h - w * 0.9),
           (tx + w * 0.02, base - h - w * 0.2), (tx + w * 0.16, base - h - w * 1.3), (tx + w * 0.34,
                   base - h + w * 0.1),
           (x + w / 2, base)]
    pen.poly(pts, fill=col)
    pen.poly([(x, base), (tx + w * 0.05, base - h), (tx + w * 0.34, base - h + w * 0.1), (x + w / 2, base)],
             fill=shade(col, 0.8))
    by = base - h * 0.55
    bx = x + lean * h * 0.55
    pen.line([(bx, by), (bx + w * 1.6, by - w * 1.2), (bx + w * 2.0, by - w * 1.1)], col, w * 0.22)
    pen.line([(bx - w * 0.1, by + h * 0.15), (bx - w * 1.3, by - w * 0.4)], col, w * 0.16)


def crater(pen, cx, cy, rx, ry, ground, rim, inside, water=None, rng=None):
    """Shell or bomb crater seen from a low angle: a ragged raised rim of
    thrown-up earth, a dark bowl, sometimes rain water at the bottom."""
    rng = rng or random.Random(int(cx * 7 + cy))

    def ring(sx, sy, j, n=22, a0=0, a1=360):
        pts = []
        for i in range(n + 1 if a1 - a0 < 360 else n):
            a = math.radians(a0 + (a1 - a0) * i / n)
            k = 1 + rng.uniform(-j, j)
            pts.append((cx + math.cos(a) * sx * k, cy + math.sin(a) * sy * k))
        return pts

    pen.poly(ring(rx * 1.4, ry * 1.5, 0.16, 28), fill=mix(rim, ground, 0.45))
    pen.poly(ring(rx * 1.18, ry * 1.25, 0.12, 26), fill=rim)
    bowl = ring(rx, ry, 0.1)
    pen.poly(bowl, fill=inside)
    pen.poly(ring(rx, ry, 0.05, 14, 180, 360) + [(cx + rx * 0.8, cy + ry * 0.1), (cx - rx * 0.8, cy + ry * 0.1)],
             fill=shade(inside, 0.75))
    if water:
        pen.poly(ring(rx * 0.4, ry * 0.3, 0.08, 16), fill=water)
        pen.line([(cx - rx * 0.25, cy + ry * 0.05), (cx + rx * 0.15, cy + ry * 0.05)], C("#ffffff", 80), 1.2)
    for _ in range(int(rx / 6)):                    # clods of earth and chalk around the rim
        a = rng.uniform(0, math.tau)
        d = rng.uniform(1.2, 1.7)
        x, y = cx + math.cos(a) * rx * d, cy + math.sin(a) * ry * d
        r = rng.uniform(1.5, 4.5) * (0.6 + ry / 40)
        pen.ellipse(x - r, y - r * 0.6, x + r, y + r * 0.6, fill=mix(rim, ground, rng.choice((0.2, 0.6, 0.8))))


def figure(pen, x, base, h, col, pose="stand", head_col=None, hat=None, skirt=False, load=None, facing=1):
    """A small flat silhouette (no face).  pose: stand, wave, cheer, carry, walk."""
    hc = head_col or col
    hr = h * 0.085
    hy = base - h + hr
    sh = base - h * 0.8                       # shoulders
    hip = base - h * 0.45
    bw = h * 0.13
    # legs
    if pose == "walk":
        pen.poly([(x - bw * 0.7, hip), (x + bw * 0.1, hip), (x - bw * 1.2, base), (x - bw * 1.9, base)], fill=col)
        pen.poly([(x - bw * 0.1, hip), (x + bw * 0.7, hip), (x + bw * 1.7, base), (x + bw * 1.0, base)], fill=col)
    else:
        pen.poly([(x - bw * 0.8, hip), (x + bw * 0.8, hip), (x + bw * 0.75, base), (x + bw * 0.1, base),
                  (x, hip + h * 0.08), (x - bw * 0.1, base), (x - bw * 0.75, base)], fill=col)
    # body
    if skirt:
        pen.poly([(x - bw, sh), (x + bw, sh), (x + bw * 1.35, base - h * 0.22), (x - bw * 1.35, base - h * 0.22)],
                 fill=col)
    else:
        pen.poly([(x - bw, sh), (x + bw, sh), (x + bw * 0.85, hip + h * 0.04), (x - bw * 0.85, hip + h * 0.04)],
                 fill=col)
    pen.rect(x - hr * 0.45, hy + hr * 0.6, x + hr * 0.45, sh + 1, fill=hc)
    pen.circle(x, hy, hr, fill=hc)
    aw = max(1.0, h * 0.055)
    if pose in ("stand", "walk"):
        pen.line([(x - bw * 0.9, sh + 1), (x - bw * 1.2, hip + h * 0.03)], col, aw)
        pen.line([(x + bw * 0.9, sh + 1), (x + bw * 1.2, hip + h * 0.03)], col, aw)
    elif pose == "wave":
        pen.line([(x - bw * 0.9, sh + 1), (x - bw * 1.2, hip + h * 0.03)], col, aw)
        pen.line([(x + bw * 0.9 * facing, sh + 1), (x + bw * 2.0 * facing, sh - h * 0.16),
                  (x + bw * 2.2 * facing, sh - h * 0.36)], col, aw)
    elif pose == "cheer":
        pen.line([(x - bw * 0.9, sh + 1), (x - bw * 1.8, sh - h * 0.16), (x - bw * 1.7, sh - h * 0.36)], col, aw)
        pen.line([(x + bw * 0.9, sh + 1), (x + bw * 1.8, sh - h * 0.16), (x + bw * 1.7, sh - h * 0.36)], col, aw)
    elif pose == "carry":
        # a load (sack or beam) on the shoulder, one arm up to hold it
        pen.line([(x + bw * 0.9 * facing, sh + 1), (x + bw * 1.1 * facing, sh - h * 0.08)], col, aw)
        pen.line([(x - bw * 0.9 * facing, sh + 1), (x - bw * 1.1 * facing, hip)], col, aw)
        lc = load or shade(col, 1.4)
        if facing > 0:
            pen.ellipse(x - bw * 0.2, sh - h * 0.2, x + bw * 2.2, sh + h * 0.02, fill=lc)
        else:
            pen.ellipse(x - bw * 2.2, sh - h * 0.2, x + bw * 0.2, sh + h * 0.02, fill=lc)
    if hat == "cap":
        pen.chord((x - hr * 1.05, hy - hr * 1.1, x + hr * 1.05, hy + hr * 0.5), 180, 360, fill=shade(col, 0.8))
        pen.line([(x, hy - hr * 0.2), (x + hr * 1.6 * facing, hy - hr * 0.1)], shade(col, 0.8), max(0.8, hr * 0.35))
    elif hat == "beret":
        pen.ellipse(x - hr * 1.2, hy - hr * 1.25, x + hr * 1.2, hy - hr * 0.2, fill=shade(col, 0.7))
    elif hat == "scarf":
        pen.chord((x - hr * 1.15, hy - hr * 1.15, x + hr * 1.15, hy + hr * 1.1), 160, 380, fill=hat_scarf(col))
    elif hat == "hat":
        pen.rect(x - hr * 1.7, hy - hr * 0.55, x + hr * 1.7, hy - hr * 0.3, fill=shade(col, 0.7))
        pen.chord((x - hr * 0.95, hy - hr * 1.4, x + hr * 0.95, hy), 180, 360, fill=shade(col, 0.7))
    elif hat == "hair":
        pen.chord((x - hr * 1.1, hy - hr * 1.15, x + hr * 1.1, hy + hr * 0.9), 150, 390, fill=HAIR)


HAIR = "#3a2a22"


def hat_scarf(col):
    return mix(col, "#b05a4a", 0.5)


def small_flag(pen, x, y, w, h, wave=0.12, pole=None, pole_len=0, pole_ang=0.0, cols=("#2e4a8a", "#f2efe6", "#c2413a")):
    """A French tricolour (blue, white, red), optionally on a slanting pole.
    (x, y) is the top of the hoist."""
    if pole:
        a = math.radians(pole_ang)
        bx, by = x - math.cos(a) * pole_len, y + math.sin(a) * pole_len
        pen.line([(bx, by), (x, y - 2)], pole, max(1.0, h * 0.06))
        pen.circle(x, y - 2, max(1.0, h * 0.07), fill="#d4b45a")
    for i, c in enumerate(cols):
        u0, u1 = i / 3, (i + 1) / 3
        pts = []
        for u in (u0, u1):
            pts.append((x + w * u, y + math.sin(u * math.pi * 2) * h * wave))
        for u in (u1, u0):
            pts.append((x + w * u, y + h + math.sin(u * math.pi * 2 + 0.6) * h * wave))
        pen.poly(pts, fill=c)
    pen.line([(x, y), (x, y + h)], C("#000000", 60), max(0.8, h * 0.04))


def hanging_flag(pen, x, y, w, h, sway=0.0, cols=("#2e4a8a", "#f2efe6", "#c2413a")):
    """Tricolour hanging vertically from a window sill (stripes side by side)."""
    for i, c in enumerate(cols):
        u0, u1 = i / 3, (i + 1) / 3
        pen.poly([(x + w * u0, y), (x + w * u1, y), (x + w * u1 + sway, y + h), (x + w * u0 + sway, y + h)], fill=c)
    pen.line([(x, y), (x + w, y)], C("#000000", 70), 1.2)


def bunting(pen, a, b, sag, n, size, cols, line="#5a5048"):
    pts = []
    for i in range(n + 1):
        t = i / n
        pts.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t)))
    pen.line(pts, line, 1.0)
    for i in range(n):
        p, q = pts[i], pts[i + 1]
        m = lerp(p, q, 0.5)
        pen.poly([lerp(p, q, 0.12), lerp(p, q, 0.88), (m[0], m[1] + size)], fill=cols[i % len(cols)])


def tank(pen, x, base, s, body, light, dark, facing=1, flowers=None, pennant=None, rng=None, crew=None):
    """Side view of a WWII medium tank (Sherman / Cromwell-like), hatch open.
    x = centre, base = ground line, s = scale (1.0 is about 300 px long).
    No markings.  The gun is kept short and raised, garlanded with flowers."""
    f = facing

    def P(px, py):
        return (x + px * s * f, base - py * s)

    def poly(pts, col):
        pen.poly([P(*p) for p in pts], fill=col)

    # tracks and road wheels
    poly([(-150, 8), (-160, 34), (-140, 50), (140, 50), (162, 34), (150, 8), (130, 0), (-130, 0)], shade(dark, 0.9))
    for k in range(6):
        wx = -110 + k * 44
        cx, cy = P(wx, 22)
        r = 19 * s
        pen.circle(cx, cy, r, fill=shade(dark, 1.35))
        pen.circle(cx, cy, r * 0.45, fill=shade(dark, 0.9))
    for wx in (-148, 150):
        cx, cy = P(wx, 30)
        pen.circle(cx, cy, 13 * s, fill=shade(dark, 1.2))
    for k in range(30):                                    # track links on the top run
        tx = -140 + k * 9.6
        a, b = P(tx, 50), P(tx, 45)
        pen.line([a, b], shade(dark, 0.7), max(0.8, 1.4 * s))
    # hull with sloped front, track guards
    poly([(-165, 50), (-165, 92), (95, 96), (170, 62), (170, 50)], body)
    poly([(-168, 50), (172, 50), (172, 58), (-168, 58)], shade(body, 0.85))
    poly([(95, 96), (170, 62), (160, 58), (92, 88)], light)
    pen.line([P(-160, 84), P(90, 87)], C(shade(body, 0.75), 200), max(1, 1.4 * s))
    # turret
    poly([(-70, 96), (-64, 138), (-30, 150), (46, 150), (62, 134), (66, 96)], body)
    poly([(-64, 138), (-30, 150), (46, 150), (40, 142), (-28, 142)], light)
    # gun mantlet and short barrel, raised a little
    poly([(62, 112), (84, 112), (84, 132), (62, 134)], shade(body, 0.9))
    bx0, by0 = 84, 122
    ang = math.radians(6)
    L = 120
    bx1, by1 = bx0 + L * math.cos(ang), by0 + L * math.sin(ang)
    pen.line([P(bx0, by0), P(bx1, by1)], shade(body, 0.8), 9 * s)
    # open hatch lid standing up on the turret roof
    poly([(-24, 150), (-20, 150), (-30, 186), (-36, 184)], shade(body, 0.7))
    poly([(-26, 150), (10, 150), (10, 154), (-26, 154)], shade(dark, 0.8))
    if crew:
        # a crewman standing in the hatch, waving
        hx, hy = P(-6, 150)
        figure(pen, hx, hy + 4 * s, 58 * s, crew[0], "wave", head_col=crew[1], hat=crew[2] if len(crew) > 2 else None,
               facing=-f)
    # stowage on the hull: a box and a rolled tarpaulin
    poly([(-150, 96), (-150, 108), (-100, 108), (-100, 93)], shade(body, 1.08))
    pts = [P(-140, 92), P(-96, 93)]
    pen.line(pts, shade(light, 0.9), 10 * s)
    if pennant:
        ax, ay = P(-52, 146)
        tx, ty = P(-60, 240)
        pen.line([(ax, ay), (tx, ty)], "#3a3a3a", max(1, 1.1 * s))
        pw = 56 * s
        pen.poly([(tx, ty), (tx - pw * f, ty + 8 * s), (tx - pw * f * 0.85, ty + 12 * s), (tx, ty + 12 * s)],
                 fill=pennant[0])
        pen.poly([(tx, ty + 12 * s), (tx - pw * f * 0.85, ty + 12 * s), (tx - pw * f, ty + 16 * s), (tx, ty + 24 * s)],
                 fill=pennant[1])
    if flowers and rng:
        spots = [(-160 + k * 16, 94 + rng.uniform(0, 6)) for k in range(16)] + \
                [(-60 + k * 12, 152 + rng.uniform(-2, 3)) for k in range(8)] + \
                [(bx0 + (bx1 - bx0) * t, by0 + (by1 - by0) * t + 4) for t in (0.15, 0.35, 0.55, 0.75, 0.95)] + \
                [(100 + k * 11, 92 - k * 4.5) for k in range(6)]
        for sx, sy in spots:
            cx, cy = P(sx, sy)
            pen.circle(cx, cy, 5.5 * s, fill="#5d7a44")
            for j in range(2):
                ox, oy = rng.uniform(-5, 5) * s, rng.uniform(-5, 2) * s
                pen.circle(cx + ox, cy + oy, rng.uniform(2.6, 4.0) * s, fill=rng.choice(flowers))


def tank_cols(body, light, dark):
    """The flat colours a tank is painted with (kept in the final palette)."""
    return tuple(C(c) for c in (body, light, shade(body, 0.85), shade(body, 0.8), shade(dark, 0.9), shade(dark, 1.35),
                                shade(dark, 1.2), shade(dark, 0.7), "#5d7a44"))


def lorry(pen, x, base, s, cab, canvas, dark, facing=1):
    """1940s covered lorry, side view, empty, nobody aboard."""
    f = facing

    def P(px, py):
        return (x + px * s * f, base - py * s)

    def poly(pts, col):
        pen.poly([P(*p) for p in pts], fill=col)

    poly([(-120, 22), (-120, 34), (110, 34), (110, 22)], dark)                  # chassis
    poly([(-122, 34), (-122, 110), (-110, 116), (30, 116), (40, 110), (40, 34)], canvas)
    for k in range(1, 4):
        xx = -122 + k * 40
        pen.line([P(xx, 36), P(xx, 114)], shade(canvas, 0.8), max(1, 1.6 * s))
    poly([(-124, 34), (42, 34), (42, 42), (-124, 42)], shade(cab, 0.8))         # tailboard / side
    poly([(46, 34), (46, 92), (58, 100), (86, 100), (96, 70), (118, 66), (122, 34)], cab)
    poly([(60, 92), (84, 92), (90, 70), (60, 70)], shade(dark, 1.4))            # window
    poly([(98, 64), (118, 62), (122, 42), (98, 42)], shade(cab, 1.12))          # bonnet
    for wx in (-80, -44, 90):
        cx, cy = P(wx, 20)
        pen.circle(cx, cy, 20 * s, fill=dark)
        pen.circle(cx, cy, 8 * s, fill=shade(dark, 1.8))
        pen.chord((cx - 26 * s, cy - 26 * s, cx + 26 * s, cy + 26 * s), 180, 360, outline=shade(cab, 0.7),
                  width=3 * s)


def wagon_side(pen, x0, base, w, h, body, roof, dark, light, door=True):
    """Closed goods wagon (cattle wagon) seen side-on; x0 = left end."""
    x1 = x0 + w
    pen.rect(x0 + w * 0.08, base - h * 0.2, x1 - w * 0.08, base - h * 0.12, fill=dark)         # underframe
    for wx in (x0 + w * 0.2, x1 - w * 0.2):
        pen.circle(wx, base - h * 0.1, h * 0.1, fill=dark)
        pen.circle(wx, base - h * 0.1, h * 0.04, fill=light)
    pen.rect(x0, base - h * 0.92, x1, base - h * 0.2, fill=body)
    for k in range(1, 12):
        yy = base - h * 0.2 - (h * 0.72) * k / 12
        pen.line([(x0, yy), (x1, yy)], C(shade(body, 0.75), 150), 0.8)
    for xx in (x0 + 2, x0 + w * 0.25, x1 - w * 0.25, x1 - 2):
        pen.rect(xx - 2, base - h * 0.92, xx + 2, base - h * 0.2, fill=shade(body, 0.72))
    if door:
        dx0, dx1 = x0 + w * 0.38, x0 + w * 0.62
        pen.rect(dx0, base - h * 0.86, dx1, base - h * 0.22, fill=shade(body, 0.88))
        pen.line([(dx0, base - h * 0.86), (dx1, base - h * 0.22)], shade(body, 0.65), 2)
        pen.line([(dx1, base - h * 0.86), (dx0, base - h * 0.22)], shade(body, 0.65), 2)
        pen.rect(x0 + w * 0.3, base - h * 0.9, x1 - w * 0.3, base - h * 0.87, fill=dark)
        pen.rect(x0 + w * 0.12, base - h * 0.8, x0 + w * 0.2, base - h * 0.72, fill=dark)    # small vent
    pen.chord((x0 - 2, base - h * 1.02, x1 + 2, base - h * 0.86), 180, 360, fill=roof)
    pen.rect(x0 - 2, base - h * 0.94, x1 + 2, base - h * 0.91, fill=roof)
    for bx in (x0 - 5, x1 + 1):
        pen.rect(bx, base - h * 0.3, bx + 4, base - h * 0.24, fill=dark)


def barbed_fence(pen, x0, y0, x1, y1, h, col, posts=20):
    for i in range(posts + 1):
        t = i / posts
        x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        pen.line([(x, y), (x, y - h)], col, max(1.0, h * 0.06))
        pen.line([(x, y - h), (x - h * 0.12, y - h * 1.12)], col, max(0.8, h * 0.04))
    for k in range(4):
        f = 0.2 + k * 0.26
        pen.line([(x0, y0 - h * f), (x1, y1 - h * f)], C(col, 200), 0.8)
    for i in range(posts * 6):                      # barbs
        t = i / (posts * 6)
        k = i % 4
        f = 0.2 + k * 0.26
        x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t - h * f
        pen.line([(x - 1.2, y - 1.2), (x + 1.2, y + 1.2)], col, 0.7)


def watchtower(pen, x, base, h, col, roof, light):
    legw = h * 0.2
    top = base - h * 0.72
    for dx in (-legw, legw):
        pen.line([(x + dx * 1.25, base), (x + dx, top)], col, max(1.2, h * 0.035))
    for k in range(3):
        ya = base - h * 0.72 * k / 3
        yb = base - h * 0.72 * (k + 1) / 3
        pen.line([(x - legw * 1.2, ya), (x + legw * 1.1, yb)], col, max(0.8, h * 0.02))
        pen.line([(x + legw * 1.2, ya), (x - legw * 1.1, yb)], col, max(0.8, h * 0.02))
    pen.rect(x - legw * 1.35, top - h * 0.02, x + legw * 1.35, top + h * 0.03, fill=col)
    pen.rect(x - legw * 1.2, top - h * 0.17, x + legw * 1.2, top, fill=col)
    pen.rect(x - legw * 0.95, top - h * 0.15, x + legw * 0.95, top - h * 0.08, fill=light)
    pen.poly([(x - legw * 1.55, top - h * 0.16), (x, top - h * 0.3), (x + legw * 1.55, top - h * 0.16)], fill=roof)


def tipper(pen, x, base, s, col, dark):
    """Narrow-gauge V-shaped tipping wagon (Decauville)."""
    pen.rect(x - 16 * s, base - 9 * s, x + 16 * s, base - 6 * s, fill=dark)
    for wx in (x - 10 * s, x + 10 * s):
        pen.circle(wx, base - 4 * s, 4 * s, fill=dark)
    pen.poly([(x - 19 * s, base - 24 * s), (x + 19 * s, base - 24 * s), (x + 8 * s, base - 9 * s),
              (x - 8 * s, base - 9 * s)], fill=col)
    pen.line([(x - 19 * s, base - 24 * s), (x + 19 * s, base - 24 * s)], shade(col, 1.25), max(1, 1.4 * s))
    pen.line([(x, base - 22 * s), (x, base - 11 * s)], shade(col, 0.8), max(0.8, 1.2 * s))


def dome_shape(cx, base, rx, ry, n=48):
    return arc_pts(cx, base, rx, ry, 180, 360, n)


def wreath(pen, rng, cx, cy, r, leaf, leaf2, flowers, ribbon=("#2e4a8a", "#f2efe6", "#c2413a")):
    for side, col in zip((-1, 0, 1), ribbon):
        pen.poly([(cx + side * r * 0.22 - r * 0.1, cy + r * 0.7), (cx + side * r * 0.22 + r * 0.1, cy + r * 0.7),
                  (cx + side * r * 0.5 + r * 0.08, cy + r * 1.7), (cx + side * r * 0.5 - r * 0.1, cy + r * 1.6)],
                 fill=col)
    for k in range(26):
        a = k / 26 * math.tau
        pen.circle(cx + math.cos(a) * r * 0.78, cy + math.sin(a) * r * 0.78, r * 0.3, fill=leaf if k % 2 else leaf2)
    for k in range(10):
        a = k / 10 * math.tau + 0.3
        pen.circle(cx + math.cos(a) * r * 0.8, cy + math.sin(a) * r * 0.8, r * 0.14, fill=rng.choice(flowers))
    pen.rect(cx - r * 0.3, cy + r * 0.62, cx + r * 0.3, cy + r * 0.85, fill=ribbon[2])


# ==========================================================================
# Chapter 3, scene 1: the building site of the Coupole at Helfaut, 1943-44
# ==========================================================================

def cliff(pen, rng, top_pts, bottom_y, cols, strata, grass=None, facet=(30, 90), flint=True):
    """A faceted chalk wall: vertical facets of slightly different whites
    below a jagged top line, faint strata, a grass fringe along the top.
    top_pts: polyline of the top edge (left to right); bottom_y(x) -> y."""
    x0, x1 = top_pts[0][0], top_pts[-1][0]

    def top_y(x):
        for (xa, ya), (xb, yb) in zip(top_pts, top_pts[1:]):
            if xa <= x <= xb:
                return ya + (yb - ya) * (x - xa) / max(1e-6, xb - xa)
        return top_pts[-1][1]

    outline = list(top_pts) + [(x1, bottom_y(x1)), (x0, bottom_y(x0))]
    pen.poly(outline, fill=cols[0])
    with clip_to(pen, outline) as cp:
        x = x0
        while x < x1:
            w = rng.uniform(*facet)
            xa, xb = x, min(x1, x + w)
            lean = rng.uniform(-10, 10)
            col = rng.choice(cols)
            ta, tb = top_y(xa) + rng.uniform(0, 10), top_y(xb) + rng.uniform(0, 10)
            cp.poly([(xa, ta), (xb, tb), (xb + lean, bottom_y(xb) + 2), (xa + lean, bottom_y(xa) + 2)], fill=col)
            if rng.random() < 0.55:                                     # crevice in shadow
                cw = rng.uniform(3, 9)
                cp.poly([(xb - cw, tb + rng.uniform(10, 40)), (xb, tb), (xb + lean, bottom_y(xb) + 2),
                         (xb + lean - cw * 0.4, bottom_y(xb) + 2)], fill=C(shade(cols[-1], 0.85), 200))
            x = xb
        ys = [p[1] for p in top_pts]
        y = min(ys) + 12
        while y < max(bottom_y(x0), bottom_y(x1)):
            cp.line([(x0 - 10, y + rng.uniform(-2, 2)), (x1 + 10, y + rng.uniform(-2, 2))], C(strata, 90),
                    rng.uniform(0.8, 1.6))
            y += rng.uniform(12, 22)
        if flint:
            for _ in range(2):
                yy = rng.uniform(min(ys) + 30, max(ys) + 80)
                x = x0
                while x < x1:
                    cp.ellipse(x, yy, x + rng.uniform(3, 5), yy + rng.uniform(1.8, 3), fill=C("#6d6e70", 90))
                    x += rng.uniform(14, 40)
                    yy += rng.uniform(-1, 1)
    if grass:
        pen.line(top_pts, grass, 5)
        for k in range(int((x1 - x0) / 18)):
            gx = rng.uniform(x0, x1)
            gy = top_y(gx)
            r = rng.uniform(3, 7)
            pen.ellipse(gx - r * 1.8, gy - r * 0.8, gx + r * 1.8, gy + r * 0.5, fill=grass)
            if rng.random() < 0.3:                                      # ivy trailing down the face
                pen.line([(gx, gy), (gx + rng.uniform(-3, 3), gy + rng.uniform(8, 22))], C(grass, 150), 1.6)


def half_built_dome(pen, rng, cx, base, rx, ry, concrete, light, dark, timber, steel):
    outline = dome_shape(cx, base, rx, ry) + [(cx + rx, base + 2), (cx - rx, base + 2)]
    # the full shape first as formwork: timber ribs over a pale shadow
    pen.poly(outline, fill=mix(timber, "#b7b9b4", 0.55))
    with clip_to(pen, outline) as cp:
        for k in range(1, 18):
            a = 180 + k * 10
            cp.line([(cx, base), (cx + math.cos(math.radians(a)) * rx * 1.1,
                    base + math.sin(math.radians(a)) * ry * 1.1)],
                    C(shade(timber, 0.8), 200), 2.2)
        for k in range(1, 8):
            f = k / 8
            cp.line(arc_pts(cx, base, rx * f, ry * f, 180, 360, 30), C(timber, 180), 1.4)
    # the poured concrete: the lower rings all round, the left half up to the crown
    steps = [(cx + 30, base - ry - 6), (cx + 30, base - ry * 0.86), (cx + 78, base - ry * 0.86),
             (cx + 78, base - ry * 0.66), (cx + 130, base - ry * 0.66), (cx + 130, base - ry * 0.42),
             (cx + rx + 6, base - ry * 0.42)]
    region = [(cx - rx - 6, base + 3), (cx - rx - 6, base - ry - 6)] + steps + [(cx + rx + 6, base + 3)]
    with clip_to(pen, outline) as cp:
        cp.poly(region, fill=concrete)
        # light from the upper left, shade on the right and at the foot
        glaze(cp, arc_pts(cx - rx * 0.35, base - ry * 0.75, rx * 0.55, ry * 0.45, 0, 360, 24), light, 150, 26)
        glaze(cp, [(cx + rx * 0.25, base + 4), (cx + rx * 0.45, base - ry), (cx + rx + 4, base - ry),
                   (cx + rx + 4, base + 4)], dark, 110, 24)
        glaze(cp, [(cx - rx, base - ry * 0.22), (cx + rx, base - ry * 0.22), (cx + rx, base + 4), (cx - rx, base + 4)],
              dark, 80, 8)
        for k in (0.3, 0.55, 0.78):                   # the lifts of concrete, following the curve
            yy = base - ry * k
            half = rx * math.sqrt(1 - k * k)
            cp.line(bezier((cx - half, yy), (cx - half * 0.4, yy - 4), (cx + half * 0.4, yy - 4), (cx + half, yy), 12),
                    C(shade(concrete, 0.8), 140), 1.4)
    # reinforcing bars sticking out of the unfinished edges
    for (sx, sy), (ex, ey) in zip(steps[1::2], steps[2::2]):
        for k in range(7):
            t = (k + 0.5) / 7
            bx = sx + (ex - sx) * t
            pen.line([(bx, sy), (bx + 2, sy - 10)], steel, 1.0)
    for k in range(6):
        pen.line([(cx + 31, base - ry * 0.86 - k * 5), (cx + 40, base - ry * 0.86 - k * 5 - 3)], steel, 1.0)
    # scaffolding over the unfinished side
    sc = shade(timber, 0.65)
    for k in range(9):
        xx = cx + 40 + k * (rx - 40) / 8.5
        top = base - ry * math.sqrt(max(0.0, 1 - ((xx - cx) / rx) ** 2)) - 14
        pen.line([(xx, base), (xx, top)], sc, 1.6)
    for yy in range(int(base - 10), int(base - ry - 10), -16):
        w2 = rx * math.sqrt(max(0.0, 1 - ((base - yy + 14) / ry) ** 2)) if base - yy + 14 < ry else 0
        if w2 > 40:
            pen.line([(cx + 40, yy), (cx + w2, yy)], sc, 1.2)
    for k in range(8):
        xa = cx + 40 + k * (rx - 40) / 8.5
        pen.line([(xa, base - 4), (xa + (rx - 40) / 8.5, base - 40)], C(sc, 180), 0.9)
    pen.line(arc_pts(cx, base, rx, ry, 180, 360, 48), shade(concrete, 0.75), 1.4)


def scene_coupole_chantier(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#6f7a84"), (0.3, "#98a0a4"), (0.5, "#bfc3bf"), (1.0, "#c9cbc4")])
    for cx, cy, w, h, c, a in [(300, 70, 800, 50, "#7d878e", 210), (980, 110, 760, 46, "#858e94", 200),
                               (620, 190, 900, 30, "#a6acab", 180), (200, 230, 500, 20, "#b4b8b4", 160)]:
        stratus(pen, rng, cx, cy, w, h, c, a, 8)
    # far country to the right, beyond the plateau
    pen.poly([(900, 300)] + bezier((900, 300), (1000, 276), (1150, 270), (1290, 280), 12)[1:] + [(1290, 320),
            (900, 320)],
             fill="#a3aaa3")
    # the plateau of Helfaut above the quarry
    plateau = "#7f8b72"
    pen.poly([(-10, 250), (320, 292), (1290, 292), (1290, 330), (-10, 330)], fill=plateau)
    tree_mass(pen, rng, 1140, 1290, 292, 20, 40, ["#6d7a64", "#74816a"], 12, 20)
    # fence and watchtower on the rim, seen against the sky
    barbed_fence(pen, 20, 262, 330, 296, 16, "#4c4e4c", 16)
    watchtower(pen, 120, 270, 96, "#4a4644", "#3c3a3a", "#9ea29c")
    # site huts, cement silo, and the cranes around the dome
    for hx, hw, hh in ((1050, 70, 20), (1130, 50, 16), (360, 60, 18)):
        pen.rect(hx, 292 - hh, hx + hw, 294, fill="#8b8e88")
        pen.poly([(hx - 3, 292 - hh), (hx + hw / 2, 292 - hh - 8), (hx + hw + 3, 292 - hh)], fill="#6e716c")
    pen.rect(440, 236, 462, 292, fill="#9a9c96")
    pen.poly([(440, 236), (451, 224), (462, 236)], fill="#8a8c86")
    pen.line([(451, 260), (520, 200)], "#6a6c68", 1.4)
    crane(pen, 470, 294, 180, 30, 90, "#5d605e", 1.6)
    crane(pen, 1050, 294, 200, 40, 80, "#5d605e", 1.6)
    half_built_dome(pen, rng, 760, 296, 250, 142, "#8f918b", "#c4c5be", "#62645f", "#a8875c", "#4a4642")
    for hx in (520, 580, 640, 960, 1000):                                # tiny workers on the dome site
        figure(pen, hx + rng.uniform(-8, 8), 296, 11, "#4e5052", rng.choice(["carry", "walk"]),
                facing=rng.choice((-1, 1)))
    glaze(pen, [(0, 200), (W, 200), (W, 300), (0, 300)], "#c3c6c0", 25, 10)

    # the quarry walls: left wall facing the light, back wall under the dome, right wall in shade
    strata = "#b3b1a8"
    back_top = [(300, 296)] + [(300 + k * 41, 296 + rng.uniform(0, 8)) for k in range(1, 20)] + [(1120, 296)]
    cliff(pen, rng, back_top, lambda x: 470, ["#dcd9cf", "#d3d0c5", "#e3e0d6", "#c8c5bb"], strata, "#6f7b62")
    left_top = [(-10, 246)] + [(-10 + k * 31, 246 + k * 4.6 + rng.uniform(-4, 4)) for k in range(1, 10)] + [(300, 292)]
    cliff(pen, rng, left_top, lambda x: 566 - (x + 10) * 94 / 310, ["#ebe8de", "#e2dfd4", "#f0ede4", "#d8d5ca"],
          strata, "#6f7b62", facet=(40, 80))
    right_top = [(1120, 292)] + [(1120 + k * 34, 292 - k * 6 + rng.uniform(-4, 4)) for k in range(1, 5)] + [(1290, 262)]
    cliff(pen, rng, right_top, lambda x: 470 + (x - 1120) * 80 / 170, ["#c4c1b7", "#bcb9af", "#cac7bd"],
          strata, "#66725a", facet=(30, 60))
    glaze(pen, [(300, 292), (370, 292), (340, 472), (300, 472)], "#8a8880", 90, 14)
    # scree cones at the foot of the walls
    for sx, sw, sh in ((120, 200, 40), (420, 120, 22), (1000, 150, 26), (1200, 160, 36)):
        pen.chord((sx - sw / 2, 470 - sh + (70 if sx < 300 else 0), sx + sw / 2, 470 + sh + (70 if sx < 300 else 0)),
                  180, 360, fill="#c9c5b8")
    # tunnel mouths at the foot of the back wall, with concrete portals
    for tx in (560, 850):
        pen.rect(tx - 52, 392, tx + 52, 472, fill="#a4a59e")
        pen.rect(tx - 52, 392, tx + 52, 400, fill="#b8b9b2")
        pen.chord((tx - 36, 404, tx + 36, 470), 180, 360, fill="#2e2f33")
        pen.rect(tx - 36, 437, tx + 36, 472, fill="#2e2f33")
    # quarry floor
    floor = "#d2cdbf"
    pen.poly([(-10, 566), (300, 470), (1120, 470), (1290, 550), (1290, 730), (-10, 730)], fill=floor)
    haze_band(pen, 470, 720, "#a8a292", 0.0, 0.5)
    # narrow-gauge tracks running out of the tunnels
    for tx, end in ((560, (-10, 640)), (850, (700, 730))):
        for off in (-8, 8):
            pts = bezier((tx + off * 0.6, 470), (tx + off * 0.8, 520), (end[0] + 200 + off * 2, end[1] - 60),
                         (end[0] + off * 3, end[1]), 20)
            pen.line(pts, "#6e6a62", 2.0)
        for k in range(1, 14):
            t = k / 14
            a = bezier((tx - 5, 470), (tx - 6, 520), (end[0] + 184, end[1] - 60), (end[0] - 24, end[1]), 14)[k]
            b = bezier((tx + 5, 470), (tx + 6, 520), (end[0] + 216, end[1] - 60), (end[0] + 24, end[1]), 14)[k]
            pen.line([a, b], C("#6a5e50", 160), 1.2 + 2.0 * t)
    # tipping wagons loaded with chalk and a little locomotive
    path = bezier((556, 470), (555, 520), (190, 580), (-10, 640), 30)
    for i, k in enumerate((6, 9, 12, 15, 18)):
        x, y = path[k]
        sc = 0.9 + k * 0.05
        tipper(pen, x, y, sc, "#6b6258", "#3c3936")
        pen.chord((x - 17 * sc, y - 34 * sc, x + 17 * sc, y - 16 * sc), 180, 360, fill="#efece3")
    lx, ly = path[22]
    pen.rect(lx - 30, ly - 36, lx + 20, ly - 8, fill="#4f5a52")
    pen.rect(lx + 2, ly - 50, lx + 22, ly - 20, fill="#45504a")
    pen.rect(lx + 6, ly - 46, lx + 18, ly - 36, fill="#a9b0aa")
    pen.rect(lx - 26, ly - 44, lx - 20, ly - 36, fill="#3a3a3a")
    for wx in (lx - 20, lx + 8):
        pen.circle(wx, ly - 6, 7, fill="#2e2e30")
    # workers, small and far, carrying sacks and planks
    for wx, wy, h, pose, fc in ((420, 500, 26, "carry", 1), (446, 506, 27, "carry", 1), (470, 512, 27, "walk", 1),
                                (700, 492, 24, "carry", -1), (724, 496, 25, "carry", -1), (760, 500, 25, "walk", -1),
                                (980, 486, 22, "carry", 1), (1004, 490, 23, "stand", 1), (330, 540, 30, "carry", -1),
                                (640, 482, 22, "walk", 1)):
        figure(pen, wx, wy, h, "#56575a", pose, facing=fc, load="#bdb6a4")
    # stacked timber and cement sacks on the right
    for k in range(6):
        pen.rect(1010, 520 - k * 6, 1160, 526 - k * 6, fill=jitter(rng, "#a88a62", 10))
        pen.line([(1012, 520 - k * 6), (1158, 520 - k * 6)], "#7a6044", 1)
        pen.rect(1008, 520 - k * 6, 1014, 526 - k * 6, fill="#d8c29a")
    for k in range(5):
        for j in range(4 - k % 2):
            pen.rrect(1180 + j * 20 + (k % 2) * 10, 528 - k * 8, 1198 + j * 20 + (k % 2) * 10, 536 - k * 8, 3,
                      fill=jitter(rng, "#c4bca8", 8))
    # calm foreground: trodden chalk mud, ruts and puddles
    for k in range(5):
        y = 600 + k * 26
        pen.line([(-10, y + 10), (1290, y - 12 + rng.uniform(-4, 4))], C("#b2ab9b", 90), 2 + k)
    for cx, cy, rx_, ry_ in ((300, 660, 110, 14), (880, 640, 80, 10), (1130, 690, 130, 16)):
        pen.ellipse(cx - rx_ - 4, cy - ry_ - 3, cx + rx_ + 4, cy + ry_ + 3, fill="#a39b8b")
        pen.ellipse(cx - rx_, cy - ry_, cx + rx_, cy + ry_, fill="#aab0b0")
        pen.line([(cx - rx_ * 0.5, cy - 2), (cx + rx_ * 0.3, cy - 2)], C("#e4e6e2", 160), 1.4)
    glaze(pen, [(0, 560), (W, 560), (W, H), (0, H)], "#8a8678", 40, 20)
    return finish(img, rng, vignette=0.25)


# ==========================================================================
# Chapter 3, scene 2: the blockhaus of Eperlecques in its forest, 1943
# ==========================================================================

def scene_eperlecques(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#6b747b"), (0.35, "#8f979a"), (0.6, "#b3b7b2"), (1.0, "#c1c3bb")])
    for cx, cy, w, h, c, a in [(250, 60, 800, 48, "#7a8389", 220), (950, 90, 800, 50, "#7f888d", 210),
                               (600, 200, 1000, 30, "#9da3a4", 180), (1100, 260, 500, 22, "#a9aeac", 160),
                               (150, 280, 400, 18, "#adb1ae", 150)]:
        stratus(pen, rng, cx, cy, w, h, c, a, 8)
    # far forest
    tree_mass(pen, rng, -20, 1300, 430, 70, 120, ["#78827a", "#737d74", "#7d867c"], 20, 36)
    for k in range(22):
        x = rng.uniform(0, W)
        pine(pen, x, 430, rng.uniform(90, 150), rng.uniform(30, 44), "#6c766d")
    glaze(pen, [(0, 280), (W, 280), (W, 440), (0, 440)], "#b8bcb6", 70, 10)
    # the forest closing round the clearing, behind the bunker
    for k in range(26):
        x = rng.choice([rng.uniform(-20, 300), rng.uniform(960, 1300)])
        pine(pen, x, 452, rng.uniform(200, 300), rng.uniform(50, 70), "#5f6a60", "#6a756a")
    tree_mass(pen, rng, -20, 300, 452, 110, 170, ["#66715f", "#6b7664"], 26, 40)
    tree_mass(pen, rng, 960, 1300, 452, 110, 180, ["#63705e", "#697462"], 26, 40)
    glaze(pen, [(0, 150), (W, 150), (W, 452), (0, 452)], "#aeb3ae", 50, 10)

    # the blockhaus: a huge block of raw concrete, its roof slab bitten by a bomb
    front_c, side_c, top_c = "#8b8c86", "#6a6c68", "#a2a39d"
    x0, x1, top, base = 250, 830, 66, 446
    sx1, stop, sbase = 1010, 116, 432
    # a lower wing on the left, stepped like the real building
    pen.rect(110, 250, x0, base, fill=shade(front_c, 0.95))
    pen.rect(104, 244, x0, 262, fill=top_c)
    with clip_to(pen, [(110, 262), (x0, 262), (x0, base), (110, base)]) as cp:
        for yy in range(270, base, 8):
            cp.line([(110, yy), (x0, yy)], C(shade(front_c, 0.82), 110), 1.0)
        cp.rect(150, 330, 210, base, fill="#3a3b3d")
    side = [(x1, top), (sx1, stop), (sx1, sbase), (x1, base)]
    pen.poly(side, fill=side_c)
    bite = [(570, top), (584, 86), (602, 80), (620, 102), (642, 88), (664, 96), (680, top)]
    front = [(x0, top)] + bite + [(x1, top), (x1, base), (x0, base)]
    pen.poly(front, fill=front_c)
    with clip_to(pen, front) as cp:
        y = top + 40
        while y < base:                                   # formwork planks
            cp.line([(x0, y), (x1, y)], C(shade(front_c, 0.86), 110), 1.0)
            y += 8
        for k in range(40):
            xx = x0 + rng.uniform(0, x1 - x0)
            yy = top + 40 + 8 * rng.randint(0, 40)
            cp.line([(xx, yy), (xx, yy + 8)], C(shade(front_c, 0.85), 100), 1.0)
        cp.rect(x0, top, x1, top + 36, fill=top_c)           # the thick roof slab
        cp.rect(x0, top + 36, x1, top + 42, fill=shade(front_c, 0.7))
        for px in (360, 470, 760):                           # shallow pilasters
            cp.rect(px, top + 42, px + 26, base, fill=shade(front_c, 1.06))
            cp.rect(px + 22, top + 42, px + 26, base, fill=shade(front_c, 0.8))
        for _ in range(26):                                  # rain streaks
            xx = rng.uniform(x0, x1)
            ln = rng.uniform(40, 200)
            cp.line([(xx, top + 40), (xx + rng.uniform(-2, 2), top + 40 + ln)], C("#4a4c4a", 45), rng.uniform(2, 7))
        glaze(cp, [(x0, top), (x0 + 200, top), (x0 + 120, base), (x0, base)], "#c9cac4", 50, 40)
    with clip_to(pen, side) as cp:
        for k in range(1, 44):
            t = k / 44
            cp.line([(x1, top + (base - top) * t), (sx1, stop + (sbase - stop) * t)], C(shade(side_c, 0.86), 110), 1.0)
        cp.poly([(x1, top), (sx1, stop), (sx1, stop + 34), (x1, top + 36)], fill=shade(side_c, 1.12))
        for _ in range(12):
            xx = rng.uniform(x1, sx1)
            cp.line([(xx, stop + 30), (xx, stop + 30 + rng.uniform(60, 200))], C("#3e403e", 50), rng.uniform(2, 6))
    # rebar at the bomb bite
    for k in range(10):
        bx = 580 + k * 10
        by = 84 + rng.uniform(0, 14)
        pen.line([(bx, by), (bx + rng.uniform(-6, 6), by - rng.uniform(8, 20))], "#4a4440", 1.2)
    # the tall entrance for the trains, and small openings high up
    pen.rect(510, 236, 590, base, fill="#2f3032")
    pen.rect(504, 230, 596, 238, fill=shade(front_c, 0.8))
    for ox in (300, 400, 690, 780):
        pen.rect(ox, 150, ox + 18, 166, fill="#3a3b3d")
    for ox in (880, 940):
        pen.poly([(ox, 210 + (ox - x1) * 0.27), (ox + 14, 210 + (ox + 14 - x1) * 0.27),
                  (ox + 14, 228 + (ox + 14 - x1) * 0.27), (ox, 228 + (ox - x1) * 0.27)], fill="#2e2f31")
    # rubble banks at its foot
    for rx0, rw, rh in ((230, 160, 24), (620, 120, 16), (800, 200, 28)):
        pen.chord((rx0, base - rh, rx0 + rw, base + rh), 180, 360, fill="#7e766a")
        for _ in range(8):
            bx = rng.uniform(rx0 + 10, rx0 + rw - 10)
            pen.rect(bx, base - rng.uniform(4, rh * 0.7), bx + rng.uniform(6, 14), base, fill=jitter(rng,
                    "#8e8e88", 10))

    # nearer woods on both sides, hiding the corners
    for x, h, w in ((20, 250, 60), (70, 210, 54), (1060, 200, 56), (1130, 240, 60),
                    (1200, 260, 64), (1270, 220, 60)):
        pine(pen, x, 454, h, w, "#4f5b50", "#5e6a5e")
    tree_mass(pen, rng, -20, 100, 456, 80, 120, ["#58644f", "#5e6a55"], 22, 34)
    tree_mass(pen, rng, 1030, 1300, 456, 80, 130, ["#56624e", "#5c6853"], 22, 36)

    # the clearing: torn earth, craters, a rail line out of the bunker
    ground = "#7c7264"
    pen.poly([(-10, 448), (1290, 440), (1290, 730), (-10, 730)], fill=ground)
    for k in range(24):
        gx = rng.uniform(0, W)
        gy = rng.uniform(460, 700)
        pen.ellipse(gx - rng.uniform(30, 90), gy - 5, gx + rng.uniform(30, 90), gy + 5,
                    fill=C(rng.choice(["#6f7a5a", "#867a66", "#73695c"]), 150))
    for off in (-10, 10):
        pen.line(bezier((550 + off * 0.9, 446), (552 + off, 520), (420 + off * 3, 640), (300 + off * 5, 730), 20),
                 "#4e4a46", 2.4)
    craters = [(330, 488, 70, 12), (760, 478, 54, 10), (1000, 520, 100, 18), (150, 532, 80, 15),
               (640, 560, 110, 20)]
    for i, (cx, cy, rx_, ry_) in enumerate(craters):
        crater(pen, cx, cy, rx_, ry_, ground, "#938872", "#4f473e", water="#8c9496" if i in (2, 4) else None, rng=rng)
    # broken trees
    broken_tree(pen, 40, 600, 330, 32, "#4a423c", lean=0.04)
    broken_tree(pen, 1230, 610, 290, 30, "#463f3a", lean=-0.08)
    broken_tree(pen, 900, 486, 130, 13, "#5a5048", lean=0.1)
    broken_tree(pen, 440, 470, 100, 11, "#5a5048", lean=-0.12)
    pen.poly([(1040, 600), (1180, 586), (1182, 596), (1044, 610)], fill="#4e4640")           # fallen trunk
    pen.circle(1181, 591, 6, fill="#a08a6a")
    glaze(pen, [(0, 600), (W, 600), (W, H), (0, H)], "#4a4038", 55, 24)
    return finish(img, rng, vignette=0.28)


# ==========================================================================
# Chapter 3, scene 3: RAF Medmenham, the photographic interpretation room, 1943
# ==========================================================================

def aerial_photo(pen, rng, q, ski=False):
    """A black-and-white aerial print: white border, patchwork of fields,
    a road, a wood, and -- on some -- the little 'ski' shapes of a V-1 site."""
    pen.poly([(x + 3, y + 4) for x, y in q], fill=C("#3a2a20", 60))
    pen.poly(q, fill="#f3f1ea")
    inner = sub_quad(q, 0.06, 0.07, 0.94, 0.93)
    pen.poly(inner, fill="#8e8e8a")
    n_u, n_v = rng.randint(3, 5), rng.randint(2, 4)
    us = sorted([0, 1] + [rng.uniform(0.15, 0.85) for _ in range(n_u - 1)])
    vs = sorted([0, 1] + [rng.uniform(0.15, 0.85) for _ in range(n_v - 1)])
    for i in range(len(us) - 1):
        for j in range(len(vs) - 1):
            pen.poly(sub_quad(inner, us[i], vs[j], us[i + 1], vs[j + 1]),
                     fill=rng.choice(["#9c9c97", "#7e7e7a", "#b4b4ae", "#6a6a67", "#a6a6a0"]))
    pen.line([quad_pt(inner, 0, rng.uniform(0.2, 0.8)), quad_pt(inner, 1, rng.uniform(0.2, 0.8))], "#d8d8d2", 1.4)
    cx, cy = quad_pt(inner, rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8))
    for _ in range(10):                                # a wood: dark dots
        pen.circle(cx + rng.uniform(-14, 14), cy + rng.uniform(-6, 6), rng.uniform(1.5, 3), fill="#454543")
    if ski:
        sx, sy = quad_pt(inner, 0.62, 0.55)
        for k in range(3):
            ox = sx + k * 11 - 10
            oy = sy + (k % 2) * 6 - 3
            pen.line(bezier((ox, oy), (ox + 6, oy), (ox + 8, oy - 2), (ox + 9, oy - 6), 6), "#f4f4ee", 2.0)
        pen.rect(sx - 20, sy + 8, sx - 14, sy + 12, fill="#f0f0ea")


def desk_lamp(pen, bx, by, hx, hy, s, metal, shade_col, glows):
    """Angle-poise lamp: base at (bx, by), shade hanging at (hx, hy)."""
    ex, ey = bx + (hx - bx) * 0.3 - 40 * s, by - 150 * s          # elbow
    pen.ellipse(bx - 22 * s, by - 6 * s, bx + 22 * s, by + 6 * s, fill=shade(metal, 0.7))
    pen.rect(bx - 14 * s, by - 12 * s, bx + 14 * s, by, fill=metal)
    pen.line([(bx, by - 10 * s), (ex, ey)], metal, 4 * s)
    pen.line([(bx + 5 * s, by - 10 * s), (ex + 5 * s, ey + 2 * s)], shade(metal, 0.7), 1.4 * s)
    pen.line([(ex, ey), (hx, hy - 14 * s)], metal, 4 * s)
    pen.circle(ex, ey, 5 * s, fill=shade(metal, 0.7))
    pen.poly([(hx - 8 * s, hy - 22 * s), (hx + 8 * s, hy - 22 * s), (hx + 26 * s, hy + 14 * s), (hx - 26 * s,
            hy + 14 * s)],
             fill=shade_col)
    pen.poly([(hx - 8 * s, hy - 22 * s), (hx - 2 * s, hy - 22 * s), (hx - 14 * s, hy + 14 * s), (hx - 26 * s,
            hy + 14 * s)],
             fill=shade(shade_col, 1.25))
    pen.chord((hx - 26 * s, hy + 8 * s, hx + 26 * s, hy + 20 * s), 0, 180, fill="#fff3cf")
    glows.append((hx, hy + 14 * s, s))


def scene_medmenham(rng):
    img, pen = new_canvas()
    wall, wall_d = "#dcd6bd", "#b9b198"
    pen.rect(0, 0, W, H, fill=wall)
    glaze(pen, [(0, 0), (W, 0), (W, 470), (0, 470)], "#a59a7e", 40, 0)
    pen.rect(0, 0, W, 26, fill="#ebe6d2")                           # cornice
    pen.rect(0, 26, W, 32, fill=wall_d)
    pen.rect(0, 330, W, 338, fill="#8a6e50")                        # dado rail
    pen.rect(0, 338, W, 470, fill="#a08564")                        # panelling
    for x in range(20, W, 120):
        pen.rect(x, 352, x + 100, 456, outline="#8a6e50", width=2)
    # the big window on to the garden
    wx0, wy0, wx1, wy1 = 440, 58, 860, 372
    pen.rect(wx0 - 18, wy0 - 18, wx1 + 18, wy1 + 24, fill="#cfc6ae")
    with clip_to(pen, [(wx0, wy0), (wx1, wy0), (wx1, wy1), (wx0, wy1)]) as cp:
        cp.img.paste(Image.new("RGB", (int((wx1 - wx0) * SS), int((wy1 - wy0) * SS)), C("#bcd3de")),
                     (int(wx0 * SS), int(wy0 * SS)))
        glaze(cp, [(wx0, wy0), (wx1, wy0), (wx1, 200), (wx0, 200)], "#9fbfd4", 160, 30)
        cloud(cp, rng, 560, 120, 160, 20, "#f4f4f0", "#d8dde2")
        cloud(cp, rng, 780, 90, 110, 16, "#f4f4f0", "#d8dde2")
        for k in range(14):                                        # far trees beyond the lawn
            tx = wx0 + k * 32 + rng.uniform(-8, 8)
            r = rng.uniform(20, 34)
            cp.ellipse(tx - r, 250 - r * 1.6, tx + r, 262, fill=rng.choice(["#5f7a58", "#6a845f", "#577052"]))
        cp.rect(wx0, 256, wx1, wy1, fill="#8fb06a")                 # lawn
        cp.rect(wx0, 256, wx1, 262, fill="#7b9c5c")
        for k in range(3):                                         # clipped yews
            yx = wx0 + 90 + k * 130
            cp.ellipse(yx - 18, 200, yx + 18, 268, fill="#3f5a3c")
            cp.ellipse(yx - 12, 206, yx + 2, 240, fill="#4e6c48")
        cp.rect(wx0, 300, wx1, 322, fill="#6e8a4e")                 # the flower border
        for k in range(70):
            fx = rng.uniform(wx0, wx1)
            fy = rng.uniform(296, 322)
            cp.circle(fx, fy, rng.uniform(2.2, 4), fill=rng.choice(["#d98aa8", "#b58ad0", "#f0d070", "#f4f0e8",
                                                                    "#e07a6a"]))
        cp.rect(wx0, 330, wx1, wy1, fill="#d8cdb4")                 # stone terrace
        for x in range(int(wx0), int(wx1), 40):
            cp.line([(x, 330), (x - 10, wy1)], C("#b8ad94", 200), 1.2)
        glow(cp, 760, 140, 160, 120, "#fff8e0", 0.5)
    # glazing bars and stone mullions
    for k in range(1, 4):
        x = wx0 + (wx1 - wx0) * k / 4
        pen.rect(x - 6, wy0, x + 6, wy1, fill="#cfc6ae")
    pen.rect(wx0, 150, wx1, 160, fill="#cfc6ae")
    for k in range(8):
        x = wx0 + (wx1 - wx0) * (k + 0.5) / 8
        pen.line([(x, wy0), (x, wy1)], "#8a8270", 1.4)
    for y in (104, 210, 262, 316):
        pen.line([(wx0, y), (wx1, y)], "#8a8270", 1.4)
    pen.rect(wx0 - 26, wy1 + 10, wx1 + 26, wy1 + 24, fill="#e2dac4")    # sill
    # blackout blind rolled up and heavy curtains tied back
    pen.rect(wx0 - 10, wy0 - 30, wx1 + 10, wy0 - 12, fill="#3c3a36")
    for cx0, d in ((wx0 - 70, 1), (wx1 + 70, -1)):
        pts = [(cx0, 34), (cx0 + d * 110, 34), (cx0 + d * 60, 200), (cx0 + d * 70, 420), (cx0 - d * 6, 430)]
        pen.poly(pts, fill="#4e6350")
        for k in range(4):
            fx = cx0 + d * (14 + k * 18)
            pen.line([(fx, 40), (fx + d * (k * 4 - 6), 420)], "#3e5040", 3)
        pen.rect(cx0 + d * 40 - 8, 196, cx0 + d * 40 + 8, 206, fill="#b09a5a")
    pen.rect(wx0 - 90, 28, wx1 + 90, 38, fill="#6a5038")
    # cork board with pinned prints and a contour map (no writing)
    pen.rect(60, 96, 330, 300, fill="#6a5038")
    pen.rect(68, 104, 322, 292, fill="#b78e5e")
    with clip_to(pen, [(68, 104), (322, 104), (322, 292), (68, 292)]) as cp:
        for _ in range(160):
            x, y = rng.uniform(68, 322), rng.uniform(104, 292)
            cp.circle(x, y, 1.2, fill=C("#8a6a44", 120))
    pen.rect(90, 120, 200, 200, fill="#dfe3c8")
    for k in range(6):
        pen.line(bezier((92, 150 + k * 7), (120, 130 + k * 9), (160, 176 + k * 4), (198, 140 + k * 8), 12),
                 "#a6a27a", 1.2)
    pen.line([(92, 190), (198, 168)], "#7a8fb0", 2)
    pin_rng = random.Random(3)
    for qx, qy, qw, qh, ang in ((216, 118, 90, 64, 3), (104, 212, 80, 60, -4), (200, 200, 100, 74, 2)):
        a = math.radians(ang)
        ca, sa = math.cos(a), math.sin(a)
        q = [(qx, qy), (qx + qw * ca, qy + qw * sa), (qx + qw * ca - qh * sa, qy + qw * sa + qh * ca),
             (qx - qh * sa, qy + qh * ca)]
        aerial_photo(pen, pin_rng, q, ski=(qx == 200))
        pen.circle(qx + qw / 2, qy + 4, 3, fill="#c0392b")
    pen.line([(260, 150), (240, 240)], "#c0392b", 1)
    # filing cabinet, wall clock without numerals, box files
    pen.rect(1010, 230, 1140, 470, fill="#6e7a6a")
    for k in range(4):
        y = 240 + k * 56
        pen.rect(1018, y, 1132, y + 50, fill="#7b8876")
        pen.rect(1060, y + 16, 1090, y + 22, fill="#c9c7b8")
        pen.rect(1066, y + 28, 1084, y + 36, fill="#e8e4d4")
    for k in range(4):
        pen.rect(1020 + k * 28, 196 + (k % 2) * 4, 1044 + k * 28, 230, fill=["#5a6e8a", "#8a5a48", "#6a7a5a",
                "#4a4a58"][k])
    pen.circle(1075, 120, 36, fill="#5a4430")
    pen.circle(1075, 120, 31, fill="#f3eee0")
    for k in range(12):
        a = math.radians(k * 30)
        pen.line([(1075 + math.cos(a) * 24, 120 + math.sin(a) * 24), (1075 + math.cos(a) * 28, 120 + math.sin(a) * 28)],
                 "#3a3a3a", 2 if k % 3 == 0 else 1)
    pen.line([(1075, 120), (1075 + 14, 120 - 12)], "#2a2a2a", 2.6)
    pen.line([(1075, 120), (1075 - 4, 120 + 22)], "#2a2a2a", 1.6)
    pen.rect(1170, 60, 1290, 470, fill="#7a5a3e")                   # shelves of binders
    for k in range(5):
        y = 80 + k * 78
        pen.rect(1176, y + 66, 1290, y + 72, fill="#5e442e")
        x = 1180
        while x < 1285:
            bw = rng.uniform(10, 18)
            pen.rect(x, y + rng.uniform(10, 20), x + bw - 2, y + 66,
                     fill=rng.choice(["#4a5a7a", "#7a4a3a", "#5a6a4a", "#8a7a5a", "#3e3e48"]))
            x += bw
    # window light falling across the room
    glaze(pen, [(wx0, wy1), (wx1, wy1), (wx1 + 200, 560), (wx0 + 40, 560)], "#fff4d6", 60, 20)

    # the long table and everything on it
    table = [(40, 452), (1240, 452), (1300, 566), (-20, 566)]
    pen.poly(table, fill="#9c7a56")
    with clip_to(pen, table) as cp:
        for k in range(12):
            y = 456 + k * 9
            cp.line([(-20, y), (1300, y + rng.uniform(-2, 2))], C("#8a6a48", 120), 1.2)
        glaze(cp, [(wx0 - 60, 452), (wx1 + 120, 452), (wx1 + 260, 566), (wx0 - 20, 566)], "#ffe9b8", 70, 30)
    pen.rect(-20, 566, 1300, 590, fill="#5e4632")
    pen.rect(-20, 590, 1300, H, fill="#4a3a2e")
    for x in (60, 1200):
        pen.rect(x, 590, x + 30, H, fill="#3a2c22")
    for k in range(8):
        pen.line([(-20, 620 + k * 14), (1300, 620 + k * 14)], C("#3e3026", 160), 1.2)
    glaze(pen, [(0, 590), (W, 590), (W, H), (0, H)], "#2a2018", 90, 10)
    glows = []
    # prints laid out in rows, some in pairs for the stereoscope
    photo_rng = random.Random(44)
    for (px, py, pw, ph, ang, ski) in ((90, 470, 120, 60, -3, False), (250, 476, 110, 56, 4, True),
                                       (520, 464, 96, 54, 0, True), (622, 464, 96, 54, 0, True),
                                       (780, 478, 120, 60, -5, False), (940, 468, 110, 58, 3, False),
                                       (160, 520, 130, 38, 2, False), (1080, 514, 130, 40, -2, True)):
        a = math.radians(ang)
        ca, sa = math.cos(a), math.sin(a)
        q = [(px, py), (px + pw * ca, py + pw * sa), (px + pw * ca - ph * sa * 0.6, py + pw * sa + ph * ca * 0.6),
             (px - ph * sa * 0.6, py + ph * ca * 0.6)]
        aerial_photo(pen, photo_rng, q, ski)
    # the stereoscope standing over the pair
    sx, sy = 620, 476
    for lx in (sx - 44, sx + 44):
        pen.line([(lx, sy - 26), (lx - 6 if lx < sx else lx + 6, sy + 22)], "#2e2e30", 2.4)
    pen.rrect(sx - 56, sy - 44, sx + 56, sy - 24, 5, fill="#2e2e30")
    for lx in (sx - 24, sx + 24):
        pen.circle(lx, sy - 34, 9, fill="#5c6a78")
        pen.circle(lx - 3, sy - 37, 3, fill="#c9d6e0")
    # magnifying glasses
    for mx, my, ang in ((400, 540, 20), (900, 536, -30)):
        a = math.radians(ang)
        pen.line([(mx + math.cos(a) * 18, my + math.sin(a) * 8), (mx + math.cos(a) * 54, my + math.sin(a) * 24)],
                 "#3a2a20", 6)
        pen.ellipse(mx - 20, my - 11, mx + 20, my + 11, fill="#b8a070")
        pen.ellipse(mx - 16, my - 8, mx + 16, my + 8, fill="#dfe8ea")
        pen.arc((mx - 12, my - 6, mx + 8, my + 4), 200, 260, "#ffffff", 2)
    # tea cup, notebook and pencil
    pen.ellipse(1150, 470, 1200, 484, fill="#e9e4d8")
    pen.rect(1160, 458, 1190, 476, fill="#f3efe4")
    pen.ellipse(1160, 454, 1190, 462, fill="#8a5a3a")
    pen.arc((1186, 460, 1198, 472), 270, 90, "#f3efe4", 3)
    pen.poly([(700, 520), (790, 516), (794, 556), (702, 560)], fill="#e8e2cf")
    for k in range(5):
        pen.line([(708, 528 + k * 6), (786, 525 + k * 6)], "#b9c3d2", 1)
    pen.line([(740, 556), (800, 540)], "#c9a040", 3)
    # the lamps, lit
    desk_lamp(pen, 210, 476, 300, 396, 1.0, "#3e4a3e", "#2f4a36", glows)
    desk_lamp(pen, 760, 470, 660, 370, 1.0, "#3e4a3e", "#2f4a36", glows)
    desk_lamp(pen, 1000, 488, 1060, 404, 1.0, "#3e4a3e", "#2f4a36", glows)
    for gx, gy, gs in glows:
        glow(pen, gx, gy + 60, 110, 50, "#ffe3a0", 0.45)
    return finish(img, rng, vignette=0.28)


# ==========================================================================
# Chapter 3, scene 4: the hill of Mimoyecques, 1944
# ==========================================================================

def windswept_tree(pen, x, base, h, trunk, leaf, leaf_l, lean=1):
    pen.poly([(x - h * 0.04, base), (x + h * 0.04, base), (x + lean * h * 0.18, base - h * 0.62),
              (x + lean * h * 0.12, base - h * 0.64)], fill=trunk)
    cx, cy = x + lean * h * 0.22, base - h * 0.7
    pen.ellipse(cx - h * 0.38, cy - h * 0.22, cx + h * 0.38, cy + h * 0.18, fill=leaf)
    pen.ellipse(cx - h * 0.3 + lean * h * 0.14, cy - h * 0.26, cx + h * 0.22 + lean * h * 0.2, cy + h * 0.06, fill=leaf)
    pen.ellipse(cx - h * 0.3, cy - h * 0.2, cx + h * 0.05, cy, fill=leaf_l)


def hedge_line(pen, rng, pts, col, r=6):
    for (xa, ya), (xb, yb) in zip(pts, pts[1:]):
        n = max(2, int(abs(xb - xa) / (r * 1.2)))
        for i in range(n):
            t = i / n
            x, y = xa + (xb - xa) * t, ya + (yb - ya) * t
            rr = r * rng.uniform(0.7, 1.2)
            pen.ellipse(x - rr, y - rr * 1.3, x + rr, y + rr * 0.3, fill=col)


def scene_mimoyecques(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#587696"), (0.3, "#7f98b0"), (0.55, "#b2c0c8"), (1.0, "#cfd6d4")])
    # clouds torn by the wind: long slanted streaks and flattened, ragged heads
    for k in range(11):
        cx = rng.uniform(0, W)
        cy = rng.uniform(30, 280)
        w = rng.uniform(300, 700)
        h = rng.uniform(10, 26)
        stratus(pen, rng, cx, cy, w, h, rng.choice(["#e8ecee", "#d4dbe0", "#c0cad2", "#9fb0c0"]), 170, 5)
    for cx, cy, w, h in ((260, 110, 420, 40), (900, 70, 520, 46), (1120, 210, 300, 30)):
        # ragged heads: a lit top and a grey belly, both dragged sideways by the wind
        pts = [(cx - w / 2, cy)]
        for i in range(1, 12):
            t = i / 12
            pts.append((cx - w / 2 + w * t, cy - h * math.sin(t * math.pi) ** 0.7 * rng.uniform(0.6, 1.0)))
        pts.append((cx + w / 2 + w * 0.25, cy - h * 0.1))
        glaze(pen, pts + [(cx + w / 2, cy + h * 0.25), (cx - w / 2, cy + h * 0.2)], "#aab6c2", 200, 5)
        glaze(pen, [(x, y - 4) for x, y in pts] + [(cx + w / 2, cy - h * 0.05), (cx - w / 2, cy - h * 0.1)],
              "#f0f2f2", 210, 4)
    for bx, by, bs in ((420, 180, 7), (452, 196, 6), (480, 172, 5), (1000, 260, 6)):   # gulls in the wind
        pen.line([(bx - bs, by - bs * 0.4), (bx, by), (bx + bs, by - bs * 0.7)], "#4a5560", 1.6)
    # far Boulonnais hills with hedges
    far = "#8aa08a"
    pen.poly([(-10, 360)] + bezier((-10, 360), (300, 320), (700, 350), (1290, 330), 20)[1:] + [(1290, 420), (-10, 420)],
             fill=far)
    for k in range(6):
        y0 = 350 + k * 12
        hedge_line(pen, rng, [(-10, y0 + rng.uniform(-6, 6)), (640, y0 + rng.uniform(-6, 6)), (1290,
                y0 + rng.uniform(-6, 6))],
                   "#6f8a70", 3)
    pen.rect(1170, 338, 1210, 356, fill="#d9cdb4")                                  # a distant farm
    pen.poly([(1166, 340), (1190, 326), (1214, 340)], fill="#a0523e")
    glaze(pen, [(0, 320), (W, 320), (W, 420), (0, 420)], "#c8d2d4", 70, 8)

    # the chalk hill: a long, lopsided down with hedged fields on its flanks
    hill_pts = [(-10, 440)] + bezier((-10, 440), (180, 420), (330, 290), (560, 272), 24)[1:] + \
        bezier((560, 272), (760, 258), (900, 268), (1040, 330), 24)[1:] + \
        bezier((1040, 330), (1120, 364), (1200, 400), (1290, 410), 10)[1:] + [(1290, 520), (-10, 520)]
    pen.poly(hill_pts, fill="#7d9858")
    with clip_to(pen, hill_pts) as cp:
        glaze(cp, [(760, 230), (1290, 320), (1290, 520), (880, 520)], "#4e6a44", 90, 40)
        glaze(cp, [(60, 430), (480, 280), (620, 280), (300, 480)], "#a9c07a", 80, 30)
        hedge_line(cp, rng, [(-10, 470), (260, 400), (520, 372), (700, 380)], "#62804c", 4)
        hedge_line(cp, rng, [(700, 380), (980, 420), (1290, 440)], "#587444", 4)
        hedge_line(cp, rng, [(330, 390), (300, 470)], "#62804c", 4)
        cp.poly([(860, 300), (960, 300), (1010, 340), (900, 350)], fill="#5e7a48")        # a copse
        for k in range(9):
            cp.circle(880 + k * 13, 300 + (k % 3) * 6, 12, fill="#55703f")
        for k in range(50):                                        # wind combing the grass
            x = rng.uniform(100, 1200)
            y = rng.uniform(290, 500)
            cp.line([(x, y), (x + rng.uniform(20, 50), y - rng.uniform(2, 6))], C("#a8bd7a", 100), 1.5)
        # craters: the bombs (Tallboys among them) tore the chalk open
        for cx, cy, rx_, ry_ in ((430, 318, 40, 9), (870, 292, 48, 10), (1000, 360, 54, 12), (620, 360, 64, 13),
                                 (240, 420, 46, 10), (760, 318, 30, 7)):
            crater(cp, cx, cy, rx_, ry_, "#7d9858", "#d8d3c2", "#7e776a", rng=rng)
    # the concrete slab on the crest and its five angled shafts, earth heaped round it
    slab = [(548, 266), (796, 258), (816, 292), (530, 300)]
    pen.poly([(520, 268), (560, 254), (800, 248), (834, 268), (840, 304), (510, 312)], fill="#8c9a6a")
    pen.poly([(540, 268), (804, 260), (826, 302), (520, 310)], fill="#85837b")
    pen.poly(slab, fill="#b2b0a8")
    pen.line([slab[0], slab[1]], "#c8c6be", 2)
    for k in range(7):                                                         # spalled patches
        u, v = rng.uniform(0.05, 0.95), rng.uniform(0.1, 0.9)
        px, py = quad_pt(slab, u, v)
        pen.ellipse(px - 8, py - 2, px + 8, py + 2, fill="#9e9c94")
    for k in range(5):
        u = 0.07 + k * 0.185
        # each mouth is skewed: the shafts run down into the hill at an angle
        a = quad_pt(slab, u + 0.07, 0.18)
        b = quad_pt(slab, u + 0.15, 0.18)
        c = quad_pt(slab, u + 0.09, 0.84)
        d = quad_pt(slab, u + 0.01, 0.84)
        pen.poly([(a[0] - 3, a[1] - 2), (b[0] + 3, b[1] - 2), (c[0] + 3, c[1] + 3), (d[0] - 3, d[1] + 3)],
                fill="#d6d4cc")
        pen.poly([a, b, c, d], fill="#161618")
        pen.poly([lerp(a, b, 0.55), b, lerp(b, c, 0.9), lerp(d, c, 0.6)], fill="#2c2c2e")
        pen.poly([a, lerp(a, b, 0.3), lerp(d, c, 0.1), d], fill="#48484a")          # the inclined inner wall, lit
    for k in range(20):                                                              # chalk spoil round the slab
        x = rng.uniform(520, 830)
        y = rng.uniform(296, 312)
        pen.ellipse(x - 6, y - 2, x + 6, y + 2, fill="#d8d3c2")

    # the railway tunnel in the foot of the hill, track curving out
    tx, ty = 300, 470
    pen.rect(tx - 60, ty - 74, tx + 60, ty + 4, fill="#a9a69c")
    pen.rect(tx - 66, ty - 80, tx + 66, ty - 70, fill="#bcb9af")
    pen.chord((tx - 40, ty - 60, tx + 40, ty + 20), 180, 360, fill="#262628")
    pen.rect(tx - 40, ty - 20, tx + 40, ty + 4, fill="#262628")
    # fields in front, hedges and windswept trees
    fields = "#86a062"
    pen.rect(-10, 470, 1290, 730, fill=fields)
    for y0, col in ((470, "#8aa466"), (488, "#7f9a5c"), (512, "#94ac6c")):
        pen.rect(-10, y0, 1290, y0 + 20, fill=col)
    hedge_line(pen, rng, [(-10, 486), (400, 482), (900, 490), (1290, 480)], "#5f7a4a", 6)
    for off in (-9, 9):
        pen.line(bezier((tx + off * 0.6, 474), (tx + off, 540), (140 + off * 3, 620), (-10 + off * 5, 700), 20),
                 "#5a5448", 2.6)
    for k in range(1, 16):
        t = k / 16
        a = bezier((tx - 6, 474), (tx - 8, 540), (140 - 24, 620), (-10 - 40, 700), 16)[k]
        b = bezier((tx + 6, 474), (tx + 8, 540), (140 + 24, 620), (-10 + 40, 700), 16)[k]
        pen.line([a, b], C("#5e4e3e", 170), 1.4 + 3 * t)
    for cx, cy, rx_, ry_ in ((1080, 500, 90, 14), (560, 506, 70, 11)):
        crater(pen, cx, cy, rx_, ry_, fields, "#e2ddcc", "#8c8676", water="#9aa6ac", rng=rng)
    for x, h in ((80, 120), (150, 90), (1160, 130), (1240, 100), (960, 70)):
        windswept_tree(pen, x, 486, h, "#4a4236", "#5a7444", "#6e8a52", lean=1)
    # calm foreground pasture, grass bent by the wind
    glaze(pen, [(0, 540), (W, 540), (W, H), (0, H)], "#5e7a48", 60, 20)
    for k in range(90):
        x = rng.uniform(0, W)
        y = rng.uniform(560, 715)
        g = 4 + (y - 540) / 20
        pen.line([(x, y), (x + g * 1.6, y - g)], C("#a2b97a", 120), 1.2)
    return finish(img, rng, vignette=0.24)


# ==========================================================================
# Chapter 3, scene 5: La Coupole today, a place of memory
# ==========================================================================

def concrete_dome(pen, rng, cx, base, rx, ry, col, light, dark, moss=None):
    outline = dome_shape(cx, base, rx, ry) + [(cx + rx, base + 2), (cx - rx, base + 2)]
    pen.poly(outline, fill=col)
    with clip_to(pen, outline) as cp:
        glaze(cp, arc_pts(cx - rx * 0.3, base - ry * 0.78, rx * 0.6, ry * 0.45, 0, 360, 24), light, 170, 28)
        glaze(cp, [(cx + rx * 0.2, base + 4), (cx + rx * 0.45, base - ry), (cx + rx + 4, base - ry),
                   (cx + rx + 4, base + 4)], dark, 120, 30)
        for k in (0.25, 0.5, 0.72, 0.88):
            yy = base - ry * k
            half = rx * math.sqrt(1 - k * k)
            cp.line(bezier((cx - half, yy), (cx - half * 0.4, yy - 5), (cx + half * 0.4, yy - 5), (cx + half, yy), 14),
                    C(shade(col, 0.82), 120), 1.4)
        if moss:
            for _ in range(12):
                x = rng.uniform(cx - rx, cx + rx)
                top = base - ry * math.sqrt(max(0.0, 1 - ((x - cx) / rx) ** 2))
                w = rng.uniform(6, 16)
                ln = rng.uniform(20, 60)
                glaze(cp, [(x - w / 2, top), (x + w / 2, top), (x + w * 0.3, top + ln), (x - w * 0.3, top + ln)],
                      moss, 45, 4)
    pen.line(arc_pts(cx, base, rx, ry, 180, 360, 48), shade(col, 0.8), 1.2)


def flag_pole(pen, x, base, h, flag_fn):
    pen.line([(x, base), (x, base - h)], "#d8dcdc", 3)
    pen.line([(x + 1, base), (x + 1, base - h)], "#9aa0a2", 1)
    pen.circle(x, base - h - 3, 3.5, fill="#d4b45a")
    flag_fn(x + 1, base - h + 4)


def eu_flag(pen, x, y, w, h, wave=0.1):
    pts = [(x + w * u, y + math.sin(u * math.pi * 2) * h * wave) for u in (0, 0.25, 0.5, 0.75, 1)]
    pts += [(x + w * u, y + h + math.sin(u * math.pi * 2 + 0.6) * h * wave) for u in (1, 0.75, 0.5, 0.25, 0)]
    pen.poly(pts, fill="#2f4f9e")
    for k in range(12):
        a = k / 12 * math.tau
        u = 0.5 + math.cos(a) * 0.22
        sx = x + w * u
        sy = y + h * 0.5 + math.sin(a) * h * 0.32 + math.sin(u * math.pi * 2 + 0.3) * h * wave
        pen.circle(sx, sy, max(0.9, h * 0.045), fill="#f2cf48")


def scene_coupole_today(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#5f95cc"), (0.35, "#86b3dd"), (0.6, "#b8d5ea"), (1.0, "#dcebf0")])
    glow(pen, 200, 120, 260, 200, "#f6f2dc", 0.55)
    for cx, cy, w, h in ((330, 90, 300, 40), (820, 60, 360, 44), (1120, 150, 240, 32), (560, 200, 200, 24)):
        cloud(pen, rng, cx, cy, w, h, "#fbfbf6", "#c9d6e2")
    # far countryside
    pen.poly([(-10, 380)] + bezier((-10, 380), (300, 350), (800, 370), (1290, 356), 20)[1:] + [(1290, 430), (-10, 430)],
             fill="#9dbba6")
    tree_mass(pen, rng, -20, 1300, 400, 10, 26, ["#8eae96", "#93b39a"], 10, 18)
    glaze(pen, [(0, 330), (W, 330), (W, 430), (0, 430)], "#d6e6ea", 70, 8)
    # the hill of Helfaut, wooded, and the dome rising out of the trees
    hill = [(-10, 420)] + bezier((-10, 420), (200, 330), (420, 300), (700, 296), 20)[1:] + \
        bezier((700, 296), (980, 292), (1150, 330), (1290, 350), 20)[1:] + [(1290, 520), (-10, 520)]
    pen.poly(hill, fill="#5f8a4e")
    concrete_dome(pen, rng, 720, 316, 262, 150, "#a3a39b", "#dcdcd2", "#6e706a", moss="#5c6e4a")
    tree_mass(pen, rng, -20, 1300, 330, 20, 60, ["#4f7a44", "#5a8a4c", "#66944f", "#4a7040"], 18, 30, light="#7aa862")
    for k in range(14):
        x = rng.uniform(0, W)
        r = rng.uniform(16, 26)
        pen.circle(x, 318 + rng.uniform(-6, 10), r, fill=rng.choice(["#6f9e58", "#79a860"]))
    # the old quarry below: chalk walls, half-clothed in green now
    cliff(pen, rng, [(330, 352), (480, 346), (640, 350), (820, 346), (980, 352), (1060, 356)], lambda x: 452,
          ["#e4e1d6", "#dad7cc", "#ecebe2", "#cfccc1"], "#bdbab0", "#5a8a4c", facet=(30, 70), flint=False)
    for _ in range(16):                                  # shrubs clinging at the top and the foot of the walls
        x = rng.uniform(340, 1050)
        y = rng.choice([rng.uniform(352, 372), rng.uniform(430, 450)])
        for j in range(3):
            r = rng.uniform(6, 12)
            ox = x + j * r * 1.2
            pen.ellipse(ox - r * 1.5, y - r * 0.8, ox + r * 1.5, y + r * 0.7,
                        fill=rng.choice(["#6f9e58", "#5a8a4c", "#79a860"]))
    for _ in range(8):                                   # ivy trails down the chalk
        x = rng.uniform(340, 1050)
        pen.line([(x, 354), (x + rng.uniform(-4, 4), 354 + rng.uniform(20, 60))], C("#5a8a4c", 170), 3)
    tree_mass(pen, rng, -20, 360, 460, 60, 130, ["#4c7a42", "#578a4a", "#62964f"], 24, 38, light="#78a860")
    tree_mass(pen, rng, 1040, 1300, 460, 60, 140, ["#4c7a42", "#578a4a", "#62964f"], 24, 38, light="#78a860")
    # the museum entrance at the foot of the quarry wall: glass, steel canopy
    pen.rect(560, 410, 820, 470, fill="#d9dcd8")
    pen.rect(580, 420, 800, 470, fill="#8fb4c8")
    for k in range(1, 8):
        x = 580 + k * 220 / 8
        pen.line([(x, 420), (x, 470)], "#5e6a70", 1.6)
    pen.line([(580, 444), (800, 444)], "#5e6a70", 1.2)
    glaze(pen, [(580, 420), (640, 420), (610, 470), (580, 470)], "#eaf4f8", 120, 2)
    pen.rect(540, 400, 850, 412, fill="#4a5258")                        # canopy
    pen.rect(680, 446, 720, 470, fill="#3c4a52")                        # doors
    pen.chord((850, 418, 920, 480), 180, 360, fill="#3a3c3e")           # the old railway tunnel mouth beside it
    pen.rect(850, 449, 920, 470, fill="#3a3c3e")
    # lawns and the path
    pen.rect(-10, 466, 1290, 730, fill="#7bab5a")
    glaze(pen, [(0, 466), (W, 466), (W, 520), (0, 520)], "#9cc476", 90, 10)
    path = [(690, 468), (730, 468)] + [(760, 520), (700, 600), (760, 730)] + [(520, 730), (560, 600), (640, 520)]
    pen.poly(path, fill="#e3d9c0")
    pen.line([(730, 468), (760, 520), (700, 600), (760, 730)], "#c9bea4", 2)
    pen.line([(690, 468), (640, 520), (560, 600), (520, 730)], "#c9bea4", 2)
    for hx0, hx1, hy in ((440, 640, 482), (790, 1000, 482)):     # low clipped hedges
        pen.rrect(hx0, hy, hx1, hy + 12, 6, fill="#4f7a42")
    # flag poles by the entrance
    flag_pole(pen, 880, 486, 150, lambda x, y: small_flag(pen, x, y, 54, 34, 0.14))
    flag_pole(pen, 940, 486, 150, lambda x, y: eu_flag(pen, x, y, 54, 34, 0.14))
    # visitors walking up to the museum: families and a school class
    people = [(700, 500, 34, "#c0504a", "walk", None), (716, 502, 26, "#3e6aa0", "walk", None),
              (730, 504, 33, "#5a5a66", "walk", "hat"), (664, 520, 36, "#c8963a", "walk", None),
              (648, 524, 28, "#5a8a6a", "walk", None), (632, 528, 28, "#7a4a8a", "walk", None),
              (616, 532, 27, "#d06a5a", "walk", None), (600, 536, 40, "#2f4a6a", "stand", None),
              (760, 478, 28, "#8a7a6a", "walk", None), (770, 480, 27, "#4a6a8a", "walk", None),
              (574, 560, 42, "#6a5a7a", "wave", None)]
    heads = ("#d9a886", "#6a4a38", "#c08a66", "#e4b898", "#8a6048")
    for i, (x, y, h, col, pose, hat) in enumerate(people):
        figure(pen, x, y, h, col, pose, head_col=heads[i % len(heads)], hat=hat or "hair",
               skirt=(col in ("#c0504a", "#7a4a8a")))
    # framing trees in the foreground
    round_tree(pen, rng, 110, 600, 330, 120, "#5a4a3c", "#4f7e42", "#67974f")
    round_tree(pen, rng, 1200, 620, 300, 110, "#5a4a3c", "#4c7a40", "#62924c")
    glaze(pen, [(0, 600), (W, 600), (W, H), (0, H)], "#4a7a3c", 50, 20)
    keep = FLAG_COLS + ("#2f4f9e", "#f2cf48", HAIR) + heads + tuple(sorted({p[3] for p in people}))
    return finish_keep(img, rng, keep, vignette=0.2)


# ==========================================================================
# Chapter 4, scene 1: Loos, dusk, 1 September 1944 -- the last convoy
# ==========================================================================

def scene_loos_1944(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#262b44"), (0.25, "#3e4160"), (0.45, "#6e5c6e"), (0.58, "#b07a6a"), (0.66, "#c98e6e"),
                    (1.0, "#c98e6e")])
    glow(pen, 1000, 400, 320, 90, "#e6a070", 0.6)
    for cx, cy, w, h, c, a in [(300, 70, 900, 60, "#23263a", 230), (1000, 110, 800, 56, "#2a2c42", 230),
                               (600, 200, 1100, 40, "#3a3850", 220), (250, 270, 700, 26, "#5a4a5e", 200),
                               (1000, 300, 600, 20, "#8a6266", 190), (650, 340, 800, 14, "#a0706a", 170)]:
        stratus(pen, rng, cx, cy, w, h, c, a, 8)
    # the prison buildings behind the wall
    blk = "#4a4450"
    pen.rect(120, 190, 760, 330, fill=blk)
    pen.poly([(110, 192), (150, 160), (730, 160), (770, 192)], fill="#3a3540")
    pen.rect(360, 120, 470, 330, fill=shade(blk, 1.06))                  # central wing
    pen.poly([(352, 122), (415, 86), (478, 122)], fill="#3a3540")
    pen.rect(600, 110, 614, 160, fill="#3e3844")                         # chimney
    for row in range(3):
        for k in range(26):
            x = 140 + k * 24
            if 350 < x < 470 and row == 0:
                continue
            y = 206 + row * 38
            pen.rect(x, y, x + 9, y + 16, fill="#2c2832")
            pen.line([(x + 4.5, y), (x + 4.5, y + 16)], "#5a5460", 1)
    for k in range(4):
        pen.rect(380 + k * 22, 140, 389 + k * 22, 156, fill="#2c2832")
    prison = [(110, 192), (150, 160), (352, 160), (352, 122), (415, 86), (478, 122), (478, 160), (600, 160),
              (600, 110), (614, 110), (614, 160), (730, 160), (770, 192), (760, 330), (120, 330)]
    with clip_to(pen, prison) as cp:
        glaze(cp, [(100, 80), (800, 80), (800, 340), (100, 340)], "#6a5a70", 70, 0)
    # the long high wall, running away to the right
    wall = "#6a5a56"
    wl = [(-10, 282), (780, 318), (780, 492), (-10, 526)]
    pen.poly(wl, fill=wall)
    with clip_to(pen, wl) as cp:
        brick_texture(cp, rng, wl, shade(wall, 0.78), 6.0, 60)
        for k in range(9):                                             # pilasters
            x = 40 + k * 90
            t = x / 790
            cp.poly([(x, 282 + 36 * t), (x + 14, 282 + 36 * (x + 14) / 790), (x + 14, 526 - 34 * (x + 14) / 790),
                     (x, 526 - 34 * t)], fill=shade(wall, 0.88))
        for _ in range(16):
            x = rng.uniform(0, 780)
            cp.line([(x, 290), (x + rng.uniform(-2, 2), 400)], C("#2e2628", 45), rng.uniform(3, 8))
    pen.poly([(-10, 274), (784, 312), (784, 320), (-10, 284)], fill="#8a7a72")      # coping
    # the gate building on the left
    gx0, gx1 = 80, 300
    pen.rect(gx0, 200, gx1, 530, fill="#7a6a62")
    pen.poly([(gx0 - 10, 204), ((gx0 + gx1) / 2, 160), (gx1 + 10, 204)], fill="#5e504c")
    pen.rect(gx0 - 6, 198, gx1 + 6, 210, fill="#8e7e74")
    quoins(pen, gx0, 210, 530, 12, "#8e7e74", 16)
    quoins(pen, gx1 - 12, 210, 530, 12, "#8e7e74", 16)
    pen.chord((gx0 + 40, 300, gx1 - 40, 440), 180, 360, fill="#8e7e74")
    pen.rect(gx0 + 40, 370, gx1 - 40, 530, fill="#8e7e74")
    pen.chord((gx0 + 52, 312, gx1 - 52, 428), 180, 360, fill="#3a2a24")
    pen.rect(gx0 + 52, 370, gx1 - 52, 530, fill="#3a2a24")
    for k in range(1, 6):                                              # planks and studs of the doors
        x = gx0 + 52 + k * (gx1 - gx0 - 104) / 6
        pen.line([(x, 330), (x, 530)], "#2a1e1a", 1.4)
    pen.line([((gx0 + gx1) / 2, 312), ((gx0 + gx1) / 2, 530)], "#1e1612", 2.5)
    for y in (400, 470):
        for k in range(8):
            pen.circle(gx0 + 62 + k * 14, y, 1.8, fill="#6a5a4e")
    for wx in (gx0 + 20, gx1 - 40):
        pen.rect(wx, 228, wx + 20, 262, fill="#2c2832")
        for k in range(3):
            pen.line([(wx + 5 + k * 5, 228), (wx + 5 + k * 5, 262)], "#6a5a56", 1.2)
    # a single dim lamp above the gate
    pen.line([((gx0 + gx1) / 2, 280), ((gx0 + gx1) / 2, 296)], "#2a2420", 2)
    pen.poly([((gx0 + gx1) / 2 - 8, 296), ((gx0 + gx1) / 2 + 8, 296), ((gx0 + gx1) / 2 + 5, 306),
              ((gx0 + gx1) / 2 - 5, 306)], fill="#f0c080")
    glow(pen, (gx0 + gx1) / 2, 304, 60, 60, "#e8a868", 0.35)

    # the goods station: a shed, and the line of closed wagons
    shed = "#5a4a4a"
    pen.rect(860, 340, 1290, 450, fill=shed)
    pen.poly([(850, 344), (900, 316), (1290, 316), (1290, 344)], fill="#3e3840")
    for k in range(7):
        x = 880 + k * 58
        pen.rect(x, 370, x + 26, 410, fill="#2e2a30")
    pen.rect(840, 420, 1290, 428, fill="#3a3438")                        # canopy edge
    pen.line([(1240, 450), (1240, 290)], "#2a2628", 2.4)                 # signal post
    pen.rect(1232, 290, 1248, 300, fill="#2a2628")
    pen.circle(1240, 306, 4, fill="#d25a4a")
    # track bed, perspective from the middle to the right edge
    pen.poly([(760, 470), (1290, 510), (1290, 560), (740, 484)], fill="#4a4044")
    pen.line([(760, 476), (1290, 526)], "#8a8080", 1.6)
    pen.line([(750, 482), (1290, 548)], "#8a8080", 1.8)
    wagons = []
    x = 760
    while x < 1290:
        t = (x - 760) / 530
        h = 64 + 80 * t
        w = h * 1.45
        base = 478 + 62 * t
        wagons.append((x, base, w, h))
        x += w + 6
    for x, base, w, h in wagons:
        wagon_side(pen, x, base, w, h, "#5e3e36", "#3a3438", "#262224", "#6a6060")
    glaze(pen, [(740, 380), (1290, 380), (1290, 560), (740, 560)], "#3a3050", 50, 6)
    # wet cobbled ground, gone dark
    ground = [(-10, 526), (780, 492), (1290, 560), (1290, 730), (-10, 730)]
    pen.poly(ground, fill="#3e3840")
    with clip_to(pen, ground) as cp:
        for k in range(40):
            y = 540 + k * 5 + (k * k) * 0.1
            cp.line([(-10, y), (1290, y + rng.uniform(-3, 3))], C("#2e2a30", 90), 1.0)
        for cx, cy, rx_, ry_ in ((260, 610, 140, 10), (900, 640, 180, 12), (600, 690, 120, 8)):
            cp.ellipse(cx - rx_, cy - ry_, cx + rx_, cy + ry_, fill="#6a5a66")
            cp.line([(cx - rx_ * 0.5, cy), (cx + rx_ * 0.2, cy)], C("#c98e6e", 150), 2)
    # two empty lorries waiting by the wall, nobody aboard
    lorry(pen, 640, 540, 0.62, "#3e4438", "#5e5a4c", "#222222", facing=-1)
    lorry(pen, 450, 566, 0.78, "#3a4034", "#57534a", "#1e1e1e", facing=-1)
    glaze(pen, [(340, 566), (560, 566), (600, 574), (330, 574)], "#16141e", 90, 3)
    glaze(pen, [(0, 0), (W, 0), (W, H), (0, H)], "#1e1e3a", 55)
    glaze(pen, [(0, 560), (W, 560), (W, H), (0, H)], "#16141e", 70, 20)
    return finish(img, rng, vignette=0.35)


# ==========================================================================
# Chapter 4, scene 2: Lille, the Grand-Place, September 1944
# ==========================================================================

CROWD_COLS = ("#2f3e5e", "#6a4a3a", "#7a7a80", "#a8453c", "#3e5e8a", "#d8cdb4", "#4e6a4a", "#8a6a9a", "#5a5048",
              "#c07a3a")
SKINS = ("#e8b898", "#d9a37e", "#f0c8a8", "#b8805e")


def crowd(pen, rng, x0, x1, base, h, n, flags=0.2, skip=None, poses=("cheer", "wave", "wave", "stand")):
    """A row of celebrating townspeople, seen from behind or side: flat
    silhouettes in muted clothes, some waving little tricolours."""
    pts = sorted(rng.uniform(x0, x1) for _ in range(n))
    for x in pts:
        if skip and skip[0] < x < skip[1]:
            continue
        hh = h * rng.uniform(0.82, 1.08)
        if rng.random() < 0.15:
            hh *= 0.7                                             # children
        col = rng.choice(CROWD_COLS)
        pose = rng.choice(poses)
        facing = rng.choice((-1, 1))
        hat = rng.choice(["cap", "beret", "hat", "hair", "hair", "scarf", None])
        by = base + rng.uniform(-3, 3)
        figure(pen, x, by, hh, col, pose, head_col=rng.choice(SKINS), hat=hat,
               skirt=rng.random() < 0.4, facing=facing)
        if pose in ("wave", "cheer") and rng.random() < flags:
            bw = hh * 0.13
            hx = x + bw * 2.2 * facing if pose == "wave" else x + bw * 1.7
            hy = by - hh * 0.8 - hh * 0.36
            pen.line([(hx, hy + 2), (hx, hy - hh * 0.22)], "#5a4a3a", max(1, hh * 0.025))
            small_flag(pen, hx, hy - hh * 0.22, hh * 0.2, hh * 0.13, 0.1)


def goddess_column(pen, x, base, top, stone, stone_d, bronze):
    """The Column of the Goddess (1845) on the Grand-Place of Lille."""
    pen.rect(x - 70, base - 14, x + 70, base, fill=shade(stone, 0.9))            # steps
    pen.rect(x - 58, base - 26, x + 58, base - 14, fill=stone)
    pen.rect(x - 44, base - 120, x + 44, base - 26, fill=stone)               # pedestal
    pen.rect(x + 14, base - 120, x + 44, base - 26, fill=stone_d)
    pen.rect(x - 50, base - 130, x + 50, base - 118, fill=shade(stone, 1.06))
    pen.rect(x - 24, base - 100, x + 10, base - 48, fill=shade(stone, 0.9))    # panel
    shaft_top = top + 84
    pen.poly([(x - 20, base - 130), (x + 20, base - 130), (x + 16, shaft_top), (x - 16, shaft_top)], fill=stone)
    pen.poly([(x + 5, base - 130), (x + 20, base - 130), (x + 16, shaft_top), (x + 4, shaft_top)], fill=stone_d)
    pen.rect(x - 28, shaft_top - 12, x + 28, shaft_top, fill=shade(stone, 1.05))  # capital
    pen.rect(x - 22, shaft_top - 20, x + 22, shaft_top - 12, fill=stone)
    pen.rect(x - 24, base - 146, x + 24, base - 130, fill=shade(stone, 1.04))     # base of the shaft
    # the bronze goddess: long dress, mural crown, right arm raised with the linstock
    g = bronze
    st = shaft_top - 20

    def G(px, py):
        return (x + px * 1.5, st - py * 1.5)

    pen.poly([G(-14, 0), G(14, 0), G(8, 30), G(6, 42), G(-6, 42), G(-10, 30)], fill=g)
    cx, cy = G(0, 48)
    pen.circle(cx, cy, 9, fill=g)
    pen.poly([G(-6, 52), G(6, 52), G(6, 60), G(-6, 60)], fill=g)
    for k in range(3):
        pen.poly([G(-6 + k * 4.5, 60), G(-3.5 + k * 4.5, 60), G(-3.5 + k * 4.5, 63), G(-6 + k * 4.5, 63)], fill=g)
    pen.line([G(5, 38), G(14, 52), G(16, 66)], g, 5)
    pen.line([G(16, 62), G(18, 78)], g, 2.4)
    pen.line([G(-5, 36), G(-12, 24)], g, 4.5)
    pen.line([G(-4, 40), G(-2, 10)], C("#8a9a7a", 160), 1.6)                        # lit edge


def scene_lille_1944(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#5f97d2"), (0.35, "#8cbbe2"), (0.6, "#c4dcec"), (1.0, "#e6eef0")])
    glow(pen, 1050, 120, 260, 180, "#fff4d8", 0.6)
    for cx, cy, w, h in ((240, 90, 320, 40), (760, 60, 300, 34), (1120, 170, 220, 28)):
        cloud(pen, rng, cx, cy, w, h, "#fdfcf6", "#cad8e6")
    base = 478
    # far roofs and the belfry of the Chamber of Commerce, in the sunny haze
    far = "#b9c3cf"
    x = -10
    while x < W:
        w = rng.uniform(40, 90)
        h = rng.uniform(90, 150)
        pen.rect(x, base - h, x + w, base, fill=far)
        pen.poly([(x, base - h), (x + w / 2, base - h - w * 0.45), (x + w, base - h)], fill=far)
        x += w
    bx = 1010
    tower = shade(far, 0.93)
    pen.rect(bx - 24, 130, bx + 24, base, fill=tower)
    pen.rect(bx - 30, 120, bx + 30, 140, fill=tower)
    pen.rect(bx - 20, 70, bx + 20, 120, fill=tower)
    pen.circle(bx, 96, 12, fill=shade(far, 1.08))
    pen.poly([(bx - 24, 71), (bx + 24, 71), (bx + 11, 38), (bx - 11, 38)], fill=tower)
    pen.rect(bx - 11, 28, bx + 11, 40, fill=tower)
    pen.poly([(bx - 8, 30), (bx + 8, 30), (bx, -6)], fill=tower)
    # the Flemish facades round the square
    glass, trim = "#4d5a70", "#f4ead2"
    houses = [
        (-20, 124, 230, "curved", "#d9b98a", "#f6ead0", False, "shop", ("#6a8a6a", "#efe2c2")),
        (104, 112, 250, "stepped", "#b76a52", trim, True, "shop", ("#8a5a4a", "#eadbb8")),
        (216, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (320, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (424, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (528, 104, 262, "volute", "#b25a46", trim, True, "arcade", None),
        (632, 120, 240, "stepped", "#e1c9a0", "#fbf0d8", False, "shop", ("#56708a", "#eadfc5")),
        (752, 110, 270, "curved", "#c98a62", trim, True, "shop", None),
        (862, 132, 236, "stepped", "#a95e4c", trim, True, "shop", ("#7c6a8a", "#efe0c0")),
        (994, 124, 256, "triangle", "#dcc49c", "#f7ead0", False, "shop", ("#6e8460", "#ebdcbc")),
        (1118, 180, 246, "curved", "#c7946a", trim, True, "shop", ("#8a5a4a", "#eadbb8")),
    ]
    for hx, w, h, gable, wall, tr, brick, ground, aw in houses:
        flemish_house(pen, rng, hx, base, w, h, gable, wall, tr, glass, floors=3 if h > 240 else 2,
                      ground=ground, brick=brick, awning_cols=aw)
    glaze(pen, [(0, 130), (W, 130), (W, 420), (0, 400)], "#fff0c8", 40, 14)     # sunlight on the facades
    glaze(pen, [(0, 400), (W, 420), (W, base + 2), (0, base + 2)], "#6a5a80", 50, 10)
    # flags: hanging from the sills, and on short poles out of the windows
    for hx, w, h, *_ in houses:
        top = base - h
        fh = (h - h * 0.28) / (3 if h > 240 else 2)
        if rng.random() < 0.75:
            fx = hx + w * rng.uniform(0.2, 0.5)
            hanging_flag(pen, fx, top + fh * 0.95, w * 0.3, fh * 0.85, sway=rng.uniform(-3, 3))
        if rng.random() < 0.6:
            small_flag(pen, hx + w * 0.85, top + fh * 0.2 - 20, 40, 26, 0.15, pole="#5a4a3a", pole_len=40,
                       pole_ang=rng.uniform(30, 50))
    # bunting across the square
    bcols = FLAG_COLS
    bunting(pen, (0, 240), (540, 200), 40, 22, 12, bcols)
    bunting(pen, (580, 200), (1280, 230), 50, 28, 12, bcols)
    # the column, in the middle of the square
    goddess_column(pen, 560, base + 24, 100, "#e6dcc8", "#c4b8a2", "#4e5e4c")
    # cobbles
    setts(pen, rng, 0, W, base, H, "#b4a694", "#9a8c7a", first_h=2.6, growth=1.105, aspect=2.0, vy=base - 40)
    glaze(pen, [(0, base), (W, base), (W, 560), (0, 560)], "#7a6a8a", 40, 14)
    # the crowd, back rows first, then the tank, then the front row
    crowd(pen, rng, -10, 1290, base + 14, 52, 80, flags=0.12)
    crowd(pen, rng, -10, 1290, base + 40, 66, 60, flags=0.15, skip=(700, 1120))
    tank(pen, 920, base + 92, 0.9, "#6e6a4a", "#8e8a62", "#3a3a30", facing=-1, rng=rng,
         flowers=("#e04a4a", "#f4f0e4", "#f0c040", "#5a7ad0", "#e07ab0"), crew=("#5e5a40", "#e8b898", "beret"))
    crowd(pen, rng, -10, 1290, base + 96, 84, 26, flags=0.3, skip=(640, 1180))
    keep = FLAG_COLS + CROWD_COLS + SKINS + tank_cols("#6e6a4a", "#8e8a62", "#3a3a30") + \
        ("#4e5e4c", "#e04a4a", "#f0c040", "#5a7ad0", "#e07ab0", HAIR)
    return finish_keep(img, rng, keep, vignette=0.2)


# ==========================================================================
# Chapter 4, scene 3: Saint-Omer, 5 September 1944
# ==========================================================================

def classical_house(pen, rng, x, base, w, h, wall, trim, roof, shutter, glass, floors=3, dormers=True,
                    flag=None):
    """18th-century town house of Saint-Omer: tall windows with shutters,
    a stone cornice and a slate mansard roof with dormers."""
    top = base - h
    pen.rect(x, top, x + w, base, fill=wall)
    rh = w * 0.32
    pen.poly([(x - 3, top), (x + w + 3, top), (x + w - 10, top - rh), (x + 10, top - rh)], fill=roof)
    pen.rect(x - 4, top - 4, x + w + 4, top + 3, fill=trim)                        # cornice
    n = max(2, int(w / 44))
    cw = w / n
    if dormers:
        for k in range(n):
            dx = x + cw * (k + 0.5)
            pen.rect(dx - 8, top - rh * 0.75, dx + 8, top - rh * 0.2, fill=trim)
            pen.poly([(dx - 11, top - rh * 0.75), (dx, top - rh * 0.98), (dx + 11, top - rh * 0.75)],
                    fill=shade(roof, 0.85))
            pen.rect(dx - 5, top - rh * 0.68, dx + 5, top - rh * 0.26, fill=glass)
    pen.rect(x + w * 0.7, top - rh - 14, x + w * 0.8, top - rh + 4, fill=shade(wall, 0.75))   # chimney
    fh = h * 0.78 / floors
    for f in range(floors):
        y0 = top + 10 + f * fh
        for k in range(n):
            cx = x + cw * (k + 0.5)
            ww, wh = cw * 0.3, fh * 0.62
            pen.rect(cx - ww - 3, y0 + 4, cx + ww + 3, y0 + 6 + wh, fill=trim)
            pen.rect(cx - ww, y0 + 7, cx + ww, y0 + 4 + wh, fill=glass)
            pen.line([(cx, y0 + 7), (cx, y0 + 4 + wh)], trim, 1.2)
            for yy in (y0 + 7 + wh * 0.33, y0 + 7 + wh * 0.66):
                pen.line([(cx - ww, yy), (cx + ww, yy)], trim, 1.0)
            if shutter:
                for sx in (cx - ww - 3 - cw * 0.16, cx + ww + 3):
                    pen.rect(sx, y0 + 5, sx + cw * 0.16, y0 + 5 + wh, fill=shutter)
                    for yy in range(int(y0 + 8), int(y0 + 4 + wh), 4):
                        pen.line([(sx + 1, yy), (sx + cw * 0.16 - 1, yy)], shade(shutter, 0.8), 0.8)
            pen.rect(cx - ww - 5, y0 + 6 + wh, cx + ww + 5, y0 + 9 + wh, fill=shade(trim, 0.9))
    gy = base - h * 0.2
    pen.rect(x, gy, x + w, base, fill=shade(wall, 0.93))
    pen.rect(x, gy - 3, x + w, gy, fill=trim)
    dx = x + w * 0.5
    pen.rect(dx - 13, gy + 6, dx + 13, base, fill=trim)
    pen.chord((dx - 13, gy - 2, dx + 13, gy + 14), 180, 360, fill=trim)
    pen.rect(dx - 10, gy + 8, dx + 10, base, fill=shade(shutter or "#5a4a40", 0.7))
    pen.line([(x, top), (x, base)], shade(wall, 0.75), 1.2)


def scene_saint_omer_1944(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#6f9fd0"), (0.35, "#98bde0"), (0.62, "#cfe0ea"), (1.0, "#ecefe6")])
    glow(pen, 300, 140, 240, 160, "#fff6dc", 0.5)
    for cx, cy, w, h in ((260, 80, 280, 34), (880, 60, 340, 40), (1160, 190, 200, 24)):
        cloud(pen, rng, cx, cy, w, h, "#fdfcf6", "#cbd8e4")
    base = 500
    # the cathedral at the end of the side street
    cath, cath_l, cath_d = "#bdb3a2", "#d8d0c0", "#a29a8c"
    pen.rect(600, 250, 780, 430, fill=cath_d)
    pen.poly([(596, 252), (612, 222), (772, 222), (786, 252)], fill=shade(cath_d, 0.9))
    for k in range(4):
        xx = 620 + k * 40
        pen.rect(xx, 270, xx + 10, 300, fill=shade(cath_d, 0.75))
        pen.poly([(xx, 270), (xx + 5, 261), (xx + 10, 270)], fill=shade(cath_d, 0.75))
    gothic_tower(pen, 560, 440, 112, 300, cath, cath_l, cath_d)

    # the side street in perspective, leading to the tower
    left_st = [(470, 330), (528, 396), (528, 444), (470, 500)]
    right_st = [(660, 320), (604, 392), (604, 444), (660, 500)]
    pen.poly(left_st, fill="#d9cdb4")
    pen.poly(right_st, fill="#c2b49a")
    for q, c in ((left_st, "#4e5a6a"), (right_st, "#4a5464")):
        for u in (0.2, 0.45, 0.7):
            for v in (0.2, 0.5):
                pen.poly(sub_quad(q, u, v, u + 0.1, v + 0.2), fill=c)
    pen.poly([(470, 330), (528, 396), (536, 390), (480, 318)], fill="#7a7a84")
    pen.poly([(660, 320), (604, 392), (596, 388), (650, 308)], fill="#70707a")
    pen.poly([(470, 500), (528, 444), (604, 444), (660, 500)], fill="#b6aa96")
    # houses on both sides of the street, facing us
    glass, trim = "#4a5566", "#f2ead8"
    lefts = [(-20, 150, 260, "#e8dcc4", "#5e7a8a", 3), (130, 120, 230, "#c9835e", "#6a8a70", 3),
             (250, 110, 250, "#ece4d2", "#7a6a8a", 3), (360, 110, 210, "#d5a47a", "#5e7a8a", 2)]
    rights = [(660, 120, 220, "#e6dcc6", "#6a8a70", 2), (780, 140, 260, "#c47a58", "#5e6e8a", 3),
              (920, 120, 240, "#ece2cc", "#8a5a4a", 3), (1040, 130, 270, "#d9b088", "#5e7a8a", 3),
              (1170, 130, 230, "#e4d8c0", "#6a8a70", 3)]
    for x, w, h, wall, sh, fl in lefts + rights:
        classical_house(pen, rng, x, base, w, h, wall, trim, "#5a6270", sh, glass, floors=fl)
    for group, col in ((lefts, "#fff0cc"), (rights, "#6a6080")):
        sky_line = []
        for x, w, h, *_ in group:
            rh = w * 0.32
            sky_line += [(x, base - h), (x + 10, base - h - rh), (x + w - 10, base - h - rh), (x + w, base - h)]
        with clip_to(pen, sky_line + [(sky_line[-1][0], base), (sky_line[0][0], base)]) as cp:
            glaze(cp, [(-20, 100), (1300, 100), (1300, base), (-20, base)], col, 40, 0)
    # tricolours at the windows
    for x, w, h, *_ in lefts + rights:
        top = base - h
        if rng.random() < 0.8:
            hanging_flag(pen, x + w * rng.uniform(0.15, 0.5), top + h * 0.3, w * 0.28, h * 0.28,
                    sway=rng.uniform(-3, 3))
        if rng.random() < 0.5:
            small_flag(pen, x + w * 0.8, top + 30, 38, 24, 0.15, pole="#5a4a3a", pole_len=40, pole_ang=40)
    bunting(pen, (0, 300), (470, 320), 30, 18, 11, FLAG_COLS)
    bunting(pen, (660, 310), (1280, 300), 40, 24, 11, FLAG_COLS)
    # pavement and the street
    pen.rect(-10, base, 1290, base + 22, fill="#c9bca6")
    pen.rect(-10, base + 22, 1290, base + 28, fill="#8e8272")
    setts(pen, rng, -10, 1290, base + 28, H, "#ada08e", "#958976", first_h=3.0, growth=1.105, aspect=2.0,
          vy=base - 20)
    glaze(pen, [(0, base + 28), (W, base + 28), (W, 580), (0, 580)], "#7a6a8a", 35, 14)
    # the townspeople along the pavement, the tank, children running beside it
    crowd(pen, rng, -10, 1290, base + 18, 70, 60, flags=0.25)
    tank(pen, 700, base + 104, 0.95, "#66664a", "#86865e", "#34342c", facing=1, rng=rng,
         flowers=("#e04a4a", "#f4f0e4", "#f0c040", "#e07ab0"), pennant=("#f4f2ec", "#d03a3a"),
         crew=("#5e5a40", "#e8b898", "beret"))
    for x, hh, pose, col in ((340, 62, "wave", "#a8453c"), (380, 50, "cheer", "#3e5e8a"), (1050, 64, "wave", "#4e6a4a"),
                             (1090, 54, "cheer", "#c07a3a"), (1130, 80, "wave", "#2f3e5e")):
        figure(pen, x, base + 100, hh, col, pose, head_col=rng.choice(SKINS), hat="hair", skirt=col == "#a8453c")
    keep = FLAG_COLS + CROWD_COLS + SKINS + tank_cols("#66664a", "#86865e", "#34342c") + \
        ("#e04a4a", "#f0c040", "#e07ab0", "#d03a3a", "#f4f2ec", HAIR)
    return finish_keep(img, rng, keep, vignette=0.2)


# ==========================================================================
# Chapter 4, scene 4: Boulogne-sur-Mer after the siege, late September 1944
# ==========================================================================

def ruined_house(pen, rng, x, base, w, h, wall, roof, dark, sky):
    """A house whose roof has been torn open: a ragged hole, bare rafters,
    and upper windows through which the sky shows.  Nothing more."""
    top = base - h
    rh = w * 0.45
    pen.rect(x, top, x + w, base, fill=wall)
    pen.poly([(x - 2, top), (x + w / 2, top - rh), (x + w + 2, top)], fill=roof)
    # ragged hole in the roof
    hole = [(x + w * 0.22, top), (x + w * 0.3, top - rh * 0.5), (x + w * 0.42, top - rh * 0.62),
            (x + w * 0.5, top - rh * 0.85), (x + w * 0.6, top - rh * 0.6), (x + w * 0.72, top - rh * 0.5),
            (x + w * 0.8, top - rh * 0.2), (x + w * 0.86, top)]
    pen.poly(hole, fill=sky)
    for k in range(5):                                                  # bare rafters across it
        rx_ = x + w * (0.28 + k * 0.12)
        pen.line([(rx_, top), (rx_ + (x + w / 2 - rx_) * 0.8, top - rh * 0.8)], dark, 1.8)
    pen.line([(x + w * 0.25, top - rh * 0.3), (x + w * 0.8, top - rh * 0.3)], dark, 1.4)
    # jagged top of the wall where the gable fell
    pen.poly([(x + w * 0.55, top + 1), (x + w * 0.62, top + 10), (x + w * 0.7, top + 4), (x + w * 0.8, top + 14),
              (x + w * 0.9, top + 6), (x + w * 0.9, top + 1)], fill=sky)
    for k in range(max(1, int(w / 26))):
        wx = x + 8 + k * 26
        if wx + 12 > x + w:
            break
        pen.rect(wx, top + 18, wx + 10, top + 32, fill=sky if k % 2 == 0 else dark)
        pen.rect(wx, top + h * 0.6, wx + 10, top + h * 0.6 + 14, fill=dark)
    pen.line([(x, top), (x, base)], shade(wall, 0.8), 1.2)


def portal_crane(pen, x, base, h, jib, col, facing=1):
    """Harbour crane on a portal: legs over the quay, a cabin and a jib."""
    lattice(pen, (x - 18, base), (x - 12, base - h * 0.45), (x + 18, base), (x + 12, base - h * 0.45), col, 1.4, 4)
    pen.rect(x - 16, base - h * 0.62, x + 16, base - h * 0.45, fill=col)
    pen.rect(x - 10, base - h * 0.72, x + 14, base - h * 0.62, fill=shade(col, 1.15))
    tip = (x + facing * jib, base - h)
    lattice(pen, (x, base - h * 0.62), tip, (x + facing * 8, base - h * 0.6), (tip[0], tip[1] + 4), col, 0.9, 8)
    pen.line([(x - facing * 6, base - h * 0.72), tip], col, 0.8)
    pen.line([tip, (tip[0], base - h * 0.35)], col, 0.8)
    pen.rect(tip[0] - 3, base - h * 0.35, tip[0] + 3, base - h * 0.32, fill=col)


def scene_boulogne_1944(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#7a8694"), (0.35, "#9aa4ae"), (0.6, "#c2c6c4"), (1.0, "#d2d2c8")])
    glow(pen, 900, 250, 300, 120, "#e8e2cc", 0.5)
    for cx, cy, w, h, c, a in [(300, 70, 900, 44, "#858f9a", 210), (1000, 110, 700, 40, "#8c959e", 200),
                               (600, 210, 900, 24, "#aeb4b6", 170), (1100, 280, 500, 14, "#c6c8c2", 160)]:
        stratus(pen, rng, cx, cy, w, h, c, a, 8)
    hz = 390
    # the sea, grey, and a far jetty
    pen.rect(600, hz, 1290, 560, fill="#8e9ca2")
    for k in range(30):
        y = hz + 4 + k * 5
        x = rng.uniform(620, 1280)
        pen.line([(x, y), (x + rng.uniform(20, 90), y)], C("#b4c0c2", 140), 1)
    pen.rect(1000, hz + 18, 1290, hz + 24, fill="#6e7474")
    pen.rect(1220, hz - 10, 1230, hz + 20, fill="#6e7474")
    # the hill of the haute-ville
    hill = [(-10, 330)] + bezier((-10, 330), (200, 310), (600, 300), (780, 340), 16)[1:] + \
        bezier((780, 340), (860, 370), (900, 420), (980, 470), 12)[1:] + [(980, 560), (-10, 560)]
    pen.poly(hill, fill="#7e8a6e")
    # the old town inside the walls: roofs, the belfry, the basilica and its dome
    town = "#8e8a84"
    x = 20
    while x < 720:
        w = rng.uniform(30, 60)
        h = rng.uniform(20, 50)
        c = jitter(rng, "#948c84", 6)
        pen.rect(x, 300 - h, x + w, 310, fill=c)
        pen.poly([(x - 1, 300 - h), (x + w / 2, 300 - h - w * 0.35), (x + w + 1, 300 - h)],
                 fill=rng.choice(["#6e6e78", "#8a5e4e", "#747480"]))
        x += w
    belfry = "#a49c8e"
    pen.rect(220, 170, 262, 300, fill=belfry)
    pen.rect(214, 164, 268, 176, fill=shade(belfry, 1.08))
    pen.rect(226, 140, 256, 166, fill=belfry)
    pen.poly([(224, 142), (241, 112), (258, 142)], fill="#6e6e78")
    for yy in (190, 230):
        pen.rect(234, yy, 248, yy + 22, fill=shade(belfry, 0.7))
    stone, stone_l, stone_d = "#c4baa6", "#ddd4c2", "#a0968a"
    bx = 450
    pen.rect(bx - 110, 230, bx + 110, 300, fill=stone)                     # church body
    pen.poly([(bx - 116, 232), (bx - 60, 206), (bx + 60, 206), (bx + 116, 232)], fill="#7a7a84")
    pen.rect(bx - 30, 200, bx + 30, 300, fill=stone_l)
    pen.poly([(bx - 36, 202), (bx, 178), (bx + 36, 202)], fill=stone_l)
    pen.rect(bx - 58, 150, bx + 58, 210, fill=stone)                      # the drum
    pen.rect(bx + 14, 150, bx + 58, 210, fill=stone_d)
    for k in range(9):
        cx_ = bx - 52 + k * 13
        pen.rect(cx_, 158, cx_ + 4, 206, fill=shade(stone, 1.12) if cx_ < bx + 14 else shade(stone_d, 1.1))
    pen.rect(bx - 62, 144, bx + 62, 152, fill=stone_l)
    pen.chord((bx - 60, 50, bx + 60, 238), 180, 360, fill=stone_l)        # the dome
    pen.chord((bx - 60, 50, bx + 60, 238), 270, 360, fill=stone_d)
    for k in range(1, 6):
        a = math.radians(180 + k * 30)
        pen.line([(bx + math.cos(a) * 58, 144 + math.sin(a) * 92), (bx, 56)], C(stone_d, 150), 1.4)
    pen.rect(bx - 12, 32, bx + 12, 58, fill=stone)                          # lantern
    pen.rect(bx + 2, 32, bx + 12, 58, fill=stone_d)
    pen.chord((bx - 13, 20, bx + 13, 44), 180, 360, fill=stone_l)
    pen.line([(bx, 20), (bx, 6)], stone_d, 2)
    pen.circle(bx, 6, 2.5, fill=stone_d)
    # the ramparts, a long wall with bastions, trees along the top
    for k in range(16):
        tx = 20 + k * 44 + rng.uniform(-8, 8)
        pen.circle(tx, 300, rng.uniform(14, 20), fill=rng.choice(["#6e7e5e", "#76865f"]))
    ram = "#b4a88e"
    wall_pts = [(-10, 308), (140, 306), (170, 296), (240, 296), (262, 308), (520, 310), (548, 300), (620, 300),
                (644, 314), (760, 322), (760, 392), (644, 386), (620, 392), (548, 392), (520, 382), (262, 380),
                (240, 390), (170, 390), (140, 380), (-10, 382)]
    pen.poly(wall_pts, fill=ram)
    with clip_to(pen, wall_pts) as cp:
        brick_texture(cp, rng, wall_pts, shade(ram, 0.82), 7.0, 60)
        for x0, x1 in ((140, 170), (240, 262), (520, 548), (620, 644)):
            cp.rect(x0, 290, x1, 400, fill=shade(ram, 0.78))
        glaze(cp, [(-10, 340), (770, 350), (770, 400), (-10, 400)], "#6a6456", 70, 10)
    pen.line(wall_pts[:10], shade(ram, 1.15), 3)
    # lower town down to the harbour: some houses standing, many roofs broken
    for x, h, kind in ((600, 60, 0), (650, 70, 1), (705, 56, 0), (750, 66, 1), (800, 58, 1), (850, 70, 0),
                       (900, 60, 1), (560, 72, 1), (500, 56, 0), (440, 66, 1)):
        base_ = 470 - (1000 - x) * 0.05 if x > 560 else 444
        w = 50
        if kind:
            ruined_house(pen, rng, x, base_, w, h, jitter(rng, "#b9ad98", 8), "#6e6e78", "#3e3a3a", "#bcc0c0")
        else:
            pen.rect(x, base_ - h, x + w, base_, fill=jitter(rng, "#c2b6a0", 8))
            pen.poly([(x - 2, base_ - h), (x + w / 2, base_ - h - 20), (x + w + 2, base_ - h)], fill="#6e6e78")
            for k in range(2):
                pen.rect(x + 8 + k * 22, base_ - h + 12, x + 18 + k * 22, base_ - h + 26, fill="#4a4e58")
    for x in range(10, 440, 46):                                         # the lower town under the walls
        h = rng.uniform(44, 70)
        base_ = 452 + rng.uniform(-4, 4)
        if x in (102, 286):
            ruined_house(pen, rng, x, base_, 44, h, jitter(rng, "#b9ad98", 8), "#6e6e78", "#3e3a3a", "#bcc0c0")
        else:
            pen.rect(x, base_ - h, x + 44, 470, fill=jitter(rng, "#c2b6a0", 8))
            pen.poly([(x - 2, base_ - h), (x + 22, base_ - h - 18), (x + 46, base_ - h)],
                     fill=rng.choice(["#6e6e78", "#8a5e4e"]))
            for k in range(2):
                pen.rect(x + 8 + k * 18, base_ - h + 12, x + 16 + k * 18, base_ - h + 24, fill="#4a4e58")
    for _ in range(14):                                                  # rubble heaps
        rx0 = rng.uniform(420, 960)
        pen.chord((rx0, 462, rx0 + rng.uniform(30, 70), 480), 180, 360, fill=rng.choice(["#9a9080", "#8a8070"]))
    # the harbour: quay, cranes, a few boats
    pen.rect(-10, 470, 1290, 490, fill="#8a857a")
    pen.rect(-10, 488, 1290, 494, fill="#5e5a54")
    for x, h, jib, f in ((700, 150, 80, 1), (860, 170, 90, 1), (1040, 140, -70, -1), (1160, 160, 80, 1)):
        portal_crane(pen, x, 472, h, abs(jib), "#4a4e54", f)
    pen.rect(960, 430, 1120, 472, fill="#7a7068")                          # warehouse, roof gone
    for k in range(8):
        pen.line([(966 + k * 20, 430), (976 + k * 20, 414)], "#3e3a3a", 1.6)
    for k in range(5):
        pen.rect(972 + k * 30, 442, 984 + k * 30, 458, fill="#3e3a3a")
    # quay water in the foreground and moored fishing boats
    pen.rect(-10, 494, 1290, 600, fill="#7e8c92")
    for k in range(24):
        y = 500 + k * 4
        x = rng.uniform(0, 1280)
        pen.line([(x, y), (x + rng.uniform(30, 120), y)], C("#a6b2b4", 140), 1.2)
    for bx_, bw, col in ((150, 150, "#4e5e6e"), (360, 120, "#6e4e3e"), (820, 140, "#3e5a5a")):
        by = 540
        pen.poly([(bx_, by - 20), (bx_ + bw, by - 24), (bx_ + bw - 14, by), (bx_ + 12, by + 2)], fill=col)
        pen.rect(bx_ + bw * 0.55, by - 44, bx_ + bw * 0.8, by - 22, fill="#d8d0c0")
        pen.rect(bx_ + bw * 0.58, by - 40, bx_ + bw * 0.66, by - 32, fill="#4a4e58")
        pen.line([(bx_ + bw * 0.35, by - 22), (bx_ + bw * 0.35, by - 80)], "#3e3a36", 2)
        pen.poly([(bx_ + 8, by + 4), (bx_ + bw - 10, by + 2), (bx_ + bw - 16, by + 10), (bx_ + 16, by + 12)],
                 fill=C("#2e3a40", 70))
    # the near quay, calm stone
    pen.rect(-10, 600, 1290, 730, fill="#9a948a")
    pen.rect(-10, 600, 1290, 608, fill="#b8b2a6")
    for k in range(1, 4):
        pen.line([(-10, 608 + k * 30), (1290, 608 + k * 30)], C("#847e74", 160), 1.2)
    for x in range(-10, 1290, 90):
        pen.line([(x, 608), (x, 720)], C("#847e74", 120), 1.0)
    for x in (220, 760, 1120):
        pen.rect(x - 10, 586, x + 10, 606, fill="#3e3a36")
        pen.ellipse(x - 13, 580, x + 13, 590, fill="#4a4640")
    glaze(pen, [(0, 600), (W, 600), (W, H), (0, H)], "#6a6660", 40, 20)
    return finish(img, rng, vignette=0.25)


# ==========================================================================
# Chapter 4, scene 5: around besieged Dunkirk, spring 1945 -- the long wait
# ==========================================================================

def reflect(img, pen, y_axis, y0, y1, x0, x1, alpha=120, squash=1.0, ripple=3):
    """Mirror the picture above y_axis into the band y0..y1 (water)."""
    s = pen.s
    h = int((y1 - y0) / squash)
    src = img.crop((int(x0 * s), int((y_axis - h) * s), int(x1 * s), int(y_axis * s))).transpose(Image.FLIP_TOP_BOTTOM)
    src = src.resize((src.size[0], int((y1 - y0) * s)))
    layer = img.copy()
    strip = 4 * s
    for yy in range(0, src.size[1], strip):
        off = int(math.sin(yy / (7.0 * s)) * ripple * s)
        layer.paste(src.crop((0, yy, src.size[0], min(src.size[1], yy + strip))), (int(x0 * s) + off, int(y0 * s) + yy))
    return layer


def blossom_tree(pen, rng, x, base, h, r):
    """A fruit tree in full blossom: a dark trunk and branches under a lumpy
    crown of white and pale pink flower clusters."""
    cy = base - h + r * 0.75
    pen.poly([(x - 9, base), (x + 9, base), (x + 5, cy + r * 0.3), (x - 5, cy + r * 0.3)], fill="#5a4838")
    for dx, dy in ((-0.7, -0.5), (0.6, -0.6), (0.1, -0.9), (-0.4, -0.2), (0.8, -0.1)):
        pen.line([(x, cy + r * 0.35), (x + dx * r * 0.8, cy + dy * r * 0.6)], "#5a4838", 5)
    for layer, cols in ((0, ("#d9b8c4", "#dcc0ca")), (1, ("#ecd6de", "#f0dce2", "#e6ccd6")),
                        (2, ("#f8eef0", "#fbf4f4", "#f4e4ea"))):
        for _ in range(34):
            a = rng.uniform(0, math.tau)
            d = rng.uniform(0, 1) ** 0.6
            px = x + math.cos(a) * r * d - layer * r * 0.08
            py = cy + math.sin(a) * r * 0.68 * d - layer * r * 0.08
            pen.circle(px, py, rng.uniform(14, 24) * (1 - layer * 0.15), fill=rng.choice(cols))
    for _ in range(120):
        a = rng.uniform(0, math.tau)
        d = rng.uniform(0, 1) ** 0.5
        pen.circle(x + math.cos(a) * r * d, cy + math.sin(a) * r * 0.68 * d, rng.uniform(1.5, 3),
                   fill=rng.choice(["#ffffff", "#e8aabc", "#d890a8", "#9ab880"]))


def scene_dunkerque_1945(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#86abd0"), (0.35, "#a9c6de"), (0.55, "#d2e0e6"), (1.0, "#efeadc")])
    glow(pen, 300, 300, 320, 160, "#fbf2d8", 0.6)
    for cx, cy, w, h in ((700, 90, 320, 30), (1100, 150, 240, 24), (260, 170, 200, 20)):
        cloud(pen, rng, cx, cy, w, h, "#fbfaf4", "#d6dfe6")
    hz = 400
    # Dunkirk on the horizon: the belfry, the church of Saint-Eloi, the old lighthouse, cranes
    far = "#9aa6b4"
    pen.rect(760, hz - 26, 1180, hz, fill=far)
    x = 760
    while x < 1180:
        w = rng.uniform(16, 34)
        h = rng.uniform(8, 24)
        pen.rect(x, hz - 26 - h, x + w, hz, fill=far)
        pen.poly([(x, hz - 26 - h), (x + w / 2, hz - 36 - h), (x + w, hz - 26 - h)], fill=far)
        x += w
    bt = shade(far, 0.95)
    pen.rect(900, 300, 926, hz, fill=bt)                          # the belfry
    pen.rect(896, 296, 930, 304, fill=bt)
    pen.rect(903, 276, 923, 298, fill=bt)
    pen.poly([(901, 278), (913, 246), (925, 278)], fill=bt)
    for tx in (897, 925):
        pen.poly([(tx - 3, 298), (tx, 286), (tx + 3, 298)], fill=bt)
    pen.rect(940, 344, 1040, hz, fill=bt)                          # the church beside it
    pen.poly([(936, 346), (950, 330), (1030, 330), (1044, 346)], fill=bt)
    pen.rect(1090, 318, 1104, hz, fill=bt)                         # the Leughenaer
    pen.poly([(1088, 320), (1097, 310), (1106, 320)], fill=bt)
    for cx_ in (1130, 1160):
        pen.line([(cx_, hz - 20), (cx_, hz - 60), (cx_ + 24, hz - 70)], bt, 1.4)
    # the far dike with its poplars
    pen.rect(-10, hz - 6, 1290, hz + 2, fill="#8a9a80")
    for k in range(40):
        x = 10 + k * 33 + rng.uniform(-6, 6)
        if 740 < x < 1190:
            continue
        poplar(pen, x, hz - 4, rng.uniform(50, 80), rng.uniform(10, 15), "#7f9472", "#91a682", "#6a6a60")
    glaze(pen, [(0, hz - 100), (W, hz - 100), (W, hz + 2), (0, hz + 2)], "#dfe6e6", 50, 6)
    # the flooded fields: still water mirroring the sky and the poplars
    pen.rect(-10, hz + 2, 1290, 730, fill="#b9ccd8")
    layer = reflect(img, pen, hz - 4, hz + 2, hz + 150, -10, 1290, ripple=2)
    m = Image.new("L", img.size, 0)
    ImageDraw.Draw(m).rectangle(pen.P([(-10, hz + 2), (1290, hz + 152)]), fill=140)
    img.paste(layer, (0, 0), m)
    for k in range(60):
        y = rng.uniform(hz + 6, 700)
        x = rng.uniform(0, W)
        ln = rng.uniform(10, 60) * (0.4 + (y - hz) / 300)
        pen.line([(x, y), (x + ln, y)], C("#e8f0f2", 130), 1 + (y - hz) / 200)
    # strips of drowned meadow and a second line of poplars, with their reflections
    for y0, y1 in ((hz + 30, hz + 36), (hz + 78, hz + 86)):
        pen.rect(-10, y0, 1290, y1, fill="#8fa47c")
    for k in range(16):
        x = 40 + k * 80 + rng.uniform(-10, 10)
        if 420 < x < 640:
            continue
        h = rng.uniform(90, 130)
        poplar(pen, x, hz + 80, h, h * 0.2, "#6f8a5e", "#86a06e", "#5a5048")
        pen.ellipse(x - h * 0.1, hz + 86, x + h * 0.1, hz + 86 + h * 0.8, fill=C("#6f8a5e", 70))
        pen.rect(x - 1, hz + 86, x + 1, hz + 86 + h * 0.3, fill=C("#5a5048", 70))
    # the quiet road on its dike, running to the front line, and the barrier
    road = [(-10, 640), (-10, 580), (560, 470), (640, 452), (700, 452), (660, 476), (160, 640)]
    pen.poly([(-10, 664), (-10, 570), (560, 462), (652, 444), (716, 446), (672, 480), (190, 664)], fill="#7d9268")
    pen.poly(road, fill="#b3a890")
    pen.line([(-10, 610), (600, 462), (670, 452)], C("#9a8e78", 200), 2)
    for k in range(6):                                          # telegraph poles
        t = k / 6
        px, py = 40 + (600 - 40) * t, 560 - (560 - 452) * t
        hh = 120 * (1 - t * 0.8)
        pen.line([(px, py), (px, py - hh)], "#5a4e44", max(1.2, 4 * (1 - t * 0.8)))
        pen.line([(px - hh * 0.12, py - hh * 0.92), (px + hh * 0.12, py - hh * 0.92)], "#5a4e44", max(1, 3 * (1 - t)))
    pen.line([(40, 560 - 120 * 0.92), (600 - 560 * 0 + 0, 452 - 24 * 0.92)], "#5a4e44", 0.8)
    # the barrier: a striped pole across the road, a little sentry hut, nobody about
    far_end, near_end = (436, 494), (520, 538)
    pen.rect(far_end[0] - 4, far_end[1] - 44, far_end[0] + 4, far_end[1], fill="#5a4e44")
    pen.rect(near_end[0] - 3, near_end[1] - 30, near_end[0] + 3, near_end[1] + 4, fill="#5a4e44")
    a0 = (far_end[0], far_end[1] - 36)
    a1 = (near_end[0] + 14, near_end[1] - 24)
    for k in range(8):
        p0, p1 = lerp(a0, a1, k / 8), lerp(a0, a1, (k + 1) / 8)
        pen.line([p0, p1], "#c8403a" if k % 2 == 0 else "#f2eee4", 7)
    pen.rect(356, 434, 404, 498, fill="#7a6a56")
    pen.poly([(350, 436), (380, 418), (410, 436)], fill="#5a4a3e")
    pen.rect(366, 452, 388, 470, fill="#3e3832")
    pen.rect(404, 440, 410, 498, fill="#665846")
    for k in range(6):                                          # a low coil of wire on the near verge
        pen.arc((540 + k * 15, 530 - k * 5, 560 + k * 15, 546 - k * 5), 0, 360, "#5a5650", 1)
    # the blossoming tree by the road
    blossom_tree(pen, rng, 236, 636, 340, 130)
    for _ in range(20):                                         # petals on the water and the road
        x, y = rng.uniform(200, 700), rng.uniform(560, 700)
        pen.ellipse(x - 2, y - 1, x + 2, y + 1, fill="#f6e4ea")
    # reeds along the near water
    reeds(pen, rng, 700, 1290, 724, 30, 110, 90, ["#8a9a5e", "#748a50", "#9aa868"], heads=0.05, lean=0.05)
    glaze(pen, [(0, 620), (W, 620), (W, H), (0, H)], "#8aa0a8", 50, 20)
    return finish_keep(img, rng, ("#c8403a", "#f2eee4", "#f8eef0", "#ecd6de", "#d9b8c4", "#e8aabc", "#d890a8"),
            vignette=0.2)


# ==========================================================================
# Chapter 4, scene 6: a memorial today
# ==========================================================================

def scene_memorial(rng):
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, "#93b6d6"), (0.35, "#b7cfe2"), (0.6, "#e2e8e6"), (1.0, "#f2ecdc")])
    glow(pen, 1080, 180, 320, 220, "#fff4d8", 0.75)
    for cx, cy, w, h in ((300, 80, 260, 28), (760, 50, 240, 24)):
        cloud(pen, rng, cx, cy, w, h, "#fbfaf4", "#d8e0e8")
    # trees behind the wall: a park of limes
    tree_mass(pen, rng, -20, 1300, 380, 160, 260, ["#7e9a6a", "#86a270", "#779463"], 34, 56, light="#a6bf88")
    glaze(pen, [(0, 100), (W, 100), (W, 400), (0, 400)], "#eef0e4", 60, 10)
    pen.rect(-10, 376, 1290, 640, fill="#94ae7a")                        # the lawn behind the wall
    tree_mass(pen, rng, 900, 1300, 420, 120, 200, ["#6a8a5a", "#729260"], 30, 46, light="#98b47c")
    pen.rect(-10, 418, 1290, 640, fill="#8aa670")
    # the long wall, receding to the right
    VX, VY = 1600.0, 400.0

    def wp(t, v):
        """Point on the wall: t along its length (0 near, 1 far), v from top (0) to foot (1)."""
        z = 1 + 3 * t
        x = VX + (60 - VX) / z
        yt = VY + (150 - VY) / z
        yb = VY + (540 - VY) / z
        return (x, yt + (yb - yt) * v)

    wall_q = [wp(0, 0), wp(1, 0), wp(1, 1), wp(0, 1)]
    pen.poly([wp(0, 1), wp(1, 1), (wp(1, 1)[0], wp(1, 1)[1] + 6), (wp(0, 1)[0], wp(0, 1)[1] + 30)], fill="#b8ae98")
    pen.poly(wall_q, fill="#d9d1bd")
    # the near end of the wall, seen edge on
    pen.poly([wp(0, 0), (wp(0, 0)[0] - 26, wp(0, 0)[1] + 6), (wp(0, 1)[0] - 26, wp(0, 1)[1] + 4), wp(0, 1)],
             fill="#bfb6a0")
    # coping and plinth
    pen.poly([wp(0, -0.03), wp(1, -0.03), wp(1, 0.03), wp(0, 0.03)], fill="#e8e2d2")
    pen.poly([(wp(0, -0.03)[0] - 28, wp(0, -0.03)[1] + 6), wp(0, -0.03), wp(0, 0.03),
              (wp(0, 0.03)[0] - 28, wp(0, 0.03)[1] + 6)], fill="#cfc8b6")
    pen.poly([wp(0, 0.9), wp(1, 0.9), wp(1, 1), wp(0, 1)], fill="#c7bea8")
    # bronze plaques, row after row of engraved lines (no readable text)
    n = 16
    bronze, bronze_l, bronze_d = "#8a6a44", "#a8865a", "#5e4630"
    for i in range(n):
        t0, t1 = (i + 0.08) / n, (i + 0.92) / n
        for (v0, v1) in ((0.1, 0.46), (0.5, 0.86)):
            q = [wp(t0, v0), wp(t1, v0), wp(t1, v1), wp(t0, v1)]
            pen.poly([(x + 2, y + 2) for x, y in q], fill=C("#5a4a3a", 70))
            pen.poly(q, fill=bronze)
            pen.poly(sub_quad(q, 0, 0, 0.08, 1), fill=bronze_l)
            pen.poly(sub_quad(q, 0.04, 0.03, 0.96, 0.1), fill=bronze_l)          # a plain title band
            width = q[1][0] - q[0][0]
            rows = max(4, int((q[3][1] - q[0][1]) / 7))
            cols = 2 if width > 30 else 1
            for c in range(cols):
                for r in range(rows):
                    v = 0.18 + 0.76 * (r + 0.5) / rows
                    u0 = 0.08 + c * 0.46
                    u1 = u0 + rng.uniform(0.18, 0.38)
                    a, b = quad_pt(q, u0, v), quad_pt(q, u1, v)
                    pen.line([a, b], bronze_d, max(0.6, 1.6 * (1 - t0 * 0.6)))
    glaze(pen, [wp(0, 0), wp(0.35, 0), wp(0.25, 1), wp(0, 1)], "#fff0cc", 40, 20)
    # wreaths and flowers laid at the foot of the wall
    for t, r in ((0.03, 40), (0.12, 34), (0.26, 24), (0.42, 18), (0.6, 13)):
        x, y = wp(t, 0.78)
        wreath(pen, rng, x, y, r, "#4e6e42", "#5e7e4c", ("#e04a4a", "#f4f0e4", "#f0c040", "#c03a4a"))
    for t in (0.07, 0.18, 0.33, 0.5, 0.7, 0.85):
        x, y = wp(t, 1)
        sc = 1 - t * 0.7
        pen.ellipse(x - 40 * sc, y - 14 * sc, x + 40 * sc, y + 6 * sc, fill="#5e7e4c")
        for _ in range(int(26 * sc) + 6):
            fx = x + rng.uniform(-38, 38) * sc
            fy = y + rng.uniform(-10, 4) * sc
            pen.line([(fx, fy + 8 * sc), (fx + rng.uniform(-3, 3), fy - 12 * sc)], "#5e7e4c", max(1, 2 * sc))
            pen.circle(fx, fy - 12 * sc, rng.uniform(4, 7.5) * sc,
                       fill=rng.choice(["#e04a4a", "#f4f0e4", "#f0c040", "#e07ab0", "#8a6ad0", "#ffffff"]))
    # the paved walk and a calm lawn
    walk = [wp(0, 1), wp(1, 1), (1290, 470), (1290, 560), (-10, 620), (-10, 560)]
    pen.poly(walk, fill="#d8cfba")
    for k in range(1, 12):
        t = k / 12
        a = wp(t * t, 1)
        pen.line([a, (a[0] - 60 * (1 - t), 620 - 60 * t)], C("#bdb39c", 200), 1.2)
    pen.poly([(-10, 620), (1290, 560), (1290, 730), (-10, 730)], fill="#86a46a")
    glaze(pen, [(0, 600), (W, 560), (W, H), (0, H)], "#6e9058", 70, 20)
    glaze(pen, [(600, 560), (1280, 540), (1280, 720), (900, 720)], "#fff0c8", 40, 30)
    keep = ("#e04a4a", "#f4f0e4", "#f0c040", "#e07ab0", "#8a6ad0", "#c03a4a") + FLAG_COLS + \
        (bronze, bronze_l, bronze_d)
    return finish_keep(img, rng, keep, vignette=0.2)


# ==========================================================================
# PORTRAITS -- the shared construction of generate_art.py:
# backdrop + halo, bust, clothes, head, hair / headgear, face, frame.
# ==========================================================================

def _start(backdrop):
    img, pen = new_canvas((PW, PW), PSS)
    portrait_backdrop(pen, backdrop)
    return img, pen


def _flat_cap(pen, cloth, band=None, tilt=0):
    """Soft flat cap (casquette): puffed crown, short peak, seam, button."""
    crown = bezier((74, 88), (66, 60), (92, 40), (132, 40 + tilt), 12) + \
        bezier((132, 40 + tilt), (176, 40), (196, 58), (184, 88), 12)[1:]
    pen.poly(crown, fill=cloth, outline=INK, width=LW)
    pen.line(bezier((92, 50), (110, 60), (150, 62), (178, 58), 10), C(shade(cloth, 0.7), 220), 1.6)
    pen.circle(134, 44 + tilt * 0.5, 3.2, fill=shade(cloth, 0.85), outline=INK, width=1.2)
    # tweed flecks
    rng = random.Random(7)
    with clip_to(pen, crown) as cp:
        for _ in range(70):
            x, y = rng.uniform(70, 190), rng.uniform(38, 90)
            cp.line([(x, y), (x + 3, y + 1)], C(shade(cloth, rng.choice((0.75, 1.25))), 150), 1.0)
        cp.line(bezier((76, 72), (110, 64), (150, 64), (182, 70), 8), C("#ffffff", 40), 2.0)
    # peak
    pk = band or shade(cloth, 0.75)
    pen.chord((84, 72, 176, 100), 0, 180, fill=pk, outline=INK, width=LW)
    pen.line([(84, 86), (176, 86)], INK, LW)


def _wrinkles(pen, skin, crow=True, cheeks=True):
    if crow:
        for ex, d in ((108, -1), (148, 1)):
            for k in (-1, 1):
                pen.line([(ex + d * 9, 113 + k * 1), (ex + d * 14, 111 + k * 4)], shade(skin, 0.72), 1.3)
    if cheeks:
        pen.arc((94, 120, 112, 160), 150, 210, shade(skin, 0.75), 1.4)
        pen.arc((144, 120, 162, 160), 330, 30, shade(skin, 0.75), 1.4)


def _collar_shirt(pen, fill, y0=190, depth=236):
    pen.poly([(106, y0 + 2), (150, y0 + 2), (128, depth)], fill=fill, outline=INK, width=LW)
    pen.poly([(104, y0), (124, y0 + 14), (112, y0 + 22)], fill=shade(fill, 1.06), outline=INK, width=DW)
    pen.poly([(152, y0), (132, y0 + 14), (144, y0 + 22)], fill=shade(fill, 1.06), outline=INK, width=DW)


def _lapels(pen, jacket, spread=26, low=256):
    for side in (-1, 1):
        pen.poly([(128 + side * spread, 190), (128 + side * 10, low), (128 + side * 44, low),
                  (128 + side * 40, 226), (128 + side * 50, 216), (128 + side * 40, 194)],
                 fill=shade(jacket, 1.12), outline=INK, width=LW)


def _sleeve_seams(pen, cloth):
    """Set-in sleeve seams so the arms read as arms."""
    pen.line(bezier((66, 198), (74, 214), (74, 236), (70, 256), 10), C(shade(cloth, 0.6), 230), 1.8)
    pen.line(bezier((190, 198), (182, 214), (182, 236), (186, 256), 10), C(shade(cloth, 0.6), 230), 1.8)


def portrait_paul():
    """Paul, 38, coal miner at Dourges, 1941: leather barrette, work jacket."""
    img, pen = _start("#cf9884")
    skin, hair = "#e3b08e", "#3b2f2a"
    jacket = "#5f7080"
    bust(pen, jacket, skin)
    # neckerchief knotted at the throat
    pen.poly([(104, 190), (152, 190), (128, 222)], fill="#dedad0", outline=INK, width=LW)
    for x in range(110, 150, 8):
        pen.line([(x, 192), (128 + (x - 128) * 0.3, 216)], C("#8a92a0", 160), 1.2)
    pen.poly([(120, 206), (136, 206), (140, 226), (128, 222), (116, 226)], fill="#cfcabe", outline=INK, width=DW)
    # jacket collar and lapels, breast pocket, coal dust on the cloth
    for side in (-1, 1):
        pen.poly([(128 + side * 28, 188), (128 + side * 12, 230), (128 + side * 30, 256), (128 + side * 58, 256),
                  (128 + side * 52, 214), (128 + side * 56, 200)], fill=shade(jacket, 1.12), outline=INK, width=LW)
    pen.rect(60, 222, 92, 246, fill=shade(jacket, 0.92), outline=INK, width=DW)
    pen.line([(60, 230), (92, 230)], INK, 1.4)
    buttons(pen, 76, (226,), 2.4, "#8a8070")
    buttons(pen, 148, (244,), 3.0, "#8a8070")
    for x0, y0 in ((44, 236), (176, 214), (196, 240)):
        pen.line([(x0, y0), (x0 + 16, y0 - 3)], C("#2a2a30", 60), 3)
    head(pen, skin, long=2)
    side_hair(pen, hair, 84, 112, 16, long=2)
    # barrette: hard leather cap with a crest, a narrow brim and a lamp hook
    cap, cap_l = "#3a2f28", "#5e4c40"
    dome = arc_pts(128, 86, 52, 54, 180, 360, 28)
    pen.poly(dome + [(180, 90), (76, 90)], fill=cap, outline=INK, width=LW)
    pen.poly([(122, 34), (134, 34), (138, 84), (118, 84)], fill=cap_l, outline=INK, width=DW)   # crest
    pen.line([(128, 36), (128, 84)], C("#8a7464", 200), 1.4)
    pen.arc((88, 44, 168, 110), 200, 250, C("#9a8070", 200), 3)
    pen.rrect(68, 82, 188, 96, 7, fill=shade(cap, 0.85), outline=INK, width=LW)                  # brim
    pen.line([(76, 86), (180, 86)], C("#7a6454", 180), 1.2)
    pen.rect(122, 62, 134, 80, fill="#9a9488", outline=INK, width=1.4)                          # lamp hook
    pen.rect(125, 66, 131, 74, fill="#6a655c")
    face(pen, skin, hair, "smile", brow_w=2.6)
    # coal dust: smudges on cheeks, forehead and nose, soft around the eyes
    with clip_to(pen, head_outline(2)) as cp:
        glaze(cp, [(80, 96), (176, 96), (176, 104), (80, 104)], "#5a4a48", 60, 3)       # shade of the brim
        for pts in ([(86, 146), (100, 138), (108, 148), (96, 154)], [(170, 148), (156, 140), (150, 150), (162, 156)],
                    [(140, 98), (160, 100), (154, 104), (138, 103)], [(114, 156), (124, 160), (118, 164)]):
            glaze(cp, pts, "#4a4448", 70, 2)
    # small moustache
    pen.poly(bezier((112, 140), (118, 134), (126, 134), (128, 137), 6) +
             bezier((128, 137), (130, 134), (138, 134), (144, 140), 6)[1:] +
             [(128, 141)], fill=hair, outline=INK, width=1.4)
    _wrinkles(pen, skin, crow=True, cheeks=False)
    frame(pen)
    return finish_portrait(img)


def portrait_guide():
    """Museum guide at La Coupole today: short hair, blazer, lanyard badge."""
    img, pen = _start("#d7a3c9")
    skin, hair, hair_l = "#f0c6a4", "#8a5e3e", "#a87a52"
    # short bob behind the head
    pen.poly(arc_pts(128, 104, 60, 62, 180, 360, 24) + [(190, 150), (178, 158), (78, 158), (66, 150)],
             fill=hair, outline=INK, width=LW)
    blazer = "#34466a"
    bust(pen, blazer, skin)
    # t-shirt with a round neck
    pen.poly([(100, 192), (156, 192), (150, 256), (106, 256)], fill="#f2ede4", outline=INK, width=LW)
    pen.chord((108, 180, 148, 208), 0, 180, fill=skin, outline=INK, width=DW)
    _lapels(pen, blazer, spread=30)
    # lanyard and badge (blank card, coloured stripe, small photo square)
    lan = "#e0603a"
    pen.line([(110, 196), (119, 216), (126, 222)], lan, 4)
    pen.line([(146, 196), (137, 216), (130, 222)], lan, 4)
    pen.line([(110, 196), (119, 216), (126, 222)], C(INK, 140), 1)
    pen.rect(124, 218, 132, 228, fill="#b8b8c0", outline=INK, width=1.2)
    pen.rrect(110, 226, 146, 254, 3, fill="#ffffff", outline=INK, width=DW)
    pen.rect(111, 227, 145, 234, fill=lan)
    pen.rect(115, 238, 125, 249, fill="#9aaac0")
    for y in (240, 245):
        pen.line([(129, y), (141, y)], "#c8c8d0", 1.6)
    head(pen, skin, ears=False)
    # hair on top: side-swept fringe, covering the ears' tops
    top = arc_pts(128, 104, 56, 58, 180, 360, 24)
    fringe = bezier((184, 112), (182, 84), (160, 70), (140, 72), 10) + \
        bezier((140, 72), (118, 90), (96, 96), (80, 94), 10)[1:] + [(72, 112)]
    pen.poly(top + fringe, fill=hair, outline=INK, width=LW)
    pen.arc((92, 58, 150, 100), 200, 290, hair_l, 3)
    pen.arc((140, 62, 180, 110), 280, 350, hair_l, 3)
    pen.line(bezier((140, 72), (132, 64), (126, 56), (122, 48), 6), INK, 1.6)
    for x0, d in ((72, 1), (184, -1)):                                    # locks over the ears
        lock = bezier((x0 + d * 16, 92), (x0 - d * 4, 96), (x0 - d * 6, 130), (x0 + d * 2, 156), 10) + \
            bezier((x0 + d * 2, 156), (x0 + d * 10, 150), (x0 + d * 16, 146), (x0 + d * 18, 140), 6)[1:]
        pen.poly(lock, fill=hair, outline=INK, width=DW)
        pen.line(bezier((x0 + d * 10, 104), (x0 + d * 4, 120), (x0 + d * 5, 136), (x0 + d * 8, 146), 8), hair_l, 2)
    face(pen, skin, hair, "smile", brow_lift=1)
    _wrinkles(pen, skin, crow=True, cheeks=False)
    frame(pen)
    return finish_portrait(img)


def portrait_andre():
    """André, 20, requisitioned for the STO in 1944: worn jacket, flat cap."""
    img, pen = _start("#c9b99b")
    skin, hair = "#e8bd9c", "#5a4232"
    jacket = "#6a5a4c"
    bust(pen, jacket, skin)
    # collarless shirt and a knitted pullover
    pen.poly([(104, 190), (152, 190), (146, 256), (110, 256)], fill="#8a7a5c", outline=INK, width=LW)
    for y in range(206, 256, 7):
        pen.line([(108, y), (148, y)], C("#6e6048", 160), 1.2)
    pen.poly([(108, 190), (148, 190), (128, 214)], fill="#e6dfcf", outline=INK, width=DW)
    for side in (-1, 1):
        pen.poly([(128 + side * 24, 188), (128 + side * 18, 256), (128 + side * 44, 256), (128 + side * 42, 226),
                  (128 + side * 52, 214), (128 + side * 38, 192)], fill=shade(jacket, 1.1), outline=INK, width=LW)
    # worn cloth: a darned patch and frayed edges
    pen.rect(176, 218, 200, 240, fill="#7c6a52", outline=INK, width=1.4)
    for k in range(5):
        pen.line([(178 + k * 5, 219), (178 + k * 5, 239)], C("#5a4a3a", 160), 1)
    for x in range(42, 72, 6):
        pen.line([(x, 212), (x + 2, 218)], C(shade(jacket, 1.3), 200), 1.2)
    _sleeve_seams(pen, jacket)
    head(pen, skin)
    side_hair(pen, hair, 86, 112, 14)
    _flat_cap(pen, "#7e6a52")
    face(pen, skin, hair, "small", brow_lift=2)
    # thin face: hollow cheeks, a shadow under the cheekbones
    with clip_to(pen, head_outline()) as cp:
        glaze(cp, [(82, 128), (96, 140), (100, 160), (84, 150)], "#a8705a", 70, 3)
        glaze(cp, [(174, 128), (160, 140), (156, 160), (172, 150)], "#a8705a", 70, 3)
    for ex in (108, 148):
        pen.arc((ex - 7, 118, ex + 7, 126), 20, 160, shade(skin, 0.78), 1.2)   # tired eyes
    frame(pen)
    return finish_portrait(img)


def portrait_sergei():
    """Sergei, 22, Soviet prisoner of war forced to work: grey tunic, shaved head."""
    img, pen = _start("#a6b0bc")
    skin, hair = "#ecc4a2", "#8a7660"
    tunic = "#80837a"
    bust(pen, tunic, skin)
    # stand collar and buttoned placket of the tunic, worn and mended
    pen.rrect(104, 182, 152, 200, 5, fill=shade(tunic, 1.08), outline=INK, width=LW)
    pen.rect(120, 198, 136, 256, fill=shade(tunic, 1.08), outline=INK, width=DW)
    buttons(pen, 128, (190, 214, 236), 3.0, "#8e8a7a")
    pen.rect(50, 214, 80, 238, fill="#72756c", outline=INK, width=1.4)          # patch
    for k in range(6):
        pen.line([(52 + k * 5, 215), (52 + k * 5 + 2, 237)], C("#5a5c54", 170), 1)
    for x, y in ((168, 226), (186, 244), (160, 248)):
        pen.line([(x, y), (x + 10, y - 4)], C(shade(tunic, 0.7), 200), 1.4)    # creases
    _sleeve_seams(pen, tunic)
    head(pen, skin)
    # very short (cropped) hair: a soft cap darker than the skin, a fine hairline
    cap = mix(skin, hair, 0.85)
    top = arc_pts(128, 104, 50, 50, 180, 360, 24)
    hairline = bezier((178, 106), (174, 92), (156, 82), (128, 82), 10) + \
        bezier((128, 82), (100, 82), (82, 92), (78, 106), 10)[1:]
    with clip_to(pen, head_outline()) as cp:
        cp.poly(top + hairline, fill=cap)
        for k in range(25):
            t = k / 24
            x, y = hairline[int(t * (len(hairline) - 1))]
            cp.line([(x, y), (x, y - 3)], C(shade(cap, 0.85), 200), 1.0)
        cp.arc((96, 58, 160, 100), 200, 330, C("#ffffff", 45), 4)
    pen.ellipse(80, 56, 176, 168, outline=INK, width=LW)
    face(pen, skin, shade(hair, 0.7), None, brow_w=2.6)
    pen.arc((116, 138, 140, 150), 55, 125, INK, DW)                                 # calm, closed mouth
    # gaunt cheeks
    with clip_to(pen, head_outline()) as cp:
        glaze(cp, [(82, 128), (96, 140), (100, 160), (84, 150)], "#a8705a", 60, 3)
        glaze(cp, [(174, 128), (160, 140), (156, 160), (172, 150)], "#a8705a", 60, 3)
    frame(pen)
    return finish_portrait(img)


def portrait_joan():
    """Joan, 24, WAAF photographic interpreter: RAF blue uniform, rolled hair."""
    img, pen = _start("#9fb2e0")
    skin, hair, hair_l = "#f3cbab", "#7a4a2e", "#9a6440"
    # rolled hair at the nape, behind the head
    pen.ellipse(72, 40, 184, 160, fill=hair, outline=INK, width=LW)
    pen.ellipse(70, 132, 112, 170, fill=hair, outline=INK, width=LW)
    pen.ellipse(144, 132, 186, 170, fill=hair, outline=INK, width=LW)
    uni = "#5b6f96"
    bust(pen, uni, skin)
    # pale blue shirt, black tie, lapels, brass buttons, breast pocket
    _collar_shirt(pen, "#c3d3ea", 190, 240)
    pen.poly([(122, 202), (134, 202), (131, 210), (125, 210)], fill="#26262c", outline=INK, width=1.6)
    pen.poly([(125, 210), (131, 210), (136, 240), (128, 250), (120, 240)], fill="#26262c", outline=INK, width=1.6)
    _lapels(pen, uni)
    buttons(pen, 128, (252,), 3.2, "#d4b45a")
    pen.rect(164, 226, 194, 248, fill=shade(uni, 0.95), outline=INK, width=DW)
    pen.poly([(162, 222), (196, 222), (192, 232), (166, 232)], fill=shade(uni, 1.05), outline=INK, width=DW)
    buttons(pen, 179, (228,), 2.4, "#d4b45a")
    head(pen, skin)
    # 1940s hairstyle: a big front roll above the forehead, waves at the sides
    top = arc_pts(128, 102, 54, 58, 180, 360, 24)
    hairline = bezier((182, 110), (180, 88), (164, 80), (150, 82), 10) + \
        bezier((150, 82), (128, 84), (100, 80), (74, 110), 10)[1:]
    pen.poly(top + hairline, fill=hair, outline=INK, width=LW)
    roll = bezier((96, 82), (84, 80), (84, 54), (104, 50), 8) + \
        bezier((104, 50), (124, 42), (150, 42), (164, 52), 8)[1:] + \
        bezier((164, 52), (178, 60), (172, 84), (156, 82), 8)[1:] + \
        bezier((156, 82), (140, 74), (116, 74), (96, 82), 8)[1:]
    pen.poly(roll, fill=hair_l, outline=INK, width=LW)
    pen.arc((90, 56, 112, 80), 120, 400, hair, 2.6)
    pen.arc((150, 54, 172, 78), 140, 420, hair, 2.6)
    pen.line(bezier((110, 52), (124, 48), (140, 48), (154, 54), 6), C("#ffffff", 60), 2)
    for x0, d in ((74, 1), (182, -1)):                                   # waves over the temples
        pen.arc((x0 - 6 if d > 0 else x0 - 14, 92, x0 + 14 if d > 0 else x0 + 6, 116), 200 if d > 0 else 270,
                290 if d > 0 else 340, hair_l, 3)
    face(pen, skin, hair, "smile")
    pen.chord((118, 142, 138, 152), 0, 180, fill=C("#c0464a", 200))             # a touch of lipstick
    frame(pen)
    return finish_portrait(img)


def portrait_bill():
    """Bill, 23, bomb aimer of 617 Squadron: sheepskin jacket, forage cap."""
    img, pen = _start("#dccf82")
    skin, hair, hair_l = "#f0c4a0", "#b08a50", "#c8a468"
    leather = "#6e4630"
    bust(pen, leather, skin)
    # white roll-neck jumper
    pen.rrect(100, 178, 156, 206, 10, fill="#f1ede2", outline=INK, width=LW)
    for x in range(106, 154, 6):
        pen.line([(x, 182), (x, 202)], C("#cfc8b6", 200), 1.2)
    pen.poly([(108, 204), (148, 204), (140, 256), (116, 256)], fill="#ebe6d8", outline=INK, width=DW)
    pen.line([(128, 214), (128, 256)], "#8a8070", 2)                                  # zip
    # big fleece collar around the neck, leather front with a zip below
    fleece = "#e8d6b2"
    for side in (-1, 1):
        pts = bezier((128 + side * 22, 176), (128 + side * 50, 172), (128 + side * 72, 184), (128 + side * 68, 206),
                     8) + [(128 + side * 34, 240), (128 + side * 26, 226), (128 + side * 30, 204)]
        pen.poly(pts, fill=fleece, outline=INK, width=LW)
        with clip_to(pen, pts) as cp:
            rng = random.Random(3 + side)
            for _ in range(36):
                x = 128 + side * rng.uniform(24, 72)
                y = rng.uniform(176, 240)
                cp.arc((x - 4, y - 3, x + 4, y + 3), 180, 360, C("#c9b48c", 200), 1.2)
    pen.line([(128, 206), (128, 256)], "#3e2a1e", 2)
    _sleeve_seams(pen, leather)
    for y in (222, 240):
        pen.line([(32, y + 6), (56, y)], C(shade(leather, 0.7), 220), 1.4)
        pen.line([(224, y + 6), (200, y)], C(shade(leather, 0.7), 220), 1.4)
    head(pen, skin)
    # sandy wavy hair
    top = arc_pts(128, 102, 54, 58, 180, 360, 24)
    hairline = bezier((182, 104), (176, 82), (158, 74), (136, 82), 10) + \
        bezier((136, 82), (116, 74), (90, 80), (74, 104), 10)[1:]
    pen.poly(top + hairline, fill=hair, outline=INK, width=LW)
    pen.arc((90, 62, 130, 96), 200, 300, hair_l, 3)
    # RAF forage (side) cap worn tilted on the head, two brass buttons
    fc = "#53658a"
    cap = [(88, 70), (96, 50), (118, 36), (150, 34), (174, 48), (182, 66), (174, 72)] + \
        bezier((174, 72), (150, 60), (118, 60), (88, 70), 8)[1:]
    pen.poly(cap, fill=fc, outline=INK, width=LW)
    pen.line(bezier((94, 60), (120, 48), (152, 48), (178, 60), 8), INK, 1.6)          # curtain fold
    pen.line(bezier((108, 42), (124, 36), (144, 36), (164, 42), 6), C("#ffffff", 55), 2)
    buttons(pen, 128, (44, 54), 2.6, "#d4b45a")
    face(pen, skin, shade(hair, 0.8), "open")
    for fx, fy in ((98, 128), (104, 132), (152, 130), (158, 126), (110, 128)):
        pen.circle(fx, fy, 1.2, fill=C("#b07050", 160))                               # freckles
    frame(pen)
    return finish_portrait(img)


def portrait_claire():
    """Claire, 19, FFI in Lille 1944: beret, plain white armband, determined."""
    img, pen = _start("#e0928c")
    skin, hair, hair_l = "#f2c8a6", "#3e2a22", "#5a4032"
    # shoulder-length dark hair behind the head
    pen.poly(arc_pts(128, 104, 60, 60, 180, 360, 24) + [(192, 168), (180, 186), (76, 186), (64, 168)],
             fill=hair, outline=INK, width=LW)
    jacket = "#5b5a4a"
    bust(pen, jacket, skin)
    _collar_shirt(pen, "#e7e0cf", 190, 232)
    for side in (-1, 1):
        pen.poly([(128 + side * 24, 188), (128 + side * 14, 256), (128 + side * 44, 256), (128 + side * 42, 226),
                  (128 + side * 52, 214), (128 + side * 38, 192)], fill=shade(jacket, 1.12), outline=INK, width=LW)
    _sleeve_seams(pen, jacket)
    # the armband on her right sleeve (viewer's left): a plain white band
    band = bezier((30, 214), (44, 208), (60, 206), (74, 208), 8) + \
        bezier((74, 230), (60, 228), (44, 230), (26, 238), 8)
    with clip_to(pen, [(20, 190), (70, 190)] + bezier((66, 198), (74, 214), (74, 236), (70, 256), 10)
                 + [(20, 256)]) as cp:
        cp.poly(band, fill="#f8f6ee", outline=INK, width=DW)
        cp.line(bezier((28, 222), (44, 216), (60, 215), (74, 216), 8), C("#cfc9ba", 230), 1.4)
    pen.rrect(26, 192, 230, 320, 62, outline=INK, width=LW)
    head(pen, skin)
    # hair framing the face
    top = arc_pts(128, 102, 54, 58, 180, 360, 24)
    hairline = bezier((182, 110), (178, 84), (156, 76), (134, 82), 10) + \
        bezier((134, 82), (112, 76), (88, 84), (74, 110), 10)[1:]
    pen.poly(top + hairline, fill=hair, outline=INK, width=LW)
    for x0, d in ((70, 1), (186, -1)):
        pen.poly([(x0, 106), (x0 + d * 12, 100), (x0 + d * 12, 150), (x0 + d * 2, 160)],
                 fill=hair, outline=INK, width=DW)
    pen.arc((92, 74, 130, 100), 200, 300, hair_l, 3)
    # beret tilted to one side with its little stalk
    beret = "#2c3350"
    pen.ellipse(78, 30, 198, 76, fill=beret, outline=INK, width=LW)
    pen.chord((86, 56, 176, 84), 180, 360, fill=shade(beret, 0.8), outline=INK, width=DW)
    pen.line([(140, 30), (144, 22)], INK, 3)
    pen.arc((100, 36, 180, 64), 200, 300, C("#ffffff", 50), 3)
    face(pen, skin, hair, mouth=None, brow_w=2.8, brow_lift=-1)
    # determined: straight brows tilted inwards and a firm mouth
    pen.line([(98, 99), (117, 102)], hair, 3)
    pen.line([(158, 99), (139, 102)], hair, 3)
    pen.line([(118, 146), (138, 146)], INK, DW)
    frame(pen)
    return finish_portrait(img)


def portrait_jozef():
    """Józef, 24, tank crewman, Polish 1st Armoured Division: black beret."""
    img, pen = _start("#98cdb0")
    skin, hair = "#eec09c", "#4e3a2c"
    over = "#a3915e"
    bust(pen, over, skin)
    # khaki shirt and tie under the overalls, big collar, chest zip and pocket
    _collar_shirt(pen, "#b7a57a", 190, 236)
    pen.poly([(123, 202), (133, 202), (131, 210), (125, 210)], fill="#6e6040", outline=INK, width=1.6)
    pen.poly([(125, 210), (131, 210), (135, 236), (128, 244), (121, 236)], fill="#6e6040", outline=INK, width=1.6)
    for side in (-1, 1):
        pen.poly([(128 + side * 24, 186), (128 + side * 70, 200), (128 + side * 64, 224), (128 + side * 24, 236),
                  (128 + side * 18, 214)], fill=shade(over, 1.1), outline=INK, width=LW)
    pen.line([(128, 240), (128, 256)], "#6a6040", 2)
    pen.rect(150, 232, 180, 254, fill=shade(over, 0.92), outline=INK, width=DW)
    pen.line([(150, 240), (180, 240)], INK, 1.4)
    _sleeve_seams(pen, over)
    head(pen, skin)
    side_hair(pen, hair, 84, 112, 14)
    # black beret pulled down over the right ear, small silver badge
    beret = "#232326"
    shape = bezier((70, 90), (58, 56), (100, 28), (140, 32), 12) + \
        bezier((140, 32), (190, 36), (204, 80), (184, 110), 12)[1:] + [(176, 102), (170, 84)] + \
        bezier((170, 84), (140, 80), (100, 82), (78, 90), 8)[1:]
    pen.poly(shape, fill=beret, outline=INK, width=LW)
    pen.poly(bezier((74, 84), (100, 76), (150, 76), (176, 84), 10) +
             bezier((176, 94), (150, 86), (100, 86), (76, 94), 10), fill="#3a3a40", outline=INK, width=DW)
    pen.arc((96, 40, 180, 80), 200, 300, C("#ffffff", 45), 3)
    pen.ellipse(96, 64, 110, 80, fill="#c8ccd2", outline=INK, width=1.4)
    pen.ellipse(99, 67, 107, 77, fill="#9aa0a8")
    face(pen, skin, hair, "smile")
    frame(pen)
    return finish_portrait(img)


def portrait_mac():
    """Mac, 22, Canadian infantryman: Mk II steel helmet, khaki battledress."""
    img, pen = _start("#86bfc6")
    skin, hair = "#f0c29e", "#6a4a30"
    bd = "#7a6c4a"
    bust(pen, bd, skin)
    # battledress blouse: collar open on shirt and tie, pleated pockets
    _collar_shirt(pen, "#a89a74", 190, 232)
    pen.poly([(123, 200), (133, 200), (131, 208), (125, 208)], fill="#5e5236", outline=INK, width=1.6)
    pen.poly([(125, 208), (131, 208), (134, 230), (128, 238), (122, 230)], fill="#5e5236", outline=INK, width=1.6)
    for side in (-1, 1):
        pen.poly([(128 + side * 24, 186), (128 + side * 64, 198), (128 + side * 50, 220), (128 + side * 22, 232)],
                 fill=shade(bd, 1.1), outline=INK, width=LW)
        px = 128 + side * 52
        pen.rect(px - 18, 226, px + 18, 256, fill=shade(bd, 0.95), outline=INK, width=DW)
        pen.poly([(px - 20, 222), (px + 20, 222), (px + 18, 234), (px - 18, 234)], fill=shade(bd, 1.05),
                 outline=INK, width=DW)
        pen.line([(px, 236), (px, 256)], C(shade(bd, 0.7), 220), 1.4)
        buttons(pen, px, (229,), 2.4, "#9a8a5a")
    head(pen, skin)
    side_hair(pen, hair, 88, 112, 12)
    # chin strap
    pen.line(bezier((80, 96), (84, 140), (100, 168), (128, 170), 12) +
             bezier((128, 170), (156, 168), (172, 140), (176, 96), 12)[1:], "#5a4e36", 3.0)
    # Brodie helmet: shallow dome and a wide flat brim
    hel, hel_l = "#5e6444", "#7a8058"
    pen.chord((80, 34, 176, 116), 180, 360, fill=hel, outline=INK, width=LW)
    pen.ellipse(52, 68, 204, 92, fill=shade(hel, 0.9), outline=INK, width=LW)
    pen.chord((82, 36, 174, 112), 180, 360, fill=hel)
    pen.arc((80, 34, 176, 116), 180, 360, INK, LW)
    pen.arc((96, 44, 160, 100), 200, 260, hel_l, 4)
    rng = random.Random(9)
    for _ in range(40):                                                              # sandy paint texture
        x, y = rng.uniform(86, 170), rng.uniform(44, 74)
        if (x - 128) ** 2 / 48 ** 2 + (y - 75) ** 2 / 40 ** 2 < 0.9:
            pen.circle(x, y, 0.9, fill=C("#4a5034", 170))
    pen.line([(58, 80), (198, 80)], C("#ffffff", 40), 1.5)
    face(pen, skin, hair, "smile")
    for fx, fy in ((100, 128), (106, 132), (150, 132), (156, 128)):
        pen.circle(fx, fy, 1.2, fill=C("#b07050", 160))
    frame(pen)
    return finish_portrait(img)


def portrait_marcel():
    """Marcel, 60, a civilian of Dunkirk: coat, scarf, flat cap, white stubble."""
    img, pen = _start("#b9c48a")
    skin, grey = "#e2b293", "#d6d2ca"
    coat = "#3e4656"
    bust(pen, coat, skin)
    # knitted scarf wound round the neck, one end hanging down
    scarf = "#8a3b3b"
    pen.rrect(96, 174, 160, 206, 12, fill=scarf, outline=INK, width=LW)
    pen.poly([(132, 200), (156, 200), (160, 256), (134, 256)], fill=shade(scarf, 0.92), outline=INK, width=LW)
    for y in range(210, 256, 10):
        pen.line([(134, y), (158, y)], C("#d8c8a8", 200), 2.5)
    for x in range(102, 158, 6):
        pen.line([(x, 178), (x, 202)], C(shade(scarf, 0.75), 200), 1.2)
    # wide coat collar turned up, and lapels
    for side in (-1, 1):
        pen.poly([(128 + side * 34, 186), (128 + side * 80, 198), (128 + side * 72, 232), (128 + side * 30, 256),
                  (128 + side * 20, 256), (128 + side * 28, 210)], fill=shade(coat, 1.15), outline=INK, width=LW)
    buttons(pen, 104, (246,), 3.6, "#2a2e38")
    head(pen, skin, long=3)
    side_hair(pen, grey, 74, 112, 18, long=3)
    _flat_cap(pen, "#5c5650", tilt=-2)
    face(pen, skin, "#e6e2da", "small", brow_w=3.4, brow_lift=-2)
    _wrinkles(pen, skin)
    # white stubble on the jaw and chin
    rng = random.Random(21)
    jaw = head_outline(3)
    with clip_to(pen, jaw) as cp:
        for _ in range(420):
            x, y = rng.uniform(82, 174), rng.uniform(128, 172)
            dx = x - 128
            if y > 152 - 0.012 * dx * dx and y > 130 and not (112 < x < 144 and y < 156):
                cp.circle(x, y, 0.65, fill=C("#f2f0ea", 210))
        cp.line([(118, 158), (138, 158)], C(shade(skin, 0.8), 180), 1.2)
    frame(pen)
    return finish_portrait(img)


PORTRAITS = {
    "paul": portrait_paul, "guide": portrait_guide, "andre": portrait_andre, "sergei": portrait_sergei,
    "joan": portrait_joan, "bill": portrait_bill, "claire": portrait_claire, "jozef": portrait_jozef,
    "mac": portrait_mac, "marcel": portrait_marcel,
}

BACKGROUNDS = {
    "v_coupole_chantier": scene_coupole_chantier,
    "v_eperlecques": scene_eperlecques,
    "v_medmenham": scene_medmenham,
    "v_mimoyecques": scene_mimoyecques,
    "v_coupole_today": scene_coupole_today,
    "lib_loos_1944": scene_loos_1944,
    "lib_lille_1944": scene_lille_1944,
    "lib_saint_omer_1944": scene_saint_omer_1944,
    "lib_boulogne_1944": scene_boulogne_1944,
    "lib_dunkerque_1945": scene_dunkerque_1945,
    "lib_memorial": scene_memorial,
}


def main(only=None):
    """Write every picture (each scene has its own seed, so changing one
    picture never changes the others).  `only`: optional list of names."""
    for i, (name, fn) in enumerate(BACKGROUNDS.items()):
        if not only or name in only:
            save_png(fn(random.Random(SEED + 10 + i)), BG_DIR / f"{name}.png")
    for name, fn in PORTRAITS.items():
        if not only or name in only:
            save_png(fn(), PORTRAIT_DIR / f"{name}.png")


if __name__ == "__main__":
    main(sys.argv[1:] or None)
