"""Actor resolution against a gold JSONL file (text, date, context_country -> country, sector, office).

A field is scored only on lines that state it (a null country is a stated "no country").
Country codes that name the same body are compared as one (EU = EUR).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from communique.config import Settings
from communique.errors import EvalError
from communique.kb import load_kb, resolve_text

SAME_CODE = {"EUR": "EU"}


def read_gold(gold_path: Path) -> list[dict]:
    """The gold lines; EvalError('file:line: reason') when one cannot be read."""
    try:
        lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"{gold_path}: cannot read gold file ({exc.strerror})") from exc
    cases = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            case["_date"] = dt.date.fromisoformat(case["date"]) if case.get("date") else None
        except (ValueError, TypeError) as exc:
            raise EvalError(f"{Path(gold_path).name}:{number}: {exc}") from exc
        if not isinstance(case.get("text"), str):
            raise EvalError(f"{Path(gold_path).name}:{number}: no 'text'")
        cases.append(case)
    return cases


def _code(value: str | None) -> str | None:
    return SAME_CODE.get(value, value) if value else None


def score_case(case: dict, party) -> dict[str, bool]:
    """Which of the case's stated fields the resolved party got right."""
    right: dict[str, bool] = {}
    if "country" in case:
        right["country"] = _code(party.country) == _code(case["country"])
    if "sector" in case:
        right["sector"] = party.sector == case["sector"]
    if case.get("office"):
        right["office"] = bool(party.role) and party.role in case["office"].lower()
    return right


def evaluate(gold_path: Path, settings: Settings) -> dict:
    """Resolve every gold description and report accuracies and the errors."""
    kb = load_kb(tuple(settings.actor_files))
    totals = {"country": [0, 0], "sector": [0, 0], "office": [0, 0]}
    errors = []
    cases = read_gold(gold_path)
    for case in cases:
        party = resolve_text(case["text"], date=case["_date"], country=case.get("context_country"), kb=kb)
        right = score_case(case, party)
        for field, ok in right.items():
            totals[field][0] += ok
            totals[field][1] += 1
        if not all(right.values()):
            errors.append({
                "id": case.get("id"), "text": case["text"],
                "expected": {f: case.get(f) for f in ("country", "sector", "office") if f in case},
                "got": {"country": party.country, "sector": party.sector, "role": party.role, "name": party.name},
                "wrong": sorted(f for f, ok in right.items() if not ok),
            })
    report = {"gold": str(gold_path), "n": len(cases)}
    for field, (good, seen) in totals.items():
        report[f"{field}_accuracy"] = round(good / seen, 4) if seen else None
        report[f"{field}_n"] = seen
    report["errors"] = errors
    return report


def render(report: dict) -> str:
    """A readable table of the figures, then the errors."""
    lines = [f"actors: {report['n']} cases from {report['gold']}", "", f"{'field':<10}{'accuracy':>10}{'n':>6}"]
    for field in ("country", "sector", "office"):
        value = report.get(f"{field}_accuracy")
        shown = "-" if value is None else f"{value:.3f}"
        lines.append(f"{field:<10}{shown:>10}{report.get(f'{field}_n', 0):>6}")
    if report["errors"]:
        lines += ["", f"errors ({len(report['errors'])}):"]
        for error in report["errors"]:
            got = error["got"]
            lines.append(
                f"  {error['text'][:40]!r:<44} expected {error['expected']}  got {got['country']}/{got['sector']}"
            )
    return "\n".join(lines)
