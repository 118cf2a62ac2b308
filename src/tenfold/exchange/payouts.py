"""Money counted twice: a platform's payout in a bank file, when the platform's own file was imported.

A seller who imports PayPal's activity and then the bank statement finds PayPal's
transfers among the bank's credits: the same money, counted once as each sale
and again as the payout. So when the ledger holds payments imported from a
platform's file, a bank or money account file's credits that name that platform
(in the payer or the description) are skipped, and the preview says why. A user
who counts income only as it reaches the bank imports only the bank's file, and
every credit counts.

The other way round (the bank's file first, then the platform's) nothing already
saved is touched: the preview warns that the ledger's bank credits naming the
platform may be the same money (:func:`counted_from_the_bank`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.money import format_totals
from tenfold.domain.text import count_of
from tenfold.exchange.identity import family

ACCOUNTS = frozenset({"bank", "bank-de", "bank-nl", "bank-us", "revolut", "wise", "wise-history"})
"""Profiles of files that list money arriving in an account, where platforms' payouts show up as credits."""

PLATFORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "paypal": ("PayPal", ("paypal",)),
    "stripe": ("Stripe", ("stripe",)),
    "stripe-payments": ("Stripe", ("stripe",)),
    "stripe-payouts": ("Stripe", ("stripe",)),
    "revolut": ("Revolut", ("revolut",)),
    "wise": ("Wise", ("wise", "transferwise")),
    "gumroad": ("Gumroad", ("gumroad",)),
    "kdp": ("Amazon", ("amazon", "kdp")),
    "associates": ("Amazon", ("amazon",)),
    "distrokid": ("DistroKid", ("distrokid",)),
    "patreon": ("Patreon", ("patreon",)),
    "youtube": ("Google", ("google", "youtube")),
    "adsense": ("Google", ("google", "adsense")),
    "googleplay": ("Google", ("google",)),
    "appstore": ("Apple", ("apple",)),
    "etsy": ("Etsy", ("etsy",)),
    "kofi": ("Ko-fi", ("ko-fi", "kofi")),
    "lemonsqueezy": ("Lemon Squeezy", ("lemon squeezy", "lemonsqueezy")),
    "udemy": ("Udemy", ("udemy",)),
    "bandcamp": ("Bandcamp", ("bandcamp",)),
    "airbnb": ("Airbnb", ("airbnb",)),
}
"""A platform's file (profile name) -> the platform's name, and the words its payouts carry in a bank file."""


def imported_platforms(payments: Iterable[Payment], importing: str) -> dict[str, re.Pattern[str]]:
    """The platforms whose own files the ledger holds payments from, but the one being imported (a Wise file's
    credits naming Wise are not Wise's payouts): name -> the pattern of its words."""
    sources = {family(p.source) for p in payments if p.source} - {family(importing)}
    words: dict[str, list[str]] = {}
    for source in sources:
        if source in PLATFORMS:
            name, said = PLATFORMS[source]
            words.setdefault(name, []).extend(said)
    return {name: _whole_words(said) for name, said in words.items()}


def _whole_words(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


def payout_of(platforms: dict[str, re.Pattern[str]], *texts: str) -> str | None:
    """The platform a bank credit's payer or description names, among ``platforms``; None for any other."""
    text = " ".join(texts).casefold()
    return next((name for name, pattern in platforms.items() if pattern.search(text)), None)


def reason(name: str) -> str:
    """The preview's words for the credits skipped as ``name``'s payouts."""
    return f"payouts from {name}, whose own file you imported (its sales are counted from it)"


def counted_from_the_bank(source: str, payments: Iterable[Payment], stream_currency: dict[int, str]) -> str | None:
    """A warning when the ledger's credits from a bank file name the platform whose file ``source`` is."""
    if source not in PLATFORMS:
        return None
    name, said = PLATFORMS[source]
    pattern = _whole_words(said)
    totals: dict[str, Decimal] = {}
    count = 0
    for p in payments:
        if family(p.source) in ACCOUNTS and p.amount > 0 and pattern.search(f"{p.customer} {p.note}".casefold()):
            count += 1
            currency = p.currency or stream_currency.get(p.stream_id, "")
            totals[currency] = totals.get(currency, Decimal(0)) + p.amount
    if not count:
        return None
    names, they, them = ("names", "it is", "it") if count == 1 else ("name", "they are", "them")
    return (f"{count_of(count, 'payment')} imported from a bank file {names} {name} ({format_totals(totals)}): "
            f"if {they} {name}'s payouts, this file counts the same money again; delete {them}, or keep one of "
            "the two files")
