"""Teacher space in the game: PIN, classes, dashboard. Reached from the title screen only through the PIN.

The numbers come from teacher_mode.analytics (the same as the HTML report); these
views only draw them. Charts carry their numbers and words, in Okabe-Ito colours.
No I/O in build(): a screen reads the records once when it is opened (and again after
the teacher changes something); the LRS is asked on a thread, the screen says it is
working and shows the answer when it comes.
"""
from __future__ import annotations

import datetime as dt
import threading

import arcade

from teacher_mode.access import PinError, TeacherAccess
from teacher_mode.admin import school_year_start
from teacher_mode.analytics import class_report

from ..presenters import pupil_totals
from ..records import ClassCode, damaged_copies
from . import ui
from .base import FormScreen, Screen
from .widgets import draw_meter

STATUS = {"done": "✔", "in-progress": "◐", "not-started": "○"}


class TeacherScreen(Screen):
    readable = False  # class lists and names: nothing here is read aloud

    def draw_content(self) -> None:
        ui.panel(40, 20, 1200, 690, fill=(238, 240, 244, 255), border=(150, 160, 175, 255))

    @property
    def store(self):
        return self.app.teacher_store()


class PinView(TeacherScreen):
    """Set the PIN on first use, then ask for it. Digits by keyboard or with the on-screen keypad."""

    def __init__(self, app):
        super().__init__(app)
        self.access = TeacherAccess(app.data_dir)
        self.digits = ""
        self.first = ""  # first entry when choosing a new PIN
        self.message = ""

    def build(self) -> None:
        tr = self.tr
        creating = not self.access.has_pin
        title = tr("Teacher space")
        if creating:
            prompt = tr("Choose a PIN (4 to 8 digits)") if not self.first else tr("Type the same PIN again")
        else:
            prompt = tr("Type your PIN")
        until = self.access.locked_until()
        if until is not None:
            local = until.astimezone().strftime("%H:%M")
            self.message = tr("Too many wrong PINs: the teacher space is locked until {time}.", time=local)
        self.texts += [
            ui.text(title, 640, 680, size=30, bold=True, anchor_x="center"),
            ui.text(prompt, 640, 620, size=20, anchor_x="center"),
            ui.text("●" * len(self.digits) or "–", 640, 560, size=34, anchor_x="center"),
        ]
        if self.message:
            self.texts.append(ui.text(self.message, 640, 505, size=16, color=ui.WRONG, anchor_x="center", width=900,
                                      align="center"))
        keys = []
        for i, label in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            row, col = i // 3, i % 3
            action = {"⌫": self._back, "OK": self._submit}.get(label, lambda d=label: self._digit(d))
            b = ui.Button(label, 500 + col * 95, 380 - row * 76, 85, 64, action, size=24,
                          fill=ui.ACCENT if label == "OK" else ui.NIGHT_2)
            b.enabled = until is None
            keys.append(b)
        keys.append(ui.Button(tr("Back"), 80, 40, 220, 54, lambda: self.app.nav.go("title"), size=18))
        self.focus.set(keys, keep=True)

    def _digit(self, d: str) -> None:
        if len(self.digits) < 8:
            self.digits += d
            self.rebuild()

    def _back(self) -> None:
        self.digits = self.digits[:-1]
        self.rebuild()

    def _submit(self) -> None:
        tr = self.tr
        if not self.access.has_pin:
            if not self.first:
                if not 4 <= len(self.digits) <= 8:
                    self.message = tr("A PIN has 4 to 8 digits.")
                else:
                    self.first, self.message = self.digits, ""
            elif self.digits != self.first:
                self.first, self.message = "", tr("The two PINs differ. Choose again.")
            else:
                try:
                    self.access.set_pin(self.digits)
                except PinError:
                    self.message = tr("A PIN has 4 to 8 digits.")
                else:
                    self.app.nav.show(TeacherHomeView(self.app))
                    return
        else:
            result = self.access.check(self.digits)
            if result.ok:
                self.app.nav.show(TeacherHomeView(self.app))
                return
            if result.locked_until is None:
                self.message = tr("Wrong PIN. {n} tries left before the lock.", n=result.attempts_left)
        self.digits = ""
        self.rebuild()

    def on_key(self, symbol: int, modifiers: int) -> bool:
        k = arcade.key
        if self.access.locked_until() is not None:
            return False
        if k.KEY_0 <= symbol <= k.KEY_9 or k.NUM_0 <= symbol <= k.NUM_9:
            base = k.KEY_0 if symbol <= k.KEY_9 else k.NUM_0
            self._digit(str(symbol - base))
            return True
        if symbol == k.BACKSPACE:
            self._back()
            return True
        if symbol in (k.ENTER, k.RETURN, k.NUM_ENTER) and self.digits:
            self._submit()
            return True
        return False

    def on_escape(self) -> None:
        self.app.nav.go("title")


class TeacherHomeView(TeacherScreen):
    """The teacher's classes; create one; the school-year rule."""

    def __init__(self, app):
        super().__init__(app)
        self.typing = ""  # code of a new class being typed
        self.confirm_purge = False
        self._read()

    def _read(self) -> None:
        """What the screen shows from the records: read when it opens and after each change, never in build()."""
        store = self.store
        self.cutoff = school_year_start(dt.date.today())
        self.rows = [(code, name, len(store.pupils(code))) for code, name in store.classes()[:12]]
        self.old = store.older_than(self.cutoff.isoformat())
        self.damaged = len(damaged_copies(self.app.data_dir))  # told here until a technician moves them away

    def build(self) -> None:
        tr = self.tr
        self.texts.append(ui.text(tr("Teacher space · your classes"), 80, 680, size=28, bold=True))
        if self.damaged:
            self.texts.append(ui.text("⚠ " + tr("{n} damaged records file(s) kept aside in the data folder: the records "
                                                "made before the damage are in them, not here. Keep them for a "
                                                "technician.", n=self.damaged), 80, 640, size=15,
                                      color=(255, 190, 140, 255), width=1100))
        buttons = []
        for i, (code, name, pupils) in enumerate(self.rows):
            label = f"{code}" + (f" · {name}" if name else "") + "  —  " + tr("{n} pupils", n=pupils)
            buttons.append(ui.Button(label, 80 + (i % 2) * 560, 560 - (i // 2) * 64, 540, 54,
                                     lambda c=code: self.app.nav.show(ClassView(self.app, c)), size=17))
        if not buttons:
            self.texts.append(ui.text(tr("No class yet. Create one: type its code (letters and digits), then Enter."),
                                      80, 610, size=17, width=1000))
        self.texts.append(ui.text(tr("New class code:") + " " + (self.typing or "…"), 80, 214, size=18))
        buttons.append(ui.Button(tr("Create the class"), 80, 130, 300, 52, self._create, size=17, fill=ui.ACCENT))
        cutoff, old = self.cutoff, self.old
        if self.confirm_purge:
            label = tr("Confirm: erase {n} records made before {date}", n=old, date=self.tr.date(cutoff))
            buttons.append(ui.Button(label, 400, 130, 560, 52, self._purge, size=16, fill=ui.WRONG))
        else:
            label = tr("Records of past school years: {n}", n=old)
            b = ui.Button(label, 400, 130, 560, 52, self._ask_purge, size=16)
            b.enabled = old > 0
            buttons.append(b)
        buttons.append(ui.Button(tr("Leave the teacher space"), 80, 40, 360, 52, lambda: self.app.nav.go("title"), size=17))
        buttons.append(ui.Button(tr("Learning Record Store"), 460, 40, 360, 52, lambda: self.app.nav.show(LrsView(self.app)),
                                 size=17))
        self.focus.set(buttons, keep=True)

    def on_text(self, text: str) -> None:
        code = ClassCode.typing(self.typing + text)
        if code is not None:
            self.typing = code
            self.rebuild()

    def on_key(self, symbol: int, modifiers: int) -> bool:
        if symbol == arcade.key.BACKSPACE and self.typing:
            self.typing = self.typing[:-1]
            self.rebuild()
            return True
        if symbol in (arcade.key.ENTER, arcade.key.RETURN) and self.typing:
            self._create()
            return True
        return False

    def _create(self) -> None:
        if len(self.typing) >= 2:
            self.store.create_class(self.typing)
            self.typing = ""
            self._read()
        self.rebuild()

    def _ask_purge(self) -> None:
        self.confirm_purge = True
        self.rebuild()

    def _purge(self) -> None:
        self.store.purge_older_than(school_year_start(dt.date.today()).isoformat())
        self.confirm_purge = False
        self._read()
        self.rebuild()

    def on_escape(self) -> None:
        self.app.nav.go("title")


class ClassView(TeacherScreen):
    """Pupils × chapters: who finished what, with scores. Entry to the other dashboard pages."""

    def __init__(self, app, code: str):
        super().__init__(app)
        self.code = code
        self.confirm_erase = False
        self.report = class_report(self.store, code, app.content, app.tr)

    def build(self) -> None:
        tr, rep = self.tr, self.report
        self.texts.append(ui.text(tr("Class {code}", code=self.code), 80, 680, size=28, bold=True))
        self.texts.append(ui.text(tr("✔ done · ◐ in progress · ○ not started · score = right answers / questions"),
                                  80, 636, size=14, color=ui.MUTED))
        chapters = rep.chapters
        col_w = min(220, 860 // max(1, len(chapters)))
        for j, (_, title) in enumerate(chapters):
            self.texts.append(ui.fitted(title, 300 + j * col_w, 606, width=col_w - 10, max_height=40, size=14,
                                        min_size=11, bold=True))
        per_page = 8
        pager = self.pager(len(rep.pupils), per_page, x=80, y=160, w=100, h=40, size=14)
        pupils = rep.pupils[self.page * per_page:(self.page + 1) * per_page]
        buttons = []
        for i, p in enumerate(pupils):
            y = 540 - i * 48
            buttons.append(ui.Button(p, 80, y, 210, 40, lambda p=p: self.app.nav.show(PupilView(self.app, self.code, p)),
                                     size=15))
            for j, (cid, _) in enumerate(chapters):
                c = rep.overview[(p, cid)]
                score = f" {c.correct}/{c.questions}" if c.status != "not-started" else ""
                self.texts.append(ui.text(STATUS[c.status] + score, 300 + j * col_w, y + 20, size=16,
                                          anchor_y="center", bold=c.status == "done"))
        if not rep.pupils:
            self.texts.append(ui.text(tr("No pupil has played in this class yet."), 80, 540, size=17))
        buttons += pager
        buttons += [
            ui.Button(tr("To discuss in class"), 300, 100, 260, 52, lambda: self.app.nav.show(QuestionsView(self.app, self)),
                      size=16, fill=ui.ACCENT),
            ui.Button(tr("Objectives"), 580, 100, 200, 52, lambda: self.app.nav.show(ObjectivesView(self.app, self)),
                      size=16, fill=ui.ACCENT),
            ui.Button(tr("HTML report"), 800, 100, 200, 52, self._report, size=16),
            ui.Button(tr("Open chapters"), 1020, 100, 200, 52, lambda: self.app.nav.show(OpenChaptersView(self.app, self)),
                      size=16),
            ui.Button(tr("Back"), 80, 36, 200, 50, lambda: self.app.nav.show(TeacherHomeView(self.app)), size=16),
        ]
        erase = ui.Button(tr("Confirm: erase the whole class") if self.confirm_erase else tr("Erase the class"),
                          880, 36, 340, 50, self._erase, size=15, fill=ui.WRONG if self.confirm_erase else ui.NIGHT_2)
        buttons.append(erase)
        if getattr(self, "written", None):
            self.texts.append(ui.text(tr("Report written: {path}", path=self.written), 300, 176, size=14,
                                      color=ui.MUTED, width=900))
        self.focus.set(buttons, keep=True)

    def _report(self) -> None:
        from teacher_mode.report import render

        folder = self.app.data_dir / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.code}-{dt.date.today().isoformat()}.html"
        path.write_text(render(self.report, self.tr, self.app.content), encoding="utf-8")
        self.written = path
        self.rebuild()

    def _erase(self) -> None:
        if not self.confirm_erase:
            self.confirm_erase = True
        else:
            self.store.erase(self.code)
            self.app.nav.show(TeacherHomeView(self.app))
            return
        self.rebuild()

    def on_escape(self) -> None:
        self.app.nav.show(TeacherHomeView(self.app))


class QuestionsView(TeacherScreen):
    """Questions the class got wrong, worst first, with the most chosen wrong answer and its feedback."""

    def __init__(self, app, back: ClassView):
        super().__init__(app)
        self.back = back

    def build(self) -> None:
        tr = self.tr
        rep = self.back.report
        items = rep.to_discuss(limit=100, below=1.01)
        self.items = items[self.page * 4:(self.page + 1) * 4]
        self.texts.append(ui.text(tr("Questions, the most missed first"), 80, 680, size=26, bold=True))
        titles = dict(rep.chapters)
        for i, q in enumerate(self.items):
            top = 620 - i * 132
            self.texts.append(ui.fitted(f"{q.prompt}  ({titles.get(q.chapter, q.chapter)})", 80, top, width=760,
                                        max_height=44, size=16, min_size=12, bold=True))
            self.texts.append(ui.text(tr("{right} of {n} right ({share} %)", right=q.right, n=q.answered,
                                         share=round(100 * q.share)), 860, top, size=15))
            w = q.top_wrong
            if w is not None:
                line = tr("✘ Most chosen wrong answer: « {text} » ({n})", text=w.text, n=w.count)
                if w.feedback:
                    line += " — " + w.feedback
                # left of the "All answers" button (x 1020-1200), which it used to run under
                self.texts.append(ui.fitted(line, 80, top - 50, width=920, max_height=60, size=14, min_size=11,
                                            color=(140, 50, 0, 255)))
        buttons = [ui.Button(tr("All answers"), 1020, 620 - i * 132 - 96, 180, 34,
                             lambda q=q: self.app.nav.show(AnswersView(self.app, self, q)), size=14)
                   for i, q in enumerate(self.items)]
        buttons.append(ui.Button(tr("Back"), 80, 36, 200, 50, lambda: self.app.nav.show(self.back), size=16))
        self.focus.set(buttons + self.pager(len(items), 4), keep=True)

    def draw_content(self) -> None:
        super().draw_content()
        for i, q in enumerate(self.items):
            draw_meter(860, 620 - i * 132 - 44, 340, q.share * 100, 100, colour=ui.RIGHT)

    def on_escape(self) -> None:
        self.app.nav.show(self.back)


class AnswersView(TeacherScreen):
    """One question: how many pupils chose each answer. Bars carry the number and the share; the right answer
    has a tick and words, not only a colour."""

    def __init__(self, app, back, q):
        super().__init__(app)
        self.back, self.q = back, q

    def build(self) -> None:
        tr, q = self.tr, self.q
        self.rows = [o for o in q.options if o.count or o.correct]
        self.texts.append(ui.fitted(q.prompt, 80, 680, width=1120, max_height=70, size=22, min_size=14, bold=True))
        self.texts.append(ui.text(tr("{right} of {n} right ({share} %)", right=q.right, n=q.answered,
                                     share=round(100 * q.share)), 80, 600, size=16, color=ui.MUTED))
        step = min(60, 440 / max(1, len(self.rows)))
        for i, o in enumerate(self.rows):
            y = 560 - i * step
            label = ("✔ " + tr("right answer") + " · " if o.correct else "") + o.text
            self.texts.append(ui.fitted(label, 80, y, width=520, max_height=step - 6, size=15, min_size=11,
                                        anchor_y="top"))
            share = round(100 * o.count / q.answered) if q.answered else 0
            self.texts.append(ui.text(f"{o.count} ({share} %)", 620 + 480 * o.count / max(1, q.answered) + 10,
                                      y - 12, size=15, anchor_y="center"))
        self.focus.set([ui.Button(tr("Back"), 80, 36, 200, 50, lambda: self.app.nav.show(self.back), size=16)])

    def draw_content(self) -> None:
        super().draw_content()
        step = min(60, 440 / max(1, len(self.rows)))
        for i, o in enumerate(self.rows):
            y = 560 - i * step
            w = 480 * o.count / max(1, self.q.answered)
            arcade.draw_lbwh_rectangle_filled(620, y - 24, w, 24, ui.RIGHT if o.correct else ui.WRONG)
            arcade.draw_lbwh_rectangle_outline(620, y - 24, max(w, 2), 24, ui.INK, 1)

    def on_escape(self) -> None:
        self.app.nav.show(self.back)


class ObjectivesView(TeacherScreen):
    def __init__(self, app, back: ClassView):
        super().__init__(app)
        self.back = back

    def build(self) -> None:
        tr = self.tr
        objs = self.back.report.objectives
        self.items = objs[self.page * 6:(self.page + 1) * 6]
        self.texts.append(ui.fitted(tr("Learning objectives: pupils by share of right answers"), 80, 680, width=1120,
                                    max_height=40, size=24, bold=True))
        names = {"low": tr("below 50 %"), "mid": tr("50 to 79 %"), "high": tr("80 % and more")}
        for i, o in enumerate(self.items):
            top = 626 - i * 90
            self.texts.append(ui.fitted(o.text, 80, top, width=640, max_height=44, size=15, min_size=11))
            self.texts.append(ui.text(" · ".join(f"{names[k]} : {o.bands[k]}" for k in ("low", "mid", "high")),
                                      760, top - 34, size=13, width=440))
        buttons = [ui.Button(tr("Back"), 80, 36, 200, 50, lambda: self.app.nav.show(self.back), size=16)]
        self.focus.set(buttons + self.pager(len(objs), 6), keep=True)

    def draw_content(self) -> None:
        super().draw_content()
        colours = {"low": ui.WRONG, "mid": ui.FOCUS, "high": ui.RIGHT}
        for i, o in enumerate(self.items):
            total = sum(o.bands.values())
            x, y = 760.0, 626 - i * 90 - 26
            if not total:
                continue
            for k in ("low", "mid", "high"):
                w = 440 * o.bands[k] / total
                arcade.draw_lbwh_rectangle_filled(x, y, w, 24, colours[k])
                x += w
            arcade.draw_lbwh_rectangle_outline(760, y, 440, 24, ui.INK, 2)

    def on_escape(self) -> None:
        self.app.nav.show(self.back)


class PupilView(TeacherScreen):
    def __init__(self, app, code: str, pupil: str):
        super().__init__(app)
        self.code, self.pupil, self.confirm = code, pupil, False
        self.report = class_report(self.store, code, app.content, app.tr)
        self.report.details  # every record of the class, read now rather than while drawing

    def build(self) -> None:
        tr = self.tr
        rep = self.report
        d = rep.details.get(self.pupil)
        self.texts.append(ui.text(tr("{pupil} · class {code}", pupil=self.pupil, code=self.code), 80, 680, size=26,
                                  bold=True))
        y = 610
        for t in pupil_totals(rep, self.pupil):
            line = tr("{title}: {right} / {n} right · {m} min · {docs} documents opened", title=t.title, right=t.right,
                      n=t.answered, m=t.minutes, docs=t.documents)
            self.texts.append(ui.text(line, 80, y, size=17, width=1100))
            y -= 40
        if y == 610:
            self.texts.append(ui.text(tr("No record for this pupil."), 80, y, size=17))
        # each answer, newest first, a page at a time: the question, the answer given, right or wrong in words
        prompts = {(q.chapter, q.id): q for q in rep.questions}
        answers = list(reversed(d.answers)) if d else []
        per_page = max(1, int((y - 130) // 26))
        pager = self.pager(len(answers), per_page, x=300, w=180, size=15)
        lines = []
        for a in answers[self.page * per_page:(self.page + 1) * per_page]:
            q = prompts.get((a["chapter"], a["question"]))
            given = next((o.text for o in q.options if o.id == a["option"]), a["option"]) if q else a["option"]
            verdict = tr("✔ right") if a["correct"] else tr("✘ wrong")
            prompt = q.prompt if q else a["question"]
            lines.append(f"{verdict} · {prompt[:70]} → {given[:50]} ({a['seconds']:.0f} s)")
        if lines:
            self.texts.append(ui.fitted("\n".join(lines), 80, y - 6, width=1120, max_height=y - 130, size=14,
                                        min_size=11))
        label = tr("Confirm: erase everything about {pupil}", pupil=self.pupil) if self.confirm else \
            tr("Erase this pupil's records")
        buttons = [
            ui.Button(tr("Back"), 80, 36, 200, 50, self._back, size=16),
            ui.Button(label, 700, 36, 520, 50, self._erase, size=15, fill=ui.WRONG if self.confirm else ui.NIGHT_2),
        ]
        self.focus.set(buttons + pager, keep=True)

    def _back(self) -> None:
        self.app.nav.show(ClassView(self.app, self.code))

    def _erase(self) -> None:
        if not self.confirm:
            self.confirm = True
            self.rebuild()
            return
        self.store.erase(self.code, self.pupil)  # records, queued statements and saves, together
        self._back()

    def on_escape(self) -> None:
        self._back()


class OpenChaptersView(TeacherScreen):
    def __init__(self, app, back: ClassView):
        super().__init__(app)
        self.back = back
        self.allowed = self.store.open_chapters(back.code)

    def build(self) -> None:
        tr = self.tr
        code = self.back.code
        allowed = self.allowed
        self.texts.append(ui.text(tr("Chapters open to class {code}", code=code), 80, 680, size=26, bold=True))
        buttons = []
        for i, (cid, title) in enumerate(self.back.report.chapters):
            is_open = allowed is None or cid in allowed
            b = ui.Button(f"{title} — " + (tr("open") if is_open else tr("closed")), 80, 580 - i * 66, 800, 54,
                          lambda c=cid: self._toggle(c), size=17, mark="✔" if is_open else "✘",
                          fill=ui.ACCENT if is_open else ui.NIGHT_2)
            buttons.append(b)
        buttons.append(ui.Button(tr("Back"), 80, 36, 200, 50, lambda: self.app.nav.show(self.back), size=16))
        self.focus.set(buttons, keep=True)

    def _toggle(self, cid: str) -> None:
        code = self.back.code
        every = [c for c, _ in self.back.report.chapters]
        allowed = self.store.open_chapters(code)
        current = set(every if allowed is None else allowed)
        current ^= {cid}
        self.store.set_open_chapters(code, None if current == set(every) else sorted(current))
        self.allowed = self.store.open_chapters(code)
        self.rebuild()

    def on_escape(self) -> None:
        self.app.nav.show(self.back)


class LrsView(FormScreen, TeacherScreen):
    """A class on many machines: the school's Learning Record Store (address, user, password), tested here."""

    def __init__(self, app):
        super().__init__(app)
        from teacher_mode.lrs import link_status, load_config

        from .screens import TextField

        cfg = load_config(app.data_dir)
        self.fields = [TextField("", 420, 520, 760, 120), TextField("", 420, 420, 360, 40),
                       TextField("", 420, 320, 360, 60)]
        if cfg:
            self.fields[0].value, self.fields[1].value, self.fields[2].value = cfg.url, cfg.username, cfg.password
        self.field_index = 0
        self.status = ""
        self.pending = self.store.outbox_count()
        self.link = link_status(self.store, getattr(app, "sender", None))  # the last problem sending, if any
        self.job: tuple[threading.Thread, dict] | None = None  # the LRS being asked, and what it answered

    @property
    def busy(self) -> bool:
        return self.job is not None

    def build(self) -> None:
        tr = self.tr
        self.texts.append(ui.fitted(tr("Learning Record Store (a class on many machines)"), 80, 680, width=1120,
                                    max_height=36, size=24, min_size=16, bold=True))
        self.texts.append(ui.fitted(tr("Every answer is kept on this computer. With an LRS, it is also sent there, "
                                       "and kept in a queue until the network answers: nothing is lost or sent twice."),
                                    80, 640, width=1100, max_height=50, size=15, color=ui.MUTED))
        for f, label in zip(self.fields, (tr("Address (http://…)"), tr("User"), tr("Password"))):
            f._label = ui.text(label, 80, f.y + 38, size=18, anchor_y="center")
        self.texts.append(ui.text(tr("Waiting to be sent: {n}", n=self.pending), 80, 260, size=16))
        if self.link.last_error:
            at = dt.datetime.fromisoformat(self.link.last_attempt).astimezone().strftime("%H:%M") \
                if self.link.last_attempt else "?"
            self.texts.append(ui.fitted(tr("Last problem sending ({time}): {error}", time=at,
                                           error=self.link.last_error), 420, 252, width=760, max_height=44, size=14))
        status = tr("Working…") if self.busy else self.status
        if status:
            self.texts.append(ui.fitted(status, 80, 226, width=1100, max_height=60, size=15))
        actions = [
            ui.Button(tr("Save and test"), 80, 100, 260, 52, self._save, size=17, fill=ui.ACCENT),
            ui.Button(tr("Send now"), 360, 100, 220, 52, self._send, size=17),
            ui.Button(tr("Bring back my classes"), 600, 100, 320, 52, self._sync, size=17),
            ui.Button(tr("No LRS"), 940, 100, 200, 52, self._off, size=17),
        ]
        for b in actions:  # one question to the LRS at a time
            b.enabled = not self.busy
        self.focus.set(actions + [
            ui.Button(tr("Back"), 80, 36, 200, 50, lambda: self.app.nav.show(TeacherHomeView(self.app)), size=16),
        ], keep=True)

    def draw_content(self) -> None:
        super().draw_content()
        for i, f in enumerate(self.fields):
            shown = f.value
            if i == 2:  # the password is never shown
                f.value = "●" * len(shown)
                f._text = None
            f.draw(self.field_index == i, True)
            if i == 2:
                f.value = shown
                f._text = None

    def on_text(self, text: str) -> None:
        if self.field_index < 3 and text not in ("\r", "\n", "\t"):
            self.fields[self.field_index].type(text)

    def on_key(self, symbol: int, modifiers: int) -> bool:
        k = arcade.key
        if self.field_index < 3:
            if symbol == k.TAB or symbol in (k.ENTER, k.RETURN):
                self.field_index += 1  # the next field; after the last one, the buttons (first one focused)
                self.focus.index = 0
            elif symbol == k.BACKSPACE:
                self.fields[self.field_index].backspace()
            return True
        return False

    def _config(self):
        from ..records import LrsConfig

        return LrsConfig(self.fields[0].value.strip(), self.fields[1].value.strip(), self.fields[2].value)

    def _ask(self, work) -> None:
        """Ask the LRS on a thread: `work(records, tr)` returns the sentence to show. The thread opens its own
        records (SQLite connections stay in their thread); the window goes on drawing meanwhile."""
        if self.busy:
            return
        from teacher_mode.lrs import link_status

        data_dir, tr, answer, sender = self.app.data_dir, self.tr, {}, getattr(self.app, "sender", None)

        def run() -> None:
            from ..records import Records

            records = Records(data_dir)
            try:
                answer["status"] = work(records, tr)
            except Exception as exc:  # shown by on_update on the window's thread, like any other error
                answer["error"] = exc
            finally:
                answer["pending"] = records.outbox_count()
                answer["link"] = link_status(records, sender)
                records.close()

        self.job = (threading.Thread(target=run, name="teacher-lrs", daemon=True), answer)
        self.job[0].start()
        self.rebuild()

    def on_update(self, delta_time: float) -> None:
        if self.job is None or self.job[0].is_alive():
            return
        answer, self.job = self.job[1], None
        if "error" in answer:
            raise answer["error"]
        self.status, self.pending, self.link = answer["status"], answer["pending"], answer["link"]
        self.rebuild()

    def _save(self) -> None:
        from teacher_mode.lrs import Client, LrsError

        cfg = self._config()
        try:
            self.store.set_lrs(cfg)  # on this computer: at once
        except ValueError:
            self.status = self.tr("The address must start with http:// or https://.")
            self.rebuild()
            return

        def test(records, tr) -> str:
            try:
                Client(cfg, timeout=5).get(limit=1)
                return tr("Saved. The LRS answers.")
            except LrsError as exc:
                return tr("Saved, but the LRS does not answer now: {error}", error=exc)

        self._ask(test)

    def _send(self) -> None:
        from teacher_mode.lrs import Client, LrsError, Outbox

        cfg = self._config()

        def send(records, tr) -> str:
            try:
                n = Outbox(records).flush(Client(cfg, timeout=10))
                return tr("{n} records sent.", n=n)
            except (LrsError, ValueError) as exc:
                return tr("Not sent: {error}", error=exc)

        self._ask(send)

    def _sync(self) -> None:
        from teacher_mode.lrs import Client, LrsError, sync

        cfg = self._config()

        def bring_back(records, tr) -> str:
            total = 0
            try:
                for code, _ in records.classes():
                    total += sync(records, Client(cfg, timeout=10), code)["added"]
                return tr("{n} records brought back.", n=total)
            except (LrsError, ValueError) as exc:
                return tr("Not brought back: {error}", error=exc)

        self._ask(bring_back)

    def _off(self) -> None:
        self.store.set_lrs(None)
        for f in self.fields:
            f.value, f._text = "", None
        self.status = self.tr("No LRS: records stay on this computer.")
        self.rebuild()

    def on_escape(self) -> None:
        self.app.nav.show(TeacherHomeView(self.app))
