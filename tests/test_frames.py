"""Frames drawn once and copied after; pictures outside the shared atlas (speed and memory on old school PCs)."""
import arcade
import pytest
from PIL import Image

from game.views import ui
from tests.drive import first_line, frame, key, px

pytestmark = pytest.mark.render


@pytest.fixture
def app(story_app):
    return story_app


def test_a_still_screen_is_drawn_once_then_copied_and_drawn_again_when_it_changes(app):
    app.nav.go("title")
    frame(app)
    drawn = app.frames.drawn
    first = frame(app)
    for _ in range(10):
        frame(app)
    assert app.frames.drawn == drawn  # nothing changed: eleven copies, no drawing
    assert frame(app).tobytes() == first.tobytes()
    key(app, arcade.key.TAB)  # the focus ring appears: the frame is drawn again, once
    ringed = frame(app)
    frame(app)
    assert app.frames.drawn == drawn + 1
    assert ringed.tobytes() != first.tobytes()
    view = app.window.current_view
    button = view.focus.buttons[-1]
    view.on_mouse_motion(button.x + 5, button.y + 5, 0, 0)  # the pointer over another button
    frame(app)
    assert app.frames.drawn == drawn + 2


def test_the_line_appears_letter_by_letter_over_a_copied_frame(app):
    app.set_preferences(text_speed="slow")
    view = first_line(app)
    frame(app)
    drawn = app.frames.drawn
    bx, by, bw, bh = view.box
    box = (int(bx + 210), int(719 - (by + bh - 50)), int(bx + bw - 30), int(719 - by - 40))

    def ink():  # dark text pixels in the line's area
        img = frame(app)
        return sum(1 for p in img.crop(box).getdata() if sum(p[:3]) < 200)

    shown = [ink()]
    for _ in range(4):
        view.on_update(0.5)
        shown.append(ink())
    assert shown == sorted(shown) and shown[-1] > shown[0] + 50  # more letters every time
    assert app.frames.drawn == drawn  # the rest of the screen was only copied


def test_backgrounds_stay_out_of_the_shared_atlas_and_are_drawn_the_right_way_up(app, content):
    from game.session import PupilSession

    first_line(app)
    session = app.session
    for bundle in content.ordered():
        run = session.open_chapter(bundle.id, restart=True)
        for scene in bundle.chapter.scenes:
            run.jump(scene.id)
            while run.step().kind == "line":
                run.advance()
            app.nav.route()
            img = frame(app)
            picture = Image.open(content.root / "assets" / scene.background).convert("RGB")
            points = [(x, y) for x in (60, 400, 900, 1220) for y in (470, 560, 630)]  # above the texts
            same = [p for p in points if all(abs(a - b) <= 3 for a, b in zip(px(img, *p), picture.getpixel(
                (p[0], 719 - p[1]))))]
            assert len(same) >= 9, (scene.background, same)  # (a hotspot's label may cover a point or two)
    assert isinstance(session, PupilSession)
    assert app.window.ctx.default_atlas.width <= 1024  # 20 backgrounds of 1280x720 would need 4096²
    assert len(ui._pictures().held) <= ui.Pictures.KEEP


def test_a_letterboxed_window_copies_the_frame_at_its_own_size(app):
    app.nav.go("title")
    frame(app)
    app.window.set_size(1000, 720)
    app.window.current_view.on_resize(1000, 720)
    img = frame(app)
    assert img.size == (1000, 720)
    assert app.frames.fbo.size == app.window.get_framebuffer_size()
    app.window.set_size(1280, 720)
    app.window.current_view.on_resize(1280, 720)
    assert frame(app).size == (1280, 720)
