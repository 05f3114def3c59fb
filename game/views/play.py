"""Play screens: the scene with its hotspots and dialogue box, questions, documents, the folder.

Each view asks the runtime (`app.session.run`) what to show and tells it what the
pupil did, then calls `app.nav.route()`. No rule of the game is decided here.
"""
from __future__ import annotations

import arcade

from ..i18n import N_
from ..presenters import present_conversation, present_scene
from . import ui
from .base import Screen

BOX = (20, 20, ui.W - 40, 200)  # the dialogue box at 100 % text size: left, bottom, width, height


def dialogue_box(grow: bool = True) -> tuple[float, float, float, float]:
    """The box grows with the pupil's text size and line spacing (up to 300 px); text that still
    does not fit is cut into pages (reflow), never shrunk below the chosen size."""
    left, bottom, width, height = BOX
    if grow:
        height = min(300, height * ui.SCALE * (1 + ui.SPACING / 2))
    return left, bottom, width, height
DOC_KIND = {  # N_ marks them for the catalogue; they are translated when drawn
    "poster": N_("Poster"), "leaflet": N_("Leaflet"), "letter": N_("Letter"), "newspaper": N_("Newspaper"),
    "photograph": N_("Photograph (described)"), "ration-card": N_("Ration card"), "order": N_("Order"),
    "map": N_("Map"), "radio-message": N_("Radio message"), "testimony": N_("Testimony"), "report": N_("Report"),
}


class PlayScreen(Screen):
    auto_read = True
    pictured = True  # the scene's picture covers the stage: no plain fill under it

    @property
    def run(self):
        return self.app.session.run

    def act(self, method: str, *args) -> None:
        getattr(self.run, method)(*args)
        self.app.nav.route()

    def on_escape(self) -> None:
        self.app.nav.go("pause")

    def draw_scene_background(self, dim: int = 0) -> None:
        scene = self.run.scene
        if not ui.picture(scene.background, self.app.content.root):
            arcade.draw_lbwh_rectangle_filled(0, 0, ui.W, ui.H, self.background)
        if dim:
            arcade.draw_lbwh_rectangle_filled(0, 0, ui.W, ui.H, (12, 16, 24, dim))


def reveal(text: str, chars: float) -> str:
    """The part of `text` shown after `chars` characters, cut at a word end so lines never re-wrap."""
    if chars >= len(text):
        return text
    cut = text.rfind(" ", 0, int(chars) + 1)
    return text[:cut] if cut > 0 else ""


def spread(labels: list[ui.Button], gap: float = 8, left: float = 8.0, right: float = ui.W - 8.0) -> None:
    """Move labels so that none covers another (large text makes them wider), within left..right: each label,
    lowest first, slides right past the ones it would cover, and goes up a row when the width runs out."""
    placed: list[ui.Button] = []

    def hit(b):
        return next((o for o in placed if b.x < o.x + o.w + gap and o.x < b.x + b.w + gap
                     and b.y < o.y + o.h + 4 and o.y < b.y + b.h + 4), None)

    for b in sorted(labels, key=lambda b: (b.y, b.x)):
        b.x = max(left, min(b.x, right - b.w))
        wanted_x = b.x
        for _ in range(4 * len(labels) + 4):
            other = hit(b)
            if other is None:
                break
            if other.x + other.w + gap + b.w <= right:
                b.x = max(b.x, other.x + other.w + gap)
            else:  # no room further right: a row above, back where it wanted to be
                b.x, b.y = wanted_x, other.y + other.h + 6
        placed.append(b)


class SceneView(PlayScreen):
    """The scene; over it, the dialogue box (a line) or the pupil's choices."""

    def __init__(self, app):
        super().__init__(app)
        self.shown = 0.0  # characters of the current line revealed
        self.line_text: arcade.Text | None = None
        self.hotspot_buttons: list[ui.Button] = []

    def build(self) -> None:
        tr, run = self.tr, self.run
        step = run.step()
        self.step = step
        self.picture = scene = present_scene(tr, run)
        self.conversation = present_conversation(run) if step.kind in ("line", "choices") else None
        folder_badge = scene.folder
        label = folder_badge.label
        fw = max(200, ui.text(("★  " if folder_badge.unread else "") + label, 0, 0, size=16).content_width + 40)
        folder_x = ui.W - 230 - fw
        self.listen_spot = (folder_x - 70, 664, 58, 46)  # the speaker button, when reading aloud is on
        speaker_w = 70 if self.app.reader.available and self.app.reader.mode != "off" else 0
        title = ui.one_line(scene.title, 24, 686, max_width=folder_x - 144 - speaker_w, size=22, min_size=14,
                            color=ui.WHITE, bold=True, anchor_y="center")
        when_x = 24 + title.content_width + 18
        self.texts += [title, ui.one_line(scene.when, when_x, 686, max_width=folder_x - 12 - when_x - speaker_w,
                                          size=16, min_size=11, color=ui.LIGHT_MUTED, anchor_y="center")]
        # In front of choices the box keeps the last line said (a reminder), so it does not grow there.
        self.box = box = dialogue_box(grow=step.kind != "choices")
        bx, by, bw, bh = box
        if step.kind == "scene":  # the intro stays while the pupil explores: the box takes its height (up to 360)
            hint = ui.text(tr("Click on something in the picture, or use Tab and Enter."), bx + 30, by + 12, size=15,
                           color=ui.MUTED, anchor_y="bottom")
            below = hint.content_height + 20  # the intro stays above the hint
            need = ui.text(scene.intro, 0, 0, size=19, width=int(bw - 60)).content_height + 24 + below
            self.box = box = (bx, by, bw, min(420, max(bh, need)))
            bx, by, bw, bh = box
        buttons: list[ui.Button] = []
        if step.kind == "scene":
            for h in scene.hotspots:
                x, y_top = h.at
                mark = h.mark
                w = ui.text(f"{mark}  {h.label}", 0, 0, size=16).content_width + 40
                left = min(max(x - w / 2, 8), ui.W - w - 8)  # a label near an edge stays on the screen
                hh = 52 * max(1.0, ui.SCALE * 0.85)
                bottom = max(ui.H - y_top - 26, by + bh + 8)  # never under the dialogue box,
                bottom = min(bottom, 650 - hh)  # nor over the top bar
                b = ui.Button(h.label, left, bottom, w, hh, lambda hid=h.id: self.act("use", hid),
                              size=16, fill=(20, 30, 44, 255), mark=mark)
                b.spot = (x, min(bottom + hh + 8, 640))  # the ring stays on the object itself
                buttons.append(b)
            spread(buttons)
            self.hotspot_buttons = list(buttons)
            self.texts.append(ui.fitted(scene.intro, bx + 30, by + bh - 24, size=19, min_size=12, width=int(bw - 60),
                                        max_height=bh - 24 - below))
            self.texts.append(hint)
        elif step.kind in ("line", "choices"):
            speaker = self.conversation.speaker
            left = bx + (210 if speaker else 30)
            self.portrait = ui.texture(speaker.portrait, self.app.content.root) if speaker else None
            if speaker:
                name = ui.text(speaker.name, left, by + bh - 16, size=20, bold=True, color=ui.ACCENT)
                self.texts.append(name)
                role_x = left + name.content_width + 14
                self.texts.append(ui.one_line(speaker.role, role_x, by + bh - 21, max_width=bx + bw - 24 - role_x,
                                              size=15, min_size=11, color=ui.MUTED))
            top = by + bh - (56 if speaker else 24) - 8 * (ui.SCALE - 1)
            room = top - by - 34  # keep clear of the "Enter" hint
            width = int(bx + bw - left - 30)
            full = self.conversation.text
            if step.kind == "choices":
                self.line_pages = [full]
                self.line_text = ui.fitted(full, left, top, width=width, max_height=room, size=20, min_size=12)
            else:
                self.line_pages = ui.split_to_fit(full, width=width, max_height=room, size=20)
                self.line_text = ui.text(self.line_pages[0], left, top, size=20, width=width)
            self.page_index = 0
            self._full = self.line_pages[0]
            if self.app.prefs.chars_per_second <= 0 or step.kind == "choices":
                self.shown = len(self._full)
            self.line_text.text = reveal(self._full, self.shown)
            self.continue_hint = ui.text("▼ " + tr("Enter"), bx + bw - 24, by + 26, size=14,
                                         color=ui.MUTED, anchor_x="right", anchor_y="center")
        if step.kind == "choices":
            choices = self.conversation.choices
            n = len(choices)
            ch = 58 * ui.SCALE
            stride = min(ch + 10, (640 - (by + bh + 16) - 40 * ui.SCALE) / n)
            ch = min(ch, stride - 6)
            for i, (choice_id, text) in enumerate(choices):
                y = by + bh + 16 + stride * (n - 1 - i)
                buttons.append(ui.Button(text, bx + 40, y, bw - 80, ch,
                                         lambda cid=choice_id: self.act("choose", cid), size=18, key_hint=str(i + 1),
                                         fill=ui.NIGHT_2, wrap=True))
            self.texts.append(ui.text(tr("What do you do?"), bx + 40, by + bh + 24 + stride * (n - 1) + ch,
                                      size=20, color=ui.WHITE, bold=True, anchor_y="bottom"))
        folder = ui.Button(label, folder_x, 664, fw, 46, lambda: self.app.nav.go("folder"), size=16,
                           fill=ui.ACCENT if folder_badge.unread else ui.NIGHT_2, mark=folder_badge.mark)
        menu = ui.Button(tr("Menu (Esc)"), ui.W - 220, 664, 200, 46, lambda: self.app.nav.go("pause"), size=16)
        if step.kind in ("scene", "choices"):
            buttons += [folder, menu]
        self.focus.set(buttons)
        self.top_buttons = [] if step.kind in ("scene", "choices") else [folder, menu]

    def spoken(self) -> list[str]:
        """The whole line (not only the letters revealed so far), who says it, and what the pupil can do."""
        tr, step = self.tr, self.step
        if step.kind == "scene":
            scene = self.picture
            return [scene.title, scene.when, scene.intro, tr("You can choose:")] + \
                [b.label for b in self.hotspot_buttons]
        conv = self.conversation
        said = [f"{conv.speaker.name}, {conv.speaker.role}" if conv.speaker else ""]
        if step.kind == "line":
            return said + [self.line_pages[self.page_index]]
        return said + [conv.text, tr("What do you do?")] + [f"{i + 1}. {text}" for i, (_, text) in
                                                             enumerate(conv.choices)]

    def draw_content(self) -> None:
        self.draw_scene_background(dim=110 if self.step.kind == "choices" else 0)
        arcade.draw_lbwh_rectangle_filled(0, 650, ui.W, 70, (12, 16, 24, 200))
        ui.panel(*self.box)
        if self.step.kind == "scene":
            for b in self.hotspot_buttons:  # a ring on the picture where the hotspot is
                cx, cy = b.spot
                arcade.draw_circle_filled(cx, cy, 22, (255, 255, 255, 200))
                arcade.draw_circle_outline(cx, cy, 22, ui.ACCENT, 4)
                arcade.draw_circle_filled(cx, cy, 7, ui.ACCENT)
        else:
            if self.portrait is not None:
                bx, by, bw, bh = self.box
                arcade.draw_texture_rect(self.portrait, arcade.LBWH(bx + 18, by + bh - 186, 172, 172))
            if not self.appearing():
                self.draw_line()
        for b in self.top_buttons:
            b.draw(False, False)

    def appearing(self) -> bool:
        return self.step.kind == "line" and self.shown < len(self._full)

    def live_key(self) -> tuple:  # the line joins the cached frame once it is all there
        return (self.appearing(), getattr(self, "page_index", 0))

    def draw_line(self) -> None:
        self.line_text.draw()
        if self.step.kind == "line" and self.shown >= len(self._full):
            self.continue_hint.draw()

    def draw_live(self) -> None:
        """While the line appears letter by letter it is drawn over the cached frame, every frame."""
        if self.step.kind != "scene" and self.appearing():
            self.draw_line()

    def on_update(self, delta_time: float) -> None:
        if self.step.kind == "line" and self.shown < len(self._full):
            cps = self.app.prefs.chars_per_second
            self.shown = len(self._full) if cps <= 0 else self.shown + cps * delta_time
            shown = reveal(self._full, self.shown)
            if shown != self.line_text.text:
                self.line_text.text = shown

    def _continue(self) -> None:
        if self.shown < len(self._full):
            self.shown = len(self._full)  # first press completes the line
            self.line_text.text = self._full
        elif self.page_index + 1 < len(self.line_pages):  # a long line at a large size: its next page
            self.page_index += 1
            self._full = self.line_pages[self.page_index]
            self.shown = len(self._full) if self.app.prefs.chars_per_second <= 0 else 0.0
            self.line_text.text = reveal(self._full, self.shown)
            self.read_on_show()  # its next page is read like a new line
        else:
            self.act("advance")

    def on_key(self, symbol: int, modifiers: int) -> bool:
        k = arcade.key
        if self.step.kind == "line" and symbol in (k.ENTER, k.RETURN, k.NUM_ENTER, k.SPACE):
            self._continue()
            return True
        if self.step.kind == "choices" and k.KEY_1 <= symbol <= k.KEY_9:
            i = symbol - k.KEY_1
            if i < len(self.step.choices):
                self.act("choose", self.step.choices[i].id)
            return True
        if symbol == k.D and self.step.kind in ("scene", "choices"):
            self.app.nav.go("folder")
            return True
        return False

    def on_click(self, x: float, y: float) -> bool:
        for b in self.top_buttons:
            if b.contains(x, y):
                b.action()
                return True
        if self.step.kind == "line":
            self._continue()
            return True
        if self.step.kind == "scene":  # the ring above a label works like the label
            for b in self.hotspot_buttons:
                if (x - b.spot[0]) ** 2 + (y - b.spot[1]) ** 2 <= 30 ** 2:
                    b.action()
                    return True
        return False


class DocumentView(PlayScreen):
    def build(self) -> None:
        tr, run = self.tr, self.run
        doc = run.bundle.documents[run.step().document]
        self.doc = doc
        self.image = ui.texture(doc.image, self.app.content.root) if doc.image else None
        left = 160 if self.image is None else 560
        width = 960 if self.image is None else 560
        kind = tr(DOC_KIND.get(doc.kind.value, "Document"))
        self.texts += [
            ui.text(kind.upper() + (f"  ·  {doc.date}" if doc.date else ""), left, 660, size=15, color=ui.MUTED),
            ui.text(doc.title, left, 630, size=26, bold=True, width=width),
        ]
        title_h = self.texts[-1].content_height
        source = ui.text(tr("Source: {source}", source=doc.source), left, 130, size=14, color=ui.MUTED,
                         width=width, anchor_y="bottom")
        body_top = 630 - title_h - 24
        self.texts.append(ui.fitted(doc.body, left, body_top, width=width,
                                    max_height=body_top - (130 + source.content_height + 24), size=19))
        self.texts.append(source)
        self.focus.set([ui.Button(tr("Close"), 900, 56, 220, 54, lambda: self.act("advance"), size=20, fill=ui.ACCENT)])

    def draw_content(self) -> None:
        self.draw_scene_background(dim=170)
        ui.panel(120, 30, 1040, 670, fill=(244, 236, 214, 255), border=(150, 130, 100, 255))
        arcade.draw_lbwh_rectangle_outline(132, 42, 1016, 646, (190, 170, 135, 255), 1)
        if self.image is not None:
            arcade.draw_texture_rect(self.image, arcade.LBWH(160, 160, 360, 480))

    def on_escape(self) -> None:
        self.act("advance")


class FolderView(PlayScreen):
    """The documents the pupil has received; any can be read again."""

    def build(self) -> None:
        tr, run = self.tr, self.run
        self.texts.append(ui.text(tr("Your folder"), 100, 670, size=30, bold=True))
        docs = [run.bundle.documents[d] for d in run.state.documents]
        if not docs:
            self.texts.append(ui.text(tr("No documents yet. Explore the scenes to find some."), 100, 600, size=19))
        buttons = []
        for i, d in enumerate(docs):
            col, row = i % 2, i // 2
            read = d.id in run.state.opened
            b = ui.Button(d.title, 100 + col * 550, 560 - row * 70, 520, 58, lambda did=d.id: self.open(did), size=17,
                          mark="✔" if read else "•", fill=ui.NIGHT_2, wrap=True)
            buttons.append(b)
        buttons.append(ui.Button(tr("Back"), 100, 40, 240, 54, self.app.nav.route, size=20, fill=ui.ACCENT))
        self.focus.set(buttons)

    def open(self, doc_id: str) -> None:
        self.act("open_document", doc_id)

    def draw_content(self) -> None:
        self.draw_scene_background(dim=170)
        ui.panel(70, 20, 1140, 690)

    def on_escape(self) -> None:
        self.app.nav.route()
