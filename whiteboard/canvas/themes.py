"""Themes: the colours and line styles behind the layout's style names (pure data; items turn it into pens).

Colours come from the Okabe–Ito palette, which stays distinct for the common colour-vision deficiencies; arrows and
cells also differ by line style, head and hatching, so nothing is told by colour alone. A style name "a.b" falls
back to "a", then to "default".
"""

from __future__ import annotations

from typing import NamedTuple

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}


class Style(NamedTuple):  # a NamedTuple, not a dataclass: this module loads before the window's first paint
    fill: str | None = None  # "#rrggbb" or "#rrggbbaa"; None = no fill
    stroke: str | None = None
    width: float = 1.5
    dash: str = "solid"  # "solid" | "dash" | "dot"
    hatch: str | None = None  # colour of diagonal hatching drawn over the fill (spare capacity, free space, padding)
    text: str = "#1b1b1b"  # colour of a Label in this style


class Theme(NamedTuple):
    name: str
    title: str
    background: str
    styles: dict
    line_scale: float = 1.0  # the projector theme thickens every line
    flash_write: str = "#E69F00"
    flash_drop: str = "#D55E00"

    def style(self, name: str) -> Style:
        styles = self.styles
        while name:
            found = styles.get(name)
            if found is not None:
                return found
            name = name.rpartition(".")[0]
        return styles["default"]


def _light() -> Theme:
    ink, dim = "#1b1b1b", "#5a5a5a"
    s = {
        "default": Style(fill="#ffffff", stroke="#444444", text=ink),
        "region": Style(fill="#f4f4f0", stroke="#c9c9c0", width=1.0),
        "region.stack": Style(fill="#eaf2fa", stroke="#9dbbd8", width=1.5),
        "region.heap": Style(fill="#fcf1e0", stroke="#dcb77a", width=1.5),
        "region.static": Style(fill="#e8f4ee", stroke="#8cc3a5", width=1.5),
        "frame": Style(fill="#ffffff", stroke="#2d4a66", width=2.0),
        "frame.title": Style(fill="#2d4a66", stroke="#2d4a66", width=1.0, text="#ffffff"),
        "frame.current": Style(fill="#ffffff", stroke="#0072B2", width=3.0),
        "slot": Style(fill="#ffffff", stroke="#b8c4cf", width=1.0),
        "value": Style(fill="#ffffff", stroke="#55606b", width=1.5),
        "value.struct": Style(fill="#f7f9fb", stroke="#55606b", width=1.5),
        "value.moved": Style(fill="#f0f0f0", stroke="#9a9a9a", width=1.5, dash="dash", hatch="#c8c8c8"),
        "value.uninit": Style(fill="#f6f6f6", stroke="#b0b0b0", width=1.0, dash="dot"),
        "value.tag": Style(fill="#fff6d6", stroke="#b08d00", width=1.5),
        "value.niche": Style(fill="#eef9f3", stroke="#009E73", width=1.5, dash="dash"),
        "block": Style(fill="#fffaf2", stroke="#8a5a00", width=2.0),
        "block.title": Style(fill="#f3d9a8", stroke="#8a5a00", width=1.0, text=ink),
        "block.freed": Style(fill="#f2f2f2", stroke="#9a9a9a", width=1.5, dash="dash", hatch="#cfcfcf"),
        "cell": Style(fill="#ffffff", stroke="#8a7a60", width=1.0),
        "cell.used": Style(fill="#ffe9c2", stroke="#8a5a00", width=1.5),
        "cell.spare": Style(fill="#ffffff", stroke="#b9a888", width=1.0, dash="dash", hatch="#e3d6bd"),
        "chunk": Style(fill="#e6e6e6", stroke="#8c8c8c", width=1.0, hatch="#c4c4c4"),
        "free": Style(fill="#fbfbfb", stroke="#bdbdbd", width=1.0, dash="dot", hatch="#dedede"),
        "static": Style(fill="#ffffff", stroke="#2f7a55", width=1.5),
        "collapsed": Style(fill="#f4f7fb", stroke="#6a8bab", width=2.0, dash="dash", hatch="#d7e2ee"),
        "error": Style(fill="#fdece6", stroke="#D55E00", width=3.0),
        "refused": Style(fill=None, stroke="#D55E00", width=3.5, dash="dash"),
        "refused.tag": Style(fill="#D55E00", stroke="#D55E00", width=1.0),
        "panic": Style(fill="#fdece6", stroke="#D55E00", width=3.0),
        "overflow": Style(fill="#fdece6", stroke="#D55E00", width=3.0),
        "limit": Style(fill="#D55E00", stroke="#D55E00", width=3.0, dash="dash"),
        "legend": Style(fill="#ffffff", stroke="#c9c9c0", width=1.0),
        "byte": Style(fill="#ffffff", stroke="#777777", width=1.0),
        "byte.f0": Style(fill="#cfe6f7", stroke="#0072B2", width=1.0),
        "byte.f1": Style(fill="#ffe3b3", stroke="#b37400", width=1.0),
        "byte.f2": Style(fill="#c9eedf", stroke="#00795a", width=1.0),
        "byte.f3": Style(fill="#f3d3e5", stroke="#a0507d", width=1.0),
        "byte.f4": Style(fill="#fbf3b0", stroke="#8c8400", width=1.0),
        "byte.f5": Style(fill="#f8d3bd", stroke="#a34800", width=1.0),
        "byte.pad": Style(fill="#f4f4f4", stroke="#9a9a9a", width=1.0, dash="dot", hatch="#bdbdbd"),
        "text": Style(text=ink),
        "text.dim": Style(text=dim),
        "text.addr": Style(text=dim),
        "text.title": Style(text=ink),
        "text.region": Style(text="#33414f"),
        "text.moved": Style(text="#7a7a7a"),
        "text.error": Style(text="#9b3300"),
        "text.inverse": Style(text="#ffffff"),
        "arrow.own": Style(stroke=OKABE_ITO["blue"], width=3.0),
        "arrow.shared": Style(stroke=OKABE_ITO["green"], width=2.2),
        "arrow.mut": Style(stroke=OKABE_ITO["vermillion"], width=2.6, dash="dash"),
        "arrow.dangling": Style(stroke=OKABE_ITO["purple"], width=2.2, dash="dot"),
        "arrow.static": Style(stroke="#4d4d4d", width=2.0),
    }
    return Theme("light", "Light", "#fbfbf8", s)


def _dark() -> Theme:
    light = _light()
    ink, dim = "#ececec", "#b4b4b4"
    over = {
        "default": Style(fill="#2a2d31", stroke="#9aa4ad", text=ink),
        "region": Style(fill="#24272b", stroke="#4a4f55", width=1.0),
        "region.stack": Style(fill="#1f2a36", stroke="#3f6283", width=1.5),
        "region.heap": Style(fill="#332a1c", stroke="#7d6234", width=1.5),
        "region.static": Style(fill="#1e3028", stroke="#3f7a5c", width=1.5),
        "frame": Style(fill="#2a2f35", stroke="#8db8e0", width=2.0),
        "frame.title": Style(fill="#3d6185", stroke="#8db8e0", width=1.0, text="#ffffff"),
        "frame.current": Style(fill="#2a2f35", stroke=OKABE_ITO["sky"], width=3.0),
        "slot": Style(fill="#2a2f35", stroke="#4a525b", width=1.0),
        "value": Style(fill="#33383e", stroke="#a9b3bd", width=1.5),
        "value.struct": Style(fill="#2f3439", stroke="#a9b3bd", width=1.5),
        "value.moved": Style(fill="#2b2b2b", stroke="#7a7a7a", width=1.5, dash="dash", hatch="#4a4a4a"),
        "value.uninit": Style(fill="#2b2b2b", stroke="#6a6a6a", width=1.0, dash="dot"),
        "value.tag": Style(fill="#4a4020", stroke="#e0c040", width=1.5),
        "value.niche": Style(fill="#1f3a2e", stroke="#3fcf9a", width=1.5, dash="dash"),
        "block": Style(fill="#3a3020", stroke="#e0a84a", width=2.0),
        "block.title": Style(fill="#5a4624", stroke="#e0a84a", width=1.0, text=ink),
        "block.freed": Style(fill="#2b2b2b", stroke="#777777", width=1.5, dash="dash", hatch="#444444"),
        "cell": Style(fill="#33383e", stroke="#8f8470", width=1.0),
        "cell.used": Style(fill="#5a4624", stroke="#e0a84a", width=1.5),
        "cell.spare": Style(fill="#2e2b26", stroke="#7d7160", width=1.0, dash="dash", hatch="#4a443a"),
        "chunk": Style(fill="#3a3a3a", stroke="#8c8c8c", width=1.0, hatch="#555555"),
        "free": Style(fill="#262626", stroke="#5f5f5f", width=1.0, dash="dot", hatch="#3c3c3c"),
        "static": Style(fill="#24352c", stroke="#4fbf8a", width=1.5),
        "collapsed": Style(fill="#243140", stroke="#7fa7cf", width=2.0, dash="dash", hatch="#33475c"),
        "error": Style(fill="#4a2416", stroke="#ff8a4a", width=3.0),
        "refused": Style(fill=None, stroke="#ff8a4a", width=3.5, dash="dash"),
        "refused.tag": Style(fill="#b34400", stroke="#ff8a4a", width=1.0),
        "panic": Style(fill="#4a2416", stroke="#ff8a4a", width=3.0),
        "overflow": Style(fill="#4a2416", stroke="#ff8a4a", width=3.0),
        "limit": Style(fill="#ff8a4a", stroke="#ff8a4a", width=3.0, dash="dash"),
        "legend": Style(fill="#2a2d31", stroke="#4a4f55", width=1.0),
        "byte": Style(fill="#33383e", stroke="#9a9a9a", width=1.0),
        "byte.f0": Style(fill="#1d4a6e", stroke=OKABE_ITO["sky"], width=1.0),
        "byte.f1": Style(fill="#5a4210", stroke=OKABE_ITO["orange"], width=1.0),
        "byte.f2": Style(fill="#164a3a", stroke="#3fcf9a", width=1.0),
        "byte.f3": Style(fill="#4f2a40", stroke=OKABE_ITO["purple"], width=1.0),
        "byte.f4": Style(fill="#4c4818", stroke=OKABE_ITO["yellow"], width=1.0),
        "byte.f5": Style(fill="#55301a", stroke="#ff8a4a", width=1.0),
        "byte.pad": Style(fill="#2b2b2b", stroke="#777777", width=1.0, dash="dot", hatch="#4a4a4a"),
        "text": Style(text=ink),
        "text.dim": Style(text=dim),
        "text.addr": Style(text=dim),
        "text.title": Style(text=ink),
        "text.region": Style(text="#c9d6e3"),
        "text.moved": Style(text="#9a9a9a"),
        "text.error": Style(text="#ffb08a"),
        "text.inverse": Style(text="#ffffff"),
        "arrow.own": Style(stroke=OKABE_ITO["sky"], width=3.0),
        "arrow.shared": Style(stroke="#3fcf9a", width=2.2),
        "arrow.mut": Style(stroke="#ff8a4a", width=2.6, dash="dash"),
        "arrow.dangling": Style(stroke=OKABE_ITO["purple"], width=2.2, dash="dot"),
        "arrow.static": Style(stroke="#c8c8c8", width=2.0),
    }
    return Theme("dark", "Dark", "#1b1d20", {**light.styles, **over}, flash_write="#F0E442", flash_drop="#ff8a4a")


def _projector() -> Theme:
    """Maximum contrast for washed-out projectors: black ink on white, saturated fills, every line thicker."""
    light = _light()
    styles = dict(light.styles)
    for name, style in light.styles.items():
        if name.startswith("text"):
            styles[name] = style._replace(text="#000000" if style.text != "#ffffff" else "#ffffff")
    styles["text.dim"] = Style(text="#303030")
    styles["text.addr"] = Style(text="#303030")
    styles["text.moved"] = Style(text="#505050")
    styles["region.stack"] = Style(fill="#ffffff", stroke="#0072B2", width=2.5)
    styles["region.heap"] = Style(fill="#ffffff", stroke="#b36b00", width=2.5)
    styles["region.static"] = Style(fill="#ffffff", stroke="#007a57", width=2.5)
    styles["frame"] = Style(fill="#ffffff", stroke="#000000", width=2.5)
    styles["frame.title"] = Style(fill="#0b2f52", stroke="#000000", width=1.0, text="#ffffff")
    styles["slot"] = Style(fill="#ffffff", stroke="#6a6a6a", width=1.0)
    styles["value"] = Style(fill="#ffffff", stroke="#000000", width=2.0)
    styles["cell.used"] = Style(fill="#ffd27a", stroke="#000000", width=2.0)
    styles["block"] = Style(fill="#ffffff", stroke="#000000", width=2.5)
    return Theme("projector", "Projector (high contrast)", "#ffffff", styles, line_scale=1.5)


THEMES = {t.name: t for t in (_light(), _dark(), _projector())}
THEME_NAMES = tuple(THEMES)


def get_theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}: choose one of {', '.join(THEME_NAMES)}") from None
