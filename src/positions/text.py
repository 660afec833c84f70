"""Make text from a data file safe to show: no control codes, no bidirectional overrides."""

from __future__ import annotations

import re

# C0 and C1 control characters (but newline), DEL, and the characters that reorder text
# (bidirectional embeddings, overrides and isolates, the line and paragraph separators).
_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    return "    " if char == "\t" else f"\\u{ord(char):04x}"


def visible(text: str) -> str:
    """Replace every control or reordering character by a visible ``\\uXXXX`` (tabs by spaces)."""
    return _UNSAFE.sub(_visible, text)


def json_safe(text: str) -> str:
    """Escape, in JSON text, the characters json.dumps leaves raw that could act on a terminal."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
