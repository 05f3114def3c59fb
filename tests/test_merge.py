"""'Maelys' one lesson and 'Maëlys' the next: the teacher merges them into one pupil, nothing lost."""
import pytest

from game.records import LrsConfig, Records
from game.story.state import ChapterState, Profile
from teacher_mode.analytics import class_report
from tests.test_analytics import act, ans

T = "2026-03-02T09:00:00+00:00"


@pytest.fixture
def store(tmp_path):
    s = Records(tmp_path)
    s.set_lrs(LrsConfig("http://127.0.0.1:9", "school", "secret"))  # records wait in the outbox
    # lesson 1, as "Maelys": two answers, the bell rings
    act(s, "Maelys", "launched", "mini", 1, 0)
    ans(s, "Maelys", "q-date", "a", True, 1, 1)
    ans(s, "Maelys", "q-vrai", "faux", False, 1, 2)
    # lesson 2 (later the same morning in this fixture), as "Maëlys": a new save, the chapter from the start
    act(s, "Maëlys", "launched", "mini", 1, 30)
    ans(s, "Maëlys", "q-date", "b", False, 1, 31)
    ans(s, "Maëlys", "q-fin", "a", True, 1, 32)
    act(s, "Bruno", "launched", "mini", 1, 0)
    ans(s, "Bruno", "q-date", "a", True, 1, 1)
    s.save_profile(Profile(class_code="5B", pupil="Maelys", current="mini",
                           chapters={"mini": ChapterState(chapter="mini", scene="rue", playthrough=1, started_at=T),
                                     "other": ChapterState(chapter="other", scene="x", playthrough=1, started_at=T)}))
    s.save_profile(Profile(class_code="5B", pupil="Maëlys", current="mini",
                           chapters={"mini": ChapterState(chapter="mini", scene="gare", playthrough=1, started_at=T)}))
    yield s
    s.close()


def test_merge_moves_everything_and_keeps_the_earliest_first_attempt(store, mini_content):
    before = store.count(), len(store.activities("5B")), store.outbox_count()
    result = store.merge_pupils("5B", "Maëlys", "Maelys")
    assert store.pupils("5B") == ["Bruno", "Maelys"]
    assert (store.count(), len(store.activities("5B")), store.outbox_count()) == before  # nothing lost
    assert result.moved == 2 + 1  # her two answers and her launch
    assert {r.pupil for r in store.pending()} == {"Maelys", "Bruno"}  # the queued statements follow
    # both answered q-date on their first attempt: the earliest (Maelys, 09:01) stays the first, and it is said
    assert [(c, q, p) for c, q, p, _ in result.both_first] == [("mini", "q-date", "Maelys")]
    assert result.renumbered == {"mini": 1}
    attempts = {(o.question, o.option): o.attempt for o in store.outcomes("5B", pupil="Maelys")}
    assert attempts == {("q-date", "a"): 1, ("q-vrai", "faux"): 1, ("q-date", "b"): 2, ("q-fin", "a"): 2}
    rep = class_report(store, "5B", mini_content)
    q = {x.id: x for x in rep.questions}
    assert (q["q-date"].answered, q["q-date"].right) == (2, 2)  # Bruno and Maelys's first answer, once each
    assert rep.overview[("Maelys", "mini")].correct == 1 and rep.details["Maelys"].score("mini") == (1, 2)
    # one save: the later lesson's place in the chapter (renumbered after the first attempt), the other chapter kept
    profile = store.load_profile("5B", "Maelys").profile
    assert (profile.chapters["mini"].scene, profile.chapters["mini"].playthrough) == ("gare", 2)
    assert "other" in profile.chapters
    assert not store.saves.path("5B", "Maëlys").exists()


def test_merge_into_the_later_name_renumbers_its_own_attempts(store):
    result = store.merge_pupils("5B", "Maelys", "Maëlys")
    assert store.pupils("5B") == ["Bruno", "Maëlys"]
    assert [(q, p) for _, q, p, _ in result.both_first] == [("q-date", "Maelys")]
    firsts = sorted((o.question, o.option) for o in store.outcomes("5B", pupil="Maëlys") if o.attempt == 1)
    assert firsts == [("q-date", "a"), ("q-vrai", "faux")]  # Maelys's earlier answers stay the first attempt
    profile = store.load_profile("5B", "Maëlys").profile
    assert (profile.chapters["mini"].scene, profile.chapters["mini"].playthrough) == ("gare", 2)
    assert not store.saves.path("5B", "Maelys").exists()


def test_merge_refuses_unknown_or_same_pupils(store):
    with pytest.raises(ValueError, match="no pupil 'Zoé'"):
        store.merge_pupils("5B", "Zoé", "Maelys")
    with pytest.raises(ValueError):
        store.merge_pupils("5B", "Maelys", "Maelys")
    assert store.pupils("5B") == ["Bruno", "Maelys", "Maëlys"]


@pytest.mark.process
def test_merge_command_asks_first_then_says_what_it_kept(store, tmp_path):
    from tests.test_report import run_main

    store.close()
    args = ("teacher", "merge", "--class", "5B", "Maëlys", "Maelys", "--data-dir", str(tmp_path))
    res = run_main(*args)
    assert res.returncode == 0 and "Add --yes" in res.stdout
    assert Records(tmp_path).pupils("5B") == ["Bruno", "Maelys", "Maëlys"]
    res = run_main(*args, "--yes")
    assert res.returncode == 0, res.stderr
    assert "mini / q-date: answered on both first attempts; the earliest (Maelys" in res.stdout
    assert Records(tmp_path).pupils("5B") == ["Bruno", "Maelys"]
    res = run_main("teacher", "merge", "--class", "5B", "Zoé", "Maelys", "--data-dir", str(tmp_path))
    assert res.returncode == 1 and "No pupil 'Zoé' in class 5B" in res.stderr and "Traceback" not in res.stderr
