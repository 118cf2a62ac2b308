"""``tenfold bills set|show`` (step 4's bills, savings, hourly rate) and ``tenfold parts`` (the three parts)."""

from __future__ import annotations

import click

from tenfold.cli import cli
from tenfold.cli.common import BAD_INPUT, Context, Whole, complete_streams, fail, reading, say, writing
from tenfold.domain.freedom import parse_freedom
from tenfold.domain.parts import PARTS, parse_parts
from tenfold.figures.freedom import freedom_lines
from tenfold.figures.payback import Payback
from tenfold.views.measures import store_measures


@cli.group()
def bills() -> None:
    """Step 4: the monthly bills your streams must cover, your savings, what an hour is worth."""


@bills.command("set")
@click.option("--amount", default=None, help="Monthly bills the streams must cover, e.g. 2400.")
@click.option("--currency", default=None, metavar="CODE", help="Their currency (default: the goal's, or as before).")
@click.option("--savings", default=None, metavar="AMOUNT", help="Savings that would carry you; '' clears it.")
@click.option("--hourly-rate", default=None, metavar="AMOUNT",
              help="What an hour of yours is worth (your day job's rate): up-front hours are valued with it.")
@click.pass_obj
def set_bills(context: Context, amount: str | None, currency: str | None, savings: str | None,
              hourly_rate: str | None) -> None:
    """Write the bills, savings and hourly rate; what you leave out stays as it was.

    Example: tenfold bills set --amount 2400 --currency EUR --savings 12000 --hourly-rate 35
    """
    if amount is None and currency is None and savings is None and hourly_rate is None:
        fail("bills: give at least one of --amount, --currency, --savings, --hourly-rate", BAD_INPUT)
    names = {"bills": "--amount", "hourly_rate": "--hourly-rate", "savings": "--savings", "currency": "--currency"}
    with writing(context, names) as store:
        current = store.freedom
        if current is None and amount is None:
            fail("--amount: Enter your monthly bills first, e.g. --amount 2400", BAD_INPUT)
        new = parse_freedom(bills=amount, currency=currency, savings=savings, hourly_rate=hourly_rate,
                            current=current, default_currency=store.goal.currency if store.goal else "EUR")
        store.set_freedom(new)
    say(context, "Step 4: " + _freedom_line(new.bills, new.currency, new.savings, new.hourly_rate))


def _freedom_line(bills: object, currency: str, savings: object, rate: object) -> str:
    parts = [f"bills {bills:,.2f} {currency} a month" if bills is not None else "bills not set"]
    if savings is not None:
        parts.append(f"savings {savings:,.2f} {currency}")
    if rate is not None:
        parts.append(f"an hour is worth {rate:,.2f} {currency}")
    return ", ".join(parts)


def payback_line(p: Payback) -> str:
    """``Ebook: paid back on 2026-09-14`` and the like."""
    return f"{p.stream.name}: {p.describe()}"


@bills.command("show")
@click.pass_obj
def show_bills(context: Context) -> None:
    """The bills, and how much of them passive income covers (read-only)."""
    with reading(context) as store:
        freedom = store.freedom
        measures = store_measures(store) if freedom is not None else None
    if freedom is None or measures is None:
        click.echo("No bills written yet; step 4: tenfold bills set --amount 2400 --currency EUR")
        return
    click.echo("Step 4: " + _freedom_line(freedom.bills, freedom.currency, freedom.savings, freedom.hourly_rate))
    if measures.freedom is not None:
        click.echo("\n".join(freedom_lines(measures.freedom)))
    for p in measures.paybacks.values():
        click.echo(payback_line(p))


@cli.command("parts")
@click.option("--stream", "stream_name", default=None, metavar="NAME", help="Rate a stream (its name).",
              shell_complete=complete_streams)
@click.option("--idea", "idea_id", default=None, type=Whole(), metavar="ID", help="Rate a brainstorm entry (its id).")
@click.option("--creation", default="", metavar="1-5", help="Value creation: is it worth having?")
@click.option("--delivery", default="", metavar="1-5", help="Value delivery: does it reach people without you?")
@click.option("--payment", default="", metavar="1-5", help="Payment: do they pay, easily, again?")
@click.pass_obj
def parts(context: Context, stream_name: str | None, idea_id: int | None, creation: str, delivery: str,
          payment: str) -> None:
    """Rate the three parts of a stream or an idea (1 weak to 5 strong); the weakest is named.

    Without ratings, shows the current ones. Example: tenfold parts --stream Ebook --delivery 2
    """
    if (stream_name is None) == (idea_id is None):
        fail("parts: name one --stream or one --idea", BAD_INPUT)
    with writing(context, {p: f"--{p}" for p in PARTS}) as store:
        if stream_name is not None:
            found = next((s for s in store.streams() if s.name.casefold() == stream_name.strip().casefold()), None)
            if found is None:
                fail(f"--stream: There is no stream called '{stream_name.strip()[:30]}'", BAD_INPUT)
            target, target_id, label = "stream", found.id, found.name
        else:
            assert idea_id is not None
            idea = store.idea(idea_id)
            if idea is None:
                fail(f"--idea: There is no idea {idea_id}", BAD_INPUT)
            target, target_id, label = "idea", idea.id, f"idea {idea.id} ({idea.who})"
        current = store.parts(target, target_id)
        if creation or delivery or payment:
            keep = current or parse_parts(target=target, target_id=target_id, creation="", delivery="", payment="")
            current = store.set_parts(parse_parts(
                target=target, target_id=target_id,
                creation=creation or str(keep.creation or ""), delivery=delivery or str(keep.delivery or ""),
                payment=payment or str(keep.payment or ""), rating_id=keep.id))
    if current is None:
        say(context, f"{label}: not rated yet; rate with --creation, --delivery, --payment (1-5)")
        return
    say(context, f"{label}: {current.summary()}. {current.advice()}")
