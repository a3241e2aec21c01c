"""The canvas layer: Qt items for a `Diagram`, animations between two diagrams, and the view that shows them.

Items never hold the model: the scene keeps one item per diagram key (orange-canvas-core's pattern) and the
animator only moves, fades and flashes items between the geometry of two diagrams.
"""
