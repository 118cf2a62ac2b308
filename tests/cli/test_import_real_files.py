"""Files as banks and platforms really write them, through a real ``python -m tenfold import`` process.

Each case is a layout a user met that an earlier version read wrongly: the totals
are counted by hand from the file (what reached the user, per currency), and
the profile the header picks is checked where a look-alike once took it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import read

IMPORTS = Path(__file__).parent.parent / "fixtures" / "imports"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": "2024-04-20", "XDG_STATE_HOME": str(tmp_path / "state")}


def tenfold(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def totals(db: Path) -> dict[str, Decimal]:
    store = read(db)
    streams = {s.id: s for s in store.streams()}
    out: defaultdict[str, Decimal] = defaultdict(Decimal)
    for p in store.payments():
        out[p.currency or streams[p.stream_id].currency] += p.amount
    return dict(out)


def test_a_bank_file_of_date_description_amount_skips_its_debits(tmp_path: Path, env: dict[str, str]) -> None:
    """Date, Description, Amount are AdSense's three columns too; a bank's rows are not AdSense's earnings.

    Read as AdSense, the two debits (-889.99) were counted against the credits as deductions.
    """
    db = tmp_path / "t.json"
    done = tenfold(db, env, "import", str(IMPORTS / "bank_plain.csv"), "--stream", "Bank",
                   "--create-streams", "passive", "--yes")
    assert done.returncode == 0, done.stderr
    assert "(profile bank)" in done.stdout
    assert "outgoing bank debits: 2" in done.stdout
    assert totals(db) == {"USD": Decimal("1562.40")}
