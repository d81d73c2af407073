"""Measure the quotes stage against a PolNeAR-style gold file of attributions.

Gold format (one article a line): `{"doc_id", "text", "date", "title", "quotes": [{"source",
"cue", "content": [{"start", "end", "text"}], "has_source", "content_has_quote_mark"}]}`.

Scores, micro-averaged over articles:

- content overlap in characters: precision is the share of predicted quote characters
  that lie inside some gold content, recall the share of gold content characters that
  some predicted quote covers. Reported for all attributions, and for the quote-mark
  ones alone (gold whose content holds a quotation mark; predicted quotes that do);
- speaker accuracy: for each gold attribution with a source, the predicted quote that
  overlaps its content most; the speaker is right when the predicted speaker span
  overlaps the gold source span. `speaker_accuracy` counts over the gold attributions a
  quote was found for; `speaker_found` over all gold attributions with a source.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from communique.config import Settings
from communique.model import Article, ArticleDoc, Quote
from communique.stages.quotes_marks import MARK_CHARS

SUBSETS = ("all", "quote_mark")


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    covered: set[int] = set()
    for start, end in spans:
        covered.update(range(start, end))
    return covered


def _gold_spans(gold: list[dict[str, Any]], subset: str) -> list[tuple[int, int]]:
    return [
        (span["start"], span["end"])
        for quote in gold
        if subset == "all" or quote["content_has_quote_mark"]
        for span in quote["content"]
    ]


def _predicted_spans(quotes: tuple[Quote, ...], subset: str) -> list[tuple[int, int]]:
    return [
        (quote.start, quote.end)
        for quote in quotes
        if subset == "all" or any(char in MARK_CHARS for char in quote.text)
    ]


def _score_overlap(counts: Counter[str], doc: ArticleDoc, gold: list[dict[str, Any]]) -> None:
    for subset in SUBSETS:
        predicted = _chars(_predicted_spans(doc.quotes, subset))
        expected = _chars(_gold_spans(gold, subset))
        counts[f"{subset}_predicted"] += len(predicted)
        counts[f"{subset}_gold"] += len(expected)
        counts[f"{subset}_overlap"] += len(predicted & expected)


def _best_quote(quotes: tuple[Quote, ...], spans: list[tuple[int, int]]) -> Quote | None:
    def overlap(quote: Quote) -> int:
        return sum(max(0, min(quote.end, end) - max(quote.start, start)) for start, end in spans)

    best = max(quotes, key=overlap, default=None)
    return best if best is not None and overlap(best) > 0 else None


def _score_speakers(counts: Counter[str], doc: ArticleDoc, gold: list[dict[str, Any]]) -> None:
    for attribution in gold:
        if not attribution["has_source"] or not attribution["source"] or not attribution["content"]:
            continue
        counts["speaker_gold"] += 1
        quote = _best_quote(doc.quotes, [(s["start"], s["end"]) for s in attribution["content"]])
        if quote is None:
            continue
        counts["speaker_matched"] += 1
        said_by = quote.speaker_mention
        if said_by is not None and any(
            min(said_by.end, s["end"]) > max(said_by.start, s["start"]) for s in attribution["source"]
        ):
            counts["speaker_correct"] += 1


def _article(row: dict[str, Any], line: int) -> Article:
    date = dt.date.fromisoformat(row["date"]) if row.get("date") else None
    ident = f"{row.get('doc_id', line)}:{row.get('annotator', '')}"
    return Article(id=ident, text=row["text"], title=row.get("title"), date=date)


def _pipeline(settings: Settings) -> Any:
    from communique.pipeline import Pipeline
    from communique.stages.quotes import make_stage

    try:
        return Pipeline(settings)
    except ImportError:  # a stage before quotes is not there yet; quotes alone still run
        return Pipeline(settings, stages=[make_stage(settings)])


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _report(counts: Counter[str], articles: int) -> dict[str, Any]:
    report: dict[str, Any] = {"articles": articles}
    for subset in SUBSETS:
        precision = _ratio(counts[f"{subset}_overlap"], counts[f"{subset}_predicted"])
        recall = _ratio(counts[f"{subset}_overlap"], counts[f"{subset}_gold"])
        f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
        report[subset] = {
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "predicted_chars": counts[f"{subset}_predicted"], "gold_chars": counts[f"{subset}_gold"],
        }
    report["speaker"] = {
        "accuracy": round(_ratio(counts["speaker_correct"], counts["speaker_matched"]), 4),
        "found": round(_ratio(counts["speaker_correct"], counts["speaker_gold"]), 4),
        "gold": counts["speaker_gold"],
        "matched": counts["speaker_matched"],
    }
    return report


def evaluate(gold_path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Run the pipeline on every gold article (the first `limit` ones) and score its quotes."""
    with gold_path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    rows = rows[:limit] if limit is not None else rows
    pipeline = _pipeline(settings)
    counts: Counter[str] = Counter()
    docs = pipeline.pipe(_article(row, line) for line, row in enumerate(rows))
    for row, doc in zip(rows, docs, strict=True):
        if not isinstance(doc, ArticleDoc):
            counts["failed"] += 1
            continue
        _score_overlap(counts, doc, row["quotes"])
        _score_speakers(counts, doc, row["quotes"])
    report = _report(counts, len(rows))
    report["failed"] = counts["failed"]
    return report


def render(report: dict[str, Any]) -> str:
    """The report as a short plain-text table."""
    lines = [f"articles: {report['articles']} (failed: {report.get('failed', 0)})"]
    lines.append(f"{'content overlap':<22}{'P':>8}{'R':>8}{'F1':>8}")
    for subset in SUBSETS:
        row = report[subset]
        lines.append(f"{subset:<22}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}")
    speaker = report["speaker"]
    lines.append(
        f"speaker accuracy: {speaker['accuracy']:.3f} of {speaker['matched']} found quotes "
        f"({speaker['found']:.3f} of all {speaker['gold']} gold attributions with a source)"
    )
    return "\n".join(lines)
