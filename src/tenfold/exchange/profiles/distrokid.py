"""DistroKid: Bank > See Excruciating Detail > Download (tab-separated, one line per song, store, country, month).

Each line is what one store paid for one song (or album) in one country for one
sale month, reported on a day ("Reporting Date"), in US dollars and already
after the stores' cut; many lines are worth a fraction of a cent. They are
added up per song and reporting day before rounding
(:mod:`tenfold.exchange.combine`), so the income is what DistroKid credited.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import Profile

PROFILE = Profile(
    name="distrokid",
    title="DistroKid earnings",
    reads="earnings per song (or album) and reporting day, the lines of every store and country added up "
          "before rounding, with the streams and downloads as units",
    columns={
        "date": ("Reporting Date",),
        "amount": ("Earnings (USD)", "Earnings"),
        "stream": ("Title",),
        "note": ("Store",),
        "units": ("Quantity",),
    },
    required=("date", "amount", "stream"),
    signature=(("ISRC",), ("Sale Month", "Team Percentage", "Songwriter Royalties Withheld")),
    default_currency="USD",
    default_stream="DistroKid",
    combine=True,
)
