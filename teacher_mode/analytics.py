"""The numbers a teacher sees, computed once and shared by the dashboard, the report and the exports.

Rules (written down so the numbers can be checked by hand):
- Question statistics use each pupil's FIRST attempt at a chapter: what the class
  understood before replaying. A pupil who replays does not count twice.
- A chapter is "done" for a pupil once any attempt was completed; "in progress" when
  it was started (or answered) but never completed; "not started" otherwise. The score
  shown is that of the FIRST attempt (one rule for every total: the grid, the pupil's page,
  the report): correct answers / questions of the chapter.
- Mastery of an objective, per pupil: share of correct first-attempt answers to the
  questions tied to it. Bands: below 50 %, 50-79 %, 80 % and more.
- Time on task: the sum of the gaps between a pupil's consecutive records in a
  chapter, counting a gap of more than 5 minutes as 5 minutes (a pause, a bell).
No arcade and no SQL here: the typed queries of game.records and Python, tested on a hand-computed fixture.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from game.records import Records

IDLE_CAP_S = 300
BANDS = ("low", "mid", "high")  # < 50 %, 50-79 %, >= 80 %


def band(share: float) -> str:
    return "low" if share < 0.5 else ("mid" if share < 0.8 else "high")


@dataclass
class OptionStat:
    id: str
    text: str
    count: int
    correct: bool
    feedback: str = ""


@dataclass
class QuestionStat:
    chapter: str
    id: str
    prompt: str
    kind: str
    objective: str
    answered: int  # pupils who answered (first attempt)
    right: int
    options: list[OptionStat]

    @property
    def share(self) -> float:
        return self.right / self.answered if self.answered else 0.0

    @property
    def top_wrong(self) -> OptionStat | None:
        wrong = [o for o in self.options if not o.correct and o.count]
        return max(wrong, key=lambda o: (o.count, -self.options.index(o))) if wrong else None


@dataclass
class Cell:
    status: str  # not-started, in-progress, done
    correct: int = 0
    answered: int = 0
    questions: int = 0


@dataclass
class PupilDetail:
    pupil: str
    answers: list[dict] = field(default_factory=list)  # chapter, question, option, correct, attempt, seconds
    time_on_task_s: dict[str, int] = field(default_factory=dict)  # chapter -> seconds
    documents: dict[str, list[str]] = field(default_factory=dict)  # chapter -> documents opened

    def first_attempt(self, chapter: str) -> list[dict]:
        """The answers of the pupil's first attempt at a chapter (the attempt every total counts)."""
        answers = [a for a in self.answers if a["chapter"] == chapter]
        first = min((a["attempt"] for a in answers), default=None)
        return [a for a in answers if a["attempt"] == first]

    def score(self, chapter: str) -> tuple[int, int]:
        """(right, answered) on the first attempt: the same rule as the grid and the question statistics."""
        answers = self.first_attempt(chapter)
        return sum(bool(a["correct"]) for a in answers), len(answers)


@dataclass
class ObjectiveStat:
    chapter: str
    id: str
    text: str
    bands: dict[str, int]  # band -> number of pupils
    pupils: dict[str, float]  # pupil -> share


@dataclass
class ClassReport:
    class_code: str
    pupils: list[str]
    chapters: list[tuple[str, str]]  # id, title
    overview: dict[tuple[str, str], Cell]
    questions: list[QuestionStat]
    objectives: list[ObjectiveStat]
    _details: object = field(default=None, repr=False)  # computed on first use: the dashboard rarely needs it

    @property
    def details(self) -> dict[str, PupilDetail]:
        if callable(self._details):
            self._details = self._details()
        return self._details

    def to_discuss(self, limit: int = 8, below: float = 0.7) -> list[QuestionStat]:
        """Questions most of the class got wrong, worst first: the list to take into the next lesson."""
        hard = [q for q in self.questions if q.answered and q.share < below]
        return sorted(hard, key=lambda q: (q.share, -q.answered))[:limit]


def class_report(store: Records, class_code: str, content=None, tr=None) -> ClassReport:
    """Everything the dashboard and the report show for one class. `content` (game.content.loader.Content)
    gives texts; `tr` (game.i18n.Translator) their language."""
    chapters = []
    bundles = {}
    if content is not None:
        for b in content.ordered():
            if tr is not None:
                from game.content.texts import localized

                b = localized(b, lambda ctx, text, cid=b.id: tr.content(cid, ctx, text))
            bundles[b.id] = b
            chapters.append((b.id, b.chapter.title))

    pupils = store.pupils(class_code)
    known = {c for c, _ in chapters}
    for cid in store.chapters_recorded(class_code):
        if cid not in known:  # records of a chapter that is no longer installed still count
            chapters.append((cid, cid))
            known.add(cid)

    # first-attempt distribution of answers, per question and option
    counts: dict[tuple[str, str], dict[str, int]] = {}
    right: dict[tuple[str, str], int] = {}
    right_options: set[tuple[str, str, str]] = set()  # what the records say was right (for removed content)
    for chapter, question, option, correct, n in store.first_attempt_options(class_code):
        counts.setdefault((chapter, question), {})[option] = n
        if correct:
            right[(chapter, question)] = right.get((chapter, question), 0) + n
            right_options.add((chapter, question, option))
    questions = []
    for cid, _ in chapters:
        b = bundles.get(cid)
        qids = list(b.questions) if b else sorted(q for c, q in counts if c == cid)
        for qid in qids:
            dist = counts.get((cid, qid), {})
            q = b.questions.get(qid) if b else None
            if q is not None and q.kind.value != "order":
                opts = [OptionStat(o.id, o.text, dist.get(o.id, 0), o.correct, o.feedback or "") for o in q.options]
                opts += [OptionStat(o, o, n, False) for o, n in dist.items() if o not in {x.id for x in q.options}]
            else:  # order questions: each distinct order given is an "option"
                good = ",".join(o.id for o in q.options) if q is not None else None
                texts = {o.id: o.text for o in q.options} if q is not None else {}
                opts = [OptionStat(o, " → ".join(texts.get(i, i) for i in o.split(",")), n,
                                   o == good if good else (cid, qid, o) in right_options)
                        for o, n in sorted(dist.items(), key=lambda kv: -kv[1])]
                if good and good not in dist:
                    opts.insert(0, OptionStat(good, " → ".join(texts[i] for i in good.split(",")), 0, True))
            questions.append(QuestionStat(cid, qid, q.prompt if q else qid, q.kind.value if q else "choice",
                                          q.objective if q else "", sum(dist.values()), right.get((cid, qid), 0), opts))

    # overview: status and score of the first attempt
    overview: dict[tuple[str, str], Cell] = {}
    done = store.completed_chapters(class_code)
    started = store.started_chapters(class_code)
    latest = {}
    for pupil, chapter, attempt, n_right, n in store.attempt_scores(class_code):  # oldest attempt first
        latest.setdefault((pupil, chapter), (n_right, n))
    for p in pupils:
        for cid, _ in chapters:
            total = len(bundles[cid].questions) if cid in bundles else 0
            n_right, n = latest.get((p, cid), (0, 0))
            status = "done" if (p, cid) in done else ("in-progress" if (p, cid) in started else "not-started")
            overview[(p, cid)] = Cell(status, n_right, n, total)

    # objectives: per pupil share on first attempts, then bands
    per_obj: dict[tuple[str, str], dict[str, float]] = {}
    for chapter, objective, pupil, n_right, n in store.first_attempt_objectives(class_code):
        per_obj.setdefault((chapter, objective), {})[pupil] = n_right / n
    objectives = []
    for cid, _ in chapters:
        b = bundles.get(cid)
        objs = [(o.id, o.text) for o in b.chapter.objectives] if b else \
            sorted({(o, o) for c, o in per_obj if c == cid})
        for oid, text in objs:
            shares = per_obj.get((cid, oid), {})
            bands = {k: 0 for k in BANDS}
            for share in shares.values():
                bands[band(share)] += 1
            objectives.append(ObjectiveStat(cid, oid, text, bands, shares))

    return ClassReport(class_code, pupils, chapters, overview, questions, objectives,
                       lambda: _details(store, class_code, pupils))


def _details(store: Records, class_code: str, pupils: list[str]) -> dict[str, PupilDetail]:
    """Per pupil: every answer, time on task and documents opened (reads every record of the class)."""
    details = {p: PupilDetail(p) for p in pupils}
    events: dict[tuple[str, str, int], list[str]] = {}
    for o in store.outcomes(class_code):
        details[o.pupil].answers.append({"chapter": o.chapter, "question": o.question, "option": o.option,
                                         "correct": o.correct, "attempt": o.attempt,
                                         "seconds": round(o.duration_ms / 1000, 1)})
        events.setdefault((o.pupil, o.chapter, o.attempt), []).append(o.answered_at)
    for a in store.activities(class_code):
        events.setdefault((a.pupil, a.chapter, a.attempt), []).append(a.at)
        if a.verb == "opened":
            docs = details[a.pupil].documents.setdefault(a.chapter, [])
            if a.object not in docs:
                docs.append(a.object)
    for (pupil, chapter, _), stamps in events.items():
        times = sorted(dt.datetime.fromisoformat(s) for s in stamps)
        seconds = sum(min(IDLE_CAP_S, (b - a).total_seconds()) for a, b in zip(times, times[1:]))
        details[pupil].time_on_task_s[chapter] = details[pupil].time_on_task_s.get(chapter, 0) + round(seconds)
    return details


def summary_json(report: ClassReport) -> str:
    """A compact, stable form of the numbers (used to check that every output shows the same numbers)."""
    return json.dumps({
        "pupils": report.pupils,
        "overview": {f"{p}|{c}": [cell.status, cell.correct, cell.questions] for (p, c), cell in report.overview.items()},
        "questions": {f"{q.chapter}|{q.id}": [q.answered, q.right, {o.id: o.count for o in q.options}]
                      for q in report.questions},
        "objectives": {f"{o.chapter}|{o.id}": o.bands for o in report.objectives},
    }, sort_keys=True, ensure_ascii=False)
