"""Rendering tests: real arcade views in a real window (Xvfb + Mesa), events in, pixels out."""

import arcade
import pytest

from game.app import App
from game.views import play, questions, screens, ui
from tests.drive import SHOTS, click, count, fill_sign_in, frame, key, near, px, sign_in

pytestmark = pytest.mark.render


def test_title_shows_focus_ring_only_after_keyboard_use(app):
    app.nav.go("title")
    img = frame(app, "title")
    play_button = app.window.current_view.focus.buttons[0]
    box = (play_button.x - 10, play_button.y - 10, play_button.x + play_button.w + 10, play_button.y + play_button.h + 10)
    assert count(img, ui.FOCUS, box, 10) == 0
    assert near(px(img, play_button.x + 5, play_button.y + 5), ui.ACCENT, 12)
    key(app, arcade.key.TAB)
    img = frame(app, "title-focus")
    second = app.window.current_view.focus.buttons[1]
    ring = (second.x - 6, second.y - 6, second.x + second.w + 6, second.y + second.h + 6)
    assert count(img, ui.FOCUS, ring, 10) > 400  # a thick orange ring around the focused button


def test_language_button_switches_every_text(app):
    app.nav.go("title")
    fr_img = frame(app)
    view = app.window.current_view
    english = next(b for b in view.focus.buttons if b.label == "English")
    click(app, english)
    assert app.prefs.language == "en"
    assert app.window.current_view.focus.buttons[0].label == "Play"
    en_img = frame(app, "title-en")
    assert fr_img.tobytes() != en_img.tobytes()
    click(app, next(b for b in app.window.current_view.focus.buttons if b.label == "Français"))
    assert app.window.current_view.focus.buttons[0].label == "Jouer"


def test_sign_in_with_keyboard_only_reaches_chapter_select(app):
    sign_in(app, "5b", "Renard")
    view = app.window.current_view
    assert isinstance(view, screens.ChapterSelectView)
    assert app.session.profile.class_code == "5B" and app.session.profile.pupil == "Renard"
    frame(app, "chapters")


def test_sign_in_refuses_empty_pseudonym_with_a_message(app):
    app.nav.go("sign_in")
    view = app.window.current_view
    for ch in "5B":
        view.on_text(ch)
    key(app, arcade.key.ENTER)
    key(app, arcade.key.ENTER)
    assert isinstance(app.window.current_view, screens.SignInView)
    assert "pseudonyme" in view.error
    frame(app, "sign-in-error")


def start_chapter(app):
    sign_in(app)
    key(app, arcade.key.ENTER)  # the focused "Commencer" button of the first chapter
    assert isinstance(app.window.current_view, play.SceneView)


def test_dialogue_text_is_revealed_then_completed_by_a_key(app):
    start_chapter(app)
    view = app.window.current_view
    assert view.step.kind == "line"
    view.on_update(0.2)  # 0.2 s at 45 characters per second
    partial = view.line_text.text
    assert 0 < len(partial) < len(view._full)
    empty_box = frame(app, "line-partial")
    key(app, arcade.key.ENTER)  # completes the line, does not skip it
    assert app.window.current_view is view and view.line_text.text == view._full
    full = frame(app, "line-full")
    box = (40, 30, ui.W - 40, 200)
    assert count(full, ui.INK, box, 40) > count(empty_box, ui.INK, box, 40)
    key(app, arcade.key.ENTER)  # now it continues
    assert app.session.run.step().kind == "scene"


def test_scene_hotspots_by_keyboard_and_by_mouse(app):
    start_chapter(app)
    key(app, arcade.key.ENTER)
    key(app, arcade.key.ENTER)
    view = app.window.current_view
    assert view.step.kind == "scene"
    img = frame(app, "scene")
    anna = view.focus.buttons[0]
    assert anna.label == "Parler à Anna"
    # the hotspot ring is drawn on the picture above its label
    assert near(px(img, *anna.spot), ui.ACCENT, 20)
    key(app, arcade.key.TAB)
    key(app, arcade.key.ENTER)  # second hotspot: the poster
    assert isinstance(app.window.current_view, play.DocumentView)
    img = frame(app, "document")
    assert near(px(img, 640, 100), (244, 236, 214), 6)  # the paper of the document
    key(app, arcade.key.ESCAPE)
    assert isinstance(app.window.current_view, play.SceneView)
    view = app.window.current_view
    click(app, view.focus.buttons[0])  # Anna, with the mouse
    assert app.session.run.step().kind == "line"
    assert app.session.run.step().line.speaker == "anna"
    frame(app, "dialogue-anna")


def advance_lines(app):
    while app.session.run.step().kind == "line":
        app.set_preferences(text_speed="instant")
        app.window.current_view.on_key_press(arcade.key.ENTER, 0)


def test_choice_then_question_with_feedback_not_told_by_colour_alone(app):
    start_chapter(app)
    advance_lines(app)
    click(app, app.window.current_view.focus.buttons[0])
    advance_lines(app)
    assert app.window.current_view.step.kind == "choices"
    frame(app, "choices")
    key(app, arcade.key.KEY_2)  # "Non, je reste."
    advance_lines(app)
    view = app.window.current_view
    assert isinstance(view, questions.QuestionView)
    frame(app, "question")
    key(app, arcade.key.KEY_2)  # "Faux": wrong
    view = app.window.current_view
    assert app.session.run.state.answers["q-vrai"].option == "faux"
    img = frame(app, "feedback")
    right, wrong = view.option_buttons
    assert right.mark == "✔" and wrong.mark == "✘"  # an icon and words, not only colour
    assert near(px(img, right.x + right.w - 10, right.y + 5), ui.RIGHT, 10)
    assert near(px(img, wrong.x + wrong.w - 10, wrong.y + 5), ui.WRONG, 10)
    assert any(t.text == "✘ Pas tout à fait." for t in view.texts)
    key(app, arcade.key.KEY_1)  # too late: the answer is final
    assert app.session.run.state.answers["q-vrai"].option == "faux"
    key(app, arcade.key.ENTER)
    assert not isinstance(app.window.current_view, questions.QuestionView)


def test_pause_menu_resume_and_settings(app):
    start_chapter(app)
    advance_lines(app)
    key(app, arcade.key.ESCAPE)
    assert isinstance(app.window.current_view, screens.PauseView)
    frame(app, "pause")
    key(app, arcade.key.KEY_3)
    assert isinstance(app.window.current_view, screens.SettingsView)
    frame(app, "settings")
    english = next(b for b in app.window.current_view.focus.buttons if b.label == "English")
    click(app, english)
    assert app.session.profile.locale == "en"
    key(app, arcade.key.ESCAPE)
    key(app, arcade.key.KEY_1)
    view = app.window.current_view
    assert isinstance(view, play.SceneView)
    assert view.focus.buttons[-1].label == "Menu (Esc)"


def test_summary_after_the_last_question(app, mini_content):
    from tests.test_runtime import play_to_end

    sign_in(app)
    play_to_end(app.session.open_chapter("mini"))
    app.nav.route()
    assert isinstance(app.window.current_view, screens.SummaryView)
    frame(app, "summary")
    texts = [t.text for t in app.window.current_view.texts]
    assert "3 bonnes réponses sur 5" in texts
    key(app, arcade.key.ENTER)
    assert isinstance(app.window.current_view, screens.ChapterSelectView)
    assert app.session.chapters()[0].status == "done"


def test_resizing_keeps_the_layout(app):
    app.nav.go("title")
    app.window.set_size(1000, 720)
    app.window.dispatch_events()
    app.window.current_view.on_resize(1000, 720)
    app.window.current_view.on_draw()
    img = arcade.get_image(0, 0, *app.window.get_framebuffer_size()).convert("RGB")
    img.save(SHOTS / "resized.png")
    w, h = img.size
    assert (w, h) == (1000, 720)
    # letterbox bands above and below, the 16:9 stage in between
    band = round((720 - 1000 * 9 / 16) / 2)
    assert img.getpixel((500, 5)) == (0, 0, 0) and img.getpixel((500, 714)) == (0, 0, 0)
    assert img.getpixel((500, band + 2)) != (0, 0, 0) and img.getpixel((500, 720 - band - 3)) != (0, 0, 0)
    # a click in window pixels lands on the scaled button
    play_button = app.window.current_view.focus.buttons[0]
    s = 1000 / 1280
    app.window.current_view.on_mouse_press((play_button.x + 10) * s, band + (play_button.y + 10) * s, 1, 0)
    assert isinstance(app.window.current_view, screens.SignInView)
    app.window.set_size(1280, 720)
    app.stage.fit(1280, 720)


def test_content_error_panel_instead_of_a_crash(window, tmp_path, mini_root):
    from game.content.loader import check_content

    (mini_root / "levels" / "01_mini.yaml").write_text("id: [\n", encoding="utf-8")
    _, problems = check_content(mini_root)
    a = App(window, None, tmp_path, "fr", problems)
    a.nav.go("title")
    assert isinstance(window.current_view, screens.ErrorView)
    frame(a, "content-error")
    assert any("levels/01_mini.yaml:" in t.text for t in window.current_view.texts)


def test_folder_lists_received_documents_and_reopens_them(app):
    start_chapter(app)
    advance_lines(app)
    key(app, arcade.key.TAB)
    key(app, arcade.key.ENTER)  # the poster: opened and put in the folder
    key(app, arcade.key.ENTER)  # close it
    key(app, arcade.key.D)
    view = app.window.current_view
    assert isinstance(view, play.FolderView)
    frame(app, "folder")
    poster = view.focus.buttons[0]
    assert poster.label == "Une affiche" and poster.mark == "✔"  # read already: a tick, not only a colour
    key(app, arcade.key.ENTER)
    assert isinstance(app.window.current_view, play.DocumentView)
    assert app.session.run.state.reading == "affiche"


def sign_in_with_keys(a, code, name):
    a.nav.go("title")
    key(a, arcade.key.ENTER)  # Jouer
    fill_sign_in(a, code, name)
    assert isinstance(a.window.current_view, screens.ChapterSelectView)


@pytest.mark.parametrize("root, chapter", [("mini", "mini"), ("real", "occupation"), ("real", "fortitude"),
                                           ("real", "v-sites"), ("real", "liberation")])
def test_every_branch_can_be_played_with_the_keyboard_only(window, tmp_path, root, chapter):
    """Playthroughs the bot found, driven by key presses only on the real views, to the summary: every branch
    of the test chapter, and the first playthrough of each real chapter (the bot covers their other branches)."""
    from game.content.loader import load_content
    from game.story.autoplay import explore
    from tests.conftest import MINI
    from tests.keyboard import play_path_with_keys

    content = load_content(MINI if root == "mini" else None)
    a = App(window, content, tmp_path, "fr")
    a.stage.fit(1280, 720)
    a.set_preferences(text_speed="instant")
    sign_in_with_keys(a, "5B", "Clavier")
    if chapter not in content.chapters:
        pytest.skip(f"chapter {chapter} is not installed")
    paths = explore(content.chapters[chapter]).paths
    if root == "real":
        paths = paths[:1]
    for n, path in enumerate(paths):
        chapters = a.window.current_view
        index = [b.id for b in content.ordered()].index(chapter)
        plays = [i for i, b in enumerate(chapters.focus.buttons) if b.label in ("Commencer", "Continuer", "Rejouer")]
        chapters.focus.index = plays[index]  # the chapter's button (Tab would reach it too)
        key(a, arcade.key.ENTER)
        play_path_with_keys(a, path)
        assert isinstance(window.current_view, screens.SummaryView), path
        assert a.session.run.state.completed
        key(a, arcade.key.ENTER)  # back to the chapters
    answered = a.session.store.outcomes("5B", pupil="Clavier")
    assert len(answered) == len(paths) * len(content.chapters[chapter].questions)
    a.session.close()


def test_teacher_space_needs_the_pin_and_shows_the_class(app, tmp_path):
    from game.views import teacher
    from tests.test_report import fill
    from game.records import Records

    fill(Records(tmp_path))
    app.nav.go("title")
    click(app, next(b for b in app.window.current_view.focus.buttons if b.label == "Espace enseignant"))
    view = app.window.current_view
    assert isinstance(view, teacher.PinView)
    for d in "4821":
        key(app, arcade.key.KEY_0 + int(d))
    key(app, arcade.key.ENTER)
    for d in "4821":  # confirm with the on-screen keypad (mouse only)
        click(app, next(b for b in app.window.current_view.focus.buttons if b.label == d))
    click(app, next(b for b in app.window.current_view.focus.buttons if b.label == "OK"))
    home = app.window.current_view
    assert isinstance(home, teacher.TeacherHomeView)
    frame(app, "teacher-home")
    key(app, arcade.key.ESCAPE)
    # a pupil at the keyboard cannot get in without the PIN, and guessing locks the space
    click(app, next(b for b in app.window.current_view.focus.buttons if b.label == "Espace enseignant"))
    for guess in ("0000", "1111", "2222", "3333", "4444"):
        for d in guess:
            key(app, arcade.key.KEY_0 + int(d))
        key(app, arcade.key.ENTER)
    view = app.window.current_view
    assert isinstance(view, teacher.PinView) and "verrouillé" in view.message
    frame(app, "teacher-locked")
    assert not any(b.enabled for b in view.focus.buttons if b.label == "OK")


def test_teacher_dashboard_pages(app, tmp_path):
    from game.views import teacher
    from teacher_mode.access import TeacherAccess
    from tests.test_report import fill
    from game.records import Records

    fill(Records(tmp_path))
    TeacherAccess(tmp_path).set_pin("4821")
    app.nav.show(teacher.TeacherHomeView(app))
    key(app, arcade.key.ENTER)  # first class: 5B
    view = app.window.current_view
    assert isinstance(view, teacher.ClassView) and view.code == "5B"
    img = frame(app, "teacher-class")
    texts = [t.text for t in view.texts]
    assert "✔ 3/5" in texts and "◐ 1/5" in texts  # Alice done 3/5, Bruno in progress
    click(app, next(b for b in view.focus.buttons if b.label == "À discuter en classe"))
    q = app.window.current_view
    assert isinstance(q, teacher.QuestionsView)
    frame(app, "teacher-questions")
    assert q.items[0].id == "q-vrai"
    assert any("« Faux » (2)" in t.text for t in q.texts)
    key(app, arcade.key.ENTER)  # "All answers" of the first question
    answers = app.window.current_view
    assert isinstance(answers, teacher.AnswersView)
    frame(app, "teacher-answers")
    texts = [t.text for t in answers.texts]
    assert "2 (100 %)" in texts and "0 (0 %)" in texts and any(t.startswith("✔ bonne réponse · Vrai") for t in texts)
    key(app, arcade.key.ESCAPE)
    key(app, arcade.key.ESCAPE)
    click(app, next(b for b in app.window.current_view.focus.buttons if b.label == "Objectifs"))
    frame(app, "teacher-objectives")
    key(app, arcade.key.ESCAPE)
    click(app, next(b for b in app.window.current_view.focus.buttons if b.label == "Alice"))
    pupil = app.window.current_view
    assert isinstance(pupil, teacher.PupilView)
    frame(app, "teacher-pupil")
    erase = pupil.focus.buttons[1]
    click(app, erase)
    click(app, app.window.current_view.focus.buttons[1])  # confirm
    assert isinstance(app.window.current_view, teacher.ClassView)
    assert app.window.current_view.report.pupils == ["Bruno"]
    assert img is not None


def test_preview_opens_at_a_node_and_f5_reloads_keeping_the_position(window, tmp_path, mini_root):
    from game.content.loader import load_content

    a = App(window, load_content(mini_root), tmp_path, "fr")
    a.root = mini_root
    a.stage.fit(1280, 720)
    a.set_preferences(text_speed="instant")
    a.start_preview(chapter="mini", scene="mine", node="paul-debut")
    view = window.current_view
    assert isinstance(view, play.SceneView) and view.step.line.text == "La grève a commencé."
    assert a.session.profile.class_code == "PREVIEW"
    dialogue = mini_root / "dialogue" / "01_mini.yaml"
    dialogue.write_text(dialogue.read_text(encoding="utf-8").replace("La grève a commencé.", "La grève commence !"),
                        encoding="utf-8")
    key(a, arcade.key.F5)
    assert window.current_view.step.line.text == "La grève commence !"  # same place, new words
    good = dialogue.read_text(encoding="utf-8")
    dialogue.write_text(good.replace("  - id: fin\n", "  - id: fin\n    nxt: paul-debut\n"), encoding="utf-8")
    key(a, arcade.key.F5)
    assert isinstance(window.current_view, screens.ErrorView)  # a readable panel, not a crash
    frame(a, "preview-error")
    assert any("dialogue/01_mini.yaml:" in t.text and '"nxt"' in t.text for t in window.current_view.texts)
    dialogue.write_text(good, encoding="utf-8")
    key(a, arcade.key.F5)
    assert window.current_view.step.line.text == "La grève commence !"
    a.session.close()


def test_a_fifth_chapter_gets_a_second_page_of_cards(window, tmp_path):
    from game.content.loader import load_content
    from tests.test_open_world import drop_in

    content = load_content(drop_in(tmp_path))
    a = App(window, content, tmp_path / "data", "fr")
    a.stage.fit(1280, 720)
    a.sign_in("5B", "Renard")
    view = window.current_view
    assert len(view._cards) == 4
    click(a, next(b for b in view.focus.buttons if b.label == "Suite"))
    assert len(view._cards) == 1
    frame(a, "chapters-page-2")
    assert any(t.text == "5. Un petit chapitre" for t in view.texts)
    a.session.close()


def test_lrs_settings_in_the_teacher_space(app, tmp_path):
    from game.views import teacher
    from teacher_mode.lrs import load_config

    app.nav.show(teacher.LrsView(app))
    view = app.window.current_view
    for ch in "http://127.0.0.1:9":
        view.on_text(ch)
    key(app, arcade.key.ENTER)
    for ch in "prof":
        view.on_text(ch)
    key(app, arcade.key.ENTER)
    for ch in "s3cret":
        view.on_text(ch)
    key(app, arcade.key.TAB)  # from the last field to the buttons: "Save and test" has the focus
    key(app, arcade.key.ENTER)
    assert load_config(tmp_path).url == "http://127.0.0.1:9" and load_config(tmp_path).password == "s3cret"
    import time

    deadline = time.monotonic() + 20
    while view.busy and time.monotonic() < deadline:  # the LRS is asked on a thread; its answer comes in on_update
        view.on_update(1 / 60)
        time.sleep(0.02)
    assert "ne répond pas" in view.status
    frame(app, "teacher-lrs")
    view.fields[2]._text = None
    view.on_draw()
    assert all("s3cret" not in (f._text.text if f._text else "") for f in view.fields)  # never shown
