"""The content loader: strict YAML, every problem at once, with file:line:column sentences."""
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import check_content, load_content
from game.content.problems import ContentError
from game.content.yamlsource import YamlSyntaxError, load_yaml

ROOT = Path(__file__).resolve().parents[1]


def test_yaml_words_stay_text_and_positions_are_recorded():
    data, smap, issues = load_yaml("name: No\nanswer: on\nok: true\nwhen: 1944-09-05\nn: 12\n")
    assert data == {"name": "No", "answer": "on", "ok": True, "when": "1944-09-05", "n": 12}
    assert issues == []
    assert smap.value(("answer",)) == (2, 9)
    assert smap.key(("when",)) == (4, 1)


def test_duplicate_keys_are_reported_with_both_lines():
    _, _, issues = load_yaml("id: a\ntitle: x\nid: b\n")
    assert len(issues) == 1
    assert (issues[0].line, issues[0].column) == (3, 1)
    assert "twice" in issues[0].message and "line 1" in issues[0].message


def test_syntax_error_gives_a_sentence_and_position():
    with pytest.raises(YamlSyntaxError) as err:
        load_yaml("a: {b: c, d: Lille: 1944}\n")
    assert "between quotes" in err.value.issue.message
    assert err.value.issue.line == 1


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def test_every_problem_of_a_file_is_reported_not_only_the_first(mini_root):
    path = mini_root / "levels" / "01_mini.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("order: 1", "order: one").replace("title: La rue", "titel: La rue")
    text = text.replace("      - {id: b, text: \"12\", feedback: Non.}", "      - {id: b, text: \"12\", feedback: Non., correct: maybe}")
    path.write_text(text, encoding="utf-8")
    _, problems = check_content(mini_root)
    lines = text.splitlines()
    found = {(p.line, p.message.split(" ")[0]) for p in problems}
    assert len(problems) >= 4, [p.format() for p in problems]
    order_line = next(i for i, l in enumerate(lines, 1) if l.startswith("order:"))
    titel_line = next(i for i, l in enumerate(lines, 1) if "titel:" in l)
    assert any(p.line == order_line and "whole number" in p.message for p in problems)
    assert any(p.line == titel_line and '"titel" is not a field' in p.message for p in problems)
    assert any(p.line == titel_line and p.source_line.strip() == "titel: La rue" for p in problems)
    assert any('"title" is missing' in p.message for p in problems)
    assert any("true or false" in p.message for p in problems)
    assert found


def test_format_quotes_the_line_with_a_caret(mini_root):
    path = mini_root / "dialogue" / "01_mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("speaker: paul", "speaker: pual"), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(mini_root)
    problem = err.value.problems[0]
    assert problem.file == "dialogue/01_mini.yaml"
    assert 'There is no character with the id "pual" (did you mean "paul"?)' in problem.message
    text = problem.format()
    head, quoted, caret = text.splitlines()
    assert head.startswith(f"dialogue/01_mini.yaml:{problem.line}:{problem.column}: error:")
    assert "speaker: pual" in quoted
    # the caret sits under the first letter of the bad value
    assert caret.index("^") == quoted.index("pual")


@pytest.mark.parametrize(
    "rel, old, new, expected",
    [
        ("levels/01_mini.yaml", "talk: anna-debut", "talk: anna-debutt", 'no dialogue node with the id "anna-debutt"'),
        ("levels/01_mini.yaml", "document: affiche}", "document: afiche}", 'no document with the id "afiche"'),
        ("levels/01_mini.yaml", "question: q-date}", "question: q-dat}", 'no question with the id "q-dat"'),
        ("levels/01_mini.yaml", "go: mine,", "go: mines,", 'no scene with the id "mines"'),
        ("levels/01_mini.yaml", "background: bg/mine.png", "background: bg/mines.png", '"assets/bg/mines.png" does not exist'),
        ("levels/01_mini.yaml", "objective: obj-greve\n    prompt: Quand", "objective: obj-x\n    prompt: Quand", "no learning objective"),
        ("levels/01_mini.yaml", "start: rue", "start: rues", 'no scene with the id "rues"'),
        ("dialogue/01_mini.yaml", "next: anna-oui", "next: anna-ouii", 'no dialogue node with the id "anna-ouii"'),
        ("dialogue/01_mini.yaml", "{give: rapport}]", "{give: raport}]", 'no document with the id "raport"'),
        ("dialogue/01_mini.yaml", "{ask: q-fin}", "{ask: q-fni}", 'no question with the id "q-fni"'),
        ("dialogue/01_mini.yaml", "chapter: mini", "chapter: maxi", 'no chapter with the id "maxi"'),
        ("dialogue/01_mini.yaml", "{ask: q-fin}", "{ask: q-fin, set: x}", "exactly one of set"),
        ("levels/01_mini.yaml", "{id: a, text: 27 mai 1941, correct: true,", "{id: a, text: 27 mai 1941, correct: false,", "exactly one correct option"),
        ("levels/01_mini.yaml", "{id: paul, label: Parler à Paul,", "{id: quiz, label: Parler à Paul,", 'already has the id "quiz"'),
        ("levels/01_mini.yaml", "id: rue\n", "id: Rue!\n", "only lowercase letters"),
    ],
)
def test_broken_references_and_rules_are_sentences(mini_root, rel, old, new, expected):
    path = mini_root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = check_content(mini_root)
    errors = [p for p in problems if p.severity == "error"]
    matching = [p for p in errors if expected in p.message]
    assert matching, [p.format() for p in errors]
    for p in matching:
        assert p.file == rel and p.line > 0 and p.column > 0
        assert p.source_line.strip()  # the offending line is quoted


def test_non_utf8_and_empty_and_list_files(mini_root):
    (mini_root / "levels" / "02_bad.yaml").write_bytes(b"id: caf\xe9\n")
    (mini_root / "levels" / "03_empty.yaml").write_text("", encoding="utf-8")
    (mini_root / "levels" / "04_list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    _, problems = check_content(mini_root)
    by_file = {p.file: p.message for p in problems}
    assert "UTF-8" in by_file["levels/02_bad.yaml"]
    assert "empty" in by_file["levels/03_empty.yaml"]
    assert "a list" in by_file["levels/04_list.yaml"]


def test_real_content_validates():
    content = load_content(ROOT)
    assert "occupation" in content.chapters


def _validate(root) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", "--lang", "en", "--root", str(root)],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.process
def test_validate_command_exit_codes_and_no_traceback(mini_root, tmp_path):
    ok = _validate(mini_root)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (mini_root / "levels" / "01_mini.yaml").write_text("id: [unclosed\n  - \x00 nonsense: : :\n", encoding="utf-8")
    bad = _validate(mini_root)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stdout + bad.stderr
    assert "levels/01_mini.yaml:" in bad.stdout
    empty = tmp_path / "nothing"
    empty.mkdir()
    missing = _validate(empty)
    assert missing.returncode == 1 and "levels/ is missing" in missing.stdout


@pytest.mark.process
def test_validate_json_for_machines(mini_root):
    import json

    path = mini_root / "levels" / "01_mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("start: rue", "start: rues"), encoding="utf-8")
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", "--lang", "en", "--json", "--root", str(mini_root)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    report = json.loads(res.stdout)
    assert report["errors"] == 1
    (problem,) = report["problems"]
    assert problem["file"] == "levels/01_mini.yaml" and problem["severity"] == "error"
    assert problem["source_line"] == "start: rues" and problem["column"] == 8


def test_messages_in_the_authors_language(mini_root):
    path = mini_root / "levels" / "01_mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("start: rue", "start: rues").replace("order: 1", "order: un"),
                    encoding="utf-8")
    fr = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", "--lang", "fr", "--root", str(mini_root)],
                        capture_output=True, text=True, timeout=60)
    assert fr.returncode == 1
    assert "levels/01_mini.yaml:3:8: erreur: Il faut ici un nombre entier (trouvé : « un »)." in fr.stdout
    assert "1 erreur(s), 0 avertissement(s)." in fr.stderr
    en = _validate(mini_root)
    assert "levels/01_mini.yaml:3:8: error: This should be a whole number (found \"un\")." in en.stdout


def test_a_broken_dialogue_file_is_reported_alone(mini_root):
    d = mini_root / "dialogue" / "01_mini.yaml"
    d.write_text(d.read_text(encoding="utf-8").replace("  - id: fin\n", "  - id: fin\n    nxt: x\n"), encoding="utf-8")
    _, problems = check_content(mini_root)
    assert [p.file for p in problems] == ["dialogue/01_mini.yaml"], [p.format() for p in problems]


def test_yes_is_not_taken_for_true_and_ids_you_can_use_are_listed(mini_root):
    lv = mini_root / "levels" / "01_mini.yaml"
    text = lv.read_text(encoding="utf-8").replace("text: 27 mai 1941, correct: true,", "text: 27 mai 1941, correct: yes,")
    lv.write_text(text, encoding="utf-8")
    _, problems = check_content(mini_root)
    assert any('This should be true or false (found "yes")' in p.message for p in problems)
    lv.write_text(text.replace("correct: yes", "correct: true").replace("objective: obj-greve\n    prompt: Quand",
                                                                      "objective: autre\n    prompt: Quand"),
                  encoding="utf-8")
    _, problems = check_content(mini_root)
    assert any('There is no learning objective with the id "autre" (ids you can use: obj-greve).' == p.message
               for p in problems), [p.message for p in problems]


def test_an_unreadable_dialogue_file_is_reported_alone(mini_root):
    d = mini_root / "dialogue" / "01_mini.yaml"
    d.write_text(d.read_text(encoding="utf-8").replace("text: Bonjour !}", "text: Bonjour : toi}"), encoding="utf-8")
    _, problems = check_content(mini_root)
    assert [p.file for p in problems] == ["dialogue/01_mini.yaml"], [p.format() for p in problems]
