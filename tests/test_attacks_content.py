"""The project's own attacks on the content reader: one test per class of attack (issue 17), each over its cases.

Every file is made in tmp_path by tests/attacks.py. A read that could hang or fill the memory if the bound
regressed runs in a subprocess with an address-space limit and a timeout, so a regression fails in seconds
instead of eating the machine.
"""
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import check_content
from game.content.pictures import MAX_SIDE, picture_problem
from tests import attacks
from tests.display import NO_DISPLAY, has_display

ROOT = Path(__file__).resolve().parents[1]
MEMORY = 700 * 2**20  # address space for a child: the loader needs about 250 MB of it
GL_MEMORY = 2 * 2**30  # with a window: Mesa's software renderer reserves much more (under 700 MB it may crash)
TIMEOUT = 30


def bounded(code: str, *args: str, env: dict | None = None, memory: int = MEMORY) -> subprocess.CompletedProcess:
    """Run `code` in a child python limited to `memory` bytes and TIMEOUT seconds (a regression fails, fast)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    try:
        return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=TIMEOUT, preexec_fn=limit, env=dict(os.environ, **(env or {})))
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {TIMEOUT} s: the read is not bounded")


CHECK = """
import json, sys
from game.content.loader import check_content
content, problems = check_content(sys.argv[1])
print(json.dumps([p.as_dict() for p in problems]))
"""


def errors_in(problems, file):
    return [p for p in problems if p["severity"] == "error" and p["file"] == file]


# -- 1. files: devices, FIFOs, folders, size, alias bombs, depth ------------------------------------------------
@pytest.mark.process
@pytest.mark.parametrize("case", sorted(attacks.YAML_ATTACKS))
def test_any_content_file_is_read_in_bounded_memory_and_time_and_answered_with_a_sentence(tmp_path, case):
    root = attacks.mini_copy(tmp_path / "content")
    file = attacks.YAML_ATTACKS[case](root)
    done = bounded(CHECK, str(root))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    problems = json.loads(done.stdout)
    found = errors_in(problems, file)
    assert found, problems
    assert all(p["line"] >= 1 and p["column"] >= 1 and p["message"].endswith((".", ")")) for p in found)


@pytest.mark.parametrize("nesting", ["[" * 41 + "]" * 41, "".join(" " * i + "- \n" for i in range(41))])
def test_nesting_is_refused_one_level_past_the_limit_and_accepted_at_it(nesting):
    from game.content.yamlsource import YamlSyntaxError, load_yaml

    with pytest.raises(YamlSyntaxError, match="nested too deeply"):
        load_yaml(nesting)
    ok = nesting.replace("[", "", 1).replace("]", "", 1) if nesting.startswith("[") else nesting.split("\n", 1)[1]
    load_yaml(ok)  # 40 levels: fine


def test_aliases_are_fine_until_they_expand_past_the_limit():
    from game.content.limits import MAX_NODES
    from game.content.yamlsource import YamlSyntaxError, load_yaml

    data, _, _ = load_yaml("a: &a [1, 2]\nb: [*a, *a]\n")
    assert data == {"a": [1, 2], "b": [[1, 2], [1, 2]]}
    n = MAX_NODES // 1000 + 1
    text = "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * n) + "]\n"
    with pytest.raises(YamlSyntaxError, match="aliases") as exc:
        load_yaml(text)
    assert exc.value.issue.line == 2
    with pytest.raises(YamlSyntaxError, match="inside the value it stands for"):
        load_yaml("a: &a [1, *a]\n")


# -- 2. pictures ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", sorted(attacks.PICTURE_ATTACKS))
def test_a_picture_that_cannot_be_drawn_is_an_error_at_the_line_that_uses_it(tmp_path, case):
    root = attacks.mini_copy(tmp_path / "content")
    attacks.PICTURE_ATTACKS[case](root)
    content, problems = check_content(root)
    assert content is None
    lines = {(p.file, p.line) for p in problems if p.severity == "error" and "bg/street.png" in p.message}
    level = (root / "levels" / "01_mini.yaml").read_text(encoding="utf-8").splitlines()
    expected = {("levels/01_mini.yaml", i) for i, text in enumerate(level, 1) if "bg/street.png" in text}
    assert lines == expected and len(expected) >= 2


@pytest.mark.parametrize("size", [(20_000, 20_000), (12_000, 12_000), (MAX_SIDE + 1, 16), (16, MAX_SIDE + 1), (0, 5)])
def test_a_picture_too_large_is_refused_from_its_header(tmp_path, size):
    path = tmp_path / "p.png"
    path.write_bytes(attacks.png_bytes(*size, rows=False))
    assert "pixels" in picture_problem(path)


def test_a_large_but_allowed_picture_and_a_jpeg_are_fine(tmp_path):
    from PIL import Image

    root = attacks.mini_copy(tmp_path / "content")
    (root / attacks.STREET).unlink()
    (root / attacks.STREET).write_bytes(attacks.png_bytes(MAX_SIDE, MAX_SIDE))
    Image.new("RGB", (800, 450), (90, 80, 70)).save(root / "assets" / "bg" / "mine.png", "JPEG")  # a JPEG named .png
    content, problems = check_content(root)
    assert content is not None and not [p for p in problems if p.severity == "error"]
    with Image.open(root / attacks.STREET) as img:  # it really is a whole picture of that size
        assert img.size == (MAX_SIDE, MAX_SIDE)


@pytest.mark.render
def test_a_picture_that_goes_bad_after_the_check_is_drawn_as_the_placeholder(tmp_path):
    if not has_display():
        pytest.skip(NO_DISPLAY)
    root = attacks.mini_copy(tmp_path / "content")
    cases = {}
    for name, make in attacks.PICTURE_ATTACKS.items():
        (root / "assets" / "bg" / name).mkdir()
        make(root)
        (root / attacks.STREET).rename(root / "assets" / "bg" / name / "street.png")
        cases[name] = f"bg/{name}/street.png"
    cases["vanished"] = "bg/vanished.png"
    code = """
import json, sys
from pathlib import Path
from game.views.frames import new_window
from game.views import ui
window = new_window("attack", visible=False)
root, rels = Path(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({k: [ui.picture(r, root), ui.texture(r, root) is None] for k, r in rels.items()}
                 | {"good": [ui.picture("bg/mine.png", root), ui.texture("bg/mine.png", root) is None]}))
"""
    done = bounded(code, str(root), json.dumps(cases), memory=GL_MEMORY)
    assert done.returncode == 0, done.stderr[-2000:]
    drawn = json.loads(done.stdout.strip().splitlines()[-1])
    assert drawn.pop("good") == [True, False]
    assert drawn == {k: [False, True] for k in cases}


# -- 3. conversations that never end --------------------------------------------------------------------------
@pytest.mark.parametrize("case", sorted(attacks.GRAPH_ATTACKS))
def test_a_conversation_that_can_never_end_is_an_error_at_its_node(tmp_path, case):
    root = attacks.mini_copy(tmp_path / "content")
    node = attacks.GRAPH_ATTACKS[case](root)
    text = (root / "dialogue" / "01_mini.yaml").read_text(encoding="utf-8").splitlines()
    line = text.index(f"  - id: {node}") + 1
    content, problems = check_content(root)
    assert content is None
    found = [p for p in problems if p.severity == "error" and p.file == "dialogue/01_mini.yaml" and p.line == line]
    assert found and f'"{node}"' in found[0].message


def test_a_loop_that_a_choice_or_a_condition_can_leave_is_fine(tmp_path):
    root = attacks.mini_copy(tmp_path / "content")
    attacks._replace_node(root, "accueil", "  - id: accueil\n    lines:\n      - {id: l1, speaker: narrator, text: Encore.}\n"
                                           "    choices:\n      - {id: encore, text: Encore, next: accueil}\n"
                                           "      - {id: stop, text: Assez}\n")
    content, problems = check_content(root)
    assert content is not None, [p.format() for p in problems]


def test_the_runtime_refuses_a_line_less_loop_with_a_story_error(mini_content):
    import time

    from game.story.runtime import ChapterRun, StoryError

    bundle = mini_content.chapters["mini"]
    bundle.nodes["accueil"] = bundle.nodes["accueil"].model_copy(update={"lines": [], "next": "accueil"})
    t = time.monotonic()
    with pytest.raises(StoryError, match="loops"):
        ChapterRun(bundle).start()
    assert time.monotonic() - t < 5


# -- 4. invisible characters ------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", sorted(attacks.TEXT_ATTACKS))
def test_control_and_bidi_characters_in_content_text_are_errors_at_their_line(tmp_path, case):
    root = attacks.mini_copy(tmp_path / "content")
    attacks.TEXT_ATTACKS[case](root)
    content, problems = check_content(root)
    assert content is None
    assert [(p.file, p.line) for p in problems if p.severity == "error"] == [("levels/01_mini.yaml", 4)]
    assert all("\u202e" not in p.source_line and "\x1b" not in p.source_line for p in problems)


def test_a_tab_and_new_lines_are_still_allowed_in_text(tmp_path):
    root = attacks.mini_copy(tmp_path / "content")
    attacks._title(root, "Un petit\\tchapitre\\nsur deux lignes")
    content, problems = check_content(root)
    assert content is not None and content.chapters["mini"].chapter.title == "Un petit\tchapitre\nsur deux lignes"


# -- 5. translations --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", sorted(attacks.PO_ATTACKS))
def test_a_broken_translation_is_an_error_at_its_own_line_and_never_shown(tmp_path, case):
    from game.content.lint import lint
    from game.i18n import Translator

    root = attacks.mini_copy(tmp_path / "content")
    line = attacks.PO_ATTACKS[case](root)
    content, problems = check_content(root)
    assert content is not None
    found = [p for p in lint(content, locales=["en"]) if p.severity == "error"]
    assert [(p.file, p.line) for p in found] == [("levels/locale/en/LC_MESSAGES/mini.po", line)], found
    assert "Traceback" not in found[0].message and "codec" not in found[0].message
    assert len(found[0].source_line) < 300 and "\u202e" not in found[0].source_line
    # the game shows the French source, never a mangled or endless translation
    assert Translator("en", root).content("mini", "title", "Un petit chapitre") == "Un petit chapitre"


def test_a_good_translation_next_to_a_broken_one_is_still_shown(tmp_path):
    from game.i18n import Translator

    root = attacks.mini_copy(tmp_path / "content")
    attacks.po_file(root, 'msgctxt "mini:title"\nmsgid "Un petit chapitre"\nmsgstr "A small chapter"\n\n'
                          'msgctxt "mini:summary"\nmsgid "Deux scènes pour les tests."\nmsgstr "Two scenes\n')
    tr = Translator("en", root)
    assert tr.content("mini", "title", "Un petit chapitre") == "A small chapter"
    assert tr.content("mini", "summary", "Deux scènes pour les tests.") == "Deux scènes pour les tests."


def test_the_shared_content_catalogue_of_the_pybabel_workflow_is_checked_too(tmp_path):
    from game.content.lint import lint
    from game.i18n import Translator

    root = attacks.mini_copy(tmp_path / "content")
    path = attacks.po_file(root, 'msgctxt "mini:title"\nmsgid "Un petit chapitre"\nmsgstr "A small chapter\n')
    path.rename(path.with_name("content.po"))
    content, _ = check_content(root)
    found = [(p.file, p.line) for p in lint(content, locales=["en"]) if p.severity == "error"]
    assert found == [("levels/locale/en/LC_MESSAGES/content.po", 8)]
    assert Translator("en", root).content("mini", "title", "Un petit chapitre") == "Un petit chapitre"


def test_the_catalogue_tool_refuses_to_rewrite_a_broken_catalogue(tmp_path):
    from game.catalogs import update_catalogs
    from game.content.problems import ContentError

    root = attacks.mini_copy(tmp_path / "content")
    attacks.po_broken_quote(root)
    path = root / "levels" / "locale" / "en" / "LC_MESSAGES" / "mini.po"
    before = path.read_bytes()
    content, _ = check_content(root)
    with pytest.raises(ContentError) as exc:
        update_catalogs(content, locales=["en"])
    assert exc.value.problems[0].line == 8 and path.read_bytes() == before


def test_translation_limits_follow_the_source():
    from game.content.po import MAX_TRANSLATION, max_translation, parse, check

    assert max_translation("Oui") == 200 and max_translation("x" * 1000) == 3000
    assert max_translation("x" * 4000) == MAX_TRANSLATION
    entries, issues = parse('msgid "Oui"\nmsgstr "' + "y" * 201 + '"\n\nmsgid "Non"\nmsgstr "' + "n" * 200 + '"\n')
    check(entries, issues)
    assert [i[0] for i in issues] == [2] and [e.bad for e in entries] == [True, False]


# -- 6. the commands: a sentence and a non-zero exit, never a traceback; the game opens on its error screen ------
@pytest.mark.parametrize("case", sorted(attacks.ALL))
def test_validate_ends_every_attack_with_sentences_and_exit_1(tmp_path, case, capsys):
    from game.cli import main

    root = attacks.mini_copy(tmp_path / "content")
    attacks.ALL[case](root)
    assert main(["validate", "--root", str(root), "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert ": error: " in out and "Traceback" not in out + err
    assert "\u202e" not in out and "\x1b" not in out


ONE_PER_CLASS = ["alias_bomb", "dev_zero", "fifo", "huge_header", "lineless_self_jump", "rlo_title"]

PLAY = """
import json, sys
import arcade
from game import app
shown = {}
def one_frame():
    view = arcade.get_window().current_view
    view.on_draw()
    shown.update(view=type(view).__name__, problems=[p.format(quote=False) for p in getattr(view, "problems", [])])
arcade.run = one_frame
code = app.run_game(root=sys.argv[1], data_dir=sys.argv[2])
print(json.dumps(dict(shown, code=code)))
"""


@pytest.mark.render
@pytest.mark.parametrize("case", ONE_PER_CLASS)
def test_the_game_opens_on_its_error_screen_for_every_class_of_attack(tmp_path, case):
    if not has_display():
        pytest.skip(NO_DISPLAY)
    root = attacks.mini_copy(tmp_path / "content")
    attacks.ALL[case](root)
    done = bounded(PLAY, str(root), str(tmp_path / "data"), memory=GL_MEMORY)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["view"] == "ErrorView" and shown["code"] == 1 and shown["problems"], shown
    assert not (tmp_path / "data" / "logs").exists()  # no crash log: nothing went wrong, the content was refused
