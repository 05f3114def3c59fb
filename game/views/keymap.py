"""The pupil's own keys: which actions may have one, and the translation of an extra key into the usual one.

Apart from the KeysView (game.views.keys) so that every screen's base can translate keys without importing a
screen. The actions are the ones of `game.preferences.KEY_ACTIONS` (a test checks they agree).
"""
from __future__ import annotations

import arcade
from pyglet.window import key as pyglet_key

from ..i18n import N_

K = arcade.key
# action -> (the usual key it stands for, the usual keys shown to the pupil, its name for the catalogue)
ACTIONS = {
    "confirm": (K.ENTER, "Enter, Space", N_("Confirm / continue")),
    "next": (K.TAB, "Tab, →, ↓", N_("Next button")),
    "previous": (K.UP, "Shift+Tab, ←, ↑", N_("Previous button")),
    "menu": (K.ESCAPE, "Esc", N_("Menu / back")),
    "folder": (K.D, "D", N_("Open the folder")),
    "listen": (K.R, "R", N_("Read aloud / stop")),
}
# Keys that already mean something somewhere: they cannot be given to another action.
RESERVED = {K.ENTER, K.RETURN, K.NUM_ENTER, K.SPACE, K.TAB, K.UP, K.DOWN, K.LEFT, K.RIGHT, K.ESCAPE, K.D, K.F5,
            K.F11, K.BACKSPACE, K.R, *range(K.KEY_0, K.KEY_9 + 1), *range(K.NUM_0, K.NUM_9 + 1)}
MODIFIERS = {K.LSHIFT, K.RSHIFT, K.LCTRL, K.RCTRL, K.LALT, K.RALT, K.LMETA, K.RMETA, K.CAPSLOCK}


def key_name(symbol: int) -> str:
    return pyglet_key.symbol_string(symbol).replace("_", "").title() if symbol else "—"


def translate(keys: dict[str, int], symbol: int) -> int:
    """The usual key an extra key stands for (or the key itself)."""
    for action, extra in keys.items():
        if extra == symbol and action in ACTIONS:
            return ACTIONS[action][0]
    return symbol
