"""The data file on disk: the crash-safe storage, its atomic write, and the single-writer lock.

May import :mod:`tenfold.domain` and the rest of :mod:`tenfold.store`.
"""
