"""``tenfold doctor``: is my data file healthy, private and backed up?

Read-only from start to end: it opens the file without the lock (so it works while
the app is open), validates every record, and changes nothing - not even leftover
temp files, which it only reports. The exit status is non-zero when anything
needs the user's attention, so it can run from cron or CI.

``--repair`` is the one exception, asked for by name: with the write lock (so not
while the app is open) it writes the payments' index again from the payments,
changing no record, before the usual checks.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import LOCK_WAIT, Context, clock, fail
from tenfold.domain.errors import DamagedFileError, StoreError
from tenfold.domain.text import count_of
from tenfold.paths import backups_dir, default_db_path
from tenfold.store.backups import check_backup, list_backups
from tenfold.store.file.atomic import TEMP_SUFFIX, temp_prefix
from tenfold.store.file.lock import FileLock, lock_problem, read_owner
from tenfold.store.recovery import DAMAGED_MARK, describe_age, find_newest_good_backup
from tenfold.store.store import Store

OK, NOTE, PROBLEM = "ok", "note", "problem"


@dataclass(frozen=True)
class Finding:
    """One line of the report; ``PROBLEM`` findings make the exit status non-zero."""

    level: str
    text: str


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def check_data(path: Path) -> list[Finding]:
    """Open read-only and validate every record; on damage, point at the newest good backup."""
    if not path.exists():
        return [Finding(PROBLEM, f"no data file at {path} (tenfold creates it the first time it starts)")]
    try:
        store = Store.open(path, read_only=True)
    except DamagedFileError as exc:
        found = find_newest_good_backup(path)
        hint = (
            f"; newest good backup is {found[0].name} (taken {describe_age(found[1])}): "
            f"tenfold backup restore {found[0].name}"
            if found
            else "; no good backup was found"
        )
        return [Finding(PROBLEM, f"{exc.problem}{hint}")]
    except StoreError as exc:
        return [Finding(PROBLEM, exc.problem)]
    ticked = sum(1 for s in store.steps() if s.done)
    summary = (
        f"opens and every record is valid: goal {'written' if store.goal else 'not written yet'}, "
        f"{ticked}/8 steps ticked, {count_of(len(store.streams()), 'stream')}, "
        f"{count_of(len(store.payments()), 'payment')}, {count_of(len(store.ideas()), 'idea')}"
    )
    return [Finding(OK, summary), check_index(path, store)]


def check_index(path: Path, store: Store) -> Finding:
    """The payments' index the app starts from must say exactly what the payments say."""
    from tenfold.domain.monthly import MonthlyIndex
    from tenfold.store.opening import read_without_payments

    payments = store.payments()
    split = read_without_payments(path)
    if split is None:
        if not payments:
            return Finding(OK, "no payments yet, so no payments' index is needed")
        return Finding(NOTE, "the file has no current payments' index, so the app reads every payment "
                       "before its first screen; it saves one the next time it opens the file "
                       "(or now: tenfold doctor --repair)")
    kept, built = split[2].index.monthly, MonthlyIndex.build(payments)
    same = (kept.count == built.count and kept.months() == built.months()
            and all(kept.cells(m) == built.cells(m) for m in built.months())
            and kept.last_paid(payments) == built.last_paid(payments)
            and list(split[2].index.newest) == payments[: len(split[2].index.newest)])
    if not same:
        return Finding(PROBLEM, "the payments' index does not agree with the payments (it was edited, or "
                       "this is a bug: please report it); fix: tenfold doctor --repair")
    return Finding(OK, f"the payments' index agrees with the {count_of(len(payments), 'payment')} "
                       "(the app starts from it)")


def check_permissions(path: Path) -> list[Finding]:
    """File and backups 0600, backups folder 0700; the data folder must not let others replace the file."""
    found: list[Finding] = []
    file_mode = _mode(path)
    if file_mode is not None and file_mode & 0o077:
        found.append(
            Finding(PROBLEM, f"the data file is open to other users (mode {file_mode:04o}); fix: chmod 600 {path}")
        )
    folder_mode = _mode(path.parent)
    if folder_mode is not None:
        private_default = path == default_db_path() and folder_mode & 0o077
        if folder_mode & 0o022 or private_default:
            found.append(
                Finding(PROBLEM, f"the folder {path.parent} is open to other users (mode {folder_mode:04o}); "
                        f"fix: chmod 700 {path.parent}")
            )
    folder = backups_dir(path)
    backup_mode = _mode(folder)
    if backup_mode is not None and backup_mode & 0o077:
        found.append(Finding(PROBLEM, f"the backups folder is open to other users (mode {backup_mode:04o}); "
                             f"fix: chmod 700 {folder}"))
    wide = [b.name for b in list_backups(path) if (_mode(b.path) or 0) & 0o077]
    if wide:
        verb = "is" if len(wide) == 1 else "are"
        found.append(Finding(PROBLEM, f"{count_of(len(wide), 'backup')} {verb} open to other users; "
                             f"fix: chmod 600 {folder}/*"))
    if not found:
        shown = f"file {file_mode:04o}" if file_mode is not None else "no file"
        shown_backups = f"backups folder {backup_mode:04o}" if backup_mode is not None else "no backups folder yet"
        found.append(Finding(OK, f"private: {shown}, {shown_backups}"))
    return found


def check_lock(path: Path) -> list[Finding]:
    """Who holds the write lock; holding it is normal while the app is open."""
    problem = lock_problem(path)
    if problem is not None:
        return [Finding(PROBLEM, f"{problem.problem}; look at it, and remove it if nobody should have put it there")]
    holder = FileLock(path).held_by_other()
    if holder:
        who = f"process {holder}" if holder > 0 else "another process"
        return [Finding(OK, f"in use by {who} (a tenfold is open on it; that is fine)")]
    last = read_owner(path)
    if last:
        return [Finding(NOTE, f"not in use; process {last} exited without closing it (harmless: the lock is free)")]
    return [Finding(OK, "not in use by any other tenfold")]


def check_backups(path: Path, now: datetime) -> list[Finding]:
    """How many backups, how old the newest, and whether any cannot be restored."""
    backups = list_backups(path)
    if not backups:
        return [Finding(NOTE, "no backups yet (one is made before the first save of each day)")]
    newest = backups[0]
    found = [
        Finding(OK, f"{count_of(len(backups), 'backup')} in {backups_dir(path)}; newest {newest.name} "
                f"(taken {describe_age(newest.age(now))})")
    ]
    bad = []
    for item in backups:
        try:
            check_backup(item)
        except StoreError:
            bad.append(item.name)
    if bad:
        found.append(Finding(NOTE, f"{count_of(len(bad), 'backup')} cannot be restored (damaged): "
                             f"{', '.join(bad[:3])}"))
    return found


def check_leftovers(path: Path) -> list[Finding]:
    """Temp files from interrupted saves and files set aside as damaged."""
    found = []
    temps = list(path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"))
    if temps:
        found.append(Finding(NOTE, f"{count_of(len(temps), 'temp file')} from an interrupted save; "
                             "tenfold removes them the next time it opens the file"))
    damaged = sorted(p.name for p in path.parent.glob(f"{path.name}{DAMAGED_MARK}*"))
    if damaged:
        kept = "damaged file" if len(damaged) == 1 else "damaged files"
        found.append(Finding(NOTE, f"{kept} kept aside: {', '.join(damaged)}"))
    return found


def diagnose(path: Path, now: datetime | None = None) -> list[Finding]:
    """Every check, in the order the report prints them. Changes nothing on disk."""
    now = now or datetime.now()
    if not path.parent.is_dir():
        return [Finding(PROBLEM, f"the folder {path.parent} does not exist")]
    return [
        *check_data(path),
        *check_permissions(path),
        *check_lock(path),
        *check_backups(path, now),
        *check_leftovers(path),
    ]


def repair_index(context: Context) -> str:
    """Write the payments' index again from every payment (with the write lock); what to tell the user."""
    from tenfold.store.store import Store

    try:
        with Store.open(context.path, lock_wait=LOCK_WAIT, today=clock(), defer_payments=False) as store:
            count = len(store.payments())
            store.save_payment_index()
    except StoreError as exc:
        fail(str(exc))
    return f"repaired: the payments' index was written again from the {count_of(count, 'payment')}"


@cli.command()
@click.option("--repair", is_flag=True, help="Write the payments' index again from the payments (app closed).")
@click.pass_obj
def doctor(context: Context, repair: bool) -> None:
    """Check the data file: validity, privacy, lock and backups. Changes nothing unless told to --repair.

    Exits non-zero when something needs attention.
    """
    path = context.path.expanduser().absolute()
    repaired = repair_index(context) if repair else None
    findings = diagnose(path)
    click.echo(f"Tenfold doctor: {path}")
    if repaired:
        click.echo(f"  {'done':<8} {repaired}")
    for finding in findings:
        click.echo(f"  {finding.level:<8} {finding.text}")
    problems = sum(1 for f in findings if f.level == PROBLEM)
    if problems:
        click.echo(f"{problems} problem{'s' if problems != 1 else ''} found.")
        raise SystemExit(1)
    click.echo("Everything looks fine.")
