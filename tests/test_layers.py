"""The pure layers (Rust model, simulation, document, diagram layout, command line) never import Qt."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCK_QT = """
import importlib.abc, sys
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):
            raise ImportError(f'{name} imported by a pure layer')
sys.meta_path.insert(0, NoQt())
import pkgutil, importlib, whiteboard.model, whiteboard.sim, whiteboard.diagram, whiteboard.document
for pkg in (whiteboard.model, whiteboard.sim, whiteboard.diagram, whiteboard.document):
    for info in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f'{pkg.__name__}.{info.name}')
import whiteboard.cli
from whiteboard.sim.run import run_source
assert run_source('fn main() { println!("ok"); }').stdout == 'ok\\n'
"""


def test_pure_layers_import_and_run_without_qt():
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
