"""SIGKILL in the middle of a chapter: no answered question lost, the save resumes where the pupil was."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys
from pathlib import Path
from game.content.loader import load_content
from game.session import PupilSession
from game.story.autoplay import explore, perform

content = load_content(Path(sys.argv[1]))
cid = sys.argv[3]
bundle = content.chapters[cid]
paths = explore(bundle).paths
session = PupilSession(content, Path(sys.argv[2]), "5B", "Renard", "fr")
n = 0
while True:
    path = paths[n % len(paths)]
    run = session.open_chapter(cid)
    for action in path:
        question = run.step().question
        perform(run, action)
        if action[0] == "answer":
            print("ANSWERED", run.state.playthrough, question.id, flush=True)
        print("STEP", run.state.playthrough, run.state.steps, flush=True)
    n += 1
"""


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_loses_no_answer_and_resumes(tmp_path, seed):
    from game.content.loader import load_content
    from game.session import PupilSession

    rnd = random.Random(seed)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(tmp_path), "occupation"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    out: list[str] = []
    target = rnd.randint(15, 120)  # steps before the kill
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        out.append(line.split())
        if sum(l[0] == "STEP" for l in out) >= target:
            time.sleep(rnd.random() * 0.02)  # land somewhere inside the next action
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    out += [l.split() for l in proc.stdout.read().splitlines() if l.strip()]  # what was printed before the kill
    out = [l for l in out if len(l) == 3]  # a line cut by the kill is ignored
    answered = [l for l in out if l[0] == "ANSWERED"]
    steps = [l for l in out if l[0] == "STEP"]
    assert steps, "the child did not play"

    db = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    recorded = {(int(a), q) for a, q in db.execute("SELECT attempt, question FROM outcomes")}
    # every answer the pupil saw accepted is in the teacher's database, once
    assert {(int(p), q) for _, p, q in answered} <= recorded
    assert db.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0] == len(recorded)
    content = load_content(ROOT)

    session = PupilSession(content, tmp_path, "5B", "Renard", "fr")
    assert session.notice is None  # the save file is whole
    last_play, last_steps = int(steps[-1][1]), int(steps[-1][2])
    run = session.open_chapter("occupation")
    if run.state.playthrough == last_play:
        # resumed where the pupil was: the last finished step, or the one being written when killed
        assert run.state.steps in (last_steps, last_steps + 1)
        in_db = {q for (q,) in db.execute("SELECT question FROM outcomes WHERE attempt=?", (last_play,))}
        assert in_db <= set(run.state.answers)
    else:  # killed just after finishing a playthrough: a new one starts
        assert run.state.playthrough == last_play + 1
    session.close()
