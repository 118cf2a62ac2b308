"""Tenfold: a full-screen terminal coach for building passive income."""

__version__ = "0.1.0"
