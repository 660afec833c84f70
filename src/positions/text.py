"""Make text from a data file safe to show: no control codes, no bidirectional overrides."""

from __future__ import annotations

import re
import unicodedata

# Typographic punctuation and its ASCII equivalent, for quote matching and plain terminals.
TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, the typographic apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u00b7": "-",  # middle dot, as in the counts line
        "\u2022": "*",  # bullet
        "\u2192": ">",  # arrow
        "\u2502": "|",  # the bar beside a quote
    }
)

# C0 and C1 control characters (but newline), DEL, the characters that reorder text
# (bidirectional marks, embeddings, overrides and isolates, the line and paragraph separators),
# and what no text file should hold: the non-characters and lone surrogates (a YAML escape can
# make any of them). Every medium shows them as \uXXXX: ``visible`` is the one place.
_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]"
)
# Letters and marks that show nothing although they are not format characters (Cf): the
# Hangul fillers, the grapheme joiner, the variation selectors, the braille blank.
_BLANK_GLYPHS = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
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


def one_line(text: str) -> str:
    """``visible``, with line breaks shown as ``\\n`` too, for one-line messages."""
    return visible(text).replace("\n", "\\n")


def for_terminal(text: str) -> str:
    """Text bound for a terminal: control and reordering characters made visible.

    Unlike ``visible``, tabs and the CR of a CRLF line end (as CSV has) are kept.
    """
    return _UNSAFE.sub(_keep_layout, text)


def _keep_layout(match: re.Match[str]) -> str:
    char = match.group()
    end = match.end()
    if char == "\t" or (char == "\r" and match.string[end : end + 1] == "\n"):
        return char
    return f"\\u{ord(char):04x}"


def printable_path(path: str) -> str:
    """A path as text every output can hold: bytes that are not UTF-8 shown as ``\\xfe``.

    Python decodes such bytes in a file name to lone surrogates, which no UTF-8 output can
    encode; shown as escapes, the name stays readable and valid in JSON, HTML and SVG.
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def fold_typography(text: str) -> str:
    """Typographic quotes, dashes and bullets replaced by their ASCII equivalents."""
    return text.translate(TYPOGRAPHY)


def blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only spaces, controls, or invisible format characters."""
    return all(
        char.isspace()
        or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")
        or _BLANK_GLYPHS.match(char)
        for char in text
    )


def fold_name(name: str) -> str:
    """A name as it is compared and looked up: look-alikes and case folded together.

    NFKC makes composed and decomposed accents, and full-width letters, one; invisible format
    characters (zero-width spaces and joiners) and surrounding spaces are dropped; then the case
    is folded (so ``ß`` is ``ss``).
    """
    visible = "".join(c for c in unicodedata.normalize("NFKC", name) if not _invisible(c))
    return unicodedata.normalize("NFKC", visible.strip().casefold())


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or _BLANK_GLYPHS.match(char) is not None


def closest(word: str, choices: list[str]) -> str | None:
    """The choice most like ``word``, for a "did you mean", if any is close enough."""
    import difflib  # only when something was not found

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None
