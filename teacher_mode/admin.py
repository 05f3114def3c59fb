"""Class administration: erase a pupil or a class everywhere (records and saves), the school-year rule."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from game.story.save import SaveStore

from .store import OutcomeStore


def school_year_start(today: dt.date) -> dt.date:
    """Records made before this date belong to an earlier school year (French and British years start in September)."""
    year = today.year if today.month >= 9 else today.year - 1
    return dt.date(year, 9, 1)


def erase_pupil(data_dir: Path, store: OutcomeStore, code: str, pupil: str) -> int:
    """Everything about one pupil goes: records, save file, damaged copies of it. Returns records removed."""
    n = store.erase_pupil(code, pupil)
    save = SaveStore(data_dir).path(code, pupil)
    for f in save.parent.glob(save.stem + "*.json"):
        f.unlink()
    return n


def erase_class(data_dir: Path, store: OutcomeStore, code: str) -> int:
    n = store.erase_class(code)
    folder = SaveStore(data_dir).path(code, "x").parent
    if folder.is_dir():
        shutil.rmtree(folder)
    return n
