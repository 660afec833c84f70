"""Plain text for scripts and editors: one line per finding, as compilers write them.

Never wrapped, whatever the terminal, so that an editor's error list and grep can read each
``FILE:LINE:COL: CODE error|warning|noted: message [check]`` line; the counts come last.
"""

from __future__ import annotations

from functools import singledispatch

from positions.present import lint_counts, severity
from positions.results import LintReport, Result
from positions.text import for_terminal, visible


@singledispatch
def render(result: Result) -> str:
    """``result`` as plain lines."""
    raise TypeError(f"no text rendering for {type(result).__name__}")


@render.register
def lint_lines(report: LintReport) -> str:
    """The findings shown (every one with --all, errors alone with --errors-only), then counts."""
    lines = [
        f"{f.location}: {f.code} {severity(f)}: {visible(f.message)} [{f.check}]"
        for f in report.shown
    ]
    return for_terminal("\n".join([*lines, lint_counts(report)]) + "\n")
