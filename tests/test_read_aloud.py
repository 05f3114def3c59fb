"""Reading aloud in the game: what each screen says, the R key and the speaker button, "always", the settings."""
import time

import arcade
import pytest

from game.speech import Reader, Speech
from game.views import questions, screens
from game.views.voice import PygletClip
from tests.drive import click, first_line, frame, key, sign_in
from tests.test_speech import EchoSpeech, FakeClip, settle

pytestmark = pytest.mark.render


@pytest.fixture
def app(story_app):
    return story_app


@pytest.fixture
def heard(app):
    """The app's reader, with a voice that returns the text itself: the test hears what the pupil would."""
    log = []
    app.reader = Reader(EchoSpeech(), lambda wav, vol: FakeClip(wav, vol, log), threaded=False)

    def texts(n=1):  # what has been heard so far (n: how many texts the test expects at most by now)
        settle(app.reader)
        return [c.wav.decode() for c in log]

    texts.log = log
    return texts


def finish(log):
    for c in log:
        c.finished = True


def test_r_reads_the_whole_line_and_who_says_it_even_before_it_is_all_shown(app, heard):
    app.set_preferences(text_speed="slow")
    view = first_line(app)
    assert len(view.line_text.text) < len(view._full)  # still appearing letter by letter
    key(app, arcade.key.R)
    said = heard(2)
    speaker = app.session.run.bundle.characters[app.session.run.step().line.speaker]
    assert said[0] == f"{speaker.name}, {speaker.role}"
    finish(heard.log)
    assert heard(2)[1] == view._full
    key(app, arcade.key.R)  # R again stops; and again reads from the start
    assert not app.reader.reading
    key(app, arcade.key.R)
    assert heard(3)[2] == said[0]


def test_the_speaker_button_reads_with_the_mouse_and_shows_a_square_while_it_reads(app, heard):
    view = first_line(app)
    frame(app)
    button = view.listen
    assert button is not None and (button.x, button.y) == view.listen_spot[:2]
    before = view.step.line
    click(app, button)
    assert heard(1) and app.reader.reading
    assert app.session.run.step().line == before  # the click read; it did not move the story on
    img = frame(app, "read-aloud-reading")
    inside = [img.getpixel((int(x), int(719 - y))) for x in range(int(button.x) + 20, int(button.x + 40))
              for y in range(int(button.y) + 20, int(button.y + 34))]
    assert sum(1 for p in inside if p[0] > 230 and p[1] > 230 and p[2] > 230) > 150  # the white stop square
    click(app, button)
    assert not app.reader.reading


def test_always_reads_each_new_line_and_a_menu_silences_it(app, heard):
    view = first_line(app)
    app.set_preferences(read_aloud="auto")
    first = view.step.line
    key(app, arcade.key.ENTER)  # what comes next is read without asking
    assert app.session.run.step().line != first
    assert heard(1) == app.window.current_view.spoken()[:1]
    key(app, arcade.key.ESCAPE)  # the pause menu: the story's voice stops, menus are not read by themselves
    assert heard.log[0].stopped and not app.reader.reading
    assert isinstance(app.window.current_view, screens.PauseView)


def test_a_scene_reads_its_title_introduction_and_what_can_be_done(app, heard):
    first_line(app)
    run = app.session.run
    while run.step().kind == "line":
        run.advance()
    app.nav.route()
    view = app.window.current_view
    assert view.step.kind == "scene"
    said = view.spoken()
    assert said[:3] == [run.scene.title, run.scene.when or "", run.scene.intro or ""]
    assert [h.label for h in run.hotspots()] == said[4:]


def test_a_question_reads_its_prompt_and_numbered_answers_then_the_verdict_in_words(app, heard):
    from game.speech import speakable
    from game.story.autoplay import explore, perform

    sign_in(app)
    run = app.session.open_chapter("occupation", restart=True)
    for action in explore(app.session.bundle("occupation")).paths[0]:
        if run.step().kind == "question" and run.step().question.kind.value == "choice":
            break
        perform(run, action)
    app.nav.route()
    view = app.window.current_view
    assert isinstance(view, questions.QuestionView)
    q = view.step.question
    said = view.spoken()
    assert q.prompt in said
    assert said[-len(q.options):] == [f"{i + 1}. {o.text}" for i, o in enumerate(q.options)]
    view.answer(next(o for o in q.options if not o.correct).id)
    said = app.window.current_view.spoken()
    verdict = app.tr("✘ Not quite.")
    assert verdict in said and speakable(verdict) == verdict.replace("✘", "").strip()


def test_settings_keep_the_pupils_choice_and_the_volume_reaches_the_voice(app, heard):
    sign_in(app)
    app.nav.open("settings")
    settings = app.window.current_view
    frame(app, "read-aloud-settings")

    def press(label):
        b = next(b for b in settings.focus.buttons if b.label == app.tr(label))
        click(app, b)

    press("Always")
    click(app, next(b for b in settings.focus.buttons if b.label == app.tr("{percent}%", percent=25)))
    assert app.session.profile.settings["read_aloud"] == "auto"
    assert app.session.profile.settings["voice_volume"] == 0.25
    app.sign_out()
    assert app.reader.mode == "asked" and app.reader.volume == 0.75  # the next pupil starts from the usual
    sign_in(app)
    assert app.reader.mode == "auto" and app.reader.volume == 0.25
    app.session.open_chapter("occupation", restart=True)
    app.nav.route()
    assert heard(1) and heard.log[0].volume == 0.25
    press_off = app.nav.open("settings")
    click(app, next(b for b in press_off.focus.buttons if b.label == app.tr("Off")))
    assert app.session.profile.settings["read_aloud"] == "off" and not app.reader.reading
    press_off.close()
    assert app.window.current_view.listen is None  # off: no speaker button, R does nothing
    key(app, arcade.key.R)
    assert not app.reader.reading


def test_without_espeak_the_button_is_gone_and_settings_say_what_to_install(app):
    app.reader = Reader(Speech(None, search=False), lambda wav, vol: None)
    view = first_line(app)
    assert view.listen is None
    key(app, arcade.key.R)  # nothing happens, nothing breaks
    app.nav.open("settings")
    shown = " ".join(t.text for t in app.window.current_view.texts)
    assert "espeak-ng" in shown
    labels = [b.label for b in app.window.current_view.focus.buttons]
    assert app.tr("Always") not in labels and app.tr("{percent}%", percent=25) not in labels
    frame(app, "read-aloud-missing")


def test_names_are_never_read_and_the_teacher_space_has_no_voice(app, heard):
    sign_in(app, "5B", "Renard")
    view = app.window.current_view
    assert isinstance(view, screens.ChapterSelectView)
    assert not any("Renard" in s for s in view.spoken())
    app.open_teacher_space()
    assert app.window.current_view.listen is None


def test_r_is_a_letter_in_the_pseudonym_field(app, heard):
    app.nav.go("sign_in")
    frame(app)
    view = app.window.current_view
    key(app, arcade.key.R)
    view.on_text("R")
    assert not app.reader.reading
    assert "R" in view.fields[view.field_index].value


def test_a_real_clip_lasts_as_long_as_the_words(app):
    from tests.test_speech import LINE, read_wav

    wav = Speech().render("fr", LINE["fr"])
    clip = PygletClip(wav, 0.5)
    assert clip.duration == pytest.approx(read_wav(wav)[2], abs=0.05)
    assert clip.player.volume == 0.5 and not clip.done()
    clip.stop()
    assert clip.player is None
    time.sleep(0.01)
