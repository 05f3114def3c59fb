"""Class administration: the school-year rule. Erasing goes through game.records.Records.erase (one path for records,
queued statements and saves)."""
from __future__ import annotations

import datetime as dt


def school_year_start(today: dt.date) -> dt.date:
    """Records made before this date belong to an earlier school year (French and British years start in September)."""
    year = today.year if today.month >= 9 else today.year - 1
    return dt.date(year, 9, 1)
