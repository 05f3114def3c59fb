"""Every asset has its origin and licence written down, and every script-drawn picture is referenced."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_asset_file_is_listed_in_licenses():
    text = (ROOT / "assets" / "LICENSES.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([^ |]+\.(?:png|jpg|ttf)) \|", text, flags=re.M))
    listed |= set(re.findall(r"(fonts/[A-Za-z-]+\.(?:ttf|otf))", text))
    files = {p.relative_to(ROOT / "assets").as_posix() for p in (ROOT / "assets").rglob("*")
             if p.suffix in (".png", ".jpg", ".ttf", ".otf")}
    assert files - listed == set(), "add these to assets/LICENSES.md"
    assert listed - files == set(), "LICENSES.md lists files that do not exist"
