"""The screen's ledger state: built once, kept in step with the store's changes, rebuilt when unsure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import LedgerSummary
from tenfold.domain.streams import Stream
from tenfold.figures.expected import Expected
from tenfold.figures.goal_figures import MonthIncome
from tenfold.store.store import Store
from tenfold.tui.widgets.ledger_text import payment_cells, render_expected, render_summary, stream_cells
from tenfold.views.ledger_state import LedgerState, LedgerView, chart_currency

TODAY = date(2026, 11, 21)
D = Decimal


def view_of(state: LedgerState, store: Store) -> LedgerView:
    return state.view(store.streams(), store.payments(), store.rates(), store.goal, TODAY)


def test_changes_follow_without_a_rebuild_and_match_a_fresh_state(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=lambda: TODAY) as store:
        store.set_goal(Goal("Rent", D("1000"), "EUR", date(2027, 12, 31), TODAY))
        rent = store.add_stream(Stream(0, "Rent", "rental", "passive", "EUR", "monthly", D("800")))
        book = store.add_stream(Stream(0, "Book", "ebook", "passive", "EUR"))
        state = LedgerState()
        assert view_of(state, store).sparks == {rent.id: "·" * 12, book.id: "·" * 12}
        first = store.add_payment(Payment(0, rent.id, date(2026, 10, 1), D("800"), ""))
        state.added([first])
        view = view_of(state, store)
        assert view.overdue == {rent.id}
        assert view.goal is not None and view.goal.last_month.amount == D("800")
        second = store.add_payment(Payment(0, book.id, date(2026, 11, 2), D("12.50"), ""))
        state.added([second])
        moved = Payment(first.id, rent.id, date(2026, 11, 15), D("750"), "")
        old = store.payment(first.id)
        store.update_payment(moved)
        state.replaced(old, moved)
        view = view_of(state, store)
        assert view.overdue == frozenset()
        assert dict(view.this_month) == {rent.id: D("750"), book.id: D("12.50")}
        assert view.sparks[rent.id] == "·" * 11 + "█"
        store.delete_stream(book.id)
        state.stream_removed(book.id)
        view = view_of(state, store)
        assert state.builds == 1
        assert view == view_of(LedgerState(), store), "kept figures equal freshly built ones"
        # A change the state was not told of (an import, say) is caught by the count.
        store.add_payments([Payment(0, rent.id, date(2026, 9, 1), D("1"), "")])
        view_of(state, store)
        assert state.builds == 2
        # A payment it never counted is not guessed at: the next view rebuilds.
        state.removed(Payment(999, rent.id, date(2020, 1, 1), D("1"), ""))
        assert state.index is None


def test_chart_currency() -> None:
    streams = [Stream(1, "A", "ebook", "passive", "USD"), Stream(2, "B", "ebook", "passive", "USD"),
               Stream(3, "C", "ebook", "passive", "EUR"), Stream(4, "D", "business", "active", "GBP")]
    assert chart_currency(None, streams) == "USD"
    assert chart_currency(None, []) == "EUR"
    assert chart_currency(Goal("x", D("1"), "GBP", TODAY, TODAY), streams) == "GBP"


def test_expected_line_names_three_and_counts_the_rest() -> None:
    def e(sid: int, name: str, due: str, amount: str | None, overdue: bool = False) -> Expected:
        s = Stream(sid, name, "ebook", "passive", "USD" if sid == 5 else "EUR", "monthly")
        return Expected(s, date.fromisoformat(due), None if amount is None else D(amount), overdue)

    items = [e(1, "Late", "2026-11-01", "10", True), e(2, "A", "2026-11-25", "100"), e(3, "B", "2026-11-26", None),
             e(4, "C", "2026-12-01", "50"), e(5, "D", "2026-12-05", "20")]
    assert str(render_expected(items)) == (
        "! Overdue: Late 2026-11-01 (due; record it with a)\n"
        "Next 30 days 150.00 EUR + 20.00 USD (+1 without an expected amount): "
        "A 2026-11-25, B 2026-11-26, C 2026-12-01 +1 more"
    )
    assert str(render_expected([])) == ""


def test_cells_and_summary() -> None:
    rent = Stream(1, "Rent", "rental", "passive", "EUR")
    assert stream_cells(rent, {1: D("5")}, {1: "·▁"}, frozenset({1})) == ("! Rent", "passive", "5.00 EUR", "·▁")
    assert payment_cells(Payment(1, 1, TODAY, D("3"), "", "Acme"), {1: rent}) == (
        "2026-11-21", "Rent", "3.00 EUR", "Acme")
    assert payment_cells(Payment(1, 9, TODAY, D("3"), "n", "Acme"), {}) == ("2026-11-21", "?", "3.00", "n · Acme")
    summary = LedgerSummary({"EUR": D("10"), "USD": D("4")}, {}, {"EUR": D("10"), "USD": D("4")}, {})
    goal = Goal("x", D("100"), "EUR", TODAY, TODAY)
    converted = MonthIncome((2026, 11), D("13.20"), {})
    assert str(render_summary(summary, goal, True, converted)).endswith("Passive toward goal 13.20 EUR of 100.00 EUR")
    apart = MonthIncome((2026, 11), D("10"), {"USD": D("4")})
    assert str(render_summary(summary, goal, True, apart)).endswith("(not counted, no rate: 4.00 USD)")
