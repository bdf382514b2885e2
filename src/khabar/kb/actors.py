"""Actors of the knowledge base: reading and checking the reviewable TSV files in `khabar/data/kb/`.

The files' format is described in `khabar/data/kb/ACTORS_FORMAT.md`: one actor per line, multi-valued fields
separated by ` | `. Reading is strict (a malformed line is an error naming the file and line), because a bad KB
entry silently mislinks every article that mentions it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..fold import fold

COLUMNS = ("id", "kind", "name_ar", "name_en", "aliases_ar", "aliases_en", "abbreviations", "misspellings_ar",
           "country", "acled_category", "qid", "parent", "notes")
KINDS = frozenset({"state", "military", "security", "government_body", "armed_group", "political_party",
                   "international_org", "coalition", "ngo_or_monitor", "media", "person"})
ACLED_CATEGORIES = frozenset({"State Forces", "Rebel Groups", "Political Militias", "Identity Militias", "Rioters",
                              "Protesters", "Civilians", "External/Other Forces"})
ID_RE = re.compile(r"^[a-z0-9_.-]+$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
COUNTRY_RE = re.compile(r"^([A-Z]{2}|INT)$")


class ActorFileError(ValueError):
    """A line of an actor file that cannot be read."""


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str
    name_ar: str
    name_en: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    misspellings_ar: tuple[str, ...] = ()
    country: str = ""
    acled_category: str = ""
    qid: str = ""
    parent: str = ""
    notes: str = ""

    def surface_forms(self) -> tuple[str, ...]:
        """Every name the actor goes by, in the order of the file (main names first)."""
        return tuple(dict.fromkeys(x for x in (self.name_ar, self.name_en, *self.aliases_ar, *self.aliases_en,
                                               *self.abbreviations, *self.misspellings_ar) if x))

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name_ar": self.name_ar, "name_en": self.name_en,
                "country": self.country or None, "acled_category": self.acled_category or None,
                "qid": self.qid or None, "parent": self.parent or None}


def _split(v: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in v.split("|") if x.strip())


def read_actor_file(path: Path | str, text: str | None = None) -> list[Actor]:
    name = str(path)
    text = Path(path).read_text(encoding="utf-8") if text is None else text
    out: list[Actor] = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != COLUMNS:
                raise ActorFileError(f"{name}:{n}: the first line must be the header {'/'.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise ActorFileError(f"{name}:{n}: {len(cells)} fields, expected {len(COLUMNS)}")
        row = dict(zip(COLUMNS, (c.strip() for c in cells)))
        problems = []
        if not ID_RE.match(row["id"]):
            problems.append(f"bad id {row['id']!r}")
        if row["kind"] not in KINDS:
            problems.append(f"unknown kind {row['kind']!r}")
        if row["acled_category"] and row["acled_category"] not in ACLED_CATEGORIES:
            problems.append(f"unknown acled_category {row['acled_category']!r}")
        if row["qid"] and not QID_RE.match(row["qid"]):
            problems.append(f"bad Wikidata QID {row['qid']!r}")
        if row["country"] and not COUNTRY_RE.match(row["country"]):
            problems.append(f"bad country {row['country']!r}")
        if not row["name_ar"] and not row["name_en"]:
            problems.append("no name")
        if problems:
            raise ActorFileError(f"{name}:{n}: " + "; ".join(problems))
        out.append(Actor(row["id"], row["kind"], row["name_ar"], row["name_en"], _split(row["aliases_ar"]),
                         _split(row["aliases_en"]), _split(row["abbreviations"]), _split(row["misspellings_ar"]),
                         row["country"], row["acled_category"], row["qid"], row["parent"], row["notes"]))
    return out


def actor_files() -> Iterator[tuple[str, str]]:
    """(name, text) of every shipped actor file, in name order."""
    folder = resources.files("khabar.data").joinpath("kb")
    for ref in sorted(folder.iterdir(), key=lambda r: r.name):
        if ref.name.startswith("actors_") and ref.name.endswith(".tsv"):
            yield ref.name, ref.read_text(encoding="utf-8")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The key names are compared by: folded, Latin lower-cased, spaces collapsed."""
    return " ".join(fold(name).lower().split())


def check(actors: Iterable[Actor]) -> list[str]:
    """Problems across files: duplicate ids, unknown parents, one name given to two actors."""
    actors = list(actors)
    problems = []
    ids: dict[str, Actor] = {}
    for a in actors:
        if a.id in ids:
            problems.append(f"duplicate id {a.id}")
        ids[a.id] = a
    for a in actors:
        if a.parent and a.parent not in ids:
            problems.append(f"{a.id}: parent {a.parent} is not an actor")
    owner: dict[str, str] = {}
    for a in actors:
        for form in a.surface_forms():
            k = name_key(form)
            if k in owner and owner[k] != a.id:
                problems.append(f"name {form!r} given to both {owner[k]} and {a.id}")
            owner.setdefault(k, a.id)
    return problems


@lru_cache(maxsize=1)
def load_actors() -> dict[str, Actor]:
    """All shipped actors by id (read once)."""
    out: dict[str, Actor] = {}
    for name, text in actor_files():
        for a in read_actor_file(name, text):
            out.setdefault(a.id, a)
    return out
