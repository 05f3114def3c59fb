"""The bot: covers every branch, and fails loudly on a dead end or an unreachable node."""
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import load_content
from game.story.autoplay import explore

ROOT = Path(__file__).resolve().parents[1]


def autoplay(*args, timeout=300):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "autoplay", *args],
                          capture_output=True, text=True, timeout=timeout)


def test_explore_covers_every_node_choice_question_and_document(mini_content):
    bundle = mini_content.chapters["mini"]
    ex = explore(bundle)
    assert ex.errors == []
    assert ex.totals(bundle) == {"nodes": (6, 6), "choices": (4, 4), "questions": (5, 5), "documents": (2, 2),
                                 "scenes": (2, 2), "minigames": (4, 4)}
    taken = {a[1] for p in ex.paths for a in p if a[0] == "choose"}
    assert taken == {"oui", "non", "merci", "au-revoir"}
    dilemmas = {a[2] for p in ex.paths for a in p if a[:2] == ("play", "choose")}
    assert dilemmas == {"queue", "rester", "sortir", "maison"}  # every dilemma option is played by some pupil


def test_dead_end_and_unreachable_node_are_errors(mini_root):
    d = mini_root / "dialogue" / "01_mini.yaml"
    text = d.read_text(encoding="utf-8")
    # "Non" now leads nowhere useful: the flag that opens the way to the mine is cleared
    text = text.replace("        text: Non, je reste.\n        next: anna-non",
                        "        text: Non, je reste.\n        effects: [{clear: parle-anna}]\n        next: anna-non")
    text += "  - id: orphelin\n    lines:\n      - {id: l1, speaker: anna, text: Personne ne me parle.}\n"
    d.write_text(text, encoding="utf-8")
    lv = mini_root / "levels" / "01_mini.yaml"
    lv.write_text(lv.read_text(encoding="utf-8").replace("talk: anna-debut, excludes: [parle-anna]}",
                                                         "talk: anna-debut, excludes: [aide]}"), encoding="utf-8")
    ex = explore(load_content(mini_root).chapters["mini"])
    assert any("'orphelin'" in e and "never reached" in e for e in ex.errors)
    assert ex.errors  # and the command fails
    res = autoplay("--root", str(mini_root), "--data-dir", str(mini_root / "data"))
    assert res.returncode == 1 and "ERROR" in res.stdout and "Traceback" not in res.stderr


def test_dead_end_is_found(mini_root):
    lv = mini_root / "levels" / "01_mini.yaml"
    # The way to the mine needs a flag nobody sets once Anna has been met: a pupil can be stuck.
    lv.write_text(lv.read_text(encoding="utf-8").replace("go: mine, requires: [parle-anna]}",
                                                         "go: mine, requires: [parle-anna], excludes: [aide]}"),
                  encoding="utf-8")
    ex = explore(load_content(mini_root).chapters["mini"])
    assert any("dead end" in e for e in ex.errors), ex.errors


@pytest.mark.slow
def test_autoplay_all_real_chapters_records_like_pupils(tmp_path):
    res = autoplay("--chapter", "all", "--lang", "en", "--data-dir", str(tmp_path))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "autoplay: OK" in res.stdout
    content = load_content(ROOT)
    db = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    for cid, b in content.chapters.items():
        line = next(l for l in res.stdout.splitlines() if l.startswith(f"[{cid}]"))
        assert f"questions {len(b.questions)}/{len(b.questions)}" in line
        assert f"nodes {len(b.nodes)}/{len(b.nodes)}" in line
        rows = db.execute("SELECT DISTINCT question FROM outcomes WHERE class_code='AUTOPLAY' AND chapter=?",
                          (cid,)).fetchall()
        assert {r[0] for r in rows} == set(b.questions)
        assert db.execute("SELECT DISTINCT locale FROM outcomes").fetchall() == [("en",)]


@pytest.mark.slow
def test_the_bot_plays_the_same_playthroughs_every_run():
    """Python randomises string hashing per process: the bot's choice of playthroughs must not depend on it."""
    code = ("from game.content.loader import load_content; from game.story.autoplay import explore; "
            "from tests.conftest import MINI; print(explore(load_content(MINI).chapters['mini']).paths)")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}, timeout=120).stdout
            for seed in ("1", "2", "3")}
    assert len(runs) == 1 and runs.pop().startswith("[[")
