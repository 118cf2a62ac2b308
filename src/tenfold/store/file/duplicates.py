"""Refusing a file that lists a key twice in one object: a JSON reader would silently keep one.

JSON does not forbid ``{"7": {...}, "7": {...}}``, and orjson keeps the last of the
two; a sync tool's merge or a hand edit can leave such a file. Taking it in would
drop the other record at the next save without a word, so the file is refused like
any other damaged file.

Checking every key with Python's ``json`` costs several times orjson's parse, so
it runs only when cheap counts say it may be needed. Every record is an object,
and every object starts with ``{``: in a file that lists no key twice, the number
of ``{`` in its bytes equals the number of objects in the parsed document, which
is cheap to count (tables whose records hold no object need only their length).
A key listed twice leaves its dropped object's ``{`` in the bytes only. When the
counts differ for another reason - a ``{`` inside a text, a field holding an
object where none is expected - the parsed document is written out again with
orjson and its ``{`` counted: texts and all, only a dropped object is missing
there. Only when that differs too does the exact check run, and it names the key.

This catches a record or a table listed twice, which is how a record would be
lost; a field listed twice inside one record is not looked for.
"""

from __future__ import annotations

import json
from collections.abc import Container, Mapping
from itertools import repeat
from pathlib import Path
from typing import Any

import orjson

from tenfold.domain.errors import DamagedFileError


class _Twice(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _Twice(key)
        seen[key] = value
    return seen


def _objects_in(value: dict[str, Any] | list[Any]) -> int:
    """Objects nested in ``value`` at any depth (not counting ``value`` itself)."""
    count = 0
    for item in value.values() if type(value) is dict else value:
        if type(item) is dict:
            count += 1 + _objects_in(item)
        elif type(item) is list:
            count += _objects_in(item)
    return count


def _objects_in_lists(table: dict[str, Any], field: str) -> int:
    """Objects in the list each record holds in ``field``, taken to be flat objects.

    Picked out with C-level maps: 5,000 ideas cost what their few filled ladders cost.
    Anything else in such a list only makes the count differ, and the exact check decides;
    a number or ``true`` in place of the list is left to the record's own check, which
    refuses it (-1 here only sends the count on to the slower checks).
    """
    try:
        return sum(map(len, filter(None, map(dict.get, table.values(), repeat(field)))))
    except TypeError:
        return -1


def check_document(
    path: Path,
    raw: bytes,
    document: dict[str, Any],
    flat: Container[str],
    lists: Mapping[str, str],
    *,
    last: tuple[str, int] | None = None,
) -> None:
    """Refuse ``raw`` (parsed as ``document``) if it lists a key twice in one object.

    ``flat``: tables whose records hold no object at any depth (payments, streams...):
    their records are counted without looking inside, which keeps 100,000 payments cheap.
    ``lists``: tables whose records hold flat objects only in a list in one field (an
    idea's ladder), by that field. Any other table is walked whole.
    ``last``: (a table, where its bytes start in ``raw``) left out of the count because
    a fingerprint vouches for it: the payments' index, whose many small lists would
    cost more to walk than the rest together.
    """
    expected = 1
    end = len(raw)
    for name, table in document.items():
        if last is not None and name == last[0]:
            end = last[1]
            continue
        expected += 1 + len(table)
        if name in lists:
            expected += _objects_in_lists(table, lists[name])
        elif name not in flat:
            expected += sum(map(_objects_in, table.values()))
    in_raw = raw.count(b"{", 0, end)  # one byte: counted at memory speed, unlike a longer pattern
    if in_raw == expected:
        return
    # A "{" in a text, or an object where none is expected: count again in the document as
    # orjson writes it, texts and all. Only what the parse dropped is missing there.
    kept = {name: table for name, table in document.items() if last is None or name != last[0]}
    try:
        if orjson.dumps(kept).count(b"{") == in_raw:
            return
    except orjson.JSONEncodeError:
        pass
    _exact_check(path, raw)


def _exact_check(path: Path, raw: bytes) -> None:
    try:
        json.loads(raw, object_pairs_hook=_unique)
    except _Twice as twice:
        raise DamagedFileError(
            path,
            f'lists the key "{twice.key}" twice in one table or record, and only one of the two could be kept; '
            "it was left as it is",
        ) from None
