"""The one place that reads and writes the data file, and everything about that file.

:class:`~tenfold.store.store.Store` is the API the command line and the app use, built from the
ledger's, the coaching and the measuring records (``ledger``, ``coach``, ``measures``: hours,
bills, the three parts) over the core (``core``). Inside: the file itself (``file/``: the
atomic write, reading and checking a document, the storage, the lock), the read paths (``reading/``: full load, the
payments read after the first paint, the quick read for sums), the payments' index,
the schema (table names, migrations), backups, recovery of damaged files, the app's
background saver, and pausing the collector while a big file is read (``gcpause``). May import :mod:`tenfold.domain` and
:mod:`tenfold.paths`; never figures, the coach, reports, the UI or click.
"""
