"""Ways of reading a data file: in full, in two parts (payments after the first paint), or sums only.

May import :mod:`tenfold.domain` and the rest of :mod:`tenfold.store`.
"""
