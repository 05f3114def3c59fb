"""The one owner of the data folder's pupil data: outcomes, activity, classes, the LRS outbox, saves.

- Every answer is written the moment it is given, in its own transaction (WAL journal, synchronous=FULL), so a
  crash or a pulled plug loses nothing already answered. Pupils are pseudonyms inside a class; nothing else about
  them is stored. `statement_id` is unique: the same record stored twice (a replay, an import) is stored once.
- When the LRS link is on (a setting kept here, turned on with the LRS address), a new record is queued in the
  outbox in the SAME transaction: nothing is recorded locally without being queued.
- The tables are created and migrated here only, keyed on `PRAGMA user_version` (see MIGRATIONS).
- One erase path (`erase`, `purge_older_than`) removes records, queued statements and saves together, with
  secure_delete and a WAL checkpoint so no copy is left in the folder.
No other module runs SQL on these tables: they use the typed methods below.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import shutil
import sqlite3
import sys
import uuid
from collections.abc import Iterable
from pathlib import Path

from .rows import (
    Activity,
    AttemptScore,
    ClassInfo,
    LrsConfig,
    MergeResult,
    LrsStatus,
    ObjectiveScore,
    OptionCount,
    Outcome,
    PupilChapter,
    Record,
)
from .saves import LoadResult, SaveStore, atomic_write_text
from .types import ClassCode, Pseudonym

DB_NAME = "outcomes.sqlite3"
LRS_FILE = "lrs.json"
SCHEMA_VERSION = 3

_OUTCOMES = """CREATE TABLE IF NOT EXISTS outcomes (
    statement_id TEXT PRIMARY KEY,
    class_code   TEXT NOT NULL,
    pupil        TEXT NOT NULL,
    chapter      TEXT NOT NULL,
    question     TEXT NOT NULL,
    objective    TEXT NOT NULL DEFAULT '',
    option       TEXT NOT NULL,
    correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
    attempt      INTEGER NOT NULL,
    duration_ms  INTEGER NOT NULL,
    answered_at  TEXT NOT NULL,
    locale       TEXT NOT NULL
)"""
_ACTIVITY_TABLE = """CREATE TABLE IF NOT EXISTS activity (
    statement_id TEXT PRIMARY KEY,
    class_code   TEXT NOT NULL,
    pupil        TEXT NOT NULL,
    chapter      TEXT NOT NULL,
    attempt      INTEGER NOT NULL,
    verb         TEXT NOT NULL CHECK (verb IN ('launched', 'resumed', 'opened', 'played', 'completed')),
    object       TEXT NOT NULL,
    at           TEXT NOT NULL,
    locale       TEXT NOT NULL,
    data         TEXT NOT NULL DEFAULT '{}'
)"""
_CLASSES = """CREATE TABLE IF NOT EXISTS classes (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    open_chapters TEXT  -- JSON list of chapter ids; NULL: every chapter is open
)"""
# Version 1: what the game wrote before this package (the outbox, with each statement's JSON body, only existed
# once an LRS had been configured: teacher_mode.lrs created it).
_V1 = [
    _OUTCOMES,
    "CREATE INDEX IF NOT EXISTS outcomes_by_class ON outcomes (class_code, chapter, question)",
    "CREATE INDEX IF NOT EXISTS outcomes_by_pupil ON outcomes (class_code, pupil, chapter, attempt)",
    # Covers the dashboard's first-attempt aggregates: they read this index only, never the table.
    ("CREATE INDEX IF NOT EXISTS outcomes_cover ON outcomes (class_code, pupil, chapter, attempt, question, option, "
     "correct, objective)"),
    _ACTIVITY_TABLE,
    "CREATE INDEX IF NOT EXISTS activity_by_class ON activity (class_code, pupil, chapter, attempt)",
    _CLASSES,
]
# Version 2: the outbox always exists and holds only which record waits (the statement is made from the record
# when it is sent: no second copy of a pupil's data); the LRS link is a setting.
_OUTBOX_V2 = """CREATE TABLE {name} (
    statement_id TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('outcome', 'activity')),
    class_code   TEXT NOT NULL,
    pupil        TEXT NOT NULL,
    queued_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT ''
)"""
_SETTINGS = "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
# Version 3: who was erased, so that a sync or an import never brings them back. A row holds a keyed hash
# (HMAC-SHA-256, key in settings 'erased_key') of the class, or of the class and the pseudonym — never the names —
# and the moment of the erasure: records made up to that moment stay out; later ones (the pupil plays again) come in.
_ERASED = """CREATE TABLE erased (
    digest    TEXT PRIMARY KEY,
    erased_at TEXT NOT NULL
)"""
# Digests and the key are written with these 16 symbols: no letter, digit, space or -_'. that a class code or a
# pseudonym is made of, so no scan for a name can ever find one in them.
_SYMBOLS = "!#$%&()*+,/:;<=>"

_OUTCOME_COLUMNS = list(Outcome.__dataclass_fields__)
_ACTIVITY_COLUMNS = list(Activity.__dataclass_fields__)
_FIRST = """WITH first AS (
    SELECT pupil, chapter, MIN(attempt) AS attempt FROM outcomes WHERE class_code = ? GROUP BY pupil, chapter
)
"""


def read_lrs_config(data_dir: Path) -> LrsConfig | None:
    """The LRS this data folder is linked to, if any (its lrs.json; no database needed)."""
    try:
        data = json.loads((Path(data_dir) / LRS_FILE).read_text(encoding="utf-8"))
        return LrsConfig(data["url"], data["username"], data["password"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


class RecordsError(Exception):
    """The data folder cannot be used as it is (a sentence to show)."""


# SQLite's primary result codes (the low byte of sqlite_errorcode).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
PENDING_GLOB = "pending-records-*.json"


def _code(exc: BaseException) -> int:
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


# What a command catches when a read meets damage that the opening check did not reach (no sqlite3 import needed
# outside this package).
RecordsReadError = sqlite3.DatabaseError


class _Damaged(sqlite3.DatabaseError):
    """PRAGMA quick_check found damage."""


def is_damage(exc: BaseException) -> bool:
    """True only for a file SQLite itself calls damaged: never for busy, locked, read-only or a full disk."""
    return isinstance(exc, _Damaged) or (isinstance(exc, sqlite3.DatabaseError) and _code(exc) in (_CORRUPT, _NOTADB))


def is_transient(exc: BaseException) -> bool:
    """An answer that could not be written now but can be later: another program holds the lock, the file or
    folder is read-only, the disk is full, an I/O error."""
    return (isinstance(exc, sqlite3.OperationalError) and _code(exc) in (_BUSY, _LOCKED, _READONLY, _IOERR, _FULL,
                                                                         _CANTOPEN)) \
        or isinstance(exc, OSError)


def damaged_copies(data_dir: Path) -> list[Path]:
    """The damaged databases kept aside in this folder (told in every command and on the teacher's home screen
    until the teacher or a technician moves them away)."""
    return sorted(Path(data_dir).glob(f"{DB_NAME}.damaged-*[0-9]"))


def damaged_sentence(data_dir: Path) -> str | None:
    kept = damaged_copies(data_dir)
    if not kept:
        return None
    return (f"Warning: {len(kept)} damaged records file(s) kept aside in {Path(data_dir)} "
            f"({', '.join(k.name for k in kept)}): the records made before the damage are in them, not in the "
            f"reports. Keep them for a technician.")


def _table_exists(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _to_v1(db: sqlite3.Connection, data_dir: Path) -> None:
    for ddl in _V1:
        db.execute(ddl)


def _to_v2(db: sqlite3.Connection, data_dir: Path) -> None:
    db.execute(_OUTBOX_V2.format(name="outbox_v2"))
    if _table_exists(db, "outbox"):  # v1: (statement_id, body, class_code, pupil, queued_at, attempts, last_error)
        # Rows whose record is gone were left by the old erase (it never cleared the queue): they are dropped.
        db.execute("""INSERT INTO outbox_v2 (statement_id, kind, class_code, pupil, queued_at, attempts, last_error)
                      SELECT q.statement_id,
                             CASE WHEN q.statement_id IN (SELECT statement_id FROM outcomes) THEN 'outcome'
                                  ELSE 'activity' END,
                             q.class_code, q.pupil, q.queued_at, q.attempts, q.last_error
                      FROM outbox q
                      WHERE q.statement_id IN (SELECT statement_id FROM outcomes
                                               UNION SELECT statement_id FROM activity)
                      ORDER BY q.rowid""")
        db.execute("DROP TABLE outbox")
    db.execute("ALTER TABLE outbox_v2 RENAME TO outbox")
    db.execute("CREATE INDEX outbox_by_pupil ON outbox (class_code, pupil)")
    db.execute(_SETTINGS)
    # The old game queued records whenever lrs.json existed: the link stays as it was.
    db.execute("INSERT INTO settings (key, value) VALUES ('lrs_link', ?)",
               ("on" if (data_dir / LRS_FILE).exists() else "off",))


def _to_v3(db: sqlite3.Connection, data_dir: Path) -> None:
    db.execute(_ERASED)


# MIGRATIONS[n] brings a database at version n to version n + 1 (version 0: a new, empty file).
MIGRATIONS = [_to_v1, _to_v2, _to_v3]
assert len(MIGRATIONS) == SCHEMA_VERSION


class Records:
    """The data folder's pupil data. One instance per thread (SQLite connections stay in their thread)."""

    notice: str | None = None  # set when a damaged database was kept aside and a new one started

    def __init__(self, data_dir: Path, *, read_only: bool = False, busy_timeout: float = 10.0):
        """`read_only`: reports and exports; nothing is created or changed (a missing file reads as no records).
        `busy_timeout`: how long to wait for another program's write lock (short on the pupil's path: an answer
        that cannot be written in time is kept in a pending journal and written later)."""
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_NAME
        self.saves = SaveStore(self.data_dir)
        self.read_only = read_only
        self.busy_timeout = busy_timeout
        self._held: list[Record] = []  # records kept in this process's journal, not yet in the database
        self._journal = self.data_dir / f"pending-records-{uuid.uuid4().hex}.json"
        if read_only:
            self._open_read_only()
            return
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RecordsError(f"the data folder {self.data_dir} cannot be created ({exc.strerror}).") from exc
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise RecordsError(self._sentence(exc)) from exc
            # Really damaged (SQLite says so): keep it for the teacher and a technician, never delete it, and
            # start a new store so that pupils can go on answering. Told by every command and the teacher's home.
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
            for suffix in ("", "-wal", "-shm"):
                part = self.path.with_name(self.path.name + suffix)
                if part.exists():
                    part.rename(kept.with_name(kept.name + suffix))
            self.notice = f"damaged:{kept.name}"
            self._open()
        self.flush_pending()

    def _sentence(self, exc: BaseException) -> str:
        code = _code(exc)
        if code in (_BUSY, _LOCKED):
            return (f"the records in {self.path} are in use by another program (nothing was changed): "
                    f"try again in a moment.")
        if code in (_READONLY, _CANTOPEN):
            return f"the records in {self.path} cannot be written (a read-only file or folder)."
        if code == _FULL:
            return f"the disk holding {self.path} is full."
        return f"the records in {self.path} cannot be used ({exc})."

    @classmethod
    def in_dir(cls, data_dir: Path) -> Records:
        return cls(data_dir)

    @property
    def damaged(self) -> str | None:
        """A sentence when damaged databases were kept aside in this folder (None otherwise)."""
        return damaged_sentence(self.data_dir)

    def _open_read_only(self) -> None:
        if not self.path.exists():
            # No records yet: an empty in-memory store, so reports say "no records" and nothing is created.
            self._db = sqlite3.connect(":memory:", isolation_level=None)
            for step in MIGRATIONS:
                step(self._db, self.data_dir)
            return
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            try:
                self._db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=self.busy_timeout)
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.OperationalError as exc:
                wal = self.path.with_name(self.path.name + "-wal")
                if _code(exc) not in (_READONLY, _CANTOPEN) or (wal.exists() and wal.stat().st_size > 0):
                    raise
                # A read-only folder: SQLite cannot make its shared-memory file. Nobody can write there, and no
                # write-ahead log is waiting, so the file is read as it is (immutable).
                self._db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
            self._check()
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):
                raise RecordsError(f"the records in {self.path} are damaged; the game keeps the file aside the "
                                   f"next time it starts, and starts a new one.") from exc
            raise RecordsError(self._sentence(exc)) from exc
        if version != SCHEMA_VERSION:
            self._db.close()
            raise RecordsError(f"the records in {self.path} are at version {version}, this game reads version "
                               f"{SCHEMA_VERSION}: start the game once (it updates them), then try again.")

    def _check(self) -> None:
        """Damage anywhere in the file, not only on the first page (bounded: stops at the first problem)."""
        row = self._db.execute("PRAGMA quick_check(1)").fetchone()
        if row is None or row[0] != "ok":
            raise _Damaged(f"quick_check: {row[0] if row else 'no answer'}")

    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=self.busy_timeout)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA secure_delete=ON")  # erased records are overwritten, not just unlinked
            self._migrate()
            self._db.execute("SELECT COUNT(*) FROM outcomes").fetchone()
            self._check()
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    def _migrate(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:  # not damaged: never kept aside, never overwritten
            db.close()
            raise RecordsError(f"{self.path} was written by a newer version of the game (records version "
                               f"{version}; this one reads up to {SCHEMA_VERSION}): update the game.")
        with db:
            db.execute("BEGIN IMMEDIATE")  # one migrating process at a time; all steps, or none
            version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            for step in MIGRATIONS[version:]:
                step(db, self.data_dir)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self._checkpoint()

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    # -- writing records -----------------------------------------------------------------------------
    def record(self, outcome: Outcome, *, queue: bool = True) -> bool:
        """Write one outcome in its own transaction (queued for the LRS when the link is on). False if already
        there. If the database cannot be written now (busy, read-only, disk full), the outcome is kept in this
        process's pending journal (written atomically beside the saves) and written later: the next answer, the
        next start, or `flush_pending`; `held` then counts it. Written exactly once (statement ids are unique)."""
        return self._record_or_hold([outcome], queue)

    def record_activity(self, activity: Activity, *, queue: bool = True) -> bool:
        return self._record_or_hold([activity], queue)

    def _record_or_hold(self, records: list[Record], queue: bool) -> bool:
        self.flush_pending()
        try:
            return self.record_many(records, queue=queue) == 1
        except (sqlite3.OperationalError, OSError) as exc:
            if not is_transient(exc):
                raise
            self._held.extend(records)
            self._write_journal()
            return False

    @property
    def held(self) -> int:
        """Records this process kept in its pending journal because the database could not be written."""
        return len(self._held)

    def _write_journal(self) -> None:
        body = json.dumps([{"kind": "outcome" if isinstance(r, Outcome) else "activity", **dataclasses.asdict(r)}
                           for r in self._held])
        with contextlib.suppress(OSError):  # a full disk: the records stay in memory (and in the save), retried later
            atomic_write_text(self._journal, body)

    def flush_pending(self) -> int:
        """Write the records held by this process and the journals left by others (a crash, a closed window).
        Returns how many were new; nothing is lost if the database is still busy."""
        journals = [j for j in self.data_dir.glob(PENDING_GLOB) if j != self._journal]
        if not self._held and not journals:
            return 0
        found: list[Record] = list(self._held)
        for j in journals:
            try:
                for item in json.loads(j.read_text(encoding="utf-8")):
                    kind = item.pop("kind")
                    found.append(Outcome(**item) if kind == "outcome" else Activity(**item))
            except (OSError, ValueError, TypeError, KeyError, AttributeError):
                continue  # unreadable: left in place for a technician, never deleted
        try:
            n = self.record_many(found)
        except (sqlite3.OperationalError, OSError) as exc:
            if is_transient(exc):
                return 0
            raise
        self._held.clear()
        for j in [self._journal, *journals]:
            with contextlib.suppress(OSError):
                j.unlink(missing_ok=True)
        return n

    def record_many(self, records: Iterable[Record], *, queue: bool = True) -> int:
        """Records in one transaction (an import): all of them, or none after a crash. `queue=False` for records
        that came from the LRS (nothing to send back). Returns how many were new."""
        added = 0
        with self._db:  # BEGIN ... COMMIT (or ROLLBACK on error): the records and their queue entries, or nothing
            self._db.execute("BEGIN IMMEDIATE")
            link = queue and self._setting("lrs_link") == "on"
            for r in records:
                if isinstance(r, Outcome):
                    table, kind, columns = "outcomes", "outcome", _OUTCOME_COLUMNS
                    values = [getattr(r, c) for c in columns]
                    values[columns.index("correct")] = int(r.correct)
                else:
                    table, kind, columns = "activity", "activity", _ACTIVITY_COLUMNS
                    values = [getattr(r, c) for c in columns]
                sql = (f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
                       f"SELECT {', '.join('?' * len(columns))}")
                if isinstance(r, Outcome):
                    # An answer is final: one answer per pupil, chapter, attempt and question, even from two
                    # processes (the check and the insert run under the write lock of BEGIN IMMEDIATE).
                    sql += (" WHERE NOT EXISTS (SELECT 1 FROM outcomes WHERE class_code = ? AND pupil = ? "
                            "AND chapter = ? AND attempt = ? AND question = ?)")
                    values += [r.class_code, r.pupil, r.chapter, r.attempt, r.question]
                cur = self._db.execute(sql, values)
                if cur.rowcount == 1:
                    added += 1
                    if link:
                        self._db.execute("INSERT OR IGNORE INTO outbox (statement_id, kind, class_code, pupil) "
                                         "VALUES (?, ?, ?, ?)", (r.statement_id, kind, r.class_code, r.pupil))
        return added

    # -- reading records -----------------------------------------------------------------------------
    def _select(self, table: str, columns: list[str], order: str, **filters) -> list[tuple]:
        where = [(column, value) for column, value in filters.items() if value is not None]
        sql = f"SELECT {', '.join(columns)} FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(f"{column} = ?" for column, _ in where)
        return self._db.execute(sql + f" ORDER BY {order}", [v for _, v in where]).fetchall()

    def outcomes(self, class_code: str | None = None, *, pupil: str | None = None,
                 chapter: str | None = None, attempt: int | None = None) -> list[Outcome]:
        rows = self._select("outcomes", _OUTCOME_COLUMNS, "answered_at, statement_id", class_code=class_code,
                            pupil=pupil, chapter=chapter, attempt=attempt)
        return [_outcome(r) for r in rows]

    def activities(self, class_code: str | None = None, *, pupil: str | None = None,
                   chapter: str | None = None) -> list[Activity]:
        rows = self._select("activity", _ACTIVITY_COLUMNS, "at, statement_id", class_code=class_code, pupil=pupil,
                            chapter=chapter)
        return [Activity(*r) for r in rows]

    def count(self) -> int:
        """How many answers are stored."""
        return self._db.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0]

    def pupils(self, class_code: str) -> list[str]:
        rows = self._db.execute("SELECT pupil FROM outcomes WHERE class_code = ? UNION "
                                "SELECT pupil FROM activity WHERE class_code = ?", (class_code, class_code)).fetchall()
        return sorted((r[0] for r in rows), key=str.casefold)

    def chapters_recorded(self, class_code: str) -> list[str]:
        """Chapters the class has any record of (also chapters no longer installed)."""
        rows = self._db.execute("SELECT DISTINCT chapter FROM outcomes WHERE class_code = ? UNION "
                                "SELECT DISTINCT chapter FROM activity WHERE class_code = ? ORDER BY 1",
                                (class_code, class_code)).fetchall()
        return [r[0] for r in rows]

    def first_attempt_options(self, class_code: str) -> list[OptionCount]:
        """Per question and option given, how many pupils gave it on their first attempt at the chapter."""
        return [OptionCount(c, q, o, bool(ok), n) for c, q, o, ok, n in self._db.execute(_FIRST + """
            SELECT o.chapter, o.question, o.option, o.correct, COUNT(*) FROM outcomes o
            JOIN first f ON o.pupil = f.pupil AND o.chapter = f.chapter AND o.attempt = f.attempt
            WHERE o.class_code = ? GROUP BY o.chapter, o.question, o.option, o.correct""", (class_code, class_code))]

    def option_counts(self, class_code: str) -> list[tuple[str, str, str, int]]:
        """(chapter, question, option, answers) over every attempt: the cheapest aggregate (the bench's floor)."""
        return self._db.execute("SELECT chapter, question, option, COUNT(*) FROM outcomes WHERE class_code = ? "
                                "GROUP BY chapter, question, option", (class_code,)).fetchall()

    def first_attempt_objectives(self, class_code: str) -> list[ObjectiveScore]:
        return [ObjectiveScore(*r) for r in self._db.execute(_FIRST + """
            SELECT o.chapter, o.objective, o.pupil, SUM(o.correct), COUNT(*) FROM outcomes o
            JOIN first f ON o.pupil = f.pupil AND o.chapter = f.chapter AND o.attempt = f.attempt
            WHERE o.class_code = ? GROUP BY o.chapter, o.objective, o.pupil""", (class_code, class_code))]

    def attempt_scores(self, class_code: str) -> list[AttemptScore]:
        """Right answers and answers per pupil, chapter and attempt, oldest attempt first."""
        return [AttemptScore(*r) for r in self._db.execute("""
            SELECT pupil, chapter, attempt, SUM(correct), COUNT(*) FROM outcomes WHERE class_code = ?
            GROUP BY pupil, chapter, attempt ORDER BY attempt""", (class_code,))]

    def completed_chapters(self, class_code: str) -> set[PupilChapter]:
        return {PupilChapter(*r) for r in self._db.execute(
            "SELECT DISTINCT pupil, chapter FROM activity WHERE class_code = ? AND verb = 'completed' "
            "AND object = chapter", (class_code,))}

    def started_chapters(self, class_code: str) -> set[PupilChapter]:
        return {PupilChapter(*r) for r in self._db.execute(
            "SELECT DISTINCT pupil, chapter FROM activity WHERE class_code = ? UNION "
            "SELECT DISTINCT pupil, chapter FROM outcomes WHERE class_code = ?", (class_code, class_code))}

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after a large import)."""
        self._db.execute("ANALYZE")

    # -- classes (teacher space) ---------------------------------------------------------------------
    def create_class(self, code: str, name: str = "", created_at: str = "") -> bool:
        code = ClassCode(code)
        created_at = created_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute("INSERT OR IGNORE INTO classes (code, name, created_at) VALUES (?, ?, ?)",
                                   (code, name, created_at))
        return cur.rowcount == 1

    def classes(self) -> list[ClassInfo]:
        """The teacher's classes, plus classes that only have records."""
        rows = self._db.execute(
            "SELECT code, name FROM classes UNION SELECT DISTINCT class_code, '' FROM outcomes "
            "WHERE class_code NOT IN (SELECT code FROM classes) UNION SELECT DISTINCT class_code, '' FROM activity "
            "WHERE class_code NOT IN (SELECT code FROM classes) ORDER BY 1").fetchall()
        return [ClassInfo(c, n) for c, n in rows]

    def set_open_chapters(self, code: str, chapters: list[str] | None) -> None:
        self.create_class(code)
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("UPDATE classes SET open_chapters = ? WHERE code = ?",
                             (None if chapters is None else json.dumps(sorted(chapters)), code))

    def open_chapters(self, code: str) -> list[str] | None:
        """The chapters pupils of this class may play; None means all (also for a class the teacher never set up)."""
        row = self._db.execute("SELECT open_chapters FROM classes WHERE code = ?", (code,)).fetchone()
        return None if row is None or row[0] is None else json.loads(row[0])

    # -- saves -----------------------------------------------------------------------------------------
    def claim(self, class_code: str, pupil: str) -> PupilLock:
        """One window per pupil on this data folder: an OS file lock (released by the OS when the game ends,
        even after a crash). PupilBusy if another window holds it."""
        return PupilLock(self.saves.path(class_code, pupil).with_suffix(".lock"))

    def load_profile(self, class_code: str, pupil: str) -> LoadResult:
        return self.saves.load(class_code, pupil)

    def save_profile(self, profile) -> None:
        self.saves.save(profile)

    # -- the LRS link and its outbox -----------------------------------------------------------------
    def _setting(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    @property
    def lrs_link(self) -> bool:
        """True: every new record is queued for the LRS in the transaction that stores it."""
        return self._setting("lrs_link") == "on"

    def lrs_config(self) -> LrsConfig | None:
        return read_lrs_config(self.data_dir)

    def set_lrs(self, cfg: LrsConfig | None) -> None:
        """Link this folder to an LRS (records from now on are queued) or unlink it (None: nothing more is queued;
        what is already queued stays until it is sent or erased)."""
        path = self.data_dir / LRS_FILE
        if cfg is not None:
            if not cfg.url.startswith(("http://", "https://")):
                raise ValueError("the LRS address must start with http:// or https://")
            atomic_write_text(path, json.dumps({"url": cfg.url, "username": cfg.username, "password": cfg.password}))
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('lrs_link', ?)",
                             ("on" if cfg is not None else "off",))
        if cfg is None:
            path.unlink(missing_ok=True)

    def pending(self, limit: int | None = None) -> list[Record]:
        """The records waiting for the LRS, oldest queued first. One statement, so one consistent snapshot even
        while another connection (the teacher erasing a pupil) changes the tables."""
        o_cols = ", ".join(f"o.{c}" for c in _OUTCOME_COLUMNS)
        a_cols = ", ".join(f"a.{c}" for c in _ACTIVITY_COLUMNS)
        rows = self._db.execute(
            f"SELECT q.kind, {o_cols}, {a_cols} FROM outbox q "
            "LEFT JOIN outcomes o ON q.kind = 'outcome' AND o.statement_id = q.statement_id "
            "LEFT JOIN activity a ON q.kind = 'activity' AND a.statement_id = q.statement_id "
            "ORDER BY q.rowid LIMIT ?", (-1 if limit is None else limit,)).fetchall()
        n = len(_OUTCOME_COLUMNS)
        out: list[Record] = []
        for kind, *values in rows:
            if kind == "outcome" and values[0] is not None:
                out.append(_outcome(values[:n]))
            elif kind == "activity" and values[n] is not None:
                out.append(Activity(*values[n:]))
        return out

    def outbox_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]

    def note_lrs_attempt(self, error: str | None) -> None:
        """What the last attempt to send gave (None: the LRS confirmed what was sent), for the teacher's screen."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                 [("lrs_last_attempt", now), ("lrs_last_error", error or "")])

    def lrs_status(self) -> LrsStatus:
        """How many records wait for the LRS, and what the last attempt to send them gave."""
        return LrsStatus(self.outbox_count(), self._setting("lrs_last_error") or "",
                         self._setting("lrs_last_attempt") or "")

    def mark_delivered(self, ids: Iterable[str]) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("DELETE FROM outbox WHERE statement_id = ?", [(s,) for s in ids])

    def mark_failed(self, ids: Iterable[str], error: str) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE statement_id = ?",
                                 [(error, s) for s in ids])

    # -- erased pupils stay erased ------------------------------------------------------------------
    def not_erased(self, records: Iterable[Record]) -> tuple[list[Record], int]:
        """The records that may come in (a sync, an import), and how many may not: those of a pupil or class erased
        here after they were made, and those older than the retention rule's last cutoff."""
        records = list(records)
        key, cutoff = self._setting("erased_key"), self._setting("purged_before")
        if key is None and cutoff is None:
            return records, 0
        stones = dict(self._db.execute("SELECT digest, erased_at FROM erased").fetchall())
        kept: list[Record] = []
        for r in records:
            # (made before, made at or before): erased if made before the cutoff, or at or before an erasure
            limits = [(_moment(cutoff or ""), False)]
            if key is not None:
                limits += [(_moment(stones.get(_digest(key, r.class_code, p), "")), True) for p in (None, r.pupil)]
            made = _moment(r.answered_at if isinstance(r, Outcome) else r.at)
            if not any(limit is not None and (made is None or made < limit or (at_too and made == limit))
                       for limit, at_too in limits):
                kept.append(r)
        return kept, len(records) - len(kept)

    def _tombstones(self, codes: list[str], names: list[str] | None) -> None:
        """Inside the erasing transaction: remember that these were erased now (keyed hashes, no names)."""
        key = self._setting("erased_key")
        if key is None:
            key = _encode(secrets.token_bytes(32))
            self._db.execute("INSERT INTO settings (key, value) VALUES ('erased_key', ?)", (key,))
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        digests = [_digest(key, c) for c in codes] if names is None else \
            [_digest(key, c, n) for c in codes for n in names]
        self._db.executemany("INSERT OR REPLACE INTO erased (digest, erased_at) VALUES (?, ?)",
                             [(d, now) for d in digests])

    # -- erasing: one path ---------------------------------------------------------------------------
    def erase(self, class_code: str, pupil: str | None = None) -> int:
        """Everything about one pupil (or, with no pupil, a whole class) goes: answers, activity, queued
        statements, the class's settings, the save files and the damaged copies kept aside of them.
        Returns the number of records removed."""
        # As typed and in its normal form: a record imported by an older game may hold a name it did not normalise.
        codes = sorted({class_code, *_valid(ClassCode, class_code)})
        in_codes = f"class_code IN ({', '.join('?' * len(codes))})"
        if pupil is None:
            n = self._delete([in_codes], codes, class_rows=codes, erased=(codes, None))
            for code in _valid(ClassCode, class_code):
                if self.saves.folder(code).is_dir():
                    shutil.rmtree(self.saves.folder(code))
        else:
            names = sorted({pupil, *_valid(Pseudonym, pupil)})
            n = self._delete([in_codes, f"pupil IN ({', '.join('?' * len(names))})"], codes + names,
                             erased=(codes, names))
            for code in _valid(ClassCode, class_code):
                for name in _valid(Pseudonym, pupil):
                    for f in self.saves.files_of(code, name):
                        f.unlink()
                    with contextlib.suppress(OSError):  # the one-window lock (its name is the save's)
                        self.saves.path(code, name).with_suffix(".lock").unlink(missing_ok=True)
        return n

    def older_than(self, cutoff: str) -> int:
        """How many records were made before `cutoff` (ISO date): shown to the teacher before purging."""
        return (self._db.execute("SELECT COUNT(*) FROM outcomes WHERE answered_at < ?", (cutoff,)).fetchone()[0]
                + self._db.execute("SELECT COUNT(*) FROM activity WHERE at < ?", (cutoff,)).fetchone()[0])

    def purge_older_than(self, cutoff: str) -> int:
        """The retention rule: records made before `cutoff`, their queued statements, and saves last written
        before it. Returns the number of records removed."""
        moment = dt.datetime.fromisoformat(cutoff)
        n = self._delete({"outcomes": ["answered_at < ?"], "activity": ["at < ?"]}, [cutoff], purged_before=cutoff)
        limit = (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)).timestamp()
        if self.saves.root.is_dir():
            for f in self.saves.root.glob("*/*.json"):
                if f.stat().st_mtime < limit:
                    f.unlink()
            for folder in self.saves.root.iterdir():
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
        return n

    def _delete(self, where, params: list, class_rows: tuple[str, ...] | list[str] = (),
                erased: tuple[list[str], list[str] | None] | None = None, purged_before: str | None = None) -> int:
        conditions = where if isinstance(where, dict) else {"outcomes": where, "activity": where}
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            if erased is not None:  # in the same transaction: erased, and remembered as erased, or neither
                self._tombstones(*erased)
            if purged_before is not None:
                before, after = _moment(self._setting("purged_before") or ""), _moment(purged_before)
                if before is None or (after is not None and before < after):
                    self._db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('purged_before', ?)",
                                     (purged_before,))
            n = 0
            for table in ("outcomes", "activity"):
                n += self._db.execute(f"DELETE FROM {table} WHERE {' AND '.join(conditions[table])}",
                                      params).rowcount
            # a queued statement never outlives its record
            self._db.execute("DELETE FROM outbox WHERE statement_id NOT IN "
                             "(SELECT statement_id FROM outcomes UNION SELECT statement_id FROM activity)")
            self._db.executemany("DELETE FROM classes WHERE code = ?", [(c,) for c in class_rows])
        self._checkpoint()
        return n

    # -- merging two names of one pupil ("Maelys" one lesson, "Maëlys" the next) --------------------------
    def merge_pupils(self, class_code: str, source: str, target: str) -> MergeResult:
        """Everything of `source` becomes `target`'s, in one transaction: answers, activity, queued statements;
        then the saves are merged into `target`'s. The first-attempt rule still holds: in a chapter both played,
        the attempts of whoever started it later are numbered after the other's, so the earliest first attempt
        stays the first, and the questions both answered first are listed (`both_first`). Nothing is deleted."""
        pupils = self.pupils(class_code)
        for name in (source, target):
            if name not in pupils:
                raise ValueError(f"no pupil {name!r} in class {class_code}")
        if source == target:
            raise ValueError("a pupil cannot be merged into themself")
        renumbered: dict[str, int] = {}
        both_first: list[tuple[str, str, str, str]] = []
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            rows: dict[tuple[str, str], list[tuple[int, str]]] = {}  # (pupil, chapter) -> (attempt, moment)
            for pupil, chapter, attempt, at in self._db.execute("""
                    SELECT pupil, chapter, attempt, answered_at FROM outcomes WHERE class_code = ? AND pupil IN (?, ?)
                    UNION ALL
                    SELECT pupil, chapter, attempt, at FROM activity WHERE class_code = ? AND pupil IN (?, ?)""",
                                                        (class_code, source, target) * 2):
                rows.setdefault((pupil, chapter), []).append((attempt, at))
            starts = {}  # (pupil, chapter) -> first attempt, last attempt, when the first attempt began
            for key, seen in rows.items():
                first = min(a for a, _ in seen)
                starts[key] = (first, max(a for a, _ in seen), min(at for a, at in seen if a == first))
            for (pupil, chapter), (first, last, start) in sorted(starts.items()):
                if pupil != source or (target, chapter) not in starts:
                    continue
                t_first, t_last, t_start = starts[(target, chapter)]
                earlier, later = (source, target) if start < t_start else (target, source)
                kept_first = first if earlier == source else t_first
                later_first = t_first if earlier == source else first
                offset = (last if earlier == source else t_last) - later_first + 1
                for q, at in self._db.execute("""
                        SELECT e.question, e.answered_at FROM outcomes e JOIN outcomes l
                          ON l.class_code = e.class_code AND l.chapter = e.chapter AND l.question = e.question
                        WHERE e.class_code = ? AND e.chapter = ? AND e.pupil = ? AND e.attempt = ?
                          AND l.pupil = ? AND l.attempt = ? ORDER BY e.answered_at""",
                                              (class_code, chapter, earlier, kept_first, later, later_first)):
                    both_first.append((chapter, q, earlier, at))
                for table in ("outcomes", "activity"):
                    self._db.execute(f"UPDATE {table} SET attempt = attempt + ? WHERE class_code = ? AND pupil = ? "
                                     "AND chapter = ?", (offset, class_code, later, chapter))
                renumbered[chapter] = offset
            moved = 0
            for table in ("outcomes", "activity", "outbox"):
                n = self._db.execute(f"UPDATE {table} SET pupil = ? WHERE class_code = ? AND pupil = ?",
                                     (target, class_code, source)).rowcount
                moved += n if table != "outbox" else 0
        self._merge_saves(class_code, source, target, renumbered, later_of={
            c: (target if starts[(source, c)][2] < starts[(target, c)][2] else source) for c in renumbered})
        return MergeResult(moved, renumbered, both_first)

    def _merge_saves(self, class_code: str, source: str, target: str, renumbered: dict[str, int],
                     later_of: dict[str, str]) -> None:
        """The target's save gets the source's chapters it does not have; in a chapter both played, the state of
        whoever played it later is kept (its attempt renumbered). The source's save is then removed."""
        try:
            src_path, dst_path = self.saves.path(class_code, source), self.saves.path(class_code, target)
        except ValueError:
            return  # a name the game never wrote (an import): it has no save
        if not src_path.exists() and not (dst_path.exists() and target in later_of.values()):
            return
        src = self.saves.load(class_code, source).profile
        dst = self.saves.load(class_code, target).profile
        for chapter, state in dst.chapters.items():
            if later_of.get(chapter) == target:  # its attempts now come after the source's
                state.playthrough += renumbered[chapter]
        for chapter, state in src.chapters.items():
            if later_of.get(chapter) == source:
                state.playthrough += renumbered[chapter]
                dst.chapters[chapter] = state
            elif chapter not in dst.chapters:
                dst.chapters[chapter] = state
        for chapter, n in src.completed.items():
            dst.completed[chapter] = dst.completed.get(chapter, 0) + n
        dst.current = dst.current or src.current
        self.saves.save(dst)
        src_path.unlink(missing_ok=True)

    def _checkpoint(self) -> None:
        """Fold the write-ahead log into the database and empty it, so erased rows leave no copy behind."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class PupilBusy(RecordsError):
    """This pupil is already playing in another window on this computer (or data folder)."""


class PupilLock:
    """An exclusive OS lock on a small file beside the pupil's save (fcntl on Linux and macOS, msvcrt on
    Windows); the file holds the PID for a technician. Released by `release` or by the OS when the process ends."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt
                msvcrt.locking(self._fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self._fd)
            self._fd = None
            raise PupilBusy("this pupil is already playing in another window") from exc
        os.ftruncate(self._fd, 0)
        os.write(self._fd, str(os.getpid()).encode())

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock
            self._fd = None


def _valid(kind, text: str) -> list[str]:
    """[kind(text)] if text follows the rule, else []."""
    try:
        return [kind(text)]
    except ValueError:
        return []


def _encode(data: bytes) -> str:
    return "".join(_SYMBOLS[b >> 4] + _SYMBOLS[b & 15] for b in data)


def _digest(key: str, class_code: str, pupil: str | None = None) -> str:
    """The tombstone of a class (pupil None) or of one pupil of a class: HMAC-SHA-256 under the folder's key."""
    message = "\x1f".join(["class", class_code] if pupil is None else ["pupil", class_code, pupil])
    return _encode(hmac.new(key.encode(), message.encode(), hashlib.sha256).digest())


def _moment(text: str) -> dt.datetime | None:
    """An ISO date or date and time as an aware moment (UTC when no zone is given); None if it is not one."""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _outcome(row) -> Outcome:
    values = dict(zip(_OUTCOME_COLUMNS, row, strict=False))
    values["correct"] = bool(values["correct"])
    return Outcome(**values)

