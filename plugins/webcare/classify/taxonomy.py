"""The label codes, read from the dbt seed ``complaint_taxonomy.csv`` (the single list of names)."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from webcare.config import SEEDS_DIR


def taxonomy_path() -> Path:
    return Path(os.environ.get("WEBCARE_TAXONOMY_CSV") or SEEDS_DIR / "complaint_taxonomy.csv")


@dataclass(frozen=True)
class Taxonomy:
    version: str
    codes: dict[str, tuple[str, ...]]        # level -> codes in seed order
    parent: dict[str, str]                   # category code -> domain code

    def labels(self, level: str) -> tuple[str, ...]:
        return self.codes.get(level, ())

    def domain_of(self, category: str) -> str:
        return self.parent.get(category, "none")


@lru_cache(maxsize=4)
def _load(path: str) -> Taxonomy:
    codes: dict[str, list[str]] = {}
    parent: dict[str, str] = {}
    versions = set()
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            level, code = row["level"].strip(), row["code"].strip()
            codes.setdefault(level, []).append(code)
            versions.add(row.get("taxonomy_version", "").strip())
            if level == "category":
                parent[code] = (row.get("parent_code") or "none").strip() or "none"
    return Taxonomy(version=",".join(sorted(versions)),
                    codes={level: tuple(values) for level, values in codes.items()}, parent=parent)


def load_taxonomy() -> Taxonomy:
    return _load(str(taxonomy_path()))
