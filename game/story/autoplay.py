"""The bot: plays every branch of every chapter with no human.

1. Explore: from the start, try every action the pupil could take (every visible
   hotspot, every offered choice, continue) on a copy of the state, until no new
   state appears. Questions are answered correctly: answers do not change the story.
2. Judge: a state from which the end of the chapter cannot be reached is a dead
   end; a node, choice, question or document never met is unreachable.
3. Play like pupils: for every choice, one complete playthrough that takes it,
   through the real session (saves and outcome records, class AUTOPLAY).
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from ..content.loader import ChapterBundle
from . import minigames as rules
from .runtime import ChapterRun, StoryError
from .state import ChapterState

MAX_STATES = 50_000
Action = tuple  # ("use", id) | ("advance",) | ("choose", id) | ("answer", id)


def _signature(s: ChapterState) -> str:
    d = s.dialogue.model_dump() if s.dialogue else None
    q = s.question.model_dump(exclude={"shown_at"}) if s.question else None
    m = s.minigame.model_dump() if s.minigame else None
    return json.dumps([s.scene, sorted(s.flags), sorted(s.documents), sorted(s.answers), sorted(s.seen_scenes),
                       d, q, s.reading, m, sorted(s.played), s.completed], sort_keys=True)


def _fixed_clock():
    t = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    return lambda: t


def actions(run: ChapterRun) -> list[Action]:
    step = run.step()
    if step.kind == "scene":
        return [("use", h.id) for h in run.hotspots()]
    if step.kind == "choices":
        return [("choose", c.id) for c in step.choices]
    if step.kind == "question":
        return [("answer", right_answer(step.question))]
    if step.kind == "minigame":
        mg, data = step.minigame, step.game
        if rules.finished(mg, data):
            return [("advance",)]
        if mg.kind.value == "dilemmas":  # every choice is a branch worth covering
            return [("play", *a) for a in rules.legal(mg, data)]
        return [("play", *rules.solve(mg, data))]
    if step.kind in ("line", "feedback", "document"):
        return [("advance",)]
    return []


def right_answer(q) -> str:
    if q.kind.value == "order":
        return ",".join(o.id for o in q.options)
    return q.correct_option.id


def perform(run: ChapterRun, action: Action) -> None:
    name, *arg = action
    getattr(run, name)(*arg)


@dataclass
class Exploration:
    chapter: str
    states: int = 0
    nodes: set = field(default_factory=set)
    choices: set = field(default_factory=set)
    questions: set = field(default_factory=set)
    documents: set = field(default_factory=set)
    scenes: set = field(default_factory=set)
    minigames: set = field(default_factory=set)
    endings: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    paths: list[list[Action]] = field(default_factory=list)

    def totals(self, b: ChapterBundle) -> dict:
        all_choices = {f"{n.id}:{c.id}" for n in b.nodes.values() for c in n.choices}
        return {
            "nodes": (len(self.nodes), len(b.nodes)),
            "choices": (len(self.choices), len(all_choices)),
            "questions": (len(self.questions), len(b.questions)),
            "documents": (len(self.documents), len(b.documents)),
            "scenes": (len(self.scenes), len(b.scenes)),
            "minigames": (len(self.minigames), len(b.minigames)),
        }


def explore(bundle: ChapterBundle) -> Exploration:
    ex = Exploration(bundle.id)
    clock = _fixed_clock()
    ids = (f"bot-{i}" for i in itertools.count())
    start = ChapterRun(bundle, clock=clock, new_id=lambda: next(ids))
    start.start()
    root = _signature(start.state)
    states: dict[str, ChapterState] = {root: start.state}
    parent: dict[str, tuple[str, Action] | None] = {root: None}
    edges: dict[str, list[tuple[Action, str]]] = {}
    queue = deque([root])
    while queue:
        sig = queue.popleft()
        state = states[sig]
        _note(ex, bundle, state)
        probe = ChapterRun(bundle, state.model_copy(deep=True), clock=clock)
        out = edges.setdefault(sig, [])
        for action in actions(probe):
            run = ChapterRun(bundle, state.model_copy(deep=True), clock=clock, new_id=lambda: next(ids))
            try:
                perform(run, action)
            except (StoryError, KeyError) as exc:
                ex.errors.append(f"{bundle.id}: action {action} failed: {exc}")
                continue
            if action[0] == "choose":
                ex.choices.add(f"{state.dialogue.node}:{action[1]}")
            nsig = _signature(run.state)
            out.append((action, nsig))
            if nsig not in states:
                if len(states) >= MAX_STATES:
                    ex.errors.append(f"{bundle.id}: more than {MAX_STATES} different states; is a flag toggled in a loop?")
                    queue.clear()
                    break
                states[nsig] = run.state
                parent[nsig] = (sig, action)
                queue.append(nsig)
    ex.states = len(states)

    # Which states can still reach the end?
    ends = [s for s, st in states.items() if st.completed]  # a list, not a set: the same playthroughs every run
    ex.endings = len(ends)
    reverse: dict[str, list[str]] = {}
    for s, outs in edges.items():
        for _, t in outs:
            reverse.setdefault(t, []).append(s)
    to_end: dict[str, tuple[Action, str] | None] = {s: None for s in ends}
    queue = deque(ends)
    while queue:
        t = queue.popleft()
        for s in reverse.get(t, []):
            if s not in to_end:
                to_end[s] = next((a, tt) for a, tt in edges[s] if tt == t)
                queue.append(s)

    def path_from_start(sig: str) -> list[Action]:
        path = []
        while parent[sig] is not None:
            sig, action = parent[sig]
            path.append(action)
        return path[::-1]

    def path_to_end(sig: str) -> list[Action]:
        path = []
        while to_end.get(sig) is not None:
            action, sig = to_end[sig]
            path.append(action)
        return path

    stuck = [s for s in states if s not in to_end]
    if not ends:
        ex.errors.append(f"{bundle.id}: the chapter can never be finished (no end_chapter is reachable).")
    for s in stuck[:5]:
        st = states[s]
        where = f"node {st.dialogue.node!r}" if st.dialogue else f"scene {st.scene!r}"
        ex.errors.append(
            f"{bundle.id}: dead end at {where} with flags {sorted(st.flags)}: the chapter cannot be finished from here "
            f"(reached by: {_describe(path_from_start(s))})."
        )
    if len(stuck) > 5:
        ex.errors.append(f"{bundle.id}: ... and {len(stuck) - 5} more dead-end states.")

    for nid in bundle.nodes:
        if nid not in ex.nodes:
            ex.errors.append(f"{bundle.id}: node {nid!r} ({bundle.node_files[nid]}) is never reached.")
    for n in bundle.nodes.values():
        for c in n.choices:
            if f"{n.id}:{c.id}" not in ex.choices and n.id in ex.nodes:
                ex.errors.append(f"{bundle.id}: choice {c.id!r} of node {n.id!r} is never offered.")
    for qid in bundle.questions:
        if qid not in ex.questions:
            ex.errors.append(f"{bundle.id}: question {qid!r} is never asked.")
    for did in bundle.documents:
        if did not in ex.documents:
            ex.errors.append(f"{bundle.id}: document {did!r} is never handed out.")
    for sid in bundle.scenes:
        if sid not in ex.scenes:
            ex.errors.append(f"{bundle.id}: scene {sid!r} is never visited.")
    for mid in bundle.minigames:
        if mid not in ex.minigames:
            ex.errors.append(f"{bundle.id}: mini-game {mid!r} is never finished.")
    for s in ends:
        missed = sorted(set(bundle.questions) - set(states[s].answers))
        if missed:
            ex.warnings.append(f"{bundle.id}: a playthrough can finish without the question(s) {', '.join(missed)}.")
            break

    # One playthrough per choice that takes it, plus the shortest one.
    paths: list[list[Action]] = []
    if ends and root in to_end:
        paths.append(path_to_end(root))
        for s, outs in edges.items():
            for action, t in outs:
                if _is_branch(action) and t in to_end and s in to_end:
                    p = path_from_start(s) + [action] + path_to_end(t)
                    if p not in paths:
                        paths.append(p)
    ex.paths = _minimal_cover(paths)
    return ex


def _is_branch(action: Action) -> bool:
    """A pupil's choice that changes what follows: a dialogue choice or a mini-game dilemma."""
    return action[0] == "choose" or action[:2] == ("play", "choose")


def _minimal_cover(paths: list[list[Action]]) -> list[list[Action]]:
    """Keep the first path and every path that takes a choice no kept path takes."""
    kept, taken = [], set()
    for p in paths:
        mine = {a for a in p if _is_branch(a)}
        if not kept or mine - taken:
            kept.append(p)
            taken |= mine
    return kept


def _note(ex: Exploration, b: ChapterBundle, st: ChapterState) -> None:
    ex.nodes.update(st.visited_nodes)
    ex.questions.update(st.answers)
    if st.question is not None:
        ex.questions.add(st.question.id)
    ex.documents.update(st.documents)
    ex.scenes.update(st.seen_scenes)
    ex.minigames.update(st.played)


def _describe(path: list[Action]) -> str:
    shown = [":".join(a) if len(a) > 1 else a[0] for a in path if a[0] != "advance"]
    return " > ".join(shown[-8:]) or "the start"


def cmd_autoplay(args) -> int:
    from ..content.loader import ContentError, load_content
    from ..session import PupilSession

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
        import tempfile

        args.data_dir = Path(tempfile.mkdtemp(prefix="coupole-autoplay-"))
    data_dir = args.data_dir
    shooter = None
    if args.shots:
        from ..views.shots import Shooter

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
