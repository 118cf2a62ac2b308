"""How the UI looks at the data: sorted, filtered and summarised, without drawing anything.

Pure and testable without a terminal: the ledger's state between changes, the
payments' order and filter, the ideas' sorting and earnings, the steps' view. Used
by :mod:`tenfold.tui`. May import :mod:`tenfold.domain` and :mod:`tenfold.figures`;
never Textual.
"""
