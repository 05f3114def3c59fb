"""The teacher's numbers, checked against a class whose answers were counted by hand."""
import itertools

import pytest

from game.records import Activity, Outcome, Records
from teacher_mode.analytics import class_report

_ids = itertools.count(1)


def sid():
    return f"00000000-0000-4000-8000-{next(_ids):012d}"


def ans(store, pupil, q, option, correct, attempt, minute, cls="5B", objective="obj-greve"):
    store.record(Outcome(sid(), cls, pupil, "mini", q, objective, option, correct, attempt, 20000,
                         f"2026-03-02T09:{minute:02d}:00.000+00:00", "fr"))


def act(store, pupil, verb, obj, attempt, minute, cls="5B"):
    store.record_activity(Activity(sid(), cls, pupil, "mini", attempt, verb, obj,
                                   f"2026-03-02T09:{minute:02d}:00.000+00:00", "fr"))


@pytest.fixture
def report(tmp_path, mini_content):
    store = Records(tmp_path)
    # Alice: attempt 1 (3/5), then attempt 2 completed (4/5)
    act(store, "Alice", "launched", "mini", 1, 0)
    act(store, "Alice", "opened", "affiche", 1, 0)
    ans(store, "Alice", "q-date", "a", True, 1, 1)
    ans(store, "Alice", "q-vrai", "faux", False, 1, 2)
    ans(store, "Alice", "q-fin", "a", True, 1, 3)
    ans(store, "Alice", "q-ordre", "debut,fin,train", True, 1, 10)  # 7 minutes later: counted as 5
    ans(store, "Alice", "q-carte", "lille", False, 1, 11)
    act(store, "Alice", "opened", "affiche", 1, 11)
    act(store, "Alice", "launched", "mini", 2, 20)
    for i, (q, o, c) in enumerate([("q-date", "b", False), ("q-vrai", "vrai", True), ("q-fin", "a", True),
                                   ("q-ordre", "debut,fin,train", True), ("q-carte", "dourges", True)]):
        ans(store, "Alice", q, o, c, 2, 21 + i)
    act(store, "Alice", "completed", "mini", 2, 26)
    # Bruno: three answers, not finished
    act(store, "Bruno", "launched", "mini", 1, 0)
    ans(store, "Bruno", "q-date", "b", False, 1, 1)
    ans(store, "Bruno", "q-vrai", "faux", False, 1, 2)
    ans(store, "Bruno", "q-fin", "a", True, 1, 3)
    # Chloé started only; Dan is in another class
    act(store, "Chloé", "launched", "mini", 1, 5)
    ans(store, "Dan", "q-date", "b", False, 1, 1, cls="6A")
    return class_report(store, "5B", mini_content)


def test_pupils_and_overview(report):
    assert report.pupils == ["Alice", "Bruno", "Chloé"]
    cells = {p: report.overview[(p, "mini")] for p in report.pupils}
    # the score is the first attempt's (3/5), as every other total: not the replay's 4/5
    assert (cells["Alice"].status, cells["Alice"].correct, cells["Alice"].answered, cells["Alice"].questions) == \
        ("done", 3, 5, 5)
    assert (cells["Bruno"].status, cells["Bruno"].correct, cells["Bruno"].answered) == ("in-progress", 1, 3)
    assert (cells["Chloé"].status, cells["Chloé"].answered) == ("in-progress", 0)


def test_pupil_total_is_the_grid_score_not_both_attempts(report, mini_content):
    # the bug: the pupil's page and the report added both attempts (7 / 10) while the grid said 3/5
    from game.i18n import Translator
    from teacher_mode.report import render

    cell = report.overview[("Alice", "mini")]
    assert report.details["Alice"].score("mini") == (cell.correct, cell.answered) == (3, 5)
    assert report.details["Bruno"].score("mini") == (1, 3)
    html = render(report, Translator("en", None), mini_content)
    alice = html.split("<summary>Alice</summary>")[1].split("</details>")[0]
    assert "<td>3 / 5</td>" in alice and "7 / 10" not in alice


def test_question_statistics_use_first_attempts(report):
    q = {s.id: s for s in report.questions}
    assert (q["q-date"].answered, q["q-date"].right) == (2, 1)  # Alice's second try (b) does not count
    assert {o.id: o.count for o in q["q-date"].options} == {"a": 1, "b": 1}
    assert (q["q-vrai"].answered, q["q-vrai"].right, q["q-vrai"].share) == (2, 0, 0.0)
    assert q["q-vrai"].top_wrong.id == "faux" and q["q-vrai"].top_wrong.count == 2
    assert q["q-vrai"].top_wrong.feedback == "Si."
    assert (q["q-fin"].answered, q["q-fin"].right) == (2, 2) and q["q-fin"].top_wrong is None
    assert q["q-ordre"].options[0].correct and q["q-ordre"].options[0].count == 1
    assert q["q-ordre"].options[0].text == "La grève commence → La grève finit → Le train part pour Huy"
    assert (q["q-carte"].answered, q["q-carte"].right) == (1, 0)
    assert [s.id for s in report.to_discuss()] == ["q-vrai", "q-carte", "q-date"]


def test_objective_bands(report):
    (obj,) = report.objectives
    assert obj.id == "obj-greve"
    assert obj.pupils == {"Alice": 0.6, "Bruno": pytest.approx(1 / 3)}
    assert obj.bands == {"low": 1, "mid": 1, "high": 0}


def test_pupil_details(report):
    alice = report.details["Alice"]
    assert len(alice.answers) == 10
    assert alice.documents == {"mini": ["affiche"]}
    # attempt 1: 0->1->2->3 (3 min) + 3->10 capped at 5 min + 10->11 (1 min) = 9 min; attempt 2: 20->26 = 6 min
    assert alice.time_on_task_s == {"mini": 9 * 60 + 6 * 60}
    assert report.details["Chloé"].time_on_task_s == {"mini": 0}
