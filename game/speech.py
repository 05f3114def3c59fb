"""Reading aloud: the text on the screen spoken by espeak-ng, offline, in the pupil's language.

Pure logic, no arcade or pyglet: `Speech` turns a text into WAV bytes with the espeak-ng program, and
`Reader` reads a list of texts one after another — rendered in a worker thread (a line takes a few
milliseconds), played on the main thread by a `play(wav, volume)` function the game gives it (pyglet
in the game, a recorder in the tests). Nothing is written to disk: a pupil's text never stays behind.
"""
from __future__ import annotations

import os
import queue
import re
import shutil
import struct
import subprocess
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

VOICES = {"fr": "fr-fr", "en": "en-gb", "nl": "nl", "de": "de"}  # espeak-ng voices, one per game language
RATES = {"slow": 130, "normal": 150, "fast": 175, "instant": 175}  # words per minute, following the text speed
MODES = ("off", "asked", "auto")  # never; when the pupil asks (R or the speaker button); every new text
VOLUMES = (0.25, 0.5, 0.75, 1.0)
MAX_CHARS = 4000  # one text sent to espeak-ng at most (a document is about 1,000)

# Characters drawn as icons (marks, arrows, stars): not read.
_SILENT = re.compile(r"[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\u2022\u25cf\u25cb\u2605\u2606]")


def find_espeak() -> str | None:
    """The espeak-ng program: COUPOLE_ESPEAK, then the PATH, then its usual place on Windows."""
    override = os.environ.get("COUPOLE_ESPEAK")
    if override is not None:
        return override if override and Path(override).exists() else None
    for name in ("espeak-ng", "espeak-ng.exe"):
        found = shutil.which(name)
        if found:
            return found
    windows = Path(os.environ.get("ProgramFiles", r"C:\Program Files")) / "eSpeak NG" / "espeak-ng.exe"
    return str(windows) if windows.exists() else None


def speakable(text: str) -> str:
    """The words of a text as they should be heard: icons left out, separators as pauses, spaces tidied."""
    text = unicodedata.normalize("NFC", text or "")
    text = _SILENT.sub(" ", text)
    text = re.sub(r"\s*·\s*", ", ", text).replace("«", "").replace("»", "").replace("\u202f", " ").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    text = re.sub(r"^[,;:\s]+|[,;:\s]+$", "", text)
    return text[:MAX_CHARS]


# -- numbers and dates as they are said --------------------------------------------------------------
# espeak-ng reads "1944" in German as "eintausend neunhundert...", "1. September" as "eins. September" (a
# sentence end), "1 September" in English as "one September", and "5–6" as "five six". These are rewritten
# into the words a teacher would say before the text reaches the voice.
MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "de": "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
}
RANGE_WORD = {"fr": "à", "en": "to", "nl": "tot", "de": "bis"}
OUT_OF = {"fr": "sur", "en": "out of", "nl": "van de", "de": "von"}  # "3 / 14": a question's number, a score
_DE_UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_DE_TEENS = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
             "neunzehn"]
_DE_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def _de_words(n: int) -> str:
    """German words for 1–99 inside a compound ("ein", not "eins")."""
    if n < 10:
        return _DE_UNITS[n]
    if n < 20:
        return _DE_TEENS[n - 10]
    unit, ten = n % 10, n // 10
    return (_DE_UNITS[unit] + "und" if unit else "") + _DE_TENS[ten]


def _de_year(n: int) -> str:
    rest = n % 100
    return _de_words(n // 100) + "hundert" + ("eins" if rest == 1 else _de_words(rest))


def _de_ordinal(n: int, ending: str) -> str:
    special = {1: "erst", 3: "dritt", 7: "siebt", 8: "acht"}
    stem = special.get(n) or (_de_words(n) + ("t" if n < 20 else "st"))
    return stem + ending


def _en_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def spoken_form(locale: str, text: str) -> str:
    """Dates, years and ranges in the words of the language (the screen keeps its usual writing)."""
    word = RANGE_WORD.get(locale, "à")
    text = re.sub(r"(?<=\d) ?/ ?(?=\d)", f" {OUT_OF.get(locale, 'sur')} ", text)
    text = re.sub(r"(?<=\d)(\.?)\s*[–-]\s*(?=\d)", rf"\1 {word} ", text)  # 1943–1945, 5–6 juin, 17.–18. August
    if locale == "en":
        months = MONTHS["en"]
        text = re.sub(rf"\b(\d{{1,2}}) to (\d{{1,2}}) ({months})\b",
                      lambda m: f"the {_en_ordinal(int(m[1]))} to the {_en_ordinal(int(m[2]))} of {m[3]}", text)
        text = re.sub(rf"(?<!the )\b(\d{{1,2}}) ({months})\b",
                      lambda m: f"the {_en_ordinal(int(m[1]))} of {m[2]}", text)
    elif locale == "de":
        months = MONTHS["de"]

        def ordinal(m: re.Match) -> str:
            before = m[1] or ""
            ending = "en" if re.search(r"\b(am|vom|zum|dem|den|bis|im|seit|ab)\s*$", before, re.I) else "er"
            return before + _de_ordinal(int(m[2]), ending)

        text = re.sub(rf"(\b\w+\s+)?\b(\d{{1,2}})\.(?=\s*(?:{months}|bis\b|und\b))", ordinal, text)
        text = re.sub(r"(?<![\d.,])\b(1[1-9]\d\d)\b(?![.,]\d)", lambda m: _de_year(int(m[1])), text)
    return text


class Speech:
    """espeak-ng, run once per text; `available` is False when the program is not on this computer."""

    def __init__(self, program: str | None = None, *, search: bool = True):
        self.program = program if program is not None or not search else find_espeak()

    @property
    def available(self) -> bool:
        return bool(self.program)

    def render(self, locale: str, text: str, rate: int = RATES["normal"]) -> bytes:
        """The text spoken, as WAV bytes (22,050 Hz, 16-bit, mono). Empty bytes for an empty text."""
        text = spoken_form(locale, speakable(text))
        if not text or not self.program:
            return b""
        voice = VOICES.get(locale, VOICES["fr"])
        # the text goes through stdin: nothing a pupil or an author wrote is ever read as an option
        done = subprocess.run([self.program, "-v", voice, "-s", str(int(rate)), "--stdout", "--stdin"],
                              input=text.encode("utf-8"), capture_output=True, timeout=30, check=False)
        if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
            raise OSError(f"espeak-ng failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')[:200]}")
        return mend_header(done.stdout)


def mend_header(wav: bytes) -> bytes:
    """espeak-ng writes to a pipe before it knows the length: its header says "as long as possible".
    The real sizes are written in, so that the clip's duration is right (players stop at the end)."""
    data = wav.find(b"data", 12)
    if not wav.startswith(b"RIFF") or data < 0:
        return wav
    out = bytearray(wav)
    out[4:8] = struct.pack("<I", len(wav) - 8)
    out[data + 4:data + 8] = struct.pack("<I", len(wav) - data - 8)
    return bytes(out)


class Clip(Protocol):
    def done(self) -> bool: ...

    def stop(self) -> None: ...


@dataclass
class _Job:
    generation: int
    locale: str
    rate: int
    texts: list[str]


class Reader:
    """Reads texts aloud in order. A new `read` (or `stop`) silences what was being read at once.

    `tick()` is called from the main loop: it starts the next clip when the previous one has ended.
    In the game the texts are rendered in a worker thread; with `threaded=False` nothing runs on its own and
    `work()` renders what is queued, in the caller's thread (the tests drive it step by step, with no waiting).
    """

    def __init__(self, speech: Speech, play: Callable[[bytes, float], Clip], threaded: bool = True):
        self.speech = speech
        self.play = play
        self.mode = "asked" if speech.available else "off"
        self.volume = 0.75
        self.rate = RATES["normal"]
        self.generation = 0
        self.current: Clip | None = None
        self.failed: str | None = None  # the last error of espeak-ng (that text is skipped; the next is read)
        self._ready: queue.Queue = queue.Queue()
        self._jobs: queue.Queue = queue.Queue()
        self._pending = 0  # clips of the current reading not played yet (rendering or waiting)
        self._worker: threading.Thread | None = None
        self.threaded = threaded

    @property
    def available(self) -> bool:
        return self.speech.available

    @property
    def reading(self) -> bool:
        return self._pending > 0 or (self.current is not None and not self.current.done())

    def read(self, locale: str, texts: list[str]) -> None:
        self.stop()
        texts = [t for t in (speakable(t) for t in texts) if t]
        if not texts or not self.available or self.mode == "off":
            return
        self._pending = len(texts)
        self._jobs.put(_Job(self.generation, locale, self.rate, texts))
        if self.threaded and (self._worker is None or not self._worker.is_alive()):
            self._worker = threading.Thread(target=self._work, name="read-aloud", daemon=True)
            self._worker.start()

    def stop(self) -> None:
        self.generation += 1  # clips still coming from an older reading are dropped
        self._pending = 0
        if self.current is not None:
            self.current.stop()
            self.current = None

    def tick(self, *_: object) -> None:
        if self.current is not None:
            if not self.current.done():
                return
            self.current.stop()  # heard to the end: its player is let go
            self.current = None
        while True:
            try:
                generation, wav = self._ready.get_nowait()
            except queue.Empty:
                return
            if generation != self.generation:
                continue
            self._pending = max(0, self._pending - 1)
            if wav:
                self.current = self.play(wav, self.volume)
                return

    def work(self) -> None:
        """Render every queued reading now, in this thread (for `threaded=False`)."""
        while True:
            try:
                job: _Job = self._jobs.get_nowait()
            except queue.Empty:
                return
            self._render(job)

    def _work(self) -> None:
        while True:
            self._render(self._jobs.get())

    def _render(self, job: _Job) -> None:
        for text in job.texts:
            if job.generation != self.generation:
                break  # the pupil has moved on: render nothing more of this reading
            try:
                wav = self.speech.render(job.locale, text, job.rate)
            except (OSError, subprocess.SubprocessError) as exc:
                self.failed, wav = str(exc), b""
            self._ready.put((job.generation, wav))
