"""A platform's payouts in a money account's file, once the platform's own file is in the ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.exchange.payouts import imported_platforms, payout_of


def imported(source: str) -> Payment:
    return Payment(1, 1, date(2024, 3, 1), Decimal("10"), "", source=source)


def test_a_platform_is_named_by_whole_words_in_the_payer_or_the_description() -> None:
    platforms = imported_platforms([imported("paypal"), imported("appstore"), imported("bank")], "bank")
    assert sorted(platforms) == ["Apple", "PayPal"]
    assert payout_of(platforms, "", "PAYPAL *TRANSFER 123") == "PayPal"
    assert payout_of(platforms, "Apple Distribution International", "") == "Apple"
    assert payout_of(platforms, "Applewood Rentals", "paypalish") is None


def test_the_file_being_imported_is_not_its_own_platform() -> None:
    """Wise's statement imported again: its credits naming Wise are money received, not Wise's payouts; a bank
    file's credits from Wise are (the Wise balance moved to the bank)."""
    ledger = [imported("wise-history"), imported("stripe-payouts")]
    assert sorted(imported_platforms(ledger, "wise")) == ["Stripe"]
    assert sorted(imported_platforms(ledger, "bank")) == ["Stripe", "Wise"]


def test_every_bank_profile_is_an_account_whose_credits_may_be_payouts() -> None:
    """A bank profile added later (the Dutch one was) belongs among the accounts payouts arrive in."""
    from tenfold.exchange.payouts import ACCOUNTS
    from tenfold.exchange.profiles import PROFILES

    banks = {p.name for p in PROFILES if p.negative_reason == "outgoing bank debits"}
    assert banks and banks <= ACCOUNTS
