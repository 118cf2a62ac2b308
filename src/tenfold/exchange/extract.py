"""Reading a source file's rows into entries (the payments it stands for), skipped rows and problems.

Each row is looked at in the same order: is it a header repeated, filtered out by
``--where``, a total or balance line; then its money is read, and the profile's
rules say what it is (income, a refund, a deduction, or not income, and why).
Only then are its date and the rest read, so a payout row with an odd date is
counted as a payout, not reported as a problem. Every skipped row is counted by
reason, with its money, so the preview can account for the whole file.
"""

from __future__ import annotations

from decimal import Decimal

from tenfold.domain.csvsafe import unneutralise
from tenfold.domain.errors import FieldError
from tenfold.domain.ledger_forms import parse_units
from tenfold.exchange.columns import SheetColumns, amounts, clean
from tenfold.exchange.combine import combine, fold_orders
from tenfold.exchange.csvmapping import Problem
from tenfold.exchange.extraction import Entry, Extraction, Options
from tenfold.exchange.headers import Layout, Part
from tenfold.exchange.parse_dates import DateError
from tenfold.exchange.parse_money import Money, MoneyError
from tenfold.exchange.profiles.base import DEDUCTION, INCOME, REFUND, SKIP, Profile, header_keys
from tenfold.exchange.read_table import Table

TOTAL_WORDS = ("total", "totals", "subtotal", "grand total", "summe", "gesamt", "kontostand", "saldo",
               "alter kontostand", "neuer kontostand", "endsumme",
               "anfangssaldo", "endsaldo", "opening balance", "closing balance", "balance", "ending balance",
               "beginning balance")
_TOTALS = frozenset(TOTAL_WORDS)
_TOTAL_STARTS = tuple(f"{w} " for w in TOTAL_WORDS)
MAX_NAME = 80


def _where(options: Options, part: Part) -> list[tuple[list[int], set[str], str]]:
    """``--where`` as (columns, accepted values, the words shown for skipped rows), one per column named."""
    wanted: dict[str, set[str]] = {}
    for column, value in options.where:
        wanted.setdefault(column, set()).add(" ".join(value.casefold().split()))
    filters = []
    for column, values in wanted.items():
        key = header_keys(column)[0]
        hits = [i for i, h in enumerate(part.header) if header_keys(h)[0] == key]
        filters.append((hits, values, f"not matching --where {column}"))
    return filters


def _is_total(cells: list[str]) -> bool:
    first = next((c for c in cells if c.strip()), "")
    words = " ".join(first.casefold().replace(":", " ").replace("_", " ").split())  # Apple's Total_Rows
    return words in _TOTALS or words.startswith(_TOTAL_STARTS)


def _is_bare_sum(out: Extraction, sheet: SheetColumns, cells: list[str], money: Money | None) -> bool:
    """A row of nothing but money that adds up the rows above it (a spreadsheet's =SUM without a label).

    Compared to the cent: a sum of floats is 15.299999999999999 where the rows add up to 15.3.
    """
    cent = Decimal("0.01")
    if money is None or not money.amount or money.amount.quantize(cent) != out.running_total.quantize(cent):
        return False
    money_columns = {i for name in sheet.money for i in sheet.columns.get(name, [])}
    return all(i in money_columns for i, c in enumerate(cells) if c.strip())


def _classify(profile: Profile, sheet: SheetColumns, cells: list[str], sign: int) -> tuple[str, str, bool]:
    """(action, reason when skipped, whether it is a fee line) by the profile's rules and the amount's sign."""
    for rule in profile.rules:
        if rule.matches(sheet.cell(cells, rule.field), sign):
            return rule.action, rule.reason, rule.fee
    if sign > 0:
        return INCOME, "", False
    if sign < 0:
        return profile.negative, profile.negative_reason or "money out", False
    return SKIP, "zero amounts", False


def extract(table: Table, layout: Layout, options: Options) -> Extraction:
    """Every row of the parts ``layout`` chose, read by its profile."""
    profile = layout.profile
    out = Extraction(profile, table, layout)
    for part in layout.parts:
        missing = [c for c, _v in options.where if not any(header_keys(h)[0] == header_keys(c)[0]
                                                          for h in part.header)]
        if missing:
            out.problems.append(Problem(part.header_line, f"--where names no column '{missing[0][:30]}'"))
            continue
        sheet = SheetColumns(part, profile, options.date_format, options.decimal_comma, table.delimiter == ";",
                             table.day_zero)
        for problem in _column_problems(sheet):
            out.problems.append(problem)
        filters = _where(options, part)
        out.running_total = Decimal(0)
        for line, cells in part.rows:
            _row(out, sheet, filters, options, line, cells)
    if profile.orders:
        out.entries = fold_orders(out.entries)
    if profile.combine:
        out.entries = combine(out.entries)
    return out


def _column_problems(sheet: SheetColumns) -> list[Problem]:
    problems = []
    if sheet.dates.problem is not None:
        problems.append(Problem(*sheet.dates.problem))
    for name, column in sheet.money.items():
        if column.conflict is not None:
            (l1, t1), (l2, t2) = column.conflict
            problems.append(Problem(l1, f"{name} column mixes decimal marks: {t1.strip()} (line {l1}) and "
                                        f"{t2.strip()} (line {l2}); say which with --decimal-comma or fix the file"))
    return problems


def _row(out: Extraction, sheet: SheetColumns, filters: list[tuple[list[int], set[str], str]], options: Options,
         line: int, cells: list[str]) -> None:
    """Read one row into an entry, a skipped count, or a problem."""
    if sheet.is_header(cells):
        out.skip("repeated header lines", None, None)
        return
    out.rows_read += 1
    where = f"sheet '{sheet.part.sheet}' row {line}" if sheet.part.sheet else None
    for columns, values, reason in filters:
        if not any(" ".join(cells[i].casefold().split()) in values for i in columns if i < len(cells)):
            out.skip(reason, None, None)
            return
    ragged = len([c for c in cells if c.strip()]) > sheet.width and any(c.strip() for c in cells[sheet.width:])
    try:
        money, fee = amounts(sheet, cells, options.gross)
        money_error = ""
    except MoneyError as exc:
        money, fee, money_error = None, None, str(exc)
    date_text = sheet.cell(cells, "date")
    filled = len([c for c in cells if c.strip()])
    ragged = ragged or (out.table.kind == "csv" and len(cells) < sheet.width and filled > 1)
    if (_is_total(cells) and not _is_date(sheet, date_text)) or _is_bare_sum(out, sheet, cells, money):
        found = _currency(sheet, cells, options, out.profile, money)
        out.skip("totals and balance lines", money, found if isinstance(found, str) else None)
        return
    if ragged and money is None and not _is_date(sheet, date_text):  # a note under the table, commas and all
        out.skip("lines without a date or amount (titles, notes)", None, None)
        return
    if money is not None:
        out.running_total += money.amount
    if ragged:
        out.problems.append(_problem(line, where, f"has {len(cells)} fields; the header has {sheet.width}"))
        return
    sign = 0 if money is None else (money.amount > 0) - (money.amount < 0)
    action, reason, is_fee = _classify(out.profile, sheet, cells, sign)
    if money is None and not money_error and (action != SKIP or reason == "zero amounts"):
        if not date_text or not _is_date(sheet, date_text):
            out.skip("lines without a date or amount (titles, notes)", None, None)
        else:
            out.skip("rows without an amount", None, None)
        return
    currency = _currency(sheet, cells, options, out.profile, money)
    if action == SKIP and not (money_error and reason == "zero amounts"):
        out.skip(reason, money, currency if isinstance(currency, str) else None)
        return
    if is_fee and options.gross:
        out.skip("fees (left out with --amount gross)", money, currency if isinstance(currency, str) else None)
        return
    if money_error or money is None:
        column = sheet.part.header[sheet.columns.get("amount", sheet.columns.get("gross", [0]))[0]].strip()
        out.problems.append(_problem(line, where, f"{column}: {_cell_for(sheet, cells)} {money_error or 'is empty'}"))
        return
    if isinstance(currency, Problem):
        out.problems.append(_problem(line, where, currency.message))
        return
    try:
        on = sheet.dates.read(date_text)
    except DateError as exc:
        column = sheet.part.header[sheet.columns["date"][0]].strip()
        out.problems.append(_problem(line, where, f"{column}: '{clean(date_text, 30)}' {exc}"))
        return
    stream = clean(options.stream or unneutralise(sheet.cell(cells, "stream")) or out.profile.default_stream, MAX_NAME)
    if not stream:
        out.problems.append(_problem(line, where, "names no stream; add --stream NAME"))
        return
    entry = Entry(
        line=line, sheet=sheet.part.sheet, on=on, stream=stream, amount=money.amount, currency=currency,
        fee=None if action == DEDUCTION or fee is None else fee.amount,
        customer=clean(unneutralise(sheet.cell(cells, "customer")), MAX_NAME * 2),
        note=clean(" · ".join(unneutralise(c) for c in sheet.cells(cells, "note")) + (f" · {sheet.part.sheet}"
                                                              if len(out.layout.parts) > 1 else "")).strip(" ·"),
        external_id=clean(sheet.cell(cells, "id"), 120),
        refund_of=clean(unneutralise(sheet.cell(cells, "refund_of")), 120),
        kind=REFUND if action == REFUND else action,
        units=_units(sheet.cell(cells, "units")) if action == INCOME else None,
        platform_fee=is_fee and action == DEDUCTION,
    )
    if action == REFUND and entry.amount > 0:
        entry = _replace_amount(entry, -entry.amount)
    out.entries.append(entry)
    if out.profile.expand is not None and action == INCOME:
        _expand(out, sheet, cells, entry, line, where)


def _expand(out: Extraction, sheet: SheetColumns, cells: list[str], sale: Entry, line: int, where: str | None) -> None:
    """The refunds a sale's row describes (Gumroad, Lemon Squeezy): each a negative entry linked to the sale."""
    assert out.profile.expand is not None
    by_key = {k: cells[i] if i < len(cells) else "" for i, k in enumerate(sheet.keys)}
    for n, (_action, text) in enumerate(out.profile.expand(by_key), start=1):
        amount = sale.amount
        if text:
            try:
                column = next((sheet.money[f] for f in ("amount", "gross") if f in sheet.money), None)
                parsed = column.read(text) if column is not None else None
            except MoneyError as exc:
                out.problems.append(_problem(line, where, f"refund '{clean(text, 20)}' {exc}"))
                continue
            # The amount the source says went back: with a fee the platform keeps, more than the sale's net.
            amount = abs(parsed.amount) if parsed is not None else Decimal(0)
        if amount <= 0:
            continue
        suffix = "refund" if n == 1 else f"refund-{n}"
        out.entries.append(Entry(
            line=line, sheet=sale.sheet, on=sale.on, stream=sale.stream, amount=-amount, currency=sale.currency,
            fee=None, customer=sale.customer, note=("refund · " + sale.note).strip(" ·"),
            external_id=f"{sale.external_id}:{suffix}" if sale.external_id else "",
            refund_of=sale.external_id, kind=REFUND,
        ))


def _units(text: str) -> int | None:
    """A quantity cell as units delivered; blank, zero, negative or not a whole number: not told.

    A sale is imported whatever its quantity cell says: the units only add to the reach figure.
    """
    try:
        return parse_units(text.removesuffix(".0"))
    except FieldError:
        return None


def _replace_amount(entry: Entry, amount: Decimal) -> Entry:
    from dataclasses import replace

    return replace(entry, amount=amount)


def _is_date(sheet: SheetColumns, text: str) -> bool:
    try:
        sheet.dates.read(text)
    except DateError:
        return False
    return True


def _cell_for(sheet: SheetColumns, cells: list[str]) -> str:
    for name in ("amount", "gross", "credit", "debit"):
        text = sheet.cell(cells, name)
        if text:
            return f"'{clean(text, 30)}'"
    return "the amount"


def _problem(line: int, where: str | None, message: str) -> Problem:
    return Problem(line, f"({where.split(' row ')[0]}) {message}" if where else message)


def _currency(sheet: SheetColumns, cells: list[str], options: Options, profile: Profile,
              money: Money | None) -> str | Problem | None:
    """The row's currency: its column, the amount's symbol, the header, --currency, the profile's; None if unsaid."""
    written = sheet.cell(cells, "currency").upper()
    named = money.currency if money is not None else None
    if written:
        if len(written) != 3 or not written.isalpha() or not written.isascii():
            return Problem(0, f"currency: '{clean(written, 10)}' is not a currency code")
        if named and named != written:
            return Problem(0, f"the amount is in {named} but the currency column says {written}; correct the one "
                              "that is wrong (in a workbook, the cell's currency format counts too)")
        return written
    found = named or sheet.header_currency or options.currency or profile.default_currency
    if found is None and (sheet.dates.order == "mdy" or "$" in "".join(cells)):
        return "USD"  # month-first dates and a bare $ are how US sources write; --currency says otherwise
    return found
