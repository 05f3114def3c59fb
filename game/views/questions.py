"""The question screen: single choice, true/false, putting events in order, placing on a map.

Nothing here decides what is right: the runtime records the answer and says if it
was correct. Feedback is told with an icon and words, never by colour alone.
"""
from __future__ import annotations

import arcade

from ..presenters import verdict
from . import ui
from .play import PlayScreen, spread
from .widgets import MapPanel, ReorderList

LETTERS = "ABCDEF"


class QuestionView(PlayScreen):
    def __init__(self, app):
        super().__init__(app)
        self.arrangement: list[str] | None = None  # order questions: the pupil's current order
        self.feedback_page = 0  # a long explanation at a large text size is read page by page

    def build(self) -> None:
        tr, run = self.tr, self.run
        step = run.step()
        self.step = step
        q = step.question
        self.answer_ = step.answer
        asked = list(run.state.answers)  # numbered in the order the pupil meets them
        number = asked.index(q.id) + 1 if q.id in asked else len(asked) + 1
        kind = {"true-false": tr("True or false?"), "order": tr("Put in order"),
                "map": tr("On the map")}.get(q.kind.value, tr("Question"))
        header = ui.text(f"{kind}  ·  {number} / {len(run.bundle.questions)}", 100, 680, size=16, color=ui.MUTED)
        prompt_top = 680 - header.content_height - 6
        self.texts += [header, ui.fitted(q.prompt, 100, prompt_top, width=1080, max_height=80 * ui.SCALE, size=24,
                                         min_size=18, bold=True)]
        self.top = prompt_top - self.texts[-1].content_height - 24
        self.option_buttons: list[ui.Button] = []
        self.reorder: ReorderList | None = None
        self.map: MapPanel | None = None
        buttons = {"order": self._build_order, "map": self._build_map}.get(q.kind.value, self._build_choice)()
        if self.answer_ is not None:
            self._build_feedback()
            more = self.feedback_page + 1 < len(self.feedback_pages)
            label = tr("Next") if more else tr("Continue")
            self.focus.set([ui.Button(label, 900, 36, 280, 56, self._next_feedback if more else lambda: self.act("advance"),
                                      size=20, fill=ui.ACCENT, mark="▼" if more else None)])
        else:
            self.focus.set(buttons, keep=True)

    # single choice and true/false ----------------------------------------------------------------
    def _build_choice(self) -> list[ui.Button]:
        q, answer = self.step.question, self.answer_
        buttons = []
        options = list(q.options)
        if answer is not None and ui.SCALE > 1:  # room for the explanation: keep the right and the chosen answers
            options = [o for o in options if o.correct or o.id == answer.option]
        # larger text, taller options: each answer keeps the size the pupil chose, as far as the panel allows
        heights = [max(54 * ui.SCALE, ui.text(f"✔  {q.options.index(o) + 1}.  {o.text}", 0, 0, size=19,
                                              width=1040 - 36).content_height + 14) for o in options]
        squeeze = min(1.0, (self.top - 30) / sum(h + 10 for h in heights))
        y = self.top
        for o, h in zip(options, heights):
            i = q.options.index(o)
            h = max(54, h * squeeze)
            y -= h + 10
            b = ui.Button(o.text, 120, y, 1040, h, lambda oid=o.id: self.answer(oid),
                          size=19, key_hint=str(i + 1), wrap=True)
            if answer is not None:
                self._mark(b, o.correct, o.id == answer.option)
            buttons.append(b)
        if answer is not None:
            self.option_buttons = buttons  # drawn, but no longer pressable
        self.feedback_top = y - 30
        return buttons

    def _mark(self, b: ui.Button, correct: bool, chosen: bool) -> None:
        if correct:
            b.mark, b.fill = "✔", ui.RIGHT
        elif chosen:
            b.mark, b.fill = "✘", ui.WRONG

    # putting events in order ----------------------------------------------------------------------
    def _build_order(self) -> list[ui.Button]:
        q, answer = self.step.question, self.answer_
        labels = {o.id: o.text for o in q.options}
        if answer is not None:
            order = answer.option.split(",")
        else:
            if self.arrangement is None:
                self.arrangement = [o.id for o in q.shuffled()]
            order = self.arrangement
        self.reorder = ReorderList(labels, list(order), left=120, top=self.top, width=1040, on_move=self._move,
                                   row_h=min((56 if len(order) > 5 else 62) * ui.SCALE, (self.top - 120) / len(order)),
                                   size=18)
        if answer is not None:
            right = [o.id for o in q.options]
            dates = {o.id: o.date for o in q.options if o.date}
            for i, item in enumerate(order):
                self.reorder.marks[item] = "✔" if right[i] == item else "✘"
                if item in dates:
                    self.reorder.extra[item] = dates[item]
            self.texts += self.reorder.texts(movable=False)
            self.feedback_top = self.reorder.row_bottom(len(order) - 1) - 26
            return []
        self.texts += self.reorder.texts()
        self.texts.append(ui.fitted(self.tr("Use ▲ and ▼ to move a line (Tab to reach them, Enter to press). "
                                            "Your first answer counts."), 120, 108, size=15, color=ui.MUTED, width=740,
                                    max_height=84, min_size=10))
        validate = ui.Button(self.tr("Validate this order"), 880, 36, 300, 56, self._submit_order, size=19,
                             fill=ui.ACCENT)
        return self.reorder.buttons() + [validate]

    def _move(self, item: str, index: int) -> None:
        old = self.arrangement.index(item)
        index = max(0, min(index, len(self.arrangement) - 1))
        self.arrangement.remove(item)
        self.arrangement.insert(index, item)
        self.rebuild()
        # keep the keyboard on the same arrow of the moved line, so pressing again moves it further
        self.focus.index = index * 2 + (0 if index < old else 1)
        if not self.focus.buttons[self.focus.index].enabled:
            self.focus.index = index * 2 + (1 if index < old else 0)

    def _submit_order(self) -> None:
        self.answer(",".join(self.arrangement))

    # placing on a map --------------------------------------------------------------------------------
    def _build_map(self) -> list[ui.Button]:
        q, answer = self.step.question, self.answer_
        width = min(720, (self.top - 96) * 1280 / 720)  # a long prompt at a large size: a smaller map
        self.map = MapPanel(q.map, self.app.content.root, 100, 96, width)
        buttons = []
        for i, o in enumerate(q.options):
            label = LETTERS[i] if answer is None else f"{LETTERS[i]}  {o.text}"
            b = self.map.pin(o.at, label, lambda oid=o.id: self.answer(oid), size=16)
            if answer is not None:
                self._mark(b, o.correct, o.id == answer.option)
            buttons.append(b)
        spread(buttons, left=self.map.left, right=self.map.left + self.map.width)
        if answer is not None:
            self.option_buttons = buttons
        else:
            left = 100 + width + 30
            self.texts.append(ui.fitted(self.tr("Choose the right place: click a letter, or press its number "
                                                "(Tab and Enter work too)."), left, self.top - 10, size=16,
                                        width=int(1180 - left), max_height=self.top - 10 - 30, min_size=11))
        self.feedback_top = self.top - 10
        self.feedback_left = 100 + width + 30
        self.feedback_width = 1180 - self.feedback_left
        return buttons

    # after the answer ----------------------------------------------------------------------------------
    def _build_feedback(self) -> None:
        tr, q, answer = self.tr, self.step.question, self.answer_
        left = getattr(self, "feedback_left", 120)
        width = getattr(self, "feedback_width", 1040)
        y = self.feedback_top
        header = verdict(q, answer.correct)
        colour = {"right": ui.RIGHT, "wrong": ui.WRONG, "neutral": ui.INK}[header.tone]
        self.texts.append(ui.fitted(tr(header.text), left, y, width=width, max_height=80, size=22, min_size=16,
                                    bold=True, color=colour))
        y -= self.texts[-1].content_height + 8
        parts = []
        if q.kind.value != "order":
            chosen = q.option(answer.option)
            if chosen.feedback:
                parts.append(chosen.feedback)
            if not answer.correct and q.correct_option is not None:
                parts.append(tr("The right answer: {text}", text=q.correct_option.text))
        elif not answer.correct:  # the rows already show the pupil's order with its dates and marks
            parts.append(tr("The right order: {order}", order=" → ".join(o.text for o in q.options)))
        if q.explanation:
            parts.append(q.explanation)
        room = y - 100  # above the Continue button
        text = "\n".join(parts)
        if ui.fits(text, width=width, max_height=room, size=15):  # it may shrink a little (to 15/18), as before
            self.feedback_pages = [text]
            self.texts.append(ui.fitted(text, left, y, width=width, max_height=room, size=18, min_size=15))
            return
        # Otherwise it is read page by page at the pupil's size: the first page under the answers, the next
        # ones on the whole panel (the question and its answers make room for them).
        first = ui.split_to_fit(text, width=width, max_height=room, size=18)[0] if room > 40 else ""
        if not ui.fits(first, width=width, max_height=room, size=18):  # not even a word fits under the answers
            first = ""
        rest = text[len(first):].strip()
        self.feedback_pages = ([first] if first else []) + ui.split_to_fit(rest, width=1040, max_height=640 - 150,
                                                                           size=18)
        self.feedback_page = min(self.feedback_page, len(self.feedback_pages) - 1)
        reading = self.feedback_page > 0 or not first
        if not reading:
            self.texts.append(ui.text(first, left, y, size=18, width=width))
            return
        verdict_text = self.texts[-1]
        self.texts = [verdict_text]
        self.option_buttons, self.map, self.reorder = [], None, None
        verdict_text.x, verdict_text.y = 120, 660
        self.texts.append(ui.text(self.feedback_pages[self.feedback_page], 120, 660 - verdict_text.content_height - 16,
                                  size=18, width=1040))

    def _next_feedback(self) -> None:
        self.feedback_page += 1
        self.rebuild(keep_focus=False)

    def answer(self, option_id: str) -> None:
        self.act("answer", option_id)

    def draw_content(self) -> None:
        self.draw_scene_background(dim=150)
        ui.panel(70, 20, 1140, 690)
        if self.map is not None:
            self.map.draw()
            for o in self.step.question.options:
                self.map.draw_dot(o.at)
        if self.reorder is not None:
            self.reorder.draw_rows()
        for b in self.option_buttons:
            b.draw(False, False)

    def on_key(self, symbol: int, modifiers: int) -> bool:
        k = arcade.key
        q = self.step.question
        if self.step.kind == "question" and q.kind.value != "order" and k.KEY_1 <= symbol <= k.KEY_9:
            i = symbol - k.KEY_1
            if i < len(q.options):
                self.answer(q.options[i].id)
            return True
        return False
