"""The one place that reads and writes the data file, and everything about that file.

:class:`~tenfold.store.store.Store` is the API the command line and the app use.
Inside: the write path (``file/``: the atomic write, the storage, the lock), the
read paths (``reading/``: full load, the payments read after the first paint, the
quick read for sums), the payments' index, schema migrations, backups, recovery of
damaged files and the app's background saver. May import :mod:`tenfold.domain` and
:mod:`tenfold.paths`; never figures, the coach, reports, the UI or click.
"""
