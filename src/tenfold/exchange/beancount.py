"""The payments as a Beancount ledger, which ``bean-check`` accepts and Fava shows.

Beancount is stricter than hledger and ledger: accounts start with a root
(``Income``, ``Assets``) and each part with a capital letter or a digit, in
plain letters, digits and dashes; every account is opened before it is used;
commodities are capitals. Names are made to fit (``Bücher für Kinder`` becomes
``Bucher-fur-Kinder``), kept distinct per stream, and the payment's id,
customer and source id are kept as metadata. The exchange rates are ``price``
entries in both directions (:mod:`tenfold.exchange.prices`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from tenfold import __version__
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.domain.text import count_of
from tenfold.exchange.identity import export_id, identities
from tenfold.exchange.prices import market_prices, price_text
from tenfold.exchange.progress import Progress, tracked

_PART = re.compile(r"[^A-Za-z0-9-]+")
_COMMODITY = re.compile(r"^[A-Z][A-Z0-9'._-]{0,22}[A-Z0-9]$")


def _part(text: str, fallback: str) -> str:
    """One account component: ASCII letters, digits and dashes, starting with a capital or a digit."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    part = _PART.sub("-", plain).strip("-")
    part = re.sub(r"-{2,}", "-", part)
    if not part:
        return fallback
    return part[0].upper() + part[1:] if part[0].isalpha() else part


def _commodity(code: str) -> str:
    return code if _COMMODITY.match(code) else "XXX"


def _string(text: str) -> str:
    """A double-quoted Beancount string on one line."""
    one_line = " ".join(text.split())
    return '"' + one_line.replace("\\", "\\\\").replace('"', '\\"') + '"'


def beancount_accounts(streams: Iterable[Stream], prefix: str = "") -> dict[int, str]:
    """``Income:[Prefix:]<Kind>:<Name>`` for each stream, distinct even when two names clean up alike."""
    middle = ":".join(_part(p, "") for p in prefix.split(":") if _part(p, ""))
    root = "Income:" + (middle + ":" if middle else "")
    accounts: dict[int, str] = {}
    taken: set[str] = set()
    for stream in sorted(streams, key=lambda s: s.id):
        account = f"{root}{_part(stream.kind, 'Other')}:{_part(stream.name, f'Stream-{stream.id}')}"
        if account in taken:
            account = f"{account}-{stream.id}"
        taken.add(account)
        accounts[stream.id] = account
    return accounts


def beancount_text(streams: Iterable[Stream], payments: Iterable[Payment], exported_on: date,
                   rates: Iterable[Rate] = (), prefix: str = "", progress: Progress | None = None) -> str:
    """Every payment as a balanced transaction, oldest first, in its own currency."""
    by_id = {s.id: s for s in streams}
    accounts = beancount_accounts(by_id.values(), prefix)
    middle = ":".join(_part(p, "") for p in prefix.split(":") if _part(p, ""))
    received = "Assets:" + (middle + ":" if middle else "") + "Received"
    ordered = sorted(payments, key=lambda p: (p.on, p.id))
    prices = market_prices(rates)
    opened = min([p.on for p in ordered] + [d for d, *_ in prices], default=exported_on)
    lines = [
        f"; Tenfold income ledger for Beancount, exported {exported_on.isoformat()} by Tenfold {__version__}:",
        f"; {count_of(len(ordered), 'payment')} from {count_of(len(by_id), 'stream')}. "
        "Income is negative, as Beancount counts it.",
        'option "title" "Tenfold income"',
        "",
        *(f"{opened.isoformat()} open {accounts[s.id]}" for s in sorted(by_id.values(), key=lambda s: accounts[s.id])),
        f"{opened.isoformat()} open {received}",
        "",
        *(f"{day.isoformat()} price {_commodity(a)} {price_text(price)} {_commodity(b)}"
          for day, a, b, price in prices),
        *([""] if prices else []),
    ]
    identity = identities(ordered, by_id)
    for p in tracked(ordered, progress):
        stream = by_id[p.stream_id]
        commodity = _commodity(p.currency or stream.currency)
        lines.append(f"{p.on.isoformat()} * {_string(stream.name)} {_string(p.note)}")
        lines.append(f'  payment: "{p.id}"')
        if p.customer.strip():
            lines.append(f"  customer: {_string(p.customer)}")
        lines.append(f"  id: {_string(export_id(identity[p.id]))}")
        amount = format(p.amount, "f")
        credited = amount[1:] if amount.startswith("-") else f"-{amount}"
        lines.append(f"  {accounts[p.stream_id]}  {credited} {commodity}")
        lines.append(f"  {received}  {amount} {commodity}")
        lines.append("")
    return "\n".join(lines)
