"""positions upgrade: a positions/1 or positions/2 file's text as the latest version.

The latest version only adds to the older ones: a file valid in an older version means the same
in the latest, so upgrading it changes the value of its ``schema:`` line and nothing else. Every
other character (comments, layout, quoting, line ends, a byte-order mark) is kept as it was, and
the result is checked to load as the same model before it is given back.
"""

from __future__ import annotations

from positions import yamltree
from positions.errors import DataError, Problem, UsageError
from positions.fields import LATEST
from positions.loader import parse
from positions.textfile import offset
from positions.yamltree import Mapping, Scalar

_BOM = "\ufeff"


def upgrade(text: str, path: str) -> str:
    """``text``, a valid positions file of an older version, as the latest version.

    A file with problems is a DataError (nothing can be upgraded that does not load); one that
    is of the latest version already is a UsageError.
    """
    body = text.removeprefix(_BOM)
    before = parse(body, path)
    if before.schema == LATEST:
        raise UsageError(f"{path} is already {LATEST}; nothing to upgrade")
    start, column, line = _schema_value(body, path, before.schema)
    upgraded = body[:start] + LATEST + body[start + len(before.schema) :]
    after = parse(upgraded, path)
    if after != before._replace(schema=LATEST):  # pragma: no cover - the format's promise
        message = f"the file does not mean the same as {LATEST}; expected it to (a bug)"
        raise DataError([Problem(path, line, column, message)])
    return text[: len(text) - len(body)] + upgraded


def _schema_value(text: str, path: str, version: str) -> tuple[int, int, int]:
    """Where the version is written in the ``schema:`` line: offset, column and line."""
    root = yamltree.parse(text, path)
    assert isinstance(root, Mapping)  # the file loaded
    node = next(v for k, v in root.pairs if isinstance(k, Scalar) and k.value == "schema")
    start = offset(text, node.line, node.column)
    if text[start : start + 1] in ("'", '"'):
        start += 1
    if not text.startswith(version, start):  # written as a block scalar or with escapes
        message = (
            f"schema is written in a way upgrade does not change; expected "
            f"'schema: {version}' on one line (or change it to {LATEST} by hand)"
        )
        raise DataError([Problem(path, node.line, node.column, message)])
    return start, node.column, node.line
