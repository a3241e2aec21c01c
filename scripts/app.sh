#!/usr/bin/env bash
# Set up (if needed) and start the whiteboard window on the first lesson, or on the file given.
# Arguments go to the `whiteboard` command: `bash scripts/app.sh my_program.rs`, `bash scripts/app.sh --theme dark`,
# or a command-line tool: `bash scripts/app.sh run my_program.rs`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/whiteboard "$@"
