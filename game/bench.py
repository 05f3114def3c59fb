"""`python main.py bench [--json] [--markdown FILE]`: the numbers behind the performance budgets.

Everything in one run, at 1280x720, on whatever OpenGL the machine has (on a school PC
with no usable graphics card, and here: Mesa's llvmpipe software renderer). With no
display, the window is created headless (EGL).
- floor: the frame time of a bare window that only clears the screen;
- every scene of every chapter and every kind of screen: frame time median and p95,
  and the ratio of the p95 to the floor's p95 (the frame is finished with glFinish, so
  the time includes the rendering, not only the command submission);
- cold start to the first drawn title frame (a fresh process, as a pupil starts it);
- loading and validating all content;
- the dashboard's aggregates over 100,000 synthetic outcomes, and a plain SQL GROUP BY
  over the same rows as the floor;
- peak resident memory of a process that plays a chapter with every step drawn.
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGETS = {"frame_p95_ms": 16.7, "frame_ratio": 2.5, "start_s": 1.5, "content_ms": 150, "aggregates_ms": 100,
           "memory_mb": 300}
FRAMES = 120
WARM_UP = 10  # frames drawn before timing: a screen's first frame is in "drawn again"
ROOT = Path(__file__).resolve().parents[1]


def _headless_env() -> dict:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["ARCADE_HEADLESS"] = "1"
    return env


def _ms(samples: list[float]) -> dict:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]
    return {"median_ms": round(statistics.median(s) * 1000, 2), "p95_ms": round(p95 * 1000, 2)}


def measure_content(root=None, runs: int = 5) -> float:
    from .content.lint import lint
    from .content.loader import check_content

    times = []
    for _ in range(runs):
        t = time.perf_counter()
        content, _ = check_content(root)
        lint(content)
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1000, 1)


def measure_start(runs: int = 3) -> float:
    env = _headless_env()
    env["COUPOLE_EXIT_AFTER_FIRST_FRAME"] = "1"
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", tmp], env=env, check=True,
                           capture_output=True, timeout=120)
            times.append(time.perf_counter() - t)
    return round(statistics.median(times), 3)


def measure_aggregates(n: int = 100_000) -> dict:
    import random
    import uuid

    from teacher_mode.analytics import class_report

    from .content.loader import load_content
    from .i18n import Translator

    content = load_content()
    tr = Translator("fr", content.root)
    qs = [(b.id, q) for b in content.ordered() for q in b.questions.values()]
    rnd = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        from .records import Outcome, Records

        store = Records(Path(tmp))
        rows = []
        for i in range(n):
            cid, q = qs[i % len(qs)]
            opt = rnd.choice(q.options)
            answer = ",".join(o.id for o in q.options) if q.kind.value == "order" else opt.id
            rows.append(Outcome(str(uuid.uuid4()), "5B", f"Eleve {rnd.randrange(30):02d}", cid, q.id, q.objective,
                                answer, bool(opt.correct), 1 + i // (len(qs) * 30), 15000,
                                f"2026-03-02T09:{i % 60:02d}:00.000+00:00", "fr"))
        store.record_many(rows)
        store.optimize()
        report_t, floor_t = [], []
        for _ in range(5):
            t = time.perf_counter()
            class_report(store, "5B", content, tr)
            report_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.option_counts("5B")
            floor_t.append(time.perf_counter() - t)
        store.close()
    return {"outcomes": n, "aggregates_ms": round(statistics.median(report_t) * 1000, 1),
            "plain_sql_ms": round(statistics.median(floor_t) * 1000, 1)}


MEMORY_CHILD = r"""
import resource, sys, tempfile
from pathlib import Path
from game.content.loader import load_content
from game.session import PupilSession
from game.story.autoplay import explore, perform
from game.shots import Shooter
content = load_content()
cid = content.ordered()[0].id
with tempfile.TemporaryDirectory() as tmp:
    sh = Shooter(content, Path(tmp) / "shots", "fr")
    s = PupilSession(content, Path(tmp), "BENCH", "memoire", "fr")
    run = s.open_chapter(cid)
    for action in explore(s.bundle(cid)).paths[0]:
        perform(run, action)
        sh.app.session = s
        view = sh.app.nav.view_for_step()
        sh.window.show_view(view)
        view.on_draw()
    s.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure_memory() -> float:
    out = subprocess.run([sys.executable, "-c", MEMORY_CHILD], cwd=ROOT, env=_headless_env(), capture_output=True,
                         text=True, timeout=600, check=True).stdout
    return round(int(out.split()[-1]) / 1024, 1)  # ru_maxrss is in KiB on Linux


def measure_frames() -> dict:
    import arcade

    from .app import App
    from .content.loader import load_content
    from .session import PupilSession
    from .story import minigames as rules
    from .views.teacher import ClassView

    content = load_content()
    from .views.frames import new_window

    window = new_window("bench", visible=False)
    results: dict[str, dict] = {}

    def timed(draw, before=None) -> list[float]:
        samples = []
        for _ in range(FRAMES):
            if before is not None:
                before()
            t = time.perf_counter()
            draw()
            window.ctx.finish()
            samples.append(time.perf_counter() - t)
        return samples

    def frames(name: str, draw, view=None) -> None:
        for _ in range(WARM_UP):  # textures, glyphs, the frame's first copies
            draw()
            window.ctx.finish()
        results[name] = _ms(timed(draw))
        # The floor again, right after: on this machine a bare clear costs 0.37 or 1.2 ms depending on the moment
        # (seen switching within one process), so each screen is compared with the floor of its own moment.
        results[name]["floor_p95_ms"] = _ms(timed(window.clear))["p95_ms"]
        if view is not None:  # the same screen drawn again every frame, as after a click or a key
            again = _ms(timed(draw, before=view.touch))
            results[name].update({"redraw_median_ms": again["median_ms"], "redraw_p95_ms": again["p95_ms"]})

    frames("floor: bare window clearing", lambda: window.clear())
    del results["floor: bare window clearing"]["floor_p95_ms"]
    with tempfile.TemporaryDirectory() as tmp:
        app = App(window, content, Path(tmp), "fr")
        app.set_preferences(text_speed="instant")

        def view(name, make):
            v = make()
            window.show_view(v)
            frames(name, v.on_draw, v)

        from .views.screens import ChapterSelectView, SignInView, TitleView

        view("title", lambda: TitleView(app))
        view("sign-in", lambda: SignInView(app))
        app.session = PupilSession(content, Path(tmp), "BENCH", "bench", "fr")
        view("chapter select", lambda: ChapterSelectView(app))
        for b in content.ordered():
            run = app.session.open_chapter(b.id, restart=True)
            for scene in b.chapter.scenes:
                run.jump(scene.id)
                view(f"scene {b.id}/{scene.id}", app.nav.view_for_step)
            node = next(iter(b.nodes))
            run.jump(b.chapter.start, node)
            view(f"dialogue {b.id}", app.nav.view_for_step)
            app.set_preferences(text_speed="normal")  # the line appearing letter by letter: drawn over the cached frame
            v = app.nav.view_for_step()
            window.show_view(v)

            def appearing(v=v):
                if v.shown >= len(v._full):
                    v.shown = 0.0
                v.on_update(1 / 60)
                v.on_draw()

            frames(f"dialogue {b.id}, letters appearing", appearing)
            app.set_preferences(text_speed="instant")
            doc = b.chapter.documents[0].id
            run.state.documents.append(doc)
            run.open_document(doc)
            view(f"document {b.id}", app.nav.view_for_step)
            run.advance()
            for q in {q.kind.value: q for q in b.chapter.questions}.values():
                run.jump(b.chapter.start)
                run._ask(q.id)  # put the question on screen, as the story would
                view(f"question {q.kind.value} {b.id}", app.nav.view_for_step)
                run.state.question = None
            for mg in b.chapter.minigames:
                run.jump(b.chapter.start)
                run._play(mg.id)
                v = app.nav.view_for_step()
                v.started = True
                window.show_view(v)
                frames(f"mini-game {mg.kind.value} {b.id}", v.on_draw, v)
                run.state.minigame = None
                assert not rules.finished(mg, rules.start(mg))
        from .records import Records

        from .views.screens import SummaryView

        run.state.completed = True
        view("summary", lambda: SummaryView(app))
        Records(Path(tmp)).close()
        view("teacher dashboard (class)", lambda: ClassView(app, "BENCH"))
        app.session.close()
    window.close()
    for name, r in results.items():
        floor = r.get("floor_p95_ms") or r["p95_ms"]
        r["ratio_to_floor"] = round(r["p95_ms"] / floor, 2) if floor else None
    return results


def run(markdown: Path | None = None, as_json: bool = False) -> int:
    if not os.environ.get("DISPLAY"):
        os.environ["ARCADE_HEADLESS"] = "1"  # before arcade is imported
    report = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count()},
        "content_ms": measure_content(),
        "start_s": measure_start(),
        "aggregates": measure_aggregates(),
        "memory_mb": measure_memory(),
        "frames": measure_frames(),
    }
    screens = [r for n, r in report["frames"].items() if not n.startswith("floor")]
    worst = max(screens, key=lambda r: r["p95_ms"])
    worst_redraw = max(r.get("redraw_p95_ms", 0) for r in screens)
    checks = {
        "frame p95 <= 16.7 ms": worst["p95_ms"] <= BUDGETS["frame_p95_ms"],
        "frame p95 <= 2.5 x floor": max(r["ratio_to_floor"] for r in screens) <= BUDGETS["frame_ratio"],
        "frame drawn again (after a click or a key) p95 <= 16.7 ms": worst_redraw <= BUDGETS["frame_p95_ms"],
        "start <= 1.5 s": report["start_s"] <= BUDGETS["start_s"],
        "content <= 150 ms": report["content_ms"] <= BUDGETS["content_ms"],
        "aggregates <= 100 ms": report["aggregates"]["aggregates_ms"] <= BUDGETS["aggregates_ms"],
        "memory <= 300 MB": report["memory_mb"] <= BUDGETS["memory_mb"],
    }
    report["budgets"] = checks
    if as_json:
        print(json.dumps(report, indent=2))
    else:
        print(format_text(report))
    if markdown:
        markdown.write_text(format_markdown(report), encoding="utf-8")
    return 0


def format_text(r: dict) -> str:
    lines = [f"machine: {r['machine']['platform']}, {r['machine']['cpus']} CPUs, Python {r['machine']['python']}",
             f"content load + validate: {r['content_ms']} ms", f"cold start to first title frame: {r['start_s']} s",
             f"dashboard aggregates over {r['aggregates']['outcomes']} outcomes: {r['aggregates']['aggregates_ms']} ms "
             f"(plain SQL GROUP BY: {r['aggregates']['plain_sql_ms']} ms)",
             f"peak resident memory playing a chapter: {r['memory_mb']} MB", "frame times (median / p95 / p95 ÷ floor):"]
    for name, f in r["frames"].items():
        again = f"   drawn again {f['redraw_median_ms']:6.2f} {f['redraw_p95_ms']:6.2f}" if "redraw_p95_ms" in f else ""
        lines.append(f"  {name:45s} {f['median_ms']:7.2f} {f['p95_ms']:7.2f}  x{f['ratio_to_floor']}{again}")
    lines += [f"budget {k}: {'OK' if v else 'MISSED'}" for k, v in r["budgets"].items()]
    return "\n".join(lines)


def format_markdown(r: dict) -> str:
    rows = "\n".join(f"| {n} | {f['median_ms']} | {f['p95_ms']} | {f['ratio_to_floor']} | "
                     f"{f.get('floor_p95_ms', '–')} | {f.get('redraw_median_ms', '–')} | {f.get('redraw_p95_ms', '–')} |"
                     for n, f in r["frames"].items())
    budgets = "\n".join(f"| {k} | {'met' if v else '**missed**'} |" for k, v in r["budgets"].items())
    return f"""# Performance

Measured by `python main.py bench --markdown docs/performance.md` (everything in one run, 1280x720).

Machine: {r['machine']['platform']}, {r['machine']['cpus']} CPUs, Python {r['machine']['python']}; OpenGL: Mesa
llvmpipe (software rendering, no graphics card), headless or under Xvfb.

| measure | value | budget |
|---|---|---|
| load + validate + lint all content | {r['content_ms']} ms | 150 ms |
| cold start to the first drawn title frame | {r['start_s']} s | 1.5 s |
| dashboard aggregates, {r['aggregates']['outcomes']:,} outcomes | {r['aggregates']['aggregates_ms']} ms (plain SQL GROUP BY: {r['aggregates']['plain_sql_ms']} ms) | 100 ms |
| peak resident memory while a chapter is played and drawn | {r['memory_mb']} MB | 300 MB |

| budget | result |
|---|---|
{budgets}

Frame times ({FRAMES} frames each, glFinish included). A screen is drawn once into an off-screen
framebuffer and copied to the window on the frames after (`game/views/frames.py`): "median / p95" are the frames
a pupil sees while reading; "drawn again" forces the whole screen to be drawn on every frame, as on the one
frame after a click or a key press. The window has no multisampling (it tripled the cost of every frame on a
software renderer).

The floor (a bare clear) is measured again right after each screen and the ratio uses that one: on this
machine a clear takes either about 0.37 ms or about 1.2 ms depending on the moment (it was seen switching in
the middle of one run), while copying a frame takes 0.9–1.15 ms.

| screen | median ms | p95 ms | p95 ÷ floor p95 | floor p95 ms (then) | drawn again: median ms | drawn again: p95 ms |
|---|---|---|---|---|---|---|
{rows}
"""
