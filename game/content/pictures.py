"""Is this file a picture the game can draw? Answered from its header and structure, never by decoding it.

`picture_problem(path)` reads the PNG or JPEG signature, the dimensions and the chunk/segment chain (seeking
over the pixel data), and returns a sentence for an author when the file is not a picture, is cut short, or has
too many pixels; None when it is fine. It reads a few kB whatever the file's size, so the loader checks every
referenced picture on every start, and the views check again before decoding (a file replaced after the
content was checked is then drawn as a placeholder, never decoded).

The limits, and why:
- MAX_SIDE 4096 pixels: the largest texture every school PC's graphics can hold (OpenGL 3.3 guarantees 1024;
  Intel HD Graphics of 2012 and Mesa's software renderer take 8192 or more, 4096 is safe everywhere). The
  game draws on a 1280x720 stage: a background never needs more than 2560 (twice that, for sharp zoom).
- MAX_PIXELS 16 Mpx (4096 x 4096): a decoded picture takes 4 bytes a pixel, so at most 64 MB, and 128 MB while
  it is converted; the game's whole budget while playing is 300 MB. (The 12000x12000 picture a tester tried took
  2 GB.)
- MAX_BYTES 32 MB on disk: a compressed picture of 16 Mpx is far smaller.
"""
from __future__ import annotations

import os
import stat
import struct
import zlib
from pathlib import Path

from .say import say

MAX_SIDE = 4096
MAX_PIXELS = MAX_SIDE * MAX_SIDE
MAX_BYTES = 32_000_000
_MAX_PARTS = 100_000  # chunks or segments walked: a real file has a few hundred

_PNG = b"\x89PNG\r\n\x1a\n"
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class _Bad(Exception):
    pass


def picture_problem(path: Path) -> str | None:
    """A sentence saying why `path` cannot be drawn, or None if it is a whole PNG or JPEG of a drawable size."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return say("This picture is not an ordinary file.")
        if st.st_size > MAX_BYTES:
            return say("This picture is too large ({size} bytes; the limit is {limit}).", size=st.st_size,
                       limit=MAX_BYTES)
        with open(path, "rb") as fh:
            head = fh.read(8)
            if head == _PNG:
                _png(fh, st.st_size)
            elif head[:3] == b"\xff\xd8\xff":
                _jpeg(fh, st.st_size)
            else:
                return say("This file is not a PNG or JPEG picture (its first bytes are not a picture's); "
                           "save it again as PNG or JPEG.")
    except OSError as exc:
        return say("This picture cannot be opened ({reason}).", reason=exc.strerror or exc)
    except _TooBig as exc:
        return say("This picture is {width}x{height} pixels: the game takes at most {side}x{side}. Make it "
                   "smaller (a background is 1280x720).", width=exc.width, height=exc.height, side=MAX_SIDE)
    except _Bad:
        return say("This picture is damaged or cut short; save it again from the original.")
    return None


class _TooBig(Exception):
    def __init__(self, width: int, height: int):
        super().__init__(width, height)
        self.width, self.height = width, height


def _size_ok(width: int, height: int) -> None:
    """Dimensions are checked as soon as they are read: a picture too large is said so even if it is also cut."""
    if width == 0 or height == 0 or width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _TooBig(width, height)


def _read(fh, n: int) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise _Bad
    return data


def _png(fh, size: int) -> tuple[int, int]:
    """Walk the chunks: IHDR first, then chunk headers only, until IEND, which must end the file."""
    length, kind = struct.unpack(">I4s", _read(fh, 8))
    if kind != b"IHDR" or length != 13:
        raise _Bad
    header = _read(fh, 13)
    if struct.unpack(">I", _read(fh, 4))[0] != zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF:
        raise _Bad  # the dimensions themselves may be damaged
    width, height = struct.unpack(">II", header[:8])
    _size_ok(width, height)
    pos = 8 + 8 + 13 + 4
    for _ in range(_MAX_PARTS):
        fh.seek(pos)
        length, kind = struct.unpack(">I4s", _read(fh, 8))
        pos += 12 + length
        if pos > size:
            raise _Bad  # the chunk runs past the end of the file: cut short
        if kind == b"IEND":
            return width, height
    raise _Bad


def _jpeg(fh, size: int) -> tuple[int, int]:
    """Walk the segments to the frame header (dimensions); the file must end with the end-of-image marker."""
    fh.seek(2)
    dims = None
    for _ in range(_MAX_PARTS):
        marker = _read(fh, 2)
        if marker[0] != 0xFF:
            raise _Bad
        kind = marker[1]
        while kind == 0xFF:  # fill bytes
            kind = _read(fh, 1)[0]
        if kind == 0xD9:
            raise _Bad  # end of image before any picture data
        if 0xD0 <= kind <= 0xD7 or kind == 0x01:
            continue  # markers without a length
        length = struct.unpack(">H", _read(fh, 2))[0]
        if length < 2:
            raise _Bad
        if kind in _SOF:
            _, height, width = struct.unpack(">BHH", _read(fh, 5))
            _size_ok(width, height)
            dims = (width, height)
            fh.seek(length - 7, os.SEEK_CUR)
        elif kind == 0xDA:  # start of scan: the pixel data follows up to the end marker
            if dims is None:
                raise _Bad
            fh.seek(max(size - 2, 0))
            if fh.read(2) != b"\xff\xd9":
                fh.seek(max(size - 1024, 0))
                if b"\xff\xd9" not in fh.read(1024):  # some cameras write a few bytes after the end marker
                    raise _Bad
            return dims
        else:
            fh.seek(length - 2, os.SEEK_CUR)
        if fh.tell() > size:
            raise _Bad
    raise _Bad
