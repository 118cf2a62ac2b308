"""Disk full and I/O errors: a failed save says why, leaves file and memory as they were, and can be retried.

The OS calls are patched in-process to fail the way a full disk or a yanked
permission makes them fail; everything else (files, store, TinyDB) is real.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import HasFileno

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from storekit import TODAY, fingerprint, fixed, new_filled, python, unprivileged_folder

from tenfold.domain.errors import ChangedOnDiskError, WriteFailedError
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.backups import BackupError, list_backups
from tenfold.store.store import Store


@contextmanager
def failing(name: str, code: int) -> Iterator[list[int]]:
    """Make ``os.<name>`` raise OSError(code) while inside; yields the list of failed calls."""
    real: Callable[..., Any] = getattr(os, name)
    calls: list[int] = []

    def broken(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        raise OSError(code, os.strerror(code))

    setattr(os, name, broken)
    try:
        yield calls
    finally:
        setattr(os, name, real)


def leftovers(folder: Path) -> list[Path]:
    return [*folder.glob(".*.tmp"), *(folder / "backups").glob(".*.tmp")]


def payment(store: Store, note: str) -> Payment:
    stream = store.streams()[0]
    return Payment(0, stream.id, date(2026, 3, 10), Decimal("99.99"), note)


@pytest.mark.parametrize(
    ("call", "code", "says"),
    [("write", errno.ENOSPC, "the disk is full"), ("fsync", errno.EIO, os.strerror(errno.EIO)),
     ("replace", errno.EACCES, "permission denied"), ("replace", errno.EROFS, "the folder is read-only")],
)
def test_failed_save_changes_nothing_and_the_next_one_works(tmp_path: Path, call: str, code: int, says: str) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)  # today's backup is taken: the failing save is a plain one
        before_file, before_memory = fingerprint(path), (store.payments(), store.steps(), store.checkins())
        with failing(call, code) as calls, pytest.raises(WriteFailedError) as caught:
            store.add_payment(payment(store, "big one"))
        assert calls
        assert says in str(caught.value) and "the previous version is intact" in str(caught.value)
        assert fingerprint(path) == before_file
        assert (store.payments(), store.steps(), store.checkins()) == before_memory
        assert leftovers(tmp_path) == []
        saved = store.add_payment(payment(store, "big one"))  # the retry
        assert saved in store.payments()
    with Store.open(path, read_only=True) as reopened:
        assert [p.note for p in reopened.payments()].count("big one") == 1


def test_a_failed_multi_record_change_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        stream = next(s for s in store.streams() if s.name == "Sourdough ebook")
        with failing("write", errno.ENOSPC), pytest.raises(WriteFailedError):
            store.delete_stream(stream.id)
        assert stream in store.streams()
        assert any(p.stream_id == stream.id for p in store.payments())
    with Store.open(path, read_only=True) as reopened:
        assert stream in reopened.streams()
        assert any(p.stream_id == stream.id for p in reopened.payments())


def test_disk_full_while_taking_the_daily_backup(tmp_path: Path) -> None:
    """The first save of a day needs a backup first; if that fails, nothing is saved and the retry works."""
    path = tmp_path / "tenfold.json"
    new_filled(path)
    tomorrow = date(2026, 3, 16)
    with Store.open(path, today=fixed(tomorrow)) as store:
        before, backups = fingerprint(path), list_backups(path)
        with failing("write", errno.ENOSPC), pytest.raises(BackupError) as caught:
            store.tick(4, tomorrow)
        assert "could not be backed up" in str(caught.value) and "the disk is full" in str(caught.value)
        assert isinstance(caught.value, WriteFailedError)  # the app handles both the same way
        assert fingerprint(path) == before and list_backups(path) == backups
        assert leftovers(tmp_path) == []
        assert not store.steps()[3].done
        store.tick(4, tomorrow)
        assert len(list_backups(path)) == len(backups) + 1
        assert list_backups(path)[0].path.read_bytes() == before[0]


def test_retry_after_a_failure_does_not_overwrite_a_change_made_meanwhile(tmp_path: Path) -> None:
    """After a failed save the store re-reads the file; if a sync tool replaced it meanwhile, it stops."""
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        with failing("replace", errno.ENOSPC), pytest.raises(WriteFailedError):
            store.add_payment(payment(store, "first try"))
        theirs = path.read_bytes().replace(b"first sale", b"FIRST SALE")
        path.write_bytes(theirs)
        with pytest.raises(ChangedOnDiskError):
            store.add_payment(payment(store, "first try"))
        assert path.read_bytes() == theirs
        assert store.stale


def test_folder_made_read_only_while_open(tmp_path: Path) -> None:
    """For real: the folder loses its write permission between saves (needs a non-root child)."""
    folder, drop = unprivileged_folder()
    code = (
        "import os, sys, datetime\n"
        "from tenfold.store.store import Store\n"
        "from tenfold.domain.errors import WriteFailedError\n"
        "folder = sys.argv[1]; path = os.path.join(folder, 'tenfold.json')\n"
        "store = Store.open(path)\n"
        "store.tick(1, datetime.date(2026, 1, 1))\n"
        "before = open(path, 'rb').read()\n"
        "os.chmod(folder, 0o500)\n"
        "try:\n"
        "    store.tick(2, datetime.date(2026, 1, 1))\n"
        "except WriteFailedError as exc:\n"
        "    print('refused:', exc)\n"
        "assert open(path, 'rb').read() == before and not store.steps()[1].done\n"
        "os.chmod(folder, 0o700)\n"
        "store.tick(2, datetime.date(2026, 1, 1))\n"
        "print('retried:', Store.open(path, read_only=True).steps()[1].done)\n"
    )
    try:
        result = python(code, str(folder), preexec_fn=drop)
    except PermissionError:
        pytest.skip("running as root and this interpreter cannot be run as nobody")
    assert result.returncode == 0, result.stderr
    assert "permission denied" in result.stdout and "previous version is intact" in result.stdout
    assert "retried: True" in result.stdout


def test_a_folder_that_refuses_fsync_still_saves(tmp_path: Path) -> None:
    """Network and FUSE mounts may refuse fsync on a folder; the rename has happened, so the save stands."""
    path = tmp_path / "tenfold.json"
    new_filled(path)
    real_fsync = os.fsync

    def picky(fd: int | HasFileno) -> None:
        if stat.S_ISDIR(os.fstat(fd if isinstance(fd, int) else fd.fileno()).st_mode):
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        real_fsync(fd)

    with Store.open(path, today=fixed()) as store:
        os.fsync = picky
        try:
            saved = store.add_payment(payment(store, "on a network drive"))
        finally:
            os.fsync = real_fsync
        store.tick(2, TODAY)  # memory and disk agree: the next save is not refused as "changed"
    with Store.open(path, read_only=True) as reopened:
        assert saved in reopened.payments() and reopened.steps()[1].done


def test_a_file_written_in_chunks_is_their_bytes_in_order_and_a_failed_chunk_keeps_the_old_file(
    tmp_path: Path,
) -> None:
    """The data file is written as its tables are kept, never joined; a write that fails part-way changes nothing."""
    from tenfold.store.file.atomic import atomic_write

    path = tmp_path / "f.json"
    path.write_bytes(b"old")
    payload = b"0123456789" * 1000
    chunks: list[bytes | memoryview] = [payload[:1], memoryview(payload)[1:4096], b"", payload[4096:]]
    atomic_write(path, chunks)
    assert path.read_bytes() == payload and path.stat().st_mode & 0o777 == 0o600
    real = os.write
    written: list[int] = []

    def second_fails(fd: int, data: Any) -> int:
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(len(data))
        return int(real(fd, data))

    os.write = second_fails
    try:
        with pytest.raises(OSError):
            atomic_write(path, [b"new ", b"bytes"])
    finally:
        os.write = real
    assert path.read_bytes() == payload and not leftovers(tmp_path)


def test_the_store_writes_the_same_bytes_as_its_document_joined(tmp_path: Path) -> None:
    """What a save writes in pieces is the document's JSON, byte for byte."""
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        store.add_stream(Stream(0, "Book", "ebook", "passive", "EUR"))
        store.add_payment(payment(store, "chunked"))
        storage = store._database.storage  # the file's own pieces are what is checked
        pieces = storage.payload()
        assert len(pieces) > 3 and b"".join(pieces) == storage._json.dump(storage._cache or {}, storage.index_parts)
    assert path.read_bytes() == b"".join(pieces)
