"""The records a user owns and the parsers that let them in: the house's foundation.

Money, dates and free text as people type them; the goal and its history, the eight
steps and what each produces, the ledger's streams, payments and exchange rates,
the brainstorm's ideas, and the per-month totals index derived from payments.
Every parser refuses bad input with a message written for the user
(:class:`~tenfold.domain.errors.TenfoldError`). May import only the standard
library: no other Tenfold layer, no Textual, no click, no TinyDB.
"""
