"""The navigator: routes by name, overlays over a screen and back, the screen for each step of the story.
And the layers: no screen imports the app, the pure core imports no arcade."""
import ast
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from game.navigator import STEP_ROUTES, Navigator, step_route
from game.story.runtime import Step, StepKind

ROOT = Path(__file__).resolve().parents[1]


class Screen:
    def __init__(self, name, *args):
        self.name, self.args = name, args

    def __repr__(self):
        return f"<{self.name}{self.args}>"


@pytest.fixture
def nav():
    shown = []
    step = {"kind": "scene"}
    names = ["title", "chapters", "pause", "settings", "keys", "sources", *set(STEP_ROUTES.values())]
    routes = {n: (lambda *a, n=n: Screen(n, *a)) for n in names}
    nav = Navigator(shown.append, routes, lambda: Step(step["kind"]))
    nav.shown, nav.step_now = shown, step
    return nav


def test_go_shows_a_new_place_and_forgets_the_overlays(nav):
    nav.go("title")
    nav.open("settings")
    chapters = nav.go("chapters")
    assert nav.current is chapters and nav.shown[-1] is chapters and nav.stack == []


def test_overlays_return_to_the_very_screen_under_them(nav):
    pause = nav.go("pause")
    settings = nav.open("settings")
    nav.open("keys")
    assert nav.back() is settings and nav.back() is pause
    assert [s.name for s in nav.shown] == ["pause", "settings", "keys", "settings", "pause"]


def test_an_overlay_takes_its_arguments(nav):
    nav.go("chapters")
    assert nav.open("sources", "v2-sites").args == ("v2-sites",)


def test_back_with_nothing_under_returns_to_the_story(nav):
    nav.step_now["kind"] = "document"
    assert nav.back().name == "document"


@pytest.mark.parametrize("kind", typing.get_args(StepKind))
def test_every_step_of_the_story_has_its_screen(nav, kind):
    nav.step_now["kind"] = kind
    assert nav.route().name == step_route(Step(kind)) == STEP_ROUTES[kind]
    assert nav.stack == []


def test_an_unknown_screen_is_named_in_the_error(nav):
    with pytest.raises(KeyError, match="no screen called 'nowhere'"):
        nav.go("nowhere")


def _imports(path: Path) -> set[str]:
    """Modules a file imports (relative imports resolved inside the game package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            out |= {module} | {f"{module}.{a.name}" for a in node.names}
    return out


def test_no_screen_imports_the_app_and_the_story_imports_no_screen():
    for path in (ROOT / "game" / "views").glob("*.py"):
        assert "game.app" not in _imports(path), path.name
    for path in (ROOT / "game" / "story").glob("*.py"):
        assert not any(m.startswith(("game.views", "game.app")) for m in _imports(path)), path.name


def test_the_pure_core_loads_without_arcade():
    code = ("import sys, game.navigator, game.preferences, game.presenters, game.session, game.story.autoplay, "
            "game.story.events; print(sorted(m for m in sys.modules if m.split('.')[0] in ('arcade', 'pyglet')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
