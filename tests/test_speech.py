"""Reading aloud without a display: espeak-ng really speaks each language, and the reader reads in order."""
import array
import io
import threading
import time
import wave

import pytest

from game.speech import RATES, VOICES, Reader, Speech, speakable

LINE = {
    "fr": "Le premier septembre mille neuf cent quarante-quatre, les soldats canadiens entrent dans Saint-Omer.",
    "en": "On the first of September nineteen forty-four, Canadian soldiers entered Saint-Omer.",
    "nl": "Op één september negentienhonderdvierenveertig trokken Canadese soldaten Saint-Omer binnen.",
    "de": "Am ersten September neunzehnhundertvierundvierzig zogen kanadische Soldaten in Saint-Omer ein.",
}


def read_wav(data: bytes):
    with wave.open(io.BytesIO(data)) as w:
        frames = w.readframes(w.getnframes())
        samples = array.array("h", frames)
        rms = (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5
        return w.getframerate(), w.getnchannels(), w.getnframes() / w.getframerate(), rms


@pytest.fixture(scope="module")
def speech():
    s = Speech()
    assert s.available, "espeak-ng is needed for reading aloud (make test installs it)"
    return s


def test_icons_are_not_read_and_separators_become_pauses():
    assert speakable("✔ Right!") == "Right!"
    assert speakable("★  Dossier : 2 nouveaux") == "Dossier : 2 nouveaux"
    assert speakable("Question  ·  3 / 14") == "Question, 3 / 14"
    assert speakable("▼ Entrée") == "Entrée"
    assert speakable("« Vive la France ! »") == "Vive la France !"
    assert speakable("  ●  ") == ""


@pytest.mark.parametrize("lang", sorted(VOICES))
def test_every_language_is_spoken_aloud(speech, lang):
    rate, channels, seconds, rms = read_wav(speech.render(lang, LINE[lang]))
    assert (rate, channels) == (22050, 1)
    words = len(LINE[lang].split())
    assert 0.25 * words < seconds < 1.2 * words + 1  # about 150 words a minute, not a click nor a minute
    assert rms > 300  # a voice, not silence


def test_each_language_has_its_own_voice_and_the_pace_follows_the_text_speed(speech):
    same = "Saint-Omer, Calais, Boulogne."
    assert speech.render("fr", same) != speech.render("en", same)
    slow = read_wav(speech.render("fr", LINE["fr"], RATES["slow"]))[2]
    fast = read_wav(speech.render("fr", LINE["fr"], RATES["fast"]))[2]
    assert slow > fast * 1.15


def test_a_text_is_never_taken_for_an_option_of_the_program(speech):
    wav = speech.render("fr", "--version -w /tmp/x.wav")
    assert wav.startswith(b"RIFF") and read_wav(wav)[3] > 300


def test_a_longer_text_takes_longer(speech):
    short = read_wav(speech.render("en", "Dover."))[2]
    long = read_wav(speech.render("en", LINE["en"]))[2]
    assert long > 3 * short


class FakeClip:
    def __init__(self, wav, volume, log):
        self.wav, self.volume, self.log = wav, volume, log
        self.finished = self.stopped = False
        log.append(self)

    def done(self):
        return self.finished

    def stop(self):
        self.stopped = True


class EchoSpeech(Speech):
    """Returns the text itself as the 'sound', so the test sees what was read and in which order."""

    def __init__(self, fail_on=None, during=None):
        super().__init__("echo", search=False)
        self.fail_on, self.during, self.asked, self.threads = fail_on, during, [], []

    def render(self, locale, text, rate=150):
        self.asked.append((locale, text, rate))
        self.threads.append(threading.current_thread().name)
        if self.during is not None:
            self.during(text)  # what the pupil does while this text is being rendered
        if text == self.fail_on:
            raise OSError("espeak-ng failed")
        return text.encode()


def settle(reader):
    """A reader made with threaded=False: render what is queued, then one frame of the game loop."""
    reader.work()
    reader.tick()


def wait_for(reader, log, n, timeout=3.0):
    """A threaded reader (as in the game): the worker renders on its own; the main loop ticks meanwhile."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        reader.tick()
        if len(log) >= n:
            return
        time.sleep(0.005)


def test_the_reader_reads_texts_one_after_another_at_the_chosen_volume():
    log = []
    reader = Reader(EchoSpeech(), lambda wav, vol: FakeClip(wav, vol, log), threaded=False)
    reader.volume = 0.5
    reader.read("de", ["Erste Zeile", "", "✔", "Zweite Zeile"])  # empty and icon-only texts are skipped
    settle(reader)
    assert [c.wav for c in log] == [b"Erste Zeile"] and log[0].volume == 0.5
    assert reader.reading
    settle(reader)
    assert len(log) == 1  # the second waits until the first has been heard
    log[0].finished = True
    settle(reader)
    assert [c.wav for c in log] == [b"Erste Zeile", b"Zweite Zeile"]
    log[1].finished = True
    reader.tick()
    assert not reader.reading


def test_a_new_reading_silences_the_last_one_and_nothing_of_it_is_heard_afterwards():
    log = []
    speech = EchoSpeech()
    reader = Reader(speech, lambda wav, vol: FakeClip(wav, vol, log), threaded=False)
    reader.read("fr", ["un", "deux", "trois", "quatre"])
    settle(reader)  # all four rendered, "un" playing
    reader.read("fr", ["autre écran"])
    assert log[0].stopped
    for _ in range(3):  # what of the old reading was already rendered is dropped
        settle(reader)
        log[-1].finished = True
    assert [c.wav for c in log] == [b"un", b"autre \xc3\xa9cran"]
    # a new reading while the old one is being rendered: the rest of the old one is never rendered
    speech.during = lambda text: text == "deux" and reader.read("fr", ["encore"])
    reader.read("fr", ["un", "deux", "trois", "quatre"])
    settle(reader)
    assert [t for _, t, _ in speech.asked[-3:]] == ["un", "deux", "encore"]
    assert [c.wav for c in log][-1] == b"encore"
    reader.stop()
    assert not reader.reading


def test_reading_is_off_when_asked_or_when_espeak_is_missing():
    log = []
    reader = Reader(EchoSpeech(), lambda wav, vol: FakeClip(wav, vol, log), threaded=False)
    reader.mode = "off"
    reader.read("fr", ["rien"])
    settle(reader)
    assert log == [] and not reader.reading
    missing = Reader(Speech(None, search=False), lambda wav, vol: FakeClip(wav, vol, log))
    assert not missing.available and missing.mode == "off"
    missing.mode = "asked"
    missing.read("fr", ["rien"])
    assert not missing.reading and log == []


def test_a_text_espeak_cannot_say_is_skipped_and_the_reason_kept():
    log = []
    reader = Reader(EchoSpeech(fail_on="cassé"), lambda wav, vol: FakeClip(wav, vol, log), threaded=False)
    reader.read("fr", ["cassé", "la suite"])
    settle(reader)
    assert [c.wav for c in log] == [b"la suite"]
    assert "espeak-ng failed" in reader.failed


def test_in_the_game_the_texts_are_rendered_in_the_worker_thread_while_the_window_goes_on():
    log = []
    speech = EchoSpeech()
    reader = Reader(speech, lambda wav, vol: FakeClip(wav, vol, log))  # threaded, as the game makes it
    reader.read("fr", ["un", "deux"])
    wait_for(reader, log, 1)
    assert [c.wav for c in log] == [b"un"]
    log[0].finished = True
    wait_for(reader, log, 2)
    assert [c.wav for c in log] == [b"un", b"deux"]
    assert set(speech.threads) == {"read-aloud"} and threading.current_thread().name != "read-aloud"


def test_the_real_program_is_run_through_the_reader(speech):
    log = []
    reader = Reader(speech, lambda wav, vol: FakeClip(wav, vol, log))
    reader.read("nl", [LINE["nl"]])
    wait_for(reader, log, 1)
    assert read_wav(log[0].wav)[2] > 2


@pytest.mark.parametrize("lang, written, said", [
    ("de", "Am 1. September 1944 kamen 338.226 Soldaten.",
     "Am ersten September neunzehnhundertvierundvierzig kamen 338.226 Soldaten."),
    ("de", "vom 1. bis 5. September", "vom ersten bis fünften September"),
    ("de", "3. September 1944", "dritter September neunzehnhundertvierundvierzig"),
    ("de", "1943–1945, im Jahr 1901", "neunzehnhundertdreiundvierzig bis neunzehnhundertfünfundvierzig, im Jahr "
                                     "neunzehnhunderteins"),
    ("de", "am 21. Mai, 3000 Arbeiter", "am einundzwanzigsten Mai, 3000 Arbeiter"),
    ("en", "On 1 September 1944", "On the 1st of September 1944"),
    ("en", "5–6 June 1944", "the 5th to the 6th of June 1944"),
    ("en", "on 12 May, 22 April and 13 July", "on the 12th of May, the 22nd of April and the 13th of July"),
    ("fr", "5–6 juin 1944, 1943–1945, le 1er septembre", "5 à 6 juin 1944, 1943 à 1945, le 1er septembre"),
    ("nl", "5–6 juni 1944", "5 tot 6 juni 1944"),
    ("fr", "Question, 3 / 14", "Question, 3 sur 14"),
    ("en", "In progress: 4/13 questions", "In progress: 4 out of 13 questions"),
])
def test_dates_and_years_are_said_as_a_teacher_would_say_them(lang, written, said):
    from game.speech import spoken_form

    assert spoken_form(lang, written) == said


def test_the_voice_says_the_rewritten_date(speech):
    assert speech.render("de", "Am 1. September 1944") == \
        speech.render("de", "Am ersten September neunzehnhundertvierundvierzig")
