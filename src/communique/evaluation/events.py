"""Measure the event coder against a gold file of coded sentences.

Gold format (one JSON object a line): `{"id", "date", "text", "events": [{"type", "cameo",
"actor": [{"text", "country", "sector"}], "recipient": [...]}]}`; `actor`/`recipient` may be
absent (type-only gold). Each line is analysed as an article of its own with the full
pipeline. Scores are micro precision/recall/F1 over sets of tuples per sentence, at the
levels (actor country, recipient country, PLOVER type), (actor, recipient), type, and CAMEO
root; plus the accuracy of the sentence's first coded type, and the confusion of gold type
against that first coded type ('-' when nothing is coded). Only factual events count:
hypothetical and denied ones are left out.

Gold files scraped from coding manuals carry rows whose text is the manual's note to coders
("Note Two reciprocal events are coded with actors reversed.") under the example's code. They
are scored like every row, and type accuracy is also given over the rows that are news text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from communique.config import Settings
from communique.model import Article, ArticleDoc, Event, Party

LEVELS = ("actor_recipient_type", "actor_recipient", "type", "cameo_root")
# CAMEO country codes that differ from ISO 3166-1 alpha-3, as older gold files use them.
_CAMEO_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "TMP": "TLS", "GMY": "DEU"}
# A party with no country whose sector names a transnational class is scored as that class.
# Gold 'IMG' (a transnational militant group: al-Qaeda) matches only a party the knowledge base
# itself marks IMG: a country-less party of sector REB may be rebels of a country not named,
# so it stays unmatched rather than being counted as any militant group.
_TRANSNATIONAL_SECTORS = {"IGO": "IGO", "NGO": "IGO", "IMG": "IMG"}
_FACTUAL = frozenset({"asserted", "future", None})
_MAX_ERRORS = 8
_CODER_NOTE = re.compile(r"^(Note\b|NEED EXAMPLE)|\b(is|are|be) coded\b")


def evaluate(gold_path: Path, settings: Settings) -> dict[str, Any]:
    """Run the pipeline on every gold sentence and score the events it codes."""
    from communique.pipeline import Pipeline

    rows = [json.loads(line) for line in Path(gold_path).read_text("utf-8").splitlines() if line.strip()]
    articles = [Article(id=str(row["id"]), text=row["text"]) for row in rows]
    docs = list(Pipeline(settings).pipe(articles))
    counts = {level: [0, 0, 0] for level in LEVELS}  # true positives, predicted, gold
    typed, correct, errors, confusion = 0, 0, [], {}
    notes, correct_in_notes = 0, 0
    for row, doc in zip(rows, docs, strict=True):
        predicted = _factual(doc.events) if isinstance(doc, ArticleDoc) else []
        for level in LEVELS:
            gold_set, pred_set = _tuples(row["events"], level), _predicted(predicted, row["events"], level)
            if gold_set is None:
                continue
            counts[level][0] += len(gold_set & pred_set)
            counts[level][1] += len(pred_set)
            counts[level][2] += len(gold_set)
        gold_type = next((e.get("type") for e in row["events"] if e.get("type")), None)
        if gold_type is not None:
            typed += 1
            first = predicted[0].type if predicted else None
            correct += first == gold_type
            if is_coder_note(row["text"]):
                notes += 1
                correct_in_notes += first == gold_type
            confusion.setdefault(gold_type, {}).setdefault(first or "-", 0)
            confusion[gold_type][first or "-"] += 1
            if first != gold_type and len(errors) < _MAX_ERRORS:
                errors.append(_error(row, gold_type, predicted))
    scores = {level: _prf(*counts[level]) for level in LEVELS if counts[level][2]}
    return {
        "gold": str(gold_path), "sentences": len(rows), "scores": scores,
        "type_accuracy": round(correct / typed, 3) if typed else None, "typed": typed, "errors": errors,
        "type_accuracy_news": round((correct - correct_in_notes) / (typed - notes), 3) if typed > notes else None,
        "coder_notes": notes,
        "confusion": confusion,
    }  # fmt: skip


def is_coder_note(text: str) -> bool:
    """Whether a gold row's text is a coding manual's note to coders rather than news text."""
    return bool(_CODER_NOTE.search(text))


def _factual(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if e.modality in _FACTUAL]


def gold_country(code: str | None) -> str | None:
    """The gold's code in ISO form; its two labels for transnational bodies ('IGO' for
    Amnesty International and the Red Cross, 'NGO' for others) are one class, 'IGO'."""
    if code == "NGO":
        return "IGO"
    return None if code is None else _CAMEO_COUNTRY.get(code, code)


def party_country(party: Party) -> str | None:
    """Our party's country as the gold writes it: IGOs (NATO, UN, EU ...) and international
    NGOs (a party of that sector with no country) as 'IGO'; a country-less transnational
    militant group (sector IMG) as 'IMG'."""
    code = party.country
    if code is None and party.sector in _TRANSNATIONAL_SECTORS:
        return _TRANSNATIONAL_SECTORS[party.sector]
    if code is None:
        return None
    return "IGO" if len(code) != 3 or party.sector == "IGO" else code


def _tuples(gold_events: list[dict[str, Any]], level: str) -> set[tuple[Any, ...]] | None:
    out: set[tuple[Any, ...]] = set()
    for event in gold_events:
        if level.startswith("actor") and "actor" not in event:
            return None
        if (level.endswith("type") and not event.get("type")) or (level == "cameo_root" and not event.get("cameo")):
            continue
        actors = [gold_country(p.get("country")) for p in event.get("actor", [])]
        recipients = [gold_country(p.get("country")) for p in event.get("recipient", [])] or [None]
        out |= _level_tuples(level, event.get("type"), (event.get("cameo") or "")[:2], actors, recipients)
    return out if out or level in ("type", "cameo_root") else out


def _predicted(events: list[Event], gold_events: list[dict[str, Any]], level: str) -> set[tuple[Any, ...]]:
    out: set[tuple[Any, ...]] = set()
    for event in events:
        actors = [party_country(p) for p in event.actor]
        recipients = [party_country(p) for p in event.recipient] or [None]
        out |= _level_tuples(level, event.type, event.cameo[:2], actors, recipients)
    if level == "cameo_root" and not any(e.get("cameo") for e in gold_events):
        return set()
    return out


def _level_tuples(level: str, kind: Any, root: str, actors: list[Any], recipients: list[Any]) -> set[tuple[Any, ...]]:
    if level == "type":
        return {(kind,)}
    if level == "cameo_root":
        return {(root,)}
    pairs = {(a, r) for a in actors for r in recipients}
    return {(*pair, kind) for pair in pairs} if level == "actor_recipient_type" else pairs


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "gold": gold, "predicted": predicted}


def _error(row: dict[str, Any], gold_type: str, predicted: list[Event]) -> dict[str, Any]:
    return {
        "id": row["id"], "text": row["text"][:160], "gold": gold_type,
        "predicted": [f"{e.type} {e.cameo} {_dyad_text(e)} {e.rule}" for e in predicted[:3]],
    }  # fmt: skip


def _dyad_text(event: Event) -> str:
    actors = ",".join(str(party_country(p)) for p in event.actor)
    recipients = ",".join(str(party_country(p)) for p in event.recipient) or "-"
    return f"{actors}->{recipients}"


def render(report: dict[str, Any]) -> str:
    """The report as a plain-text table."""
    lines = [f"gold: {report['gold']} ({report['sentences']} sentences)", ""]
    lines.append(f"{'level':<24}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for level, score in report["scores"].items():
        lines.append(
            f"{level:<24}{score['precision']:>7.3f}{score['recall']:>7.3f}{score['f1']:>7.3f}"
            f"{score['gold']:>7}{score['predicted']:>7}"
        )
    lines.append(f"\ntype accuracy (first coded event): {report['type_accuracy']} over {report['typed']} typed sentences")
    if report.get("coder_notes"):
        news = report["typed"] - report["coder_notes"]
        lines.append(f"  on the {news} that are news text: {report['type_accuracy_news']}"
                     f" ({report['coder_notes']} rows are coders' notes)")
    lines += render_confusion(report.get("confusion") or {})
    if report["errors"]:
        lines.append("\nexamples of errors:")
        for error in report["errors"]:
            lines.append(f"  {error['id']}: gold {error['gold']}, coded {error['predicted'] or 'nothing'}")
            lines.append(f"    {error['text']}")
    return "\n".join(lines)


def render_confusion(confusion: dict[str, dict[str, int]]) -> list[str]:
    """Gold type (rows) against the first coded type (columns, first four letters)."""
    if not confusion:
        return []
    coded = {kind for row in confusion.values() for kind in row} | set(confusion)
    columns = sorted(coded, key=lambda kind: (kind == "-", kind))
    lines = ["\nconfusion (rows gold type, columns first coded type, '-' nothing coded):"]
    lines.append(" " * 11 + "".join(f"{c[:4]:>5}" for c in columns))
    for gold in sorted(confusion):
        cells = "".join(f"{confusion[gold].get(c, 0) or '.':>5}" for c in columns)
        lines.append(f"{gold:<11}{cells}")
    return lines
