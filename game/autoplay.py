"""`python main.py autoplay`: the bot (game.story.autoplay) plays every branch of every chapter for real.

Each playthrough goes through a real pupil's session, class AUTOPLAY (saves and outcome records, in a temporary
folder unless --data-dir is given); `--shots DIR` saves a picture of every step as a pupil sees it.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .content.loader import ContentError, load_content
from .session import PupilSession
from .story.autoplay import explore, perform
from .story.runtime import StoryError


def cmd_autoplay(args) -> int:
    try:
        content = load_content(args.root)
    except ContentError as exc:
        print(exc.report())
        print("autoplay: the content does not validate; nothing was played.", file=sys.stderr)
        return 1
    wanted = list(content.chapters) if args.chapter == "all" else [args.chapter]
    unknown = [c for c in wanted if c not in content.chapters]
    if unknown:
        print(f"autoplay: unknown chapter {unknown[0]!r}; chapters: {', '.join(content.chapters)}", file=sys.stderr)
        return 2
    if args.data_dir is None:  # the bot's records never mix with a real class's unless asked to
        args.data_dir = Path(tempfile.mkdtemp(prefix="coupole-autoplay-"))
    data_dir = args.data_dir
    shooter = None
    if args.shots:
        # the window's libraries, only to take pictures: the bot itself runs without a display
        from .shots import Shooter

        shooter = Shooter(content, args.shots, args.lang)

    failed = False
    total_pupils = 0
    for cid in [b.id for b in content.ordered() if b.id in wanted]:
        session0 = PupilSession(content, data_dir, "AUTOPLAY", "explorer", args.lang)
        bundle = session0.bundle(cid)
        session0.leave()  # its records and the pupil's one-window lock
        ex = explore(bundle)
        totals = ex.totals(bundle)
        cover = ", ".join(f"{k} {a}/{t}" for k, (a, t) in totals.items())
        print(f"[{cid}] {ex.states} states, {ex.endings} ending state(s), {len(ex.paths)} playthrough(s); covered: {cover}")
        for i, path in enumerate(ex.paths, start=1):
            total_pupils += 1
            session = PupilSession(content, data_dir, "AUTOPLAY", f"bot-{cid}-{i}", args.lang)
            try:
                run = session.open_chapter(cid, restart=True)
                if shooter:
                    shooter.capture(session, f"{cid}-{i:02d}-000")
                for n, action in enumerate(path, start=1):
                    perform(run, action)
                    if shooter:
                        shooter.capture(session, f"{cid}-{i:02d}-{n:03d}")
                if not run.state.completed:
                    ex.errors.append(f"{cid}: playthrough {i} did not finish the chapter.")
            except (StoryError, KeyError) as exc:
                ex.errors.append(f"{cid}: playthrough {i} failed: {exc}")
            finally:
                session.close()
        for w in ex.warnings:
            print(f"  warning: {w}")
        for e in ex.errors:
            print(f"  ERROR: {e}")
        failed |= bool(ex.errors) or any(a < t for a, t in totals.values())
    if shooter:
        print(f"screenshots: {shooter.count} PNG(s) in {args.shots}")
        shooter.close()
    print(f"autoplay: {'FAILED' if failed else 'OK'} ({total_pupils} playthrough(s) recorded for class AUTOPLAY in {data_dir})")
    return 1 if failed else 0
