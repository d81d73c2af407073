"""Build `src/communique/resources/ontology.json` from the reference tables in `data/ontology/`.

Sources (facts only: codes, names, numbers):
- `cameo_event_codes.tsv`: CAMEO event codes with their Goldstein values and quad classes
  (CAMEO codebook, Gerner, Schrodt and Yilmaz).
- `CAMEO2PLOVER-2021.txt`: the CAMEO to PLOVER conversion table (PLOVER manual draft 0.8,
  Open Event Data Alliance, edited by Philip Schrodt).
- `plover_event_categories.tsv`, `plover_scores.tsv`: PLOVER types and scores.
- `cameo_country_codes_iso3166.tsv`: ISO 3166-1 alpha-3 country codes.

Usage: python scripts/build_ontology.py [DATA_DIR]   (default ../shared/data)
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "communique" / "resources" / "ontology.json"
_C2P_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def read_cameo(path: Path) -> dict[str, list[object]]:
    """code -> [name, goldstein, quad class]."""
    table: dict[str, list[object]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            quad = (row["quad_class_common"] or "").split(" ")[0]
            goldstein = float(row["goldstein"]) if row["goldstein"] else None
            name = row["manual_name"] or row["gdelt_label"]
            table[row["code"]] = [name.strip(), goldstein, int(quad) if quad.isdigit() else None]
    return table


def read_cameo_to_plover(path: Path) -> dict[str, list[str | None]]:
    """CAMEO code -> [PLOVER type, mode or None, context or None]."""
    table: dict[str, list[str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _C2P_LINE.match(line.strip())
        if not match:
            continue
        code, kind, mode, context = match.groups()
        mode = (mode or "").strip() or None
        context = (context or "").split(";")[0].strip() or None
        table[code] = [kind, mode, context]
    return table


def read_plover_types(categories: Path, scores: Path) -> dict[str, dict[str, object]]:
    """PLOVER type -> {quad, score, modes: {mode: score}}."""
    types: dict[str, dict[str, object]] = {}
    with categories.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            types[row["category"]] = {"quad": row["quad_category"], "score": None, "modes": {}}
    lines = [line for line in scores.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        entry = types.get(row["category"])
        if entry is None or not row["score"]:
            continue
        if row["mode"]:
            entry["modes"][row["mode"]] = float(row["score"])  # type: ignore[index]
        else:
            entry["score"] = float(row["score"])
    return types


def read_iso3(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return sorted({row["code"] for row in csv.DictReader(handle, delimiter="\t")})


def main(data_dir: Path) -> None:
    onto = data_dir / "ontology"
    resource = {
        "source": "CAMEO codebook; PLOVER manual draft 0.8 and its CAMEO2PLOVER table (Open Event Data Alliance)",
        "cameo": read_cameo(onto / "cameo_event_codes.tsv"),
        "cameo_to_plover": read_cameo_to_plover(onto / "CAMEO2PLOVER-2021.txt"),
        "plover": read_plover_types(onto / "plover_event_categories.tsv", onto / "plover_scores.tsv"),
        "iso3": read_iso3(onto / "cameo_country_codes_iso3166.tsv"),
    }
    OUT.write_text(json.dumps(resource, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT} ({OUT.stat().st_size} bytes)\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
