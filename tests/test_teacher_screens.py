"""Teacher screens: no I/O while drawing. The records are read once per visit (and after a change); the LRS is asked
on a thread, the screen says it is working, and shows the answer when it comes."""
import socket
import threading
import time

import arcade
import pytest

from game.records import Records
from tests.drive import click, frame, key

pytestmark = pytest.mark.render


class Counting:
    """The teacher's records, counting every call a screen makes to them."""

    def __init__(self, real):
        self.real, self.calls = real, []

    def __getattr__(self, name):
        attr = getattr(self.real, name)
        if not callable(attr):
            return attr

        def counted(*args, **kwargs):
            self.calls.append(name)
            return attr(*args, **kwargs)

        return counted


def button(view, label):
    return next(b for b in view.focus.buttons if b.label == label)


def test_teacher_screens_read_the_records_once_per_visit_not_while_drawing(app, tmp_path):
    from game.views import teacher
    from tests.test_report import fill

    records = Records(tmp_path)
    fill(records)
    counting = Counting(records)
    app._teacher_store = counting
    home = teacher.TeacherHomeView(app)
    klass = teacher.ClassView(app, "5B")
    screens = [home, klass, teacher.QuestionsView(app, klass), teacher.ObjectivesView(app, klass),
               teacher.PupilView(app, "5B", "Alice"), teacher.OpenChaptersView(app, klass), teacher.LrsView(app)]
    for view in screens:
        app.nav.show(view)
        counting.calls.clear()
        for _ in range(3):  # a language change, a resize, a page turned: build() again, draw again
            view.rebuild()
            frame(app)
        assert counting.calls == [], (type(view).__name__, counting.calls)
    # after a change the screen reads again, once
    app.nav.show(home)
    for ch in "6C":
        home.on_text(ch)
    counting.calls.clear()
    key(app, arcade.key.ENTER)
    assert counting.calls.count("classes") == 1 and any(row[0] == "6C" for row in home.rows)
    records.close()


class SlowLrs:
    """An LRS on 127.0.0.1 that answers every request after `delay` seconds, with no statements."""

    def __init__(self, delay: float):
        self.delay, self.sock = delay, socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.recv(65536)
            time.sleep(self.delay)
            body = b'{"statements": [], "more": ""}'
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
            conn.close()

    def close(self):
        self.sock.close()


def wait_for_answer(app, view, seconds=20):
    deadline = time.monotonic() + seconds
    while view.busy and time.monotonic() < deadline:
        view.on_update(1 / 60)
        time.sleep(0.02)
    assert not view.busy


def test_the_lrs_is_asked_off_the_window_thread_with_a_working_state(app, tmp_path):
    from game.views import teacher

    lrs = SlowLrs(delay=1.5)
    try:
        app.nav.show(teacher.LrsView(app))
        view = app.window.current_view
        for ch in lrs.url:
            view.on_text(ch)
        key(app, arcade.key.ENTER)
        for ch in "prof":
            view.on_text(ch)
        key(app, arcade.key.ENTER)
        key(app, arcade.key.ENTER)  # empty password; then the buttons: "Save and test" has the focus
        started = time.monotonic()
        key(app, arcade.key.ENTER)
        assert time.monotonic() - started < 0.5  # the window is not held while the LRS thinks
        assert view.busy and any(t.text == "En cours…" for t in view.texts)
        assert not button(view, "Envoyer maintenant").enabled  # one question to the LRS at a time
        frame(app, "teacher-lrs-working")
        view.on_update(1 / 60)
        assert view.busy  # still waiting: nothing shown yet
        wait_for_answer(app, view)
        assert view.status == "Enregistré. Le LRS répond." and any(t.text == view.status for t in view.texts)
        assert button(view, "Envoyer maintenant").enabled
        # sending and bringing back the classes go the same way, and say what happened
        click(app, button(view, "Envoyer maintenant"))
        wait_for_answer(app, view)
        assert view.status == "0 enregistrements envoyés."
        click(app, button(view, "Rapatrier mes classes"))
        assert view.busy
        wait_for_answer(app, view)
        assert view.status.startswith("0 ")
    finally:
        lrs.close()


def test_to_discuss_buttons_leave_the_feedback_text_readable(app, tmp_path):  # noqa: F811
    """The bug: on "to discuss", the "All answers" buttons covered a long feedback line of the wrong answer."""
    from game.views import teacher
    from tests.test_look import layout_problems
    from tests.test_report import fill

    records = Records(tmp_path)
    fill(records)
    app._teacher_store = records
    klass = teacher.ClassView(app, "5B")
    app.nav.show(klass)
    for q in klass.report.questions:  # the longest feedback an author may write under a wrong answer
        for o in q.options:
            if not o.correct:
                o.count, o.feedback = max(o.count, 1), ("Pas tout à fait : relis le document du chapitre, "
                                                        "la date y est écrite en toutes lettres. ") * 3
    view = teacher.QuestionsView(app, klass)
    app.nav.show(view)
    frame(app)
    assert layout_problems(view) == []
    records.close()
