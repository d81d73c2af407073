"""Stative adjectives, decided and permitted acts, obstruction of passage and defied norms."""

from __future__ import annotations

import pytest

from tests.stages.test_events import countries, first, hand_doc


def test_a_stative_participle_tagged_an_adjective_is_coded_as_its_verb(nlp):
    event = first(hand_doc(nlp, "France is firmly committed to reforming its pension system."))
    assert (event.type, countries(event.actor)) == ("AGREE", ["FRA"])
    assert event.rule.startswith("stative-adjective:committed")


def test_a_stative_adjective_needs_its_preposition(nlp):
    from communique.stages.events_triggers import _stative_adjective_hit

    word = next(t for t in nlp("France is deeply committed in spirit.") if t.norm_ == "committed")
    assert _stative_adjective_hit(word) is None


def test_a_decided_act_done_to_someone_stands_without_a_named_party(nlp):
    event = first(hand_doc(nlp, "The court in France decided to allow the candidate to run."))
    assert (event.type, countries(event.actor)) == ("CONCEDE", ["FRA"])
    assert "+decided" in event.rule


def test_a_decided_act_with_no_object_still_needs_a_target(nlp):
    event = first(hand_doc(nlp, "France decided to think about it."))
    assert event is None or event.type == "AGREE"


def test_the_act_a_party_allows_is_its_concession_not_the_act(nlp):
    event = first(hand_doc(nlp, "Britain allowed Russia to hold a rally in the capital."))
    assert (event.type, countries(event.actor), countries(event.recipient)) == ("CONCEDE", ["GBR"], ["RUS"])
    assert event.rule.endswith("+permitted-act")


def test_blocking_passage_by_troops_restricts_movement(nlp):
    event = first(hand_doc(nlp, "Russian troops blocked the main road into Libya."))
    assert (event.type, event.cameo) == ("COERCE", "191")
    assert event.rule == "verb-sense:block:passage-forces" or event.rule.startswith("verb-sense:block:passage-forces+")


def test_blocking_passage_by_rebels_is_a_protest(nlp):
    from communique.stages.events_senses import sense_hit

    verb = next(t for t in nlp("Rebels blocked roads into the capital.") if t.lemma_ == "block")
    assert sense_hit(verb, "block") == ("144", "verb-sense:block:passage-insurgents")


@pytest.mark.parametrize("text", ["Russia violated the arms embargo on Libya.", "Russia defied the ban on Libya."])
def test_violating_a_ban_or_embargo_defies_norms(nlp, text):
    event = first(hand_doc(nlp, text))
    assert (event.type, event.cameo) == ("REJECT", "128")


def test_violating_a_truce_keeps_the_dictionary_coding(nlp):
    event = first(hand_doc(nlp, "Russia violated the ceasefire with Libya."))
    assert event is None or event.cameo != "128"


def test_staff_sent_out_of_a_place_are_withdrawn_from_it(nlp):
    event = first(hand_doc(nlp, "Britain flew its observers out of Libya."))
    assert (event.type, event.cameo, countries(event.actor), countries(event.recipient)) == (
        "SANCTION", "1662", ["GBR"], ["LBY"]
    )


def test_staff_sent_to_a_place_are_not_withdrawn(nlp):
    from communique.stages.events_senses import _sent_away

    verb = next(t for t in nlp("Britain sent observers from London to Libya.") if t.lemma_ == "send")
    assert not _sent_away(verb)


def test_staff_withdrawn_with_no_doer_are_withdrawn_by_their_body(nlp):
    event = first(hand_doc(nlp, "Nato observers were withdrawn from Libya."))
    assert (event.type, countries(event.actor)) == ("SANCTION", ["NATO"])
    assert "+staff-sender" in event.rule
