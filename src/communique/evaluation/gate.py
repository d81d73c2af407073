"""The accuracy gate: every figure on every gold set stays at or above its pinned floor.

`accuracy_floors.json` (at the repository root) pins a floor per figure per gold set.
`python -m communique.evaluation.gate` measures them all, prints the table of figures
against floors, and exits 1 when any figure is below its floor. Gold sets under
`../shared/` are skipped, with a line saying so, when that folder is absent; the project's
own set in `tests/gold/` always runs.

Raising floors is ordinary (`--raise` sets each floor to the figure just measured). A floor
may go down only with `--lower SET FIGURE --to VALUE --reason TEXT`, which writes the
reason next to it; the gate fails on any floor lower than the highest it has had in the
file's git history unless a reason stands next to it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.config import Settings

REPO = Path(__file__).resolve().parents[3]
FLOORS_FILE = REPO / "accuracy_floors.json"


@dataclass(frozen=True, slots=True)
class Check:
    gold: str
    figure: str
    floor: float
    value: float | None  # None: the gold set is absent here

    @property
    def passed(self) -> bool:
        return self.value is None or self.value + 1e-9 >= self.floor


def load_floors(path: Path = FLOORS_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def figure_of(report: dict[str, Any], dotted: str) -> float:
    """A figure of a report by its dotted path, e.g. `scores.type.f1`."""
    value: Any = report
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def measure(floors: dict[str, Any], *, settings: Settings | None = None) -> list[Check]:
    """Run every gold set of the floors file and compare each figure with its floor."""
    import importlib

    checks = []
    for gold, entry in floors["sets"].items():
        path = (REPO / gold).resolve()
        report = None
        if path.exists():
            started = time.perf_counter()
            module = importlib.import_module(f"communique.evaluation.{entry['subject']}")
            report = module.evaluate(path, settings or Settings())
            sys.stderr.write(f"measured {gold} in {time.perf_counter() - started:.0f} s\n")
        for figure, pinned in entry["figures"].items():
            value = None if report is None else round(figure_of(report, figure), 4)
            checks.append(Check(gold=gold, figure=figure, floor=pinned["floor"], value=value))
    return checks


def render(checks: list[Check]) -> str:
    lines = [f"{'gold set':44} {'figure':32} {'value':>7} {'floor':>7}  result"]
    for check in checks:
        value = "absent" if check.value is None else f"{check.value:.3f}"
        result = "skipped" if check.value is None else ("ok" if check.passed else "BELOW FLOOR")
        lines.append(f"{check.gold:44} {check.figure:32} {value:>7} {check.floor:>7.3f}  {result}")
    return "\n".join(lines)


def unexplained_lowerings(floors: dict[str, Any], history: list[dict[str, Any]]) -> list[str]:
    """Floors below their highest earlier value that carry no written reason."""
    problems = []
    for gold, entry in floors["sets"].items():
        for figure, pinned in entry["figures"].items():
            earlier = [
                old["sets"][gold]["figures"][figure]["floor"]
                for old in history
                if figure in old.get("sets", {}).get(gold, {}).get("figures", {})
            ]
            if earlier and pinned["floor"] < max(earlier) - 1e-9 and not pinned.get("reason"):
                problems.append(f"{gold} {figure}: floor {pinned['floor']} < {max(earlier)} with no reason")
    return problems


def floors_history(path: Path = FLOORS_FILE) -> list[dict[str, Any]]:
    """Every committed version of the floors file (empty outside a git checkout)."""
    relative = path.relative_to(REPO).as_posix()
    try:
        commits = subprocess.run(
            ["git", "log", "--format=%H", "--", relative],
            cwd=REPO, capture_output=True, text=True, check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return []
    versions = []
    for commit in commits:
        shown = subprocess.run(
            ["git", "show", f"{commit}:{relative}"], cwd=REPO, capture_output=True, text=True, check=False
        )
        if shown.returncode == 0:
            versions.append(json.loads(shown.stdout))
    return versions


def raise_floors(floors: dict[str, Any], checks: list[Check]) -> dict[str, Any]:
    """Each measured figure above its floor becomes the new floor."""
    for check in checks:
        pinned = floors["sets"][check.gold]["figures"][check.figure]
        if check.value is not None and check.value > pinned["floor"]:
            pinned["floor"] = check.value
            pinned.pop("reason", None)
    return floors


def lower_floor(floors: dict[str, Any], gold: str, figure: str, value: float, reason: str) -> dict[str, Any]:
    pinned = floors["sets"][gold]["figures"][figure]
    pinned["floor"] = value
    pinned["reason"] = reason
    return floors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m communique.evaluation.gate", description=__doc__.split("\n")[0])
    parser.add_argument("--raise", dest="raise_", action="store_true", help="raise floors to the figures measured")
    parser.add_argument("--lower", nargs=2, metavar=("GOLD", "FIGURE"), help="lower one floor (needs --to and --reason)")
    parser.add_argument("--to", type=float)
    parser.add_argument("--reason")
    args = parser.parse_args(argv)
    floors = load_floors()
    if args.lower:
        if args.to is None or not args.reason:
            parser.error("--lower needs --to VALUE and --reason TEXT")
        _save(lower_floor(floors, *args.lower, args.to, args.reason))
        return 0
    checks = measure(floors)
    sys.stdout.write(render(checks) + "\n")
    if args.raise_:
        _save(raise_floors(floors, checks))
        return 0
    problems = [f"{c.gold} {c.figure}: {c.value:.3f} < floor {c.floor:.3f}" for c in checks if not c.passed]
    problems += unexplained_lowerings(floors, floors_history())
    for problem in problems:
        sys.stderr.write(f"accuracy gate: {problem}\n")
    return 1 if problems else 0


def _save(floors: dict[str, Any]) -> None:
    FLOORS_FILE.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
