"""The report's measures as Rich renderables, for ``tenfold report`` and the app's Report screen."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tenfold.domain.ledger import Stream
from tenfold.figures.freedom import FREEDOM_METHOD, freedom_lines
from tenfold.figures.measures import Measures
from tenfold.reports.measures import stream_lines


def measures_renderable(m: Measures, streams: Iterable[Stream]) -> RenderableType:
    """Freedom in sentences, then payback, income per upkeep hour and reach per stream (cells wrap)."""
    parts: list[RenderableType] = [Text(""), Text(f"Measures as of {m.today.isoformat()} (complete months)",
                                                  style="bold")]
    if m.freedom is not None:
        parts += [Text(line) for line in freedom_lines(m.freedom)]
    else:
        parts.append(Text("No bills written yet (step 4): tenfold bills set --amount 2400 --currency EUR",
                          style="dim"))
    rows = stream_lines(m, streams)
    if rows:
        table = Table(title="Payback, upkeep and reach", title_justify="left", expand=True)
        table.add_column("Stream", no_wrap=True, max_width=24)
        table.add_column("Payback", ratio=3)
        table.add_column("Income per upkeep hour", ratio=2)
        table.add_column("Reach (last full month)", ratio=2)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))  # Text: a stream's name is never read as markup
        parts += [Text(""), table]
    parts.append(Text(FREEDOM_METHOD, style="dim"))
    return Group(*parts)
