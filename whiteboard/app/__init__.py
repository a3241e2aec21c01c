"""The app layer: the main window and its panels (code, output, memory timeline, step controls) around the canvas."""
