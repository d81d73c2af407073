"""The event coder's later mechanisms: stray agents, places of unnamed doers, statements a
party issues, obligations through readiness, promised permissions and verb or noun senses."""

from __future__ import annotations

import pytest

from tests.stages.test_events import dyads, first, hand_doc


def test_a_passive_takes_the_by_phrase_the_parse_hung_elsewhere(nlp):
    doc = hand_doc(nlp, "A British soldier was killed in an attack on a convoy by Russia near the border.")
    event = first(doc)
    assert (event.type, [a.country for a in event.actor]) == ("ASSAULT", ["RUS"])
    assert "+stray-agent" in event.rule


def test_a_by_phrase_of_another_act_is_not_the_doer(nlp):
    doc = hand_doc(nlp, "Two soldiers were killed in clashes following a demonstration by Russia.")
    assert not any("+stray-agent" in e.rule for e in doc.events)


def test_an_unnamed_doer_takes_the_place_of_the_thing_that_acted(nlp):
    doc = hand_doc(nlp, "A roadside bomb near Moscow killed three soldiers on Monday.")
    event = first(doc)
    assert (event.type, [a.country for a in event.actor]) == ("ASSAULT", ["RUS"])
    assert "+scene-actor" in event.rule


def test_a_place_inside_the_verbs_phrase_is_the_scene(nlp):
    doc = hand_doc(nlp, "A British journalist was put under investigation in Moscow.")
    event = first(doc)
    assert (event.type, [a.country for a in event.actor]) == ("ACCUSE", ["RUS"])


def test_a_document_a_party_issues_states_its_act(nlp):
    doc = hand_doc(nlp, "Russia issued a statement demanding that Britain return the documents.")
    assert ("REQUEST", "RUS", "GBR") in dyads(doc)
    assert first(doc).type == "REQUEST"


def test_an_act_one_must_be_ready_to_do_is_demanded(nlp):
    doc = hand_doc(nlp, "Cameron said Russia must be ready to negotiate with Libya.")
    event = first(doc)
    assert (event.type, event.rule.split("+")[0]) == ("REQUEST", "obligation:negotiate")
    assert ("REQUEST", "GBR", "RUS") in dyads(doc)


def test_a_promised_permission_is_an_intent_to_yield(nlp):
    event = first(hand_doc(nlp, "Russia will allow British inspectors to enter the plant."))
    assert (event.type, event.cameo, event.modality) == ("AGREE", "035", "future")
    assert event.rule.endswith("+promised-permission")


def test_a_sworn_attack_is_a_threat(nlp):
    event = first(hand_doc(nlp, "Russia has sworn to attack Libya."))
    assert event.type == "THREATEN"


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        ("Russian workers stopped work on Monday over pay.", "PROTEST", "verb-sense:stop:work"),
        ("Russian students threw stones at British diplomats.", "PROTEST", "verb-sense:throw:stones"),
        ("Russia let free two British sailors.", "RETREAT", "verb-sense:let:free"),
        ("Britain summoned the Russian ambassador on Monday.", "ACCUSE", "verb-sense:summon:envoy"),
        ("Russian police broke up a demonstration in Moscow.", "COERCE", "verb-sense:break up:protest"),
        ("Russia denied entry to British diplomats.", "REJECT", "verb-sense:deny:grant"),
        ("Russia closed its border with Libya.", "COERCE", "verb-sense:close:border"),
        ("Russia declared a state of siege in Moscow.", "COERCE", "verb-restriction:declare:siege"),
        ("Russia beat up British protesters.", "ASSAULT", "verb:beat up"),
        ("Russia reneged on its promise to Britain.", "REJECT", "verb:renege"),
        ("Russia opened a hearing into the deaths of British soldiers.", "ACCUSE", "verb:open+noun:hearing"),
    ],
)
def test_verb_senses_decided_by_what_the_verb_takes(nlp, text, kind, rule):
    event = first(hand_doc(nlp, text))
    assert event.type == kind
    assert event.rule.startswith(rule)


def test_a_statement_released_is_no_release(nlp):
    doc = hand_doc(nlp, "Russia released a statement on Monday.")
    assert not any(e.type == "RETREAT" for e in doc.events)


def test_aerial_strikes_and_artillery_fire_are_attacks(nlp):
    air = first(hand_doc(nlp, "Russia launched air strikes on Libya."))
    assert (air.type, air.cameo) == ("ASSAULT", "195")
    guns = first(hand_doc(nlp, "Russia launched artillery and rocket fire against Libya."))
    assert (guns.type, guns.cameo) == ("ASSAULT", "194")


def test_an_act_prevented_did_not_happen(nlp):
    doc = hand_doc(nlp, "British ships prevented Russia from attacking Libya.")
    assert not any(e.type == "ASSAULT" and e.modality in ("asserted", None) for e in doc.events)
    assert any(e.rule.endswith("+prevented") and e.modality == "hypothetical" for e in doc.events)


def test_an_act_considered_is_hypothetical(nlp):
    doc = hand_doc(nlp, "Russia is considering sending troops to Libya.")
    assert all(e.modality == "hypothetical" for e in doc.events)


def test_a_complaint_to_a_third_party_targets_the_accused(nlp):
    event = first(hand_doc(nlp, "Libya complained to the EU over Russian air strikes."))
    assert (event.type, [r.country for r in event.recipient]) == ("ACCUSE", ["RUS"])
    assert event.rule.endswith("+grievance-recipient")


def test_a_demand_that_a_party_act_is_addressed_to_that_party(nlp):
    assert ("REQUEST", "GBR", "RUS") in dyads(hand_doc(nlp, "Britain demanded that Russia match France's offer."))


def test_forces_strengthened_somewhere_are_placed_there(nlp):
    event = first(hand_doc(nlp, "Russia strengthened its forces in Libya."))
    assert (event.type, [r.country for r in event.recipient]) == ("MOBILIZE", ["LBY"])


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("The Russian prime minister quit on Sunday.", "RETREAT", "0831"),
        ("A Russian court convicted Cameron of spying.", "ACCUSE", "116"),
        ("Russian forces carried out the killing of two British soldiers.", "ASSAULT", "190"),
        ("Russian rebels blew up a bridge in Libya.", "ASSAULT", "180"),
    ],
)
def test_lexicon_entries(nlp, text, kind, cameo):
    event = first(hand_doc(nlp, text))
    assert (event.type, event.cameo) == (kind, cameo)


def test_a_no_event_verb_takes_no_pattern_of_its_block(nlp):
    doc = hand_doc(nlp, "Russian troops stayed on alert to forestall violence in Libya.")
    assert not any("forestall" in e.rule for e in doc.events)


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        ("Russia downgraded its diplomatic ties with Libya.", "SANCTION", "verb-quantity:downgrade:tie"),
        ("Russia granted asylum to two Libyan officers.", "AID", "verb-sense:grant:asylum"),
        ("Russia declared a cease-fire in Libya.", "CONCEDE", "verb-declared:declare"),  # as 'ceasefire'
    ],
)
def test_more_senses(nlp, text, kind, rule):
    event = first(hand_doc(nlp, text))
    assert event.type == kind
    assert event.rule.startswith(rule)


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        ("Russian warplanes struck rebel positions in Libya.", "ASSAULT", "verb-sense:strike:aerial"),
        ("Russian rebels struck a British convoy in Libya.", "ASSAULT", "verb-sense:strike:target"),
        ("Russian workers will strike on Monday.", "PROTEST", "verb:strike"),
        ("Russia struck a deal with Libya.", "AGREE", "verb-sense:strike:deal"),  # not an attack
        ("The Russian army called up reservists on Monday.", "MOBILIZE", "verb:call up"),
    ],
)
def test_strikes_and_call_ups(nlp, text, kind, rule):
    event = first(hand_doc(nlp, text))
    assert event.type == kind
    assert event.rule.startswith(rule)


def test_a_raising_passive_takes_no_stray_agent(nlp):
    doc = hand_doc(nlp, "Cameron is expected to meet Libyan officials, according to a report by Russia.")
    assert not any("+stray-agent" in e.rule for e in doc.events)


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        ("Russia blocked a British proposal at the council.", "REJECT", "verb-sense:block:proposal"),
        ("Libya granted refugee status to 500 Russian citizens.", "AID", "verb-sense:grant:asylum"),
        ("France deployed 300 peacekeepers to Libya.", "AID", "verb-sense:deploy:peacekeepers"),
    ],
)
def test_senses_of_blocking_granting_and_sending(nlp, text, kind, rule):
    event = first(hand_doc(nlp, text))
    assert event.type == kind
    assert event.rule.startswith(rule)


def test_an_event_noun_between_two_sides_takes_them_as_its_parties(nlp):
    truce = first(hand_doc(nlp, "A truce between Russia and Libya took effect on Friday."))
    assert (truce.type, [a.country for a in truce.actor], [r.country for r in truce.recipient]) == (
        "RETREAT", ["RUS"], ["LBY"])
    assert "+sides-between" in truce.rule
    talks = first(hand_doc(nlp, "Talks between Britain and France resumed in Geneva."))
    assert (talks.type, sorted(a.country for a in talks.actor), talks.recipient) == ("CONSULT", ["FRA", "GBR"], ())


def test_whom_the_object_is_posted_to_is_the_recipient(nlp):
    event = first(hand_doc(nlp, "France recalled its ambassador to Libya on Monday."))
    assert (event.type, [r.country for r in event.recipient]) == ("SANCTION", ["LBY"])


def test_a_party_engaged_in_an_act_does_it(nlp):
    event = first(hand_doc(nlp, "Russian forces were engaged in ethnic cleansing against Libyan villagers."))
    assert (event.type, event.cameo, [a.country for a in event.actor]) == ("ASSAULT", "203", ["RUS"])


def test_a_passive_done_by_an_act_takes_that_acts_doer(nlp):
    event = first(hand_doc(nlp, "Two British policemen were killed in a Russian attack on Tuesday."))
    assert (event.type, [a.country for a in event.actor], [r.country for r in event.recipient]) == (
        "ASSAULT", ["RUS"], ["GBR"])
    assert "+means-actor" in event.rule


def test_one_expelled_from_a_country_is_expelled_by_it(nlp):
    event = first(hand_doc(nlp, "A Russian diplomat was expelled from Libya on Friday."))
    assert (event.type, [a.country for a in event.actor], [r.country for r in event.recipient]) == (
        "SANCTION", ["LBY"], ["RUS"])


def test_asking_others_to_back_or_condemn_a_third_party_rallies_for_or_against_it(nlp):
    support = first(hand_doc(nlp, "Britain urged France to support Libya."))
    assert (support.type, support.cameo, support.rule) == ("SUPPORT", "053", "verb-rally:urge:support")
    opposition = first(hand_doc(nlp, "Britain urged France to condemn Russia."))
    assert (opposition.type, opposition.cameo) == ("ACCUSE", "113")
    request = first(hand_doc(nlp, "Britain urged France to send aid to Libya."))
    assert request.type == "REQUEST"


def test_opening_a_border_allows_access(nlp):
    event = first(hand_doc(nlp, "Libya reopened its border with Russia on Monday."))
    assert (event.type, event.cameo, event.rule.split("+")[0]) == ("RETREAT", "0863", "verb-sense:reopen:border")


def test_asking_others_to_unite_against_a_party_rallies_opposition(nlp):
    event = first(hand_doc(nlp, "Britain urged France to unite against Russia."))
    assert (event.type, event.cameo) == ("ACCUSE", "113")


def test_protesters_suspending_their_protest_ease_dissent(nlp):
    event = first(hand_doc(nlp, "The Russian opposition suspended its protests in Moscow."))
    assert (event.type, event.cameo, event.rule.split("+")[0]) == ("CONCEDE", "082", "verb-sense:suspend:own-protest")
    aid = first(hand_doc(nlp, "Russia suspended aid to Libya."))
    assert aid.type == "SANCTION"


def test_withdrawing_international_staff_halts_involvement(nlp):
    done = first(hand_doc(nlp, "Britain withdrew its observers from Libya."))
    assert (done.type, done.cameo) == ("SANCTION", "1662")
    promised = first(hand_doc(nlp, "France said it will withdraw its peacekeepers from Libya."))
    assert (promised.type, promised.cameo) == ("THREATEN", "136")
    troops = first(hand_doc(nlp, "Russia withdrew its troops from Libya."))
    assert troops.type == "RETREAT"
