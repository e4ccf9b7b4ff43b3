"""No deadline: a slow shared CI machine is not a bug in the plugin."""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("example", deadline=None, max_examples=50)
settings.load_profile("example")
