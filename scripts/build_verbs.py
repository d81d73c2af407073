"""Build `src/communique/resources/verbs.json`: verb lemma -> CAMEO code and phrase patterns.

Source: the facts (which verb, with which nearby words, codes which CAMEO event) of the
CAMEO verb pattern dictionary `CAMEO.2.0.txt` distributed with PETRARCH2 (Open Event Data
Alliance, MIT licence; built on the TABARI CAMEO dictionaries and WordNet synonym sets).
Only codes and lowercased words are kept; the dictionary's own pattern syntax is reduced
to bags of words that must appear after (or before) the verb.

Usage: python scripts/build_verbs.py [DATA_DIR]   (default ../shared/data)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "communique" / "resources" / "verbs.json"
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
_SKIP = {"*", "$", "+", "%", "^", "-", ""}


def _code(raw: str) -> str | None:
    """'042:043' -> '042'; '---' -> None (the dictionary's 'no event')."""
    first = raw.strip().lstrip(":").split(":")[0].strip()
    return first if first and first != "---" and first.isdigit() else None


def _words(text: str) -> list[str]:
    cleaned = re.sub(r"[(){}]", " ", text).replace("_", " ")
    return [w.lower() for w in cleaned.split() if w not in _SKIP and not w.startswith("#")]


def _pattern(line: str) -> tuple[list[str], list[str], str | None] | None:
    found = _CODE.search(line)
    if found is None:
        return None
    body = line[1 : found.start()]
    if "*" not in body:
        return None
    before, after = body.split("*", 1)
    return _words(before), _words(after), _code(found.group(1))


def _verb_entry(line: str) -> tuple[str, str | None, bool] | None:
    """A verb line: (key, own code, has own code); multiword forms become 'rule out'."""
    text = line.split("#", 1)[0].strip()
    own = _CODE.search(text)
    text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).strip()
    if not text:
        return None
    key = text.lstrip("+").split()[0].replace("_", " ").lower().strip()
    return (key, _code(own.group(1)) if own else None, own is not None) if key else None


def read_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if line.startswith("&"):
            current = sets.setdefault(line.split()[0].lower(), [])
        elif line.startswith("+") and current is not None:
            current.append(" ".join(_words(line[1:].split("#")[0])))
        elif not line.strip():
            current = None
    return sets


def read_blocks(lines: list[str]) -> tuple[list[dict[str, object]], dict[str, list[object]]]:
    blocks: list[dict[str, object]] = []
    verbs: dict[str, list[object]] = {}
    for line in lines:
        header = _HEADER.match(line)
        if header:
            blocks.append({"code": _code(header.group(2)), "patterns": []})
        elif not blocks or not line.strip() or line.startswith("#"):
            continue
        elif line.startswith("-"):
            pattern = _pattern(line)
            if pattern is not None and (pattern[0] or pattern[1]):
                blocks[-1]["patterns"].append(list(pattern))  # type: ignore[attr-defined]
        else:
            entry = _verb_entry(line)
            if entry is not None and entry[0] not in verbs:
                key, own, has_own = entry
                verbs[key] = [len(blocks) - 1, own, has_own]
    return blocks, verbs


def main(data_dir: Path) -> None:
    lines = (data_dir / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next(i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line)
    blocks, verbs = read_blocks(lines[start:end])
    resource = {
        "source": "CAMEO verb pattern dictionary CAMEO.2.0.txt (PETRARCH2, Open Event Data Alliance, MIT)",
        "sets": read_sets(lines[:start]),
        "blocks": blocks,
        "verbs": verbs,
    }
    OUT.write_text(json.dumps(resource, separators=(",", ":")), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}: {len(verbs)} verbs, {len(blocks)} blocks\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
