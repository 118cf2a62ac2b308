"""The ledger's reports: which months a report covers, every figure of it, and its formats.

One aggregate pass (or the payments' index) feeds every format: text tables (Rich,
never Textual), CSV, JSON and Markdown, for ``tenfold report`` and the app's report
screen alike. May import :mod:`tenfold.domain` only.
"""
