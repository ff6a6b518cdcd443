from .standalone import cli

raise SystemExit(cli())
