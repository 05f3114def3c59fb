"""When the game stops on an unexpected problem: the details for the teacher in a log, a sentence for the pupil."""
from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

MESSAGE = ("The game stopped because of an unexpected problem. Your answers are saved.\n"
           "Le jeu s'est arrêté à cause d'un problème inattendu. Tes réponses sont enregistrées.\n"
           "Details / détails : {log}")


def report_crash(data_dir: Path) -> int:
    """Call from an `except` block: writes the traceback to data_dir/logs and says so; returns the exit code 1."""
    print(MESSAGE.format(log=write_crash_log(data_dir)), file=sys.stderr)
    return 1


def write_crash_log(data_dir: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(data_dir) / "logs" / f"crash-{stamp}.txt"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        pass
    return path
