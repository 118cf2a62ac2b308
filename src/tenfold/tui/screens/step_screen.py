"""One step full screen: what it holds, its suggested tick, its coaching, and keys to change it.

The Eight Steps pane is a quarter of the screen; a step with a dozen sub-tasks
needs room. This screen draws from the same :class:`StepsView` as the pane and
posts the same kind of messages to the main screen, which saves and hands the
new view back through :meth:`StepScreen.show`.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tenfold.domain.step_items import ITEM_KINDS
from tenfold.tui import step_messages as sm
from tenfold.tui.handlers.ui import Poster
from tenfold.tui.keys import STEP_BILLS
from tenfold.tui.measure_messages import EditBills
from tenfold.tui.messages import EditGoal, StepToggled
from tenfold.tui.widgets.footer import TenfoldFooter
from tenfold.tui.widgets.step_content import (
    coaching_text,
    content_text,
    header_text,
    one_line,
    suggestion_text,
)
from tenfold.tui.widgets.step_entries_text import head_text, item_block
from tenfold.views.step_view import StepsView


class ItemList(OptionList):
    """A step's items, one per line; j/k move like everywhere else."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class StepScreen(Screen[int]):
    """Step ``number`` full screen; left/right go to the neighbouring steps. Dismisses with the step shown."""

    DEFAULT_CSS = """
    StepScreen { padding: 0 1; }
    StepScreen #step-screen-head { height: 1; margin-bottom: 1; }
    StepScreen #step-screen-suggestion { height: auto; }
    StepScreen #step-screen-content { height: auto; }
    StepScreen #step-screen-items {
        height: auto; max-height: 70%; min-height: 3; border: round $foreground 40%;
        min-width: 8;  /* its lines wrap: with no column left for them, Rich's wrapping failed (5x3) */
    }
    StepScreen #step-screen-items:focus { border: round $text-accent; }
    StepScreen #step-screen-coach {
        height: auto; max-height: 9; color: $text-muted; margin-top: 1;
        scrollbar-gutter: stable;  /* as the pane's coaching: no resize loop a few columns wide */
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("space,x", "toggle_item", "Tick item"),
        Binding("d,delete", "delete", "Delete"),
        Binding("m", "savings", "Savings months"),
        STEP_BILLS.binding(),
        Binding("c", "clear_idea", "Clear choice"),
        Binding("enter", "enter", "Open", show=False),
        Binding("w", "write_goal", "Write goal"),
        Binding("h", "goal_history", "Goal history"),
        Binding("t", "tick_step", "Tick step"),
        Binding("left", "step(-1)", "Prev step"),
        Binding("right", "step(1)", "Next step"),
    ]

    def __init__(self, number: int, view: StepsView, target: Poster) -> None:
        super().__init__()
        self.number = number
        self.view = view
        self.target = target
        self._shown_ids: set[str] = set()

    def compose(self) -> ComposeResult:
        """Header, suggestion, content, items, coaching, footer."""
        yield Static(id="step-screen-head")
        yield Static(id="step-screen-suggestion")
        yield Static(id="step-screen-content")
        yield ItemList(id="step-screen-items")
        with VerticalScroll(id="step-screen-coach", can_focus=False):
            yield Static(id="step-screen-coaching")
        yield TenfoldFooter()  # ? and q stay in sight at 80 columns

    def on_mount(self) -> None:
        """Draw the step."""
        self._draw()

    def show(self, view: StepsView) -> None:
        """Take the new state from the main screen after a change."""
        self.view = view
        self._draw()

    # ----- drawing ---------------------------------------------------------------------

    def _draw(self) -> None:
        number, view = self.number, self.view
        self.query_one("#step-screen-head", Static).update(header_text(view, number))
        suggestion = suggestion_text(view, number, "t")
        box = self.query_one("#step-screen-suggestion", Static)
        box.update(suggestion or "")
        box.display = suggestion is not None
        listing = self.query_one("#step-screen-items", ItemList)
        has_items = number in ITEM_KINDS
        content = self.query_one("#step-screen-content", Static)
        if has_items:
            # Step 4's savings and bills, step 7's next move, sit above the list; the items are in the list.
            head = head_text(view, number)
            content.update(head or "")
            content.display = head is not None
            self._fill_items()
        else:
            content.update(content_text(view, number, add_key="a"))
            content.display = True
        listing.display = has_items
        coaching = coaching_text(number)
        notes = view.state(number).notes.strip()
        if notes:
            coaching.append("\n\nYour notes: ", style="bold")
            coaching.append(one_line(notes[:400]))
        self.query_one("#step-screen-coaching", Static).update(coaching)
        if has_items and self.focused is None:
            listing.focus()
        self.refresh_bindings()

    def _fill_items(self) -> None:
        listing = self.query_one("#step-screen-items", ItemList)
        kind = ITEM_KINDS[self.number]
        before = self.selected_item()
        items = self.view.items_of(self.number)
        listing.border_title = f"{kind.plural.capitalize()} · a: add"
        if not items:
            self._shown_ids = set()
            listing.set_options([Option(Text(f"No {kind.plural} yet. Press a to add one.", style="dim"),
                                        disabled=True)])
            return
        old_index = listing.highlighted
        known = self._shown_ids
        listing.set_options([Option(item_block(self.view, item), id=str(item.id)) for item in items])
        ids = [str(i.id) for i in items]
        self._shown_ids = set(ids)
        added = [n for n, i in enumerate(ids) if i not in known]
        if known and len(added) == 1:  # just added: the cursor goes to it
            listing.highlighted = added[0]
        elif before is not None and str(before) in ids:
            listing.highlighted = ids.index(str(before))
        else:
            listing.highlighted = min(old_index or 0, len(items) - 1)

    def selected_item(self) -> int | None:
        """The id of the item under the cursor, if any."""
        listing = self.query_one("#step-screen-items", ItemList)
        if listing.highlighted is None or not listing.option_count:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return int(option_id) if option_id else None

    # ----- keys ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that mean something on this step."""
        number = self.number
        has_item = number in ITEM_KINDS and bool(self.view.items_of(number))
        rules = {
            "add": number != 2,
            "edit": has_item,
            "delete": has_item,
            "toggle_item": has_item and ITEM_KINDS[number].done_label is not None,
            "savings": number == 4,
            "bills": number == 4,
            "clear_idea": number == 1 and bool(self.view.chosen),
            "write_goal": number == 2,
            "goal_history": number == 2,
        }
        return rules.get(action, True)

    def _send(self, message: Message) -> None:
        self.target.post_message(message)

    def action_close(self) -> None:
        """Back to the four panes, on the step shown last."""
        self.dismiss(self.number)

    def action_add(self) -> None:
        """Add an item; on step 1, choose the idea."""
        self._send(sm.AddToStep(self.number))

    def action_edit(self) -> None:
        """Edit the item under the cursor."""
        item = self.selected_item()
        if item is not None:
            self._send(sm.EditStepItem(item))

    def action_toggle_item(self) -> None:
        """Flip the item's box: done, joined, asked."""
        item = self.selected_item()
        if item is not None:
            self._send(sm.ToggleStepItem(item))

    def action_delete(self) -> None:
        """Delete the item under the cursor (the screen asks first)."""
        item = self.selected_item()
        if item is not None:
            self._send(sm.DeleteStepItem(item))

    def action_savings(self) -> None:
        """Step 4: how many months savings would last."""
        self._send(sm.EditSavingsMonths())

    def action_bills(self) -> None:
        """Step 4: the bills the streams must cover, savings, hourly rate."""
        self._send(EditBills())

    def action_clear_idea(self) -> None:
        """Step 1: forget the chosen idea."""
        self._send(sm.ClearStepIdea())

    def action_write_goal(self) -> None:
        """Step 2: write or rewrite the goal."""
        self._send(EditGoal())

    def action_goal_history(self) -> None:
        """Step 2: how the goal changed."""
        self._send(sm.ShowGoalHistory())

    def action_tick_step(self) -> None:
        """Tick or untick the step itself."""
        self._send(StepToggled(self.number))

    def action_step(self, delta: int) -> None:
        """Move to the previous or next step."""
        self.number = max(1, min(8, self.number + delta))
        self._shown_ids = set()
        self._draw()

    @on(OptionList.OptionSelected, "#step-screen-items")
    def _enter_on_item(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._send(sm.EditStepItem(int(event.option.id)))

    def action_enter(self) -> None:
        """Enter on step 1 chooses the idea, on step 2 writes the goal (elsewhere the list takes it)."""
        if self.number == 1:
            self.action_add()
        elif self.number == 2:
            self.action_write_goal()
