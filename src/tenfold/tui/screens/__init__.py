"""Screens: the main four-pane screen and the help screen."""
