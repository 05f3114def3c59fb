"""Command line: `python main.py [play|validate|autoplay|i18n] ...`.

Arcade is imported only by the commands that open a window, so validation and
the bot start fast and run anywhere.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .i18n import LOCALES


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python main.py", description="La Coupole: 1940-1945 in Nord-Pas-de-Calais.")
    p.add_argument("--data-dir", dest="top_data_dir", type=Path, default=None, help="where saves and results are kept")
    p.add_argument("--lang", dest="top_lang", choices=LOCALES, default=None, help="language of the game")
    sub = p.add_subparsers(dest="command")

    def data_dir(sp, default="the user's data folder"):
        sp.add_argument("--data-dir", type=Path, default=None, help=f"where saves and results are kept (default: {default})")

    play = sub.add_parser("play", help="play the game (the default)")
    data_dir(play)
    play.add_argument("--root", type=Path, default=None, help="content tree to play (default: the game's own)")
    play.add_argument("--lang", choices=LOCALES, default=None)
    play.add_argument("--fullscreen", action="store_true")
    play.add_argument("--chapter", default=None, help="preview: open this chapter straight away (F5 reloads the content)")
    play.add_argument("--scene", default=None, help="preview: start in this scene")
    play.add_argument("--node", default=None, help="preview: start this conversation node")

    val = sub.add_parser("validate", help="check the content (levels/, dialogue/, assets/)")
    val.add_argument("--root", type=Path, default=None, help="content tree to check (default: the game's own)")
    val.add_argument("--json", action="store_true", help="print the problems as JSON")
    val.add_argument("--lang", choices=LOCALES, default=None, help="language of the messages (default: the system's)")
    data_dir(val)

    auto = sub.add_parser("autoplay", help="a bot plays every branch of every chapter")
    auto.add_argument("--chapter", default="all", help="chapter id, or 'all'")
    auto.add_argument("--lang", choices=LOCALES, default="fr")
    auto.add_argument("--shots", type=Path, default=None, help="render each step in a window and save PNGs here")
    auto.add_argument("--root", type=Path, default=None)
    data_dir(auto, "a new temporary folder")

    sch = sub.add_parser("schema", help="write the JSON Schema of the content format (levels/schema/)")
    sch.add_argument("--root", type=Path, default=None)
    data_dir(sch)

    be = sub.add_parser("bench", help="measure frame times, start-up, content loading, aggregates and memory")
    be.add_argument("--json", action="store_true")
    be.add_argument("--markdown", type=Path, default=None, help="also write the results as Markdown to this file")
    data_dir(be)

    st = sub.add_parser("stats", help="what each chapter holds, words and translation coverage per language")
    st.add_argument("--json", action="store_true")
    st.add_argument("--root", type=Path, default=None)
    data_dir(st)

    from teacher_mode.commands import add_parser as add_teacher

    add_teacher(sub, data_dir, LOCALES)

    i18n = sub.add_parser("i18n", help="update the content translation catalogues from the YAML")
    i18n.add_argument("--root", type=Path, default=None)
    i18n.add_argument("--chapter", default=None, help="only this chapter's catalogues")
    data_dir(i18n)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "play"
    if getattr(args, "data_dir", None) is None:
        args.data_dir = args.top_data_dir
    if getattr(args, "lang", None) is None and args.top_lang:
        args.lang = args.top_lang
    try:
        if command == "validate":
            return cmd_validate(args)
        if command == "autoplay":
            from .autoplay import cmd_autoplay

            return cmd_autoplay(args)
        if command == "i18n":
            return cmd_i18n(args)
        if command == "teacher":
            from teacher_mode.commands import run as run_teacher

            return run_teacher(args)
        if command == "stats":
            return cmd_stats(args)
        if command == "bench":
            from .bench import run as run_bench

            return run_bench(args.markdown, args.json)
        if command == "schema":
            from .content.loader import default_root
            from .content.schema import write_schemas

            for path in write_schemas(args.root or default_root()):
                print(f"wrote {path}")
            return 0
        if (getattr(args, "scene", None) or getattr(args, "node", None)) and not getattr(args, "chapter", None):
            print("--scene and --node need --chapter ID (the chapter they belong to).", file=sys.stderr)
            return 2
        from teacher_mode.lrs import start_sender

        try:
            from .app import run_game  # the window's libraries: loaded only to play
        except Exception:  # they cannot even load (no OpenGL, no display): a sentence, not a traceback
            from .crash import report_crash
            from .session import default_data_dir

            return report_crash(getattr(args, "data_dir", None) or default_data_dir())
        return run_game(
            start_sender=start_sender,
            data_dir=getattr(args, "data_dir", None),
            root=getattr(args, "root", None),
            lang=getattr(args, "lang", None),
            fullscreen=getattr(args, "fullscreen", False),
            preview={k: getattr(args, k, None) for k in ("chapter", "scene", "node")},
        )
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `python main.py stats | head`: the reader left, nothing is wrong
        sys.stderr.close()
        return 0


def cmd_validate(args) -> int:
    from .content.lint import lint
    from .content.loader import check_content
    from .content.say import say, set_language

    set_language(args.lang)
    content, problems = check_content(args.root)
    if content is not None:
        problems = sorted(problems + lint(content))
    errors = [p for p in problems if p.severity == "error"]
    if args.json:
        print(json.dumps({"errors": len(errors), "warnings": len(problems) - len(errors),
                          "problems": [p.as_dict() for p in problems]}, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(p.format())
        if errors:
            print("\n" + say("{errors} error(s), {warnings} warning(s).", errors=len(errors),
                             warnings=len(problems) - len(errors)), file=sys.stderr)
        else:
            print(say("Content OK ({warnings} warning(s)).", warnings=len(problems)))
    return 1 if errors else 0


def cmd_i18n(args) -> int:
    from .catalogs import update_catalogs
    from .content.loader import ContentError, check_content

    content, problems = check_content(args.root)
    if content is None:
        for p in problems:
            print(p.format())
        print("Fix the content first: catalogues are made from valid content.", file=sys.stderr)
        return 1
    if args.chapter and args.chapter not in content.chapters:
        print(f"Unknown chapter {args.chapter!r}; chapters: {', '.join(content.chapters)}", file=sys.stderr)
        return 2
    try:
        written = update_catalogs(content, chapters=[args.chapter] if args.chapter else None)
    except ContentError as exc:  # a broken catalogue: fixed by hand first, never rewritten without its entries
        print(exc.report(), file=sys.stderr)
        return 1
    for path in written:
        print(f"updated {path.relative_to(content.root)}")
    return 0


def cmd_stats(args) -> int:
    from .content.loader import ContentError, load_content
    from .stats import chapter_stats, format_table

    try:
        content = load_content(args.root)
    except ContentError as exc:
        print(exc.report())
        return 1
    stats = chapter_stats(content)
    print(json.dumps(stats, ensure_ascii=False, indent=2) if args.json else format_table(stats))
    return 0
