"""Mini-game screens. Each asks the rules (game.story.minigames) what is possible and
sends the pupil's moves to the runtime (`run.play(...)`); nothing is decided here.

Every screen works with the keyboard alone (Tab / arrows / Enter / number keys) and
with the mouse alone, and shows results with icons and words as well as colours.
"""
from __future__ import annotations

import arcade

from ..presenters import has_started
from ..story import minigames as rules
from . import ui
from .play import PlayScreen, spread
from .widgets import MapPanel, ReorderList, draw_meter


class MiniGameView(PlayScreen):
    """Common frame: intro panel first, conclusion panel at the end, the game in between."""

    @staticmethod
    def for_step(app) -> "MiniGameView":
        kind = app.session.run.step().minigame.kind.value
        return {"dilemmas": DilemmasView, "placement": PlacementView, "sequence": SequenceView,
                "matching": MatchingView}[kind](app)

    def __init__(self, app):
        super().__init__(app)
        step = self.run.step()
        self.mg = step.minigame
        # The intro is shown until the pupil starts; a game resumed after its first move goes straight on.
        self.started = has_started(self.mg, step.game)

    @property
    def data(self) -> rules.GameData:
        """What the pupil has done so far (typed by kind: rules.DilemmasPlay, rules.PlacementPlay, ...)."""
        return self.run.step().game

    def move(self, *action: str) -> None:
        self.run.play(*action)
        self.rebuild()

    def build(self) -> None:
        tr = self.tr
        in_game = self.started and not rules.finished(self.mg, self.data)
        with ui.scale_at_most(1.15 if in_game else 2):
            title = ui.one_line(self.mg.title, 100, 694, max_width=1080, size=20 if in_game else 26, min_size=14,
                                bold=True)
        self.texts.append(title)
        top = 694 - title.content_height - 16
        if not self.started:
            self.texts.append(ui.fitted(self.mg.intro, 100, top, width=1080, max_height=top - 110, size=20))
            self.focus.set([ui.Button(tr("Start"), 900, 40, 280, 56, self._start, size=20, fill=ui.ACCENT)])
        elif rules.finished(self.mg, self.data):
            text = self.finished_text()
            if ui.fits(text, width=1080, max_height=top - 110, size=16):
                self.texts.append(ui.fitted(text, 100, top, width=1080, max_height=top - 110, size=20, min_size=16))
                pager, self.page, self.pages = [], 0, 1  # (the look may have changed since it was paged)
            else:  # large text: the outcome and the conclusion are read page by page
                pages = ui.split_to_fit(text, width=1080, max_height=top - 110, size=20)
                pager = self.pager(len(pages), 1, x=100, y=40, w=250, h=56, size=18)
                self.texts.append(ui.text(pages[self.page], 100, top, size=20, width=1080))
            done = ui.Button(tr("Continue"), 900, 40, 280, 56, lambda: self.act("advance"), size=20, fill=ui.ACCENT)
            done.enabled = self.page == self.pages - 1  # the last page read first
            self.focus.set(pager + [done], keep=True)
        else:
            with ui.scale_at_most(1.15):
                self.build_game()

    def _start(self) -> None:
        self.started = True
        self.rebuild(keep_focus=False)

    def finished_text(self) -> str:
        return self.mg.conclusion

    def build_game(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def draw_content(self) -> None:
        self.draw_scene_background(dim=160)
        ui.panel(70, 20, 1140, 690)
        if self.started and not rules.finished(self.mg, self.data):
            self.draw_game()

    def draw_game(self) -> None:
        pass

    def on_key(self, symbol: int, modifiers: int) -> bool:
        if self.started and not rules.finished(self.mg, self.data):
            return self.game_key(symbol)
        return False

    def game_key(self, symbol: int) -> bool:
        return False


class DilemmasView(MiniGameView):
    def build_game(self) -> None:
        tr, d, mg = self.tr, self.data, self.mg
        r = mg.rounds[d.round]
        self.texts.append(ui.text(tr("Moment {n} of {total}", n=d.round + 1, total=len(mg.rounds)), 100, 640,
                                  size=16, color=ui.MUTED))
        header = self.texts[-1]
        situation_top = header.y - header.content_height - 8
        self.texts.append(ui.fitted(r.situation, 100, situation_top, width=700, max_height=situation_top - 470,
                                    size=20))
        self._meters()
        chosen = rules.consequence(mg, d)
        if chosen is None:
            buttons = [ui.Button(o.text, 100, 400 - i * 70, 700, 60, lambda oid=o.id: self.move("choose", oid), size=18,
                                 key_hint=str(i + 1), wrap=True) for i, o in enumerate(r.options)]
            self.focus.set(buttons)
        else:
            said = ui.fitted(f"➜ {chosen.text}", 100, 420, size=19, bold=True, width=700, max_height=90, min_size=12)
            below = said.y - said.content_height - 10
            self.texts += [said, ui.fitted(chosen.consequence, 100, below, width=700, max_height=below - 180,
                                           size=19, min_size=12)]
            changes = [f"{m.label} {chosen.effects[m.id]:+d}" for m in mg.meters if chosen.effects.get(m.id)]
            if changes:
                self.texts.append(ui.text("   ".join(changes), 100, 150, size=17, color=ui.MUTED, width=700))
            self.focus.set([ui.Button(tr("Next"), 900, 40, 280, 56, lambda: self.move("next"), size=20,
                                      fill=ui.ACCENT)])

    def _meters(self) -> None:
        d = self.data
        for i, m in enumerate(self.mg.meters):
            y = 600 - i * 90
            self.texts.append(ui.text(f"{m.label} : {d.meters[m.id]} / {m.max}", 860, y, size=17, bold=True,
                                      width=320))

    def draw_game(self) -> None:
        d = self.data
        for i, m in enumerate(self.mg.meters):
            draw_meter(860, 600 - i * 90 - 60, 320, d.meters[m.id], m.max)

    def finished_text(self) -> str:
        d = self.data
        meters = ", ".join(f"{m.label} : {d.meters[m.id]} / {m.max}" for m in self.mg.meters)
        return f"{rules.ending(self.mg, d).text}\n\n{meters}\n\n{self.mg.conclusion}"

    def game_key(self, symbol: int) -> bool:
        k = arcade.key
        d = self.data
        if not d.showing and k.KEY_1 <= symbol <= k.KEY_9:
            options = self.mg.rounds[d.round].options
            i = symbol - k.KEY_1
            if i < len(options):
                self.move("choose", options[i].id)
            return True
        return False


class PlacementView(MiniGameView):
    """Choose a token, then the zone where it goes; the meter shows what the enemy now believes."""

    selected: str | None = None

    def build_game(self) -> None:
        tr, d, mg = self.tr, self.data, self.mg
        self.map = MapPanel(mg.map, self.app.content.root, 90, 190, 700)
        zones = {z.id: z for z in mg.zones}
        if self.selected is None:
            self.selected = next((t.id for t in mg.tokens if t.id not in d.placed), mg.tokens[0].id)
        buttons = []
        self.texts.append(ui.fitted(tr("1. Choose what to place:"), 820, 640, width=380, max_height=30, size=16,
                                    min_size=11, bold=True))
        for i, t in enumerate(mg.tokens):
            where = zones[d.placed[t.id]].label if t.id in d.placed else tr("not placed")
            b = ui.Button(f"{t.label} — {where}", 820, 570 - i * 50, 380, 44, lambda tid=t.id: self._select(tid),
                          size=14, mark="●" if t.id == self.selected else "○",
                          fill=ui.ACCENT if t.id == self.selected else ui.NIGHT_2)
            buttons.append(b)
        token = next(t for t in mg.tokens if t.id == self.selected)
        detail_top = 570 - (len(mg.tokens) - 1) * 50 - 12
        self.texts.append(ui.fitted(f"{token.label} : {token.detail}", 820, detail_top, width=380,
                                    max_height=detail_top - 130, size=14))
        self.texts.append(ui.fitted(tr("2. Then choose where it goes, on the map:"), 90, 640, width=700, max_height=30,
                                    size=16, min_size=11, bold=True))
        pins = [self.map.pin(z.at, z.label, lambda zid=z.id: self._place(zid), size=14) for z in mg.zones]
        spread(pins, left=self.map.left, right=self.map.left + self.map.width)
        buttons += pins
        value = rules.meter(mg, d)
        goal = tr("goal")
        self.texts.append(ui.fitted(f"{mg.meter_label} : {value} %  ({goal} : {mg.target} %)", 90, 170, width=700,
                                    max_height=40, size=16, min_size=9, bold=True))
        if d.checked:
            self.texts.append(ui.fitted(tr("✘ Not yet convinced. Move the pieces that point at the wrong coast."),
                                        820, 128, width=380, max_height=40, size=15, color=ui.WRONG))
        check = ui.Button(tr("Show it to the enemy"), 820, 30, 380, 52, lambda: self.move("check"), size=18,
                          fill=ui.ACCENT)
        check.enabled = ("check",) in rules.legal(mg, d)
        buttons.append(check)
        self.focus.set(buttons, keep=True)

    def _select(self, token_id: str) -> None:
        self.selected = token_id
        self.rebuild()
        self.focus.index = len(self.mg.tokens)  # straight to the first zone

    def _place(self, zone_id: str) -> None:
        self.move("place", self.selected, zone_id)
        nxt = next((t.id for t in self.mg.tokens if t.id not in self.data.placed), None)
        if nxt is not None:
            self.selected = nxt
            self.rebuild()
            self.focus.index = [t.id for t in self.mg.tokens].index(nxt)

    def draw_game(self) -> None:
        self.map.draw()
        for z in self.mg.zones:
            self.map.draw_dot(z.at)
        draw_meter(90, 100, 700, rules.meter(self.mg, self.data), 100, target=self.mg.target)


class SequenceView(MiniGameView):
    def build_game(self) -> None:
        tr, d, mg = self.tr, self.data, self.mg
        cards = {c.id: c for c in mg.cards}
        self.reorder = ReorderList({c.id: c.text for c in mg.cards}, list(d.order), left=100, top=640,
                                   width=1080, on_move=self._move, row_h=min(62, 480 / len(mg.cards)), size=17)
        if d.checked:
            right = rules.placed_right(mg, d)
            for cid in d.order:
                self.reorder.marks[cid] = "✔" if cid in right else "✘"
                if cid in right:
                    self.reorder.extra[cid] = cards[cid].date
            self.texts.append(ui.text(tr("✔ {n} of {total} in the right place. Move the others and check again.",
                                         n=len(right), total=len(mg.cards)), 100, 110, size=16, width=760))
        else:
            self.texts.append(ui.text(tr("Use ▲ and ▼ to move a card, then check."), 100, 110, size=16,
                                      color=ui.MUTED, width=760))
        self.texts += self.reorder.texts()
        check = ui.Button(tr("Check the order"), 880, 36, 300, 56, lambda: self.move("check"), size=19, fill=ui.ACCENT)
        check.enabled = not d.checked
        self.focus.set(self.reorder.buttons() + [check], keep=True)

    def _move(self, card: str, index: int) -> None:
        old = self.data.order.index(card)
        index = max(0, min(index, len(self.mg.cards) - 1))
        self.move("move", card, str(index))
        self.focus.index = index * 2 + (0 if index < old else 1)
        if not self.focus.buttons[self.focus.index].enabled:
            self.focus.index = index * 2 + (1 if index < old else 0)

    def draw_game(self) -> None:
        self.reorder.draw_rows()

    def finished_text(self) -> str:
        dates = "\n".join(f"{c.date} : {c.text}" for c in self.mg.cards)
        return f"{dates}\n\n{self.mg.conclusion}"


class MatchingView(MiniGameView):
    """Choose a place on the map, then who it belongs to (number keys pick the category)."""

    selected: str | None = None

    def build_game(self) -> None:
        tr, d, mg = self.tr, self.data, self.mg
        self.map = MapPanel(mg.map, self.app.content.root, 90, 150, 720)
        cats = {c.id: c for c in mg.categories}
        right = rules.placed_right(mg, d) if d.checked else set()
        if self.selected is None:
            self.selected = mg.items[0].id
        buttons = []
        for it in mg.items:
            label = it.label
            if it.id in d.assigned:
                label += f" · {cats[d.assigned[it.id]].label}"
            mark = ("✔" if it.id in right else "✘") if d.checked else ("●" if it.id == self.selected else None)
            fill = ui.ACCENT if it.id == self.selected else ui.NIGHT_2
            buttons.append(self.map.pin(it.at, (f"{mark} " if mark else "") + label, lambda iid=it.id: self._select(iid),
                                        size=13, fill=fill))
        # longer labels once assigned, or at a large size: none covers another
        spread(buttons, left=self.map.left, right=self.map.left + self.map.width)
        item = next(i for i in mg.items if i.id == self.selected)
        self.texts.append(ui.fitted(tr("1. Choose a town on the map. 2. Who freed it?"), 90, 640, width=720,
                                    max_height=30, size=16, min_size=11, bold=True))
        # just above the first category, however tall the name is at the pupil's size
        self.texts.append(ui.text(item.label, 840, 586, size=20, bold=True, width=350, anchor_y="bottom"))
        for i, c in enumerate(mg.categories):
            buttons.append(ui.Button(c.label, 840, 530 - i * 56, 350, 48, lambda cid=c.id: self._assign(cid), size=15,
                                     key_hint=str(i + 1), wrap=True))
        if item.id in right:
            self.texts.append(ui.fitted(item.detail, 840, 520 - len(mg.categories) * 56, width=350, max_height=150,
                                        size=14))
        if d.checked:
            self.texts.append(ui.text(tr("✔ {n} of {total} right. Change the others and check again.", n=len(right),
                                         total=len(mg.items)), 90, 126, size=16, width=700))
        check = ui.Button(tr("Check the map"), 840, 36, 350, 56, lambda: self.move("check"), size=19, fill=ui.ACCENT)
        check.enabled = ("check",) in rules.legal(mg, d)
        self.focus.set(buttons + [check], keep=True)

    def _select(self, item_id: str) -> None:
        self.selected = item_id
        self.rebuild()
        self.focus.index = len(self.mg.items)  # straight to the first category

    def _assign(self, category_id: str) -> None:
        self.move("assign", self.selected, category_id)
        ids = [i.id for i in self.mg.items]
        nxt = next((i for i in ids if i not in self.data.assigned), None)
        if nxt is not None:
            self.selected = nxt
            self.rebuild()
            self.focus.index = ids.index(nxt)

    def draw_game(self) -> None:
        self.map.draw()
        for it in self.mg.items:
            self.map.draw_dot(it.at)

    def game_key(self, symbol: int) -> bool:
        k = arcade.key
        if k.KEY_1 <= symbol <= k.KEY_9 and symbol - k.KEY_1 < len(self.mg.categories):
            self._assign(self.mg.categories[symbol - k.KEY_1].id)
            return True
        return False

    def finished_text(self) -> str:
        details = "\n".join(f"{it.label} : {it.detail}" for it in self.mg.items)
        return f"{details}\n\n{self.mg.conclusion}"
