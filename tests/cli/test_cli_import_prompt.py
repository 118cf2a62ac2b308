"""``tenfold import FILE`` asks before it writes: the question does not keep the data file locked.

A real ``tenfold import`` process waits at its question while this test, as the
app open on the same file would, saves a change. The import then goes ahead if
its plan is still what the preview showed, and refuses if another import or an
edited stream changed it meanwhile.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

from cli_support import TODAY, process_env, read, run_tenfold, seed

from tenfold.domain.steps import StepState
from tenfold.store.store import Store

CSV = "date,stream,amount,note\n2026-11-01,Royalties,10.00,Kindle\n2026-11-02,Royalties,2.5,\n"


@contextmanager
def asking(db: Path, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``tenfold import`` started on a CSV and waiting at its question; killed if the test leaves it there."""
    source = tmp_path / "sales.csv"
    source.write_text(CSV, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "tenfold", "--db", str(db), "import", str(source)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=process_env(tmp_path))
    try:
        assert process.stdout is not None
        shown, deadline = b"", time.monotonic() + 60
        while b"Import them into" not in shown:
            assert time.monotonic() < deadline, f"no question after 60 s: {shown!r}"
            ready, _, _ = select.select([process.stdout], [], [], 1)
            if ready:
                chunk = os.read(process.stdout.fileno(), 4096)
                assert chunk, f"the import ended before asking: {shown!r} {process.stderr.read()!r}"  # type: ignore[union-attr]
                shown += chunk
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def answer(process: subprocess.Popen[bytes], text: str) -> tuple[int, str, str]:
    out, err = process.communicate(text.encode(), timeout=60)
    return process.returncode, out.decode(), err.decode()


def test_the_file_can_be_saved_while_the_import_asks_and_the_import_then_goes_ahead(tmp_path: Path) -> None:
    db = seed(tmp_path / "tenfold.json")
    with asking(db, tmp_path) as process:
        with Store.open(db, lock_wait=0, today=lambda: date.fromisoformat(TODAY)) as store:  # as the app saves
            store.set_step(StepState(1, date(2026, 11, 20), "ebooks about sourdough"))
        code, out, err = answer(process, "y\n")
    assert code == 0, err
    assert "Imported 2 payments" in out
    with read(db) as store:
        assert store.steps()[0].notes == "ebooks about sourdough", "the change saved meanwhile is kept"
        assert sorted(p.amount for p in store.payments()) == [Decimal("2.50"), Decimal("10.00"), Decimal("12.50"),
                                                              Decimal("400.00")]


def test_an_import_that_changed_meanwhile_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    """The same file imported with --yes in another terminal while the first import asks."""
    db = seed(tmp_path / "tenfold.json")
    with asking(db, tmp_path) as process:
        other = run_tenfold(db, process_env(tmp_path), "import", str(tmp_path / "sales.csv"), "--yes")
        assert other.returncode == 0 and "Imported 2 payments" in other.stdout, other.stderr
        before = db.read_bytes()
        code, _out, err = answer(process, "y\n")
    assert code == 1
    assert err.count("\n") == 1 and "changed while you decided" in err and "nothing imported" in err, err
    assert db.read_bytes() == before, "the payments are not imported twice"
