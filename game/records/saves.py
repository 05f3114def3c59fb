"""Saving and resuming: one versioned JSON file per pupil, written atomically.

Write to a temporary file in the same folder, flush, fsync, rename over the old
file, fsync the folder: after a crash or a pulled plug the file is either the
previous save or the new one, never half of each. A save that cannot be read is
kept aside (never deleted) and the pupil starts again from what can be recovered.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.story.state import SAVE_VERSION, Profile

from .types import ClassCode, Pseudonym


def atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):
        dfd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-").lower()[:32] or "pupil"
    digest = hashlib.sha256(text.casefold().encode()).hexdigest()[:10]
    return f"{slug}-{digest}"


@dataclass
class LoadResult:
    profile: Profile
    notice: str | None = None  # something the pupil should be told (a damaged save kept aside)


class SaveStore:
    """The saves folder: saves/<class slug>/<pupil slug>.json. Owned by game.records.Records (erase goes through it)."""

    def __init__(self, data_dir: Path):
        self.root = Path(data_dir) / "saves"

    def folder(self, class_code: str) -> Path:
        return self.root / _slug(ClassCode(class_code))

    def path(self, class_code: str, pupil: str) -> Path:
        return self.folder(class_code) / f"{_slug(Pseudonym(pupil))}.json"

    def files_of(self, class_code: str, pupil: str) -> list[Path]:
        """The pupil's save and the damaged copies kept aside of it."""
        save = self.path(class_code, pupil)
        return sorted(save.parent.glob(save.stem + "*.json")) if save.parent.is_dir() else []

    def save(self, profile: Profile) -> None:
        profile.version = SAVE_VERSION
        atomic_write_text(self.path(profile.class_code, profile.pupil), profile.model_dump_json(indent=1))

    def load(self, class_code: str, pupil: str) -> LoadResult:
        class_code, pupil = ClassCode(class_code), Pseudonym(pupil)
        path = self.path(class_code, pupil)
        fresh = Profile(class_code=class_code, pupil=pupil)
        if not path.exists():
            return LoadResult(fresh)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data = migrate(data)
            profile = Profile.model_validate(data)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError, ValueError) as exc:
            kept = self._keep_damaged(path)
            return LoadResult(fresh, notice=f"damaged:{kept.name}:{type(exc).__name__}")
        if _class_or_none(profile.class_code) != class_code or profile.pupil.casefold() != pupil.casefold():
            kept = self._keep_damaged(path)
            return LoadResult(fresh, notice=f"damaged:{kept.name}:owner")
        return LoadResult(profile)

    def _keep_damaged(self, path: Path) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.damaged-{stamp}.json")
        n = 1
        while target.exists():
            target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}.json")
            n += 1
        os.replace(path, target)
        return target


def _class_or_none(text: str) -> ClassCode | None:
    try:
        return ClassCode(text)
    except ValueError:
        return None


def migrate(data: dict) -> dict:
    """Bring an older save up to SAVE_VERSION. Version 1 is the first one."""
    if not isinstance(data, dict):
        raise ValueError("a save must be a JSON object")
    version = data.get("version")
    if version == SAVE_VERSION:
        return data
    raise ValueError(f"unknown save version {version!r}")
