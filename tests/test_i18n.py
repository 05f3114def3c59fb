"""Translations: complete for the shipped content and interface; a changed source is marked, not lost."""
from pathlib import Path

from babel.messages.pofile import read_po

from game.catalogs import coverage, update_catalogs
from game.content.loader import load_content
from game.content.texts import localized
from game.i18n import UI_DIR, Translator, po_path

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_content_is_fully_translated():
    content = load_content(ROOT)
    for loc in ("en", "nl", "de"):
        for cid, numbers in coverage(content, loc).items():
            assert numbers["missing"] == 0 and numbers["fuzzy"] == 0, (loc, cid, numbers)
            assert numbers["total"] > 100


def test_interface_is_fully_translated():
    import re

    for loc in ("fr", "nl", "de"):
        with po_path(UI_DIR, loc, "messages").open("rb") as fh:
            cat = read_po(fh, locale=loc)
        untranslated = [m.id for m in cat if m.id and (not m.string or m.fuzzy)]
        assert untranslated == [], loc
        for m in cat:  # a translation that loses a {placeholder} would crash the screen that shows it
            if m.id:
                assert sorted(re.findall(r"{\w*}", m.id)) == sorted(re.findall(r"{\w*}", m.string)), (loc, m.id)
    assert Translator("fr")("Continue") == "Continuer"
    assert Translator("en")("Continue") == "Continue"
    assert Translator("de")("Continue") != "Continue" and Translator("nl")("Continue") != "Continue"


def test_every_pupil_visible_text_is_translated_in_english():
    content = load_content(ROOT)
    tr = Translator("en", ROOT)
    for cid, bundle in content.chapters.items():
        en = localized(bundle, lambda ctx, text: tr.content(cid, ctx, text))
        assert en.chapter.title != bundle.chapter.title
        for nid, node in bundle.nodes.items():
            for fr_line, en_line in zip(node.lines, en.nodes[nid].lines):
                assert en_line.text != fr_line.text or len(fr_line.text) < 12, fr_line.text
        for qid, q in bundle.questions.items():
            assert en.questions[qid].prompt != q.prompt


def test_changed_source_marks_translation_out_of_date_and_french_is_shown(mini_root):
    content = load_content(mini_root)
    update_catalogs(content)
    po = po_path(mini_root / "levels" / "locale", "en", "mini")
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Bonjour !"\nmsgstr ""', 'msgid "Bonjour !"\nmsgstr "Hello!"')
    po.write_text(text, encoding="utf-8")
    assert Translator("en", mini_root).content("mini", "node:anna-debut:line:l1", "Bonjour !") == "Hello!"

    d = mini_root / "dialogue" / "01_mini.yaml"
    d.write_text(d.read_text(encoding="utf-8").replace("text: Bonjour !}", "text: Bonjour à toi !}"), encoding="utf-8")
    content = load_content(mini_root)
    update_catalogs(content)
    with po.open("rb") as fh:
        cat = read_po(fh, locale="en")
    entry = next(m for m in cat if m.context == "mini:node:anna-debut:line:l1")
    assert entry.id == "Bonjour à toi !" and entry.string == "Hello!" and entry.fuzzy  # kept, marked out of date
    assert coverage(content, "en")["mini"]["fuzzy"] == 1
    # an out-of-date translation is not shown: the pupil reads the current French
    assert Translator("en", mini_root).content("mini", "node:anna-debut:line:l1", "Bonjour à toi !") == "Bonjour à toi !"


def test_dates_follow_the_language():
    import datetime as dt

    d = dt.date(1944, 9, 1)
    assert Translator("fr").date(d) == "1er septembre 1944"
    assert Translator("fr").date(dt.date(1944, 9, 5)) == "5 septembre 1944"
    assert Translator("en").date(d) == "1 September 1944"
    assert Translator("de").date(d) == "1. September 1944"
    assert Translator("nl").date(d) == "1 september 1944"


def test_no_translated_string_hides_inside_an_f_string():
    """pybabel cannot see tr("...") inside an f-string: such a string would never be translated."""
    import re

    pattern = re.compile(r"""\bf(["']).*\{[^}]*\b(tr|self\.tr|_)\(""")
    offenders = []
    for folder in ("game", "teacher_mode"):
        for path in (ROOT / folder).rglob("*.py"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []
