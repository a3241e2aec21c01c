"""Test-wide settings: Qt runs offscreen (no display on CI; without this pytest aborts)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
