"""Helpers shared by the store tests: a filled data file, real subprocesses, file fingerprints.

Not a conftest on purpose: other test modules in this tree bring their own, and
plain functions make each test say exactly what it sets up.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

import orjson

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

TODAY = date(2026, 3, 15)
SRC = Path(__file__).resolve().parents[2] / "src"


def fixed(day: date = TODAY) -> Callable[[], date]:
    """A clock that always says ``day``."""
    return lambda: day


def fill(store: Store) -> None:
    """Put one of everything in the store: goal, two steps, streams, payments, an idea, a draft."""
    store.set_goal(Goal("Ten thousand a month from things I made once.", Decimal("10000.00"), "EUR",
                        date(2028, 12, 31), TODAY))
    store.set_step(StepState(1, date(2026, 3, 1), "ebooks about sourdough"))
    store.set_step(StepState(3, None, "weekly plan: outline, draft, edit, publish"))
    books = store.add_stream(Stream(0, "Sourdough ebook", "ebook", "passive", "EUR"))
    shares = store.add_stream(Stream(0, "ETF", "dividends", "portfolio", "USD"))
    store.add_payment(Payment(0, books.id, date(2026, 3, 2), Decimal("12.50"), "first sale 🎉"))
    store.add_payment(Payment(0, shares.id, date(2026, 2, 27), Decimal("0.10"), ""))
    store.add_idea(Idea(0, "home bakers", "a starter that never dies", "a course for 1,000,000", "video", TODAY))
    store.save_draft("payment", {"amount": "abc", "note": "half typed"})


def new_filled(path: Path, day: date = TODAY) -> bytes:
    """Create ``path`` filled with :func:`fill`; returns the file's bytes."""
    with Store.open(path, today=fixed(day)) as store:
        fill(store)
    return path.read_bytes()


def fingerprint(path: Path) -> tuple[bytes, int, int]:
    """Bytes, inode and mtime: equal fingerprints mean the file was not touched at all."""
    st = path.stat()
    return path.read_bytes(), st.st_ino, st.st_mtime_ns


def python(code: str, *args: str, timeout: float = 30, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with this checkout's package importable."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout, env=env, **kwargs
    )


def unprivileged_folder() -> tuple[Path, Callable[[], None] | None]:
    """A fresh folder the test can make read-only for real, and how to drop root in a child.

    Root ignores file permissions, so when the tests run as root (containers) the
    child switches to ``nobody`` and the folder belongs to ``nobody``; otherwise
    no switch is needed.
    """
    base = Path(tempfile.mkdtemp(prefix="tenfold-perm-"))
    os.chmod(base, 0o755)
    folder = base / "data"
    folder.mkdir(mode=0o700)
    if os.geteuid() != 0:
        return folder, None
    nobody = pwd.getpwnam("nobody")
    os.chown(folder, nobody.pw_uid, nobody.pw_gid)

    def drop() -> None:
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)

    return folder, drop


HOLDER = """
import sys
from tenfold.store.store import Store
store = Store.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()
store.close()
"""


@contextmanager
def held_by_another_process(path: Path) -> Iterator[subprocess.Popen[str]]:
    """A real second process holding the store (and its lock) open until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(SRC)})
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        yield holder
    finally:
        holder.communicate("", timeout=10)


def signed_again(prefix: bytes, payments: bytes) -> bytes:
    """The file from ``prefix`` (ending in ``}``) and ``payments``, its index's fingerprint made to match them.

    Only a crafted file does this: the tests use it to show what is still checked
    behind an index that seems right.
    """
    from tenfold.store.payment_index import index_fingerprint
    from tenfold.store.schema import PAYMENT_INDEX

    document = orjson.loads(prefix)
    record = document[PAYMENT_INDEX]["1"]
    record["size"], record["crc32"] = index_fingerprint(record, payments)
    return orjson.dumps(document)[:-1] + b',"payments":' + payments + b"}"


def bad_payment_index_behind_its_fingerprint(path: Path) -> None:
    """Triple one month's total in the index and make its fingerprint match: the index no longer agrees."""
    from tenfold.store.payment_index import split_payments
    from tenfold.store.schema import PAYMENT_INDEX

    prefix, view = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    document = orjson.loads(prefix)
    columns = next(iter(document[PAYMENT_INDEX]["1"]["months"].values()))
    columns[1][0] = str(Decimal(columns[1][0]) * 3)
    path.write_bytes(signed_again(orjson.dumps(document), bytes(view)))


def bad_payment_behind_its_index(path: Path) -> None:
    """Make one payment bad (a text stream id) and the index's checksum match it: only a crafted file does this.

    The index is trusted for the first screen, so this is how the reading of the
    payments after it is shown to refuse a damaged payment all the same.
    """
    from tenfold.store.payment_index import split_payments

    prefix, view = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    payments = bytes(view)
    bad = payments.replace(b'"stream_id":1', b'"stream_id":"1"', 1)
    assert bad != payments
    path.write_bytes(signed_again(prefix, bad))
