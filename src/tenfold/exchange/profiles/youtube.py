"""YouTube Studio: the revenue table (Analytics > Advanced mode > Export current view, "Table data.csv").

Exported by Date or by Month, one row each, with "Your estimated revenue (USD)"
written to a tenth of a cent (an estimate: rounded half to even to the cent), a
"Total" row first. Exported by video, rows also name the video, which becomes
the stream; with ``--stream`` for the whole channel, the videos' rows of a day
are added up before rounding (a video's day is often under a cent). A table
without a date per row (totals per video for a whole period) cannot be dated,
and is refused with what to export instead.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import Profile

PROFILE = Profile(
    name="youtube",
    title="YouTube revenue table",
    reads="estimated revenue per day or month (and per video when the table has one), in the table's "
          "currency; skips the Total row",
    columns={
        "date": ("Date", "Day", "Month", "Year"),
        "amount": ("Your estimated revenue*", "Estimated revenue*", "Estimated partner revenue*",
                   "YouTube Premium revenue*", "Revenue*"),
        "stream": ("Video title", "Video"),
        "note": ("Content",),
    },
    required=("date", "amount"),
    signature=(("Your estimated revenue*", "Estimated revenue*", "Estimated partner revenue*"),),
    default_stream="YouTube",
    default_currency="USD",
    combine=True,
)
