"""A change that could not reach the data file at exit, kept in a rescue file and offered back at the next start.

The app saves in the background; when the disk is full (or the folder became
read-only) the change stays in memory, pending, and is retried. If the app then
has to go - SIGTERM, the terminal closed, a crash - the change would die with the
process. Instead the document as it would have been saved is written to a
*rescue file*: in the state folder (often another disk), or else beside the data
file. It is written like the data file (temp file, fsync, rename, 0600).

The file records a digest of the data file as it was when the rescue was made.
At the next start a writer (the app or a command) finds it, says what it holds
compared with the data file, and asks. Restoring replaces the data file only if
the file is still the one the rescue was made over (after a backup of it);
otherwise - the file changed since, by a sync tool or another device - both are
kept: the rescued version becomes a data file of its own beside the other, and
the user is told where. Declining does the same. So a rescue is never applied
over a change it did not see, and never dropped without a word.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from tenfold.domain.errors import DamagedFileError, StoreError, WriteFailedError
from tenfold.paths import make_private_dir, state_dir
from tenfold.store import schema
from tenfold.store.backups import make_backup
from tenfold.store.file.atomic import atomic_write, describe_os_error
from tenfold.store.file.document import load_document
from tenfold.store.file.lock import FileLock
from tenfold.store.schema import Document

FORMAT = 1
BEFORE_RESCUE = "before-rescue"
"""The kind of the backup taken of the data file before a rescue replaces it."""

STAMP = "%Y-%m-%dT%H%M%S"

WORDS = {
    schema.PAYMENTS: ("payment", "payments"),
    schema.STREAMS: ("stream", "streams"),
    schema.RATES: ("exchange rate", "exchange rates"),
    schema.GOAL: ("goal", "goals"),
    schema.STEPS: ("step", "steps"),
    schema.STEP_ITEMS: ("step item", "step items"),
    schema.IDEAS: ("idea", "ideas"),
    schema.DRAFTS: ("unsent form", "unsent forms"),
    schema.DISMISSED: ("dismissed hint", "dismissed hints"),
    schema.CHECKINS: ("day worked on", "days worked on"),
}
"""How a changed record of each table is counted for the user, in this order."""

QUIET_TABLES = frozenset({schema.CHECKINS})
"""Changed along with every save (today's check-in): named only when nothing else changed."""


def rescue_paths(data_path: Path) -> tuple[Path, Path]:
    """Where a rescue of ``data_path`` is written, in order of preference.

    First the state folder, named after the data file and a digest of its full
    path (two files of the same name elsewhere never share a rescue); then beside
    the data file, hidden like its lock.
    """
    absolute = data_path.absolute()
    key = hashlib.sha256(str(absolute).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return (
        state_dir() / "rescue" / f"{absolute.name}.{key}.json",
        absolute.with_name(f".{absolute.name}.rescue.json"),
    )


def _digest(path: Path) -> str | None:
    """SHA-256 of the file's bytes, or None when there is no file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class Rescue:
    """A rescue file found for a data file."""

    path: Path
    data_path: Path
    made_at: datetime
    base: str | None
    """Digest of the data file when the rescue was made (None: there was no file)."""
    document: Document


def write_rescue(data_path: Path, payload: bytes, now: datetime) -> Path:
    """Keep ``payload`` (the document not saved) in the first rescue place that takes it; returns the file.

    Raises WriteFailedError when no place can take it.
    """
    meta = {"format": FORMAT, "data_file": str(data_path.absolute()), "made_at": now.isoformat(timespec="seconds"),
            "base_sha256": _digest(data_path)}
    envelope = b'{"tenfold_rescue":' + orjson.dumps(meta) + b',"document":' + payload + b"}"
    reasons = []
    for target in rescue_paths(data_path):
        try:
            make_private_dir(target.parent)
            atomic_write(target, envelope)
        except OSError as exc:
            reasons.append(f"{target.parent}: {describe_os_error(exc)}")
            continue
        return target
    raise WriteFailedError(data_path, "could not be rescued either (" + "; ".join(reasons) + ")")


def find_rescue(data_path: Path) -> Rescue | None:
    """The newest rescue of ``data_path``, or None; DamagedFileError names one that cannot be read."""
    found = []
    for path in rescue_paths(data_path):
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise DamagedFileError(path, f"is a rescue file that cannot be read ({describe_os_error(exc)})") from None
        found.append(_parse(path, data_path, raw))
    return max(found, key=lambda r: r.made_at, default=None)


def _parse(path: Path, data_path: Path, raw: bytes) -> Rescue:
    try:
        whole = orjson.loads(raw)
        meta, document = whole["tenfold_rescue"], whole["document"]
        made_at = datetime.fromisoformat(meta["made_at"])
        base = meta["base_sha256"]
        valid = meta["format"] == FORMAT and isinstance(document, dict) and (base is None or isinstance(base, str))
        valid = valid and all(type(t) is dict for t in document.values())
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        valid = False
    if not valid:
        raise DamagedFileError(path, "is a rescue file Tenfold cannot read; it was left as it is")
    return Rescue(path, data_path.absolute(), made_at, base, document)


def _count(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


def changes(rescue: Rescue) -> str:
    """What the rescue holds that the data file does not: ``1 payment, 1 stream``."""
    try:
        current: Document = load_document(rescue.data_path)
    except StoreError:
        current = {}
    counted: dict[str, int] = {}
    for table in WORDS:
        ours: dict[str, Any] = rescue.document.get(table, {})
        theirs: dict[str, Any] = current.get(table, {})
        n = sum(1 for key in ours.keys() | theirs.keys() if ours.get(key) != theirs.get(key))
        if n:
            counted[table] = n
    shown = {t: n for t, n in counted.items() if t not in QUIET_TABLES} or counted
    if not shown:
        return "no change to any record"
    return ", ".join(_count(n, WORDS[t]) for t, n in shown.items())


def describe(rescue: Rescue) -> str:
    """One line for the user: what the rescue holds, of which file, since when."""
    return (
        f"{changes(rescue)} changed since the last save of {rescue.data_path} "
        f"(kept in {rescue.path} on {rescue.made_at:%Y-%m-%d %H:%M} when it could not be saved)"
    )


def restore_rescue(rescue: Rescue, now: datetime, *, lock_wait: float = 0.0) -> str:
    """Put the rescued version in place if the data file is unchanged since; else keep both. Says what was done."""
    lock = FileLock(rescue.data_path)
    lock.acquire(wait=lock_wait)
    try:
        if _digest(rescue.data_path) != rescue.base:
            kept = _set_aside(rescue)
            return (
                f"{rescue.data_path} changed since the rescue was made, so it was not replaced; "
                f"the rescued version is kept as {kept} (open it with: tenfold --db {kept})"
            )
        backup = make_backup(rescue.data_path, BEFORE_RESCUE, now)
        try:
            atomic_write(rescue.data_path, orjson.dumps(rescue.document))
        except OSError as exc:
            raise WriteFailedError(
                rescue.data_path, f"could not be restored ({describe_os_error(exc)}); the rescue file is kept"
            ) from None
    finally:
        lock.release()
    _remove(rescue.path)
    before = f"; the file as it was is kept as the backup {backup.name}" if backup else ""
    return f"Restored the rescued changes into {rescue.data_path}{before}"


def decline_rescue(rescue: Rescue) -> str:
    """The user said no: the rescued version is kept as a file of its own, never silently dropped."""
    kept = _set_aside(rescue)
    return f"Not restored; the rescued version is kept as {kept} (open it with: tenfold --db {kept})"


def _set_aside(rescue: Rescue) -> Path:
    """Write the rescued document as a data file of its own (beside the data file if there is room)."""
    data = rescue.data_path
    payload = orjson.dumps(rescue.document)
    reasons = []
    for folder in (data.parent, rescue.path.parent):
        serial, target = 0, Path()
        while serial == 0 or target.exists():
            suffix = f"-{serial}" if serial > 1 else ""
            target = folder / f"{data.stem}.rescued-{rescue.made_at.strftime(STAMP)}{suffix}{data.suffix or '.json'}"
            serial += 1
        try:
            atomic_write(target, payload)
        except OSError as exc:
            reasons.append(f"{folder}: {describe_os_error(exc)}")
            continue
        _remove(rescue.path)
        return target
    raise WriteFailedError(rescue.path, "could not be set aside (" + "; ".join(reasons) + "); it is kept as it is")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
