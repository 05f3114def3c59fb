"""A class on many machines, against a real Ralph LRS on 127.0.0.1 that is stopped for part of the run."""
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from teacher_mode.lrs import Client, LrsConfig, LrsError, Outbox, save_config, sync
from game.records import Records

ROOT = Path(__file__).resolve().parents[1]
RALPH_PY = ROOT / ".venv-ralph" / "bin" / "python"
pytestmark = [pytest.mark.lrs, pytest.mark.skipif(not RALPH_PY.exists() and not os.environ.get("CI"),
                                reason="needs Ralph in .venv-ralph (installed by `make test`)")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Ralph:
    def __init__(self, tmp: Path):
        self.dir, self.port = tmp, free_port()
        self.env = {**os.environ, "RALPH_APP_DIR": str(tmp / "app"), "RALPH_RUNSERVER_BACKEND": "fs"}
        subprocess.run([str(ROOT / ".venv-ralph" / "bin" / "ralph"), "auth", "-u", "teacher", "-p", "secret",
                        "-s", "all", "-A", "teacher", "https://coupole-game.invalid", "-w"],
                       env=self.env, check=True, capture_output=True, timeout=120)
        self.proc = None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        self.proc = subprocess.Popen([str(RALPH_PY), str(ROOT / "tests" / "lrs" / "ralph_server.py"), str(self.port),
                                      str(self.dir / "data")], env=self.env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        client = Client(LrsConfig(self.url, "teacher", "secret"), timeout=2)
        for _ in range(200):
            try:
                client.get(limit=1)
                return
            except LrsError:
                time.sleep(0.1)
        raise RuntimeError("Ralph did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=20)

    def all_statements(self) -> list[dict]:
        client = Client(LrsConfig(self.url, "teacher", "secret"))
        page, out = client.get(limit=200), []
        while True:
            out += page["statements"]
            if not page.get("more"):
                return out
            page = client.get(page["more"])


@pytest.fixture
def ralph(tmp_path):
    r = Ralph(tmp_path / "ralph")
    r.start()
    yield r
    if r.proc.poll() is None:
        r.stop()


def test_thirty_pupils_every_statement_arrives_exactly_once(ralph, tmp_path, mini_content):
    from game.session import PupilSession
    from game.story.autoplay import explore, perform

    path = explore(mini_content.chapters["mini"]).paths[0]
    cfg = LrsConfig(ralph.url, "teacher", "secret")
    machines = []
    for i in range(30):
        d = tmp_path / f"pc{i:02d}"
        save_config(d, cfg)
        s = PupilSession(mini_content, d, "5B", f"Eleve {i:02d}", "fr")
        machines.append((s, s.open_chapter("mini"), Client(cfg, timeout=2)))
    failures = 0
    for n, action in enumerate(path):
        if n == len(path) // 3:
            ralph.stop()  # the network goes down in the middle of the lesson
        if n == 2 * len(path) // 3:
            ralph.start()  # ... and comes back
        for s, run, client in machines:
            perform(run, action)
            try:
                Outbox(s.store).flush(client)
            except LrsError:
                failures += 1
    assert failures >= 30  # every machine saw the outage
    for s, _, client in machines:
        Outbox(s.store).flush(client)
        assert Outbox(s.store).pending() == 0
    local = {o.statement_id for s, _, _ in machines for o in s.store.outcomes()}
    local |= {a.statement_id for s, _, _ in machines for a in s.store.activities()}
    held = [st["id"] for st in ralph.all_statements()]
    assert len(held) == len(set(held))  # never twice
    assert set(held) == local  # every one arrived
    per_machine = {s.store.count() + len(s.store.activities()) for s, _, _ in machines}
    (n,) = per_machine  # the same play on every machine ...
    assert n >= len(mini_content.chapters["mini"].questions) + 2 and len(local) == 30 * n  # ... all different ids
    for s, _, _ in machines:
        s.close()


def test_outbox_survives_a_restart_and_sync_brings_the_class_home(ralph, tmp_path, mini_content):
    from game.session import PupilSession
    from tests.test_runtime import play_to_end

    cfg = LrsConfig(ralph.url, "teacher", "secret")
    trip = tmp_path / "trip"
    save_config(trip, cfg)
    s = PupilSession(mini_content, trip, "5B", "Renard", "fr")
    play_to_end(s.open_chapter("mini"))
    queued = Outbox(s.store).pending()
    s.close()  # the game is closed before anything was sent (offline trip)
    store = Records(trip)
    box = Outbox(store)
    assert box.pending() == queued > 0
    assert box.flush(Client(cfg)) == queued
    # at school, another machine with nothing local brings the class back from the LRS
    school = Records(tmp_path / "school")
    result = sync(school, Client(cfg), "5B")
    assert result["added"] == queued and result["problems"] == []
    assert sync(school, Client(cfg), "5B")["added"] == 0  # deduplicated by statement id
    assert {o.statement_id for o in school.outcomes("5B")} == {o.statement_id for o in store.outcomes("5B")}
    assert sync(school, Client(cfg), "6A")["added"] == 0


def test_a_class_5eme_goes_sign_in_export_import_and_sync_through_a_real_lrs(ralph, tmp_path, mini_content):
    """"5ème" signs in as 5ÈME; its records go to Ralph (valid IRIs: the class code is percent-encoded), the export
    is accepted by `teacher import`, and `teacher sync` brings every statement back, none refused."""
    import subprocess
    import sys

    from game.records import Records
    from game.session import PupilSession, check_sign_in
    from tests.test_runtime import play_to_end

    def main(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "teacher", *args], capture_output=True,
                              text=True, timeout=120)

    pc = tmp_path / "pc"
    assert main("lrs", "--url", ralph.url, "--user", "teacher", "--password", "secret", "--data-dir",
                str(pc)).returncode == 0
    code, name = check_sign_in("5ème", "Renard")
    s = PupilSession(mini_content, pc, code, name, "fr")
    play_to_end(s.open_chapter("mini"))
    box = Outbox(s.store)
    queued = box.pending()
    assert queued == 9 and box.flush(Client(LrsConfig(ralph.url, "teacher", "secret"))) == queued
    assert box.pending() == 0
    s.close()
    held = ralph.all_statements()
    assert len(held) == queued and {st["actor"]["account"]["homePage"] for st in held} == \
        {"https://coupole-game.invalid/class/5%C3%88ME"}
    out = tmp_path / "5eme.jsonl"
    assert main("export", "--class", "5ème", "--format", "xapi", "--out", str(out), "--data-dir",
                str(pc)).returncode == 0
    imp = main("import", str(out), "--class", "5ème", "--data-dir", str(tmp_path / "trip"))
    assert imp.returncode == 0 and f"{queued} record(s) imported, 0 already there, 0 refused." in imp.stdout
    school = tmp_path / "school"
    main("lrs", "--url", ralph.url, "--user", "teacher", "--password", "secret", "--data-dir", str(school))
    sy = main("sync", "--class", "5ème", "--data-dir", str(school))
    assert sy.returncode == 0 and f"{queued} record(s) brought in, 0 already here, 0 refused." in sy.stdout, sy.stderr
    a, b = Records(pc), Records(school)
    assert a.outcomes("5ÈME") == b.outcomes("5ÈME") and a.activities("5ÈME") == b.activities("5ÈME")
    assert b.outbox_count() == 0  # what came from the LRS is not queued to be sent back
    a.close()
    b.close()
