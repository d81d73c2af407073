"""Decided acts, calls for punishment, parties asked 'on', and mass expulsions."""

from __future__ import annotations

from tests.stages.test_events import countries, first, hand_doc


def test_the_act_decided_on_is_the_event_not_the_decision(nlp):
    event = first(hand_doc(nlp, "France decided on Friday to expel two Russian diplomats."))
    assert (event.type, countries(event.actor), countries(event.recipient)) == ("SANCTION", ["FRA"], ["RUS"])
    assert event.rule.endswith("+decided") and event.modality == "asserted"


def test_a_vote_to_act_is_the_act(nlp):
    event = first(hand_doc(nlp, "Britain voted to impose sanctions on Iran."))
    assert (event.type, event.cameo) == ("SANCTION", "163") and "+decided" in event.rule


def test_a_decision_whose_act_is_not_coded_stays_agree(nlp):
    event = first(hand_doc(nlp, "France decided to think about it."))
    assert event is None or event.type == "AGREE"


def test_calling_for_sanctions_against_a_party_rallies_opposition_against_it(nlp):
    event = first(hand_doc(nlp, "British lawmakers urged tougher sanctions on Russia."))
    assert (event.type, event.cameo, countries(event.recipient)) == ("ACCUSE", "113", ["RUS"])
    assert event.rule.startswith("verb-rally:urge:sanction")


def test_a_call_for_a_boycott_of_a_party_rallies_opposition_against_it(nlp):
    event = first(hand_doc(nlp, "Iran called for a boycott of Russian goods."))
    assert (event.type, countries(event.recipient)) == ("ACCUSE", ["RUS"])


def test_a_call_for_sanctions_with_no_target_is_not_a_rally(nlp):
    doc = hand_doc(nlp, "Iran called for sanctions.")
    assert not any(e.rule.startswith("verb-rally:") for e in doc.events)


def test_the_party_asked_on_may_head_an_adverbial_infinitive(nlp):
    event = first(hand_doc(nlp, "Iran called Thursday on Arabs to unite and ``mobilize'' against Russia."))
    assert (event.type, event.cameo, countries(event.recipient)) == ("ACCUSE", "113", ["RUS"])


def test_a_day_after_on_is_not_the_party_asked(nlp):
    doc = hand_doc(nlp, "Iran on Monday called for a court case to be opened.")
    assert not any(e.rule.startswith("verb-request:") for e in doc.events)


def test_driving_a_population_from_its_homes_is_a_mass_expulsion(nlp):
    event = first(hand_doc(nlp, "Russian forces drove thousands of villagers from their homes."))
    assert (event.type, event.cameo, countries(event.actor)) == ("ASSAULT", "201", ["RUS"])
    assert event.rule.startswith("verb-sense:drive:population")


def test_forcing_out_refugees_is_a_mass_expulsion(nlp):
    event = first(hand_doc(nlp, "The Russian army forced out more than 1,000 refugees from a camp in Libya."))
    assert (event.type, event.cameo) == ("ASSAULT", "201")


def test_expelling_diplomats_is_not_a_mass_expulsion(nlp):
    event = first(hand_doc(nlp, "Britain expelled two Russian diplomats."))
    assert event.cameo != "201"


def test_a_subject_the_parse_took_into_a_fronted_with_phrase_is_the_subject(nlp):
    event = first(hand_doc(nlp, "With the signing of an accord on Monday, Britain and Libya have agreed to talk."))
    assert event is not None and set(countries(event.actor)) >= {"GBR"}


def test_receiving_observers_allows_inspection(nlp):
    event = first(hand_doc(nlp, "Iran received a mission of observers from the EU."))
    assert (event.type, event.cameo, countries(event.actor), countries(event.recipient)) == (
        "RETREAT", "0862", ["IRN"], ["EU"],
    )


def test_peacekeepers_arriving_are_their_senders_peacekeeping(nlp):
    event = first(hand_doc(nlp, "A battalion of Nato peacekeeping troops arrived in Libya on Monday."))
    assert (event.type, event.cameo, countries(event.actor), countries(event.recipient)) == (
        "AID", "074", ["NATO"], ["LBY"],
    )


def test_staff_sent_to_investigate_carry_out_an_investigation(nlp):
    event = first(hand_doc(nlp, "Britain sent a team of experts to Libya to investigate the attack."))
    assert (event.type, event.cameo, countries(event.recipient)) == ("ACCUSE", "090", ["LBY"])


def test_holding_people_as_human_shields(nlp):
    event = first(hand_doc(nlp, "The Russian army has been holding villagers as human shields in Libya."))
    assert (event.type, event.cameo) == ("ASSAULT", "184")


def test_a_shield_that_is_not_human_is_no_human_shield(nlp):
    doc = hand_doc(nlp, "Russia used its veto as a shield.")
    assert not any(e.cameo == "184" for e in doc.events)


def test_a_neighbour_named_to_place_a_border_is_not_the_recipient(nlp):
    doc = hand_doc(nlp, "Rebels have sworn to fight for villages near the border with Libya, Britain said.")
    assert not any("LBY" in countries(e.recipient) for e in doc.events)


def test_closing_a_newspaper_restricts_political_freedoms(nlp):
    event = first(hand_doc(nlp, "Iran shut down two reformist newspapers."))
    assert (event.type, event.cameo) == ("COERCE", "1721")
    assert event.rule.startswith("verb-silenced:shut down:media")


def test_ordering_a_newspaper_to_suspend_publication_restricts_freedoms(nlp):
    event = first(hand_doc(nlp, "Iran ordered the opposition newspaper to suspend publication."))
    assert (event.type, event.cameo) == ("COERCE", "1721")


def test_an_order_to_troops_stays_a_request(nlp):
    event = first(hand_doc(nlp, "Russia ordered its troops to stop the advance."))
    assert event.type == "REQUEST"


def test_coordinated_parties_inside_an_object_phrase_are_all_recipients(nlp):
    event = first(hand_doc(nlp, "Britain broke off diplomatic relations with Iran and Libya."))
    assert (event.type, countries(event.recipient)) == ("SANCTION", ["IRN", "LBY"])


def test_forces_preparing_to_use_force_are_mobilized(nlp):
    event = first(hand_doc(nlp, "Russian troops were preparing to attack Libya."))
    assert (event.type, event.cameo, event.modality) == ("MOBILIZE", "150", "asserted")
    assert event.rule.endswith("+prepared")


def test_being_prepared_to_use_force_is_still_a_threat(nlp):
    event = first(hand_doc(nlp, "Britain said it would be prepared to attack Libya."))
    assert event.type == "THREATEN"


def test_a_rally_in_support_of_a_party_backs_it(nlp):
    event = first(hand_doc(nlp, "Russian workers rallied in support of Iran."))
    assert (event.type, event.cameo) == ("SUPPORT", "051") and "+in-support" in event.rule


def test_a_rally_held_to_protest_is_a_protest(nlp):
    text = "Thousands of Russian workers were converging for a rally in Moscow to protest the law."
    event = first(hand_doc(nlp, text))
    assert event is not None and event.type == "PROTEST"


def test_the_act_a_law_states_is_the_event_of_passing_it(nlp):
    event = first(hand_doc(nlp, "Russia passed a law banning foreign-funded groups."))
    assert (event.type, countries(event.actor)) == ("COERCE", ["RUS"]) and "+issued" in event.rule


def test_a_measure_to_ease_restrictions_eases_them(nlp):
    event = first(hand_doc(nlp, "Iran approved a measure to ease restrictions on the press."))
    assert event.type == "CONCEDE" and "+issued" in event.rule


def test_a_few_people_expelled_are_no_mass_expulsion(nlp):
    doc = hand_doc(nlp, "Russia expelled two residents of the village.")
    assert not any(e.cameo == "201" for e in doc.events)


def test_blocking_a_station_is_not_silencing_the_media(nlp):
    doc = hand_doc(nlp, "Russian police blocked the train station and halted the press conference.")
    assert not any(e.cameo == "1721" for e in doc.events)
