"""The coach: the day's question, the honest checks, the today card's content and the reviews.

Rule-based and explained: each check is a pure function of the data and a date, and
says why in one line. May import :mod:`tenfold.domain` and :mod:`tenfold.figures`;
never the store, the UI or click.
"""
