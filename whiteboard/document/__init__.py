"""The document layer: a board (program, captions, view), its file format, saving safely, and the lessons.

Pure Python: no Qt, so it is tested without a display and the file format can be read by the command line."""
