"""Widgets shared by questions and mini-games: a map with pins, a list to put in order, a meter."""
from __future__ import annotations

from typing import Callable

import arcade

from . import ui


class MapPanel:
    """A 1280x720 map picture drawn into a smaller box; converts content coordinates (top-left) to the stage."""

    def __init__(self, rel: str, root, left: float, bottom: float, width: float):
        self.rel, self.root = rel, root
        self.left, self.bottom, self.width = left, bottom, width
        self.height = width * 720 / 1280

    def point(self, at: tuple[int, int]) -> tuple[float, float]:
        x, y = at
        return self.left + x * self.width / 1280, self.bottom + self.height - y * self.height / 720

    def draw(self) -> None:
        ui.picture(self.rel, self.root, self.left, self.bottom, self.width, self.height)
        arcade.draw_lbwh_rectangle_outline(self.left, self.bottom, self.width, self.height, ui.PAPER_EDGE, 3)

    def pin(self, at, label: str, action: Callable[[], None], *, size: float = 15, fill=None) -> ui.Button:
        """A labelled button whose left edge sits on the place (a dot is drawn there by draw_pins)."""
        x, y = self.point(at)
        w = ui.text(label, 0, 0, size=size).content_width + 30
        left = min(x + 10, self.left + self.width - w)  # keep labels on the map
        h = 32 * ui.SCALE
        return ui.Button(label, left, y - h / 2, w, h, action, size=size, fill=fill)

    def draw_dot(self, at, colour=None) -> None:
        x, y = self.point(at)
        colour = ui.ACCENT if colour is None else colour
        arcade.draw_circle_filled(x, y, 9, ui.WHITE)
        arcade.draw_circle_filled(x, y, 6, colour)


class ReorderList:
    """Rows the pupil puts in order with ▲ / ▼ buttons (keyboard: Tab to a button, Enter; mouse: click)."""

    def __init__(self, labels: dict[str, str], order: list[str], *, left: float, top: float, width: float,
                 on_move: Callable[[str, int], None], row_h: float = 60, size: float = 18):
        self.labels, self.order = labels, order
        self.left, self.top, self.width, self.row_h, self.size = left, top, width, row_h, size
        self.on_move = on_move
        self.marks: dict[str, str] = {}  # id -> mark shown before the label (✔ / ✘)
        self.extra: dict[str, str] = {}  # id -> text shown after the label (a date)

    def row_bottom(self, i: int) -> float:
        return self.top - (i + 1) * self.row_h + 6

    def buttons(self, movable: bool = True) -> list[ui.Button]:
        out = []
        if not movable:
            return out
        n = len(self.order)
        for i, item in enumerate(self.order):
            y = self.row_bottom(i)
            right = self.left + self.width
            up = ui.Button("▲", right - 112, y, 52, self.row_h - 12, lambda it=item, i=i: self.on_move(it, i - 1), size=18)
            down = ui.Button("▼", right - 56, y, 52, self.row_h - 12, lambda it=item, i=i: self.on_move(it, i + 1), size=18)
            up.enabled, down.enabled = i > 0, i < n - 1
            out += [up, down]
        return out

    def texts(self, movable: bool = True) -> list[arcade.Text]:
        out = []
        label_w = int(self.width - (140 if movable else 20))
        for i, item in enumerate(self.order):
            y = self.row_bottom(i) + (self.row_h - 12) / 2
            mark = self.marks.get(item)
            label = f"{i + 1}.  " + (f"{mark}  " if mark else "") + self.labels[item]
            if item in self.extra:
                label += f"  —  {self.extra[item]}"
            out.append(ui.fitted(label, self.left + 14, y, width=label_w, max_height=self.row_h - 14, size=self.size,
                                 min_size=13 / ui.SCALE ** 2, anchor_y="center"))  # rows are as tall as the page allows
        return out

    def draw_rows(self) -> None:
        for i, item in enumerate(self.order):
            fill = {"✔": (214, 238, 226, 255), "✘": (246, 222, 206, 255)}.get(self.marks.get(item), (234, 226, 206, 255))
            arcade.draw_lbwh_rectangle_filled(self.left, self.row_bottom(i), self.width, self.row_h - 12, fill)
            arcade.draw_lbwh_rectangle_outline(self.left, self.row_bottom(i), self.width, self.row_h - 12, ui.PAPER_EDGE, 2)


def draw_meter(left: float, bottom: float, width: float, value: float, maximum: float, *, target: float | None = None,
               colour=ui.ACCENT) -> None:
    """A bar with segments; the value is also written as text by the caller (never told by the bar alone)."""
    arcade.draw_lbwh_rectangle_filled(left, bottom, width, 22, (220, 214, 200, 255))
    filled = width * max(0.0, min(1.0, value / maximum))
    arcade.draw_lbwh_rectangle_filled(left, bottom, filled, 22, colour)
    arcade.draw_lbwh_rectangle_outline(left, bottom, width, 22, ui.INK, 2)
    if maximum <= 10:
        for k in range(1, int(maximum)):
            x = left + width * k / maximum
            arcade.draw_line(x, bottom, x, bottom + 22, ui.PAPER, 2)
    if target is not None:
        x = left + width * target / maximum
        arcade.draw_line(x, bottom - 8, x, bottom + 30, ui.INK, 4)
