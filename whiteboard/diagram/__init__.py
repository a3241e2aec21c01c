"""The layout layer: a memory state → a diagram of plain rectangles, labels and arrows in scene units (no Qt).

The canvas turns a `Diagram` into Qt items and animates between two of them; exporters render the same items. Every
primitive has a stable `key`, so the same value keeps the same key from step to step and the canvas can animate it.
"""
