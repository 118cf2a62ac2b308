"""A newcomer's first report, as real processes: unknown shares, the recent average, no growth from nothing.

The ledger of the notes' first month: an ebook (EUR, first paid 2026-11-28), a Udemy
course paid in dollars with no rate yet, and consulting (active). Today is 2027-01-07.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.reports.formats import CSV_COLUMNS
from tenfold.store.store import Store

D = Decimal


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "try.json"
    with Store.open(path, today=lambda: date(2027, 1, 3)) as store:
        store.set_goal(Goal("1,000 EUR a month", D("1000"), "EUR", date(2027, 12, 31), date(2027, 1, 3)))
        ebook = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR", "monthly", D("120"),
                                        upkeep_hours=D("2")))
        udemy = store.add_stream(Stream(0, "Udemy course", "course", "passive", "USD", "monthly", D("200"),
                                        upkeep_hours=D("3")))
        job = store.add_stream(Stream(0, "Consulting", "business", "active", "EUR"))
        store.set_freedom(Freedom("EUR", D("2000")))
        store.add_payments([
            Payment(0, ebook.id, date(2026, 11, 28), D("110.00"), ""),
            Payment(0, udemy.id, date(2026, 12, 15), D("200.00"), ""),
            Payment(0, job.id, date(2026, 12, 20), D("400.00"), ""),
            Payment(0, ebook.id, date(2026, 12, 28), D("95.40"), ""),
        ])
    return path


def run(db: Path, tmp_path: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    env.update(TENFOLD_TODAY="2027-01-07", XDG_STATE_HOME=str(tmp_path / "state"), COLUMNS="120")
    result = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *args],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


def test_a_share_with_no_rate_is_unknown_in_every_format(db: Path, tmp_path: Path) -> None:
    text = run(db, tmp_path, "report", "--month", "2026-12", "--measures", "none")
    udemy = next(line for line in text.splitlines() if "Udemy course" in line)
    assert udemy.rstrip(" │").endswith("–") and "0.0%" not in udemy
    december = next(line for line in text.splitlines() if line.startswith("│ 2026-12 "))
    total = next(line for line in text.splitlines() if "Total 2026-12" in line)
    assert "│ – │" in " ".join(december.split()) and "│ – │" in " ".join(total.split())
    assert "– Share unknown: part of that income has no rate into EUR" in " ".join(text.split())

    doc = json.loads(run(db, tmp_path, "report", "--month", "2026-12", "--format", "json", "--measures", "none"))
    shares = {s["name"]: s["share_of_passive"] for s in doc["streams"]}
    assert shares == {"Consulting": None, "Ebook royalties": "1.0000", "Udemy course": None}
    assert doc["totals"]["passive_share"] is None
    assert [m["passive_share"] for m in doc["months"]] == ["1.0000", None]  # November had no dollars

    md = run(db, tmp_path, "report", "--month", "2026-12", "--format", "markdown", "--measures", "none")
    assert "| Udemy course | passive | USD | - | 200.00 | – |" in md
    assert "| **Total** | 495.40 | 95.40 | – | 200.00 USD |" in md

    rows = list(csv.reader(io.StringIO(run(db, tmp_path, "report", "--month", "2026-12", "--format", "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS and all(len(row) == len(CSV_COLUMNS) for row in rows)


def test_the_measures_average_only_the_recorded_months_and_claim_no_growth_from_before(
        db: Path, tmp_path: Path) -> None:
    doc = json.loads(run(db, tmp_path, "report", "--format", "json", "--measures", "only"))["measures"]
    freedom = doc["freedom"]
    assert (freedom["passive_3_month_average"], freedom["average_months"]) == ("102.70", 2)
    assert freedom["share_3_month_average"] == "0.0514"
    ebook = next(s for s in doc["streams"] if s["name"] == "Ebook royalties")["upkeep"]
    assert ebook["income_per_hour"] == "51.35" and ebook["income_per_hour_before"] is None
    assert ebook["text"] == "51.35 EUR/h (estimate)" and ebook["months"] == 2
    text = " ".join(run(db, tmp_path, "report", "--measures", "only").split())
    assert "on the 2-month average (102.70 EUR)" in text and "up from 0.00" not in text
