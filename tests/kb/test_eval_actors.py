"""Actor evaluation: figures and errors from a small gold file."""

from __future__ import annotations

import json

import pytest

from communique.config import Settings
from communique.errors import EvalError
from communique.evaluation.actors import evaluate, render


def test_evaluate_counts_stated_fields_only(tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"text": "Russian police", "country": "RUS", "sector": "COP"},
        {"text": "Vladimir Putin", "date": "2011-09-13", "country": "RUS", "office": "Prime Minister of Russia"},
        {"text": "the European Union", "country": "EUR"},
        {"text": "Russian police", "country": "FRA"},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = evaluate(gold, Settings())
    assert (report["n"], report["country_accuracy"], report["sector_accuracy"], report["office_accuracy"]) == (4, 0.75, 1.0, 1.0)
    assert [e["text"] for e in report["errors"]] == ["Russian police"]
    assert "country" in render(report)


def test_evaluate_bad_line_names_file_and_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "x"}\n{oops\n', encoding="utf-8")
    with pytest.raises(EvalError, match="gold.jsonl:2"):
        evaluate(gold, Settings())
