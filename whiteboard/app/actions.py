"""Every command of the window, declared as data, so menus, the toolbar, the step buttons and the keys share one
QAction each (and a presentation mode can reuse them).

Keys are window-wide (Qt.WindowShortcut): a presenter's clicker sends Page Up / Page Down or arrows to whatever widget
has focus, and the step must move anyway. Qt offers a key to the focused widget first only if that widget claims it
(ShortcutOverride); the slider and the combo box do not. The code editor claims the keys that edit text, except the
clicker's Page Up / Page Down; Alt+arrows step from anywhere. tests/test_app.py checks each focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from whiteboard.app.icons import step_icon
from whiteboard.canvas.themes import THEMES


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str
    handler: str  # name of the window method the action calls
    menu: str  # the menu it is listed in
    shortcuts: tuple[str, ...] = ()
    checkable: bool = False
    group: str | None = None  # actions of one group are exclusive (radio items)
    args: tuple = ()  # passed to the handler before `checked` (for checkable actions)
    tip: str = ""
    icon: str | None = None  # one of icons.ICON_KINDS, drawn in the theme's ink
    toolbar: bool = False


SEPARATOR = "-"
RECENT_MENU = "@recent"  # where the File menu gets its "Open Recent" submenu

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("lessons", "&Lessons…", "show_start_page", "&File", ("Ctrl+Shift+L",), tip="The lessons", toolbar=True),
    ActionSpec(
        "open", "&Open…", "open_dialog", "&File", ("Ctrl+O",), tip="Open a board or a Rust program", toolbar=True
    ),
    ActionSpec("save", "&Save", "save", "&File", ("Ctrl+S",), tip="Save the board"),
    ActionSpec("save_as", "Save &As…", "save_as", "&File", ("Ctrl+Shift+S",), tip="Save the board to a new file"),
    ActionSpec("run", "&Run Again", "rerun", "&File", ("Ctrl+R",), tip="Run the edited program (also Ctrl+Enter)"),
    ActionSpec("quit", "&Quit", "close", "&File", ("Ctrl+Q",)),
    ActionSpec("zoom_in", "Zoom &In", "zoom_in", "&View", ("+", "=", "Ctrl++", "Ctrl+="), toolbar=True),
    ActionSpec("zoom_out", "Zoom &Out", "zoom_out", "&View", ("-", "Ctrl+-"), toolbar=True),
    ActionSpec("fit", "&Fit to Window", "fit_to_window", "&View", ("F", "Ctrl+0"), toolbar=True),
    ActionSpec("reset_zoom", "&Actual Size", "reset_zoom", "&View", ("Ctrl+1",)),
    *(
        ActionSpec(
            f"theme_{name}", f"{theme.title} Theme", "set_theme", "&View", checkable=True, group="theme", args=(name,)
        )
        for name, theme in THEMES.items()
    ),
    ActionSpec("addresses", "Show &Addresses", "set_board_option", "&View", ("A",), True, args=("addresses",)),
    ActionSpec("byte_view", "&Byte View", "set_board_option", "&View", ("B",), True, args=("byte_view",)),
    ActionSpec("allocator", "A&llocator Details", "set_board_option", "&View", ("L",), True, args=("allocator",)),
    ActionSpec("code_bigger", "Larger Code Text", "code_text_bigger", "&View", ("Ctrl+Shift+Up",)),
    ActionSpec("code_smaller", "Smaller Code Text", "code_text_smaller", "&View", ("Ctrl+Shift+Down",)),
    ActionSpec("first", "&First Step", "first_step", "&Step", ("Home",), icon="first"),
    ActionSpec(
        "back", "Step &Back", "step_back", "&Step", ("Left", "Up", "PgUp", "Backspace", "Alt+Left"), icon="back"
    ),
    ActionSpec("play", "&Play", "toggle_play", "&Step", ("Space", "P"), tip="Play / pause", icon="play"),
    ActionSpec(
        "forward",
        "Step &Forward",
        "step_forward",
        "&Step",
        ("Right", "Down", "PgDown", "Return", "Alt+Right"),
        icon="forward",
    ),
    ActionSpec("last", "&Last Step", "last_step", "&Step", ("End",), icon="last"),
    ActionSpec("slower", "&Slower", "slower", "&Step", ("[",)),
    ActionSpec("faster", "F&aster", "faster", "&Step", ("]",)),
)

MENUS: dict[str, tuple[str, ...]] = {
    "&File": ("lessons", "open", RECENT_MENU, SEPARATOR, "save", "save_as", SEPARATOR, "run", SEPARATOR, "quit"),
    "&View": (
        "zoom_in",
        "zoom_out",
        "fit",
        "reset_zoom",
        SEPARATOR,
        *(f"theme_{name}" for name in THEMES),
        SEPARATOR,
        "addresses",
        "byte_view",
        "allocator",
        SEPARATOR,
        "code_bigger",
        "code_smaller",
    ),
    "&Step": ("first", "back", "play", "forward", "last", SEPARATOR, "slower", "faster"),
}


# What stays usable on the start page, where the arrows and Enter choose a lesson.
PAGE_INDEPENDENT = frozenset(
    {"lessons", "open", "quit", "code_bigger", "code_smaller"} | {f"theme_{n}" for n in THEMES}
)


def describe_shortcuts(spec: ActionSpec) -> str:
    names = [QKeySequence(key).toString(QKeySequence.NativeText) for key in spec.shortcuts]
    return f"{spec.tip or spec.title.replace('&', '')} ({', '.join(names)})" if names else spec.tip


def build_actions(window: QWidget, specs=ACTIONS, ink: str = "#1b1b1b") -> dict[str, QAction]:
    """One QAction per spec, added to `window` so its keys work even when the menu bar is hidden."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        action = QAction(spec.title, window)
        action.setObjectName(spec.id)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
            action.setShortcutContext(Qt.WindowShortcut)
        action.setToolTip(describe_shortcuts(spec) or spec.title.replace("&", ""))
        action.setStatusTip(spec.tip or spec.title.replace("&", ""))
        if spec.icon:
            action.setIcon(step_icon(spec.icon, ink))
        if spec.checkable:
            action.setCheckable(True)
        if spec.group:
            group = groups.get(spec.group)
            if group is None:
                group = groups[spec.group] = QActionGroup(window)
                group.setExclusive(True)
            group.addAction(action)
        handler = getattr(window, spec.handler)
        if spec.checkable and not spec.group:
            action.triggered.connect(lambda checked, h=handler, a=spec.args: h(*a, checked))
        else:
            action.triggered.connect(lambda _checked=False, h=handler, a=spec.args: h(*a))
        window.addAction(action)
        actions[spec.id] = action
    return actions
