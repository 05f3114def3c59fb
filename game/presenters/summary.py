"""The chapter's summary: the score, the documents read and the score per objective."""
from __future__ import annotations

from dataclasses import dataclass

from ..story.runtime import ChapterRun


@dataclass(frozen=True)
class ObjectiveScore:
    text: str
    right: int  # questions of this objective answered right
    total: int  # questions of this objective

    @property
    def done(self) -> bool:
        """Every question of the objective answered right (an objective with no question is never done)."""
        return self.total > 0 and self.right == self.total

    @property
    def line(self) -> str:
        return f"{'✔' if self.done else '•'} {self.text}  ({self.right}/{self.total})"


@dataclass(frozen=True)
class ChapterSummary:
    chapter: str
    title: str
    conclusion: str
    right: int
    questions: int
    documents_read: int
    documents: int
    objectives: tuple[ObjectiveScore, ...]
    has_sources: bool
    background: str  # the picture behind the summary: the scene where the chapter ended

    @property
    def learned(self) -> str:
        """"What you have learned": one line per objective."""
        return "\n".join(o.line for o in self.objectives)


def present_summary(run: ChapterRun) -> ChapterSummary:
    c, state = run.bundle.chapter, run.state
    right, total = run.score()
    marks: dict[str, list[bool]] = {}
    for qid, q in run.bundle.questions.items():
        a = state.answers.get(qid)
        marks.setdefault(q.objective, []).append(bool(a and a.correct))
    objectives = tuple(ObjectiveScore(o.text, sum(marks.get(o.id, [])), len(marks.get(o.id, [])))
                       for o in c.objectives)
    return ChapterSummary(chapter=run.bundle.id, title=c.title, conclusion=c.conclusion, right=right, questions=total,
                          documents_read=len(state.opened), documents=len(c.documents), objectives=objectives,
                          has_sources=bool(c.sources), background=run.bundle.scenes[state.scene].background)
