"""Key remapping: a pupil may give each action a key of their own, on top of the usual ones.

The extra key is translated into the usual key before any screen sees it, so every screen keeps one
way of reading keys. While a text field has the focus nothing is translated (a letter stays a letter).
"""
from __future__ import annotations

from . import ui
from .base import SubScreen
from .keymap import ACTIONS, MODIFIERS, RESERVED, K, key_name


class KeysView(SubScreen):
    """Each action with its usual keys and the pupil's own key; "Change", then press the new key."""

    def __init__(self, app):
        super().__init__(app)
        self.waiting: str | None = None  # the action waiting for its new key
        self.message = ""

    def build(self) -> None:
        tr, keys = self.tr, self.app.prefs.keys
        with ui.scale_at_most(1.15):
            title = ui.text(tr("Keys"), ui.W / 2, 708, size=34, color=ui.WHITE, bold=True, anchor_x="center")
        self.texts.append(title)
        top = title.y - title.content_height - 12
        pitch = (top - 150) / len(ACTIONS)  # the rows share the room between the title and the message
        h = min(62, pitch - 14)
        buttons = []
        for r, (action, (_, usual, name)) in enumerate(ACTIONS.items()):
            y = top - (r + 1) * pitch + 7
            own = key_name(keys.get(action, 0))
            described = tr(name) + "\n" + tr("usual: {keys}", keys=usual)
            self.texts.append(ui.fitted(described, 60, y + h + 4, width=440, max_height=pitch - 8, size=17,
                                        min_size=9, color=ui.WHITE, anchor_y="top"))
            label = tr("Press a key…") if self.waiting == action else tr("Your key: {key}", key=own)
            b = ui.Button(label, 520, y, 420, h, lambda a=action: self._wait(a), size=18,
                          fill=ui.ACCENT if self.waiting == action else None)
            buttons.append(b)
            clear = ui.Button(tr("Remove"), 960, y, 220, h, lambda a=action: self._clear(a), size=16)
            clear.enabled = action in keys
            buttons.append(clear)
        if self.message:
            self.texts.append(ui.fitted(self.message, 60, 140, width=1160, max_height=50, size=17, min_size=10,
                                        color=(255, 190, 140, 255)))
        buttons.append(ui.Button(tr("Back"), 520, 24, 420, 58, self.close, size=20))
        self.focus.set(buttons, keep=True)

    def _wait(self, action: str) -> None:
        self.waiting, self.message = action, self.tr("Press the key you want (Esc: cancel).")
        self.rebuild()

    def _clear(self, action: str) -> None:
        self.app.set_preferences(keys={a: k for a, k in self.app.prefs.keys.items() if a != action})
        self.rebuild()

    def on_key_press(self, symbol: int, modifiers: int) -> None:
        if self.waiting is None:
            super().on_key_press(symbol, modifiers)
            return
        if symbol in MODIFIERS:
            return
        action, self.waiting = self.waiting, None
        if symbol == K.ESCAPE:
            self.message = ""
        elif symbol in RESERVED:
            self.message = self.tr("{key} is already used by the game; choose another key.", key=key_name(symbol))
        elif any(v == symbol for a, v in self.app.prefs.keys.items() if a != action):
            self.message = self.tr("{key} is already your key for another action.", key=key_name(symbol))
        else:
            self.app.set_preferences(keys={**self.app.prefs.keys, action: symbol})
            self.message = ""
        self.rebuild()

