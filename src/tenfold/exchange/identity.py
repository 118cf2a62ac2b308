"""Which payment is which across imports and exports: by the source's id, never by look-alike.

A payment from a source with transaction ids (PayPal, Stripe, Gumroad...) is
that id, within its source (``paypal:5TY...``). A payment with none (typed by
hand, a KDP royalty line, a bank credit) is named by what it is - date, stream,
amount, currency, customer, note - and *which one* of the payments that look
the same it is (``tenfold:~3f9a...-2``), so two real 49.00 sales on the same day
with the same note are two identities, and stay two through an export and back.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream

OWN = "tenfold"
"""The source of payments typed by hand, and of rows from a CSV that names none."""

ContentKey = tuple[str, date, str, Decimal, str, str, str]
"""(source family, date, stream name folded, amount, currency, customer, note)."""


SAME_IDS = {"wise-history": "wise"}
"""Profiles that read two exports of one account, whose rows carry the same transaction ids: a transfer in
Wise's statement and in its transaction history is one payment, whichever file brought it first."""


def family(source: str) -> str:
    """Sources whose ids can meet: a payment typed by hand ("") and Tenfold's own CSV are one family."""
    return SAME_IDS.get(source, source) or OWN


def has_real_id(payment: Payment) -> bool:
    """A source's own transaction id, not one made up from the payment's content."""
    return bool(payment.external_id) and not payment.external_id.startswith("~")


def content_key(source: str, on: date, stream: str, amount: Decimal, currency: str, customer: str,
                note: str) -> ContentKey:
    """What an id-less payment is, for counting look-alikes of one source."""
    return (family(source), on, stream.casefold(), amount, currency, customer.strip(), note.strip())


def payment_content(p: Payment, streams: Mapping[int, Stream]) -> ContentKey:
    """A stored payment's content key."""
    stream = streams.get(p.stream_id)
    name, currency = (stream.name, p.currency or stream.currency) if stream else (str(p.stream_id), p.currency)
    return content_key(p.source, p.on, name, p.amount, currency, p.customer, p.note)


def _digest(key: ContentKey) -> str:
    text = "|".join(str(part) for part in key[1:])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def identities(payments: Iterable[Payment], streams: Mapping[int, Stream]) -> dict[int, tuple[str, str]]:
    """Every payment's (source family, id): its source's id, or ``~<content>-<n>``, the n-th look-alike by id."""
    out: dict[int, tuple[str, str]] = {}
    groups: defaultdict[tuple[str, str], list[Payment]] = defaultdict(list)
    for p in sorted(payments, key=lambda p: p.id):
        if p.external_id:
            out[p.id] = (family(p.source), p.external_id)
        else:
            groups[(family(p.source), _digest(payment_content(p, streams)))].append(p)
    taken = set(out.values())
    for (fam, digest), members in groups.items():
        n = 0
        for p in members:
            n += 1
            while (fam, f"~{digest}-{n}") in taken:  # a look-alike imported from an export holds that number
                n += 1
            out[p.id] = (fam, f"~{digest}-{n}")
    return out


def export_id(identity: tuple[str, str]) -> str:
    """``paypal:5TY...`` / ``tenfold:~3f9a...-1``: one column that keeps the source with the id."""
    return f"{identity[0]}:{identity[1]}"


def split_export_id(text: str, default_source: str) -> tuple[str, str]:
    """(source, id) from an exported id; text with no ``source:`` part is an id of ``default_source``."""
    source, sep, rest = text.partition(":")
    if sep and rest and source and source.replace("-", "").isalnum() and source.islower():
        return source, rest
    return default_source, text
