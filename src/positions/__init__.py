"""positions: compare the conditions parties to a conflict have stated, issue by issue."""

__version__ = "0.1.0"
