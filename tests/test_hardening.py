"""Whatever goes wrong, the game starts, says what happened, keeps the damaged file, and loses nothing else."""
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import check_content
from game.content.problems import Problem
from game.content.yamlsource import YamlSyntaxError, load_yaml

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
MINI_LEVEL = (MINI / "levels" / "01_mini.yaml").read_text(encoding="utf-8")
MINI_DIALOGUE = (MINI / "dialogue" / "01_mini.yaml").read_text(encoding="utf-8")

pieces = st.sampled_from(list(string.printable) + ["é", "«", "»", "\u2028", "\x00", "\ufeff", ": ", "- ", "&a ", "*a",
                                                     "!!python/object:os.system ", "<<: ", "\t", "\n  - ", "? "])


def yaml_text(max_size):
    return st.lists(pieces, max_size=max_size).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(yaml_text(200))
def test_yaml_reader_never_raises_anything_but_a_syntax_error(text):
    try:
        data, smap, issues = load_yaml(text)
    except YamlSyntaxError as exc:
        assert exc.issue.line >= 1 and exc.issue.message
    else:
        assert all(i.message for i in issues)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, len(MINI_LEVEL)), junk=yaml_text(20), which=st.booleans())
def test_mangled_content_gives_problems_never_a_crash(tmp_path_factory, cut, junk, which):
    root = tmp_path_factory.mktemp("fuzz")
    (root / "levels").mkdir()
    (root / "dialogue").mkdir()
    (root / "assets").symlink_to(MINI / "assets")
    level, dialogue = MINI_LEVEL, MINI_DIALOGUE
    if which:
        level = level[:cut] + junk + level[cut:]
    else:
        dialogue = dialogue[:cut % len(dialogue)] + junk + dialogue[cut % len(dialogue):]
    (root / "levels" / "01.yaml").write_text(level, encoding="utf-8")
    (root / "dialogue" / "01.yaml").write_text(dialogue, encoding="utf-8")
    content, problems = check_content(root)  # nothing but problems may come out
    assert all(isinstance(p, Problem) and p.line >= 1 and p.message for p in problems)
    if content is not None:
        from game.content.lint import lint

        lint(content, locales=[])


def nested(depth: int, style: str) -> str:
    if style == "flow":
        return "[" * depth + "x" + "]" * depth
    if style == "block":
        return "".join(" " * i + "- \n" for i in range(depth)) + " " * depth + "x\n"
    return "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "x\n"


def laughs(levels: int, fan: int) -> str:
    lines = ["a0: &a0 x"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * fan) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@settings(max_examples=120, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(depth=st.integers(0, 3000), style=st.sampled_from(["flow", "block", "map"]), levels=st.integers(0, 12),
       fan=st.integers(1, 12), noise=yaml_text(10), where=st.booleans())
def test_yaml_reader_stays_bounded_on_nesting_and_aliases(depth, style, levels, fan, noise, where):
    """Deep nesting and alias chains (up to 12^12 values): a sentence or bounded data, never a RecursionError."""
    from game.content.limits import MAX_NODES

    bomb = laughs(levels, fan)
    text = "doc:\n" + "".join("  " + line + "\n" for line in nested(depth, style).splitlines())
    text = (bomb + text) if where else (text.replace("doc:\n", "doc:\n", 1) + bomb + noise)
    try:
        data, smap, issues = load_yaml(text)
    except YamlSyntaxError as exc:
        assert exc.issue.line >= 1 and exc.issue.message
    else:
        assert len(smap.values) <= MAX_NODES + 1


po_pieces = st.sampled_from(['msgid "', 'msgstr "', 'msgctxt "', 'msgstr[1] "', 'msgid_plural "', '"', "\n", '\\',
                             "\\q", "#, fuzzy\n", "#~ ", "x", "é", "\u202e", "\x00", "\r", " "])


@settings(max_examples=200, deadline=None)
@given(st.lists(po_pieces, max_size=120).map("".join))
def test_po_reader_never_raises_and_points_at_real_lines(text):
    from game.content.po import check, parse

    entries, issues = parse(text)
    check(entries, issues)
    lines = text.split("\n")
    assert all(1 <= line <= len(lines) and col >= 1 and sentence for line, col, sentence in issues)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 400), junk=st.binary(max_size=40), at=st.integers(0, 400))
def test_picture_check_answers_on_any_bytes(tmp_path_factory, cut, junk, at):
    from game.content.pictures import picture_problem

    good = (MINI / "assets" / "bg" / "street.png").read_bytes()
    data = good[:at] + junk + good[at:cut + at] if cut else good[:at] + junk
    path = tmp_path_factory.mktemp("pic") / "p.png"
    path.write_bytes(data)
    answer = picture_problem(path)
    assert answer is None or (isinstance(answer, str) and answer.endswith("."))
    if answer is None:  # what the check lets through, Pillow can open at the size it said
        from PIL import Image

        with Image.open(path) as img:
            img.size


def test_a_damaged_database_is_kept_aside_and_the_game_goes_on(tmp_path, mini_content):
    from game.session import PupilSession
    from game.records import Records

    db = tmp_path / "outcomes.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\x17" * 3000)  # a header, then garbage
    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    assert s.notice and s.notice.startswith("damaged:outcomes.sqlite3.damaged-")
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"SQLite format 3\x00\x17")
    from tests.test_runtime import lines_until_input

    run = s.open_chapter("mini")
    lines_until_input(run)
    run.use("anna")
    lines_until_input(run)
    run.choose("oui")
    lines_until_input(run)
    run.answer("vrai")
    s.close()
    assert Records(tmp_path).count() == 1  # the new store records answers again


@pytest.mark.parametrize("garbage", [b"", b"\x00" * 10, b"not json at all", b'{"version": 1, "chapters": 5}'])
def test_a_damaged_save_never_stops_the_game(tmp_path, mini_content, garbage):
    from game.session import PupilSession
    from game.records import SaveStore

    path = SaveStore(tmp_path).path("5B", "Renard")
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    assert s.notice and s.notice.startswith("damaged:")
    assert s.open_chapter("mini").step().kind in ("line", "scene")
    s.close()
