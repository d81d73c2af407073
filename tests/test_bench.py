"""`communique bench` measures both sides on the same words and reports their ratio."""

import json
import subprocess
import sys
from pathlib import Path

from communique.bench import read_corpus
from communique.ids import content_key

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


def test_bench_repeats_the_corpus_as_distinct_articles():
    once = read_corpus(EXAMPLES)
    words = sum(len(a.text.split()) for a in once)
    repeated = read_corpus(EXAMPLES, min_words=words * 2 + 1)
    assert len(repeated) == 3 * len(once)
    assert len({a.id for a in repeated}) == len(repeated)
    assert len({content_key(a.text, a.url) for a in repeated}) == len(repeated)


def test_bench_json_reports_both_speeds_and_their_ratio():
    result = subprocess.run(
        [sys.executable, "-m", "communique", "bench", str(EXAMPLES), "--limit", "2", "--repeat", "1", "--format", "json"],
        capture_output=True, text=True, timeout=300, check=True,
    )
    figures = json.loads(result.stdout)
    assert figures["articles"] == 2
    assert figures["words"] > 100
    assert figures["ratio"] == figures["ingest_words_per_second"] / figures["spacy_words_per_second"] or abs(
        figures["ratio"] - figures["ingest_words_per_second"] / figures["spacy_words_per_second"]
    ) < 1e-6
    stages = figures["stage_shares"]
    assert {"entities", "quotes", "events"} <= set(stages)
    assert all(share >= 0 for share in stages.values())
