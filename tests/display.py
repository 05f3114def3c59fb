"""Whether this machine can open a window: the one display check of the rendering tests (no arcade imported)."""
import os
import sys

NO_DISPLAY = "needs a display: run the tests with `make test` (Xvfb)"


def has_display() -> bool:
    return not sys.platform.startswith("linux") or bool(os.environ.get("DISPLAY") or os.environ.get("ARCADE_HEADLESS"))
