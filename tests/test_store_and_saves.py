"""Outcome store (SQLite) and save files (atomic JSON)."""
import json
import sqlite3

import pytest

from game.records import InvalidName, Outcome, Records, SaveStore
from game.story.state import Profile


def outcome(**kw):
    base = dict(statement_id="s1", class_code="5B", pupil="Renard", chapter="mini", question="q-date",
                objective="obj-greve", option="a", correct=True, attempt=1, duration_ms=4200,
                answered_at="2026-03-02T09:00:00.000+00:00", locale="fr")
    base.update(kw)
    return Outcome(**base)


def test_outcome_is_committed_at_once_in_wal_mode(tmp_path):
    store = Records(tmp_path)
    assert store.record(outcome()) is True
    # another connection (another process) sees it immediately: it is committed
    other = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = other.execute("SELECT class_code, pupil, chapter, question, option, correct, attempt, duration_ms, locale "
                        "FROM outcomes").fetchone()
    assert row == ("5B", "Renard", "mini", "q-date", "a", 1, 1, 4200, "fr")
    columns = [r[1] for r in other.execute("PRAGMA table_info(outcomes)")]
    assert set(columns) == {"statement_id", "class_code", "pupil", "chapter", "question", "objective", "option",
                            "correct", "attempt", "duration_ms", "answered_at", "locale"}


def test_same_statement_is_stored_once(tmp_path):
    store = Records(tmp_path)
    assert store.record(outcome())
    assert not store.record(outcome(option="b"))
    assert store.count() == 1 and store.outcomes("5B")[0].option == "a"
    store.record(outcome(statement_id="s2", pupil="Hibou", correct=False))
    assert [o.pupil for o in store.outcomes("5B", pupil="Hibou")] == ["Hibou"]
    assert store.outcomes("6A") == []


def test_save_round_trip_and_no_temp_files_left(tmp_path):
    saves = SaveStore(tmp_path)
    p = Profile(class_code="5B", pupil="Renard Rusé")
    p.settings["text_speed"] = "fast"
    saves.save(p)
    loaded = saves.load("5b", "renard  rusé ")
    assert loaded.notice is None and loaded.profile == p
    files = list((tmp_path / "saves").rglob("*"))
    assert not [f for f in files if f.name.endswith(".tmp")]


def test_one_bad_setting_is_dropped_alone_and_the_chapters_are_kept(tmp_path):
    saves = SaveStore(tmp_path)
    p = Profile(class_code="5B", pupil="Renard", completed={"mini": 2})
    p.settings.update({"text_speed": "fast", "voice_volume": 0.5})
    saves.save(p)
    path = saves.path("5B", "Renard")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["settings"]["keys"] = {"confirm": "not a key"}  # a hand-edited file
    data["settings"]["size"] = [1, 2]
    path.write_text(json.dumps(data), encoding="utf-8")
    result = saves.load("5B", "Renard")
    assert result.notice is None and result.profile.completed == {"mini": 2}
    assert result.profile.settings == {"text_speed": "fast", "voice_volume": 0.5}


def test_damaged_save_is_kept_aside_and_the_pupil_starts_cleanly(tmp_path):
    saves = SaveStore(tmp_path)
    saves.save(Profile(class_code="5B", pupil="Renard"))
    path = saves.path("5B", "Renard")
    path.write_text('{"version": 1, "class_code": "5B", "pupil": "Ren', encoding="utf-8")
    result = saves.load("5B", "Renard")
    assert result.notice and result.notice.startswith("damaged:")
    assert result.profile.chapters == {} and result.profile.pupil == "Renard"
    kept = [f for f in path.parent.iterdir() if ".damaged-" in f.name]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").endswith('"Ren')
    assert not path.exists()


def test_pupils_with_similar_names_do_not_share_a_save(tmp_path):
    saves = SaveStore(tmp_path)
    assert saves.path("5B", "Léa") != saves.path("5B", "Lea")
    assert saves.path("5B", "Léa") != saves.path("5C", "Léa")
    # a name that is not a pseudonym never becomes a path; one made of dots stays inside the saves folder
    with pytest.raises(InvalidName):
        saves.path("5B", "../../etc")
    assert saves.path("5B", "..").resolve().is_relative_to((tmp_path / "saves").resolve())


def test_unknown_save_version_is_not_silently_used(tmp_path):
    saves = SaveStore(tmp_path)
    saves.save(Profile(class_code="5B", pupil="Renard"))
    path = saves.path("5B", "Renard")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    assert saves.load("5B", "Renard").notice.startswith("damaged:")
