"""``python -m telework``: the command line."""

from .cli import main

raise SystemExit(main())
