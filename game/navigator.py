"""Where the pupil is: the screen shown, the screens under an overlay, and the route to each screen by name.

The navigator knows no screen class and no arcade: the app gives it its routes (name -> a function making the
screen) and the function that puts a screen in the window. Screens ask it to go somewhere by name:

- `go(name, *args)`: a new place (the title, the chapters, the step of the story); what was open is forgotten.
- `open(name, *args)`: an overlay over the screen shown (settings, keys, the story so far, sources); `back()`
  shows the screen under it again (built again, so in the look chosen meanwhile).
- `route()`: the screen for the step the pupil is on, asked of the story runtime (`step_route`).
- `show(screen)`: a screen made by its caller (the teacher's space passes its own screens around).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .story.runtime import Step

# The screen for each kind of step of the story (questions show their feedback on the same screen).
STEP_ROUTES = {"document": "document", "question": "question", "feedback": "question", "minigame": "minigame",
               "completed": "summary", "scene": "scene", "line": "scene", "choices": "scene"}


def step_route(step: Step) -> str:
    """The name of the screen that shows this step."""
    return STEP_ROUTES[step.kind]


class Navigator:
    def __init__(self, show: Callable[[Any], None], routes: Mapping[str, Callable[..., Any]],
                 step: Callable[[], Step]):
        self._show = show  # puts a screen in the window (window.show_view)
        self.routes = dict(routes)
        self._step = step  # the step the pupil is on (the session's run)
        self.current: Any = None
        self.stack: list[Any] = []  # the screens under the overlays, the nearest last

    def make(self, name: str, *args) -> Any:
        try:
            route = self.routes[name]
        except KeyError:
            raise KeyError(f"no screen called {name!r}; screens: {', '.join(sorted(self.routes))}") from None
        return route(*args)

    def show(self, screen: Any) -> Any:
        """Show a screen as a new place (nothing under it)."""
        self.stack.clear()
        return self._put(screen)

    def go(self, name: str, *args) -> Any:
        return self.show(self.make(name, *args))

    def open(self, name: str, *args) -> Any:
        """Show a screen over the current one; `back()` returns to it."""
        screen = self.make(name, *args)
        if self.current is not None:
            self.stack.append(self.current)
        return self._put(screen)

    def back(self) -> Any:
        """Close the overlay: the screen under it again (or the step of the story, if nothing is under it)."""
        if not self.stack:
            return self.route()
        return self._put(self.stack.pop())

    def route(self) -> Any:
        """Show the screen for the step the pupil is on."""
        return self.show(self.view_for_step())

    def view_for_step(self) -> Any:
        return self.make(step_route(self._step()))

    def _put(self, screen: Any) -> Any:
        self.current = screen
        self._show(screen)
        return screen
