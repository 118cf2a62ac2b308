"""The data file on disk: the atomic write (``atomic``), reading it as a document (``document``,
``duplicates``), the crash-safe storage (``storage``) and the single-writer lock (``lock``).

May import :mod:`tenfold.domain` and the rest of :mod:`tenfold.store`.
"""
