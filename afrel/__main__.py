"""``python -m afrel``: the command line."""

from afrel.cli import main

raise SystemExit(main())
