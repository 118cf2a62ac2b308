"""The benchmark's result rows, the printed table and the block kept in RESULTS.md."""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

START = "<!-- benchmark-results:start -->"
END = "<!-- benchmark-results:end -->"


@dataclass(frozen=True)
class Row:
    """One line of the table. ``result`` is PASS, MISS, info or skip."""

    measure: str
    target: str
    measured: str
    baseline: str
    ratio: str
    result: str


def seconds(value: float | None) -> str:
    """``12 ms``, ``1.23 s``: readable at any scale."""
    if value is None:
        return "-"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value: float | None) -> str:
    """Resident memory in MB."""
    return "-" if value is None else f"{value:.0f} MB"


def times(value: float | None) -> str:
    """A ratio such as ``1.42x``."""
    return "-" if value is None else f"{value:.2f}x"


def verdict(ok: bool | None) -> str:
    """PASS or MISS; skip when there was nothing to compare."""
    return "skip" if ok is None else ("PASS" if ok else "MISS")


def grid(header: list[str], lines: list[list[str]]) -> str:
    """Any Markdown table, padded so it also reads well in a terminal."""
    cells = [header, *lines]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]

    def line(values: list[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *(line(c) for c in cells[1:])])


def render(rows: list[Row]) -> str:
    """The targets table: one measure per line, with its baseline and verdict."""
    return grid(["Measure", "Target", "Measured", "Baseline", "Ratio", "Result"],
                [[r.measure, r.target, r.measured, r.baseline, r.ratio, r.result] for r in rows])


def machine() -> str:
    """What the numbers were measured on: they mean little without it."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), model)
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
        f"Textual {version('textual')}, {platform.system()} {platform.release()}"
    )


def results_block(tables: list[str], mode: str, tools: str) -> str:
    """The text kept between the markers in RESULTS.md: the run's header, then its tables."""
    return "\n".join([
        START,
        f"Run {datetime.now().strftime('%Y-%m-%d %H:%M')} ({mode}) on {machine()}; {tools}.",
        "",
        "\n\n".join(tables),
        END,
    ])


def write_results(path: Path, block: str) -> None:
    """Replace the numbers in RESULTS.md, keeping the written analysis around them."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmark results\n\n{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    path.write_text(pattern.sub(lambda _m: block, text, count=1), encoding="utf-8")
