"""The app on a data file that used to crash it or hang it: the recovery offer, then the backup opens.

As at a real start (tenfold.startup.run_app): opening the file raises
DamagedFileError naming the problem; the choice screen shows it with the newest
good backup; choosing to open it sets the bad file aside untouched and puts the
backup in its place.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import orjson
import pytest
from cli_support import seed

from tenfold.domain.errors import DamagedFileError
from tenfold.startup import Context, open_store
from tenfold.store.recovery import describe_age, find_newest_good_backup, recover_from_backup
from tenfold.store.store import Store
from tenfold.tui.recovery_app import RecoveryApp


def fifo(db: Path) -> None:
    db.unlink()
    os.mkfifo(db, 0o600)


def huge_id(db: Path) -> None:
    document = orjson.loads(db.read_bytes())
    document["payments"]["9" * 30] = document["payments"].pop("1")
    db.write_bytes(orjson.dumps(document))


def huge_amount(db: Path) -> None:
    document = orjson.loads(db.read_bytes())
    document["payments"]["1"]["amount"] = "1e999999999"
    db.write_bytes(orjson.dumps(document))


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (fifo, "is not a regular file (a fifo)"),
    "30-digit id": (huge_id, "damaged record in payments (id 999"),
    "1e999999999": (huge_amount, "out of range"),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_the_offer_is_made_and_the_backup_opens(tmp_path: Path, case: str) -> None:
    make, says = CASES[case]
    db = seed(tmp_path / "t.json")
    with Store.open(db, today=lambda: date(2026, 11, 2)) as store:  # a later day's save keeps a good backup
        store.tick(1, date(2026, 11, 2))
    make(db)
    with pytest.raises(DamagedFileError) as caught:
        open_store(Context(path=db), raise_damaged=True)
    assert says in str(caught.value) and "\n" not in str(caught.value)
    found = find_newest_good_backup(db)
    assert found is not None
    backup, age = found
    app = RecoveryApp(str(caught.value), backup, describe_age(age))
    async with app.run_test() as pilot:
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert says in text and backup.name in text
        await pilot.press("o")
    assert app.return_value is True
    kept = recover_from_backup(db, backup)
    assert stat.S_ISFIFO(kept.lstat().st_mode) if case == "fifo" else kept.is_file()
    with Store.open(db, read_only=True) as store:
        assert len(store.payments()) == 2


@pytest.mark.parametrize("case", list(CASES))
def test_opened_while_the_app_is_imported_the_file_fails_the_same_way(tmp_path: Path, case: str) -> None:
    """The program reads the file on a thread while it imports the app (tenfold.startup.open_while): the same
    DamagedFileError reaches the recovery offer, after the imports ran."""
    from tenfold.startup import open_while

    make, says = CASES[case]
    db = seed(tmp_path / "t.json")
    make(db)
    ran: list[bool] = []
    with pytest.raises(DamagedFileError) as caught:
        open_while(Context(path=db), lambda: ran.append(True))
    assert says in str(caught.value) and ran == [True]


def test_opened_while_the_app_is_imported_a_good_file_is_the_store_open_store_gives(tmp_path: Path) -> None:
    from tenfold.startup import open_while

    db = seed(tmp_path / "t.json")
    with open_store(Context(path=db)) as alone:
        expected = ([s.name for s in alone.streams()], alone.payment_count(), alone.goal)
    ran: list[bool] = []
    with open_while(Context(path=db), lambda: ran.append(True)) as store:
        assert ran == [True]
        assert ([s.name for s in store.streams()], store.payment_count(), store.goal) == expected
        with pytest.raises(SystemExit):  # the lock is held: a second writer is refused in one line
            open_while(Context(path=db), lambda: None)
