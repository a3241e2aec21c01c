"""The Rust model: types, layout, syntax and parsing. Pure Python; never imports Qt."""
