"""``python -m dia``: the same as the ``dia`` command."""

from __future__ import annotations

from dia.cli import main

if __name__ == "__main__":
    main()
