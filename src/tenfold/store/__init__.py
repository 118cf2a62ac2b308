"""The one place that reads and writes the data file, and everything about that file.

:class:`~tenfold.store.store.Store` is the API the command line and the app use: a façade over parts
that each do one thing - the record groups (``ledger``, ``coach``, ``ideas``, ``measures``: hours,
bills, the three parts), the batch every change goes through (``batch``), the payments' cache
(``payments``) and the open database (``database``). Inside: the file itself (``file/``: the atomic
write, reading and checking a document, the storage, the app's write-behind middleware and its saver
thread, the lock), the read paths (``reading/``: full load, the payments read after the first paint,
the quick read for sums), the payments' index, the schema (table names, migrations), backups,
recovery of damaged files, and pausing the collector while a big file is read (``gcpause``). May
import :mod:`tenfold.domain` and :mod:`tenfold.paths`; never figures, the coach, reports, the UI or
click.
"""
