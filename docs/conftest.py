"""pytest configuration for the docs: ``>>>`` examples in *.md run as doctests.

``examples/`` holds an out-of-tree plugin distribution with its own tests and
its own pytest configuration; it is run on its own (see
``tests/core/test_example_plugin.py``), never collected with the main suite.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

collect_ignore = ["examples", "_build"]

_EXAMPLE_SRC = Path(__file__).parent / "examples" / "bilatx-example" / "src"

# The writing-plugins guide imports the example plugin. When it is not
# installed, import it from its source folder so the guide's examples still run.
if importlib.util.find_spec("bilatx_example") is None:
    sys.path.append(str(_EXAMPLE_SRC))
