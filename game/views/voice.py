"""Reading aloud in the game: clips played with pyglet, and the speaker button drawn on every pupil's screen."""
from __future__ import annotations

import io
import time

import arcade
import pyglet

from . import ui


class PygletClip:
    """One spoken text playing; `done()` once it has been heard to the end."""

    def __init__(self, wav: bytes, volume: float):
        source = pyglet.media.load("speech.wav", file=io.BytesIO(wav), streaming=False)
        self.duration = source.duration or 0.0
        self.player = pyglet.media.Player()
        self.player.volume = volume
        self.player.queue(source)
        self.player.play()
        self.started = time.monotonic()

    def done(self) -> bool:
        # the clock is the safety net when the sound card never reports the end (or there is none)
        return self.player.source is None or time.monotonic() - self.started > self.duration + 0.3

    def stop(self) -> None:
        if self.player is not None:
            self.player.pause()
            self.player.delete()
            self.player = None


def play_wav(wav: bytes, volume: float) -> PygletClip:
    return PygletClip(wav, volume)


class ListenButton(ui.Button):
    """A loudspeaker (waves while it reads; a square to stop it). Its key, R, is written under it."""

    reading = False

    def draw(self, focused: bool, hovered: bool) -> None:
        self.draw_shape(focused, hovered)
        ink = self.ink or ui.WHITE
        cx, cy = self.x + self.w / 2 - 6, self.y + self.h / 2 + 4
        if self.reading:  # stop: a square
            arcade.draw_lbwh_rectangle_filled(cx - 6, cy - 9, 18, 18, ink)
        else:
            arcade.draw_lbwh_rectangle_filled(cx - 14, cy - 6, 8, 12, ink)
            arcade.draw_triangle_filled(cx - 8, cy - 6, cx - 8, cy + 6, cx + 2, cy + 12, ink)
            arcade.draw_triangle_filled(cx - 8, cy - 6, cx + 2, cy + 12, cx + 2, cy - 12, ink)
            for r in (9, 15):
                arcade.draw_arc_outline(cx + 2, cy, r * 2, r * 2, ink, -50, 50, 3)
        self.label_text().draw()

    def label_text(self) -> arcade.Text:
        if self._text is None:
            with ui.scale_at_most(1.0):
                self._text = ui.text(self.label, self.x + self.w - 6, self.y + 3, size=11, color=self.ink or ui.WHITE,
                                     anchor_x="right", anchor_y="bottom")
        return self._text
