"""Reading a file for a command that needs only sums: every record but the payments, and their index.

``tenfold report`` adds up each stream's months. A file Tenfold saved keeps those
sums in its payments' index (:mod:`tenfold.store.payment_index`), checked against the
payments' exact bytes, so the report need not build 100,000 payments to add them
up again. A file without a matching index is read in full, as before, and the sums
are made from its payments: the result is the same either way (tested).
"""

from __future__ import annotations

from pathlib import Path

from tenfold.domain.monthly import MonthlyIndex
from tenfold.store import schema
from tenfold.store.opening import read_without_payments
from tenfold.store.reading.loading import Contents, read_contents, validate_document


def read_with_index(path: Path) -> tuple[Contents, MonthlyIndex]:
    """Every record but the payments (validated as the store does), and the payments' monthly index.

    ``Contents.payments`` is empty when the index answered; otherwise it holds every
    payment and the index is built from them. Raises StoreError (or a subclass)
    naming ``path`` when the file cannot be used; nothing is written.
    """
    split = read_without_payments(path)
    if split is None:
        contents = read_contents(path)
        return contents, MonthlyIndex.build(contents.payments.values())
    document, _signature, deferred = split
    contents = validate_document(path, document, schema.SCHEMA_VERSION, payments=False)
    return contents, deferred.index.monthly
