"""Amazon KDP: royalty reports (Reports > Prior Months' Royalties / Royalties), as .xlsx or CSV.

One row per title, marketplace and royalty type for a month ("Royalty Date"
``2024-03``: the month's last day), in the marketplace's currency, already net of
delivery and printing costs. The workbook has a sheet per format (eBook,
paperback, hardcover); every such sheet is read, and the sheets that total the
others are left out. KENP pages read carry no amount and are not read.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import Profile

PROFILE = Profile(
    name="kdp",
    title="Amazon KDP royalties",
    reads="royalties per title and marketplace, each in its own currency, from every format's sheet; "
          "skips total sheets and lines, and free promotions (no royalty)",
    columns={
        "date": ("Royalty Date", "Sales Period", "Period", "Month", "Date", "Order Date"),
        "amount": ("Royalty", "Royalties", "Net Royalty", "Earnings", "Estimated Royalty"),
        "currency": ("Currency",),
        "stream": ("Title", "Book Title"),
        "note": ("Marketplace", "Store", "Royalty Type", "Transaction Type", "Format"),
        "type": ("Type",),
        "units": ("Net Units Sold", "Units Sold", "Net Units"),
    },
    required=("date", "amount", "stream"),
    signature=(("ASIN", "ISBN", "ASIN/ISBN", "ASIN/ISBN*", "Author Name", "Author"),
               ("Marketplace", "Store", "Units Sold", "Net Units Sold")),
    default_stream="Kindle books",
    skip_sheets=("total", "summary", "combined", "kenp", "payments"),
)
