import pytest

from communique.stages.amounts import find_money, parse_number


def test_amounts_money_in_two_currencies():
    text = "officials sign more than £200 million ($385 million) of trade deals"
    found = [(a.currency, a.value, text[a.start : a.end]) for a in find_money(text)]
    assert found == [("GBP", 200e6, "£200 million"), ("USD", 385e6, "$385 million")]


@pytest.mark.parametrize(
    ("text", "currency", "value"),
    [
        ("€1.2 billion", "EUR", 1.2e9),
        ("500 euros", "EUR", 500),
        ("USD 30m", "USD", 30e6),
        ("4.5bn roubles", "RUB", 4.5e9),
        ("US$12", "USD", 12),
        ("1,500,000 dollars", "USD", 1.5e6),
        ("HK$3 billion", "HKD", 3e9),
    ],
)
def test_amounts_money_forms(text, currency, value):
    (amount,) = find_money(f"It cost {text} in all.")
    assert (amount.currency, amount.value) == (currency, value)


def test_amounts_plain_numbers_are_not_money():
    assert find_money("In 2011, 39 people died and 3 m of snow fell.") == []


@pytest.mark.parametrize(
    ("text", "value"), [("1,000", 1000), ("more than 300", 300), ("two million", 2e6), ("dozens", 24)]
)
def test_amounts_parse_number(text, value):
    assert parse_number(text) == value


def test_amounts_people_counts_from_the_parse(pipeline):
    from communique.model import Article

    doc = pipeline.analyze(Article(id="t", text="Police said 39 people were killed and 1,200 protesters marched."))
    people = [(a.value, a.unit) for a in doc.amounts if a.unit == "people"]
    assert (39, "people") in people
    assert (1200, "people") in people
