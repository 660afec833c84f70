"""A cache of checked data files, keyed by their content, so that a file read again is not parsed.

Why it exists, and what it costs: reading the shipped 64 KB file takes ~8 ms of a command's
~50 ms (importing PyYAML and the loader's modules ~3 ms over what the reference pays for yaml,
parsing, composing and checking ~5 ms), and the script path's budget is 1.2x
``python -c "import click, yaml"`` (benchmarks/README.md, "start-up"). A file read before
comes back from this cache in ~1 ms, without importing PyYAML or the loader at all. The price
is a second way to build the model (``_decode``), held to the loader's by a test on every
example file (tests/test_cache.py), and a copy of the data in the user's cache folder.

- The key is the SHA-256 of the file's bytes, of positions' version, of this module's format
  number and of the size and time of the modules that decide what a file means (so that an
  edited loader, even under the same version, never meets an entry the old one wrote).
  ``_sha256`` (``_sha2`` from Python 3.12) is the C module ``hashlib`` itself wraps for this
  algorithm when OpenSSL is not used: importing it costs 0.2 ms, ``hashlib`` 2 ms (it loads
  OpenSSL). Both give the same SHA-256; ``hashlib`` stays the fallback.
- Only a regular file that loaded without a problem is stored: a pipe, a device or ``-`` is
  read once, and a file with problems is checked again each time, so its messages print.
- An entry is two lines of JSON, a header (format, key, SHA-256 of the second line) and the
  model as nested lists; it is read as data, never executed (no pickle, no marshal). Locations
  are stored as line and column, and the path shown for this reading is put back on the way
  out. An entry whose header, checksum or shape is wrong, or any error at all in reading or
  writing, is a miss: the file is loaded as if there were no cache.
- ``$XDG_CACHE_HOME/positions`` (an absolute path), else ``$HOME/.cache/positions``; no
  ``HOME``, no cache. Folder 0700, entries 0600, written to a temporary name and renamed; only
  entries owned by the user and writable by nobody else are read; at most ``KEEP`` entries and
  ``KEEP_BYTES`` in all, the least recently used removed first. ``POSITIONS_CACHE=off`` turns
  it off.
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import TYPE_CHECKING, Any

from positions import __version__
from positions.model import (
    Attribution,
    Compatibility,
    Dataset,
    Doubt,
    Evidence,
    Firmness,
    Issue,
    Level,
    Location,
    Party,
    Ranking,
    SetAside,
    Source,
    Stage,
    Stance,
)
from positions.text import printable_path
from positions.textfile import DATA_FILE, decode, read_bytes, shown_name

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # Python 3.12 and later
        except ImportError:  # a Python without them: hashlib has it
            from hashlib import sha256

FORMAT = 4  # 2: a source's set_aside; 3: a note's answers; 4: what positions/3 added
KEEP = 32
KEEP_BYTES = 64 * 1024 * 1024  # a few files near the 16 MiB budget, not 32 of them
ENV_VAR = "POSITIONS_CACHE"
# The modules that decide what a file's bytes mean, and this one, which decides what is stored.
_MEANING = ("loader", "checker", "fields", "yamltree", "model", "textfile", "text", "cache")


def load(path: str, *, name: str | None = None) -> Dataset:
    """``loader.load`` through the cache: the same model, messages and errors."""
    shown = printable_path(shown_name(name or path))
    data, regular = read_bytes(path, expected=DATA_FILE)
    folder = _folder() if regular else None
    key = _key(data) if folder is not None else ""
    if folder is not None:
        found = _read(folder, key, shown)
        if found is not None:
            return found
    text = decode(data, shown_name(path))
    del data  # not held while the text is parsed: a 16 MiB file would cost 16 MiB more at peak
    from positions.loader import parse

    dataset = parse(text, shown)
    if folder is not None:
        _write(folder, key, dataset)
    return dataset


def _folder() -> str | None:
    """The cache folder, or None when the cache is off or there is nowhere to put it."""
    if os.environ.get(ENV_VAR, "").strip().lower() in {"off", "0", "no", "false"}:
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the XDG specification ignores it
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "positions")


def _key(data: bytes) -> str:
    """The entry's name: what the bytes are, and what reads them."""
    here = os.path.dirname(os.path.abspath(__file__))
    digest = sha256(f"positions {__version__} cache {FORMAT}\n".encode())
    for module in _MEANING:
        try:
            info = os.stat(os.path.join(here, f"{module}.py"))
            digest.update(f"{module} {info.st_size} {info.st_mtime_ns}\n".encode())
        except OSError:  # not installed as source files: the version alone says which code
            digest.update(f"{module} -\n".encode())
    digest.update(data)
    return digest.hexdigest()


def _read(folder: str, key: str, shown: str) -> Dataset | None:
    """The entry ``key`` as a model whose locations name ``shown``; None for any trouble."""
    path = os.path.join(folder, f"{key}.json")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if info.st_uid != os.getuid() or info.st_mode & 0o022:  # another user could have put it
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        head, _, body = b"".join(chunks).partition(b"\n")
        header = json.loads(head)
        expected = {"format": FORMAT, "key": key, "sha256": sha256(body).hexdigest()}
        if header != expected:
            return None
        dataset = _decode(json.loads(body), shown)
    except Exception:  # any fault of an entry is a miss: the file is read instead
        return None
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: removed last
    return dataset


def _write(folder: str, key: str, dataset: Dataset) -> None:
    """Store ``dataset`` as the entry ``key``, atomically; any trouble leaves no entry."""
    body = _encode(dataset)
    if body is None:
        return
    payload = json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    header = {"format": FORMAT, "key": key, "sha256": sha256(payload).hexdigest()}
    text = json.dumps(header).encode("ascii") + b"\n" + payload
    temporary = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(temporary, flags, 0o600)
    except OSError:
        return
    try:
        try:
            view = memoryview(text)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temporary, os.path.join(folder, f"{key}.json"))
        temporary = ""
        _prune(folder)
    except OSError:
        pass
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(folder: str) -> None:
    """Remove the least recently used entries beyond ``KEEP`` of them or ``KEEP_BYTES`` in all.

    The newest entry stays whatever its size; stray temporary files count as entries.
    """
    with os.scandir(folder) as entries:
        found = [(e.stat().st_mtime_ns, e.stat().st_size, e.path) for e in entries if e.is_file()]
    found.sort(reverse=True)
    total = 0
    for n, (_, size, path) in enumerate(found):
        total += size
        if n >= KEEP or (n > 0 and total > KEEP_BYTES):
            os.unlink(path)


# -- the model as nested lists -------------------------------------------------------------------
# A record is a list of its fields in order; a location is [line, column] (its path is the one
# shown, put back when read); enums are their values, None where not coded; sets are sorted
# lists (links across issues: lists of [issue, outcome]).


def _encode(dataset: Dataset) -> list[Any] | None:
    """``dataset`` as JSON values, or None if a location names another path (never expected)."""
    path = dataset.path

    def where(location: Location | None) -> list[int] | None:
        if location is None:
            return None
        if location.path != path:
            raise _Unstorable
        return [location.line, location.column]

    def evidence(e: Evidence) -> list[Any]:
        return [e.source, e.quote, e.attribution.value, e.speaker, where(e.location)]

    def stance(s: Stance) -> list[Any]:
        found = [evidence(e) for e in s.evidence]
        stages = {i: stage.value for i, stage in s.condition_stages.items()}
        salience = None
        if s.salience is not None:
            r = s.salience
            salience = [r.level.value, evidence(r.evidence), where(r.location)]
        doubts = [[d.by, d.source, d.quote, where(d.location)] for d in s.doubts]
        return [s.issue, s.summary, s.accepts, s.rejects, s.firmness.value, found, s.conditions,
                s.note, s.answers, s.stage and s.stage.value, stages, salience, doubts, s.joint,
                s.coded_under, where(s.location)]  # fmt: skip

    def links(found: dict[str, frozenset[tuple[str, str]]]) -> dict[str, list[list[str]]]:
        return {o: [list(link) for link in sorted(linked)] for o, linked in found.items()}

    def issue(i: Issue) -> list[Any]:
        excludes = {o: sorted(excluded) for o, excluded in i.excludes.items()}
        compatible = [[sorted(c.outcomes), c.reason, where(c.location)] for c in i.compatible]
        return [i.id, i.name, i.question, i.outcomes, excludes, i.dispute,
                links(i.excludes_elsewhere), links(i.requires), compatible,
                where(i.location)]  # fmt: skip

    def party(p: Party) -> list[Any]:
        stances = {k: stance(s) for k, s in p.stances.items()}
        return [p.id, p.name, p.aliases, stances, p.members, p.camp, where(p.location)]

    def source(s: Source) -> list[Any]:
        aside = [[a.quote, a.reason, where(a.location)] for a in s.set_aside]
        return [s.id, s.title, s.outlet, s.published, s.url, aside, s.title_from,
                where(s.location)]  # fmt: skip

    try:
        return [
            dataset.title,
            dataset.schema,
            {k: source(s) for k, s in dataset.sources.items()},
            {k: issue(i) for k, i in dataset.issues.items()},
            {k: party(p) for k, p in dataset.parties.items()},
            dataset.disputes,
            dataset.camps,
        ]
    except _Unstorable:
        return None


class _Unstorable(Exception):
    """The model holds something the entry cannot."""


def _decode(body: list[Any], path: str) -> Dataset:
    """The model ``_encode`` stored, its locations naming ``path``; any fault raises."""
    title, schema, sources, issues, parties, disputes, camps = body

    def where(location: list[int] | None) -> Location | None:
        return None if location is None else Location(path, *location)

    def evidence(e: list[Any]) -> Evidence:
        source, quote, attribution, speaker, location = e
        return Evidence(source, quote, Attribution(attribution), speaker, where(location))

    def ranking(r: list[Any] | None) -> Ranking | None:
        if r is None:
            return None
        level, found, location = r
        return Ranking(Level(level), evidence(found), where(location))

    def stance(s: list[Any]) -> Stance:
        (issue, summary, accepts, rejects, firmness, found, conditions, note, answers, stage,
         stages, salience, doubts, joint, coded_under, location) = s  # fmt: skip
        return Stance(issue, summary, tuple(accepts), tuple(rejects), Firmness(firmness),
                      tuple(evidence(e) for e in found),
                      {i: tuple(o) for i, o in conditions.items()}, note, tuple(answers),
                      None if stage is None else Stage(stage),
                      {i: Stage(v) for i, v in stages.items()}, ranking(salience),
                      tuple(Doubt(b, src, q, where(at)) for b, src, q, at in doubts),
                      tuple(joint), coded_under, where(location))  # fmt: skip

    def links(found: dict[str, list[list[str]]]) -> dict[str, frozenset[tuple[str, str]]]:
        return {o: frozenset((i, x) for i, x in linked) for o, linked in found.items()}

    def issue(i: list[Any]) -> Issue:
        (iid, name, question, outcomes, excludes, dispute, elsewhere, requires, compatible,
         location) = i  # fmt: skip
        checked = tuple(Compatibility(frozenset(o), r, where(at)) for o, r, at in compatible)
        return Issue(iid, name, question, dict(outcomes),
                     {o: frozenset(x) for o, x in excludes.items()}, dispute, links(elsewhere),
                     links(requires), checked, where(location))  # fmt: skip

    def party(p: list[Any]) -> Party:
        pid, name, aliases, stances, members, camp, location = p
        return Party(pid, name, tuple(aliases), {i: stance(s) for i, s in stances.items()},
                     tuple(members), camp, where(location))  # fmt: skip

    def source(s: list[Any]) -> Source:
        sid, name, outlet, published, url, aside, title_from, location = s
        set_aside = tuple(SetAside(q, r, where(at)) for q, r, at in aside)
        return Source(sid, name, outlet, published, url, set_aside, title_from, where(location))

    return Dataset(
        title,
        {k: source(s) for k, s in sources.items()},
        {k: issue(i) for k, i in issues.items()},
        {k: party(p) for k, p in parties.items()},
        dict(disputes),
        dict(camps),
        schema=schema,
        path=path,
    )
