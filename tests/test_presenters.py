"""What the screens show, computed without a window (game.presenters): exact values on the tiny chapter."""
from types import SimpleNamespace

import pytest

from game.presenters import (
    ObjectiveScore,
    has_started,
    present_conversation,
    present_scene,
    present_summary,
    pupil_totals,
    story_so_far,
)
from game.story.runtime import ChapterRun


def tr(message, **kw):
    return message.format(**kw)


@pytest.fixture
def run(mini_content):
    r = ChapterRun(mini_content.chapters["mini"])
    r.start()
    return r


def to_input(run):
    while run.step().kind == "line":
        run.advance()
    return run.step()


def test_scene_hotspots_and_the_folder_badge(run):
    to_input(run)
    scene = present_scene(tr, run)
    assert (scene.title, scene.when, scene.intro) == ("La rue", "mai 1941", "Il fait beau.")
    assert [(h.id, h.mark, h.at) for h in scene.hotspots] == [("anna", "❝", (300, 300)), ("affiche", "▤", (700, 300))]
    assert (scene.folder.label, scene.folder.unread, scene.folder.mark) == (f"Folder ({0})", 0, None)
    run.state.documents.append("rapport")  # received, not read yet
    badge = present_scene(tr, run).folder
    assert (badge.label, badge.unread, badge.count, badge.mark) == ("Folder: 1 new", 1, 1, "★")
    run.use("affiche")  # handed over and read at once
    run.advance()
    assert present_scene(tr, run).folder.unread == 1 and present_scene(tr, run).folder.count == 2


def test_a_conversation_step_says_who_speaks_and_keeps_the_last_line_over_the_choices(run):
    to_input(run)
    run.use("anna")
    conv = present_conversation(run)
    assert (conv.kind, conv.text, conv.speaker.name, conv.speaker.role) == ("line", "Bonjour !", "Anna", "Une amie")
    to_input(run)
    conv = present_conversation(run)
    assert conv.kind == "choices" and conv.text == "Tu viens avec moi ?"  # the line the choices follow
    assert [cid for cid, _ in conv.choices] == ["oui", "non"]
    run.choose("non")
    while run.step().kind != "scene":  # the conversation ends with a question
        if run.step().kind == "question":
            run.answer(run.step().question.correct_option.id)
        else:
            run.advance()
    with pytest.raises(ValueError):
        present_conversation(run)


def test_the_summary_scores_each_objective_from_the_answers(run):
    summary = present_summary(run)
    assert (summary.right, summary.questions) == (0, 5)
    assert summary.objectives == (ObjectiveScore("Décrire la grève des mineurs", 0, 5),)
    run.state.answers["q-date"] = SimpleNamespace(correct=True)
    run.state.answers["q-vrai"] = SimpleNamespace(correct=False)
    score = present_summary(run).objectives[0]
    assert (score.right, score.total, score.done) == (1, 5, False)
    assert score.line == "• Décrire la grève des mineurs  (1/5)"
    assert ObjectiveScore("x", 2, 2).line == "✔ x  (2/2)" and not ObjectiveScore("y", 0, 0).done
    assert summary.background == "bg/street.png" and summary.documents == 2


def test_the_story_so_far_lists_the_places_seen_in_order(run):
    to_input(run)
    run.state.seen_scenes.append("mine")
    story = story_so_far(tr, run)
    assert story.title == "Un petit chapitre"
    lines = story.text.splitlines()
    assert lines[0] == "Now: La rue, mai 1941."
    assert "• Décrire la grève des mineurs" in lines
    assert lines[-2:] == ["• La rue (mai 1941). Il fait beau.", "• La mine (juin 1941)."]
    assert "Questions answered: 0 of 5. Documents read: 0 of 2." in lines


def test_a_minigame_has_started_after_its_first_move(mini_content):
    from game.story import minigames as rules

    mg = mini_content.chapters["mini"].minigames["journee"]
    data = rules.start(mg)
    assert not has_started(mg, data)
    assert has_started(mg, rules.apply(mg, data, rules.legal(mg, data)[0]))


def test_a_pupils_totals_per_chapter():
    from teacher_mode.analytics import PupilDetail

    # a replay of chapter a (attempt 2) is not added to the first attempt's total (issue 15: "11 / 28" vs "5/14")
    detail = PupilDetail(
        "Renard",
        answers=[{"chapter": "a", "correct": True, "attempt": 1}, {"chapter": "a", "correct": False, "attempt": 1},
                 {"chapter": "a", "correct": True, "attempt": 2}, {"chapter": "a", "correct": True, "attempt": 2},
                 {"chapter": "c", "correct": 1, "attempt": 1}],
        time_on_task_s={"a": 150, "b": 20}, documents={"a": ["d1", "d2"]})
    report = SimpleNamespace(chapters=[("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")], details={"Renard": detail})
    assert [(t.chapter, t.right, t.answered, t.minutes, t.documents) for t in pupil_totals(report, "Renard")] == [
        ("a", 1, 2, 2, 2), ("b", 0, 0, 0, 0), ("c", 1, 1, 0, 0)]  # d: no record, no line
    assert pupil_totals(report, "Nobody") == []


def test_a_painful_question_is_answered_under_a_neutral_header_never_cheered(mini_content):
    from game.content.models import Question
    from game.presenters import verdict

    q = next(iter(mini_content.chapters["mini"].questions.values()))
    assert (verdict(q, True).tone, verdict(q, False).tone) == ("right", "wrong")
    grave = Question.model_validate({**q.model_dump(mode="json"), "painful": True})
    assert verdict(grave, True) == verdict(grave, False)
    assert verdict(grave, True).tone == "neutral" and "✔" not in verdict(grave, True).text


def test_the_shipped_questions_on_deportation_and_deaths_are_marked_painful():
    """The round-up and convoy X, Dora's dead, Ascq, the Loos train: never a cheer above their feedback."""
    from pathlib import Path

    from game.content.loader import load_content

    content = load_content(Path(__file__).resolve().parents[1])
    painful = {q.id for b in content.chapters.values() for q in b.questions.values() if q.painful}
    assert {"q-rafle", "q-dora-morts", "q-ascq-victimes", "q-loos-retour"} <= painful
