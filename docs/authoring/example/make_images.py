"""Draws the pictures of the example chapter (flat shapes, no text, nothing downloaded).

Run from the game's folder:

    .venv/bin/python docs/authoring/example/make_images.py

It (re)writes, inside docs/authoring/example/assets/:
    backgrounds/exemple_musee.png     1280x720  La Coupole today (the dome on its hill)
    backgrounds/exemple_chantier.png  1280x720  the building site in winter 1943-1944
    portraits/camille.png             256x256   Camille, the guide
    portraits/andre.png               256x256   André, the young worker
    documents/exemple_photo.png       360x480   a drawing in the style of an aerial photograph

The output is the same every time (no randomness), and each file is a few kilobytes:
flat colours compress very well in PNG. Every file is listed in assets/LICENSES.md.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ASSETS = Path(__file__).resolve().parent / "assets"

SKY_DAY = (170, 205, 230)
SKY_WINTER = (196, 204, 212)
GRASS = (104, 150, 92)
DARK_GRASS = (78, 120, 72)
CHALK = (232, 228, 214)
CONCRETE = (150, 150, 146)
CONCRETE_DARK = (112, 112, 108)
PATH = (214, 196, 160)
WOOD = (120, 86, 60)
RAIL = (70, 64, 60)


def save(img: Image.Image, rel: str) -> None:
    path = ASSETS / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    # A palette of at most 32 colours keeps the files tiny; the pictures use fewer than that.
    img.convert("RGB").quantize(colors=32, dither=Image.Dither.NONE).save(path, optimize=True)
    print(f"wrote {path.relative_to(ASSETS.parent)} ({path.stat().st_size} bytes)")


def museum() -> None:
    img = Image.new("RGB", (1280, 720), SKY_DAY)
    d = ImageDraw.Draw(img)
    d.ellipse((980, 60, 1060, 140), fill=(250, 236, 170))  # the sun
    d.ellipse((-200, 300, 1500, 1100), fill=GRASS)  # the wooded hill
    for x in range(40, 1280, 90):  # trees along the hill
        d.ellipse((x, 330 + (x % 3) * 12, x + 70, 400 + (x % 3) * 12), fill=DARK_GRASS)
    d.pieslice((560, 140, 1040, 460), 180, 360, fill=CONCRETE)  # the dome
    d.arc((560, 140, 1040, 460), 180, 360, fill=CONCRETE_DARK, width=6)
    d.rectangle((560, 298, 1040, 310), fill=CONCRETE_DARK)
    d.polygon([(560, 720), (760, 720), (700, 420), (650, 420)], fill=PATH)  # the path to the museum
    d.rectangle((590, 400, 650, 470), fill=WOOD)  # a leaflet stand
    d.rectangle((598, 408, 642, 440), fill=(240, 240, 232))
    d.rectangle((1060, 380, 1160, 460), fill=(90, 110, 140))  # a door: "back in time"
    d.rectangle((1075, 395, 1145, 460), fill=(60, 76, 100))
    save(img, "backgrounds/exemple_musee.png")


def building_site() -> None:
    img = Image.new("RGB", (1280, 720), SKY_WINTER)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 300, 1280, 720), fill=CHALK)  # the chalk quarry
    d.polygon([(0, 300), (300, 260), (1280, 290), (1280, 330), (0, 340)], fill=(210, 204, 186))
    d.pieslice((480, 120, 980, 460), 180, 360, fill=CONCRETE)  # the dome, grey and new
    d.rectangle((480, 288, 980, 300), fill=CONCRETE_DARK)
    d.rectangle((640, 300, 820, 420), fill=(60, 58, 56))  # the dark opening dug under the dome
    d.rectangle((1020, 90, 1034, 420), fill=WOOD)  # a crane
    d.rectangle((880, 90, 1120, 104), fill=WOOD)
    d.line((900, 104, 900, 220), fill=RAIL, width=3)
    for y in (560, 600):  # rails and a wagon
        d.line((0, y, 1280, y - 40), fill=RAIL, width=5)
    d.rectangle((120, 490, 300, 560), fill=(96, 70, 50))
    d.ellipse((140, 548, 176, 584), fill=RAIL)
    d.ellipse((244, 544, 280, 580), fill=RAIL)
    d.rectangle((640, 380, 760, 470), fill=(70, 90, 80))  # a notice board (the timeline game)
    d.rectangle((650, 390, 750, 440), fill=(236, 232, 220))
    save(img, "backgrounds/exemple_chantier.png")


def face(rel: str, background, hair, shirt, cap=None) -> None:
    img = Image.new("RGB", (256, 256), background)
    d = ImageDraw.Draw(img)
    d.ellipse((40, 180, 216, 340), fill=shirt)  # shoulders
    d.rectangle((112, 160, 144, 200), fill=(226, 186, 150))  # neck
    d.ellipse((68, 50, 188, 184), fill=(232, 194, 160))  # head
    d.pieslice((62, 40, 194, 150), 180, 360, fill=hair)  # hair
    if cap is not None:
        d.pieslice((60, 30, 196, 130), 180, 360, fill=cap)
        d.rectangle((60, 76, 210, 86), fill=cap)
    d.ellipse((100, 110, 112, 122), fill=(40, 40, 40))  # eyes
    d.ellipse((144, 110, 156, 122), fill=(40, 40, 40))
    d.arc((108, 128, 148, 160), 20, 160, fill=(150, 80, 70), width=4)  # a small smile
    save(img, rel)


def aerial_photo() -> None:
    img = Image.new("RGB", (360, 480), (226, 220, 204))  # old paper
    d = ImageDraw.Draw(img)
    d.rectangle((20, 20, 340, 400), fill=(92, 88, 80))  # the print, in greys
    d.rectangle((20, 20, 340, 400), outline=(60, 58, 54), width=3)
    d.polygon([(40, 120), (320, 90), (330, 360), (60, 380)], fill=(200, 198, 190))  # the white quarry
    d.ellipse((130, 150, 250, 270), fill=(130, 130, 126))  # the dome seen from above
    d.ellipse((150, 170, 230, 250), outline=(100, 100, 96), width=3)
    d.line((20, 330, 340, 300), fill=(50, 48, 46), width=4)  # the railway
    for x in (60, 90, 280, 300):  # huts
        d.rectangle((x, 280, x + 16, 292), fill=(70, 68, 64))
    d.rectangle((40, 420, 320, 428), fill=(150, 140, 120))  # a pencil line where a note would be
    d.rectangle((40, 440, 250, 448), fill=(150, 140, 120))
    save(img, "documents/exemple_photo.png")


if __name__ == "__main__":
    museum()
    building_site()
    face("portraits/camille.png", (200, 214, 228), hair=(90, 60, 40), shirt=(60, 110, 160))
    face("portraits/andre.png", (214, 206, 190), hair=(50, 40, 30), shirt=(110, 100, 80), cap=(70, 70, 76))
    aerial_photo()
