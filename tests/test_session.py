"""The session connects the runtime to saves and to the outcome store."""
import sqlite3

from game.session import PupilSession, SignInError, check_sign_in
import pytest

from tests.test_runtime import lines_until_input


def test_answer_is_recorded_for_the_teacher_and_progress_resumes(mini_content, tmp_path):
    s = PupilSession(mini_content, tmp_path, "5b", "Renard", "fr")
    run = s.open_chapter("mini")
    lines_until_input(run)
    run.use("anna")
    lines_until_input(run)
    run.choose("non")
    lines_until_input(run)
    run.answer("faux")
    rows = sqlite3.connect(tmp_path / "outcomes.sqlite3").execute(
        "SELECT class_code, pupil, chapter, question, option, correct, attempt, locale FROM outcomes").fetchall()
    assert rows == [("5B", "Renard", "mini", "q-vrai", "faux", 0, 1, "fr")]
    s.close()

    again = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    assert [c.status for c in again.chapters()] == ["in-progress"]
    run2 = again.open_chapter("mini")
    assert run2.step().kind == "feedback"
    assert run2.state.answers["q-vrai"].option == "faux"
    again.close()


def test_replaying_a_finished_chapter_counts_as_a_new_attempt(mini_content, tmp_path):
    from tests.test_runtime import play_to_end

    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    play_to_end(s.open_chapter("mini"))
    assert [c.status for c in s.chapters()] == ["done"]
    run = s.open_chapter("mini")
    assert run.state.playthrough == 2 and run.state.answers == {}
    play_to_end(run, "non")
    attempts = sorted({o.attempt for o in s.store.outcomes("5B")})
    assert attempts == [1, 2] and s.store.count() == 10
    assert s.profile.completed["mini"] == 2


def test_sign_in_rules():
    assert check_sign_in(" 5 b ", "  Renard   Rusé ") == ("5B", "Renard Rusé")
    for code, name, reason in [("", "x", "class-missing"), ("5B!", "x", "class-format"), ("5B", "", "pupil-missing"),
                               ("5B", "a/b", "pupil-format"), ("5B", "x" * 25, "pupil-format")]:
        with pytest.raises(SignInError) as err:
            check_sign_in(code, name)
        assert str(err.value) == reason


def test_progress_is_recorded_for_the_teacher(mini_content, tmp_path):
    from tests.test_runtime import play_to_end

    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    play_to_end(s.open_chapter("mini"))
    s.close()
    again = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    again.open_chapter("mini")  # a new playthrough
    acts = [(a.verb, a.object, a.attempt) for a in again.store.activities("5B", pupil="Renard")]
    assert acts[0] == ("launched", "mini", 1)
    assert ("opened", "affiche", 1) in acts
    assert ("played", "journee", 1) in acts
    assert ("completed", "mini", 1) in acts
    assert acts[-1] == ("launched", "mini", 2)
    import json

    done = next(a for a in again.store.activities("5B") if a.verb == "completed")
    assert json.loads(done.data) == {"answered": 5, "correct": 3, "questions": 5}


def test_pupils_see_only_the_chapters_the_teacher_opened(mini_content, tmp_path):
    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    assert [c.bundle.id for c in s.chapters()] == ["mini"]
    s.store.set_open_chapters("5B", [])
    assert s.chapters() == []
    other = PupilSession(mini_content, tmp_path, "6A", "Loup", "fr", store=s.store)
    assert [c.bundle.id for c in other.chapters()] == ["mini"]  # another class is not affected


def test_a_question_on_screen_at_the_bell_is_timed_from_the_next_lesson(mini_content, tmp_path):
    # the bug: the moment a question appeared was kept across lessons; answered a week later it counted 603,081 s
    import datetime as dt

    now = [dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)]
    clock = lambda: now[0]  # noqa: E731
    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr", clock=clock)
    run = s.open_chapter("mini")
    lines_until_input(run)
    run.use("anna")
    lines_until_input(run)
    run.choose("non")
    _, step = lines_until_input(run)
    assert step.kind == "question"  # on screen when the bell rings
    s.close()

    now[0] += dt.timedelta(days=7, seconds=3)  # next lesson
    again = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr", clock=clock)
    run2 = again.open_chapter("mini")
    assert run2.step().kind == "question"
    now[0] += dt.timedelta(seconds=12)
    run2.answer("faux")
    assert run2.state.answers["q-vrai"].duration_ms == 12_000
    (o,) = again.store.outcomes("5B")
    assert o.duration_ms == 12_000  # what the CSV, the xAPI statement and the pupil's page show
    again.close()
