"""The outcome store: every assessed answer, in SQLite, the moment it is given.

One row per answer, written in its own transaction (WAL journal, synchronous=FULL),
so a crash or a pulled plug loses nothing already answered. Pupils are pseudonyms
inside a class; nothing else about them is stored. `statement_id` is unique: the
same answer recorded twice (a replay of events, an import) is stored once.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outcomes (
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
);
CREATE INDEX IF NOT EXISTS outcomes_by_class ON outcomes (class_code, chapter, question);
CREATE INDEX IF NOT EXISTS outcomes_by_pupil ON outcomes (class_code, pupil, chapter, attempt);
-- Covers the dashboard's first-attempt aggregates: they read this index only, never the table.
CREATE INDEX IF NOT EXISTS outcomes_cover ON outcomes (class_code, pupil, chapter, attempt, question, option, correct,
                                                       objective);
CREATE TABLE IF NOT EXISTS activity (
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
);
CREATE INDEX IF NOT EXISTS activity_by_class ON activity (class_code, pupil, chapter, attempt);
CREATE TABLE IF NOT EXISTS classes (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    open_chapters TEXT  -- JSON list of chapter ids; NULL: every chapter is open
);
"""


@dataclass(frozen=True)
class Outcome:
    statement_id: str
    class_code: str
    pupil: str
    chapter: str
    question: str
    objective: str
    option: str
    correct: bool
    attempt: int
    duration_ms: int
    answered_at: str
    locale: str


_COLUMNS = [f for f in Outcome.__dataclass_fields__]


@dataclass(frozen=True)
class Activity:
    """Something a pupil did that is not an assessed answer: started or finished a chapter, read a document,
    finished a mini-game. Used for progress, time on task and documents opened."""

    statement_id: str
    class_code: str
    pupil: str
    chapter: str
    attempt: int
    verb: str  # launched, resumed, opened, played, completed
    object: str  # chapter, document or mini-game id
    at: str
    locale: str
    data: str = "{}"  # JSON: score of a completed chapter, result of a mini-game


_ACTIVITY = [f for f in Activity.__dataclass_fields__]


def _row(record) -> tuple[str, list[str], list]:
    """The table, columns and values of an outcome (an answer) or an activity (a document read, a chapter done)."""
    if hasattr(record, "question"):
        values = [getattr(record, c) for c in _COLUMNS]
        values[_COLUMNS.index("correct")] = int(record.correct)
        return "outcomes", _COLUMNS, values
    return "activity", _ACTIVITY, [getattr(record, c) for c in _ACTIVITY]


class OutcomeStore:
    notice: str | None = None  # set when a damaged database was kept aside and a new one started

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except sqlite3.DatabaseError:
            # A damaged file (a pulled plug on an old disk, a stray copy): keep it for the teacher and a
            # technician, never delete it, and start a new store so that pupils can go on answering.
            import datetime as _dt

            stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
            for suffix in ("", "-wal", "-shm"):
                part = self.path.with_name(self.path.name + suffix)
                if part.exists():
                    part.rename(kept.with_name(kept.name + suffix))
            self.notice = f"damaged:{kept.name}"
            self._open()

    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=10)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA secure_delete=ON")  # erased records are overwritten, not just unlinked
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self._db.execute("SELECT COUNT(*) FROM outcomes").fetchone()
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    @classmethod
    def in_dir(cls, data_dir: Path) -> "OutcomeStore":
        return cls(Path(data_dir) / "outcomes.sqlite3")

    @property
    def connection(self) -> sqlite3.Connection:
        """For read-only aggregate queries (teacher_mode.analytics)."""
        return self._db

    def close(self) -> None:
        self._db.close()

    # Called inside the transaction of every new record (teacher_mode.lrs queues it for the LRS there).
    on_record = None

    def record(self, outcome: Outcome, *, queue: bool = True) -> bool:
        """Write one outcome in its own transaction. False if it was already there."""
        return self._insert(*_row(outcome), outcome, queue)

    def record_activity(self, activity: Activity, *, queue: bool = True) -> bool:
        return self._insert(*_row(activity), activity, queue)

    def record_many(self, records: list, *, queue: bool = True) -> int:
        """Outcomes and activities in one transaction (an import): all of them, or none after a crash."""
        added = 0
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for r in records:
                table, columns, values = _row(r)
                cur = self._db.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
                                       f"VALUES ({', '.join('?' * len(columns))})", values)
                if cur.rowcount == 1:
                    added += 1
                    if queue and self.on_record is not None:
                        self.on_record(self._db, r)
        return added

    def _insert(self, table: str, columns: list[str], values: list, record, queue: bool) -> bool:
        with self._db:  # BEGIN ... COMMIT (or ROLLBACK on error): the record and its queue entry, or nothing
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute(
                f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                values,
            )
            new = cur.rowcount == 1
            if new and queue and self.on_record is not None:
                self.on_record(self._db, record)
        return new

    def _select(self, table: str, columns: list[str], order: str, **filters) -> list[tuple]:
        """Rows of `table`, filtered on the columns given (None means any), in a stable order."""
        where = [(column, value) for column, value in filters.items() if value is not None]
        sql = f"SELECT {', '.join(columns)} FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(f"{column} = ?" for column, _ in where)
        return self._db.execute(sql + f" ORDER BY {order}", [v for _, v in where]).fetchall()

    def activities(self, class_code: str | None = None, *, pupil: str | None = None,
                   chapter: str | None = None) -> list[Activity]:
        rows = self._select("activity", _ACTIVITY, "at, statement_id", class_code=class_code, pupil=pupil,
                            chapter=chapter)
        return [Activity(*r) for r in rows]

    def outcomes(self, class_code: str | None = None, *, pupil: str | None = None,
                 chapter: str | None = None, attempt: int | None = None) -> list[Outcome]:
        rows = self._select("outcomes", _COLUMNS, "answered_at, statement_id", class_code=class_code, pupil=pupil,
                            chapter=chapter, attempt=attempt)
        return [Outcome(**{**dict(zip(_COLUMNS, r)), "correct": bool(r[_COLUMNS.index("correct")])}) for r in rows]

    # -- classes (teacher space) --------------------------------------------------------------------
    def create_class(self, code: str, name: str = "", created_at: str = "") -> bool:
        import datetime as _dt

        created_at = created_at or _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute("INSERT OR IGNORE INTO classes (code, name, created_at) VALUES (?, ?, ?)",
                                   (code, name, created_at))
        return cur.rowcount == 1

    def classes(self) -> list[tuple[str, str]]:
        """(code, name) of the teacher's classes, plus classes that only have records."""
        rows = self._db.execute(
            "SELECT code, name FROM classes UNION SELECT DISTINCT class_code, '' FROM outcomes "
            "WHERE class_code NOT IN (SELECT code FROM classes) UNION SELECT DISTINCT class_code, '' FROM activity "
            "WHERE class_code NOT IN (SELECT code FROM classes) ORDER BY 1").fetchall()
        return [(c, n) for c, n in rows]

    def set_open_chapters(self, code: str, chapters: list[str] | None) -> None:
        import json as _json

        self.create_class(code)
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("UPDATE classes SET open_chapters = ? WHERE code = ?",
                             (None if chapters is None else _json.dumps(sorted(chapters)), code))

    def open_chapters(self, code: str) -> list[str] | None:
        """The chapters pupils of this class may play; None means all (also for a class the teacher never set up)."""
        import json as _json

        row = self._db.execute("SELECT open_chapters FROM classes WHERE code = ?", (code,)).fetchone()
        return None if row is None or row[0] is None else _json.loads(row[0])

    def pupils(self, code: str) -> list[str]:
        rows = self._db.execute("SELECT pupil FROM outcomes WHERE class_code = ? UNION "
                                "SELECT pupil FROM activity WHERE class_code = ?", (code, code)).fetchall()
        return sorted((r[0] for r in rows), key=str.casefold)

    def erase_pupil(self, code: str, pupil: str) -> int:
        """Delete every record of one pupil. Returns the number of rows removed."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            n = self._db.execute("DELETE FROM outcomes WHERE class_code = ? AND pupil = ?", (code, pupil)).rowcount
            n += self._db.execute("DELETE FROM activity WHERE class_code = ? AND pupil = ?", (code, pupil)).rowcount
        self._checkpoint()
        return n

    def _checkpoint(self) -> None:
        """Fold the write-ahead log into the database and empty it, so erased rows leave no copy behind."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def erase_class(self, code: str) -> int:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            n = self._db.execute("DELETE FROM outcomes WHERE class_code = ?", (code,)).rowcount
            n += self._db.execute("DELETE FROM activity WHERE class_code = ?", (code,)).rowcount
            self._db.execute("DELETE FROM classes WHERE code = ?", (code,))
        self._checkpoint()
        return n

    def older_than(self, cutoff: str) -> int:
        """How many records were made before `cutoff` (ISO date): shown to the teacher before purging."""
        return (self._db.execute("SELECT COUNT(*) FROM outcomes WHERE answered_at < ?", (cutoff,)).fetchone()[0]
                + self._db.execute("SELECT COUNT(*) FROM activity WHERE at < ?", (cutoff,)).fetchone()[0])

    def purge_older_than(self, cutoff: str) -> int:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            n = self._db.execute("DELETE FROM outcomes WHERE answered_at < ?", (cutoff,)).rowcount
            n += self._db.execute("DELETE FROM activity WHERE at < ?", (cutoff,)).rowcount
        self._checkpoint()
        return n

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0]
