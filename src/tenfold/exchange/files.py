"""One export, whichever way it is asked for: the text of each format, and writing it to a file.

The command line (``tenfold export``) and the app's "Export…" dialog both go
through here, so they write the same bytes and refuse the same paths with the
same words: never the data file itself, never into a folder that does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Sized
from pathlib import Path

from tenfold.domain.errors import FieldError
from tenfold.domain.text import count_of
from tenfold.exchange.beancount import beancount_text
from tenfold.exchange.document import account_prefix, export_document, journal_text
from tenfold.exchange.plain import markdown_document, payments_csv
from tenfold.exchange.progress import Progress
from tenfold.store.file.atomic import atomic_write
from tenfold.store.store import Store

EXPORT_FORMATS = ("csv", "json", "markdown", "ledger", "beancount")
SUFFIXES = {"csv": ".csv", "json": ".json", "markdown": ".md", "ledger": ".journal", "beancount": ".beancount"}


def _what(payments: Sized, streams: Sized) -> str:
    return f"{count_of(len(payments), 'payment')} from {count_of(len(streams), 'stream')}"


def export_text(
    store: Store, fmt: str, account_prefix_text: str = "", progress: Progress | None = None
) -> tuple[str, str]:
    """The export in ``fmt`` and a few words on what it holds ("3 payments from 2 streams").

    ``progress`` is told how many payments are written so far (:mod:`tenfold.exchange.progress`).
    """
    streams, payments = store.streams(), store.payments()
    if fmt == "ledger":
        text = journal_text(streams, payments, store.today(), store.rates(), account_prefix(account_prefix_text),
                            progress)
        return text, _what(payments, streams)
    if fmt == "beancount":
        text = beancount_text(streams, payments, store.today(), store.rates(), account_prefix_text, progress)
        return text, _what(payments, streams)
    if fmt == "csv":
        return payments_csv(streams, payments, progress), _what(payments, streams)
    ideas = store.ideas()
    summary = (f"{count_of(len(payments), 'payment')}, {count_of(len(streams), 'stream')} and "
               f"{count_of(len(ideas), 'idea')}")
    if fmt == "markdown":
        return markdown_document(goal=store.goal, steps=store.steps(), streams=streams, payments=payments,
                                 rates=store.rates(), ideas=ideas, exported_on=store.today(),
                                 progress=progress), summary
    if fmt == "json":
        document = export_document(store, store.today(), progress)
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n", summary
    raise FieldError("format", f"Choose one of: {', '.join(EXPORT_FORMATS)}")


def write_export(target: Path, text: str, field: str = "path") -> None:
    """Write ``text`` to ``target`` (private, mode 0600); a crash never leaves half an export."""
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise FieldError(field, f"{target}: cannot be written: {exc.strerror}") from None
