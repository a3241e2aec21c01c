"""The simulation: memory regions, allocator, interpreter, events, trace and diagnostics. Never imports Qt."""
