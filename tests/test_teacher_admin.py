"""Teacher space: PIN stored as a hash, lock-out after wrong guesses, classes, erasure, retention."""
import datetime as dt
import json
import sqlite3

import pytest

from teacher_mode.access import MAX_FAILURES, PinError, TeacherAccess
from teacher_mode.admin import school_year_start
from game.records import Records


class Clock:
    def __init__(self):
        self.t = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)

    def __call__(self):
        return self.t


def test_pin_is_never_stored_in_clear(tmp_path):
    access = TeacherAccess(tmp_path)
    assert not access.has_pin
    access.set_pin("4821")
    text = (tmp_path / "teacher.json").read_text()
    assert "4821" not in text
    stored = json.loads(text)["pin"]
    assert len(bytes.fromhex(stored["salt"])) == 16 and stored["n"] >= 2 ** 14
    assert access.check("4821").ok and not access.check("4822").ok
    other = TeacherAccess(tmp_path / "other")
    other.set_pin("4821")
    assert json.loads((tmp_path / "other" / "teacher.json").read_text())["pin"]["hash"] != stored["hash"]  # salted


def test_pin_rules(tmp_path):
    access = TeacherAccess(tmp_path)
    with pytest.raises(PinError):
        access.set_pin("12")
    access.set_pin("123456")
    with pytest.raises(PinError):
        access.set_pin("999999")  # changing needs the current PIN
    access.set_pin("999999", current="123456")
    assert access.check("999999").ok


def test_wrong_pins_lock_the_teacher_space_even_after_a_restart(tmp_path):
    clock = Clock()
    access = TeacherAccess(tmp_path, clock=clock)
    access.set_pin("4821")
    for i in range(MAX_FAILURES - 1):
        res = access.check("0000")
        assert not res.ok and res.attempts_left == MAX_FAILURES - 1 - i
    res = access.check("0000")
    assert res.locked_until == clock.t + dt.timedelta(minutes=5)
    restarted = TeacherAccess(tmp_path, clock=clock)
    assert not restarted.check("4821").ok  # even the right PIN waits
    clock.t += dt.timedelta(minutes=6)
    for _ in range(MAX_FAILURES):
        res = restarted.check("1111")
    assert res.locked_until == clock.t + dt.timedelta(minutes=10)  # the second lock is longer
    clock.t += dt.timedelta(minutes=11)
    assert restarted.check("4821").ok


def fill(store, code, pupil, n=3):
    from game.records import Activity, Outcome

    for i in range(n):
        store.record(Outcome(f"{code}-{pupil}-{i}", code, pupil, "mini", f"q{i}", "o", "a", True, 1, 1000,
                             f"2025-0{i + 1}-02T09:00:00.000+00:00", "fr"))
    store.record_activity(Activity(f"{code}-{pupil}-act", code, pupil, "mini", 1, "launched", "mini",
                                   "2026-01-02T09:00:00.000+00:00", "fr"))


def test_erasing_a_pupil_removes_rows_save_and_export(tmp_path, mini_content):
    from game.session import PupilSession

    store = Records(tmp_path)
    fill(store, "5B", "Renard")
    fill(store, "5B", "Hibou")
    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr", store=store)
    s.open_chapter("mini")
    save = store.saves.path("5B", "Renard")
    assert save.exists()
    assert store.erase("5B", "Renard") == 5  # 3 answers + 2 launches
    assert not save.exists()
    assert store.pupils("5B") == ["Hibou"]
    raw = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    assert raw.execute("SELECT COUNT(*) FROM outcomes WHERE pupil = 'Renard'").fetchone()[0] == 0
    db_bytes = (tmp_path / "outcomes.sqlite3").read_bytes()
    assert b"Renard" not in db_bytes  # overwritten, not only unlinked
    wal = tmp_path / "outcomes.sqlite3-wal"
    assert not wal.exists() or b"Renard" not in wal.read_bytes()
    from teacher_mode.xapi import statement

    assert all("Renard" not in json.dumps(statement(o)) for o in store.outcomes("5B"))


def test_erasing_a_class_and_the_school_year_rule(tmp_path):
    store = Records(tmp_path)
    fill(store, "5B", "Renard")
    fill(store, "6A", "Loup")
    store.create_class("5B", "Cinquième B")
    assert store.classes() == [("5B", "Cinquième B"), ("6A", "")]
    assert store.erase("5B") == 4
    assert store.classes() == [("6A", "")]
    cutoff = school_year_start(dt.date(2026, 3, 2)).isoformat()
    assert cutoff == "2025-09-01" and school_year_start(dt.date(2026, 9, 3)).isoformat() == "2026-09-01"
    assert store.older_than(cutoff) == 3  # last school year's answers; the January 2026 launch stays
    assert store.purge_older_than(cutoff) == 3
    assert store.count() == 0 and len(store.activities("6A")) == 1


def test_open_chapters_per_class(tmp_path):
    store = Records(tmp_path)
    assert store.open_chapters("5B") is None  # a class never set up: everything open
    store.set_open_chapters("5B", ["occupation"])
    assert store.open_chapters("5B") == ["occupation"]
    store.set_open_chapters("5B", None)
    assert store.open_chapters("5B") is None
