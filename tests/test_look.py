"""Display settings measured on rendered pixels: text size, reflow, typeface, line spacing, contrast."""
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import arcade
import pytest

from game.app import App
from game.views import play, screens, ui
from tests.drive import click, first_line, frame, key, sign_in

pytestmark = pytest.mark.render

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def app(story_app):
    return story_app


def dark_rows(img, box, threshold=110):
    """Rows (from the top) of `box` (left, bottom, right, top in stage pixels) holding dark text pixels."""
    left, bottom, right, top = box
    crop = img.crop((left, 720 - top, right, 720 - bottom)).convert("L")
    w, h = crop.size
    data = crop.load()
    return [y for y in range(h) if any(data[x, y] < threshold for x in range(w))]


def first_text_line_height(img, box):
    rows = dark_rows(img, box)
    assert rows, "no text drawn in the box"
    height = 1
    while rows[0] + height in rows:
        height += 1
    return height


def line_box(view):
    """The area of the dialogue text (right of the portrait), in stage pixels."""
    bx, by, bw, bh = view.box
    return (bx + 215, by + 40, bx + bw - 30, view.line_text.y + 2)  # the text is anchored by its top


def test_text_size_makes_the_dialogue_glyphs_half_as_big_again(app):
    view = first_line(app)
    normal = first_text_line_height(frame(app, "look-100"), line_box(view))
    app.set_preferences(size="larger")
    view.rebuild()
    larger = first_text_line_height(frame(app, "look-150"), line_box(view))
    assert 1.35 <= larger / normal <= 1.65, (normal, larger)
    assert normal >= 18  # 20 pt DejaVu: capitals and descenders span at least 18 pixels


def test_a_long_line_is_cut_into_pages_that_fit_instead_of_shrinking(app):
    view = first_line(app, size="larger", spacing="wide")
    full = app.session.run.step().line.text
    assert len(view.line_pages) >= 2, "the first line of the chapter is long enough to need two pages at 150 %"
    assert " ".join(view.line_pages) == full  # nothing lost, nothing repeated
    bx, by, bw, bh = view.box
    seen = []
    for _ in view.line_pages:
        assert app.session.run.step().line.text == full  # the story waits until the last page is read
        seen.append(view.line_text.text)
        assert view.line_text.font_size == pytest.approx(20 * 1.5)  # never shrunk below the chosen size
        assert view.line_text.content_height <= bh - 56 - 34  # fits above the "Enter" hint
        key(app, arcade.key.ENTER)
    assert seen == view.line_pages
    assert app.session.run.step().kind != "line" or app.session.run.step().line.text != full


def test_wide_line_spacing_adds_half_a_line_between_lines(app):
    view = first_line(app)
    normal = view.line_text.content_height / len(view.line_text._label._get_lines())
    app.set_preferences(spacing="wide")
    view.rebuild()
    lines = len(view.line_text._label._get_lines())
    assert lines >= 2
    wide = (view.line_text.content_height - normal) / (lines - 1)  # from one baseline to the next
    # WCAG 1.4.12: at least 1.5 x the font size from one line to the next
    assert wide >= 1.5 * 20 * 96 / 72 and wide > normal * 1.3, (normal, wide)


def text_and_background(img, box):
    """The commonest colour of the box (its background) and the colour of its text (the one furthest from it)."""
    left, bottom, right, top = box
    pixels = list(img.crop((left, 720 - top, right, 720 - bottom)).getdata())
    background = Counter(pixels).most_common(1)[0][0]
    ink = max(pixels, key=lambda p: ui.contrast_ratio(p, background))
    return ink, background


@pytest.mark.parametrize("contrast, minimum", [("standard", 4.5), ("high", 7.0)])
def test_contrast_of_rendered_text(app, contrast, minimum):
    view = first_line(app, contrast=contrast)
    img = frame(app, f"look-contrast-{contrast}")
    bx, by, bw, bh = view.box
    regions = {
        "dialogue line": line_box(view),
        "speaker's role": (bx + 330, by + bh - 45, bx + 700, by + bh - 16),
        "Enter hint": (bx + bw - 130, by + 14, bx + bw - 20, by + 40),
    }
    app.nav.open("settings")
    settings = frame(app, f"look-settings-{contrast}")
    back = app.window.current_view.focus.buttons[-1]
    for name, box in regions.items():
        ink, paper = text_and_background(img, box)
        assert ui.contrast_ratio(ink, paper) >= minimum, (name, ink, paper)
    ink, paper = text_and_background(settings, (back.x + 2, back.y + 2, back.x + back.w - 2, back.y + back.h - 2))
    assert ui.contrast_ratio(ink, paper) >= minimum, ("Back button", ink, paper)


def test_every_palette_pair_meets_its_contrast_target():
    pairs = [("INK", "PAPER"), ("MUTED", "PAPER"), ("ACCENT", "PAPER"), ("WHITE", "NIGHT"), ("LIGHT_MUTED", "NIGHT"),
             ("WHITE", "NIGHT_2"), ("WHITE", "ACCENT"), ("LIGHT_MUTED", "NIGHT_2"),
             ("WHITE", "RIGHT"), ("WHITE", "WRONG"), ("RIGHT", "PAPER"), ("WRONG", "PAPER")]  # feedback
    for palette, minimum in ((ui.STANDARD, 4.5), (ui.HIGH_CONTRAST, 7.0)):
        for fg, bg in pairs:
            assert ui.contrast_ratio(palette[fg], palette[bg]) >= minimum, (fg, bg, minimum)


def test_focused_and_hovered_buttons_keep_their_label_contrast():
    for look, minimum in ((ui.Look(), 4.5), (ui.Look(contrast="high"), 7.0)):
        ui.set_look(look)
        for name in ("NIGHT_2", "ACCENT", "RIGHT", "WRONG"):
            b = ui.Button("x", 0, 0, 10, 10, lambda: None, fill=getattr(ui, name))
            for state in ((True, False), (False, True), (False, False)):
                assert ui.contrast_ratio(ui.WHITE, b.shown_fill(*state)) >= minimum, (look.contrast, name, state)
    ui.set_look(ui.Look())


def test_opendyslexic_changes_the_letters_but_not_the_symbols(app):
    view = first_line(app)
    box = line_box(view)
    standard = frame(app).crop((box[0], 720 - box[3], box[2], 720 - box[1]))
    app.set_preferences(font="dyslexia")
    view.rebuild()
    assert view.line_text.font_name == "OpenDyslexic"
    dyslexic = frame(app, "look-opendyslexic").crop((box[0], 720 - box[3], box[2], 720 - box[1]))
    assert standard.tobytes() != dyslexic.tobytes()

    # Symbols OpenDyslexic lacks are drawn with DejaVu Sans: the same pixels as in the standard look.
    from PIL import ImageChops

    def symbol(ch, font):
        app.set_preferences(font=font)
        t = ui.text(ch, 100, 300, size=30, color=ui.WHITE)
        app.window.clear(color=(0, 0, 0, 255))
        with app.stage.camera.activate():
            t.draw()
        img = arcade.get_image(80, 200, 120, 140).convert("L")
        return img.crop(img.getbbox())  # the drawn shape, wherever the line's height puts it

    for ch in "✔✘▼●★⚠":
        dys, std = symbol(ch, "dyslexia"), symbol(ch, "standard")
        assert dys.size == std.size, ch  # not the font's empty box
        assert max(ImageChops.difference(dys, std).getdata()) < 64, ch
    # ...and in a text that mixes both, only the symbol changes typeface
    app.set_preferences(font="dyslexia")
    doc = ui.text("✔ Bonne réponse", 0, 0, size=20)._label.document
    assert doc.get_style("font_name", 0) == "DejaVu Sans"
    assert doc.get_style("font_name", 2) == doc.get_style("font_name", 14) == "OpenDyslexic"


@pytest.mark.skipif(shutil.which("fc-query") is None, reason="fontconfig's fc-query is not installed")
def test_the_list_of_characters_opendyslexic_draws_matches_the_font():
    out = subprocess.run(["fc-query", "--format=%{charset}", str(ui.ASSETS / "fonts" / "OpenDyslexic-Regular.otf")],
                         capture_output=True, text=True, check=True).stdout
    ranges = []
    for part in out.split():
        a, _, b = part.partition("-")
        ranges.append((int(a, 16), int(b or a, 16)))
    assert tuple(ranges) == ui.OPENDYSLEXIC_RANGES


def test_settings_by_keyboard_are_kept_with_the_pupil(app, window, content, tmp_path):
    sign_in(app)
    app.nav.open("settings")
    view = app.window.current_view
    target = next(i for i, b in enumerate(view.focus.buttons) if b.label == "150\xa0%")
    for _ in range(target):
        key(app, arcade.key.TAB)
    key(app, arcade.key.ENTER)
    dys = next(i for i, b in enumerate(view.focus.buttons) if b.label == "OpenDyslexic")
    for _ in range(dys - target):
        key(app, arcade.key.TAB)
    key(app, arcade.key.ENTER)
    assert (ui.SCALE, ui.FONT) == (1.5, "OpenDyslexic")
    assert view.focus.current.label == "OpenDyslexic" and view.focus.current.mark == "●"
    app.sign_out()

    again = App(window, content, tmp_path, "fr")  # next lesson: a new start of the game
    assert (ui.SCALE, ui.FONT) == (1.0, "DejaVu Sans")
    sign_in(again)
    assert (again.prefs.size, again.prefs.font) == ("larger", "dyslexia")
    assert (ui.SCALE, ui.FONT) == (1.5, "OpenDyslexic")
    again.session.close()
    again.session = None


def test_a_look_chosen_before_signing_in_is_kept_for_a_new_pupil(app):
    app.nav.go("title")
    title = app.window.current_view
    settings = next(b for b in title.focus.buttons if b.label == "Réglages")
    settings.action()
    assert isinstance(app.window.current_view, screens.SettingsView)
    high = next(b for b in app.window.current_view.focus.buttons if b.label == "Élevé")
    high.action()
    assert ui.NIGHT == ui.HIGH_CONTRAST["NIGHT"]
    sign_in(app, name="Nouveau")
    assert app.session.profile.settings["contrast"] == "high"
    assert app.prefs.contrast == "high"


def test_a_long_explanation_at_the_largest_size_is_read_page_by_page(app):
    from game.views.questions import QuestionView

    first_line(app, "fortitude", size="larger", font="dyslexia", spacing="wide")
    run = app.session.run
    q = next(q for q in run.bundle.questions.values() if q.kind.value == "choice")
    explanation = q.explanation
    # a long explanation (about 100 words), as an author may write one
    q.explanation = ("Les Alliés ont trompé les Allemands pendant des mois avec de faux chars, de faux messages "
                     "radio et un agent double. ") * 5
    try:
        run._ask(q.id)  # open the question directly, as the story does when the pupil gets there
        app.nav.route()
        assert isinstance(app.window.current_view, QuestionView)
        key(app, arcade.key.KEY_1)  # answer with the first option
        view = app.window.current_view
        pages = view.feedback_pages
        assert len(pages) >= 2
        shown = []
        for n in range(len(pages)):
            frame(app, f"look-feedback-page-{n}")
            text = view.texts[-1]
            shown.append(text.text)
            assert text.font_size == pytest.approx(18 * 1.5)  # read at the chosen size, not shrunk
            assert text.y - text.content_height >= 90  # above the button
            assert app.session.run.step().kind == "feedback"  # the story waits until the last page is read
            key(app, arcade.key.ENTER)
    finally:
        q.explanation = explanation
    assert " ".join(" ".join(shown).split()) == " ".join(" ".join(pages).split())
    assert app.session.run.state.question is None or app.session.run.state.question.id != q.id


def layout_problems(view) -> list[str]:
    """Texts and buttons that leave the screen or cover one another (more than 4 pixels each way)."""
    boxes = [(f"text {t.text[:40]!r}", t.left, t.bottom, t.right, t.top) for t in view.texts if t.text.strip()]
    boxes += [(f"button {b.label[:40]!r}", b.x, b.y, b.x + b.w, b.y + b.h) for b in view.focus.buttons]
    if view.listen is not None:  # the speaker button (reading aloud) has its own place on every screen
        b = view.listen
        boxes.append(("the speaker button", b.x, b.y, b.x + b.w, b.y + b.h))
    problems = []
    for i, (name, left, bottom, right, top) in enumerate(boxes):
        if left < -1 or bottom < -1 or right > ui.W + 1 or top > ui.H + 1:
            problems.append(f"{name} leaves the screen ({left:.0f}, {bottom:.0f}, {right:.0f}, {top:.0f})")
        for name2, left2, bottom2, right2, top2 in boxes[i + 1:]:
            if min(right, right2) - max(left, left2) > 4 and min(top, top2) - max(bottom, bottom2) > 4:
                problems.append(f"{name} covers {name2}")
    for t in view.texts:  # a word longer than its text's width runs out of it
        if t.multiline and t.width and t.content_width > t.width + 2:
            problems.append(f"text {t.text[:40]!r} is wider than its box ({t.content_width:.0f} > {t.width})")
    for b in view.focus.buttons:
        label = b.label_text()
        if label.content_width > b.w - 19 or label.content_height > b.h + 1:
            problems.append(f"the label of button {b.label[:40]!r} overflows it")
    return problems


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_at_the_largest_look_nothing_overlaps_on_any_screen_of_any_chapter(app, content, tmp_path, lang):
    """150 % text, OpenDyslexic and wide spacing, on every screen a pupil meets in a playthrough of each chapter
    (German has the longest words and sentences)."""
    from game.session import PupilSession
    from game.story.autoplay import explore, perform

    app.set_preferences(size="larger", font="dyslexia", spacing="wide")
    problems, screens_seen = [], 0
    for bundle in content.ordered():
        session = PupilSession(content, tmp_path / lang, "LOOK", "Moi", lang)
        path = explore(session.bundle(bundle.id)).paths[0]
        run = session.open_chapter(bundle.id, restart=True)
        app.session, app.tr = session, session.tr
        for n, action in enumerate([None, *path]):
            if action is not None:
                perform(run, action)
            view = app.nav.view_for_step()
            view.rebuild(keep_focus=False)
            screens_seen += 1
            problems += [f"{bundle.id} screen {n} ({run.step().kind}): {p}" for p in layout_problems(view)]
        session.close()
        app.session = None
    assert screens_seen > 400
    assert problems == []


def test_the_story_so_far_and_the_objectives_at_any_time(app, content):
    view = first_line(app, "liberation")
    run = app.session.run
    while run.step().kind == "line":
        run.advance()
    app.nav.route()
    before = run.step().kind
    key(app, arcade.key.ESCAPE)
    key(app, arcade.key.KEY_2)  # "The story so far"
    story = app.window.current_view
    assert isinstance(story, screens.StorySoFarView)
    frame(app, "look-story-so-far")
    shown = story.texts[-1].text
    for _ in range(story.pages - 1):  # every page, by keyboard: Tab to "Next", Enter
        story.focus.index = len(story.focus.buttons) - 1
        key(app, arcade.key.ENTER)
        shown += "\n" + story.texts[-1].text
    chapter = run.bundle.chapter
    scene = next(s for s in chapter.scenes if s.id == run.state.scene)
    shown = " ".join(shown.split())
    assert scene.title in shown and scene.when in shown
    assert all(" ".join(o.text.split()) in shown for o in chapter.objectives)
    key(app, arcade.key.ESCAPE)
    assert isinstance(app.window.current_view, screens.PauseView)
    key(app, arcade.key.KEY_1)
    assert isinstance(app.window.current_view, play.SceneView) and app.session.run.step().kind == before
    assert view is not app.window.current_view  # a fresh scene view, built again after the pause


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_at_the_largest_look_the_menus_do_not_overlap_either(app, content, lang):
    app.set_preferences(language=lang)
    app.set_preferences(size="larger", font="dyslexia", spacing="wide", contrast="high")
    sign_in(app)
    app.session.open_chapter("fortitude", restart=True)
    run = app.session.run
    while run.step().kind == "line":
        run.advance()
    for _ in range(3):  # a few places seen, for a longer story so far
        go = next((h for h in run.hotspots() if h.action[0] == "go"), None)
        if go is None:
            break
        run.use(go.id)
        while run.step().kind == "line":
            run.advance()
    from game.views.keys import KeysView

    views = [screens.TitleView(app), screens.SignInView(app), screens.ChapterSelectView(app),
             screens.PauseView(app), screens.SettingsView(app), KeysView(app)]
    story = screens.StorySoFarView(app)
    story.rebuild()
    for page in range(story.pages):
        story.page = page
        story.rebuild()
        assert layout_problems(story) == [], (lang, "story so far", page)
    for view in views:
        view.rebuild(keep_focus=False)
        assert layout_problems(view) == [], (lang, type(view).__name__)


def sign_in_by_clicks(app, code, name):
    """From the title screen to the chapters with clicks only: Play, then the on-screen keyboard."""

    app.nav.go("title")
    frame(app)
    click(app, next(b for b in app.window.current_view.focus.buttons if b.label == app.tr("Play")))
    view = app.window.current_view
    assert isinstance(view, screens.SignInView)
    frame(app)
    press = {}

    def refresh():
        press.clear()
        press.update({b.label: b for b in view.focus.buttons})

    refresh()
    click(app, press[app.tr("On-screen keyboard")])
    refresh()
    for ch in code:
        click(app, press[ch])
    field = view.fields[1]  # a click in the pseudonym field
    view.on_mouse_press(field.x + 20, field.y + 30, arcade.MOUSE_BUTTON_LEFT, 0)
    for ch in name.upper() + "X":
        click(app, press[ch])
    click(app, press["⌫"])
    return view, press


def test_signing_in_with_the_mouse_only(app):
    """The on-screen keyboard: a pupil who cannot use a keyboard signs in and reaches the chapters by clicks."""

    view, press = sign_in_by_clicks(app, "5B", "Renar")
    click(app, press["D"])
    frame(app, "look-on-screen-keyboard")
    assert (view.fields[0].value, view.fields[1].value) == ("5B", "Renard")
    assert layout_problems(view) == []
    click(app, press["Continuer"])
    assert isinstance(app.window.current_view, screens.ChapterSelectView)
    assert (app.session.profile.class_code, app.session.profile.pupil) == ("5B", "Renard")


@pytest.mark.parametrize("chapter, look", [
    ("occupation", {}),
    ("fortitude", {"size": "larger", "font": "dyslexia"}),
    ("v-sites", {"size": "larger", "font": "dyslexia", "spacing": "wide", "contrast": "high"}),
    ("liberation", {"size": "large"}),
])
def test_a_whole_chapter_with_the_mouse_only(app, content, chapter, look):
    """A pupil who cannot use a keyboard: sign-in, chapter choice and a whole chapter to its summary by left clicks
    only (every line, scene, document, question kind and mini-game), in the standard and in the largest looks."""
    from game.story.autoplay import explore
    from tests.mouse import play_path_with_clicks

    app.set_preferences(**look)
    view, press = sign_in_by_clicks(app, "6C", "Souris")
    click(app, press[app.tr("Continue")])
    chapters = app.window.current_view
    assert isinstance(chapters, screens.ChapterSelectView)
    ids = [st.bundle.id for st in app.session.chapters()]
    while ids.index(chapter) // chapters.PER_PAGE != chapters.page:  # "Next" until its card shows
        click(app, next(b for b in chapters.focus.buttons if b.label == app.tr("Next")))
        frame(app)
    start = [b for b in chapters.focus.buttons if b.label == app.tr("Start")]
    index = ids.index(chapter) % chapters.PER_PAGE
    click(app, start[index])
    assert app.session.run.bundle.id == chapter
    path = explore(content.chapters[chapter]).paths[0]
    clicks = play_path_with_clicks(app, path)
    frame(app, f"mouse-only-{chapter}-summary")
    assert isinstance(app.window.current_view, screens.SummaryView)
    assert app.session.run.state.completed
    assert not app.show_focus  # no key was ever pressed
    answered = app.session.store.outcomes("6C", pupil="Souris")
    assert len(answered) == len(content.chapters[chapter].questions)
    assert clicks >= len(path)


def test_a_pupil_gives_confirm_a_key_of_their_own(app, window, content, tmp_path):
    from game.views.keys import KeysView

    sign_in(app)
    app.nav.open("settings")
    settings = app.window.current_view
    next(b for b in settings.focus.buttons if b.label == "Touches…").action()
    keys = app.window.current_view
    assert isinstance(keys, KeysView)
    keys.focus.buttons[0].action()  # "Confirm / continue": change
    key(app, arcade.key.D)  # the folder's key: refused with a sentence
    assert "déjà" in keys.message and "confirm" not in app.prefs.keys
    keys.focus.buttons[0].action()
    key(app, arcade.key.J)
    assert app.prefs.keys == {"confirm": arcade.key.J}
    assert keys.focus.buttons[0].label == "Ta touche : J"
    frame(app, "look-keys")
    assert layout_problems(keys) == []

    app.session.open_chapter("occupation", restart=True)  # J now does what Enter does
    app.nav.route()
    view = app.window.current_view
    first = app.session.run.step().line.text
    key(app, arcade.key.J)  # completes the line...
    key(app, arcade.key.J)  # ...then goes on
    assert app.session.run.step().kind != "line" or app.session.run.step().line.text != first
    app.sign_out()
    assert app.prefs.keys == {}  # the next pupil on this computer starts from the usual keys

    again = App(window, content, tmp_path, "fr")
    again.nav.go("sign_in")
    form = again.window.current_view
    frame(again)
    form.on_key_press(arcade.key.J, 0)  # in a text field a letter stays a letter
    form.on_text("5")
    form.on_text("B")
    assert form.fields[0].value == "5B"
    sign_in(again)
    assert again.prefs.keys == {"confirm": arcade.key.J}  # kept with the pupil
    again.session.close()
    again.session = None
    del view


def test_the_focus_never_rests_on_a_button_that_cannot_be_pressed(app):
    """A paged screen opens on its first page: Enter must not land on the greyed "Previous"."""
    focus = ui.Focus()
    prev = ui.Button("Previous", 0, 0, 10, 10, lambda: None, enabled=False)
    nxt = ui.Button("Next", 20, 0, 10, 10, lambda: None)
    focus.set([prev, nxt])
    assert focus.current is nxt
    story = screens.StorySoFarView(app)
    sign_in(app)
    app.session.open_chapter("liberation", restart=True)
    app.set_preferences(size="larger")
    story.rebuild(keep_focus=False)
    assert story.pages > 1
    story.focus.index = next(i for i, b in enumerate(story.focus.buttons) if b.label == app.tr("Next"))
    for _ in range(story.pages - 1):  # "Next" pressed again and again keeps the focus on it
        story.focus.current.action()
    assert story.page == story.pages - 1
    assert story.focus.current.enabled  # "Next" is greyed on the last page: the focus has moved on


@pytest.mark.parametrize("lang, size", [("fr", "larger"), ("de", "larger"), ("fr", "normal"), ("de", "normal")])
def test_an_answered_order_question_keeps_its_rows_apart(app, content, tmp_path, lang, size):
    """Issue 15 reports an order question's answers drawn on top of each other after answering. Every order
    question of the content, answered wrong (each row then carries its mark and its date), at the normal and the
    largest look: no text covers another. (Not reproduced on this branch: this test passed before any change.)"""
    from game.session import PupilSession
    from game.story.state import QuestionState

    if size == "larger":
        app.set_preferences(size="larger", font="dyslexia", spacing="wide")
    problems, seen = [], 0
    for bundle in content.ordered():
        for q in bundle.questions.values():
            if q.kind.value != "order":
                continue
            session = PupilSession(content, tmp_path / lang, "LOOK", "Moi", lang)
            run = session.open_chapter(bundle.id, restart=True)
            app.session, app.tr = session, session.tr
            run.state.question = QuestionState(id=q.id, shown_at="2026-03-02T09:00:00+00:00")
            run.answer(",".join(reversed([o.id for o in q.options])))
            view = app.nav.view_for_step()
            view.rebuild(keep_focus=False)
            seen += 1
            problems += [f"{bundle.id} {q.id}: {p}" for p in layout_problems(view)]
            session.close()
            app.session = None
    assert seen >= 1
    assert problems == []
