"""The attack suite, class "Records" (issue 17): one test per class of attack, each replayable and fast.

A record is a pupil's deliberate act: it is never lost, split across two files or counted twice, and a healthy
database is never taken for a damaged one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from game.records import Outcome, PupilBusy, Records, RecordsError, damaged_copies
from game.session import PupilSession

ROOT = Path(__file__).resolve().parents[1]


def outcome(question: str = "q1", *, pupil: str = "Renard", correct: bool = True, option: str = "a",
            attempt: int = 1) -> Outcome:
    return Outcome(statement_id=str(uuid.uuid4()), class_code="5B", pupil=pupil, chapter="mini", question=question,
                   objective="", option=option, correct=correct, attempt=attempt, duration_ms=1200,
                   answered_at="2026-03-02T09:00:00+00:00", locale="fr")


def teacher(*args: str, data_dir: Path, user: int | None = None) -> subprocess.CompletedProcess:
    kwargs = {"user": user} if user is not None else {}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "teacher", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=120, check=False, **kwargs)


def test_a_busy_database_is_not_damaged_and_the_answer_is_kept_then_written_once(tmp_path):
    records = Records(tmp_path, busy_timeout=0.2)
    records.record(outcome("q0"))
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys, time
        db = sqlite3.connect({str(records.path)!r}, isolation_level=None)
        db.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
        sys.stdin.readline()
        db.execute("COMMIT")
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        answer = outcome("q1")
        assert records.record(answer) is False  # not written now...
        assert records.held == 1  # ...but kept, in a journal beside the saves
        assert list(tmp_path.glob("pending-records-*.json"))
        # Another window opening the folder meanwhile: busy is not damage, nothing is moved aside.
        other = Records(tmp_path, busy_timeout=0.2)
        assert other.notice is None and other.record(outcome("q2", pupil="Hibou")) is False and other.held == 1
    finally:
        holder.communicate("\n", timeout=30)
    assert damaged_copies(tmp_path) == [] and not list(tmp_path.glob("*.damaged-*"))
    records.record(outcome("q3"))  # the next answer writes the kept one first
    assert records.held == 0 and not list(tmp_path.glob("pending-records-*.json"))
    assert records.flush_pending() == 0
    ids = [o.statement_id for o in Records(tmp_path, read_only=True).outcomes("5B")]
    assert ids.count(answer.statement_id) == 1 and len(ids) == 4  # q0, q1, q3 and the other window's q2


def test_a_journal_left_by_a_closed_window_is_written_at_the_next_start(tmp_path):
    records = Records(tmp_path)
    answer = outcome("q1")
    records._held.append(answer)
    records._write_journal()  # as if the window was closed while the database was busy
    records.close()
    Records(tmp_path).close()
    assert [o.statement_id for o in Records(tmp_path, read_only=True).outcomes("5B")] == [answer.statement_id]
    assert not list(tmp_path.glob("pending-records-*.json"))


def test_a_read_only_data_folder_gives_reports_and_exports_and_is_never_taken_as_damaged(tmp_path):
    """Tests run as root, where chmod stops nothing: the folder is made really read-only with a read-only bind
    mount (EROFS for every user, root included)."""
    folder = tmp_path / "ro"
    records = Records(folder)
    records.record(outcome("q1"))
    records.close()
    if subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode != 0:
        pytest.skip("bind mount not permitted")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("read-only remount not permitted")
        with pytest.raises(OSError):
            (folder / "probe").write_text("x")
        before = sorted(p.name for p in folder.iterdir())
        rep = teacher("report", "--class", "5B", "--out", str(tmp_path / "r.html"), data_dir=folder)
        assert rep.returncode == 0, rep.stderr
        exp = teacher("export", "--class", "5B", "--format", "csv", "--out", str(tmp_path / "e.csv"),
                      data_dir=folder)
        assert exp.returncode == 0, exp.stderr
        assert "5B" in (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
        # A writing command says so in a sentence; the game's start too; nothing is moved aside or created.
        erase = teacher("erase", "--class", "5B", "--yes", data_dir=folder)
        assert "Traceback" not in erase.stderr and erase.returncode != 0
        with pytest.raises(RecordsError):
            Records(folder)
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_reports_open_read_only_and_create_nothing(tmp_path):
    folder = tmp_path / "none"
    folder.mkdir()
    assert Records(folder, read_only=True).outcomes() == []
    assert list(folder.iterdir()) == []  # no database created by reading


def _damaged_folder(tmp_path: Path) -> Path:
    records = Records(tmp_path)
    records.record_many([outcome(f"q{i}", pupil=f"P{i % 50}") for i in range(3000)])
    records.close()
    data = bytearray(records.path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = b"\xde\xad\xbe\xef" * 2048
    records.path.write_bytes(bytes(data))
    return tmp_path


def test_damage_in_the_middle_of_the_file_is_kept_aside_and_told_by_every_command(tmp_path):
    folder = _damaged_folder(tmp_path)
    rep = teacher("report", "--class", "5B", "--out", str(tmp_path / "r.html"), data_dir=folder)
    assert "Traceback" not in rep.stderr and "damaged" in rep.stderr
    records = Records(folder)  # the game starting: the damaged file is kept aside, a new one started
    assert records.notice and records.notice.startswith("damaged:")
    assert len(damaged_copies(folder)) == 1 and records.count() == 0
    records.close()
    for args in (["report", "--class", "5B", "--out", str(tmp_path / "r.html")],
                 ["export", "--class", "5B", "--format", "csv", "--out", str(tmp_path / "e.csv")],
                 ["erase", "--class", "ZZ", "--yes"]):
        res = teacher(*args, data_dir=folder)
        assert "Traceback" not in res.stderr, args
        assert "damaged records file" in res.stderr, args


def test_a_full_disk_keeps_the_answer_and_writes_it_once_there_is_room(tmp_path):
    """A real full disk: a 512 KB tmpfs (root may mount one here)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("mount not permitted")
    try:
        records = Records(disk, busy_timeout=0.2)
        records.record(outcome("q0"))
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        answers = [outcome(f"q{i}", option="x" * 2000) for i in range(1, 40)]
        for a in answers:
            records.record(a)  # never raises: kept when it cannot be written
        assert records.held > 0
        filler.unlink()
        records.flush_pending()
        assert records.held == 0
        ids = [o.statement_id for o in records.outcomes("5B")]
        assert all(ids.count(a.statement_id) == 1 for a in answers) and len(ids) == 40
        assert damaged_copies(disk) == []
        records.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_one_window_per_pupil_and_one_first_answer_per_question(tmp_path, mini_content):
    first = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    with pytest.raises(PupilBusy):
        PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    PupilSession(mini_content, tmp_path, "5B", "Hibou", "fr").close()  # another pupil plays on
    first.close()
    PupilSession(mini_content, tmp_path, "5B", "Renard", "fr").close()  # released on exit
    # Even two processes (two connections) cannot record two answers to one question in one attempt.
    a, b = Records(tmp_path), Records(tmp_path)
    assert a.record(outcome("q1", correct=False, option="b")) is True
    assert b.record(outcome("q1", correct=True, option="a")) is False
    assert b.record(outcome("q1", attempt=2)) is True  # a new playthrough is a new answer
    assert sorted((o.attempt, o.option) for o in a.outcomes("5B")) == [(1, "b"), (2, "a")]


def test_a_lock_left_by_a_killed_window_is_not_stale(tmp_path):
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from game.records import Records; "
            f"Records({str(tmp_path)!r}).claim('5B', 'Renard'); import os; os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    Records(tmp_path).claim("5B", "Renard").release()  # the OS released it with the process


@pytest.mark.parametrize("path, value", [
    (("chapters", "mini", "playthrough"), 10 ** 30),
    (("chapters", "mini", "dialogue", "line"), 10 ** 30),
    (("chapters", "mini", "answers", "q1", "duration_ms"), -(10 ** 25)),
    (("completed", "mini"), 10 ** 40),
])
def test_a_save_with_a_huge_number_loads_as_damaged_never_a_crash(tmp_path, mini_content, path, value):
    s = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    run = s.open_chapter("mini")
    q = next(iter(run.bundle.questions)) if run.bundle.questions else "q1"
    s.save()
    s.close()
    save = Records(tmp_path).saves.path("5B", "Renard")
    data = json.loads(save.read_text(encoding="utf-8"))
    data["chapters"]["mini"].setdefault("dialogue", {"node": "x"})
    data["chapters"]["mini"]["answers"][q] = {"question": q, "option": "a", "correct": True, "attempt": 1,
                                              "duration_ms": 10, "at": "2026-03-02T09:00:00+00:00",
                                              "statement_id": str(uuid.uuid4())}
    target = data
    keys = [q if k == "q1" else k for k in path]
    for k in keys[:-1]:
        target = target.setdefault(k, {})
    target[keys[-1]] = value
    save.write_text(json.dumps(data), encoding="utf-8")
    again = PupilSession(mini_content, tmp_path, "5B", "Renard", "fr")
    assert again.notice and again.notice.startswith("damaged:")
    again.open_chapter("mini")  # the pupil plays on
    again.close()
    assert list(save.parent.glob("*.damaged-*.json"))
