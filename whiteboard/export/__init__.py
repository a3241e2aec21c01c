"""Exporters and the `whiteboard export` command: a diagram to PNG, SVG or PDF through the canvas's own renderer.

Nothing here opens a window or a dialog, so the app's menus, the command line and tests share one code path. Importing
this package (or `command`) does not import Qt: the command line stays fast for `run` and `trace`.
"""
