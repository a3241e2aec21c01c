#!/usr/bin/env bash
# Set up (if needed) and start the whiteboard. Arguments go to the `whiteboard` command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ $# -eq 0 ]; then
    set -- run scenes/hello_heap.rs
fi
exec .venv/bin/whiteboard "$@"
