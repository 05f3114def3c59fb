"""Menus: title, sign-in, chapter select, pause, settings, chapter summary, content error."""
from __future__ import annotations

import os

import arcade

from ..i18n import LOCALES
from ..preferences import VOICE_VOLUMES
from ..presenters import present_summary, story_so_far
from ..records import PupilBusy, RecordsError
from ..session import SignInError, check_sign_in
from . import ui
from .base import FormScreen, Screen, SubScreen


def _backdrop(app, rel: str = "backgrounds/occ_saint_omer_1943.png", alpha: int = 170) -> None:
    if not ui.picture(rel, app.content.root if app.content else None):
        arcade.draw_lbwh_rectangle_filled(0, 0, ui.W, ui.H, ui.NIGHT)
        return
    if ui.LOOK.contrast == "high":  # text over a picture: darken it enough for 7:1
        alpha = max(alpha, 240)
    arcade.draw_lbwh_rectangle_filled(0, 0, ui.W, ui.H, (16, 22, 32, alpha))


class TitleView(Screen):
    pictured = True  # a picture covers the stage: no plain fill under it
    def build(self) -> None:
        tr = self.tr
        # From the top down; at 100 % the places are the ones of the design, larger text pushes things down.
        with ui.scale_at_most(1.15):  # the name of the game is big enough already
            name = ui.text("La Coupole", ui.W / 2, 610 + (ui.SCALE - 1) * 180, size=64, color=ui.WHITE, bold=True,
                           anchor_x="center")
        subtitle = ui.one_line(tr("1940–1945: the war in Nord-Pas-de-Calais"), ui.W / 2,
                               min(510, name.y - name.content_height - 6), max_width=1200, size=26, min_size=16,
                               color=ui.LIGHT_MUTED, anchor_x="center")
        language = ui.text(tr("Language"), ui.W / 2, min(474, subtitle.y - subtitle.content_height - 8), size=18,
                           color=ui.LIGHT_MUTED, anchor_x="center")
        self.texts += [name, subtitle, language]
        langs_y = min(385, language.y - language.content_height - 8 - 52)
        play_y = min(270, langs_y - 18 - 64)
        quit_y = min(190, play_y - 14 - 52)
        langs = []
        width, gap = 180, 16
        first = ui.W / 2 - (len(LOCALES) * width + (len(LOCALES) - 1) * gap) / 2
        for i, loc in enumerate(LOCALES):
            b = ui.Button(self.tr.language_name(loc), first + i * (width + gap), langs_y, width, 52,
                          lambda loc=loc: self._language(loc), size=18, mark="●" if loc == self.app.prefs.language else "○")
            if loc == self.app.prefs.language:
                b.fill = ui.ACCENT
            langs.append(b)
        play = ui.Button(tr("Play"), 450, play_y, 420, 64, lambda: self.app.nav.go("sign_in"), size=24,
                         fill=ui.ACCENT)
        settings = ui.Button(tr("Settings"), 450, quit_y, 204, 52, lambda: self.app.nav.open("settings"), size=20)
        quit_ = ui.Button(tr("Quit"), 666, quit_y, 204, 52, self.app.quit, size=20)
        teacher = ui.Button(tr("Teacher space"), 960, 24, 290, 48, self.app.open_teacher_space, size=16)
        self.focus.set([play, *langs, settings, quit_, teacher])
        hint_top = min(130 + 12, quit_y - 12)
        self.texts.append(ui.fitted(tr("Keyboard: Tab or arrows to move, Enter to choose. Mouse: click."),
                                    ui.W / 2 - 120, hint_top, width=840, max_height=hint_top - 8, size=15, min_size=8,
                                    color=ui.LIGHT_MUTED, anchor_x="center", align="center"))

    def _language(self, loc: str) -> None:
        self.app.set_preferences(language=loc)
        self.tr = self.app.tr
        self.rebuild()

    def draw_content(self) -> None:
        _backdrop(self.app)

    def on_draw(self) -> None:
        super().on_draw()
        if os.environ.get("COUPOLE_EXIT_AFTER_FIRST_FRAME"):  # start-up measurement (bench, tests)
            print("first title frame drawn", flush=True)
            self.app.quit()

    def on_escape(self) -> None:
        self.app.quit()


class TextField:
    def __init__(self, label: str, x: float, y: float, w: float, max_len: int):
        self.label, self.x, self.y, self.w, self.max_len = label, x, y, w, max_len
        self.value = ""
        self._label = ui.text(label, x, y + 92, size=18, color=ui.LIGHT_MUTED)
        self._text: arcade.Text | None = None

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + 60

    def type(self, chars: str) -> None:
        for ch in chars:
            if ch.isprintable() and len(self.value) < self.max_len:
                self.value += ch
        self._text = None

    def backspace(self) -> None:
        self.value = self.value[:-1]
        self._text = None

    def draw(self, focused: bool, blink: bool) -> None:
        self._label.draw()
        ui.panel(self.x, self.y, self.w, 60, fill=ui.PAPER, border=ui.FOCUS if focused else ui.PAPER_EDGE,
                 border_width=5 if focused else 2)
        if self._text is None:
            self._text = ui.text(self.value, self.x + 16, self.y + 30, size=24, anchor_y="center")
        self._text.draw()
        if focused and blink:
            cx = self.x + 18 + self._text.content_width
            arcade.draw_line(cx, self.y + 12, cx, self.y + 48, ui.INK, 2)


class SignInView(FormScreen):
    pictured = True  # a picture covers the stage: no plain fill under it
    def __init__(self, app):
        super().__init__(app)
        self.fields = [TextField("", 390, 470, 500, 12), TextField("", 390, 330, 500, 24)]
        self.field_index = 0  # 0, 1: fields; 2: buttons
        self.target = 0  # the field the on-screen keyboard types into
        self.keyboard = False  # the on-screen keyboard, for pupils who use only a mouse, a touch screen or a switch
        self.error = ""
        self.clock = 0.0

    def build(self) -> None:
        tr = self.tr
        # each label sits just above its field, however tall it is
        self.fields[0]._label = ui.one_line(tr("Class code (given by your teacher)"), 390, 470 + 60 + 6, max_width=700,
                                            size=18, color=ui.LIGHT_MUTED, anchor_y="bottom")
        self.fields[1]._label = ui.one_line(tr("Your pseudonym (not your real name)"), 390, 330 + 60 + 6,
                                            max_width=700, size=18, color=ui.LIGHT_MUTED, anchor_y="bottom")
        with ui.scale_at_most(1.15):
            self.texts.append(ui.text(tr("Sign in"), ui.W / 2, 700, size=34, color=ui.WHITE, bold=True,
                                      anchor_x="center"))
        if not self.keyboard:
            self.texts.append(ui.fitted(tr("Your progress is saved on this computer under your class and pseudonym. "
                                           "Use the same ones next lesson to carry on."),
                                        240, 300, size=15, color=ui.LIGHT_MUTED, width=800,
                                        max_height=60 if self.error else 126, min_size=9))
        if self.error:  # under the explanation, or above the fields when the on-screen keyboard takes the room
            x, y, w, h = (240, 640, 800, 56) if self.keyboard else (390, 236, 500, 64)
            self.texts.append(ui.fitted("⚠ " + self.error, x, y, size=18, color=(255, 190, 140, 255), width=w,
                                        max_height=h, min_size=11))
        row = 86 if self.keyboard else 110
        buttons = [
            ui.Button(tr("Continue"), 390, row, 240, 56, self.submit, size=20, fill=ui.ACCENT),
            ui.Button(tr("Back"), 650, row, 240, 56, lambda: self.app.nav.go("title"), size=20),
            ui.Button(tr("On-screen keyboard"), 910, row, 300, 56, self._toggle_keyboard, size=18,
                      mark="●" if self.keyboard else "○", fill=ui.ACCENT if self.keyboard else None),
        ]
        if self.keyboard:  # over the explanation: letters, digits, hyphen, space, rub out
            rows = ["ABCDEFGHIJKLM", "NOPQRSTUVWXYZ", "0123456789-"]
            for r, row in enumerate(rows):
                for i, ch in enumerate(row):
                    buttons.append(ui.Button(ch, 240 + i * 62, 266 - r * 56, 56, 48, lambda ch=ch: self._type(ch),
                                             size=18))
            buttons.append(ui.Button(tr("Space"), 240 + 11 * 62, 266 - 2 * 56, 118, 48, lambda: self._type(" "),
                                     size=15))
            buttons.append(ui.Button("⌫", 240 + 13 * 62, 266 - 2 * 56, 70, 48, self._rub_out, size=18))
        self.focus.set(buttons, keep=True)

    def _toggle_keyboard(self) -> None:
        self.keyboard = not self.keyboard
        self.rebuild()

    def _type(self, ch: str) -> None:
        field = self.fields[self.target]
        field.type(ch if self.target == 1 or ch == " " else ch.upper())
        if self.target == 1 and len(field.value) > 1:  # a pseudonym reads better in lower case after its capital
            field.value = field.value[:-1] + field.value[-1].lower()

    def _rub_out(self) -> None:
        self.fields[self.target].backspace()

    def on_click(self, x: float, y: float) -> bool:
        for i, f in enumerate(self.fields):
            if f.contains(x, y):
                self.field_index = self.target = i
                return True
        return super().on_click(x, y)

    def draw_content(self) -> None:
        _backdrop(self.app, alpha=200)
        blink = int(self.clock * 2) % 2 == 0
        for i, f in enumerate(self.fields):
            f.draw(self.field_index == i, blink)

    def draw_overlay(self) -> None:
        pass

    def on_draw(self) -> None:
        # The buttons show focus only when the fields do not have it.
        show = self.app.show_focus
        self.app.show_focus = show and self.field_index == 2
        try:
            super().on_draw()
        finally:
            self.app.show_focus = show

    def on_update(self, delta_time: float) -> None:
        self.clock += delta_time

    def on_text(self, text: str) -> None:
        if self.field_index < 2 and text not in ("\r", "\n", "\t"):
            self.target = self.field_index
            self.fields[self.field_index].type(text)

    def on_key(self, symbol: int, modifiers: int) -> bool:
        k = arcade.key
        if symbol == k.TAB or (symbol in (k.DOWN, k.UP) and self.field_index < 2):
            back = modifiers & k.MOD_SHIFT or symbol == k.UP
            last = len(self.focus.buttons) - 1
            if self.field_index == 2 and not back and self.focus.index < last:
                self.focus.index += 1
            elif self.field_index == 2 and back and self.focus.index > 0:
                self.focus.index -= 1
            else:
                self.field_index = (self.field_index + (-1 if back else 1)) % 3
                self.focus.index = 0
                if self.field_index < 2:
                    self.target = self.field_index
            return True
        if self.field_index < 2:
            if symbol == k.BACKSPACE:
                self.fields[self.field_index].backspace()
                return True
            if symbol in (k.ENTER, k.RETURN, k.NUM_ENTER):
                if self.field_index == 0:
                    self.field_index = 1
                else:
                    self.submit()
                return True
            return symbol == k.SPACE or symbol in (k.LEFT, k.RIGHT)  # typed through on_text
        return False

    def on_escape(self) -> None:
        self.app.nav.go("title")

    def submit(self) -> None:
        try:
            code, name = check_sign_in(self.fields[0].value, self.fields[1].value)
        except SignInError as exc:
            self.error = {
                "class-missing": self.tr("Type the class code your teacher gave you."),
                "class-format": self.tr("A class code has 2 to 12 letters or digits."),
                "pupil-missing": self.tr("Type a pseudonym."),
                "pupil-format": self.tr("A pseudonym has at most 24 letters, digits, spaces or hyphens."),
            }[str(exc)]
            self.field_index = 0 if str(exc).startswith("class") else 1
            self.rebuild()
            return
        try:
            self.app.sign_in(code, name)
        except PupilBusy:  # one window per pupil: a second one would count their answers twice
            self.error = self.tr("This pseudonym is already playing in another window of the game. Close that "
                                 "window first.")
            self.field_index = 1
            self.rebuild()
        except RecordsError:  # busy for too long, a read-only folder: never a traceback
            self.error = self.tr("The records cannot be opened right now. Try again in a moment, or tell your "
                                 "teacher.")
            self.rebuild()


class ChapterSelectView(Screen):
    """Four chapter cards per page; a chapter dropped into levels/ simply adds a card (and a page)."""

    pictured = True  # a picture covers the stage: no plain fill under it

    @property
    def PER_PAGE(self) -> int:  # larger text: two taller cards a page
        return 4 if ui.SCALE <= 1.0 else 2

    def build(self) -> None:
        tr, s = self.tr, self.app.session
        with ui.scale_at_most(1.15):
            self.texts.append(ui.text(tr("Chapters"), 60, 700, size=34, color=ui.WHITE, bold=True))
        who = ui.text(tr("{pupil} · class {code}", pupil=s.profile.pupil, code=s.profile.class_code),
                      ui.W - 90, 680, size=18, color=ui.LIGHT_MUTED, anchor_x="right")  # left of the speaker
        who.private = True  # a pupil's name is never sent to the voice
        self.texts.append(who)
        if s.held:  # the truth: not yet in the records, kept on this computer
            self.texts.append(ui.text(
                "⚠ " + tr("Your answer is kept on this computer and will be recorded as soon as possible."),
                340, 18, size=15, color=(255, 190, 140, 255), width=880))
        if s.notice:
            self.texts.append(ui.text(
                "⚠ " + tr("Your previous save could not be read. A copy was kept for your teacher; "
                          "your recorded answers are safe."), 340, 42, size=15, color=(255, 190, 140, 255), width=880))
        buttons = []
        every = s.chapters()
        pager = self.pager(len(every), self.PER_PAGE, x=860, y=6, w=180, h=44)
        statuses = every[self.page * self.PER_PAGE:(self.page + 1) * self.PER_PAGE]
        card_w, card_h, gap, first_top = 560, 270 if self.PER_PAGE == 4 else 560, 20, 620
        for i, st in enumerate(statuses):
            col, row = i % 2, i // 2
            x = 60 + col * (card_w + 40)
            top = first_top - row * (card_h + gap)
            b = st.bundle
            c = b.chapter
            period = f"{tr.date(c.period.start, 'medium')} – {tr.date(c.period.end, 'medium')}"
            title = ui.fitted(f"{c.order}. {c.title}", x + 20, top - 18, width=card_w - 40, max_height=30 * ui.SCALE,
                              size=22, min_size=15, bold=True)
            when = ui.one_line(period, x + 20, title.y - title.content_height - 8, max_width=card_w - 40, size=15,
                               color=ui.MUTED)
            summary_top = when.y - when.content_height - 10
            room = summary_top - (top - card_h + 16 + 52 + 44 * ui.SCALE)  # above the status and the buttons
            self.texts += [title, when, ui.fitted(c.summary, x + 20, summary_top, width=card_w - 40, max_height=room,
                                                  size=16, min_size=9)]
            status = {"new": tr("Not started"),
                      "in-progress": tr("In progress: {answered} / {total} questions", answered=st.answered,
                                        total=st.questions),
                      "done": tr("Done: {right} / {total} correct", right=st.correct, total=st.questions)}[st.status]
            label = {"new": tr("Start"), "in-progress": tr("Continue"), "done": tr("Play again")}[st.status]
            self.texts.append(ui.fitted(status, x + 20, top - card_h + 16 + 52 + 6, size=15, color=ui.MUTED,
                                        anchor_y="bottom", width=card_w - 40, max_height=40 * ui.SCALE, min_size=10))
            restart = st.status == "done"
            buttons.append(ui.Button(label, x + card_w - 230, top - card_h + 16, 210, 52,
                                     lambda cid=b.id, r=restart: self.app.play(cid, restart=r), size=18, fill=ui.ACCENT))
            if c.sources:
                buttons.append(ui.Button(tr("Sources"), x + card_w - 370, top - card_h + 16, 130, 52,
                                         lambda cid=b.id: self.app.nav.open("sources", cid), size=16))
        self._cards = [(60 + (i % 2) * (card_w + 40), first_top - (i // 2) * (card_h + gap), card_w, card_h)
                       for i in range(len(statuses))]
        buttons.append(ui.Button(tr("Change pupil"), 60, 6, 260, 44, self.app.sign_out, size=16))
        if pager:
            self.texts.append(ui.one_line(tr("Page {n} of {total}", n=self.page + 1, total=self.pages), 850, 6,
                                          max_width=500, size=15, color=ui.LIGHT_MUTED, anchor_x="right",
                                          anchor_y="bottom"))
        self.focus.set(buttons + pager, keep=True)

    def draw_content(self) -> None:
        _backdrop(self.app, alpha=215)
        for x, top, w, h in self._cards:
            ui.panel(x, top - h, w, h)

    def on_escape(self) -> None:
        self.app.sign_out()


class SourcesView(SubScreen):
    """What a chapter relies on: every source, page by page."""

    pictured = True  # a picture covers the stage: no plain fill under it

    def __init__(self, app, chapter_id: str):
        super().__init__(app)
        self.chapter_id = chapter_id

    def build(self) -> None:
        tr = self.tr
        b = self.app.session.bundle(self.chapter_id) if self.app.session else self.app.content.chapters[self.chapter_id]
        c = b.chapter
        self.texts.append(ui.text(tr("Sources: {title}", title=c.title), 100, 684, size=26, bold=True, width=1080))
        self.texts.append(ui.text(tr("The facts of this chapter come from these pages, books and archives. The "
                                     "people you meet are invented; what happens to them is history."),
                                  100, 640, size=15, color=ui.MUTED, width=1080))
        pages, page, height = [], [], 0
        for src in c.sources:
            t = ui.text(f"• {src.title} — {src.origin}", 100, 0, size=15, width=1080)
            if page and height + t.content_height + 8 > 470:
                pages.append(page)
                page, height = [], 0
            page.append(t)
            height += t.content_height + 8
        if page:
            pages.append(page)
        pager = self.pager(len(pages), 1, x=760)
        y = 590
        for t in pages[self.page] if pages else []:
            t.y = y
            self.texts.append(t)
            y -= t.content_height + 8
        buttons = [ui.Button(tr("Back"), 100, 36, 220, 54, self.close, size=19, fill=ui.ACCENT)]
        if pager:
            self.texts.append(ui.text(tr("Page {n} of {total}", n=self.page + 1, total=len(pages)), 640, 63, size=16,
                                      color=ui.MUTED, anchor_x="center", anchor_y="center"))
        self.focus.set(buttons + pager, keep=True)

    def draw_content(self) -> None:
        _backdrop(self.app, alpha=225)
        ui.panel(70, 20, 1140, 690)

    def on_key(self, symbol: int, modifiers: int) -> bool:
        if symbol in (arcade.key.PAGEDOWN, arcade.key.PAGEUP):
            self.turn(1 if symbol == arcade.key.PAGEDOWN else -1)
            return True
        return False


class PauseView(Screen):
    """Over a chapter: resume returns to the step the pupil was on (the runtime knows it)."""

    pictured = True  # a picture covers the stage: no plain fill under it

    def build(self) -> None:
        tr = self.tr
        with ui.scale_at_most(1.15):
            paused = ui.text(tr("Paused"), ui.W / 2, 700, size=36, color=ui.WHITE, bold=True, anchor_x="center")
        saved = ui.text(tr("Your progress is saved."), ui.W / 2, paused.y - paused.content_height - 8, size=18,
                        color=ui.LIGHT_MUTED, anchor_x="center")
        self.texts += [paused, saved]
        self.focus.set(self.column([
            (tr("Resume"), self.resume),
            (tr("The story so far"), lambda: self.app.nav.open("story")),
            (tr("Settings"), lambda: self.app.nav.open("settings")),
            (tr("Chapters"), lambda: self.app.nav.go("chapters")),
            (tr("Quit to title"), self.app.sign_out),
        ], x=430, top=min(520, saved.y - saved.content_height - 14), h=54 * min(ui.SCALE, 1.2), gap=14, hints=True))

    def resume(self) -> None:
        self.app.nav.route()

    def draw_content(self) -> None:
        _backdrop(self.app, alpha=225)

    def on_key(self, symbol: int, modifiers: int) -> bool:
        if arcade.key.KEY_1 <= symbol < arcade.key.KEY_1 + len(self.focus.buttons):
            self.focus.buttons[symbol - arcade.key.KEY_1].action()
            return True
        return False

    def on_escape(self) -> None:
        self.resume()


class StorySoFarView(SubScreen):
    """An objective reminder and what happened so far, at any time, read at the pupil's own pace."""

    pictured = True  # a picture covers the stage: no plain fill under it
    auto_read = True

    def build(self) -> None:
        tr = self.tr
        story = story_so_far(tr, self.app.session.run)
        title = ui.one_line(story.title, 100, 690, max_width=1080, size=28, min_size=18,
                            color=ui.WHITE, bold=True)
        top = 690 - title.content_height - 20
        pages = ui.split_to_fit(story.text, width=1080, max_height=top - 110, size=18, color=ui.WHITE)
        buttons = [ui.Button(tr("Back"), 100, 36, 300, 56, self.close, size=20, fill=ui.ACCENT)]
        buttons += self.pager(len(pages), 1, x=760, y=36, w=200, h=56, size=18)
        self.texts += [title, ui.text(pages[self.page], 100, top, size=18, width=1080, color=ui.WHITE)]
        self.focus.set(buttons, keep=True)

    def draw_content(self) -> None:
        _backdrop(self.app, alpha=235)


class SettingsView(SubScreen):
    """One row per setting, its options side by side; the chosen one is filled and marked ●."""

    pictured = True  # a picture covers the stage: no plain fill under it

    def rows(self):
        """(label, options) per row; options are (name, chosen, action), or a sentence when there are none."""
        tr, app = self.tr, self.app
        prefs, reader = app.prefs, app.reader
        percent = {k: tr("{percent}%", percent=int(v * 100)) for k, v in ui.SIZES.items()}

        def options(name: str, labelled) -> list:
            return [(label, value == getattr(prefs, name), lambda value=value: self._set(**{name: value}))
                    for value, label in labelled]

        return [
            (tr("Language"), [(tr.language_name(loc), loc == prefs.language, lambda loc=loc: self._lang(loc))
                              for loc in LOCALES]),
            (tr("Text speed"), options("text_speed", (("slow", tr("Slow")), ("normal", tr("Normal")),
                                                      ("fast", tr("Fast")), ("instant", tr("Instant"))))),
            (tr("Text size"), options("size", ((k, percent[k]) for k in ui.SIZES))),
            (tr("Typeface"), options("font", (("standard", tr("Standard")), ("dyslexia", "OpenDyslexic")))),
            (tr("Line spacing"), options("spacing", (("normal", tr("Normal")), ("wide", tr("Wide"))))),
            (tr("Contrast"), options("contrast", (("standard", tr("Standard")), ("high", tr("High"))))),
            (tr("Read aloud"), [(label, k == reader.mode, lambda k=k: self._set(read_aloud=k))
                                for k, label in (("off", tr("Off")), ("asked", tr("When asked (R)")),
                                                 ("auto", tr("Always")))] if reader.available else
             tr("Reading aloud needs the free program espeak-ng on this computer: ask your teacher.")),
        ] + ([(tr("Voice volume"), options("voice_volume", ((v, tr("{percent}%", percent=int(v * 100)))
                                                            for v in VOICE_VOLUMES)))]
             if reader.available else [])

    def build(self) -> None:
        tr = self.tr
        with ui.scale_at_most(1.0):  # the heading is large already; the rows below take the room
            self.texts.append(ui.text(tr("Settings"), ui.W / 2, 708, size=34, color=ui.WHITE, bold=True,
                                      anchor_x="center"))
        buttons = []
        for r, (label, options) in enumerate(self.rows()):
            y = 574 - r * 63
            name = ui.one_line(label, 40, y + 26, max_width=300, size=20, min_size=12, color=ui.LIGHT_MUTED,
                               anchor_y="center")
            while name.content_height > 58 and name.font_size > 12:  # one row each: tall typefaces shrink a little
                ui.set_size(name, name.font_size - 1)
            self.texts.append(name)
            if isinstance(options, str):  # a setting this computer cannot offer: why, instead of its options
                self.texts.append(ui.fitted(options, 350, y + 26, width=880, max_height=60, size=17, min_size=11,
                                            color=ui.LIGHT_MUTED, anchor_y="center"))
                continue
            for i, (name, chosen, action) in enumerate(options):
                b = ui.Button(name, 350 + i * 230, y, 218, 52, action, size=18, mark="●" if chosen else "○")
                if chosen:
                    b.fill = ui.ACCENT
                buttons.append(b)
        buttons.append(ui.Button(tr("Back"), 350, 40, 448, 58, self.close, size=20))
        buttons.append(ui.Button(tr("Keys…"), 810, 40, 420, 58, lambda: self.app.nav.open("keys"), size=20))
        self.focus.set(buttons, keep=True)

    def _lang(self, loc: str) -> None:
        self.app.set_preferences(language=loc)
        self.tr = self.app.tr
        self.rebuild()

    def _set(self, **change) -> None:
        self.app.set_preferences(**change)
        self.rebuild()

    def draw_content(self) -> None:
        _backdrop(self.app, alpha=235)


class SummaryView(Screen):
    pictured = True  # a picture covers the stage: no plain fill under it
    PANEL = (70, 100, 1140, 520)  # left, bottom, width, height
    auto_read = True

    def build(self) -> None:
        tr = self.tr
        summary = self.summary = present_summary(self.app.session.run)
        left, bottom, width, height = self.PANEL
        head = ui.text(tr("Chapter complete"), ui.W / 2, 712, size=18, color=ui.LIGHT_MUTED, anchor_x="center")
        title = ui.one_line(summary.title, ui.W / 2, 712 - head.content_height - 4, max_width=1180, size=32, min_size=20,
                            color=ui.WHITE, bold=True, anchor_x="center")
        top = min(bottom + height, title.y - title.content_height - 10)  # a taller title at a large size
        self.panel = (left, bottom, width, top - bottom)
        score = ui.text(tr("{right} correct answers out of {total}", right=summary.right, total=summary.questions),
                        left + 30, top - 20,
                        size=24, bold=True)
        docs = ui.text(tr("Documents read: {read} of {total}", read=summary.documents_read, total=summary.documents),
                       left + 30, score.y - score.content_height - 8, size=17, color=ui.MUTED)
        self.texts += [head, title, score, docs]
        y = docs.y - docs.content_height - 16
        learned, room = summary.learned, y - bottom - 10
        buttons = [ui.Button(tr("Back to chapters"), left, 24, 380, 60, lambda: self.app.nav.go("chapters"), size=20,
                             fill=ui.ACCENT)]
        if summary.has_sources:
            buttons.append(ui.Button(tr("Sources"), left + 400, 24, 200, 60,
                                     lambda: self.app.nav.open("sources", summary.chapter), size=20))
        conclusion = summary.conclusion
        if (ui.fits(conclusion, width=540, max_height=room, size=15)
                and ui.fits(learned, width=490, max_height=room - 40, size=14)):  # two columns, as at 100 %
            self.texts += [
                ui.fitted(conclusion, left + 30, y, width=540, max_height=room, size=18, min_size=15),
                ui.text(tr("What you have learned"), left + 620, top - 20, size=20, bold=True),
                ui.fitted(learned, left + 620, top - 64, width=490, max_height=top - 64 - bottom - 10, size=17,
                          min_size=14),
            ]
        else:  # large text: one column, read page by page (what happened, then what you have learned)
            pages = ui.split_to_fit(conclusion, width=1080, max_height=room, size=18)
            pages += [tr("What you have learned") + "\n" + page
                      for page in ui.split_to_fit(learned, width=1080, max_height=room - 40, size=17)]
            buttons += self.pager(len(pages), 1, x=left + 620, y=24, w=250, h=60, size=18)
            self.texts.append(ui.text(pages[self.page], left + 30, y, size=18, width=1080))
        self.focus.set(buttons, keep=True)

    def draw_content(self) -> None:
        _backdrop(self.app, self.summary.background, alpha=200)
        ui.panel(*self.panel)

    def on_escape(self) -> None:
        self.app.nav.go("chapters")


class ErrorView(Screen):
    """Shown instead of the game when the content does not load: what is wrong, where."""

    def __init__(self, app, problems):
        super().__init__(app)
        self.problems = problems

    def build(self) -> None:
        tr = self.tr
        self.texts.append(ui.text(tr("The game content has errors"), 60, 690, size=30, color=ui.WHITE, bold=True))
        hint = tr("Fix these files, then press F5 to reload.") if self.app.preview is not None else \
            tr("Nothing was lost. Ask the person who wrote the levels to run 'python main.py validate' and fix:")
        self.texts.append(ui.text(hint, 60, 640, size=17, color=ui.LIGHT_MUTED, width=1160))
        lines = [p.format(quote=False) for p in self.problems[:12]]
        if len(self.problems) > 12:
            lines.append(tr("... and {n} more.", n=len(self.problems) - 12))
        self.texts.append(ui.text("\n".join(lines), 60, 580, size=15, color=ui.WHITE, width=1160))
        self.focus.set([ui.Button(tr("Quit"), 60, 30, 240, 52, self.app.quit, size=18)])

    def on_escape(self) -> None:
        self.app.quit()
