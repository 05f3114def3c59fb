"""The question screen: single choice, true/false, putting events in order, placing on a map.

Nothing here decides what is right: the runtime records the answer and says if it
was correct. Feedback is told with an icon and words, never by colour alone.
"""
from __future__ import annotations

import arcade

from . import ui
from .play import PlayScreen
from .widgets import MapPanel, ReorderList

LETTERS = "ABCDEF"


class QuestionView(PlayScreen):
    def __init__(self, app):
        super().__init__(app)
        self.arrangement: list[str] | None = None  # order questions: the pupil's current order

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
        self.texts += [
            ui.text(f"{kind}  ·  {number} / {len(run.bundle.questions)}", 100, 676, size=16, color=ui.MUTED),
            ui.fitted(q.prompt, 100, 648, width=1080, max_height=80, size=24, min_size=18, bold=True),
        ]
        self.top = 648 - self.texts[-1].content_height - 24
        self.option_buttons: list[ui.Button] = []
        self.reorder: ReorderList | None = None
        self.map: MapPanel | None = None
        buttons = {"order": self._build_order, "map": self._build_map}.get(q.kind.value, self._build_choice)()
        if self.answer_ is not None:
            self._build_feedback()
            self.focus.set([ui.Button(tr("Continue"), 900, 36, 280, 56, lambda: self.act("advance"), size=20,
                                      fill=ui.ACCENT)])
        else:
            self.focus.set(buttons, keep=True)

    # single choice and true/false ----------------------------------------------------------------
    def _build_choice(self) -> list[ui.Button]:
        q, answer = self.step.question, self.answer_
        buttons = []
        for i, o in enumerate(q.options):
            b = ui.Button(o.text, 120, self.top - (i + 1) * 64, 1040, 54, lambda oid=o.id: self.answer(oid), size=19,
                          key_hint=str(i + 1), wrap=True)
            if answer is not None:
                self._mark(b, o.correct, o.id == answer.option)
            buttons.append(b)
        if answer is not None:
            self.option_buttons = buttons  # drawn, but no longer pressable
        self.feedback_top = self.top - len(q.options) * 64 - 30
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
                                   row_h=56 if len(order) > 5 else 62, size=18)
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
        self.texts.append(ui.text(self.tr("Use ▲ and ▼ to move a line (Tab to reach them, Enter to press). "
                                          "Your first answer counts."), 120, 108, size=15, color=ui.MUTED, width=760))
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
        self.map = MapPanel(q.map, self.app.content.root, 100, 96, 720)
        buttons = []
        for i, o in enumerate(q.options):
            label = LETTERS[i] if answer is None else f"{LETTERS[i]}  {o.text}"
            b = self.map.pin(o.at, label, lambda oid=o.id: self.answer(oid), size=16)
            if answer is not None:
                self._mark(b, o.correct, o.id == answer.option)
            buttons.append(b)
        if answer is not None:
            self.option_buttons = buttons
        else:
            self.texts.append(ui.text(self.tr("Choose the right place: click a letter, or press its number "
                                              "(Tab and Enter work too)."), 850, self.top - 10, size=16,
                                      width=320))
        self.feedback_top = self.top - 10
        self.feedback_left, self.feedback_width = 850, 320
        return buttons

    # after the answer ----------------------------------------------------------------------------------
    def _build_feedback(self) -> None:
        tr, q, answer = self.tr, self.step.question, self.answer_
        left = getattr(self, "feedback_left", 120)
        width = getattr(self, "feedback_width", 1040)
        y = self.feedback_top
        verdict = tr("✔ Right!") if answer.correct else tr("✘ Not quite.")
        self.texts.append(ui.text(verdict, left, y, size=22, bold=True, color=ui.RIGHT if answer.correct else ui.WRONG))
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
        self.texts.append(ui.fitted("\n".join(parts), left, y - 38, width=width, max_height=y - 38 - 100, size=18,
                                    min_size=11))

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
