"""The Textual user interface. Import :func:`tenfold.tui.app.make_app` to build it."""
