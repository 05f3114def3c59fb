"""The HTML report, opened in a real headless Chromium: what a teacher sees, in their language."""
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.records import Records
from teacher_mode.analytics import class_report
from teacher_mode.report import render

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def fill(store):
    from tests import test_analytics as ta

    ta.act(store, "Alice", "launched", "mini", 1, 0)
    ta.act(store, "Alice", "opened", "affiche", 1, 0)
    for minute, (q, o, c) in enumerate([("q-date", "a", True), ("q-vrai", "faux", False), ("q-fin", "a", True),
                                        ("q-ordre", "debut,fin,train", True), ("q-carte", "lille", False)], start=1):
        ta.ans(store, "Alice", q, o, c, 1, minute)
    ta.act(store, "Alice", "completed", "mini", 1, 7)
    ta.act(store, "Bruno", "launched", "mini", 1, 0)
    for minute, (q, o, c) in enumerate([("q-date", "b", False), ("q-vrai", "faux", False), ("q-fin", "a", True)],
                                       start=1):
        ta.ans(store, "Bruno", q, o, c, 1, minute)
    ta.ans(store, "Dan", "q-date", "b", False, 1, 1, cls="6A")


def chromium(*args, timeout=90):
    return subprocess.run([CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (installed by `make test`)")
def test_report_in_chromium_shows_the_class_numbers(tmp_path, mini_content):
    from game.i18n import Translator

    store = Records(tmp_path)
    fill(store)
    tr = Translator("fr", mini_content.root)
    page = tmp_path / "report.html"
    page.write_text(render(class_report(store, "5B", mini_content, tr), tr, mini_content), encoding="utf-8")
    assert "http://" not in page.read_text().replace('xmlns="http://www.w3.org/2000/svg"', "")  # self-contained
    dom = chromium("--user-data-dir=" + str(tmp_path / "u1"), "--dump-dom", page.as_uri()).stdout
    assert "Rapport de classe 5B" in dom and "Dan" not in dom
    assert "Alice" in dom and "Bruno" in dom
    assert "✔ terminé · 3/5" in dom and "◐ en cours · 1/5" in dom
    # the first question to discuss: nobody got it right, and the wrong answer everyone chose, with its feedback
    discuss = dom.split("À discuter en classe")[1].split("Toutes les questions")[0]
    first = discuss.split("<li>")[1]
    assert "Les femmes ont joué un rôle." in first and "0 % de la classe" in first
    assert "« Faux » (2)" in first and "Si." in first
    assert dom.count("<svg") >= 6  # a chart per answered question and per objective
    assert "2 (100 %)" in dom  # q-fin: both pupils right, written on the bar
    shot = tmp_path / "report.png"
    chromium("--user-data-dir=" + str(tmp_path / "u2"), "--window-size=1100,2200", f"--screenshot={shot}", page.as_uri())
    assert shot.stat().st_size > 20_000
    shutil.copy(shot, ROOT / "build" / "test-shots" / "report.png") if (ROOT / "build" / "test-shots").is_dir() else None
    pdf = tmp_path / "report.pdf"
    chromium("--user-data-dir=" + str(tmp_path / "u3"), f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000  # printable


def run_main(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120)


@pytest.mark.process
def test_csv_export_opens_in_a_french_spreadsheet(tmp_path):
    store = Records(tmp_path)
    fill(store)
    store.close()
    out = tmp_path / "5b.csv"
    res = run_main("teacher", "export", "--class", "5b", "--format", "csv", "--out", str(out), "--data-dir", str(tmp_path))
    assert res.returncode == 0, res.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: the spreadsheet reads UTF-8 (Chloé, é, «»)
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:5] == ["classe", "élève", "chapitre", "question", "texte de la question"]
    assert len(rows) == 1 + 8 and all(r[0] == "5B" for r in rows[1:])
    col = {name: i for i, name in enumerate(rows[0])}
    assert rows[1][col["secondes"]] == "20,0"  # seconds with a decimal comma
    # changed deliberately (issue 15): the spreadsheet's own boolean words, not 0/1
    assert {r[col["juste"]] for r in rows[1:]} == {"VRAI", "FAUX"}


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def ods_cells(ods: Path) -> list[list[tuple[str, str, str]]]:
    """(value-type, value, shown text) of every cell of the first sheet of an .ods file."""
    import xml.etree.ElementTree as ET
    import zipfile

    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    root = ET.fromstring(zipfile.ZipFile(ods).read("content.xml"))
    o = "{{{}}}".format(ns["office"])
    rows = []
    t = "{{{}}}".format(ns["table"])
    for row in root.iter(t + "table-row"):
        cells = []
        for cell in row.findall("table:table-cell", ns):
            repeat = int(cell.get(t + "number-columns-repeated", "1"))
            kind = cell.get(o + "value-type", "")
            value = cell.get(o + "boolean-value") or cell.get(o + "date-value") or cell.get(o + "value") or ""
            shown = "".join(cell.itertext())
            cells += [(kind, value, shown)] * min(repeat, 50)
        if any(c[0] for c in cells):
            rows.append(cells)
    return rows


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice Calc (installed by `make test`)")
def test_csv_read_by_libreoffice_in_french(tmp_path, mini_content):
    """The CSV converted by LibreOffice with a French locale: booleans are booleans, the moment is a date-time in
    school time, a pseudonym written as a formula stays text, and the texts sit beside the ids."""
    from zoneinfo import ZoneInfo

    from game.i18n import Translator
    from game.records import Outcome
    from teacher_mode import csv_export

    store = Records(tmp_path)
    fill(store)
    # a pseudonym from an old data folder or an import, written like a formula
    store.record(Outcome("evil-1", "5B", "=HYPERLINK(\"http://x\";\"y\")", "mini", "q-date", "obj-greve", "b",
                         False, 1, 20000, "2026-03-02T09:05:00+00:00", "fr"))
    out = tmp_path / "5b.csv"
    tr = Translator("fr", mini_content.root)
    rep = class_report(store, "5B", mini_content, tr)
    paris = ZoneInfo("Europe/Paris")
    with out.open("w", encoding="utf-8-sig", newline="") as fh:  # as `teacher export --format csv` writes it
        csv_export.write(fh, store.outcomes("5B"), "fr", tr, rep, paris)
    store.close()
    profile = (tmp_path / "lo-profile").as_uri()
    conv = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                           "--infilter=CSV:59,34,76,1,,1036", "--convert-to", "ods", "--outdir", str(tmp_path),
                           str(out)], capture_output=True, text=True, timeout=180)
    ods = tmp_path / "5b.ods"
    assert ods.exists(), conv.stderr
    rows = ods_cells(ods)
    header = [c[2] for c in rows[0]]
    col = {name: i for i, name in enumerate(header)}
    body = rows[1:]
    assert len(body) == 9
    assert {r[col["juste"]][0] for r in body} == {"boolean"}
    assert {r[col["juste"]][1] for r in body} == {"true", "false"}
    assert {r[col["date"]][0] for r in body} == {"date"}
    evil = next(r for r in body if "HYPERLINK" in r[col["élève"]][2])
    assert evil[col["élève"]][0] == "string"  # text, not a live formula
    assert evil[col["date"]][1] == "2026-03-02T10:05:00"  # 09:05 UTC is 10:05 in Lille in March
    assert {r[col["secondes"]][0] for r in body} == {"float"}
    q_vrai = next(r for r in body if r[col["question"]][2] == "q-vrai")
    q = next(x for x in rep.questions if x.id == "q-vrai")
    assert q_vrai[col["texte de la question"]][2] == q.prompt
    # the bug: the answer "faux" (id and text) was read as the boolean FALSE
    assert q_vrai[col["réponse"]][0] == q_vrai[col["texte de la réponse"]][0] == "string"
    assert q_vrai[col["réponse"]][2].strip("\u2060") == "faux"
    assert q_vrai[col["texte de la réponse"]][2].strip("\u2060") == next(o.text for o in q.options if o.id == "faux")


@pytest.mark.process
def test_xapi_export_then_import_elsewhere_restores_the_same_numbers(tmp_path, mini_content):
    from teacher_mode.analytics import summary_json

    src = tmp_path / "trip"
    store = Records(src)
    fill(store)
    before = summary_json(class_report(store, "5B", mini_content))
    store.close()
    out = tmp_path / "5b.jsonl"
    assert run_main("teacher", "export", "--class", "5B", "--format", "xapi", "--out", str(out),
                    "--data-dir", str(src)).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8 + 4 and all(json.loads(line)["version"] == "1.0.3" for line in lines)
    school = tmp_path / "school"
    res = run_main("teacher", "import", str(out), "--class", "5B", "--data-dir", str(school))
    assert res.returncode == 0 and "12 record(s) imported" in res.stdout
    again = run_main("teacher", "import", str(out), "--class", "5B", "--data-dir", str(school))
    assert "0 record(s) imported, 12 already there" in again.stdout  # never twice
    imported = Records(school)
    assert summary_json(class_report(imported, "5B", mini_content)) == before


@pytest.mark.process
def test_a_file_with_bad_or_foreign_statements_changes_nothing_unless_told_to_skip_them(tmp_path):
    src = Records(tmp_path / "a")
    fill(src)
    from teacher_mode.xapi import statement

    good = [json.dumps(statement(o)) for o in src.outcomes("5B")[:2]]
    foreign = json.dumps(statement(src.outcomes("6A")[0]))
    huge = json.dumps({**json.loads(good[0]), "id": "11111111-1111-4111-8111-111111111111",
                       "actor": {"objectType": "Agent", "account": {"homePage": "https://coupole-game.invalid/class/5B",
                                                                    "name": "A" * 100000}}})
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join([good[0], "{not json", foreign, huge, good[1]]) + "\n", encoding="utf-8")
    school_dir = tmp_path / "school"
    res = run_main("teacher", "import", str(f), "--class", "5B", "--data-dir", str(school_dir))
    assert res.returncode == 1
    assert "Nothing was imported: 3 line(s)" in res.stdout and "--skip-bad" in res.stdout
    assert f"{f}:2: wrong: this is not JSON" in res.stderr
    assert f"{f}:3: wrong: the statement belongs to class 6A, not 5B" in res.stderr
    assert f"{f}:4: wrong: the line is too long" in res.stderr
    assert Records(school_dir).count() == 0  # the good lines were not imported either
    crafted = tmp_path / "crafted.jsonl"  # a whole file for another class, given as 5B's
    crafted.write_text("\n".join(json.dumps(statement(o)) for o in src.outcomes("6A")) + "\n", encoding="utf-8")
    res = run_main("teacher", "import", str(crafted), "--class", "5B", "--data-dir", str(school_dir))
    assert res.returncode == 1 and Records(school_dir).count() == 0
    res = run_main("teacher", "import", str(f), "--class", "5B", "--skip-bad", "--data-dir", str(school_dir))
    assert "2 record(s) imported, 0 already there, 3 refused." in res.stdout
    assert f"{f}:3: skipped: the statement belongs to class 6A, not 5B" in res.stderr
    school = Records(school_dir)
    assert school.count() == 2 and {o.class_code for o in school.outcomes()} == {"5B"}


@pytest.mark.process
def test_an_import_without_its_class_is_refused(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text("", encoding="utf-8")
    res = run_main("teacher", "import", str(f), "--data-dir", str(tmp_path))
    assert res.returncode != 0 and "--class" in res.stderr
    assert not (tmp_path / "outcomes.sqlite3").exists() or Records(tmp_path).count() == 0


@pytest.mark.process
def test_erase_command_asks_first_then_removes_rows_and_export_lines(tmp_path):
    store = Records(tmp_path)
    fill(store)
    store.close()
    dry = run_main("teacher", "erase", "--class", "5B", "--pupil", "Alice", "--data-dir", str(tmp_path))
    assert "Add --yes" in dry.stdout and Records(tmp_path).pupils("5B") == ["Alice", "Bruno"]
    done = run_main("teacher", "erase", "--class", "5B", "--pupil", "Alice", "--yes", "--data-dir", str(tmp_path))
    assert "Erased pupil 'Alice' of class 5B: 8 record(s)." in done.stdout
    out = tmp_path / "after.jsonl"
    run_main("teacher", "export", "--class", "5B", "--format", "xapi", "--out", str(out), "--data-dir", str(tmp_path))
    assert "Alice" not in out.read_text(encoding="utf-8") and "Bruno" in out.read_text(encoding="utf-8")
