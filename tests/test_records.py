"""game.records: the one owner of pupil data. Migration from a folder the old game wrote, erasure that leaves no
trace in any table or file, the value types' rules, and guards on who runs SQL and who imports teacher_mode."""
import ast
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from game.records import (
    SCHEMA_VERSION,
    Activity,
    ClassCode,
    InvalidName,
    LrsConfig,
    Outcome,
    Pseudonym,
    Records,
    RecordsError,
)

ROOT = Path(__file__).resolve().parents[1]
V1 = ROOT / "tests" / "fixtures" / "datadir-v1"
TABLES = ("outcomes", "activity", "classes", "outbox")


def copy_v1(tmp_path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(V1, dest)
    return dest


def raw_rows(db_file: Path, table: str, order: str = "rowid") -> list[tuple]:
    db = sqlite3.connect(db_file)
    try:
        return db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
    finally:
        db.close()


# -- migration ---------------------------------------------------------------------------------------

def test_the_v1_fixture_is_what_the_old_game_wrote():
    db = sqlite3.connect(V1 / "outcomes.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES} == \
        {"outcomes": 2, "activity": 3, "classes": 2, "outbox": 3}
    db.close()


def test_a_folder_written_by_the_old_game_opens_and_keeps_every_record(tmp_path):
    data = copy_v1(tmp_path)
    before = {t: raw_rows(data / "outcomes.sqlite3", t) for t in ("outcomes", "activity", "classes")}
    queued = [r[0] for r in raw_rows(data / "outcomes.sqlite3", "outbox")]  # statement ids, in queue order
    saves = {p.relative_to(data): p.read_bytes() for p in (data / "saves").rglob("*.json")}

    records = Records(data)
    assert records.schema_version == SCHEMA_VERSION == 3
    for table, rows in before.items():
        assert raw_rows(data / "outcomes.sqlite3", table) == rows  # every row, unchanged
    assert len(records.outcomes()) == 2 and len(records.activities()) == 3
    assert records.classes() == [("5B", "Cinquième B"), ("6A", "Sixième A")]
    assert records.open_chapters("5B") == ["mini"] and records.open_chapters("6A") is None
    # the queue: the same records, in the same order, still waiting
    assert [r.statement_id for r in records.pending()] == queued and records.outbox_count() == 3
    assert records.lrs_link and records.lrs_config() == LrsConfig("http://127.0.0.1:9/", "school", "secret")
    # the saves: same files, same bytes, and both load
    assert {p.relative_to(data): p.read_bytes() for p in (data / "saves").rglob("*.json")} == saves
    for pupil in ("Renard", "Hibou"):
        loaded = records.load_profile("5B", pupil)
        assert loaded.notice is None and loaded.profile.pupil == pupil and "mini" in loaded.profile.chapters
    # a new record is queued, as the old game did once an LRS was configured
    records.record_activity(Activity("00000000-0000-4000-8000-0000000000aa", "5B", "Renard", "mini", 1, "resumed",
                                     "mini", "2025-10-04T09:00:00.000+00:00", "fr"))
    assert records.outbox_count() == 4
    records.close()
    again = Records(data)  # opening a migrated folder changes nothing
    assert again.schema_version == 3 and again.outbox_count() == 4 and len(again.activities()) == 4
    again.close()


def test_a_session_resumes_on_a_migrated_folder(tmp_path, mini_content):
    from game.session import PupilSession

    data = copy_v1(tmp_path)
    saved = json.loads(next((data / "saves").rglob("hibou-*.json")).read_text(encoding="utf-8"))
    s = PupilSession(mini_content, data, "5B", "Hibou", "en")
    assert s.notice is None and s.profile.current == "mini"
    run = s.open_chapter("mini")  # resumed where the old game saved it, not started again
    assert run.state.playthrough == 1 and run.state.started_at == saved["chapters"]["mini"]["started_at"]
    assert [a.verb for a in s.store.activities("5B", pupil="Hibou")] == ["launched", "resumed"]
    assert s.store.outbox_count() == 4  # the folder is still linked to its LRS: the new record is queued
    s.close()


def test_queued_statements_of_records_the_old_erase_left_behind_are_dropped(tmp_path):
    data = copy_v1(tmp_path)
    db = sqlite3.connect(data / "outcomes.sqlite3")  # what the old `teacher erase` did: records gone, queue kept
    db.execute("DELETE FROM outcomes WHERE pupil = 'Hibou'")
    db.execute("DELETE FROM activity WHERE pupil = 'Hibou'")
    db.commit()
    assert db.execute("SELECT COUNT(*) FROM outbox WHERE pupil = 'Hibou'").fetchone()[0] == 2
    db.close()
    records = Records(data)
    assert [r.pupil for r in records.pending()] == ["Renard"]
    assert raw_rows(data / "outcomes.sqlite3", "outbox")[0][3] == "Renard"
    records.close()


def test_a_folder_from_a_newer_game_is_refused_not_damaged(tmp_path):
    db = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(RecordsError, match="newer version"):
        Records(tmp_path)
    assert not [p for p in tmp_path.iterdir() if "damaged" in p.name]


# -- erasure leaves no trace -------------------------------------------------------------------------

def traces(data_dir: Path, *needles: str) -> list[str]:
    """Where any of `needles` is found: every file's bytes (database, -wal, -shm, saves, anything) and name, and
    every cell of every table of the database."""
    found = []
    forms = [(n, f.encode()) for n in needles for f in {n, unicodedata.normalize("NFD", n), n.casefold()}]
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            found += [f"{path.name}: {n}" for n, b in forms if b in content]
        found += [f"name {path.relative_to(data_dir)}: {n}" for n, b in forms if b.decode() in path.name.casefold()]
    db_file = data_dir / "outcomes.sqlite3"
    if db_file.exists():
        db = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                for row in db.execute(f"SELECT * FROM {table}"):
                    found += [f"{table}: {n}" for n in needles for cell in row if isinstance(cell, str) and n in cell]
        finally:
            db.close()
    return sorted(set(found))


def fill(records: Records, code: str, pupil: str, at: str = "2026-01-02T09:00:00.000+00:00") -> None:
    for i in range(3):
        records.record(Outcome(f"{code}-{pupil}-{i}-0000-4000-8000-000000000000", code, pupil, "mini", f"q{i}", "o",
                               "a", i % 2 == 0, 1, 1000, at, "fr"))
    records.record_activity(Activity(f"{code}-{pupil}-act-4000-8000-000000000000", code, pupil, "mini", 1, "launched",
                                     "mini", at, "fr"))


def class_folder(tmp_path, mini_content, code="5ème") -> tuple[Records, str]:
    """A linked data folder where Renard and Hibou of 5ÈME and Loup of 6A played, with saves and a damaged copy."""
    from game.session import PupilSession

    records = Records(tmp_path)
    records.set_lrs(LrsConfig("http://127.0.0.1:9", "school", "secret"))
    code = ClassCode(code)
    records.create_class(code, "Cinquième E")
    for c, pupil in ((code, "Renard"), (code, "Hibou"), ("6A", "Loup")):
        fill(records, c, pupil)
        s = PupilSession(mini_content, tmp_path, c, pupil, "fr", store=records)
        s.open_chapter("mini")
        s.save()
    damaged = records.saves.path(code, "Renard").with_name(records.saves.path(code, "Renard").stem
                                                          + ".damaged-20260101-000000.json")
    damaged.write_text(f'{{"pupil": "Renard", "class_code": "{code}", "half', encoding="utf-8")
    return records, code


def test_erasing_a_pupil_leaves_no_trace_in_any_table_or_file(tmp_path, mini_content):
    records, code = class_folder(tmp_path, mini_content)
    assert records.outbox_count() == 3 * 5  # 3 answers, a launch from fill, a launch from the session
    assert traces(tmp_path, "Renard")  # the scan finds a pupil who is there
    assert records.erase(code, "Renard") == 5
    assert traces(tmp_path, "Renard") == []
    assert [r.pupil for r in records.pending()].count("Renard") == 0  # nothing of them is sent to the LRS
    assert records.pupils(code) == ["Hibou"] and records.outbox_count() == 10  # the others are untouched
    assert traces(tmp_path, "Hibou") and records.load_profile(code, "Hibou").profile.chapters
    records.close()
    assert traces(tmp_path, "Renard") == []  # closing writes nothing back


def test_erasing_a_class_leaves_no_trace_in_any_table_or_file(tmp_path, mini_content):
    records, code = class_folder(tmp_path, mini_content)
    assert traces(tmp_path, code, "Renard", "Hibou")
    assert records.erase(code) == 10
    assert traces(tmp_path, code, "Renard", "Hibou") == []
    assert records.classes() == [("6A", "")] and records.outbox_count() == 5
    assert records.load_profile("6A", "Loup").profile.chapters
    records.close()


def test_the_retention_rule_leaves_no_trace_of_last_years_pupils(tmp_path, mini_content):
    records, _ = class_folder(tmp_path, mini_content)
    fill(records, "6A", "Ancien", at="2025-03-02T09:00:00.000+00:00")
    from game.story.state import Profile

    records.save_profile(Profile(class_code="6A", pupil="Ancien"))
    old = records.saves.path("6A", "Ancien")
    os.utime(old, (1_740_000_000, 1_740_000_000))  # last written in February 2025
    assert records.older_than("2025-09-01") == 4 and traces(tmp_path, "Ancien")
    assert records.purge_older_than("2025-09-01") == 4
    assert traces(tmp_path, "Ancien") == []
    assert records.outbox_count() == 15 and records.pupils("6A") == ["Loup"]
    records.close()


def test_erase_finds_a_name_an_older_game_stored_without_normalising_it(tmp_path):
    records = Records(tmp_path)
    fill(records, "5B", "Renard  Rusé")  # as the old xAPI import kept it (it only trimmed the ends)
    fill(records, "5B", "Hibou")
    assert records.erase("5B", "Renard  Rusé") == 4 and records.pupils("5B") == ["Hibou"]
    assert traces(tmp_path, "Renard") == []
    records.close()


@pytest.mark.process
def test_the_teacher_erase_command_clears_the_queue_too(tmp_path, mini_content):
    """The bug: `teacher erase` removed the records but their statements stayed queued and were still sent."""
    records, _ = class_folder(tmp_path, mini_content)
    records.close()
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "teacher", "erase", "--class", "5ème", "--pupil",
                          "Renard", "--yes", "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 0, res.stderr
    assert traces(tmp_path, "Renard") == []
    records = Records(tmp_path)
    assert records.outbox_count() == 10 and {r.pupil for r in records.pending()} == {"Hibou", "Loup"}
    records.close()


# -- the value types -----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, code", [("5ème", "5ÈME"), (" 5 b ", "5B"), ("5e\u0300me", "5ÈME"), ("6a\t1", "6A1"),
                                         ("ΣΤ2", "ΣΤ2"), ("ab" * 6, "ABABABABABAB")])
def test_a_class_code_is_normalised_one_way(typed, code):
    assert ClassCode(typed) == code and isinstance(ClassCode(typed), str)
    assert ClassCode(ClassCode(typed)) == code and ClassCode.exact(code) == code


@pytest.mark.parametrize("typed, reason", [("", "class-missing"), ("   ", "class-missing"), ("5", "class-format"),
                                           ("5-B", "class-format"), ("a" * 13, "class-format"), ("5/B", "class-format"),
                                           ("../5B", "class-format")])
def test_a_class_code_that_breaks_the_rule_says_why(typed, reason):
    with pytest.raises(InvalidName) as err:
        ClassCode(typed)
    assert err.value.reason == reason == str(err.value)


def test_exact_refuses_what_would_need_fixing_and_typing_accepts_a_start():
    with pytest.raises(InvalidName):
        ClassCode.exact("5ème")  # data read back is not silently renamed
    with pytest.raises(InvalidName):
        Pseudonym.exact("Renard  Rusé")
    assert ClassCode.typing("5è") == "5È" and ClassCode.typing("") == "" and ClassCode.typing("5") == "5"
    assert ClassCode.typing("5-") is None and ClassCode.typing("a" * 13) is None


@pytest.mark.parametrize("typed, name", [("  Renard   Rusé ", "Renard Rusé"), ("Le\u0301a", "Léa"),
                                         ("O'Neil-2.b", "O'Neil-2.b"),
                                         ("x" * 24, "x" * 24), ("Zoë_9", "Zoë_9")])
def test_a_pseudonym_is_normalised_one_way(typed, name):
    assert Pseudonym(typed) == name and Pseudonym.exact(name) == name


@pytest.mark.parametrize("typed, reason", [("", "pupil-missing"), ("  ", "pupil-missing"), ("x" * 25, "pupil-format"),
                                           ("a/b", "pupil-format"), ("<b>", "pupil-format"), ("a@b", "pupil-format")])
def test_a_pseudonym_that_breaks_the_rule_says_why(typed, reason):
    with pytest.raises(InvalidName) as err:
        Pseudonym(typed)
    assert err.value.reason == reason


def test_sign_in_xapi_and_the_teacher_screens_use_the_same_rule():
    from game.session import SignInError, check_sign_in
    from teacher_mode.xapi import (
        StatementError,
        class_home,
        class_of_home,
        parse,
        statement,
    )

    assert check_sign_in("5ème", "  Renard ") == ("5ÈME", "Renard")
    with pytest.raises(SignInError, match="class-format"):
        check_sign_in("5", "Renard")
    o = Outcome("00000000-0000-4000-8000-000000000001", "5ÈME", "Renard", "mini", "q1", "", "a", True, 1, 1000,
                "2025-10-02T09:00:00.000+00:00", "fr")
    st = statement(o)
    home = st["actor"]["account"]["homePage"]
    assert home == class_home("5ème") and home.isascii() and home.endswith("/class/5%C3%88ME")
    assert class_of_home(home) == "5ÈME"
    assert parse(json.loads(json.dumps(st)), expected_class="5ÈME") == o
    st["actor"]["account"]["homePage"] = home.replace("5%C3%88ME", "5%C3%A8me")  # not how the game writes it
    with pytest.raises(StatementError, match="class code"):
        parse(st)


# -- guards ------------------------------------------------------------------------------------------

def _python_files(*folders: str):
    for folder in folders:
        yield from (ROOT / folder).rglob("*.py")
    yield ROOT / "main.py"


def test_no_module_outside_game_records_runs_sql():
    offenders = []
    for path in _python_files("game", "teacher_mode"):
        if (ROOT / "game" / "records") in path.parents:
            continue
        text = path.read_text(encoding="utf-8")
        for word in ("sqlite3", "execute(", "executemany(", "executescript(", ".connection"):
            if word in text:
                offenders.append(f"{path.relative_to(ROOT)}: {word}")
    assert offenders == []


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_game_imports_teacher_mode_only_from_the_cli_and_the_teacher_screens():
    allowed = {"game/cli.py", "game/views/teacher.py", "game/bench.py"}  # bench: a CLI command that times them
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if str(p.relative_to(ROOT)) not in allowed
                 and any(n == "teacher_mode" or n.startswith("teacher_mode.") for n in _imports(p))]
    assert offenders == []


def test_game_records_is_pure():
    for path in (ROOT / "game" / "records").rglob("*.py"):
        names = _imports(path)
        assert not {n for n in names if n.split(".")[0] in ("arcade", "pyglet", "teacher_mode", "urllib", "http")}, path


def test_the_game_plays_and_records_with_no_teacher_mode_at_all(tmp_path):
    code = f"""
import sys
sys.modules['teacher_mode'] = None  # any import of it fails
from pathlib import Path
from game.content.loader import load_content
from game.session import PupilSession
from tests.test_runtime import play_to_end
s = PupilSession(load_content(Path({str(ROOT / 'tests' / 'fixtures' / 'mini')!r})), Path({str(tmp_path)!r}),
                 '5ème', 'Renard', 'fr')
play_to_end(s.open_chapter('mini'))
s.close()
"""
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         check=False)
    assert res.returncode == 0, res.stderr
    records = Records(tmp_path)
    assert records.count() == 5 and records.pupils("5ÈME") == ["Renard"]  # the 5 answers of the play
    records.close()


@pytest.mark.process
def test_a_class_5eme_goes_sign_in_records_export_import(tmp_path, mini_content):
    """The bug: a class typed "5ème" signed in as "5ÈME", but its own export was refused by `teacher import`."""
    from game.session import PupilSession, check_sign_in
    from tests.test_runtime import play_to_end

    code, name = check_sign_in("5ème", "Renard")
    s = PupilSession(mini_content, tmp_path / "pc", code, name, "fr")
    play_to_end(s.open_chapter("mini"))
    s.close()
    out = tmp_path / "5eme.jsonl"

    def main(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "teacher", *args], capture_output=True,
                              text=True, timeout=120, check=False)

    exp = main("export", "--class", "5ème", "--format", "xapi", "--out", str(out), "--data-dir", str(tmp_path / "pc"))
    assert exp.returncode == 0, exp.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9 and all("/class/5%C3%88ME" in line for line in lines)
    imp = main("import", str(out), "--class", "5 ème", "--data-dir", str(tmp_path / "school"))
    assert imp.returncode == 0 and "9 record(s) imported, 0 already there, 0 refused." in imp.stdout, imp.stderr
    school, pc = Records(tmp_path / "school"), Records(tmp_path / "pc")
    assert school.outcomes("5ÈME") == pc.outcomes("5ÈME") and school.activities("5ÈME") == pc.activities("5ÈME")
    school.close()
    pc.close()


def test_the_sender_never_trips_on_a_record_erased_by_another_connection(tmp_path):
    records = Records(tmp_path)
    records.set_lrs(LrsConfig("http://127.0.0.1:9", "school", "secret"))
    fill(records, "5B", "Renard")
    fill(records, "5B", "Hibou")
    other = sqlite3.connect(tmp_path / "outcomes.sqlite3")  # the moment between reading the queue and the records
    other.execute("DELETE FROM outcomes WHERE pupil = 'Renard'")
    other.commit()
    other.close()
    assert {r.pupil for r in records.pending()} == {"Renard", "Hibou"}  # Renard's activity is still there
    assert [r.pupil for r in records.pending() if isinstance(r, Outcome)] == ["Hibou"] * 3
    records.close()
