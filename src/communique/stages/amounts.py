"""Amounts of money (value and ISO 4217 currency) and stated counts of people.

Money is read from the text with one compiled pattern, so "£200 million ($385 million)"
gives two amounts, GBP 200,000,000 and USD 385,000,000, whatever spaCy's MONEY spans do.
Counts of people come from spaCy's CARDINAL spans whose noun is a kind of people
("39 people", "12 soldiers", "more than 1,000 protesters").
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from communique.model import Amount, ArticleDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

SYMBOL_CURRENCIES = {
    "us$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "r$": "BRL", "₩": "KRW", "₺": "TRY",
}
WORD_CURRENCIES = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rupee": "INR",
    "rupees": "INR", "won": "KRW", "lira": "TRY", "shekel": "ILS", "shekels": "ILS",
    "hryvnia": "UAH", "hryvnias": "UAH", "riyal": "SAR", "riyals": "SAR", "rand": "ZAR",
}
ISO_CODES = (
    "USD", "GBP", "EUR", "JPY", "CNY", "RUB", "INR", "CAD", "AUD", "CHF", "KRW", "TRY",
    "ILS", "UAH", "SAR", "ZAR", "BRL", "MXN", "HKD", "NZD", "SEK", "NOK", "PLN", "IRR",
)
MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
PEOPLE_NOUNS = frozenset(
    "people person civilian civilians soldier soldiers troop troops protester protesters "
    "demonstrator demonstrators refugee refugees migrant migrants child children woman "
    "women man men resident residents student students worker workers prisoner prisoners "
    "hostage hostages detainee detainees fighter fighters militant militants officer "
    "officers police policeman policemen passenger passengers victim victims voter voters "
    "member members casualty casualties dead wounded injured survivor survivors "
    "rescuer rescuers journalist journalists".split()
)

_SYMBOLS = "|".join(re.escape(s) for s in sorted(SYMBOL_CURRENCIES, key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"(?:\s*(?:thousand|million|billion|trillion|mln|bn|tn|mn)\b|(?:k|m|b)\b)?"
_WORDS = "|".join(sorted(WORD_CURRENCIES, key=len, reverse=True))
_CODES = "|".join(ISO_CODES)
MONEY = re.compile(
    rf"(?P<sym>(?<![A-Za-z])(?:{_SYMBOLS}))\s?(?P<n1>{_NUMBER})(?P<m1>{_MULT})"
    rf"|(?P<code>\b(?:{_CODES}))\s?(?P<n2>{_NUMBER})(?P<m2>{_MULT})"
    rf"|(?P<n3>\b{_NUMBER})(?P<m3>{_MULT})\s+(?:(?P<code3>{_CODES})\b|(?P<word>{_WORDS})\b)",
    re.IGNORECASE,
)


class AmountStage:
    """Find money and people counts in an article."""

    name = "amounts"

    def __call__(self, doc: ArticleDoc, parsed: Doc) -> ArticleDoc:
        money = find_money(doc.article.text)
        taken = [(a.start, a.end) for a in money]
        people = [
            amount
            for amount in (_people_count(ent) for ent in parsed.ents if ent.label_ == "CARDINAL")
            if amount is not None and not _overlaps(amount, taken)
        ]
        amounts = sorted((*money, *people), key=lambda a: a.start)
        return dataclasses.replace(doc, amounts=tuple(amounts))


def find_money(text: str) -> list[Amount]:
    """Every amount of money written in `text`, in order."""
    return [_money_amount(match) for match in MONEY.finditer(text)]


def _money_amount(match: re.Match[str]) -> Amount:
    number = match["n1"] or match["n2"] or match["n3"]
    multiplier = (match["m1"] or match["m2"] or match["m3"] or "").strip().lower()
    if match["sym"]:
        currency = SYMBOL_CURRENCIES[match["sym"].lower()]
    elif match["word"]:
        currency = WORD_CURRENCIES[match["word"].lower()]
    else:
        currency = (match["code"] or match["code3"]).upper()
    value = float(number.replace(",", "")) * MULTIPLIERS.get(multiplier, 1.0)
    return Amount(
        text=match.group(0), value=value, currency=currency, unit="money",
        start=match.start(), end=match.end(),
    )


def _people_count(ent: Span) -> Amount | None:
    value = parse_number(ent.text)
    if value is None:
        return None
    following = ent.doc[ent.end : ent.end + 3]
    noun = next((t for t in following if t.pos_ in {"NOUN", "ADJ", "PROPN"}), None)
    if noun is None or noun.lower_ not in PEOPLE_NOUNS:
        return None
    end = noun.idx + len(noun.text)
    text = ent.doc[ent.start : noun.i + 1].text  # not Doc.text: it joins the whole document
    return Amount(text=text, value=value, currency=None, unit="people", start=ent.start_char, end=end)


_SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozens": 24, "hundreds": 200, "thousands": 2000,
}
_NUMBER_IN_TEXT = re.compile(_NUMBER)


def parse_number(text: str) -> float | None:
    """The number a CARDINAL span states ("1,000", "more than 300", "two million")."""
    words = text.lower().replace("-", " ").split()
    value: float | None = None
    for word in words:
        digits = _NUMBER_IN_TEXT.fullmatch(word)
        if digits:
            value = float(word.replace(",", ""))
        elif word in _SMALL_NUMBERS:
            value = float(_SMALL_NUMBERS[word])
        elif word in _SCALE_WORDS and value is not None:
            value *= _SCALE_WORDS[word]
    return value


def _overlaps(amount: Amount, spans: list[tuple[int, int]]) -> bool:
    return any(amount.start < end and start < amount.end for start, end in spans)
