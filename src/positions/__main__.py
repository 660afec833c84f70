"""Allow ``python -m positions``."""

from positions.cli import cli

cli(prog_name="positions")
