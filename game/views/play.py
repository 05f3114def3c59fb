"""Play screens: the scene with its hotspots and dialogue box, questions, documents, the folder.

Each view asks the runtime (`app.session.run`) what to show and tells it what the
pupil did, then calls `app.route()`. No rule of the game is decided here.
"""
from __future__ import annotations

import arcade

from ..i18n import N_
from . import ui
from .base import Screen

BOX = (20, 20, ui.W - 40, 200)  # the dialogue box: left, bottom, width, height
DOC_KIND = {  # N_ marks them for the catalogue; they are translated when drawn
    "poster": N_("Poster"), "leaflet": N_("Leaflet"), "letter": N_("Letter"), "newspaper": N_("Newspaper"),
    "photograph": N_("Photograph (described)"), "ration-card": N_("Ration card"), "order": N_("Order"),
    "map": N_("Map"), "radio-message": N_("Radio message"), "testimony": N_("Testimony"), "report": N_("Report"),
}


class PlayScreen(Screen):
    @property
    def run(self):
        return self.app.session.run

    def act(self, method: str, *args) -> None:
        getattr(self.run, method)(*args)
        self.app.route()

    def on_escape(self) -> None:
        self.app.show_pause()

    def draw_scene_background(self, dim: int = 0) -> None:
        scene = self.run.scene
        tex = ui.texture(scene.background, self.app.content.root)
        if tex is not None:
            arcade.draw_texture_rect(tex, arcade.LBWH(0, 0, ui.W, ui.H))
        if dim:
            arcade.draw_lbwh_rectangle_filled(0, 0, ui.W, ui.H, (12, 16, 24, dim))


def reveal(text: str, chars: float) -> str:
    """The part of `text` shown after `chars` characters, cut at a word end so lines never re-wrap."""
    if chars >= len(text):
        return text
    cut = text.rfind(" ", 0, int(chars) + 1)
    return text[:cut] if cut > 0 else ""


class SceneView(PlayScreen):
    """The scene; over it, the dialogue box (a line) or the pupil's choices."""

    def __init__(self, app):
        super().__init__(app)
        self.shown = 0.0  # characters of the current line revealed
        self.line_text: arcade.Text | None = None
        self.hotspot_buttons: list[ui.Button] = []

    def build(self) -> None:
        tr, run = self.tr, self.run
        scene = run.scene
        step = run.step()
        self.step = step
        self.texts += [
            ui.text(scene.title, 24, 706, size=22, color=ui.WHITE, bold=True),
            ui.text(scene.when, 24, 672, size=16, color=ui.LIGHT_MUTED),
        ]
        buttons: list[ui.Button] = []
        if step.kind == "scene":
            for h in run.hotspots():
                x, y_top = h.at
                mark = {"talk": "❝", "document": "▤", "question": "?", "go": "➜", "play": "♟"}[h.action[0]]
                w = ui.text(f"{mark}  {h.label}", 0, 0, size=16).content_width + 40
                left = min(max(x - w / 2, 8), ui.W - w - 8)  # a label near an edge stays on the screen
                b = ui.Button(h.label, left, ui.H - y_top - 26, w, 52, lambda hid=h.id: self.act("use", hid),
                              size=16, fill=(20, 30, 44, 255), mark=mark)
                b.spot = (x, ui.H - y_top + 34)  # the ring stays on the object itself
                buttons.append(b)
            self.hotspot_buttons = list(buttons)
            intro = scene.intro or ""
            hint = tr("Click on something in the picture, or use Tab and Enter.")
            self.texts.append(ui.text(intro, BOX[0] + 30, BOX[1] + BOX[3] - 24, size=19, width=BOX[2] - 60))
            self.texts.append(ui.text(hint, BOX[0] + 30, BOX[1] + 34, size=15, color=ui.MUTED))
        elif step.kind in ("line", "choices"):
            # In front of choices, the box keeps the last line said, so the pupil knows what they answer.
            node = run.bundle.nodes[run.state.dialogue.node]
            line = step.line or (node.lines[-1] if node.lines else None)
            self._full = line.text if line else ""
            speaker = run.bundle.characters.get(line.speaker) if line else None
            left = BOX[0] + (210 if speaker else 30)
            self.portrait = ui.texture(speaker.portrait, self.app.content.root) if speaker else None
            if speaker:
                name = ui.text(speaker.name, left, BOX[1] + BOX[3] - 16, size=20, bold=True, color=ui.ACCENT)
                self.texts.append(name)
                self.texts.append(ui.text(speaker.role, left + name.content_width + 14, BOX[1] + BOX[3] - 21,
                                          size=15, color=ui.MUTED))
            room = BOX[3] - (56 if speaker else 24) - 34  # keep clear of the "Enter" hint
            self.line_text = ui.fitted(self._full, left, BOX[1] + BOX[3] - (56 if speaker else 24),
                                       width=int(BOX[0] + BOX[2] - left - 30), max_height=room, size=20, min_size=15)
            if self.app.chars_per_second <= 0 or step.kind == "choices":
                self.shown = len(self._full)
            self.line_text.text = reveal(self._full, self.shown)
            self.continue_hint = ui.text("▼ " + tr("Enter"), BOX[0] + BOX[2] - 24, BOX[1] + 26, size=14,
                                         color=ui.MUTED, anchor_x="right", anchor_y="center")
        if step.kind == "choices":
            n = len(step.choices)
            for i, c in enumerate(step.choices):
                y = BOX[1] + BOX[3] + 16 + 68 * (n - 1 - i)
                buttons.append(ui.Button(c.text, BOX[0] + 40, y, BOX[2] - 80, 58,
                                         lambda cid=c.id: self.act("choose", cid), size=18, key_hint=str(i + 1),
                                         fill=ui.NIGHT_2, wrap=True))
            self.texts.append(ui.text(tr("What do you do?"), BOX[0] + 40, BOX[1] + BOX[3] + 24 + 68 * n,
                                      size=20, color=ui.WHITE, bold=True, anchor_y="bottom"))
        unread = [d for d in run.state.documents if d not in run.state.opened]
        label = tr("Folder: {n} new", n=len(unread)) if unread else tr("Folder ({n})", n=len(run.state.documents))
        fw = max(200, ui.text(("★  " if unread else "") + label, 0, 0, size=16).content_width + 40)
        folder = ui.Button(label, ui.W - 230 - fw, 664, fw, 46, self.app.show_folder, size=16,
                           fill=ui.ACCENT if unread else ui.NIGHT_2, mark="★" if unread else None)
        menu = ui.Button(tr("Menu (Esc)"), ui.W - 220, 664, 200, 46, lambda: self.app.show_pause(), size=16)
        if step.kind in ("scene", "choices"):
            buttons += [folder, menu]
        self.focus.set(buttons)
        self.top_buttons = [] if step.kind in ("scene", "choices") else [folder, menu]

    def draw_content(self) -> None:
        self.draw_scene_background(dim=110 if self.step.kind == "choices" else 0)
        arcade.draw_lbwh_rectangle_filled(0, 650, ui.W, 70, (12, 16, 24, 200))
        ui.panel(*BOX)
        if self.step.kind == "scene":
            for b in self.hotspot_buttons:  # a ring on the picture where the hotspot is
                cx, cy = b.spot
                arcade.draw_circle_filled(cx, cy, 22, (255, 255, 255, 200))
                arcade.draw_circle_outline(cx, cy, 22, ui.ACCENT, 4)
                arcade.draw_circle_filled(cx, cy, 7, ui.ACCENT)
        else:
            if self.portrait is not None:
                arcade.draw_texture_rect(self.portrait, arcade.LBWH(BOX[0] + 18, BOX[1] + 14, 172, 172))
            self.line_text.draw()
            if self.step.kind == "line" and self.shown >= len(self._full):
                self.continue_hint.draw()
        for b in self.top_buttons:
            b.draw(False, False)

    def on_update(self, delta_time: float) -> None:
        if self.step.kind == "line" and self.shown < len(self._full):
            cps = self.app.chars_per_second
            self.shown = len(self._full) if cps <= 0 else self.shown + cps * delta_time
            shown = reveal(self._full, self.shown)
            if shown != self.line_text.text:
                self.line_text.text = shown

    def _continue(self) -> None:
        if self.shown < len(self._full):
            self.shown = len(self._full)  # first press completes the line
            self.line_text.text = self._full
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
            self.app.show_folder()
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
        buttons.append(ui.Button(tr("Back"), 100, 40, 240, 54, self.app.route, size=20, fill=ui.ACCENT))
        self.focus.set(buttons)

    def open(self, doc_id: str) -> None:
        self.act("open_document", doc_id)

    def draw_content(self) -> None:
        self.draw_scene_background(dim=170)
        ui.panel(70, 20, 1140, 690)

    def on_escape(self) -> None:
        self.app.route()
