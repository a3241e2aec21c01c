"""Command line: `whiteboard run|trace|layout`. (Filled in by the simulation core.)"""

import sys


def main(argv: list[str] | None = None) -> int:
    print("whiteboard: not ready yet", file=sys.stderr)
    return 2
