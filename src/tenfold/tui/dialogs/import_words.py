"""The import preview in the app's words: the fields of the import dialog, not the command line's options.

The preview and its problems are written once, in :mod:`tenfold.exchange`, for
both front ends, and they name the command line's options ("add --stream
NAME"). In the dialog the same choices are a menu or a field; a user there
should be told which one, not an option they cannot type anywhere.
"""

from __future__ import annotations

import re

CREATE_MENU = "'Do not create streams'"
"""The dialog's menu that creates the missing streams (its first choice's label)."""
STREAM_FIELD = "'Every row to this stream'"
MAP_FIELD = "'Column mapping'"
DATE_FIELD = "'Date format'"
MORE_FIELD = "'More options'"

IN_APP: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"create it with --create-streams KIND \([^)]*\) or send the rows to one with --stream NAME",
     f"choose a kind in the menu {CREATE_MENU} to create it, or name a stream under {STREAM_FIELD}"),
    (r"\(add --create-streams KIND\)", f"(choose a kind in the menu {CREATE_MENU})"),
    (r"choose one with --profile NAME \(see --list-profiles\), or name the columns with "
     r"--map date=COLUMN --map amount=COLUMN and give --stream NAME",
     f"choose one in the first menu, or name the columns under {MAP_FIELD} (date=COLUMN, amount=COLUMN) "
     f"and a stream under {STREAM_FIELD}"),
    (r"add --stream NAME", f"name one under {STREAM_FIELD}"),
    (r"add --profile ([\w-]+)", r"choose \1 in the first menu"),
    (r"counted from 1: --map (\w+)=N", rf"counted from 1: \1=N under {MAP_FIELD}"),
    (r"name them with --map FIELD=COLUMN", f"name them under {MAP_FIELD} (FIELD=COLUMN)"),
    (r"add --date-format (\S+) or --date-format (\S+)", rf"type \1 or \2 under {DATE_FIELD}"),
    (r"with --date-format", f"under {DATE_FIELD}"),
    (r"with --amount gross", "with 'Gross amounts'"),
    (r"say which with --decimal-comma or fix the file",
     f"say which by typing --decimal-comma under {MORE_FIELD}, or fix the file"),
    (r"say which encoding with --encoding", f"say which encoding by typing --encoding NAME under {MORE_FIELD}"),
))


def in_app(text: str) -> str:
    """``text`` with the command line's options named as the dialog's menus and fields."""
    for pattern, words in IN_APP:
        text = pattern.sub(words, text)
    return text
