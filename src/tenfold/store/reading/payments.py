"""Reading a file's payments after it was opened with their index (:mod:`tenfold.store.payment_index`).

The app opens a big file without parsing its payments, draws the first screen from
the index, then reads them here on a thread. The thread only parses and validates:
the store takes the result in on its own thread (:meth:`PaymentsReader.result`),
so nothing the screen reads changes under it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import orjson

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment
from tenfold.store.file.document import is_table
from tenfold.store.gcpause import no_gc
from tenfold.store.opening import Deferred
from tenfold.store.reading.loading import validate_payments

Result = tuple[dict[int, Payment], dict[str, Any]]
"""The payments by id, and the parsed table as it goes back into the document."""


def parse_payments(path: Path, payments_json: bytes | memoryview) -> dict[str, Any]:
    """Parse a payments table; DamagedFileError (naming ``path``) if it is not a table of records."""
    try:
        with no_gc():
            rows = orjson.loads(payments_json)
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(
            path, f"is not valid JSON, perhaps truncated ({exc}); it was left as it is"
        ) from None
    if not is_table(rows):
        raise DamagedFileError(path, "does not have the shape of a Tenfold file; it was left as it is")
    # No check for a key listed twice: these are the bytes the index's fingerprint was
    # taken of, which Tenfold wrote from a dict, where no key can be listed twice.
    return rows


class PaymentsReader:
    """The payments of one deferred open: read on a thread once started, or here when asked first."""

    def __init__(self, path: Path, deferred: Deferred) -> None:
        self.path = path
        self._json: bytes | memoryview | None = deferred.payments_json
        """Dropped once parsed: 7.6 MB that would otherwise sit beside the records (peak memory)."""
        self._thread: threading.Thread | None = None
        self._result: Result | BaseException | None = None

    def _read(self, stream_ids: Collection[int]) -> Result:
        """Parse once; a failure is kept, so every later call raises it again."""
        if self._result is not None:
            if isinstance(self._result, BaseException):
                raise self._result
            return self._result
        data, self._json = self._json, None
        assert data is not None
        try:
            rows = parse_payments(self.path, data)
            del data  # the last hold on the file's 10 MB: freed before 100,000 records are built
            with no_gc():
                self._result = validate_payments(self.path, rows, set(stream_ids)), rows
        except BaseException as exc:
            self._result = exc
            raise
        return self._result

    def start(self, stream_ids: Collection[int], done: Callable[[], None]) -> None:
        """Read on a daemon thread; ``done`` is called from it afterwards, whatever happened."""
        if self._thread is not None:
            return
        ids = list(stream_ids)

        def work() -> None:
            try:
                self._read(ids)
            except BaseException:  # kept, and raised on the store's thread by result()
                pass
            finally:
                done()

        self._thread = threading.Thread(target=work, name="tenfold-payments", daemon=True)
        self._thread.start()

    def result(self, stream_ids: Collection[int]) -> Result:
        """The payments: waits for the thread, or reads them now if it was never started."""
        if self._thread is not None:
            self._thread.join()
        return self._read(stream_ids)
