"""The helpers every handler shares: open a form, ask first, report a failed save, offer a reload.

A store call that fails is reported and changes nothing else; when another
program changed the file, the user is asked whether to reload it (Tenfold never
overwrites that copy). Forms restore a draft left when the app last closed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from tenfold.domain.errors import ChangedOnDiskError, TenfoldError
from tenfold.domain.money import DEFAULT_CURRENCY
from tenfold.store.store import Store
from tenfold.tui.handlers.ui import Host

if TYPE_CHECKING:
    # The dialogs are imported when first opened, not at start-up.
    from tenfold.tui.dialogs.form import FormDialog


class EditingUI(Host, Protocol):
    """Besides telling and opening: redraw every pane after a reload."""

    def refresh_panes(self) -> None:
        """Give every pane the store's current state."""
        ...


class Editing:
    """Forms, confirmations and failed saves, for the other handlers."""

    def __init__(self, store: Store, ui: EditingUI) -> None:
        self.store = store
        self.ui = ui

    def attempt(self, what: str, action: Callable[[], object]) -> bool:
        """Run a store call; on failure tell the user, keep running, return False."""
        try:
            action()
        except ChangedOnDiskError:
            self.offer_reload()
            return False
        except TenfoldError as exc:
            self.ui.notify(f"{what} was not saved: {exc}", severity="error", timeout=10)
            return False
        return True

    def guarded(self, save: Callable[[Any], object]) -> Callable[[Any], None]:
        """A form's save callback that offers a reload when the file changed elsewhere.

        The error still reaches the form, which stays open with what was typed.
        """

        def guarded(value: Any) -> None:
            try:
                save(value)
            except ChangedOnDiskError:
                self.offer_reload()
                raise

        return guarded

    def offer_reload(self) -> None:
        """Another program changed the file: never overwrite it; reload if the user agrees."""
        from tenfold.tui.dialogs.confirm import ConfirmDialog

        if self.store.file_deleted:
            self.offer_write_back()
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                self.ui.notify("Nothing was saved. Tenfold will not overwrite the other copy until you reload.",
                               severity="warning", timeout=10)
                return
            try:
                self.store.reload()
            except TenfoldError as exc:
                self.ui.notify(f"Could not reload: {exc}", severity="error", timeout=15)
                return
            self.ui.refresh_panes()
            self.ui.notify("Reloaded the file from disk. Anything in an open form is still there: save it again.")

        self.ui.open_screen(
            ConfirmDialog(
                "The data file changed on disk",
                f"Another program (a sync tool?) changed {self.store.path} while Tenfold was open. "
                "Tenfold did not overwrite it. Reload it now? What you typed stays where it is.",
                yes="Reload",
            ),
            answered,
        )

    def offer_write_back(self, quitting: Callable[[bool | None], None] | None = None) -> None:
        """The data file was deleted (or moved away) under the app: write it again if the user agrees.

        There is nothing to reload, and what is open here is then the only copy; but
        the user may have deleted it on purpose, so Tenfold asks. When ``quitting``,
        it hears True once the file is written again, None when the user chose to
        quit without it, False when writing it failed (said in a toast).
        """
        from tenfold.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                if quitting is not None:
                    quitting(None)
                    return
                self.ui.notify("Nothing was written. Your changes are only open here until the file is written "
                               "again; Tenfold asks when you quit.", severity="warning", timeout=10)
                return
            written = self.attempt("The data file", self.store.write_back)
            if written:
                self.ui.notify(f"Wrote {self.store.path} again, with everything open here.")
            if quitting is not None:
                quitting(written)

        where = f"{self.store.path} was deleted or moved away while Tenfold was open. Everything is still open here."
        self.ui.open_screen(
            ConfirmDialog(
                "The data file is gone",
                f"{where} Write the file again with all of it before quitting?" if quitting is not None
                else f"{where} Write the file again now, with all of it?",
                yes="Write it again",
                no="Quit without it" if quitting is not None else "Not now",
                yes_is_safe=True,
            ),
            answered,
        )

    def open_form(self, form_cls: type[FormDialog[Any]], kind: str, title: str, values: dict[str, str],
                  save: Callable[[Any], object], done: str | Callable[[Any], str], refresh: Callable[[], None],
                  **kwargs: Any) -> None:
        """Open a form, restoring a draft left when the app closed; ``refresh`` after a save.

        ``done``: what is said after a save, or a function of the saved value that says it.

        ``refresh`` redraws only the panes the form's data touches. A cancelled form
        changed nothing, so nothing is redrawn - unless a draft was cleared (a write).
        """
        draft = self.store.draft(kind)
        form = form_cls(title, draft or values, self.guarded(save), draft_kind=kind, restored=draft is not None,
                        **kwargs)

        def closed(result: object) -> None:
            cleared = self.store.draft(kind) is not None and self.attempt(
                "Clearing the draft", lambda: self.store.clear_draft(kind))
            if result is not None or cleared:
                refresh()
            if result is not None:
                self.ui.notify(done(result) if callable(done) else done)

        self.ui.open_screen(form, closed)

    def confirm(self, title: str, message: str, then: Callable[[], object], done: str,
                refresh: Callable[[], None]) -> None:
        """Ask; on yes run ``then`` (a store call), redraw and say ``done``."""
        from tenfold.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes and self.attempt(title, then):
                refresh()
                self.ui.notify(done)

        self.ui.open_screen(ConfirmDialog(title, message), answered)

    def default_currency(self) -> str:
        """The goal's currency, which new streams and rates start in."""
        return self.store.goal.currency if self.store.goal else DEFAULT_CURRENCY

    def save_drafts(self, forms: Iterable[FormDialog[Any]]) -> list[str]:
        """Keep what was typed into open forms as drafts (on quit, hang-up, stop); returns problems."""
        problems: list[str] = []
        for form in forms:
            if form.changed():
                try:
                    self.store.save_draft(form.draft_kind, form.values())
                except TenfoldError as exc:
                    problems.append(str(exc))
        return problems
