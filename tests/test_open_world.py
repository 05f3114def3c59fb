"""A chapter dropped into levels/ and dialogue/ (with its pictures) joins the game with no code change."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


def drop_in(tmp_path) -> Path:
    tree = tmp_path / "game-tree"
    for folder in ("levels", "dialogue", "assets"):
        shutil.copytree(ROOT / folder, tree / folder)
    text = (MINI / "levels" / "01_mini.yaml").read_text(encoding="utf-8").replace("order: 1", "order: 5")
    (tree / "levels" / "05_mini.yaml").write_text(text, encoding="utf-8")
    shutil.copy(MINI / "dialogue" / "01_mini.yaml", tree / "dialogue" / "05_mini.yaml")
    shutil.copytree(MINI / "assets" / "bg", tree / "assets" / "bg")
    shutil.copytree(MINI / "assets" / "portraits", tree / "assets" / "portraits", dirs_exist_ok=True)
    return tree


def run_main(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_dropped_chapter_validates_is_played_by_the_bot_and_is_offered_to_pupils(tmp_path):
    tree = drop_in(tmp_path)
    res = run_main("validate", "--lang", "en", "--root", str(tree))
    assert res.returncode == 0, res.stdout  # warnings only (its English is not written yet)
    assert "levels/05_mini.yaml" in res.stdout and "has no English translation" in res.stdout
    auto = run_main("autoplay", "--chapter", "mini", "--root", str(tree), "--data-dir", str(tmp_path / "data"))
    assert auto.returncode == 0 and "[mini]" in auto.stdout and "minigames 4/4" in auto.stdout, auto.stdout

    from game.content.loader import load_content
    from game.session import PupilSession

    content = load_content(tree)
    s = PupilSession(content, tmp_path / "pupil", "5B", "Renard", "fr")
    ids = [c.bundle.id for c in s.chapters()]
    assert ids[-1] == "mini" and len(ids) == len(content.chapters) >= 5
