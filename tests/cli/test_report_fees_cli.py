"""``tenfold report`` shows the platform fees of an imported Stripe file: real processes, with and without the index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tenfold.store.schema import PAYMENT_INDEX

SAMPLE = Path(__file__).parent.parent / "fixtures" / "imports" / "stripe_balance.csv"


def tenfold(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


@pytest.mark.parametrize("with_index", [True, False])
def test_report_json_and_text_carry_the_fees_of_an_imported_file(tmp_path: Path, with_index: bool) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    env = {**clean, "TENFOLD_TODAY": "2024-04-20", "XDG_STATE_HOME": str(tmp_path / "state"), "COLUMNS": "100"}
    db = tmp_path / "t.json"
    done = tenfold(db, env, "import", str(SAMPLE), "--yes", "--create-streams", "passive", "--stream", "Course")
    assert done.returncode == 0, done.stderr
    assert tenfold(db, env, "add", "rate", "--from", "USD", "--to", "EUR", "--rate", "0.5",
                   "--date", "2024-01-01").returncode == 0
    if not with_index:
        document = orjson.loads(db.read_bytes())
        assert PAYMENT_INDEX in document
        del document[PAYMENT_INDEX]
        db.write_bytes(orjson.dumps(document))
    out = tenfold(db, env, "report", "--month", "2024-03", "--format", "json")
    assert out.returncode == 0, out.stderr
    streams = {s["name"]: s for s in json.loads(out.stdout)["streams"]}
    # Counted by hand: USD fees 1.72 + 1.72 + 0.00 (refund) + 35.10 (the 1,200.00 charge); EUR 1.14 + 15.00.
    usd, eur = streams["Course (USD)"], streams["Course"]
    assert (usd["fees"], usd["refunds"], usd["refunded"]) == ("38.54", 1, "-49.00")
    assert usd["fees_converted"] == "19.27"
    assert eur["fees"] == eur["fees_converted"] == "16.14"
    assert json.loads(out.stdout)["totals"]["fees"] == "35.41"
    text = tenfold(db, env, "report", "--month", "2024-03")
    assert text.returncode == 0, text.stderr
    assert "Fees and refunds" in text.stdout and "38.54" in text.stdout and "1 (-49.00)" in text.stdout
    assert "Platform fees kept over the period: 35.41 EUR" in text.stdout
