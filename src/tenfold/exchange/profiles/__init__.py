"""The sources Tenfold knows, one small declarative module each, and how a file's header picks one.

A header is offered to every profile; the one that knows it best (its required
columns and the names that set it apart from look-alikes, then the most
columns named) reads the file. ``--profile NAME`` picks one outright.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tenfold.exchange.profiles import (
    adsense,
    airbnb,
    appstore,
    associates,
    bandcamp,
    bank,
    distrokid,
    etsy,
    googleplay,
    gumroad,
    kdp,
    kofi,
    lemonsqueezy,
    neobank,
    patreon,
    paypal,
    stripe,
    tenfold,
    udemy,
    youtube,
)
from tenfold.exchange.profiles.base import Profile, recognises

PROFILES: tuple[Profile, ...] = (
    paypal.PROFILE,
    stripe.BALANCE,
    stripe.PAYOUTS,
    stripe.PAYMENTS,
    gumroad.PROFILE,
    kdp.PROFILE,
    distrokid.PROFILE,
    patreon.PROFILE,
    youtube.PROFILE,
    adsense.PROFILE,
    etsy.PROFILE,
    kofi.PROFILE,
    lemonsqueezy.PROFILE,
    googleplay.PROFILE,
    appstore.PROFILE,
    udemy.PROFILE,
    bandcamp.PROFILE,
    airbnb.PROFILE,
    associates.PROFILE,
    neobank.REVOLUT,
    neobank.WISE_STATEMENT,
    neobank.WISE_HISTORY,
    bank.GERMAN,
    bank.DUTCH,
    bank.US,
    bank.CARD_US,
    bank.GENERIC,
    tenfold.PROFILE,
)
BY_NAME = {p.name: p for p in PROFILES}


def profile_named(name: str) -> Profile | None:
    """The profile called ``name`` (case-insensitive), or None."""
    return BY_NAME.get(name.strip().casefold())


def ranked_profiles(header: Sequence[str], overrides: Mapping[str, str] | None = None,
                    only: Profile | None = None, given: frozenset[str] = frozenset()) -> list[tuple[Profile, int]]:
    """The profiles that know ``header``, best first, with their scores (ties: the earlier in PROFILES)."""
    scored = [(p, recognises(p, header, overrides, given, named=only is not None))
              for p in ((only,) if only else PROFILES)]
    return sorted(((p, s) for p, s in scored if s > 0), key=lambda ps: -ps[1])


def best_profile(header: Sequence[str], overrides: Mapping[str, str] | None = None,
                 only: Profile | None = None, given: frozenset[str] = frozenset()) -> tuple[Profile, int] | None:
    """The profile that knows ``header`` best and its score, or None when none does."""
    ranked = ranked_profiles(header, overrides, only, given)
    return ranked[0] if ranked else None
