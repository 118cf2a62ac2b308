"""A DataTable with vi keys and helpers to find the id under the cursor."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowKey


class RecordTable(DataTable[object]):
    """Row cursor, j/k besides the arrows, row keys are record ids as strings."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "Top", show=False),
        Binding("G", "scroll_bottom", "Bottom", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def selected_id(self) -> int | None:
        """The id of the record under the cursor, or None when the table is empty."""
        if self.row_count == 0:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except CellDoesNotExist:
            return None
        return int(key.value) if key.value is not None else None

    def replace_rows(self, rows: list[tuple[int, tuple[object, ...]]]) -> None:
        """Swap in new rows, keeping the cursor on the same record when it still exists."""
        keep = self.selected_id()
        self.clear()
        for record_id, cells in rows:
            self.add_row(*cells, key=str(record_id))
        if keep is not None and RowKey(str(keep)) in self.rows:
            self.move_cursor(row=self.get_row_index(str(keep)), animate=False)
        # Rows replaced while a dialog covers the screen kept their old column widths
        # on screen; redraw once the new widths are known.
        self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        self._clear_caches()
        self.refresh(layout=True)
