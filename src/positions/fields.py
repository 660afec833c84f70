"""The positions data format as one table of records and fields.

The loader checks every mapping of a data file against its record here (which keys, which are
required, what kind of value, since which version), and the JSON Schema that editors use is
generated from the same table (``python -m positions.fields``), so a field is declared once.
What a table cannot say (that a stance names a defined issue, that an outcome is not both
accepted and rejected) is checked by the loader's own rules.

To add a field: a line in its record below, a place for its value in model.py, and the line of
the loader that reads it; then regenerate the schema (tests/test_schema.py says if you forgot).
What a version added is said where it was added: a field's ``since``, a choice's in the field's
``newer``, a record's ``since`` where the record is a newer way to write a field's value.
"""

from enum import Enum
from typing import Any, NamedTuple

from positions.model import Attribution, Firmness, Level, Stage

VERSIONS = ("positions/1", "positions/2", "positions/3")
LATEST = VERSIONS[-1]
ID_PATTERN = "^[a-z0-9][a-z0-9_-]*$"
# An outcome named from an issue's outcomes: its id (this issue), or ``issue/outcome``.
LINK_PATTERN = "^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?$"
# The checks of positions lint that a stance's note can answer, each by code and by name
# (lint.py's CHECKS; tests/test_lint.py holds the two together).
ANSWERABLE = (
    "L101", "red-line-without-cue", "L102", "firmness-without-cue",
    "L103", "same-quote-coded-differently", "L106", "condition-not-coded",
    "L109", "inferred-without-note",
)  # fmt: skip


def newer_or_same(version: str, than: str) -> bool:
    """Whether a file of ``version`` may use what ``than`` added (an unknown version may)."""
    if version not in VERSIONS:
        return True
    return VERSIONS.index(version) >= VERSIONS.index(than)


class Kind(Enum):
    """What a field's value is."""

    TEXT = "text"  # non-empty text
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD, a real date
    URL = "url"  # an http(s):// address
    CHOICE = "choice"  # one of the field's choices
    ID = "id"  # the id of something defined elsewhere in the file
    IDS = "ids"  # a list of such ids, each once
    TEXTS = "texts"  # a list of texts
    RECORDS = "records"  # a mapping of id -> a record of the field's record type
    TEXTS_BY_ID = "texts by id"  # a mapping of id -> text
    IDS_BY_ID = "ids by id"  # a mapping of id -> a list of ids, or a record of the field's type
    LIST = "list"  # a list of records of the field's record type
    CHOICES = "choices"  # a non-empty list of the field's choices, each once
    TEXT_OR_RECORD = "text or record"  # text, or a record of the field's record type
    RECORD = "record"  # a record of the field's record type
    LINKS = "links"  # a list of outcomes, each an id (this issue's) or issue/outcome, each once


class Field(NamedTuple):
    """One key of a record: its kind, whether it is required, and the version that added it.

    ``newer`` names the choices added after the field itself, each with the version that did.
    """

    name: str
    kind: Kind
    description: str
    required: bool = False
    since: str = "positions/1"
    choices: tuple[str, ...] = ()
    record: "Record | None" = None
    newer: tuple[tuple[str, str], ...] = ()

    def since_of(self, choice: str) -> str:
        """The version that added ``choice`` to the field's choices."""
        return dict(self.newer).get(choice, self.since)


class Record(NamedTuple):
    """A mapping with a fixed set of keys; ``since``: the version that allowed writing it."""

    name: str
    description: str
    fields: tuple[Field, ...]
    since: str = "positions/1"

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        return next(f for f in self.fields if f.name == name)


EVIDENCE = Record(
    "evidence",
    "A verbatim quote from a source that backs the stance.",
    (
        Field("source", Kind.ID, "The id of the source quoted.", required=True),
        Field("quote", Kind.TEXT, "The words as the source prints them.", required=True),
        Field("speaker", Kind.TEXT, "The person the source names as saying it."),
        Field(
            "attribution",
            Kind.CHOICE,
            "stated: the party's own words; reported: the source attributes it to the party; "
            "inferred: the source's writers or analysts infer it, or another party claims it.",
            required=True,
            choices=tuple(a.value for a in Attribution),
        ),
    ),
)

RANKING = Record(
    "salience",
    "Where an article ranks how much the issue matters to the party, with its verbatim quote.",
    (
        Field(
            "level",
            Kind.CHOICE,
            "top: ranked first; high: named central or core; low: ranked below others.",
            required=True,
            choices=tuple(level.value for level in Level),
        ),
        *EVIDENCE.fields,
    ),
)

DOUBT = Record(
    "doubt",
    "A source's doubt about the stance (its sincerity, its meaning), verbatim.",
    (
        Field("by", Kind.TEXT, "Who voices it, as the article names them.", required=True),
        Field("source", Kind.ID, "The id of the source quoted.", required=True),
        Field("quote", Kind.TEXT, "The words as the source prints them.", required=True),
    ),
)

CONDITION = Record(
    "condition",
    "The outcomes of another issue the stance depends on, and when they are asked for.",
    (
        Field("outcomes", Kind.IDS, "The outcomes of that issue that must hold.", required=True),
        Field(
            "stage",
            Kind.CHOICE,
            "When: talks (before talks start), ceasefire (before a ceasefire) or settlement.",
            choices=tuple(stage.value for stage in Stage),
        ),
    ),
    since="positions/3",
)

NOTE = Record(
    "note",
    "A note that answers only the checks it names; a note that is text answers every check.",
    (
        Field("text", Kind.TEXT, "The coder's reason for the judgement call.", required=True),
        Field(
            "answers",
            Kind.CHOICES,
            "The checks of positions lint the note answers, by code or name (docs/codebook.md).",
            required=True,
            choices=ANSWERABLE,
        ),
    ),
)

STANCE = Record(
    "stance",
    "One party's position on one issue.",
    (
        Field("summary", Kind.TEXT, "The position in a sentence its quotes support.", True),
        Field("accepts", Kind.IDS, "Outcomes of the issue the party demands or would accept."),
        Field("rejects", Kind.IDS, "Outcomes of the issue the party rules out."),
        Field(
            "conditions",
            Kind.IDS_BY_ID,
            "Another issue's id -> the outcomes that must hold on it for this stance to hold; "
            "as {outcomes, stage}, with when they are asked for.",
            since="positions/2",
            record=CONDITION,
        ),
        Field(
            "firmness",
            Kind.CHOICE,
            "How hard the party holds it (see docs/codebook.md); no-cue: the evidence has no "
            "firmness cue at all.",
            required=True,
            choices=tuple(f.value for f in Firmness),
            newer=((Firmness.NO_CUE.value, "positions/3"),),
        ),
        Field(
            "stage",
            Kind.CHOICE,
            "When the accepted outcomes are asked for: talks (before talks start), ceasefire "
            "(before a ceasefire) or settlement (its terms).",
            since="positions/3",
            choices=tuple(stage.value for stage in Stage),
        ),
        Field(
            "salience",
            Kind.RECORD,
            "Only where an article ranks how much the issue matters to the party.",
            since="positions/3",
            record=RANKING,
        ),
        Field(
            "doubts",
            Kind.LIST,
            "A source's doubts about the stance, each with who voices it.",
            since="positions/3",
            record=DOUBT,
        ),
        Field(
            "joint",
            Kind.IDS,
            "A joint statement: the other parties whose stance this also is.",
            since="positions/3",
        ),
        Field(
            "note",
            Kind.TEXT_OR_RECORD,
            "The coder's note on a judgement call; as {text, answers}, only for the checks named.",
            since="positions/2",
            record=NOTE,
        ),
        Field("evidence", Kind.LIST, "At least one quote.", required=True, record=EVIDENCE),
    ),
)

PARTY = Record(
    "party",
    "An actor whose conditions the sources state.",
    (
        Field("name", Kind.TEXT, "The name to show.", required=True),
        Field("aliases", Kind.TEXTS, "Other names of the same actor."),
        Field(
            "members",
            Kind.TEXTS,
            "For a group of actors: who it is made of (never its aliases).",
            since="positions/2",
        ),
        Field("camp", Kind.ID, "The id of the camp the party belongs to.", since="positions/3"),
        Field(
            "stances",
            Kind.RECORDS,
            "Issue id -> the party's stance on it; an issue it has no position on is left out.",
            required=True,
            record=STANCE,
        ),
    ),
)

OUTCOME = Record(
    "outcome",
    "A way the issue could be settled.",
    (
        Field("description", Kind.TEXT, "What happens.", required=True),
        Field(
            "excludes",
            Kind.LINKS,
            "Outcomes that cannot happen together with this one: of the same issue by id, of "
            "another as issue/outcome (positions/3).",
            since="positions/2",
        ),
        Field(
            "requires",
            Kind.LINKS,
            "Outcomes this one cannot happen without, as issue/outcome (or an id of this issue).",
            since="positions/3",
        ),
    ),
)

COMPATIBLE = Record(
    "compatible-pair",
    "Two outcomes of the issue that a coder checked can both happen, and why.",
    (
        Field("outcomes", Kind.IDS, "The two outcomes.", required=True),
        Field("reason", Kind.TEXT, "Why: a quote, or the coder's reasoning.", required=True),
    ),
)

ISSUE = Record(
    "issue",
    "A question to be settled, with the outcomes that could settle it.",
    (
        Field("name", Kind.TEXT, "The name to show.", required=True),
        Field("question", Kind.TEXT, "The question the outcomes answer.", required=True),
        Field(
            "dispute",
            Kind.ID,
            "The id of the dispute this issue is part of.",
            since="positions/2",
        ),
        Field(
            "outcomes",
            Kind.RECORDS,
            "Outcome id -> a description, or a mapping with description, excludes and requires.",
            required=True,
            record=OUTCOME,
        ),
        Field(
            "compatible",
            Kind.LIST,
            "Pairs of the issue's outcomes a coder checked can both happen, each with the reason.",
            since="positions/3",
            record=COMPATIBLE,
        ),
    ),
)

SET_ASIDE = Record(
    "set-aside",
    "A sentence of the source deliberately not coded, and why.",
    (
        Field("quote", Kind.TEXT, "The sentence, or a part of it, as the source prints it.", True),
        Field("reason", Kind.TEXT, "Why it is not coded (docs/codebook.md).", required=True),
    ),
)

SOURCE = Record(
    "source",
    "An article or document that evidence is quoted from.",
    (
        Field("title", Kind.TEXT, "The title.", required=True),
        Field(
            "title_from",
            Kind.CHOICE,
            "Whose the title is: article (its headline) or coder (written by the coder).",
            since="positions/3",
            choices=("article", "coder"),
        ),
        Field("outlet", Kind.TEXT, "Who published it."),
        Field("published", Kind.DATE, "When: YYYY, YYYY-MM or YYYY-MM-DD."),
        Field("url", Kind.URL, "Where it can be read."),
        Field(
            "set_aside",
            Kind.LIST,
            "Sentences read and deliberately not coded, each with the reason.",
            since="positions/2",
            record=SET_ASIDE,
        ),
    ),
)

FILE = Record(
    "the file",
    "Stated conditions of the parties to a conflict, issue by issue, with verbatim quotes.",
    (
        Field("schema", Kind.CHOICE, "The format and its version.", True, choices=VERSIONS),
        Field("title", Kind.TEXT, "What the dataset covers.", required=True),
        Field("sources", Kind.RECORDS, "Source id -> the source.", True, record=SOURCE),
        Field(
            "disputes",
            Kind.TEXTS_BY_ID,
            "Dispute id -> its name: a quarrel that several issues are part of.",
            since="positions/2",
        ),
        Field(
            "camps",
            Kind.TEXTS_BY_ID,
            "Camp id -> its name: parties on one side, named by each party's camp.",
            since="positions/3",
        ),
        Field("issues", Kind.RECORDS, "Issue id -> the issue.", required=True, record=ISSUE),
        Field("parties", Kind.RECORDS, "Party id -> the party.", required=True, record=PARTY),
    ),
)


# -- the JSON Schema ---------------------------------------------------------------------------


def _value(field: Field) -> dict[str, Any]:
    text = {"$ref": "#/$defs/text"}
    ids = {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": True}
    shapes: dict[Kind, dict[str, Any]] = {
        Kind.TEXT: text,
        Kind.DATE: {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        Kind.URL: {"type": "string", "pattern": "^https?://"},
        Kind.CHOICE: {"enum": list(field.choices)},
        Kind.CHOICES: {"type": "array", "minItems": 1, "uniqueItems": True,
                       "items": {"enum": list(field.choices)}},
        Kind.ID: {"$ref": "#/$defs/id"},
        Kind.IDS: ids,
        Kind.LINKS: {"type": "array", "uniqueItems": True,
                     "items": {"type": "string", "pattern": LINK_PATTERN}},
        Kind.TEXTS: {"type": "array", "items": text},
        Kind.TEXTS_BY_ID: {"type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                           "additionalProperties": text},
    }  # fmt: skip
    if field.kind in shapes:
        return {"description": field.description, **shapes[field.kind]}
    if field.kind is Kind.IDS_BY_ID:
        value: dict[str, Any] = ids
        if field.record is not None:
            value = {"anyOf": [ids, {"$ref": f"#/$defs/{field.record.name}"}]}
        return {"description": field.description, "type": "object",
                "propertyNames": {"$ref": "#/$defs/id"}, "additionalProperties": value}  # fmt: skip
    assert field.record is not None
    ref = {"$ref": f"#/$defs/{field.record.name}"}
    if field.kind is Kind.TEXT_OR_RECORD:
        return {"description": field.description, "anyOf": [text, ref]}
    if field.kind is Kind.RECORD:
        return {"description": field.description, **ref}
    if field.kind is Kind.LIST:
        return {"description": field.description, "type": "array", "minItems": 1, "items": ref}
    value = {"anyOf": [text, ref]} if field.record is OUTCOME else ref
    return {
        "description": field.description,
        "type": "object",
        "propertyNames": {"$ref": "#/$defs/id"},
        "additionalProperties": value,
    }


def _record(record: Record) -> dict[str, Any]:
    out: dict[str, Any] = {
        "description": record.description,
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in record.fields if f.required],
        "properties": {f.name: _value(f) for f in record.fields},
    }
    if record is STANCE:  # at least one outcome, accepted or rejected
        out["anyOf"] = [
            {"required": [key], "properties": {key: {"minItems": 1}}}
            for key in ("accepts", "rejects")
        ]
    if record is COMPATIBLE:  # a pair
        out["properties"]["outcomes"] |= {"minItems": 2, "maxItems": 2}
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, as shipped in data/positions.schema.json."""
    records = (SOURCE, SET_ASIDE, ISSUE, OUTCOME, COMPATIBLE, PARTY, STANCE, CONDITION, RANKING,
               DOUBT, NOTE, EVIDENCE)  # fmt: skip
    top = _record(FILE)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://positions.invalid/schema/positions.json",
        "title": f"{', '.join(VERSIONS[:-1])} and {VERSIONS[-1]}",
        **top,
        "$defs": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "description": "Lower-case letters, digits, '-' and '_'.",
            },
            "text": {"type": "string", "pattern": "\\S"},
            **{r.name: _record(r) for r in records},
        },
    }


def main() -> None:
    """Print the JSON Schema: ``python -m positions.fields > src/positions/data/...json``."""
    import json

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
