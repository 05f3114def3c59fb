"""Screenshots of what a pupil sees, for `autoplay --shots DIR`, the bench and the tests."""
from __future__ import annotations

from pathlib import Path

import arcade

from .app import App
from .views.frames import new_window


class Shooter:
    def __init__(self, content, out_dir: Path, lang: str, window: arcade.Window | None = None):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.window = window or new_window("La Coupole (autoplay)", visible=False)
        self._own_window = window is None
        self.app = App(self.window, content, self.out, lang)
        self.app.set_preferences(text_speed="instant")
        self.count = 0

    def capture(self, session, name: str) -> Path:
        if self.app.prefs.language != session.profile.locale:
            self.app.session = None  # the shooter's language follows the bot's; the bot's session is left alone
            self.app.set_preferences(language=session.profile.locale)
        self.app.session = session
        self.app.tr = session.tr
        view = self.app.nav.view_for_step()
        self.window.show_view(view)
        return self.snap(view, name)

    def snap(self, view, name: str) -> Path:
        view.on_draw()
        path = self.out / f"{name}.png"
        arcade.get_image(0, 0, *self.window.get_framebuffer_size()).save(path)
        self.count += 1
        return path

    def close(self) -> None:
        if self._own_window:
            self.window.close()
