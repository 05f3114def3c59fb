"""Lint: content that loads but would still be wrong for a pupil, reported at the right line."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.lint import lint
from game.content.loader import load_content

ROOT = Path(__file__).resolve().parents[1]


def problems(root, severity=None):
    found = lint(load_content(root), locales=[])
    return [p for p in found if severity is None or p.severity == severity]


def edit(root, rel, old, new):
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_test_chapter_is_clean(mini_root):
    assert problems(mini_root) == []


@pytest.mark.parametrize("rel, old, new, severity, sentence, quoted", [
    ("dialogue/01_mini.yaml", "  - id: fin\n", "  - id: seul\n    lines:\n      - {id: l1, speaker: anna, text: Oublié.}\n"
     "  - id: fin\n", "error", 'The node "seul" is never reached', "id: seul"),
    ("levels/01_mini.yaml", "go: mine, requires: [parle-anna]}", "go: mine, requires: [parle-anne]}", "error",
     'needs the flag "parle-anne", but nothing ever sets it', "go: mine"),
    ("dialogue/01_mini.yaml", "        requires: [aide]\n", "        requires: [aide]\n        excludes: [aide]\n", "error",
     'both requires and excludes the flag "aide"', "requires: [aide]"),
    ("levels/01_mini.yaml", "      - {id: affiche, label: Une affiche, at: [700, 300], document: affiche}\n", "", "warning",
     'The document "affiche" is never handed out', "id: affiche"),
    ("levels/01_mini.yaml", "talk: anna-debut, excludes: [parle-anna]}", "talk: anna-debut, excludes: [jamais]}", "warning",
     'excludes the flag "jamais", which nothing ever sets', "talk: anna-debut"),
])
def test_each_check_points_at_the_line(mini_root, rel, old, new, severity, sentence, quoted):
    edit(mini_root, rel, old, new)
    found = [p for p in problems(mini_root) if sentence in p.message]
    assert found, [p.format() for p in problems(mini_root)]
    assert found[0].severity == severity and quoted in found[0].source_line


def test_a_scene_with_no_way_on(mini_root):
    edit(mini_root, "levels/01_mini.yaml", "      - {id: vers-mine, label: Aller à la mine, at: [1000, 300], go: mine, "
         "requires: [parle-anna]}\n", "")
    found = [p for p in problems(mini_root, "error") if "no way on" in p.message or "never reached" in p.message]
    messages = " ".join(p.message for p in found)
    assert 'The scene "rue" has no way on' in messages and 'The scene "mine" is never reached' in messages


@pytest.mark.process
def test_translation_warnings_and_json_exit_code(mini_root):
    from game.catalogs import update_catalogs

    update_catalogs(load_content(mini_root))
    po = mini_root / "levels" / "locale" / "en" / "LC_MESSAGES" / "mini.po"
    text = po.read_text(encoding="utf-8").replace('msgid "Bonjour !"\nmsgstr ""', 'msgid "Bonjour !"\nmsgstr "Hello {name}!"')
    po.write_text(text, encoding="utf-8")
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", "--lang", "en", "--json", "--root", str(mini_root)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0  # warnings only
    report = json.loads(res.stdout)
    assert report["errors"] == 0 and report["warnings"] >= 2
    messages = [p["message"] for p in report["problems"]]
    assert any("does not keep the placeholders" in m for m in messages)
    assert any("has no English translation" in m for m in messages)
