"""`pybabel extract` with the project's YAML extractor: every pupil-visible string, its line, its id, a comment."""
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.process
def test_pybabel_extract_collects_content_with_lines_contexts_and_comments(mini_root, tmp_path):
    pot = tmp_path / "content.pot"
    res = subprocess.run([str(Path(sys.executable).parent / "pybabel"), "extract", "-F", str(ROOT / "babel-content.cfg"),
                          "-o", str(pot), "."], cwd=mini_root, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    cat = read_po(pot.open("rb"))
    by_ctx = {m.context: m for m in cat if m.id}
    line = by_ctx["mini:node:anna-debut:line:l1"]
    assert line.id == "Bonjour !" and line.auto_comments == ["Speaker: anna"]
    text = (mini_root / "dialogue" / "01_mini.yaml").read_text(encoding="utf-8").splitlines()
    (loc_file, loc_line), = line.locations
    assert loc_file.endswith("dialogue/01_mini.yaml") and "Bonjour !" in text[loc_line - 1]
    q = by_ctx["mini:question:q-date:option:b:feedback"]
    assert q.id == "Non, c'est la Libération." and q.auto_comments[0].startswith("Feedback after")
    # the same contexts as `python main.py i18n`: the game can use either catalogue
    from game.content.loader import load_content
    from game.content.texts import all_messages

    expected = {f"mini:{m.context}" for m in all_messages(load_content(mini_root).chapters["mini"])}
    assert set(by_ctx) == expected


def test_shared_content_catalogue_is_used_when_a_chapter_has_none(mini_root):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    from game.i18n import Translator

    cat = Catalog(locale="en", domain="content")
    cat.add("Bonjour !", "Hello!", context="mini:node:anna-debut:line:l1")
    path = mini_root / "levels" / "locale" / "en" / "LC_MESSAGES" / "content.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_po(path.open("wb"), cat)
    assert Translator("en", mini_root).content("mini", "node:anna-debut:line:l1", "Bonjour !") == "Hello!"
