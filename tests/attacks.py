"""Content attacks, made at test time: each builds a content tree (a copy of the mini chapter) with one bad input.

Used by tests/test_attacks_content.py and by hand (`python -m tests.attacks DIR` writes every case under DIR, to
time `main.py validate --root` / `main.py play --root` on them). Nothing large is committed: a picture "of
20000x20000 pixels" is a PNG header saying so.
"""
from __future__ import annotations

import os
import shutil
import struct
import sys
import zlib
from pathlib import Path

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def mini_copy(dest: Path) -> Path:
    shutil.copytree(MINI, dest, symlinks=True)
    return dest


def png_bytes(width: int, height: int, *, rows: bool = True) -> bytes:
    """A PNG of grey pixels; with rows=False its pixel data is empty (a few bytes saying 20000x20000 are enough
    for a header check, and for a picture library to refuse or try to decode it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    if not rows:
        return head + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    comp = zlib.compressobj(1)
    line = b"\x00" + b"\x80" * width
    data = b"".join(comp.compress(line) for _ in range(height)) + comp.flush()
    return head + chunk(b"IDAT", data) + chunk(b"IEND", b"")


# -- YAML ------------------------------------------------------------------------------------------------
def _dialogue(root: Path) -> Path:
    return root / "dialogue" / "01_mini.yaml"


def alias_bomb(root: Path) -> str:
    lines = ['chapter: mini', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    _dialogue(root).write_text("\n".join(lines) + "\nnodes: []\n", encoding="utf-8")
    return "dialogue/01_mini.yaml"


def deep_flow(root: Path) -> str:
    _dialogue(root).write_text("chapter: mini\nnodes: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    return "dialogue/01_mini.yaml"


def deep_block(root: Path) -> str:
    text = "chapter: mini\nnodes:\n" + "".join(" " * i + "- \n" for i in range(2, 1200))
    _dialogue(root).write_text(text, encoding="utf-8")
    return "dialogue/01_mini.yaml"


def too_big(root: Path) -> str:
    with (root / "levels" / "02_big.yaml").open("w", encoding="utf-8") as fh:
        fh.write("# " + "x" * 3_000_000 + "\n")
    return "levels/02_big.yaml"


def _device(name: str, target: str):
    def make(root: Path) -> str:
        (root / "levels" / f"02_{name}.yaml").symlink_to(target)
        return f"levels/02_{name}.yaml"
    make.__name__ = f"link_to_{name}"
    return make


def fifo(root: Path) -> str:
    os.mkfifo(root / "levels" / "02_fifo.yaml")
    return "levels/02_fifo.yaml"


def directory(root: Path) -> str:
    (root / "levels" / "02_dir.yaml").mkdir()
    return "levels/02_dir.yaml"


YAML_ATTACKS = {"alias_bomb": alias_bomb, "deep_flow": deep_flow, "deep_block": deep_block, "too_big": too_big,
                "dev_zero": _device("zero", "/dev/zero"), "dev_urandom": _device("urandom", "/dev/urandom"),
                "fifo": fifo, "directory": directory}


# -- pictures (the street background of the mini chapter, referenced on line 17 of its level file) -------------
STREET = "assets/bg/street.png"


def _street(root: Path) -> Path:
    path = root / STREET
    if path.is_symlink() or path.exists():
        path.unlink()
    return path


def huge_header(root: Path) -> str:
    _street(root).write_bytes(png_bytes(20_000, 20_000, rows=False))
    return STREET


def big_real(root: Path) -> str:
    _street(root).write_bytes(png_bytes(12_000, 12_000))
    return STREET


def text_as_png(root: Path) -> str:
    _street(root).write_text("this is not a picture\n", encoding="utf-8")
    return STREET


def truncated_png(root: Path) -> str:
    data = (MINI / STREET).read_bytes()
    _street(root).write_bytes(data[: len(data) // 2])
    return STREET


def truncated_jpeg(root: Path) -> str:
    from io import BytesIO

    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (64, 48), (120, 90, 60)).save(buf, "JPEG")
    _street(root).write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    return STREET


def empty_png(root: Path) -> str:
    _street(root).write_bytes(b"")
    return STREET


PICTURE_ATTACKS = {"huge_header": huge_header, "text_as_png": text_as_png, "truncated_png": truncated_png,
                   "truncated_jpeg": truncated_jpeg, "empty_png": empty_png}


# -- dialogue graph ----------------------------------------------------------------------------------------
def _replace_node(root: Path, node_id: str, new: str) -> None:
    path = _dialogue(root)
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {node_id}\n")
    end = text.find("\n  - id: ", start + 1)
    path.write_text(text[:start] + new + (text[end + 1:] if end != -1 else ""), encoding="utf-8")


def self_loop_with_line(root: Path) -> str:
    # "accueil" (the scene's entry) says its line, then leads back to itself: no way out, ever
    _replace_node(root, "accueil", "  - id: accueil\n    lines:\n      - {id: l1, speaker: narrator, text: Encore.}\n"
                                   "    next: accueil\n")
    return "accueil"


def lineless_self_jump(root: Path) -> str:
    _replace_node(root, "accueil", "  - id: accueil\n    effects: [{set: vu}]\n    next: accueil\n")
    return "accueil"


def two_node_trap(root: Path) -> str:
    # anna-oui and anna-non send the pupil to each other whatever they choose
    _replace_node(root, "anna-oui", "  - id: anna-oui\n    lines:\n      - {id: l1, speaker: anna, text: Super.}\n"
                                    "    choices:\n      - {id: a, text: Encore, next: anna-non}\n")
    _replace_node(root, "anna-non", "  - id: anna-non\n    lines:\n      - {id: l1, speaker: anna, text: Dommage.}\n"
                                    "    next: anna-oui\n")
    return "anna-oui"


GRAPH_ATTACKS = {"self_loop_with_line": self_loop_with_line, "lineless_self_jump": lineless_self_jump,
                 "two_node_trap": two_node_trap}


# -- text and translations -----------------------------------------------------------------------------------
def _level(root: Path) -> Path:
    return root / "levels" / "01_mini.yaml"


def _title(root: Path, title: str) -> str:
    path = _level(root)
    path.write_text(path.read_text(encoding="utf-8").replace("title: Un petit chapitre", f'title: "{title}"'),
                    encoding="utf-8")
    return "levels/01_mini.yaml"


def rlo_title(root: Path) -> str:
    return _title(root, "Un petit \\u202Eertipahc")


def isolate_title(root: Path) -> str:
    return _title(root, "Un petit \\u2067chapitre")


def control_title(root: Path) -> str:
    return _title(root, "Un petit\\x1b[31m chapitre")


TEXT_ATTACKS = {"rlo_title": rlo_title, "isolate_title": isolate_title, "control_title": control_title}

PO_HEAD = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n')


def po_file(root: Path, body: str | bytes, lang: str = "en") -> Path:
    path = root / "levels" / "locale" / lang / "LC_MESSAGES" / "mini.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body if isinstance(body, bytes) else (PO_HEAD + body).encode("utf-8"))
    return path


def po_huge(root: Path) -> int:
    po_file(root, 'msgctxt "mini:title"\nmsgid "Un petit chapitre"\nmsgstr "' + "A very small chapter " * 50_000 + '"\n')
    return 8


def po_broken_quote(root: Path) -> int:
    po_file(root, 'msgctxt "mini:title"\nmsgid "Un petit chapitre"\nmsgstr "A small chapter\n')
    return 8


def po_bare_continuation(root: Path) -> int:
    po_file(root, 'msgctxt "mini:title"\nmsgid "Un petit chapitre"\nmsgstr ""\nA small chapter\n')
    return 9


def po_latin1(root: Path) -> int:
    body = (PO_HEAD + 'msgctxt "mini:title"\nmsgid "Un petit chapitre"\nmsgstr "Un petit chapitre été"\n')
    po_file(root, body.encode("latin-1"))
    return 8


def po_rlo(root: Path) -> int:
    po_file(root, 'msgctxt "mini:title"\nmsgid "Un petit chapitre"\nmsgstr "A small \u202eretpahc"\n')
    return 8


def po_too_big_file(root: Path) -> int:
    po_file(root, "# " + "x" * 3_000_000 + "\n")
    return 1


PO_ATTACKS = {"po_huge": po_huge, "po_broken_quote": po_broken_quote, "po_bare_continuation": po_bare_continuation,
              "po_latin1": po_latin1, "po_rlo": po_rlo, "po_too_big_file": po_too_big_file}

ALL = {**YAML_ATTACKS, **PICTURE_ATTACKS, **GRAPH_ATTACKS, **TEXT_ATTACKS, **PO_ATTACKS}


if __name__ == "__main__":  # python -m tests.attacks DIR [--big]: every case in its own tree under DIR
    out = Path(sys.argv[1])
    cases = dict(ALL, big_real=big_real) if "--big" in sys.argv else ALL
    for name, make in cases.items():
        make(mini_copy(out / name))
        print(out / name)
