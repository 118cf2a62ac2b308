"""The data file's bytes as a TinyDB document: read only from a regular file, parsed, checked.

Anything that is not a TinyDB document - not JSON, the wrong shape, a key listed
twice, not a regular file at all - is refused with DamagedFileError, and the file
is left as it is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, TypeGuard

import orjson

from tenfold.domain.errors import DamagedFileError, StoreError
from tenfold.store.file.duplicates import check_document
from tenfold.store.gcpause import no_gc
from tenfold.store.schema import FLAT_TABLES, OBJECT_LISTS, Document

FILE_KINDS = {
    stat.S_IFIFO: "fifo", stat.S_IFSOCK: "socket", stat.S_IFCHR: "character device", stat.S_IFBLK: "block device",
    stat.S_IFDIR: "folder",
}


def not_a_file(path: Path, mode: int) -> DamagedFileError:
    """The refusal of a data file that is a FIFO, a device or a socket: reading one may wait for ever."""
    kind = FILE_KINDS.get(stat.S_IFMT(mode), "special file")
    return DamagedFileError(
        path, f"is not a regular file (a {kind}), so it is not a Tenfold file; it was left as it is"
    )


def read_regular(path: Path) -> bytes:
    """The bytes of ``path``, which must be a regular file; DamagedFileError for anything else.

    Opened without blocking and checked before the first read: a FIFO put where the
    data file goes would otherwise hang every command until something wrote into it.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_a_file(path, mode)
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    finally:
        os.close(fd)


def load_document(path: Path) -> Document:
    """Read and parse the data file, refusing anything that is not a TinyDB document."""
    return parse_document(path, read_document(path))


def read_document(path: Path) -> bytes:
    """The data file's bytes; StoreError naming ``path`` when they cannot be read."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        raise StoreError(path, "does not exist") from None
    except IsADirectoryError:
        raise StoreError(path, "is a folder, not a data file") from None
    except PermissionError:
        raise StoreError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise StoreError(path, f"cannot be read: {exc.strerror}") from None


def parse_document(path: Path, raw: bytes, *, records_unchecked: str | None = None) -> Document:
    """The data file's bytes parsed, refusing anything that is not a TinyDB document (:func:`load_document`).

    ``records_unchecked``: a table whose records the caller checks itself, one by one, as it reads them
    (it must still be an object): the check here would be one more pass over 100,000 payments.
    """
    if not raw.strip():
        raise DamagedFileError(path, "is empty (0 bytes), so it is not a Tenfold file; it was left as it is")
    try:
        with no_gc():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise not_json(path, raw, exc) from None
    if not has_document_shape(data, records_unchecked):
        raise DamagedFileError(path, "does not have the shape of a Tenfold file; it was left as it is")
    check_document(path, raw, data, FLAT_TABLES, OBJECT_LISTS)
    return data


def not_json(path: Path, raw: bytes | memoryview, exc: orjson.JSONDecodeError, *,
             whole: bool = True) -> DamagedFileError:
    """The error for bytes that do not parse: a byte that is no UTF-8 at all (a file saved by another editor in
    another encoding) is named as such; orjson's own words for it speak of surrogates. ``whole``: ``raw`` is the
    whole file, so a position in it is a position in the file."""
    try:
        bytes(raw).decode("utf-8")  # only on this path of failure: a full decode costs what a parse does
    except UnicodeDecodeError as bad:
        where = f"byte {bad.start + 1:,}" if whole else "a byte among its payments"
        return DamagedFileError(path, f"is not UTF-8 text: {where} is not part of any character "
                                      "(saved in another encoding?); it was left as it is")
    return DamagedFileError(path, f"is not valid JSON, perhaps truncated ({exc}); it was left as it is")


def has_document_shape(data: object, records_unchecked: str | None = None) -> TypeGuard[Document]:
    """Whether parsed JSON is a TinyDB document: an object of tables, each an object of records
    (the table ``records_unchecked`` an object of anything)."""
    if records_unchecked is None:
        return type(data) is dict and all(map(is_table, data.values()))
    return type(data) is dict and all(
        type(table) is dict if name == records_unchecked else is_table(table) for name, table in data.items()
    )


def is_table(data: object) -> TypeGuard[dict[str, dict[str, Any]]]:
    """Whether parsed JSON is one table: an object of records, each an object.

    JSON gives exact types, so ``type(x) is dict`` is the isinstance check; map() keeps
    the check of 100,000 records in C, where a generator expression would take longer
    than the rest of the check together.
    """
    return type(data) is dict and set(map(type, data.values())) <= {dict}
