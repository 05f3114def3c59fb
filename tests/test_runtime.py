"""The story runtime, played on the tiny test chapter: exact sequences, not "it did not crash"."""
import datetime as dt

import pytest

from game.story.runtime import AlreadyAnswered, ChapterRun, StoryError
from game.story.state import ChapterState


class Clock:
    def __init__(self):
        self.t = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)

    def __call__(self):
        return self.t

    def tick(self, seconds):
        self.t += dt.timedelta(seconds=seconds)


@pytest.fixture
def run(mini_content):
    clock = Clock()
    counter = iter(range(1000))
    r = ChapterRun(mini_content.chapters["mini"], clock=clock, new_id=lambda: f"id-{next(counter)}")
    r.clock_ = clock
    r.events = []
    r.subscribe(r.events.append)
    r.start()
    return r


def lines_until_input(run):
    """Continue through lines; return their texts and the step that needs the pupil."""
    seen = []
    while run.step().kind == "line":
        seen.append(run.step().line.text)
        run.advance()
    return seen, run.step()


def test_start_plays_the_scene_opening_then_shows_the_scene(run):
    seen, step = lines_until_input(run)
    assert seen == ["Tu arrives dans la rue."]
    assert step.kind == "scene"
    assert [h.id for h in run.hotspots()] == ["anna", "affiche"]  # "vers-mine" needs a flag


def test_branch_changes_what_follows(mini_content):
    def play(choice):
        r = ChapterRun(mini_content.chapters["mini"])
        r.start()
        lines_until_input(r)
        r.use("anna")
        seen, step = lines_until_input(r)
        assert seen == ["Bonjour !", "Tu viens avec moi ?"]
        assert [c.id for c in step.choices] == ["oui", "non"]
        r.choose(choice)
        seen2, step2 = lines_until_input(r)
        return r, seen2, step2

    r_yes, yes_lines, yes_step = play("oui")
    r_no, no_lines, no_step = play("non")
    assert yes_lines == ["Super."] and no_lines == ["Dommage."]
    assert "aide" in r_yes.state.flags and "aide" not in r_no.state.flags
    assert "rapport" in r_no.state.documents and "rapport" not in r_yes.state.documents
    # the question of the node comes after its lines
    assert yes_step.kind == no_step.kind == "question"
    # later, a choice that requires the flag is offered only on the "oui" branch
    for r in (r_yes, r_no):
        r.answer("vrai")
        r.advance()
        r.use("vers-mine")
        r.use("paul")
        _, step = lines_until_input(r)
        assert step.kind == "choices"
    assert [c.id for c in r_yes.step().choices] == ["merci", "au-revoir"]
    assert [c.id for c in r_no.step().choices] == ["au-revoir"]


def test_answer_is_final_and_timed(run):
    lines_until_input(run)
    run.use("anna")
    lines_until_input(run)
    run.choose("oui")
    lines_until_input(run)
    assert run.step().kind == "question"
    run.clock_.tick(12.5)
    ans = run.answer("faux")
    assert (ans.correct, ans.option, ans.duration_ms, ans.attempt) == (False, "faux", 12500, 1)
    assert run.step().kind == "feedback" and run.step().answer == ans
    with pytest.raises(AlreadyAnswered):
        run.answer("vrai")
    assert run.state.answers["q-vrai"].option == "faux"
    run.advance()
    # asking again (hotspot review) shows the recorded answer, never a new chance
    run.use("vers-mine")
    run.use("quiz")
    run.answer("a")
    run.advance()
    run.use("quiz")
    assert run.step().kind == "feedback"
    with pytest.raises(AlreadyAnswered):
        run.answer("b")


def test_an_answer_given_weeks_after_its_question_appeared_is_recorded_not_refused(run):
    """A save's durations are bounded (a week); an answer taking longer is recorded as taking a week, never a crash."""
    from game.story.state import MAX_DURATION_MS

    lines_until_input(run)
    run.use("anna")
    lines_until_input(run)
    run.choose("oui")
    lines_until_input(run)
    run.clock_.tick(280 * 24 * 3600)  # the question stayed on screen since March (a test, a clock set wrong)
    ans = run.answer("vrai")
    assert ans.duration_ms == MAX_DURATION_MS and run.state.answers["q-vrai"] == ans


def test_actions_not_allowed_on_the_current_step_are_refused(run):
    assert run.step().kind == "line"
    with pytest.raises(StoryError):
        run.use("anna")
    with pytest.raises(StoryError):
        run.choose("oui")
    lines_until_input(run)
    with pytest.raises(StoryError):
        run.use("vers-mine")  # hidden until the flag is set
    with pytest.raises(StoryError):
        run.advance()


def play_to_end(run, choice="oui"):
    lines_until_input(run)
    run.use("affiche")
    run.advance()
    run.use("anna")
    lines_until_input(run)
    run.choose(choice)
    lines_until_input(run)
    run.answer("vrai")
    run.advance()
    run.use("vers-mine")
    run.use("paul")
    lines_until_input(run)
    run.choose("merci" if choice == "oui" else "au-revoir")
    seen, step = lines_until_input(run)
    assert seen == ["C'est fini pour aujourd'hui."]
    run.answer("a")
    run.advance()
    run.answer("b")
    run.advance()
    run.answer("fin,debut,train")  # wrong order
    run.advance()
    run.answer("dourges")
    run.advance()
    assert run.step().kind == "minigame" and run.step().minigame.id == "journee"
    for move in (("choose", "queue"), ("next",), ("choose", "maison"), ("next",)):
        run.play(*move)
    run.advance()


def test_events_for_every_step_and_completion(run):
    play_to_end(run)
    kinds = [e.kind for e in run.events if e.kind != "step"]
    assert kinds.count("question_answered") == 5
    assert kinds.count("document_opened") == 1
    assert "choice_made" in kinds and "line_shown" in kinds and "scene_entered" in kinds
    assert kinds[-1] == "chapter_completed"
    done = run.events[-2] if run.events[-1].kind == "step" else run.events[-1]
    assert done.data == {"correct": 3, "questions": 5, "answered": 5}
    assert run.state.played["journee"] == {"chosen": ["queue", "maison"], "meters": {"repas": 3, "risque": 0},
                                           "ending": "calme"}
    assert "journee-faite" in run.state.flags
    assert run.step().kind == "completed" and run.state.completed
    lines = [e.data["line"] for e in run.events if e.kind == "line_shown"]
    assert lines == ["l1", "l1", "l2", "l1", "l1", "l1"]  # each line reported once, when it appears
    assert sum(e.kind == "step" for e in run.events) == run.state.steps


def test_state_round_trips_through_json_at_every_step(mini_content, run):
    """Resume from the saved JSON after any step: the pupil is exactly where they were."""
    bundle = mini_content.chapters["mini"]
    lines_until_input(run)
    run.use("anna")
    run.advance()
    run.advance()
    run.choose("non")
    saved = run.state.model_dump_json()
    resumed = ChapterRun(bundle, ChapterState.model_validate_json(saved))
    assert resumed.step() == run.step()
    assert resumed.state == run.state
    seen, step = lines_until_input(resumed)
    assert seen == ["Dommage."] and step.kind == "question"


def test_merge_answers_restores_an_answer_that_was_not_saved(mini_content, run):
    lines_until_input(run)
    run.use("anna")
    lines_until_input(run)
    run.choose("oui")
    lines_until_input(run)
    before = run.state.model_copy(deep=True)  # the last save, taken before the answer
    ans = run.answer("vrai")
    resumed = ChapterRun(mini_content.chapters["mini"], before)
    assert resumed.step().kind == "question"
    assert resumed.merge_answers([ans]) == 1
    assert resumed.step().kind == "feedback" and resumed.state.answers["q-vrai"] == ans
    assert resumed.merge_answers([ans]) == 0


def test_state_from_older_content_falls_back_safely(mini_content):
    bundle = mini_content.chapters["mini"]
    st = ChapterState(chapter="mini", scene="gone", started_at="2026-01-01T00:00:00+00:00",
                      dialogue={"node": "removed"}, reading="nothing")
    r = ChapterRun(bundle, st)
    assert r.state.scene == "rue" and r.step().kind == "scene"
