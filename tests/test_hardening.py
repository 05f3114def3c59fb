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
