"""``tenfold add stream|payment|rate|idea|hours``: record income, rates, ideas and upkeep from a shell."""

from __future__ import annotations

import dataclasses

import click

from tenfold.cli import cli
from tenfold.cli.common import BAD_INPUT, Context, complete_streams, fail, say, writing
from tenfold.domain.dates import parse_date
from tenfold.domain.errors import FieldError
from tenfold.domain.hours import parse_hours_entry
from tenfold.domain.ideas import parse_idea
from tenfold.domain.ledger_forms import FUTURE_DAYS, future_warning, parse_payment, parse_stream
from tenfold.domain.money import format_money
from tenfold.domain.rates import parse_rate
from tenfold.domain.streams import CADENCES, CATEGORIES, CUSTOMER_MODES, KIND_MEANINGS, KINDS


@cli.group()
def add() -> None:
    """Add an income stream, a payment, an exchange rate, a brainstorm idea, or hours of upkeep."""


@add.command("stream")
@click.option("--name", required=True, help="A name you will type again for payments, e.g. Royalties.")
@click.option("--kind", required=True, metavar="|".join(KINDS),
              help="; ".join(f"{k}: {v}" for k, v in KIND_MEANINGS.items()) + ".")
@click.option("--category", default="other", show_default=True, metavar="NAME", help=", ".join(CATEGORIES) + ".")
@click.option("--currency", default="EUR", show_default=True, help="Three-letter code its payments come in.")
@click.option("--cadence", default="irregular", show_default=True, metavar="|".join(CADENCES),
              help="How often it pays; a late payment is then flagged.")
@click.option("--expected", default="", metavar="AMOUNT", help="What one payment is expected to bring.")
@click.option("--upfront-money", default="", metavar="AMOUNT", help="Money put in before it paid.")
@click.option("--upfront-hours", default="", metavar="HOURS", help="Hours put in before it paid.")
@click.option("--upkeep-hours", default="", metavar="HOURS", help="Hours of upkeep it takes per month.")
@click.option("--started", default=None, metavar="YYYY-MM-DD", help="When it began (default: today).")
@click.option("--customers", default="", metavar="|".join(CUSTOMER_MODES),
              help="How its customers are counted: " + "; ".join(f"{k}: {v}" for k, v in CUSTOMER_MODES.items())
              + ". Default: by category (rental: one; ebook, course, royalties...: platform; others: each).")
@click.pass_obj
def add_stream(
    context: Context,
    name: str,
    kind: str,
    category: str,
    currency: str,
    cadence: str,
    expected: str,
    upfront_money: str,
    upfront_hours: str,
    upkeep_hours: str,
    started: str | None,
    customers: str,
) -> None:
    """Add an income stream; its name must be new."""
    names = {"upfront_money": "--upfront-money", "upfront_hours": "--upfront-hours", "upkeep_hours": "--upkeep-hours",
             "started": "--started"}
    with writing(context, names) as store:
        stream = parse_stream(
            name=name, category=category, kind=kind, currency=currency, existing=store.streams(), cadence=cadence,
            expected=expected, upfront_money=upfront_money, upfront_hours=upfront_hours, upkeep_hours=upkeep_hours,
            customers=customers,
        )
        if started is not None:
            began = parse_date(started, "started")
            if began > store.today():
                raise FieldError("started", f"{began.isoformat()} is in the future: give the day it began")
            stream = dataclasses.replace(stream, started_on=began)
        saved = store.add_stream(stream)
    say(context, f"Added stream {saved.name} ({saved.kind}, {saved.category}, {saved.currency}, "
                 f"customers: {saved.customers})")


@add.command("payment")
@click.option("--stream", required=True, metavar="NAME", help="The stream it came from (its name).",
              shell_complete=complete_streams)
@click.option("--amount", required=True,
              help="The amount received, e.g. 12.50; money given back to a buyer (a refund): -12.50.")
@click.option("--date", "on", default=None, metavar="YYYY-MM-DD", help="When it arrived (default: today).")
@click.option("--note", default="", help="A short note, e.g. an invoice number.")
@click.option("--customer", default="", help="Who paid, e.g. a client or a platform.")
@click.option("--units", default="", metavar="N",
              help="Units delivered (copies, seats), when you know: the reach figure counts them.")
@click.option("--future", is_flag=True, help=f"Record it even though it is dated more than {FUTURE_DAYS} days ahead.")
@click.pass_obj
def add_payment(
    context: Context, stream: str, amount: str, on: str | None, note: str, customer: str, units: str, future: bool
) -> None:
    """Record a payment received from one of your streams.

    A date more than a few days ahead is refused unless --future says it is meant:
    a payment is money that arrived.
    """
    with writing(context, {"on": "date"}) as store:
        day = store.today().isoformat() if on is None else on
        payment = parse_payment(
            stream=stream, on=day, amount=amount, note=note, streams=store.streams(), customer=customer, units=units
        )
        ahead = future_warning(payment.on, store.today())
        if ahead and not future:
            fail(f"date: {ahead}; add --future to record it anyway", BAD_INPUT)
        saved = store.add_payment(payment)
        source = store.stream(saved.stream_id)
    assert source is not None  # parse_payment only returns payments for streams that exist
    if saved.is_refund:
        say(context, f"Recorded a refund of {format_money(-saved.amount, source.currency)} from {source.name} "
                     f"on {saved.on.isoformat()}")
    else:
        say(context, f"Added {format_money(saved.amount, source.currency)} to {source.name} on {saved.on.isoformat()}")


@add.command("rate")
@click.option("--from", "currency", required=True, metavar="CODE", help="The currency converted, e.g. USD.")
@click.option("--to", "to", required=True, metavar="CODE", help="The currency it becomes, e.g. EUR.")
@click.option("--rate", required=True, help="How much of --to one unit of --from is worth, e.g. 0.92.")
@click.option("--date", "on", default=None, metavar="YYYY-MM-DD", help="From when it applies (default: today).")
@click.pass_obj
def add_rate(context: Context, currency: str, to: str, rate: str, on: str | None) -> None:
    """Enter an exchange rate: 1 FROM = RATE TO, from a date on.

    Reports use the latest rate dated on or before a month's last day; a rate
    entered the other way round is used inverted.
    """
    with writing(context, {"on": "date", "currency": "from"}) as store:
        day = store.today().isoformat() if on is None else on
        saved = store.add_rate(parse_rate(currency=currency, to=to, rate=rate, on=day))
    say(context, f"Added the rate {saved.describe()}")


@add.command("idea")
@click.option("--who", required=True, help="Who gets the value: a person, a group, an audience.")
@click.option("--value", required=True, help="What value they get from you.")
@click.option("--reach", default="", help="How it could reach 10, 100 or 1,000,000 people.")
@click.option("--delivery", default="", help="How it could be delivered without you in person.")
@click.pass_obj
def add_idea(context: Context, who: str, value: str, reach: str, delivery: str) -> None:
    """Write a brainstorm entry: who do I deliver value to?"""
    with writing(context) as store:
        idea = parse_idea(who=who, value=value, reach=reach, delivery=delivery, written_on=store.today())
        saved = store.add_idea(idea)
    say(context, f"Added an idea for {saved.who} on {saved.written_on.isoformat()}")


@add.command("hours")
@click.option("--stream", required=True, metavar="NAME", help="The stream the hours went into (its name).",
              shell_complete=complete_streams)
@click.option("--hours", required=True, help="Hours spent, e.g. 1.5.")
@click.option("--date", "on", default=None, metavar="YYYY-MM-DD", help="When (default: today).")
@click.option("--note", default="", help="What the time went on, e.g. answered reader mail.")
@click.pass_obj
def add_hours(context: Context, stream: str, hours: str, on: str | None, note: str) -> None:
    """Log hours of upkeep on a stream: income per hour then uses them instead of the estimate."""
    with writing(context, {"on": "--date", "hours": "--hours", "stream": "--stream", "note": "--note"}) as store:
        entry = parse_hours_entry(
            stream=stream, on=store.today().isoformat() if on is None else on, hours=hours, note=note,
            streams=store.streams(), today=store.today(), began=store.stream_starts(),
        )
        saved = store.add_hours(entry)
        name = store.stream(saved.stream_id)
    assert name is not None
    say(context, f"Logged {saved.hours:f} h on {name.name} on {saved.on.isoformat()}")
