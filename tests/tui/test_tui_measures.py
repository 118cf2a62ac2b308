"""The ledger that measures, through the real app: expected and overdue payments, filter and sort,
the goal pane's bars and projection, the chart, and the stream form's new fields (drafts included)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Static
from tui_support import NARROW, TODAY, WIDE, Running, open_store, reopen, running, screen_lines, until

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.tui.dialogs.forms import StreamForm
from tenfold.tui.widgets.goal_pane import GoalView
from tenfold.tui.widgets.income_chart import IncomeChart
from tenfold.tui.widgets.ledger_pane import FilterInput, LedgerPane
from tenfold.tui.widgets.virtual_table import VirtualTable

D = Decimal


def tables(t: Running) -> tuple[VirtualTable[Stream], VirtualTable[Payment]]:
    screen = t.app.main_screen
    return screen.query_one("#streams", VirtualTable), screen.query_one("#payments", VirtualTable)


def expected_line(t: Running) -> str:
    widget = t.app.main_screen.query_one("#ledger-expected", Static)
    return str(widget.render()) if widget.display else ""


async def test_a_monthly_stream_is_flagged_overdue_until_its_payment_is_recorded(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("3", "s")
        await t.type("Rent")
        await t.fill(category="rental", cadence="monthly", expected="800")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert expected_line(t) == "", "never paid: nothing is expected yet"
        await t.press("a")
        await t.fill(stream="Rent", on="2026-10-01", amount="800", customer="Tenant A")
        await t.press("ctrl+s")
        # Due 2026-11-01, today is 2026-11-21: 20 days late, past the 7 days of grace.
        streams, payments = tables(t)
        assert streams.get_row_at(0)[0] == "! Rent"
        assert "Overdue: Rent 2026-11-01" in expected_line(t)
        assert payments.get_row_at(0)[3] == "Tenant A"
        await t.press("a")
        await t.fill(stream="Rent", on="2026-11-20", amount="800")
        await t.press("ctrl+s")
        assert streams.get_row_at(0)[0] == "Rent"
        assert expected_line(t) == "Next 30 days 800.00 EUR: Rent 2026-12-20"
        # Deleting that payment brings the flag back: the index follows deletes too.
        await t.press("d", "y")
        assert streams.get_row_at(0)[0] == "! Rent"
        assert t.app.main_screen.ledger_state.builds == 1, "the monthly totals followed; no re-read of payments"
    with reopen(db) as store:
        rent = store.streams()[0]
        assert (rent.cadence, rent.expected, rent.category) == ("monthly", D("800.00"), "rental")
        assert [(p.on, p.customer) for p in store.payments()] == [(date(2026, 10, 1), "Tenant A")]


def seed_payments(db: Path) -> None:
    with open_store(db) as store:
        books = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR"))
        ads = store.add_stream(Stream(0, "Blog ads", "ads", "passive", "EUR"))
        rows = [
            (books, "2026-11-03", "42.50", "October sales", ""),
            (ads, "2026-11-02", "7.10", "", "AdNet"),
            (books, "2026-10-15", "99.00", "bulk order", "Library of Leeds"),
            (ads, "2026-10-02", "5.00", "ebook banner", ""),
            (books, "2026-09-03", "12.00", "", ""),
            (ads, "2025-10-02", "150.00", "sponsor", "Acme"),
        ]
        store.add_payments([Payment(0, s.id, date.fromisoformat(d), D(a), n, c) for s, d, a, n, c in rows])


def amounts(table: VirtualTable[Payment]) -> list[str]:
    return [table.get_row_at(i)[2] for i in range(table.row_count)]


async def test_filter_and_sort_the_payments(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_payments(db)
    async with running(db) as t:
        await t.press("3", "slash")
        pane = t.app.main_screen.query_one(LedgerPane)
        assert pane.query_one(FilterInput).has_focus
        await t.type("ebook")  # the Ebook stream's three, and the ads payment whose note says ebook
        _streams, payments = tables(t)
        assert amounts(payments) == ["42.50 EUR", "99.00 EUR", "5.00 EUR", "12.00 EUR"]
        assert "4 match 'ebook'" in str(pane.border_subtitle)
        await t.press("enter")
        assert payments.has_focus
        await t.press("o")  # largest first, still filtered
        assert amounts(payments) == ["99.00 EUR", "42.50 EUR", "12.00 EUR", "5.00 EUR"]
        await t.press("o")  # by stream (Blog ads first), newest first within
        assert amounts(payments) == ["5.00 EUR", "42.50 EUR", "99.00 EUR", "12.00 EUR"]
        await t.press("o", "slash")  # back to newest first; a new query
        pane.query_one(FilterInput).clear()
        await t.type("2026-10")  # a date prefix
        assert amounts(payments) == ["99.00 EUR", "5.00 EUR"]
        pane.query_one(FilterInput).clear()
        await t.type("acme")  # a customer
        assert amounts(payments) == ["150.00 EUR"]
        await t.press("enter", "a")  # a new payment while filtered: the filter holds
        await t.fill(stream="Blog ads", amount="3", customer="ACME Corp")
        await t.press("ctrl+s")
        assert amounts(payments) == ["3.00 EUR", "150.00 EUR"]
        await t.press("slash", "escape")  # Esc in the filter clears it
        assert payments.row_count == 7 and payments.has_focus
        assert not pane.has_class("-filtering")


def seed_goal_figures(db: Path) -> None:
    """The data of test_projection's hand-checked goal figures, in a file."""
    with open_store(db) as store:
        store.set_goal(Goal("Books pay the rent", D("1500"), "EUR", date(2027, 12, 31), TODAY))
        book = store.add_stream(Stream(0, "Book", "ebook", "passive", "EUR"))
        etf = store.add_stream(Stream(0, "ETF", "dividends", "passive", "USD"))
        job = store.add_stream(Stream(0, "Consulting", "business", "active", "EUR"))
        uk = store.add_stream(Stream(0, "UK shop", "software", "passive", "GBP"))
        store.add_rate(Rate(0, "USD", "EUR", D("0.5"), date(2026, 1, 1)))
        store.add_rate(Rate(0, "USD", "EUR", D("0.8"), date(2026, 9, 15)))
        rows = [
            (book, "2026-05-10", "100"), (book, "2026-06-10", "100"), (book, "2026-07-10", "100"),
            (book, "2026-08-10", "200"), (etf, "2026-08-20", "100"), (book, "2026-09-10", "200"),
            (uk, "2026-09-12", "10"), (book, "2026-10-01", "150"), (book, "2026-10-31", "50"),
            (etf, "2026-10-20", "100"), (job, "2026-10-05", "1000"), (book, "2026-11-02", "30"),
        ]
        store.add_payments([Payment(0, s.id, date.fromisoformat(d), D(a), "") for s, d, a in rows])


async def test_the_goal_pane_shows_bars_gap_and_projection_by_hand(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_goal_figures(db)
    async with running(db) as t:
        text = str(t.app.main_screen.query_one(GoalView).render())
        # October: 200 EUR + 100 USD at 0.8 = 280 EUR, 18.7% of 1,500: 3 of 20 cells.
        assert "Last month   ███░░░░░░░░░░░░░░░░░  19%  280.00 EUR" in text
        # August 250, September 200, October 280: 730 / 3 = 243.33, 16.2%.
        assert "3-mo average ███░░░░░░░░░░░░░░░░░  16%  243.33 EUR" in text
        assert "Gap          1,220.00 EUR a month to go (from 2026-10)" in text
        assert "This month   30.00 EUR so far" in text
        assert ("At +34.5% a month, reached around 2027-05 (2027-04 to 2027-05; rests on 6 full months): "
                "on time for 2027-12.") in " ".join(text.split())
        assert "Not counted, no rate to EUR: 10.00 GBP." in text
        assert any("Last month   ███" in line for line in screen_lines(t.app)), "on screen at 120x40"
        # A new goal redraws the figures without rebuilding the totals.
        await t.press("1", "w")
        await t.fill(amount="2800")
        await t.press("ctrl+s")
        text = str(t.app.main_screen.query_one(GoalView).render())
        assert "Last month   ██░░░░░░░░░░░░░░░░░░  10%  280.00 EUR" in text
        assert t.app.main_screen.ledger_state.builds == 1


async def test_the_chart_replaces_the_tables_and_reads_at_both_sizes(tmp_path: Path) -> None:
    for size in (WIDE, NARROW):
        db = tmp_path / f"{size[0]}.json"
        seed_goal_figures(db)
        async with running(db, size=size) as t:
            await t.press("3", "c")
            pane = t.app.main_screen.query_one(LedgerPane)
            chart = pane.query_one(IncomeChart)
            assert chart.has_focus and not tables(t)[1].display and not tables(t)[0].display
            lines = screen_lines(t.app)
            assert any("Passive income per month, EUR" in line for line in lines)
            assert any("Aug Sep Oct Nov" in line for line in lines), f"month labels at {size}"
            assert any("┤" in line and "─" in line for line in lines), f"the goal line at {size}"
            assert any("Not counted (no rate to EUR): 10.00 GBP" in line for line in lines)
            await t.press("e")  # no row to edit while the chart is shown
            assert t.app.screen is t.app.main_screen
            await t.press("c")
            assert tables(t)[1].has_focus


async def test_stream_form_fields_survive_a_draft_and_an_edit_keeps_the_idea(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        idea = store.add_idea(Idea(0, "home bakers", "a starter that never dies", "a course", "video", TODAY))
        store.add_stream(Stream(0, "Course", "course", "passive", "EUR", "quarterly", D("30.00"), D("500.00"),
                                D("80"), D("2.5"), idea.id))
    async with running(db) as t:
        await t.press("3", "s")
        await t.type("Dividends")
        await t.fill(cadence="quarterly", expected="12,5", upkeep_hours="1")
        await t.press("ctrl+q")
    typed = {"name": "Dividends", "category": "other", "kind": "passive", "currency": "EUR", "cadence": "quarterly",
             "expected": "12,5", "upfront_money": "", "upfront_hours": "", "upkeep_hours": "1", "customers": ""}
    with reopen(db) as store:
        assert store.draft("stream") == typed
    async with running(db) as t:
        await t.press("3", "s")
        assert t.form.values() == typed
        await t.press("ctrl+s")
        assert "dot for cents" in t.error("expected")
        await t.press("escape")
        await t.press("shift+tab", "e")  # the streams table: edit the course
        form = t.form
        assert isinstance(form, StreamForm)
        assert form.values() == {"name": "Course", "category": "course", "kind": "passive", "currency": "EUR",
                                 "cadence": "quarterly", "expected": "30.00", "upfront_money": "500.00",
                                 "upfront_hours": "80", "upkeep_hours": "2.5", "customers": "each"}
        await t.fill(name="Sourdough course", upkeep_hours="3")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        course = next(s for s in store.streams() if s.name == "Sourdough course")
        assert course.idea_id == idea.id, "the form does not show the idea link; an edit keeps it"
        assert (course.cadence, course.expected, course.upfront_money, course.upkeep_hours) == (
            "quarterly", D("30.00"), D("500.00"), D("3.00"))


async def test_twenty_thousand_payments_filter_once_per_pause_and_sort_right(tmp_path: Path) -> None:
    """Counts of work, not timings: typing a word in one go filters once; a sort gives the right rows."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        streams = [store.add_stream(Stream(0, f"Stream {i:03d}", "ebook", "passive", "EUR")) for i in range(200)]
        store.add_payments([
            Payment(0, streams[i % 200].id, date(2016 + i % 10, 1 + i % 12, 1 + i % 28), D(i % 997) + D("0.25"),
                    "royalty" if i % 3 else "", "Acme" if i % 7 == 0 else "")
            for i in range(20_000)
        ])
        everything = store.payments()
        wanted = [p for p in everything if "acme" in p.customer.casefold() or "acme" in p.note]
    async with running(db) as t:
        await t.press("3", "slash")
        pane = t.app.main_screen.query_one(LedgerPane)
        await t.type("acme")
        await t.pilot.pause(0.3)  # the filter waits for a pause in typing with this many payments
        _streams, payments = tables(t)
        # The payments are read once the keyboard is quiet; the filter shows its rows once they are in.
        await until(t, lambda: payments.row_count == len(wanted), seconds=20)
        assert payments.row_count == len(wanted) == 2858
        assert pane._order.scanned == 20_000, "one pass for the whole word, not one per key"
        await t.press("enter", "o")
        top = sorted(wanted, key=lambda p: p.amount, reverse=True)[:3]
        assert [payments.get_row_at(i)[2] for i in range(3)] == [f"{p.amount:,.2f} EUR" for p in top]
        await t.press("a")
        await t.fill(amount="5000", customer="Acme")
        await t.press("ctrl+s")
        assert payments.get_row_at(0)[2] == "5,000.00 EUR", "the new payment, largest and matching, on top"
        assert t.app.main_screen.ledger_state.builds == 1
