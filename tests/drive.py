"""Helpers that drive the game's window in the rendering tests: draw a frame, read its pixels, press keys, click.

The fixtures (`window`, `app`, `story_app`, `content`) are in tests/conftest.py; the bot drivers that play whole
chapters by keyboard or mouse are in tests/keyboard.py and tests/mouse.py.
"""
from pathlib import Path

import arcade

SHOTS = Path(__file__).resolve().parents[1] / "build" / "test-shots"


def frame(app, name=None):
    """Draw the view on screen and return the picture (saved under build/test-shots/ when named)."""
    view = app.window.current_view
    view.on_draw()
    img = arcade.get_image(0, 0, *app.window.get_framebuffer_size()).convert("RGB")
    if name:
        SHOTS.mkdir(parents=True, exist_ok=True)
        img.save(SHOTS / f"{name}.png")
    return img


def px(img, x, y):
    """Pixel at stage coordinates (origin bottom-left), for a 1280x720 window."""
    return img.getpixel((int(x), int(719 - y)))


def near(c1, c2, tol=30):
    return all(abs(a - b) <= tol for a, b in zip(c1[:3], c2[:3], strict=False))


def count(img, colour, box, tol=30):
    left, bottom, right, top = box
    crop = img.crop((left, 720 - top, right, 720 - bottom))
    return sum(1 for p in crop.getdata() if near(p, colour, tol))


def key(app, symbol, modifiers=0):
    app.window.current_view.on_key_press(symbol, modifiers)


def click(app, button):
    app.window.current_view.on_mouse_press(button.x + button.w / 2, button.y + button.h / 2, arcade.MOUSE_BUTTON_LEFT, 0)


def fill_sign_in(app, code, name):
    """Type the class code and the pseudonym on the sign-in screen shown, each followed by Enter."""
    view = app.window.current_view
    for ch in code:
        view.on_text(ch)
    key(app, arcade.key.ENTER)
    for ch in name:
        view.on_text(ch)
    key(app, arcade.key.ENTER)


def sign_in(app, code="5B", name="Renard"):
    app.nav.go("sign_in")
    frame(app)
    fill_sign_in(app, code, name)


def first_line(app, chapter="occupation", **look):
    """Open a chapter on its first dialogue line, in the given look."""
    from game.views import play

    app.set_preferences(**look)
    sign_in(app)
    app.session.open_chapter(chapter, restart=True)
    app.nav.route()
    view = app.window.current_view
    assert isinstance(view, play.SceneView) and view.step.kind == "line"
    return view
