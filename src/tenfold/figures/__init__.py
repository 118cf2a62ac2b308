"""Pure figures computed from domain records: what the panes, the status line and the coach show.

Totals per month and currency, expected payments and what is late, the projection
toward the goal, the goal pane's figures, the streak, the status line, text charts
and each step's progress. Functions of records and a date, never of the clock or
the file. May import :mod:`tenfold.domain` only.
"""
