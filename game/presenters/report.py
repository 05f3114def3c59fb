"""A pupil's totals per chapter in the teacher's space (from teacher_mode.analytics' class report)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChapterTotals:
    chapter: str
    title: str
    right: int  # answers right
    answered: int  # questions answered
    minutes: int  # time on task, rounded to the minute
    documents: int  # documents opened


def pupil_totals(report, pupil: str) -> list[ChapterTotals]:
    """One line per chapter the pupil has a record in, in the order of the chapters."""
    d = report.details.get(pupil)
    if d is None:
        return []
    out = []
    for cid, title in report.chapters:
        answers = [a for a in d.answers if a["chapter"] == cid]
        if not answers and cid not in d.time_on_task_s:
            continue
        right, n = d.score(cid)  # the first attempt, as the grid: never both attempts added
        out.append(ChapterTotals(cid, title, right, n,
                                 round(d.time_on_task_s.get(cid, 0) / 60), len(d.documents.get(cid, []))))
    return out
