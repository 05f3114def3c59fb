"""A question's screen after the answer: the header above the feedback."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..content.models import Question
from ..i18n import N_


@dataclass(frozen=True)
class Verdict:
    text: str  # an interface string, to translate
    tone: Literal["right", "wrong", "neutral"]


def verdict(question: Question, correct: bool) -> Verdict:
    """Right or not quite, except on a painful subject (persecution, deportation, deaths): there the answer is
    told under a neutral header and never cheered, whatever the pupil chose."""
    if question.painful:
        return Verdict(N_("Your answer"), "neutral")
    return Verdict(N_("✔ Right!"), "right") if correct else Verdict(N_("✘ Not quite."), "wrong")
