"""The event ontologies: CAMEO codes (name, Goldstein value, quad class) and PLOVER types.

The tables come from `resources/ontology.json`, built by `scripts/build_ontology.py` from the
CAMEO codebook and the PLOVER manual's CAMEO2PLOVER table. They load once per process, on
first use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# The CAMEO code that stands for a PLOVER type when nothing finer is known.
DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "087", "REQUEST": "100", "ACCUSE": "111", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "190",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None


@dataclass(frozen=True, slots=True)
class PloverCoding:
    type: str
    mode: str | None
    context: str | None


@cache
def _tables() -> dict[str, Any]:
    text = resources.files("communique.resources").joinpath("ontology.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def cameo(code: str) -> CameoCode | None:
    """The CAMEO code's name, Goldstein value and quad class (None for an unknown code)."""
    row = _tables()["cameo"].get(code)
    if row is None:
        return None
    return CameoCode(code, row[0], row[1], row[2])


# The PLOVER category definitions say: "removing curfews" is CONCEDE (the table has the
# easing of curfews and of states of emergency as RETREAT), "RETREAT also covers
# resignations of government officials" (CAMEO 0831, which the table has as CONCEDE), and
# "international (political or economic) sanctions are coded as SANCTION `discontinue'"
# (CAMEO 163, which the table has as COERCE `restrict'). Type, and mode (None: the table's).
_BY_DEFINITION: dict[str, tuple[str, str | None]] = {
    "0813": ("CONCEDE", None), "0814": ("CONCEDE", None), "0831": ("RETREAT", None),
    "163": ("SANCTION", "discontinue"),
}  # fmt: skip


def plover(code: str) -> PloverCoding | None:
    """The PLOVER type, mode and context of a CAMEO code, from its closest listed ancestor.

    CAMEO 01 (statements) has no PLOVER type and gives None. CAMEO 02 (appeals) is not in
    the conversion table, but PLOVER's REQUEST is defined as "all requests, demands, and
    orders", so an appeal takes the coding of the parallel CAMEO 10 demand (026 -> 106).
    Where the conversion table and the PLOVER category definitions disagree, the
    definitions win (`_BY_DEFINITION`).
    """
    if code.startswith("02"):
        code = "10" + code[2:]
    if code in _BY_DEFINITION:
        _, mode, context = _tables()["cameo_to_plover"][code]
        kind, own_mode = _BY_DEFINITION[code]
        return PloverCoding(kind, own_mode or mode, context)
    table = _tables()["cameo_to_plover"]
    for size in range(len(code), 1, -1):
        row = table.get(code[:size])
        if row is not None:
            kind, mode, context = row
            return PloverCoding(kind, mode, context)
    return None


def is_iso3(code: str | None) -> bool:
    """Whether a code is an ISO 3166-1 alpha-3 country code."""
    return code is not None and code in _iso3()


@cache
def _iso3() -> frozenset[str]:
    return frozenset(_tables()["iso3"])


def plover_quad(kind: str) -> str | None:
    """The PLOVER quad category of a type, e.g. 'VERBAL COOPERATION'."""
    entry = _tables()["plover"].get(kind)
    return None if entry is None else str(entry["quad"])
