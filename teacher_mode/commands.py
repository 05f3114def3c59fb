"""`python main.py teacher ...`: report, export, import. The same numbers as the dashboard."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from game.i18n import N_
from game.records import (ClassCode, InvalidName, Pseudonym, Records, RecordsError, RecordsReadError,
                          damaged_sentence)

from .analytics import class_report
from .xapi import StatementError, parse, statement

MAX_IMPORT_BYTES = 50_000_000
MAX_LINE = 20_000


def add_parser(sub, data_dir_arg, locales) -> None:
    t = sub.add_parser("teacher", help="teacher tools: report, export, import")
    tsub = t.add_subparsers(dest="teacher_command", required=True)
    rep = tsub.add_parser("report", help="one self-contained HTML report for a class")
    rep.add_argument("--class", dest="class_code", required=True)
    rep.add_argument("--out", type=Path, required=True)
    rep.add_argument("--lang", choices=locales, default="fr")
    data_dir_arg(rep)
    exp = tsub.add_parser("export", help="the class's records as CSV (spreadsheet) or xAPI statements (JSON lines)")
    exp.add_argument("--class", dest="class_code", required=True)
    exp.add_argument("--format", choices=("csv", "xapi"), required=True)
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--lang", choices=locales, default="fr")
    data_dir_arg(exp)
    imp = tsub.add_parser("import", help="bring in xAPI statements (one JSON object per line), e.g. from a trip")
    imp.add_argument("file", type=Path)
    imp.add_argument("--class", dest="class_code", required=True,
                     help="the class the file is for: a record of any other class refuses the file")
    imp.add_argument("--skip-bad", action="store_true",
                     help="import the good lines of a file that has wrong ones (by default nothing is imported)")
    data_dir_arg(imp)
    lrs = tsub.add_parser("lrs", help="configure the Learning Record Store of a class on many machines")
    lrs.add_argument("--url", help="e.g. http://lrs.school.example:8100 (the game adds /xAPI/statements)")
    lrs.add_argument("--user", default="")
    lrs.add_argument("--password", default="")
    lrs.add_argument("--off", action="store_true", help="stop sending to an LRS")
    data_dir_arg(lrs)
    sy = tsub.add_parser("sync", help="bring a class's records from the configured LRS into this machine")
    sy.add_argument("--class", dest="class_code", required=True)
    data_dir_arg(sy)
    mg = tsub.add_parser("merge", help="merge two names of one pupil (\"Maelys\" into \"Maëlys\"): answers, "
                                       "activity, queued statements and saves")
    mg.add_argument("--class", dest="class_code", required=True)
    mg.add_argument("source", help="the name to merge away")
    mg.add_argument("target", help="the name that stays")
    mg.add_argument("--yes", action="store_true", help="do it (without it, only say what would be merged)")
    data_dir_arg(mg)
    er = tsub.add_parser("erase", help="erase a pupil's or a whole class's records and saves")
    er.add_argument("--class", dest="class_code", required=True)
    er.add_argument("--pupil", default=None)
    er.add_argument("--yes", action="store_true", help="do it (without it, only say what would be erased)")
    data_dir_arg(er)


def run(args) -> int:
    from game.session import default_data_dir

    data_dir = args.data_dir or default_data_dir()
    if getattr(args, "class_code", None) is not None:
        try:
            args.class_code = ClassCode(args.class_code)
        except InvalidName:
            print(f"{args.class_code!r} is not a class code: 2 to 12 letters or digits, e.g. 5B or 5ème.",
                  file=sys.stderr)
            return 2
    damaged = damaged_sentence(data_dir)  # told by every command until the copies are moved away
    if damaged:
        print(damaged, file=sys.stderr)
    try:  # reports and exports only read: they work on a read-only folder and never create or change anything
        store = Records(data_dir, read_only=args.teacher_command in ("report", "export"))
    except RecordsError as exc:
        print(f"Nothing was done: {exc}", file=sys.stderr)
        return 1
    try:
        commands = {"report": _report, "export": _export, "import": _import, "lrs": _lrs, "sync": _sync,
                    "erase": _erase, "merge": _merge}
        return commands[args.teacher_command](args, store)
    except RecordsReadError as exc:  # damage found while reading (a page quick_check did not reach)
        print(f"The records in {store.path} could not be read ({exc}); nothing more was done. "
              f"Start the game once: a damaged file is kept aside and a new one started.", file=sys.stderr)
        return 1
    finally:
        store.close()


def _content_and_tr(lang: str):
    from game.content.loader import ContentError, load_content
    from game.i18n import Translator

    try:
        content = load_content()
    except ContentError:
        content = None  # the report still shows the records, with ids instead of texts
    return content, Translator(lang, content.root if content else None)


def _report(args, store) -> int:
    from .report import render

    content, tr = _content_and_tr(args.lang)
    rep = class_report(store, args.class_code, content, tr)
    if not rep.pupils:
        print(tr("No records for class {code} in {path}.", code=args.class_code, path=store.path), file=sys.stderr)
        return 1
    args.out.write_text(render(rep, tr, content), encoding="utf-8")
    print(tr("Report written: {path} ({n} pupils).", path=args.out, n=len(rep.pupils)))
    return 0


def _export(args, store) -> int:
    content, tr = _content_and_tr(args.lang)
    outcomes = store.outcomes(args.class_code)
    if args.format == "csv":
        from . import csv_export

        # texts in the teacher's language from the report's one computation
        report = class_report(store, args.class_code, content, tr)
        with args.out.open("w", encoding="utf-8-sig", newline="") as fh:
            count = csv_export.write(fh, outcomes, args.lang, tr, report)
    else:
        records = list(outcomes) + list(store.activities(args.class_code))
        with args.out.open("w", encoding="utf-8", newline="\n") as fh:
            for r in records:
                fh.write(json.dumps(statement(r), ensure_ascii=False, sort_keys=True) + "\n")
        count = len(records)
    print(tr("{n} records of class {code} written to {path}.", n=count, code=args.class_code, path=args.out))
    return 0


def import_lines(store: Records, lines, *, expected_class: str | None = None, skip_bad: bool = False) -> dict:
    """Validate every statement first; then store them all in one transaction — or nothing at all when a line is
    wrong (unless `skip_bad`). Returns counts and the problems (line number, reason)."""
    records = []
    problems: list[tuple[int, str]] = []
    for n, raw in enumerate(lines, start=1):
        raw = raw.strip()
        if not raw:
            continue
        if len(raw) > MAX_LINE:
            problems.append((n, f"the line is too long ({len(raw)} characters)"))
            continue
        try:
            records.append(parse(json.loads(raw), expected_class=expected_class))
        except json.JSONDecodeError as exc:
            problems.append((n, f"this is not JSON ({exc.msg})"))
        except StatementError as exc:
            problems.append((n, str(exc)))
    if problems and not skip_bad:
        return {"added": 0, "duplicates": 0, "problems": problems, "refused": True, "erased": 0}
    records, erased = store.not_erased(records)  # pupils erased here after these were made stay erased
    added = store.record_many(records)
    return {"added": added, "duplicates": len(records) - added, "problems": problems, "refused": False,
            "erased": erased}


def _import(args, store) -> int:
    path: Path = args.file
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            print(f"{path}: the file is too large ({size} bytes); nothing was imported.", file=sys.stderr)
            return 1
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot be read ({exc}); nothing was imported.", file=sys.stderr)
        return 1
    result = import_lines(store, text.splitlines(), expected_class=args.class_code, skip_bad=args.skip_bad)
    for n, reason in result["problems"]:
        print(f"{path}:{n}: {'skipped' if args.skip_bad else 'wrong'}: {reason}", file=sys.stderr)
    if result["refused"]:
        print(f"Nothing was imported: {len(result['problems'])} line(s) of {path} are wrong (listed above). "
              f"Check that the file is the one of class {args.class_code}; to import its other lines anyway, "
              f"add --skip-bad.")
        return 1
    print(f"{result['added']} record(s) imported, {result['duplicates']} already there, "
          f"{len(result['problems'])} refused.")
    if result["erased"]:
        print(f"{result['erased']} record(s) of pupils erased on this computer were left out: they stay erased.")
    return 1 if result["problems"] and not result["added"] else 0


def _lrs(args, store) -> int:
    from .lrs import Client, LrsConfig, LrsError, address_problem, load_config

    data_dir = store.data_dir
    if args.off:
        store.set_lrs(None)
        print("No LRS: records stay on this machine only.")
        return 0
    if not args.url:
        cfg = load_config(data_dir)
        print(f"LRS: {cfg.url} (user {cfg.username})" if cfg else "No LRS configured.")
        status = store.lrs_status()
        if status.pending or status.last_error:
            print(f"Waiting to be sent: {status.pending}." + (f" Last problem ({status.last_attempt} UTC): "
                                                               f"{status.last_error}." if status.last_error else ""))
        return 0
    problem = address_problem(args.url)
    if problem is not None:
        print(f"Not saved: {problem}.", file=sys.stderr)
        return 1
    cfg = LrsConfig(args.url, args.user, args.password)
    try:
        store.set_lrs(cfg)
    except ValueError as exc:
        print(f"Not saved: {exc}.", file=sys.stderr)
        return 1
    try:
        Client(cfg, timeout=5).get(limit=1)
        print(f"LRS saved and reachable: {cfg.url}")
    except LrsError as exc:
        print(f"LRS saved, but not reachable now ({exc}); records wait in the outbox until it is.")
    return 0


def _sync(args, store) -> int:
    from .lrs import Client, LrsError, load_config, sync

    cfg = load_config(store.data_dir)
    if cfg is None:
        print("No LRS configured: see `python main.py teacher lrs --url ...`.", file=sys.stderr)
        return 1
    try:
        result = sync(store, Client(cfg), args.class_code)
    except LrsError as exc:
        print(f"Nothing synchronised: {exc}.", file=sys.stderr)
        return 1
    for problem in result["problems"]:
        print(f"skipped: {problem}", file=sys.stderr)
    print(f"{result['added']} record(s) brought in, {result['duplicates']} already here, "
          f"{len(result['problems'])} refused.")
    if result["erased"]:
        print(f"{result['erased']} record(s) of pupils erased on this computer were left out: they stay erased.")
    return 0


def _erase(args, store) -> int:
    pupils = store.pupils(args.class_code)
    if args.pupil is not None:
        if args.pupil not in pupils:  # as stored, or as the game writes it
            try:
                args.pupil = Pseudonym(args.pupil)
            except InvalidName:
                pass  # not a pseudonym at all: said below as "no pupil"
        if args.pupil not in pupils:
            print(f"No pupil {args.pupil!r} in class {args.class_code}.", file=sys.stderr)
            return 1
    what = f"pupil {args.pupil!r} of class {args.class_code}" if args.pupil else \
        f"class {args.class_code} ({len(pupils)} pupils)"
    if not args.yes:
        print(f"This would erase every record and save of {what}. Add --yes to do it.")
        return 0
    n = store.erase(args.class_code, args.pupil)
    print(f"Erased {what}: {n} record(s).")
    return 0


def _merge(args, store) -> int:
    pupils = store.pupils(args.class_code)
    for name in (args.source, args.target):
        if name not in pupils:
            print(f"No pupil {name!r} in class {args.class_code} (its pupils: {', '.join(pupils) or 'none'}).",
                  file=sys.stderr)
            return 1
    if args.source == args.target:
        print("Give two different names: the one to merge away, then the one that stays.", file=sys.stderr)
        return 1
    if not args.yes:
        n = len(store.outcomes(args.class_code, pupil=args.source))
        print(f"This would make {args.source!r} ({n} answers) part of {args.target!r} in class {args.class_code}. "
              f"Add --yes to do it.")
        return 0
    result = store.merge_pupils(args.class_code, args.source, args.target)
    print(f"Merged {args.source!r} into {args.target!r}: {result.moved} record(s) moved, nothing deleted.")
    for chapter, question, kept, at in result.both_first:
        print(f"  {chapter} / {question}: answered on both first attempts; the earliest ({kept}, {at}) counts as "
              f"the first, the other as a replay.")
    return 0
