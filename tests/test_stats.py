"""`python main.py stats --json` counts what is really in the content."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.process
def test_stats_json_counts_the_test_chapter(mini_root):
    from game.catalogs import update_catalogs
    from game.content.loader import load_content

    update_catalogs(load_content(mini_root))  # an English catalogue with nothing translated yet
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--json", "--root", str(mini_root)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    s = json.loads(res.stdout)["mini"]
    assert (s["scenes"], s["characters"], s["documents"], s["questions"]) == (2, 2, 2, 5)
    assert s["questions_by_kind"] == {"choice": 2, "map": 1, "order": 1, "true-false": 1}
    assert [m["kind"] for m in s["minigames"]] == ["dilemmas", "sequence", "placement", "matching"]
    assert s["translation"]["fr"]["percent"] == 100.0
    assert s["translation"]["en"]["translated"] == 0 and s["translation"]["en"]["missing"] == s["translation"]["en"]["total"]
    assert s["words"]["fr"] == s["words"]["en"] > 50  # untranslated: English shows the French
