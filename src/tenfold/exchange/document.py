"""Everything in the data file as one plain document, for backups and other tools.

Money stays exact (Decimal written as a string) and dates are ISO, exactly as in
the data file, so an export can be read back without rounding. Kept free of click
and Textual so the app can offer the same export.

Besides JSON, the payments can be written as a plain-text accounting journal that
hledger and ledger-cli both read (:func:`journal_text`), so a user can check
Tenfold's sums with those tools or keep their books there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold import __version__
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.steps import step_info
from tenfold.domain.streams import Stream
from tenfold.domain.text import count_of
from tenfold.exchange.identity import export_id, identities
from tenfold.exchange.parse_money import minor_units
from tenfold.exchange.prices import market_prices, price_text
from tenfold.exchange.progress import Progress, tracked
from tenfold.store.schema import SCHEMA_VERSION
from tenfold.store.store import Store

EXPORT_VERSION = 2
"""Bumped when the export's own shape changes, independently of the data file."""


def export_document(store: Store, today: date, progress: Progress | None = None) -> dict[str, Any]:
    """Goal, steps, streams, payments, rates, ideas, check-ins, bills, hours and parts as JSON-ready values."""
    streams = {s.id: s for s in store.streams()}
    return {
        "tenfold_export": {
            "export_version": EXPORT_VERSION,
            "schema_version": SCHEMA_VERSION,
            "app_version": __version__,
            "exported_on": today.isoformat(),
        },
        "goal": store.goal.to_store() if store.goal else None,
        "steps": [{**s.to_store(), "title": step_info(s.number).title} for s in store.steps()],
        "streams": [{"id": s.id, **s.to_store()} for s in streams.values()],
        "payments": [
            {
                "id": p.id,
                "date": p.on.isoformat(),
                "stream_id": p.stream_id,
                "stream": streams[p.stream_id].name,
                "amount": str(p.amount),
                "currency": p.currency or streams[p.stream_id].currency,
                "note": p.note,
                "customer": p.customer,
                "fee": None if p.fee is None else str(p.fee),
                "refund": p.refund,
                "refund_of": p.refund_of,
                "source": p.source,
                "external_id": p.external_id,
                **({} if p.units is None else {"units": p.units}),
            }
            for p in tracked(sorted(store.payments(), key=lambda p: (p.on, p.id)), progress)
        ],
        "rates": [{"id": r.id, **r.to_store()} for r in sorted(store.rates(), key=lambda r: (r.on, r.id))],
        "ideas": [{"id": i.id, **i.to_store()} for i in sorted(store.ideas(), key=lambda i: (i.written_on, i.id))],
        "checkins": sorted(d.isoformat() for d in store.checkins()),
        "bills": store.freedom.to_store() if store.freedom else None,
        "hours": [{"id": h.id, **h.to_store()} for h in store.hours()],
        "parts": [{"id": p.id, **p.to_store()} for p in store.parts_ratings()],
    }


# ----- the ledger journal ---------------------------------------------------------

RECEIVED_ACCOUNT = "assets:received"
"""Where every payment lands; the other side of each transaction is the stream's income account."""

_ACCOUNT_PUNCTUATION = frozenset(" -_.&+'/")
_PLAIN_COMMODITY = re.compile(r"^[A-Za-z]+$")
_CENTS = Decimal("0.01")
_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters and line or paragraph separators: they would end or break a line."""


def _account_part(name: str, fallback: str) -> str:
    """A stream name made safe as one segment of an account name, for both tools.

    Both tools end an account name at two spaces or a tab, split it at ``:``, read
    ``;`` as a comment and brackets or parentheses at the start as virtual postings,
    so only letters, digits, marks and a little plain punctuation are kept; anything
    else becomes ``-`` and runs of white space become one space.
    """
    text = unicodedata.normalize("NFC", name)
    kept = "".join(
        " " if ch.isspace() else ch if ch in _ACCOUNT_PUNCTUATION or unicodedata.category(ch)[0] in "LNM" else "-"
        for ch in text
    )
    return " ".join(kept.split()) or fallback


def journal_accounts(streams: Iterable[Stream], prefix: str = "") -> dict[int, str]:
    """The income account of each stream: ``income:<kind>:<name>``, unique per stream.

    Two names can clean up to the same account ("Books: EU" and "Books- EU"); the
    later stream (by id) then gets its id appended, so their money never merges.
    """
    accounts: dict[int, str] = {}
    taken: set[str] = set()
    for stream in sorted(streams, key=lambda s: s.id):
        part = _account_part(stream.name, f"stream {stream.id}")
        account = f"{prefix}income:{_account_part(stream.kind, 'other')}:{part}"
        if account in taken:
            account = f"{account}-{stream.id}"
        taken.add(account)
        accounts[stream.id] = account
    return accounts


def _description(text: str) -> str:
    """One line of free text that neither tool can mistake for a comment or a field."""
    return " ".join(_BREAKING.sub(" ", text).replace(";", ",").split())


def _commodity(currency: str) -> str:
    """ISO codes are plain letters; anything else is quoted, which both tools accept."""
    if _PLAIN_COMMODITY.match(currency):
        return currency
    quoted = currency.replace('"', "").strip()
    return f'"{quoted}"' if quoted else "XXX"


def _amount(value: Decimal) -> str:
    """Exact decimal text with at least two places and no thousands separators.

    Separators would make both tools guess which mark is the decimal point.
    """
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        value = value.quantize(_CENTS)
    return format(value, "f")


def account_prefix(text: str) -> str:
    """``--account-prefix``: cleaned account segments and a final ``:``, or "" for none."""
    parts = [_account_part(part, "") for part in text.split(":")]
    parts = [p for p in parts if p]
    return ":".join(parts) + ":" if parts else ""


def _tag(value: str) -> str:
    """A tag's value: one line, and no comma (hledger ends a tag's value at a comma)."""
    return " ".join(_description(value).replace(",", " ").split())


def _commodity_lines(code: str, places: int) -> tuple[str, str]:
    """A commodity's declaration and its display format: values converted into it show its decimals."""
    number = "1000" + ("." + "0" * places if places else "")
    return f"commodity {_commodity(code)}", f"    format {number} {_commodity(code)}"


def journal_text(streams: Iterable[Stream], payments: Iterable[Payment], exported_on: date,
                 rates: Iterable[Rate] = (), prefix: str = "", progress: Progress | None = None) -> str:
    """Payments as a journal: one balanced transaction per payment, oldest first.

    Income is credited (negative) to ``income:<kind>:<stream>`` and debited to
    :data:`RECEIVED_ACCOUNT`, in the payment's own currency; nothing is converted.
    The payment id is the transaction code and a ``payment`` tag, the customer a
    ``customer`` tag, an imported payment's source id an ``id`` tag, so a line can
    be traced back. The exchange rates are ``P`` lines in both directions
    (:mod:`tenfold.exchange.prices`), so ``hledger --value=end,EUR`` and
    ``ledger -X EUR`` convert as ``tenfold report`` does. Commodities and accounts
    are declared up front, so ``hledger check --strict`` and ``ledger --pedantic``
    accept the file too. ``prefix`` (``--account-prefix``) goes before every account.
    """
    by_id = {s.id: s for s in streams}
    accounts = journal_accounts(by_id.values(), prefix)
    received = prefix + RECEIVED_ACCOUNT
    prices = market_prices(rates)
    ordered = sorted(payments, key=lambda p: (p.on, p.id))
    payees = {s.id: _description(s.name).replace("|", "/") or f"stream {s.id}" for s in by_id.values()}
    commodities = {s.id: _commodity(s.currency) for s in by_id.values()}
    places: dict[str, int] = {}
    for p in ordered:
        code = p.currency or by_id[p.stream_id].currency
        exponent = p.amount.as_tuple().exponent
        shown = max(2, -exponent if isinstance(exponent, int) else 2)
        places[code] = max(places.get(code, minor_units(code)), shown)
    for _d, a, b, _p in prices:
        for code in (a, b):
            places.setdefault(code, minor_units(code))
    for stream in by_id.values():
        places.setdefault(stream.currency, minor_units(stream.currency))
    lines = [
        "; Tenfold income ledger, readable by hledger and ledger-cli.",
        f"; Exported {exported_on.isoformat()} by Tenfold {__version__}: "
        f"{count_of(len(ordered), 'payment')} from {count_of(len(by_id), 'stream')}.",
        "; Income accounts are credited (negative), as in double-entry bookkeeping;",
        f"; the money received is in {received}. Each payment keeps its own currency;",
        "; the P lines are your exchange rates, each way round, for --value / -X.",
        "",
        *(line for code in sorted(places, key=_commodity) for line in _commodity_lines(code, places[code])),
        "",
        *(f"P {day.isoformat()} {_commodity(a)} {price_text(price)} {_commodity(b)}" for day, a, b, price in prices),
        *([""] if prices else []),
        *(f"account {accounts[s.id]}" for s in sorted(by_id.values(), key=lambda s: accounts[s.id])),
        f"account {received}",
        "",
        "tag payment",
        "tag customer",
        "tag id",
        "",
    ]
    identity = identities(ordered, by_id)
    for p in tracked(ordered, progress):
        note = _description(p.note)
        commodity = _commodity(p.currency) if p.currency else commodities[p.stream_id]
        lines.append(f"{p.on.isoformat()} ({p.id}) {payees[p.stream_id]}" + (f" | {note}" if note else ""))
        lines.append(f"    ; payment: {p.id}")
        if p.customer.strip() and _tag(p.customer):
            lines.append(f"    ; customer: {_tag(p.customer)}")
        if p.external_id and not p.external_id.startswith("~"):
            lines.append(f"    ; id: {_tag(export_id(identity[p.id]))}")
        amount = _amount(p.amount)
        credited = amount[1:] if amount.startswith("-") else f"-{amount}"
        lines.append(f"    {accounts[p.stream_id]}  {credited} {commodity}")
        lines.append(f"    {received}  {amount} {commodity}")
        lines.append("")
    return "\n".join(lines)
