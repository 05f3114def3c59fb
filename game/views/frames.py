"""Frames drawn once, shown many times: the answer to a software renderer (a school PC with no graphics card).

Most screens of the game are still pictures until the pupil does something. Each screen is drawn into an
off-screen framebuffer when something it shows has changed, and the framebuffer is copied to the window
on every other frame (about 1 ms on Mesa's llvmpipe, against 5–15 ms to draw a screen). What changes every
frame (the line appearing letter by letter) is drawn over the copy.

The window is made without multisampling: on a software renderer 4× multisampling made every frame two to
three times slower, for smoother edges on the few round shapes (text is antialiased by its glyphs anyway);
and a copy into a multisampled window is not allowed by OpenGL.
"""
from __future__ import annotations

import arcade


def new_window(title: str, *, visible: bool = True, resizable: bool = False, fullscreen: bool = False) -> arcade.Window:
    return arcade.Window(1280, 720, title, visible=visible, resizable=resizable, fullscreen=fullscreen,
                         antialiasing=False)


class FrameCache:
    """One off-screen picture of the window and the key of what it shows."""

    def __init__(self, window: arcade.Window):
        self.window = window
        self.fbo = None
        self.key = None
        self.drawn = 0  # frames really drawn (the rest were copies): the bench and the tests read it
        self.enabled = window.ctx.screen.samples == 0 if hasattr(window.ctx.screen, "samples") else True

    def holds(self, key) -> bool:
        return self.fbo is not None and key == self.key and self.fbo.size == self.window.get_framebuffer_size()

    def target(self):
        """Where to draw the next frame (activate it with `with`)."""
        ctx = self.window.ctx
        size = self.window.get_framebuffer_size()
        if self.fbo is None or self.fbo.size != size:
            self.fbo = ctx.framebuffer(color_attachments=[ctx.texture(size, components=4)])
            self.key = None
        self.drawn += 1
        return self.fbo.activate()

    def show(self) -> None:
        ctx = self.window.ctx
        ctx.copy_framebuffer(self.fbo, ctx.screen, depth=False)
        ctx.screen.use(force=True)  # reads (screenshots) and draws go to the window again

    def forget(self) -> None:
        self.key = None
