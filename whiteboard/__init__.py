"""Rust Memory Whiteboard: how Rust lays out and moves memory, as rustc does it."""

__version__ = "0.1.0"
