"""The CSV cells, rule by rule (milliseconds; the LibreOffice check is in test_report.py)."""
import csv
import datetime as dt
import io

from teacher_mode import csv_export


def test_cells_that_start_like_a_formula_stay_text():
    for evil in ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert csv_export.safe(evil) == "'" + evil
    assert csv_export.safe("faux") == "\u2060faux" and csv_export.safe("Vrai") == "\u2060Vrai"  # not booleans
    for fine in ("Maëlys", "q-arras", "20,0", "", "a=b"):
        assert csv_export.safe(fine) == fine


def test_moments_are_school_time_a_spreadsheet_reads():
    paris = dt.timezone(dt.timedelta(hours=2))
    assert csv_export.local_time("2026-05-04T07:30:05+00:00", paris) == "2026-05-04 09:30:05"
    assert csv_export.local_time("2026-05-04T07:30:05", dt.timezone.utc) == "2026-05-04 07:30:05"  # naive = UTC
    assert csv_export.local_time("not a date") == "not a date"  # kept, never dropped


def test_every_outcome_is_a_row_with_texts_and_booleans():
    from game.records import Outcome

    outcomes = [Outcome("s1", "5B", "-Renard", "mini", "q-vrai", "obj", "faux", False, 1, 12500,
                        "2026-05-04T07:30:05+00:00", "fr"),
                Outcome("s2", "5B", "Anna", "mini", "q-old", "obj", "x", True, 1, 1000,
                        "2026-05-04T07:31:00+00:00", "fr")]

    from teacher_mode.analytics import OptionStat, QuestionStat

    q = QuestionStat("mini", "q-vrai", "Les femmes n'ont joué aucun rôle.", "true-false", "obj", 1, 0,
                     [OptionStat("faux", "Faux", 1, False)])
    report = type("R", (), {"questions": [q]})()
    buf = io.StringIO()
    assert csv_export.write(buf, outcomes, "en", lambda s: s, report, dt.timezone.utc) == 2
    rows = list(csv.reader(io.StringIO(buf.getvalue()), delimiter=";"))
    col = {name: i for i, name in enumerate(rows[0])}
    assert rows[1][col["pupil"]] == "'-Renard" and rows[1][col["answer"]] == "\u2060faux"
    assert (rows[1][col["question text"]], rows[1][col["answer text"]]) == ("Les femmes n'ont joué aucun rôle.", "\u2060Faux")
    assert (rows[2][col["question text"]], rows[2][col["answer text"]]) == ("q-old", "x")  # removed content: ids
    assert [r[col["correct"]] for r in rows[1:]] == ["FALSE", "TRUE"]
    assert rows[1][col["seconds"]] == "12.5" and rows[1][col["answered_at"]] == "2026-05-04 07:30:05"

