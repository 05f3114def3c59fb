"""What the game needs from the records, and nothing more: `game.session` depends on this, not on a database.

`Records` is the one implementation; a test or a kiosk build can hand the session anything with these methods.
"""
from __future__ import annotations

from typing import Protocol

from .rows import Activity, Outcome
from .saves import LoadResult


class PupilRecords(Protocol):
    notice: str | None  # something the pupil should be told once (a damaged database kept aside)

    def record(self, outcome: Outcome) -> bool: ...

    def record_activity(self, activity: Activity) -> bool: ...

    def outcomes(self, class_code: str | None = None, *, pupil: str | None = None,
                 chapter: str | None = None, attempt: int | None = None) -> list[Outcome]: ...

    def open_chapters(self, code: str) -> list[str] | None: ...

    def load_profile(self, class_code: str, pupil: str) -> LoadResult: ...

    def save_profile(self, profile) -> None: ...

    def close(self) -> None: ...

    # Optional (a fake store may leave them out): `claim(class_code, pupil)` -> a lock with `release()`, raising
    # PupilBusy when the pupil plays in another window; `held` -> answers kept on this computer, not yet recorded.
