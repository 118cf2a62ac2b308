"""Data in and out: exports in every format, CSV import and its column mapping, output files.

What crosses the boundary to other tools and to files the user names. Exports read
a :class:`~tenfold.store.store.Store`; imports produce domain records for the store
to save. May import :mod:`tenfold.domain`, :mod:`tenfold.figures`, :mod:`tenfold.reports`,
:mod:`tenfold.coach` and :mod:`tenfold.store`; never the UI or click.
"""
