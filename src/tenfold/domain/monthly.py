"""Totals per month and stream, built once and then kept up to date payment by payment.

With 100,000 payments, summing them again after each save is what made the
ledger feel slow. :class:`MonthlyIndex` reads every payment once when the app
opens; after that the screen tells it what the store changed (a payment added,
edited or deleted, a stream deleted) and the figures follow in constant time.
It holds sums, never payments, and never writes anything: the store stays the
only writer.

Sums are kept per *account* (:mod:`tenfold.domain.accounts`): a stream's own
currency, or one of the other currencies its payments came in. Where totals of
different streams meet (a month's passive income), they are kept per currency;
:mod:`tenfold.figures.goal_figures` converts them with the user's rates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.domain.accounts import Totals, account_key, split_account
from tenfold.domain.dates import previous_month
from tenfold.domain.ledger import Payment


@dataclass(frozen=True)
class LedgerSummary:
    """The figures the ledger pane shows at the top."""

    this_month: Totals
    last_month: Totals
    passive_this_month: Totals
    passive_last_month: Totals


Month = tuple[int, int]
"""(year, month)."""
Columns = tuple[list[int], list[Decimal], list[int]]
"""A month's stream ids, their totals and their numbers of payments, in step."""


@dataclass(frozen=True)
class Extras:
    """What an account's payments of one month carry beside their amounts: fees kept and refunds given.

    ``fees`` counts the payments with a fee recorded, so a stream whose platform
    keeps nothing (or says nothing) is told apart from one whose fees sum to 0.
    """

    fee: Decimal = Decimal(0)
    fees: int = 0
    refunded: Decimal = Decimal(0)
    refunds: int = 0

    def __bool__(self) -> bool:
        return bool(self.fees or self.refunds)

    def plus(self, payment: Payment, sign: int = 1) -> Extras:
        """These extras with ``payment`` counted in (``sign`` -1: taken out)."""
        has_fee = payment.fee is not None
        return Extras(
            self.fee + sign * (payment.fee or _ZERO), self.fees + sign * has_fee,
            self.refunded + sign * (payment.amount if payment.refund else _ZERO), self.refunds + sign * payment.refund,
        )

_ZERO = Decimal(0)


def months_back(month: Month, count: int) -> list[Month]:
    """``count`` months ending with ``month``, oldest first."""
    out = [month]
    for _ in range(count - 1):
        out.append(previous_month(*out[-1]))
    out.reverse()
    return out


def month_index(month: Month) -> int:
    """Months since year 0: subtracting two of these counts the months between."""
    return month[0] * 12 + month[1] - 1


def arrived(payment: Payment) -> bool:
    """Whether ``payment`` is money that reached you: a positive amount, not a refund.

    Only such a payment is a stream's last payment, which dates the next one due: a
    refund recorded a week after the royalties is money going back, and must not move
    their next date a week on (nor hide that they are late).
    """
    return payment.amount > 0 and not payment.refund


class MonthlyIndex:
    """Per (year, month) and stream: the sum and the number of payments; each stream's last payment
    (the last one that :func:`arrived`)."""

    def __init__(self) -> None:
        self._totals: dict[Month, dict[int, Decimal]] = {}
        self._counts: dict[Month, dict[int, int]] = {}
        self._extras: dict[Month, dict[int, Extras]] = {}
        """Only the accounts whose payments carry a fee or are refunds: most carry neither."""
        self._last: dict[int, date] = {}
        self._stale: set[int] = set()
        """Streams whose latest payment went; their last date is looked up again when asked."""
        self.count = 0
        """Payments counted: the screen compares it with the store's to catch changes made elsewhere."""
        self.changed: set[Month] = set()
        """Months changed since the owner last looked (the store re-serialises only those)."""
        self.folds: dict[Month, dict[str | None, Totals]] = {}
        """Months folded into currencies (:func:`tenfold.domain.folds.folded`); a change forgets its month's."""
        self.folds_for: list[tuple[int, str, str]] = []
        """The streams (id, currency, kind) :attr:`folds` were made with."""

    @classmethod
    def build(cls, payments: Iterable[Payment]) -> MonthlyIndex:
        """The index of ``payments``, in one pass."""
        index = cls()
        for payment in payments:
            index.add(payment)
        return index

    # ----- following the store's changes ------------------------------------------------

    def add(self, payment: Payment) -> None:
        """Count a payment the store has just saved."""
        key = (payment.on.year, payment.on.month)
        sums = self._totals.get(key)
        if sums is None:
            sums = self._totals[key] = {}
            self._counts[key] = {}
        self.changed.add(key)
        if self.folds:
            self.folds.pop(key, None)
        sid = payment.stream_id
        account = account_key(sid, payment.currency) if payment.currency else sid
        sums[account] = sums.get(account, _ZERO) + payment.amount
        counts = self._counts[key]
        counts[account] = counts.get(account, 0) + 1
        if payment.fee is not None or payment.refund:
            extras = self._extras.setdefault(key, {})
            extras[account] = extras.get(account, Extras()).plus(payment)
        last = self._last.get(sid)
        if (last is None or payment.on > last) and arrived(payment):
            self._last[sid] = payment.on
        self.count += 1

    def remove(self, payment: Payment) -> None:
        """Forget a payment the store has just deleted (or the old version of an edited one)."""
        key = (payment.on.year, payment.on.month)
        sid = payment.stream_id
        account = account_key(sid, payment.currency)
        counts = self._counts.get(key)
        if counts is None or account not in counts:
            raise KeyError(f"payment {payment.id} was never counted")
        self.changed.add(key)
        self.folds.pop(key, None)
        if payment.fee is not None or payment.refund:
            self._forget_extras(key, account, payment)
        counts[account] -= 1
        if counts[account] == 0:
            del counts[account]
            del self._totals[key][account]
            if not counts:
                del self._counts[key], self._totals[key]
        else:
            self._totals[key][account] -= payment.amount
        if self._last.get(sid) == payment.on and arrived(payment):
            self._stale.add(sid)
        self.count -= 1

    def _forget_extras(self, key: Month, account: int, payment: Payment) -> None:
        extras = self._extras.get(key, {})
        left = extras.get(account, Extras()).plus(payment, -1)
        if left:
            extras[account] = left
        else:
            extras.pop(account, None)
            if not extras:
                self._extras.pop(key, None)

    def replace(self, old: Payment, new: Payment) -> None:
        """An edited payment: the old version out, the new one in."""
        self.remove(old)
        self.add(new)

    def drop_stream(self, stream_id: int) -> None:
        """A deleted stream took its payments along (in every currency)."""
        self.folds.clear()
        for key in list(self._counts):
            counts = self._counts[key]
            for account in [a for a in counts if a == stream_id or (a < 0 and split_account(a)[0] == stream_id)]:
                gone = counts.pop(account)
                self.changed.add(key)
                self.count -= gone
                del self._totals[key][account]
                self._extras.get(key, {}).pop(account, None)
            if not counts:
                del self._counts[key], self._totals[key]
                self._extras.pop(key, None)
        self._last.pop(stream_id, None)
        self._stale.discard(stream_id)

    # ----- kept in the data file (tenfold.store.payment_index) -------------------------------

    @classmethod
    def restore(cls, months: Mapping[Month, Columns], last: Mapping[int, date],
                extras: Mapping[Month, Mapping[int, Extras]] | None = None) -> MonthlyIndex:
        """An index as :meth:`cells`, :meth:`extras` and :meth:`last_paid` gave it when it was saved."""
        index = cls()
        for month, cells in (extras or {}).items():
            if cells:
                index._extras[month] = dict(cells)
        for month, (sids, totals, counts) in months.items():
            if sids:
                index._totals[month] = dict(zip(sids, totals, strict=True))
                index._counts[month] = dict(zip(sids, counts, strict=True))
                index.count += sum(counts)
        index._last = dict(last)
        return index

    @classmethod
    def adopt(cls, totals: dict[Month, dict[int, Decimal]], counts: dict[Month, dict[int, int]],
              extras: dict[Month, dict[int, Extras]], last: dict[int, date]) -> MonthlyIndex:
        """The index :meth:`build` would give, from sums made elsewhere in its shape (taken, not copied).

        ``totals`` and ``counts`` have the same months and accounts, with no empty month; ``extras`` only
        the accounts that have any. Every month counts as changed, as after :meth:`build`.
        """
        index = cls()
        index._totals, index._counts, index._extras, index._last = totals, counts, extras, last
        index.count = sum(sum(cells.values()) for cells in counts.values())
        index.changed = set(totals)
        return index

    def cells(self, month: Month) -> dict[int, tuple[Decimal, int]]:
        """Each stream's (total, number of payments) in ``month``."""
        counts = self._counts.get(month, {})
        return {sid: (total, counts[sid]) for sid, total in self._totals.get(month, {}).items()}

    def extras(self, month: Month) -> Mapping[int, Extras]:
        """Fees and refunds of ``month``, by account key, for the accounts that have any (do not change it)."""
        return self._extras.get(month, {})

    # ----- reading -------------------------------------------------------------------

    def month(self, month: Month) -> Mapping[int, Decimal]:
        """Each stream's total in ``month``, by stream id, and by account key for other currencies (do not change it).

        Look a stream up by its id for its own currency; fold the whole month with :func:`by_currency`.
        """
        return self._totals.get(month, {})

    def months(self) -> list[Month]:
        """The months that have payments, oldest first."""
        return sorted(self._totals)

    def stream_ids(self) -> set[int]:
        """The streams that have payments (in any currency)."""
        return {a if a >= 0 else split_account(a)[0] for counts in self._counts.values() for a in counts}

    def series(self, stream_id: int, months: Sequence[Month]) -> list[Decimal]:
        """A stream's total in each of ``months`` (0 where it had none)."""
        return [self._totals.get(m, {}).get(stream_id, _ZERO) for m in months]

    def first_month(self, stream_ids: Iterable[int]) -> Month | None:
        """The earliest month in which any of ``stream_ids`` was paid."""
        wanted = set(stream_ids)
        for key in self.months():
            if any((a if a >= 0 else split_account(a)[0]) in wanted for a in self._totals[key]):
                return key
        return None

    def last_paid(self, newest_first: Sequence[Payment]) -> dict[int, date]:
        """Each stream's latest payment date (refunds skipped: :func:`arrived`).

        After the latest payment of a stream was deleted or moved, its new latest
        one is found by reading the store's newest-first list from the top until
        every such stream turns up: usually a few rows, one pass at worst.
        """
        if self._stale:
            self._resolve(newest_first)
        return dict(self._last)

    def _resolve(self, newest_first: Sequence[Payment]) -> None:
        for sid in self._stale:
            self._last.pop(sid, None)
        missing = {sid for sid in self._stale if self._has_payments(sid)}
        self._stale.clear()
        for payment in newest_first:
            if not missing:
                break
            if payment.stream_id in missing and arrived(payment):
                self._last[payment.stream_id] = payment.on
                missing.discard(payment.stream_id)

    def _has_payments(self, stream_id: int) -> bool:
        return any(a == stream_id or (a < 0 and split_account(a)[0] == stream_id)
                   for counts in self._counts.values() for a in counts)

