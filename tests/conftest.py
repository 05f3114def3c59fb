import shutil
from pathlib import Path

import pytest

from tests.display import NO_DISPLAY, has_display

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def mini_root(tmp_path) -> Path:
    """A writable copy of the tiny test chapter."""
    dest = tmp_path / "content"
    shutil.copytree(MINI, dest)
    return dest


@pytest.fixture
def mini_content():
    from game.content.loader import load_content

    return load_content(MINI)


# --- rendering tests: one window per test module, reset before each test (as arcade's own tests do) -------------

@pytest.fixture(scope="module")
def _module_window():
    """Made the first time a rendering test of a module asks for it, never in the fast tier.

    One per module, not per session: arcade's default texture atlas only grows, and test_frames measures it."""
    if not has_display():
        pytest.skip(NO_DISPLAY)
    from game.views.frames import new_window

    w = new_window("tests", visible=True, resizable=True)  # as the game makes it
    yield w
    w.close()


@pytest.fixture
def window(_module_window):
    """The module's window as a new one: 1280x720, no view, default look, no key held, events drained."""
    from game.views import ui

    w = _module_window
    w.switch_to()
    w.hide_view()  # no view (and none of its handlers) left from the previous test
    w.set_size(1280, 720)
    ui.set_look(ui.Look())  # the theme lives in module globals: back to the default look
    if w.keyboard is not None:
        w.keyboard.data.clear()  # no key still "held"
    w.dispatch_events()
    w.default_camera.use()
    w.clear()
    yield w
    ui.set_look(ui.Look())


@pytest.fixture(scope="session")
def content():
    """The real chapters, loaded once for the session."""
    from game.content.loader import load_content

    return load_content(ROOT)


def _app(window, content, tmp_path, **prefs):
    from game.app import App

    a = App(window, content, tmp_path, "fr")  # a new App: a new frame cache, default preferences
    a.stage.fit(1280, 720)
    if prefs:
        a.set_preferences(**prefs)
    return a


@pytest.fixture
def app(window, mini_content, tmp_path):
    """The game on the tiny test chapter (tests/fixtures/mini)."""
    a = _app(window, mini_content, tmp_path)
    yield a
    if a.session:
        a.session.close()


@pytest.fixture
def story_app(window, content, tmp_path):
    """The game on the real chapters, text shown at once."""
    a = _app(window, content, tmp_path, text_speed="instant")
    yield a
    if a.session:
        a.session.close()
