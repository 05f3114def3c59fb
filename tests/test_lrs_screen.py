"""The teacher's LRS screen shows what waits and the last problem sending (issue 17, the LRS link): read once when
the screen opens and after each question to the LRS, never while drawing."""
import uuid

import pytest

pytestmark = pytest.mark.render

from game.records import LrsConfig, Outcome, Records
from tests.test_attacks_lrs import LOGIN_PAGE, FakeLrs, send
from tests.test_teacher_screens import button, wait_for_answer
from tests.drive import click, frame


def test_the_lrs_screen_shows_the_last_problem_and_what_waits(app, tmp_path):
    from game.views import teacher
    from teacher_mode.lrs import Sender

    portal = FakeLrs(lambda h, body: send(h, 200, LOGIN_PAGE, "text/html"))  # a network login page, not the LRS
    try:
        records = app.teacher_store()
        records.set_lrs(LrsConfig(portal.url, "school", "secret"))
        for i in range(3):
            records.record(Outcome(str(uuid.uuid4()), "5B", "Renard", "mini", f"q{i}", "", "a", True, 1, 900,
                                   "2026-01-02T09:00:00.000+00:00", "fr"))
        app.nav.show(teacher.LrsView(app))
        view = app.window.current_view
        shown = [t.text for t in view.texts]
        assert "En attente d'envoi : 3" in shown and not any("Dernier problème" in t for t in shown)
        # the game's background sender meets the login page: the screen says so, the next time it is opened
        sender = Sender(app.data_dir, LrsConfig(portal.url, "school", "secret"), min_wait=30).start()
        try:
            for _ in range(500):
                if sender.last_error:
                    break
                sender.thread.join(0.01)
            app.sender = sender
            app.nav.show(teacher.LrsView(app))
            view = app.window.current_view
            frame(app, "teacher-lrs-last-problem")
            problem = [t.text for t in view.texts if t.text.startswith("Dernier problème d'envoi (")]
            assert len(problem) == 1 and "web page" in problem[0] and "En attente d'envoi : 3" in \
                [t.text for t in view.texts]
        finally:
            sender.stop()
            app.sender = None
        # "Send now" from the screen gives the same answer, and the label follows it
        click(app, button(view, "Envoyer maintenant"))
        wait_for_answer(app, view)
        assert view.status.startswith("Non envoyé") and "web page" in view.link.last_error
        assert records.outbox_count() == 3  # nothing was counted as sent
    finally:
        portal.close()


def test_a_problem_written_by_another_program_is_shown_too(app, tmp_path):
    """The teacher's command line or a pupil's game may have been the last to try: the data folder says what it met."""
    from game.views import teacher

    other = Records(app.data_dir)
    other.note_lrs_attempt("the LRS answered with a redirect (HTTP 301) to https://lrs.example/: check the address")
    other.close()
    app.nav.show(teacher.LrsView(app))
    problem = [t.text for t in app.window.current_view.texts if t.text.startswith("Dernier problème d'envoi (")]
    assert len(problem) == 1 and "redirect (HTTP 301) to https://lrs.example/" in problem[0]
