"""The events evaluation tells coders' notes in a gold file apart from news text."""

from __future__ import annotations

import json

from communique.config import Settings
from communique.evaluation import events as evaluation


def test_coders_notes_are_recognised_and_news_is_not():
    assert evaluation.is_coder_note("Note Two reciprocal events are coded with actors reversed.")
    assert evaluation.is_coder_note("Two linked events should be coded with actors reversed.")
    assert evaluation.is_coder_note("NEED EXAMPLE.")
    assert not evaluation.is_coder_note("Notably, Britain urged Russia to release the prisoners.")
    assert not evaluation.is_coder_note("The note was delivered to the Russian embassy.")


def test_type_accuracy_is_also_given_over_news_text(tmp_path):
    rows = [
        {"id": "news", "text": "Britain urged Russia to release the prisoners.", "events": [{"type": "REQUEST"}]},
        {"id": "note", "text": "Note Two reciprocal events are coded.", "events": [{"type": "AGREE"}]},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    report = evaluation.evaluate(gold, Settings())
    assert (report["typed"], report["coder_notes"]) == (2, 1)
    assert report["type_accuracy"] == 0.5
    assert report["type_accuracy_news"] == 1.0
    assert "on the 1 that are news text: 1.0 (1 rows are coders' notes)" in evaluation.render(report)
