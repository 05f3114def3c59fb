"""Turn a bot action into the click a pupil with only a mouse (or a touch screen) would make on the view shown.

The keyboard driver (tests/keyboard.py) says which button a pupil reaches: here the same button is clicked at
its centre instead, one click at a time, and the bot's action is asked again until its effect is seen.
"""
import arcade

from tests.keyboard import K, drive, keys_for


def target_of(app, keys: list[int]):
    """The point a mouse pupil clicks for the first gesture of `keys` (Tabs then Enter, or a number)."""
    from game.views.play import SceneView

    view = app.window.current_view
    buttons = view.focus.buttons
    index, tabbed = view.focus.index, False
    for symbol in keys:
        if symbol == K.TAB:
            index = (index + 1) % len(buttons)
            while not buttons[index].enabled:
                index = (index + 1) % len(buttons)
            tabbed = True
            continue
        if K.KEY_1 <= symbol <= K.KEY_9:
            n = str(symbol - K.KEY_1 + 1)
            numbered = [b for b in buttons if b.key_hint == n]
            button = numbered[0] if numbered else buttons[int(n) - 1]
        elif symbol == K.ENTER:
            if not tabbed and isinstance(view, SceneView) and view.step.kind == "line":
                bx, by, bw, bh = view.box  # a line: a click in the dialogue box goes on
                return bx + bw / 2, by + bh / 2
            button = buttons[index] if tabbed else view.focus.current
        else:  # pragma: no cover - keys_for only uses Tab, Enter and numbers
            raise AssertionError(f"no click for key {symbol}")
        assert button.enabled, f"{button.label!r} cannot be clicked"
        return button.x + button.w / 2, button.y + button.h / 2
    raise AssertionError(f"no gesture in {keys}")


def click_once(app, action) -> int:
    x, y = target_of(app, keys_for(app, action))
    app.window.current_view.on_mouse_press(x, y, arcade.MOUSE_BUTTON_LEFT, 0)
    return 1


def play_path_with_clicks(app, path, max_clicks=5000):
    """Drive the views with left clicks only until the runtime has done every action of `path`."""
    return drive(app, path, click_once, max_clicks)
