"""``tenfold bills``, ``add hours``, ``parts``, ``status --freedom`` and the report's measures, as real processes.

A sample user: a day job (active), an ebook (passive, EUR, 300 EUR and 40 hours up
front) and a rental flat (passive, USD). The clock is pinned with $TENFOLD_TODAY.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.reports.formats import CSV_COLUMNS
from tenfold.store.store import Store

D = Decimal


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": "2027-01-01", "XDG_STATE_HOME": str(tmp_path / "state"), "COLUMNS": "120"}


def run(db: Path, env: dict[str, str], *args: str, today: str | None = None) -> subprocess.CompletedProcess[str]:
    here = {**env, "TENFOLD_TODAY": today} if today else env
    return subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *args],
                          capture_output=True, text=True, env=here, timeout=60, check=False)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def sample(db: Path, env: dict[str, str]) -> Path:
    """The sample user's file, written through the store (the commands under test come after)."""
    with Store.open(db, today=lambda: date(2026, 6, 1)) as store:
        store.set_goal(Goal("Quit the day job", D("2400"), "EUR", date(2028, 12, 31), date(2026, 6, 1)))
        job = store.add_stream(Stream(0, "Day job", "other", "active", "EUR", started_on=date(2020, 1, 1)))
        ebook = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR", upfront_money=D("300"),
                                        upfront_hours=D("40")))
        flat = store.add_stream(Stream(0, "Flat", "rental", "passive", "USD", started_on=date(2026, 9, 1)))
        store.add_rate(Rate(0, "USD", "EUR", D("0.90"), date(2026, 9, 1)))
        store.add_payments([
            *(Payment(0, ebook.id, date(2026, m, 5), D("150"), "", f"Reader {m}") for m in range(7, 13)),
            *(Payment(0, job.id, date(2026, m, 28), D("3200"), "") for m in range(7, 13)),
            *(Payment(0, flat.id, date(2026, m, 1), D("1000"), "", "Tenant") for m in range(10, 13)),
        ])
    return db


def test_bills_set_show_status_and_the_report_measures(tmp_path: Path, env: dict[str, str]) -> None:
    db = sample(tmp_path / "t.json", env)
    assert ok(run(db, env, "bills", "set", "--amount", "2400", "--currency", "EUR", "--savings", "12000",
                  "--hourly-rate", "30")) == (
        "Step 4: bills 2,400.00 EUR a month, savings 12,000.00 EUR, an hour is worth 30.00 EUR\n")
    shown = ok(run(db, env, "bills", "show"))
    # December: 150 EUR + 1000 USD x 0.90 = 1,050 EUR of 2,400 = 43.75%, shown 44% as a goal share would be;
    # Oct-Dec average the same.
    assert "Passive income covered 44% of your 2,400.00 EUR of bills in 2026-12 (1,050.00 EUR)" in shown
    # 12,000 / (2,400 - 1,050) = 8.88 -> 8.8 months.
    assert "Savings 12,000.00 EUR last 8.8 months at today's shortfall of 1,350.00 EUR." in shown
    # Ebook: 300 + 40 h x 30 = 1,500; 900 earned = 60% after 7 months (Jun-Dec), 150 a month: 4 more months.
    assert "Ebook: 60% after 7 months, expected payback 2027-04 at the recent pace" in shown
    assert "Flat:" not in shown  # no up-front cost: no payback line
    status = ok(run(db, env, "status", "--freedom"))
    assert status.endswith(" · freedom 44%\n")
    document = json.loads(ok(run(db, env, "report", "--month", "2026-12", "--format", "json")))
    measures = document["measures"]
    assert measures["freedom"]["share_last_month"] == "0.4375"
    assert measures["freedom"]["savings_months"] == "8.8"
    by_name = {s["name"]: s for s in measures["streams"]}
    assert by_name["Ebook"]["payback"]["expected_month"] == "2027-04"
    assert by_name["Flat"]["payback"] is None
    assert by_name["Flat"]["reach"]["customers"] == 1
    text = ok(run(db, env, "report", "--measures", "only"))
    assert "Measures as of 2027-01-01 (complete months)" in text and "Payback, upkeep and reach" in text
    csv_lines = ok(run(db, env, "report", "--measures", "only", "--format", "csv")).splitlines()
    assert csv_lines[0] == "section,stream,field,value" and "freedom,,share_last_month,0.4375" in csv_lines
    plain_csv = ok(run(db, env, "report", "--format", "csv")).splitlines()
    assert plain_csv[0] == ",".join(CSV_COLUMNS)  # the pivot CSV keeps its columns: no measures in it
    assert all(not line.startswith("freedom") for line in plain_csv)


def test_bad_bills_are_one_line_per_field_and_change_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    db = sample(tmp_path / "t.json", env)
    before = db.read_bytes()
    bad = run(db, env, "bills", "set", "--amount", "-5", "--hourly-rate", "lots")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr == ("tenfold: --amount: The amount must be positive; "
                          "--hourly-rate: 'lots' is not an amount; type digits like 12.50\n")
    first = run(db, env, "bills", "set", "--savings", "100")
    assert first.stderr == "tenfold: --amount: Enter your monthly bills first, e.g. --amount 2400\n"
    assert db.read_bytes() == before
    assert ok(run(db, env, "bills", "show")) == (
        "No bills written yet; step 4: tenfold bills set --amount 2400 --currency EUR\n")


def test_hours_logged_change_income_per_hour_and_bad_dates_are_refused(tmp_path: Path,
                                                                      env: dict[str, str]) -> None:
    db = sample(tmp_path / "t.json", env)
    assert ok(run(db, env, "add", "hours", "--stream", "ebook", "--hours", "1.5", "--date", "2026-12-03",
                  "--note", "answered mail")) == "Logged 1.50 h on Ebook on 2026-12-03\n"
    before = db.read_bytes()
    early = run(db, env, "add", "hours", "--stream", "Ebook", "--hours", "2", "--date", "2026-05-31")
    assert early.stderr == ("tenfold: --date: Ebook began on 2026-06-01: hours before that belong in its "
                            "up-front hours\n")
    future = run(db, env, "add", "hours", "--stream", "Ebook", "--hours", "2", "--date", "2027-01-02")
    assert future.stderr == "tenfold: --date: 2027-01-02 is in the future: log hours once they are spent\n"
    assert db.read_bytes() == before
    with Store.open(db, read_only=True) as store:
        assert [(h.on.isoformat(), str(h.hours), h.note) for h in store.hours()] == [
            ("2026-12-03", "1.50", "answered mail")]
    document = json.loads(ok(run(db, env, "report", "--month", "2026-12", "--format", "json")))
    ebook = next(s for s in document["streams"] if s["name"] == "Ebook")
    # December: 150 EUR over 1.5 logged hours = 100.00 an hour.
    assert (ebook["income_per_upkeep_hour"], ebook["upkeep_hours_from"]) == ("100.00", "logged")


def test_parts_are_rated_and_the_weakest_named(tmp_path: Path, env: dict[str, str]) -> None:
    db = sample(tmp_path / "t.json", env)
    said = ok(run(db, env, "parts", "--stream", "Ebook", "--creation", "4", "--delivery", "3", "--payment", "2"))
    assert said == ("Ebook: creation 4 · delivery 3 · payment 2. Weakest: Payment (2/5). How could paying be "
                    "easier, or happen again (a subscription, a bundle, a second product)?\n")
    again = ok(run(db, env, "parts", "--stream", "Ebook", "--payment", "5"))
    assert again.startswith("Ebook: creation 4 · delivery 3 · payment 5. Weakest: Value delivery (3/5).")
    bad = run(db, env, "parts", "--stream", "Ebook", "--delivery", "9")
    assert bad.stderr == "tenfold: --delivery: Rate it 1 to 5 (1 weak · 3 works · 5 strong), or leave it blank\n"
    assert run(db, env, "parts", "--idea", "99").stderr == "tenfold: --idea: There is no idea 99\n"


def test_the_monthly_review_ends_with_the_measures(tmp_path: Path, env: dict[str, str]) -> None:
    db = sample(tmp_path / "t.json", env)
    ok(run(db, env, "bills", "set", "--amount", "2400", "--hourly-rate", "30"))
    text = ok(run(db, env, "review", "--month", "--date", "2026-12-31"))
    assert "## The measures, as of 2027-01-01 (complete months)" in text
    assert "Passive income covered 44% of your 2,400.00 EUR of bills in 2026-12" in text
    assert "- Ebook: payback: 60% after 7 months, expected payback 2027-04 at the recent pace" in text
    assert "- Flat: how passive: no upkeep hours; reach: reached 1 in 2026-12" in text


def test_the_json_export_carries_bills_hours_and_parts(tmp_path: Path, env: dict[str, str]) -> None:
    db = sample(tmp_path / "t.json", env)
    ok(run(db, env, "bills", "set", "--amount", "2400", "--savings", "100.5"))
    ok(run(db, env, "add", "hours", "--stream", "Flat", "--hours", "2", "--date", "2026-12-01"))
    ok(run(db, env, "parts", "--stream", "Flat", "--payment", "4"))
    data = json.loads(ok(run(db, env, "export", "--format", "json")))
    assert data["bills"] == {"currency": "EUR", "bills": "2400.00", "savings": "100.50", "hourly_rate": None}
    assert [(h["on"], h["hours"]) for h in data["hours"]] == [("2026-12-01", "2.00")]
    assert [(p["target"], p["payment"]) for p in data["parts"]] == [("stream", 4)]


def test_units_typed_on_a_payment_are_deliveries_in_the_reach_figure(tmp_path: Path, env: dict[str, str]) -> None:
    db = sample(tmp_path / "t.json", env)
    bad = run(db, env, "add", "payment", "--stream", "Ebook", "--amount", "20", "--units", "two")
    assert bad.returncode != 0 and bad.stderr == (
        "tenfold: units: 'two' is not a number of units; type a whole number, e.g. 3\n")
    ok(run(db, env, "add", "payment", "--stream", "Ebook", "--amount", "45", "--date", "2026-12-20",
           "--customer", "Bakery school", "--units", "3"))
    document = json.loads(ok(run(db, env, "report", "--month", "2026-12", "--format", "json")))
    by_name = {s["name"]: s for s in document["measures"]["streams"]}
    assert by_name["Ebook"]["reach"]["deliveries"] == 3
    assert by_name["Ebook"]["reach"]["text"] == "reached 2 in 2026-12 (3 delivered)"
    assert by_name["Flat"]["reach"]["deliveries"] is None
    with Store.open(db, read_only=True) as store:
        assert sorted(p.units for p in store.payments() if p.units) == [3]


def _reordered(db: Path, target: Path) -> Path:
    """The file with its first payment's keys written in reverse order, as another program might."""
    document = json.loads(db.read_bytes())
    payments = document["payments"]
    first = next(iter(payments))
    payments[first] = dict(reversed(list(payments[first].items())))
    target.write_text(json.dumps(document), encoding="utf-8")
    target.chmod(0o600)
    return target


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_the_report_is_the_same_with_its_index_without_it_and_with_a_record_the_index_search_misses(
        tmp_path: Path, env: dict[str, str], fmt: str) -> None:
    db = sample(tmp_path / "t.json", env)
    ok(run(db, env, "bills", "set", "--amount", "2400", "--currency", "EUR", "--hourly-rate", "30"))
    with Store.open(db, today=lambda: date(2027, 1, 1)) as store:  # a refund and a sale in pounds, without a rate
        ebook = next(s for s in store.streams() if s.name == "Ebook")
        store.add_payments([Payment(0, ebook.id, date(2026, 12, 9), D("-20"), "", "reader 12", refund=True),
                            Payment(0, ebook.id, date(2026, 12, 10), D("12.50"), "", "READER 12 ", currency="GBP")])
    want = ok(run(db, env, "report", "--format", fmt))
    assert "Ebook" in want
    other = _reordered(db, tmp_path / "other.json")
    assert ok(run(other, env, "report", "--format", fmt)) == want
    # Saved again by Tenfold, the file has a matching index over a record in the other order: the
    # search for the month's payments does not find it, and the report reads every payment instead.
    with Store.open(other, today=lambda: date(2027, 1, 1)) as store:
        freedom = store.freedom
        assert freedom is not None
        store.set_freedom(freedom)
    assert ok(run(other, env, "report", "--format", fmt)) == want
    assert ok(run(other, env, "report", "--measures", "only", "--format", fmt)) == ok(
        run(db, env, "report", "--measures", "only", "--format", fmt))
