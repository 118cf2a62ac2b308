"""What the user's actions do: one object per group (goal, steps, ledger, ideas, tools, measures).

The main screen builds these handlers and routes the panes' messages to them.
Each takes the :class:`~tenfold.store.store.Store` and a small typed protocol for
the little it needs from the screen (tell the user, open a screen, redraw a
pane), so a handler never reaches into widgets and widgets never save. Handlers
may import the store, views, figures, coach and exchange layers, the dialogs and
screens they open (when they open them, not at start-up), and nothing above tui.
"""
