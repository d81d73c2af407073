"""Who did it and to whom, read from the dependency parse; and how the clause frames it.

Everything here takes spaCy tokens and returns tokens or small strings; turning tokens
into parties is the stage's job (through `communique.parties`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.stages.events_lexicon import (
    COLLECTIVE_NOUNS,
    CORE_NOUNS,
    DELIBERATING,
    DENIAL,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    INTENT,
    OBLIGATION_AUX,
    PHRASE_SYNONYMS,
    PREVENTING,
    PUBLISHING_VERBS,
    RECIPIENT_PREPS,
    REFUSAL,
    REPORTING,
    REQUEST_VERBS,
    STATEMENT_NOUNS,
    STATIVE_PARTICIPLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECT = frozenset({"nsubj", "csubj"})
_OBJECT = frozenset({"dobj", "dative", "nsubjpass", "oprd", "attr"})
_DEPENDENT_CLAUSE = frozenset({"ccomp", "conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "acomp"})
_MODIFYING = frozenset({"relcl", "acl", "advcl", "npadvmod", "parataxis"})
_OWN_CLAUSE = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "cc", "punct"})


def verb_key(token: Token) -> str:
    """The lookup key of a verb: its lemma, joined with a particle ('rule out')."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt":
            return f"{lemma} {child.lower_}"
    return lemma


def particles(token: Token) -> frozenset[str]:
    """The particles and prepositions the verb itself takes: 'on' in 'called on Yemen to act'."""
    return frozenset(c.lower_ for c in token.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.i > token.i))


def asks_to_act(token: Token) -> bool:
    """'urged *Russia* to *end* ...', 'called on *Yemen* to *lift* ...': a verb of asking with
    the party asked and the act it is asked to do."""
    if token.lemma_.lower() not in REQUEST_VERBS or token.lemma_.lower() in ("force", "tell"):
        return False
    asked = any(c.dep_ in ("dobj", "dative") for c in token.children) or _asked_on(token)
    return asked and bool(asked_acts(token))


def asked_acts(token: Token) -> list[Token]:
    """The acts a verb of asking asks for: its infinitive complement ('urged Russia *to end*'),
    or, after the party asked 'on', an infinitive the parse hung on it as an adverbial clause
    ('called on Arabs *to unite*')."""
    asked_on = _asked_on(token)
    return [
        c for c in token.children
        if c.pos_ in ("VERB", "AUX") and (c.dep_ == "xcomp" or (asked_on and c.dep_ == "advcl" and _infinitive(c)))
    ]


def _asked_on(token: Token) -> bool:
    """'called *on Arabs*': the party asked, not a day ('called on Monday for ...')."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("on", "upon") and any(g.ent_type_ not in ("DATE", "TIME") for g in c.children)
        for c in token.children
    )


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def phrase_words(token: Token) -> frozenset[str]:
    """Lowercased words and lemmas of the verb's phrase: its subject and fronted adjuncts left
    out; a word the verb dictionary knows by another name adds that name ('ties': 'relations')."""
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in _SUBJECT or child.dep_ in _OWN_CLAUSE or (child.i < token.i and child.dep_ == "prep"):
            continue  # a fronted adjunct ('At a press conference, X hinted') is not the verb's phrase
        for word in ((child,) if child.dep_ == "xcomp" else _phrase(child)):
            words.add(word.lower_)
            words.add(word.lemma_.lower())
    words.update(PHRASE_SYNONYMS[w] for w in words & PHRASE_SYNONYMS.keys())
    return frozenset(words)


def _phrase(token: Token) -> list[Token]:
    """The token's subtree without embedded clauses ('a resolution that aims to ...')."""
    out = [token]
    for child in token.children:
        if child.dep_ not in ("relcl", "acl", "ccomp", "advcl"):
            out += _phrase(child)
    return out


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for item in (token, *token.conjuncts):
            if item not in out:
                out.append(item)
    return out


def governor(token: Token) -> Token | None:
    """The word whose clause this one completes: 'refuse' for 'extradite' in 'refuse to extradite'."""
    if token.dep_ in ("xcomp", "ccomp", "acl", "dobj", "advcl"):
        return token.head
    if token.dep_ in ("pcomp", "pobj") and token.head.dep_ == "prep":
        return token.head.head
    return None


def subjects(token: Token, depth: int = 0) -> list[Token]:
    """Agents of a verb: subject or passive agent, else the controlling clause's."""
    found = [_antecedent(c) for c in token.children if c.dep_ in _SUBJECT or (c.dep_ == "nsubjpass" and stative(token))]
    found += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if found or depth > 3:
        return with_conjuncts(found)
    if token.dep_ == "ROOT":
        return with_conjuncts(_fronted_subjects(token))
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in REQUEST_VERBS:
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        return with_conjuncts(objects) if objects else subjects(head, depth + 1)
    if token.dep_ == "advcl" and token.tag_ == "VBN":  # 'Asked about X, he said': he was asked
        return []
    if token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp"):
        return subjects(head if token.dep_ != "pcomp" else head.head, depth + 1)
    if statement_content(token):
        return subjects(head.head, depth + 1)
    if token.dep_ in ("relcl", "acl"):
        return [head]
    return []


def _fronted_subjects(verb: Token) -> list[Token]:
    """'With the signing of an accord, *the government* and the rebels agreed': a subject the
    parse took into a fronted phrase, as a conjunct after the phrase's last comma."""
    for phrase in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        commas = [t for t in phrase.subtree if t.lower_ == ","]
        if not commas:
            continue
        after = [t for t in phrase.subtree if t.i > commas[-1].i and t.dep_ == "conj" and t.head.i < commas[-1].i]
        nouns = [t for t in after if t.pos_ in ("NOUN", "PROPN")]
        if nouns:
            return nouns[:1]
    return []


def statement_content(token: Token) -> bool:
    """'issued a declaration *demanding* that ...', 'adopted a resolution *calling* for ...',
    'approved a measure *to ease* ...': a participle or infinitive on a document or law a
    party issues or passes states what the issuer does."""
    head = token.head
    return (
        token.dep_ in ("acl", "relcl")
        and (token.tag_ == "VBG" or (token.tag_ == "VB" and _infinitive(token)))
        and head.lemma_.lower() in STATEMENT_NOUNS
        and head.dep_ in ("dobj", "nsubjpass")
        and head.head.pos_ == "VERB"
        and verb_key(head.head) in PUBLISHING_VERBS
    )


def stray_agents(token: Token) -> list[Token]:
    """The doers of a passive verb whose 'by' phrase the parse hung elsewhere: 'has been
    accused of misusing funds, ..., *by* government officials', 'was murdered in an attack on
    a patrol *by* rebels'. A 'by' after the verb, inside its phrase or on a clause above it
    that is not itself passive, names them."""
    if not passive(token) or any(c.dep_ in ("agent", "xcomp") for c in token.children):
        return []  # 'is expected to ...': a raising verb, whose 'by' is another verb's
    hosts = [t for t in _phrase(token) if t.i > token.i and t.pos_ in ("NOUN", "PROPN") and not _acts(t, token)]
    hosts += [a for a in token.ancestors if not passive(a)]
    found = []
    for host in hosts:
        for prep in host.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ == "by" and prep.i > token.i:
                found += [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
    return with_conjuncts(found)


def _acts(noun: Token, verb: Token) -> bool:
    """Whether a noun names another act with a doer of its own ('clashes following a
    demonstration *by* the KLA'); the act by which the verb's act was done is the same act
    ('murdered in an attack *by* rebels')."""
    means = noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "during") and noun.head.head.i == verb.i
    return noun.lemma_.lower() in CORE_NOUNS and not means


def means_doers(token: Token) -> list[Token]:
    """The doers a passive verb's means names: 'were killed in a *Kurdish rebel* attack',
    'died in *Israeli* air strikes' (an event noun after 'in' or 'during', with its own doer)."""
    if not passive(token) and token.lemma_.lower() != "die":
        return []
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in CORE_NOUNS:
                    found += noun_roles(noun)[0]
    return found


def passive(token: Token) -> bool:
    """Whether a verb is passive in form ('was arrested', 'has been accused')."""
    return token.pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def stative(token: Token) -> bool:
    """'Israel *is opposed to* French mediation', 'Serb forces *were engaged in* ethnic
    cleansing': a participle of state, not a passive; its grammatical subject is the one who
    opposes (is committed, takes part)."""
    preposition = STATIVE_PARTICIPLES.get(token.lemma_.lower())
    return (
        token.tag_ == "VBN"
        and preposition is not None
        and not any(c.dep_ == "agent" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == preposition for c in token.children)
    )


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies: 'Cameron, *who* watched';
    a participle parsed as the subject stands for its own subject ('The Red Cross *operating*
    in Iraq said': the Red Cross said)."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        return token.head.head
    if token.tag_ == "VBG" and token.pos_ == "VERB":
        return next((c for c in token.children if c.dep_ == "nsubj"), token)
    return token


def objects(token: Token) -> list[Token]:
    """Recipients of a verb: direct and passive objects, prepositional objects, and whom the
    direct object is sent or posted to ('recalled its ambassador to Italy')."""
    found = [c for c in token.children if c.dep_ in _OBJECT and not (c.dep_ == "nsubjpass" and stative(token))]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS and prep.i > token.i:
            found += [c for c in prep.children if c.dep_ == "pobj"]
    for obj in [c for c in token.children if c.dep_ == "dobj"]:  # "anger that Nato had ..."
        for clause in obj.children:
            if clause.dep_ in ("acl", "ccomp"):
                found += [c for c in clause.children if c.dep_ in _SUBJECT]
            if clause.dep_ == "prep" and clause.lower_ == "to":  # 'recalled its ambassador *to Italy*'
                found += [c for c in clause.children if c.dep_ == "pobj"]
    return with_conjuncts(found)


def collective(token: Token) -> bool:
    """Whether the word names two parties named before: 'the *two* countries', '*both*
    sides', 'each *other*', 'one *another*'."""
    words = {c.lower_ for c in token.children}
    if token.lower_ in ("other", "another"):
        return bool(words & {"each", "one"})
    if token.lemma_.lower() not in COLLECTIVE_NOUNS or token.tag_ != "NNS":
        return False
    return bool(words & {"two", "both"})


def same_number(pronoun: Token, nouns: list[Token]) -> bool:
    """Whether a pronoun can stand for these nouns: 'they' for a plural or a coordination,
    'it', 'he' or 'she' for one singular noun."""
    plural = len(nouns) > 1 or any(n.tag_ in ("NNS", "NNPS") for n in nouns)
    word = pronoun.lower_
    return plural if word in ("they", "them") else not plural and word in ("it", "he", "she")


def nested_nouns(token: Token, depth: int = 2) -> list[Token]:
    """Nouns inside an object's phrase, with their conjuncts: 'contacts between the British
    and Russian services', 'relations with Congo *and Costa Rica*'."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "pobj", "prep", "pcomp"):
            if child.dep_ in ("dobj", "pobj"):
                found += [child, *child.conjuncts]
            if depth > 0:
                found += nested_nouns(child, depth - 1)
    return found


def noun_roles(token: Token) -> tuple[list[Token], list[Token]]:
    """(actors, recipients) of an event noun: 'Russia's vow', 'sanctions by the EU on Iran'."""
    actors = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    recipients: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "by":
            actors += pobjs
        elif prep.lower_ in RECIPIENT_PREPS or prep.lower_ in ("about", "over"):
            recipients += pobjs
    for clause in token.children:
        if clause.dep_ in ("acl", "ccomp", "relcl"):
            recipients += [c for c in clause.children if c.dep_ in _SUBJECT]
    return with_conjuncts(actors), with_conjuncts(recipients)


def between(token: Token) -> list[Token]:
    """The sides an event noun names with 'between': 'talks *between Serbia and Kosovo*',
    'fighting *between Armenian and Azerbaijani forces*'."""
    return _prepositional_objects(token, ("between",))


def obliged(token: Token) -> bool:
    """Whether the verb is said to be owed: 'Sudan *must* return', 'Israel *should* ease',
    'the US *must* be ready to mediate' (an act one must be ready or willing to do)."""
    if token.dep_ == "xcomp" and token.head.pos_ == "ADJ" and token.head.dep_ == "acomp":
        token = token.head.head
    own = [c for c in token.children if c.dep_ in _SUBJECT]
    if any(c.lower_ in ("we", "i") for c in own):  # 'we should build': the speaker's own intent
        return False
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in token.children)


def bare_passive(token: Token) -> bool:
    """'*Asked* about corruption, he said': the clause's subject is the one acted upon."""
    return token.tag_ == "VBN" and token.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "agent") for c in token.children
    )


def subordinate(token: Token, nominal: bool) -> bool:
    """Whether a trigger only modifies its statement's main clause, so its event is secondary.

    A relative or participial clause ('rebels *fighting* to topple', 'who has *vowed*'), an
    adverbial one ('to *demand* reforms', '*killing* one person') or, for an event noun, an
    adjunct phrase it sits in without naming its own actor ('blackmail in the *negotiations*').
    The statement's main clause is the sentence root or a reporting verb's complement. A
    relative clause with a subject of its own states another party's act ('Russia, which
    *France* had condemned, attacked Libya') and is not secondary.
    """
    if nominal and token.dep_ == "pobj" and noun_roles(token)[0]:
        nominal = False  # 'a response to *British* criticisms': an actor of its own
    current = token
    while current.head.i != current.i:
        if statement_content(current):  # the statement's content is its issuer's act
            current = current.head.head
            continue
        if current.dep_ in _MODIFYING or (nominal and current.dep_ == "pobj"):
            return not (current.dep_ == "relcl" and _own_subject(current))
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in REPORTING:
            return False
        current = current.head
    return False


def _own_subject(clause: Token) -> bool:
    return any(c.dep_ in _SUBJECT and c.tag_ not in ("WP", "WDT") for c in clause.children)


def governing_subjects(token: Token) -> list[Token]:
    """The subject of the nearest clause this one depends on: 'Cameron, who watched officials
    *sign* ...' gives Cameron when 'officials' names no party."""
    current = token
    for _ in range(4):
        if current.dep_ not in _DEPENDENT_CLAUSE or current.head.i == current.i:
            return []
        current = current.head if current.dep_ != "pcomp" else current.head.head
        found = subjects(current)
        if found:
            return found
    return []


def clause_recipients(token: Token) -> list[Token]:
    """Recipients named in the clause a verb governs: 'threatened to cut off electricity *to
    Nakhichevan*', 'demanded that *the DPRK* forsake its programme'."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "xcomp":
            found += objects(child)
        elif child.dep_ == "ccomp" and token.lemma_.lower() not in REPORTING:
            found += [c for c in child.children if c.dep_ in _SUBJECT]
    return with_conjuncts(found)


def grievances(token: Token) -> list[Token]:
    """What a complaint made *to* someone is about: 'complained to the UN *over Israeli air
    raids*', 'protested to Moscow *about* the arrests'. Only for a verb whose recipient is an
    addressee ('to'), not a direct object ('criticised Russia over ...')."""
    children = list(token.children)
    if any(c.dep_ == "dobj" for c in children) or not any(c.dep_ == "prep" and c.lower_ == "to" for c in children):
        return []
    return _prepositional_objects(token, ("over", "about", "at"))


def clause_subjects(clause: Token) -> list[Token]:
    """The named subject of a clause with its own ('demanded that *the United States* match
    ...'): the party asked or accused, before what the clause acts on. Pronouns are left out."""
    if clause.dep_ != "ccomp":
        return []
    return with_conjuncts([c for c in clause.children if c.dep_ in _SUBJECT and c.pos_ in ("NOUN", "PROPN")])


def topic_objects(token: Token) -> list[Token]:
    """What the clause around an event noun is about: 'gave a response to British criticisms
    *about corruption in the Russian legal system*'."""
    host = token.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head
    found = []
    for prep in host.children:
        if prep.dep_ == "prep" and prep.lower_ in ("about", "over", "against"):
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def statement_scope(token: Token) -> set[int]:
    """Indices of the words of the statement a word belongs to: its clause up to the
    reporting verb that frames it, without a reporting clause inside ('..., officials said')."""
    top = token
    for _ in range(50):
        if top.head.i == top.i or top.head.lemma_.lower() in REPORTING:
            break
        top = top.head
    reporting = [
        t for t in top.subtree if t.i != token.i and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING
    ]
    inside = {w.i for t in reporting if not t.is_ancestor(token) for w in t.subtree}
    return {t.i for t in top.subtree} - inside


def destinations(token: Token) -> list[Token]:
    """Where an act happens or goes: after 'in', 'to', 'into' or 'at' on its verb, on what
    the verb acts on ('deployed troops in Lebanon'), or on the verb an event noun depends
    on ('arrived in Amman on a visit')."""
    host = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ == "dobj" else token
    things = [c for c in token.children if c.dep_ == "dobj"]  # 'strengthened its forces *in Lebanon*'
    found = []
    for verb in (token, host, *things):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "into", "at"):
                found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def speaker(token: Token) -> list[Token]:
    """The subject of the reporting verb whose statement contains this clause, if any."""
    current = token
    for _ in range(4):
        if current.dep_ not in _DEPENDENT_CLAUSE or current.head.i == current.i:
            return []
        current = current.head
        if current.lemma_.lower() in REPORTING:
            return subjects(current)
    return []


def conditional_threat(token: Token, cooperative: bool) -> bool:
    """Whether an act is made to depend on what another does, which makes it a threat:
    'will withdraw its force *unless* elections are held'; 'the EC may halt mediation *if*
    cooperation founders, the minister said' (an 'if' threatens only a hostile act, and only
    as a speaker's statement; a narrated 'if' stays a hypothetical)."""
    for child in token.children:
        if child.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if "unless" in marks or ("if" in marks and not cooperative and speaker(token)):
            return True
    return False


def _negated_here(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in ("never",) or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ == "dobj" and any(_scant(g) for g in child.children):  # 'offered little hope'
            return True
    return False


def _scant(token: Token) -> bool:
    return (token.dep_ == "det" and token.lower_ == "no") or (token.dep_ == "amod" and token.lower_ == "little")


def framing(token: Token) -> tuple[bool, str | None]:
    """(negated, modality cue) of a trigger, looking up its chain of governing clauses.

    Modality cue is one of refused, denied, prevented, hypothetical, future or None (asserted).
    """
    negated = _negated_here(token)
    cue = _own_modality(token)
    current = token
    for _ in range(3):
        gov = governor(current)
        if gov is None or gov.lemma_.lower() in REPORTING:
            break
        key = verb_key(gov)
        if key in REFUSAL and key not in DENIAL:
            return True, "refused"
        if key in DENIAL:
            return negated, "denied"
        if key in PREVENTING:
            return negated, "prevented"
        if key in DELIBERATING and cue is None:  # 'is considering closing the border'
            cue = "hypothetical"
        negated = negated or _negated_here(gov)
        if cue is None and key in INTENT:
            cue = "future"
        cue = cue or (_own_modality(gov) if gov.pos_ in ("VERB", "AUX") else None)
        current = gov
    return negated, cue


def _own_modality(token: Token) -> str | None:
    for child in token.children:
        word = child.lower_
        if child.dep_ == "mark" and word in ("if", "unless"):
            return "hypothetical"
        if child.dep_ == "aux" and word in HYPOTHETICAL_AUX:
            return "hypothetical"
        if child.dep_ == "aux" and word in FUTURE_AUX:
            return "future"
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in token.children):
        return "hypothetical"
    return None


_SCENE_PREPS = frozenset({"in", "near", "outside", "at", "inside"})
# Verbs of removal whose 'from' names the country that removes: 'was expelled from Germany'.
_REMOVING = frozenset({"expel", "deport", "evict", "extradite", "ban"})


def _place_words(token: Token) -> list[Token]:
    """The words of the place phrases on a word ('an explosion *near Samarra*')."""
    return [t for p in token.children if p.dep_ == "prep" and p.lower_ in _SCENE_PREPS for t in p.subtree if t.i != p.i]


def _prepositional_objects(token: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of the word's prepositions among these ('talks *between* A and B')."""
    return [c for p in token.children if p.dep_ == "prep" and p.lower_ in words for c in p.children if c.dep_ == "pobj"]


def unnamed_agent(token: Token) -> bool:
    """'was arrested in Lebanon', 'an explosion killed two youths': a verb whose doer is not
    named, being passive without an agent, or having a thing rather than a party as subject."""
    if token.pos_ != "VERB":
        return False
    deps = {c.dep_ for c in token.children}
    if "nsubjpass" in deps:
        return True
    return "nsubj" in deps and all(c.pos_ == "NOUN" for c in token.children if c.dep_ == "nsubj")


def scene(token: Token) -> list[Token]:
    """The words of the places where a verb's act happens: 'in Lebanon', 'outside of the
    Iraqi city of Basra', 'in a residential sector of eastern Beirut', the place of the
    thing that did it ('an explosion near Samarra killed') or of the phrase the verb takes
    ('put under investigation in Italy'), the country one is removed from ('was expelled
    from Germany'): every word of the place phrases, the verb's own first."""
    found: list[Token] = []
    preps = _SCENE_PREPS | {"from"} if token.lemma_.lower() in _REMOVING else _SCENE_PREPS
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            found += [t for t in prep.subtree if t.i != prep.i]
    for thing in (c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"):  # 'a bomb *in Kabul* killed'
        found += _place_words(thing)
    for prep in token.children:  # 'was put under investigation *in Italy*'
        if prep.dep_ == "prep" and prep.lower_ not in _SCENE_PREPS and prep.lower_ != "by":
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += _place_words(pobj)
    return found
