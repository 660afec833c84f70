"""The visual vocabulary every view shares: what a relation and a firmness look like.

One place for the terminal (render.terminal), the SVG chart and the HTML page: changing how a
red line is shown, or which colour says conflict, is an edit here and nowhere else.

A colour says a relation and nothing else; firmness is a mark and a word, never a colour.
"""

from __future__ import annotations

from positions.model import Firmness, Stage
from positions.results import Relation

# The relations' colours on a terminal, as rich styles.
RELATION_STYLE = {
    Relation.CONFLICT: "bold red",
    Relation.CONDITIONAL: "bold yellow",
    # Not known whether both asks can hold: neither unknown's grey nor complementary's blue.
    Relation.UNTESTED: "bold magenta",
    Relation.COMPLEMENTARY: "bold blue",
    Relation.OVERLAP: "bold cyan",
    Relation.AGREE: "bold green",
    Relation.UNKNOWN: "dim",
}
# The same colours in SVG and HTML: (ink, tint).
RELATION_COLOURS = {
    Relation.CONFLICT: ("#b42318", "#fbe0dc"),
    Relation.CONDITIONAL: ("#a15c07", "#fcebcf"),
    Relation.UNTESTED: ("#7a3e9d", "#f1e6f8"),
    Relation.COMPLEMENTARY: ("#1d5fa8", "#dde9f8"),
    Relation.OVERLAP: ("#1f7a7a", "#d5efee"),
    Relation.AGREE: ("#2d7a46", "#d9f0e0"),
    Relation.UNKNOWN: ("#5b6470", "#eef0f3"),
}

# The levels every firmness key shows; "no cue" is keyed where a view shows a stance with it.
LEGEND = (Firmness.RED_LINE, Firmness.FIRM, Firmness.OPEN)

# Firmness as a mark and a word: red line, firm, open, no cue.
FIRMNESS_MARK = {
    Firmness.RED_LINE: "\u25a0",
    Firmness.FIRM: "\u25c6",
    Firmness.OPEN: "\u25cb",
    Firmness.NO_CUE: "\u00b7",
}
FIRMNESS_WORD = {
    Firmness.RED_LINE: "red line",
    Firmness.FIRM: "firm",
    Firmness.OPEN: "open",
    Firmness.NO_CUE: "no cue",
}
# The mark's style on a terminal: a red line stands out in bold.
FIRMNESS_STYLE = {
    Firmness.RED_LINE: "bold",
    Firmness.FIRM: "",
    Firmness.OPEN: "",
    Firmness.NO_CUE: "dim",
}
# Each mark on a terminal that cannot show it (black square, black diamond, white circle, dot).
FIRMNESS_ASCII = {
    Firmness.RED_LINE: "#",
    Firmness.FIRM: "*",
    Firmness.OPEN: "o",
    Firmness.NO_CUE: ".",
}

# A stage as the chart tags a cell with it, in a word (present.STAGE_WORDS says it in full, in
# the chart's key and everywhere else).
STAGE_TAG = {
    Stage.TALKS: "talks",
    Stage.CEASEFIRE: "ceasefire",
    Stage.SETTLEMENT: "settlement",
}
