"""The renderers, one module per format, and the one render option a command may give them."""

from enum import Enum


class Detail(Enum):
    """How much of each stance a terminal view of a comparison shows.

    A render option: the command hands it to the output edge, which hands it to the terminal
    renderer alone.
    """

    SUMMARY = "summary"  # one short block per issue: the relation, its reason, each ask
    FULL = "full"  # each stance's summary, outcomes and firmness
    EVIDENCE = "evidence"  # and every quote
