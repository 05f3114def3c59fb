import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def mini_root(tmp_path) -> Path:
    """A writable copy of the tiny test chapter."""
    dest = tmp_path / "content"
    shutil.copytree(MINI, dest)
    return dest


@pytest.fixture
def mini_content():
    from game.content.loader import load_content

    return load_content(MINI)
