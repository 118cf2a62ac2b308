"""The currency codes of ISO 4217, current and recently withdrawn: what a three-letter word can mean as money.

An amount or a code the user types may be any three letters (a crypto asset, a
private unit: Tenfold keeps each apart and never adds across). But a file's column
header names a currency only in passing - ``Revenue (USD)`` - and three letters in
brackets there are as often a word: ``Amount (net)``, ``Earnings (est)``. There only
a code on this list counts as a currency.
"""

from __future__ import annotations

_CODES = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP
GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD
KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK
NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS
SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST
XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL
BYR EEK HRK LTL LVL MRO SKK STD VEF ZMK
"""
ISO_4217 = frozenset(_CODES.split())
"""Current codes (2026), then a few withdrawn since 2008 that old exports still carry (HRK until 2023)."""
