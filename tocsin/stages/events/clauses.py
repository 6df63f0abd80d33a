"""Where an act sits in its sentence: main or background clause, complement, incise, question, fragment; how deep it
is embedded under other acts. What the stage asks of the parse before it codes anything."""

from __future__ import annotations

from typing import Any

from ... import codebook
from ...languages import resource_words
from ..actors import TokenActor
from .arguments import AGENT, PASSIVE_SUBJECT, QUOTE_MARKS, ArgumentFinder, quoted_tokens
from .draft import _NOUN_CLIMB, _STATE_ROLES
from .modality import is_negated, refusal_code
from .triggers import governs, is_verbal

_CLOSING = frozenset('.!?…:;»"”’)')


def _is_fragment(sent: Any) -> bool:
    """A line with no verb that does not end as a sentence ends: a legend, caption, byline or credit.

    "Syrian opposition & Turkish occupation" (a map legend) or "Photo: Reuters" is not reported speech about an
    event; a headline has its verb ("Russia shells Kharkiv") and is coded.
    """
    text = sent.text.rstrip()
    if not text or text[-1] in _CLOSING:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _negated_act(tok: Any, cues: Any) -> bool:
    """The act a trigger names is negated: "had not attacked", "refused to sign" (a negating governor)."""
    return is_negated(tok, cues) or (tok.dep_ == "xcomp" and (is_negated(tok.head, cues) or tok.head.lemma_.lower() in cues.negating))


def _did_not_happen(tok: Any, code: str, cues: Any) -> bool:
    """A negated act that is dropped, not refused: "had not attacked" did not happen; "did not agree" is a rejection."""
    return _negated_act(tok, cues) and refusal_code(code) is None


def _copula_holder(predicate: Any) -> Any:
    """The token a copular clause hangs its subject and auxiliaries on: English "be", the French predicate itself."""
    return predicate.head if predicate.dep_ in ("attr", "acomp") else predicate


def _copula_subject(predicate: Any) -> Any | None:
    """The subject of a copular clause, from its predicate; a clause as subject too ("leaving them is a mistake")."""
    return next((c for c in _copula_holder(predicate).children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "csubj")), None)


def _side(code: str) -> str:
    """An actor's side in a dispute: its country (or IGO) and whether it is the state or one of the non-state parties
    (opposition, rebels, civilians...), so an opposition can accuse its own government; the code itself when it has
    no country ("---GOV")."""
    principal = codebook.actor_principal(code)
    if principal is None:
        return code
    roles = [r for r in codebook.actor_roles(code) if r not in _STATE_ROLES]
    return principal + (roles[0] if roles else "")


def _reports(speech: Any, act: Any) -> bool:
    """The speech verb reports the act: the act is in its complement, or the speech verb is an incise of the act's clause."""
    if governs(speech, act):
        return True
    return speech.dep_ in ("parataxis", "conj") and speech.head.i == _clause_head(act).i


def _clause_head(token: Any) -> Any:
    while token.dep_ not in ("ROOT", "root") and token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _same_side(source: TokenActor, target: TokenActor) -> bool:
    """Source and target belong to one country (AZE and AZEMIL)."""
    a, b = source.mention.country, target.mention.country
    return a is not None and a == b


_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "obj", "obl:arg", "iobj", "csubj", "advcl"})


def _finite_after_infinitive(token: Any) -> bool:
    """A finite verb coordinated with an infinitive: the parser's attachment of "urged X to reconsider and spoke
    with Y", where the finite verb goes with the governing verb, not inside its complement."""
    return bool(token.dep_ == "conj" and "Fin" in token.morph.get("VerbForm") and "Inf" in token.head.morph.get("VerbForm"))


def _in_complement(outer: Any, inner: Any, *, noun: bool = False) -> bool:
    """True when ``inner`` lies in a complement clause of ``outer`` ("exige que X fournisse", "refuse de déployer",
    for an event noun: "its demand that Israel ease restrictions")."""
    deps = _COMPLEMENT_DEPS | {"acl", "relcl", "acl:relcl", "prep", "nmod"} if noun else _COMPLEMENT_DEPS
    cur = inner
    for _ in range(10):
        if cur.head.i == cur.i:
            return False
        if _finite_after_infinitive(cur):
            return False  # "urged the embassy to reconsider and spoke with Pompeo": a finite verb is the speaker's own act
        if cur.head.i == outer.i:
            return cur.dep_ in deps
        cur = cur.head
    return False


def _reporting_verb(verb: Any, cues: Any) -> Any | None:
    """The speech verb whose reported clause contains ``verb``: its governor, or an incise ("..., a déclaré X")."""
    reporting = cues.speech | cues.threat | cues.reporting
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.i > verb.i and child.dep_ in ("advcl", "parataxis", "conj") and child.lemma_.lower() in cues.speech:
                return child  # incise after the reported clause
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "parataxis", "xcomp") and cur.head.lemma_.lower() in reporting:
            return cur.head
        cur = cur.head
    return None


def _past_infinitive(token: Any, cues: Any) -> bool:
    """ "annoncé avoir expulsé": a completed act reported, not an intention (the language's perfect infinitive auxiliaries)."""
    return any(c.dep_.startswith("aux") and c.lemma_.lower() in cues.perfect_infinitive_aux for c in token.children)


def _is_gerund(token: Any, cues: Any) -> bool:
    """A gerund or present participle by the language's endings ("en avertissant", "exigeant")."""
    return bool(cues.gerund_endings) and token.lower_.endswith(cues.gerund_endings)


def _numbered_object(obj: Any) -> bool:
    """An object that is a number or counted by one ("50", "five civilians", "at least 156 people")."""
    return bool(obj.like_num or any(c.dep_ == "nummod" or c.like_num for c in obj.children))


def _counts_victims(verb: Any) -> bool:
    """The verb (or one coordinated with it) has a counted object: "killing or wounding 50", « tuant cinq civils »."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return any(_numbered_object(c) for v in verbs for c in v.children if c.dep_ in ("obj", "dobj"))


def _participle_adjunct(token: Any, triggers: set[int]) -> bool:
    """A present participle set off by a comma after the clause of an act, with no subject of its own ("Israel
    bombed Gaza, accusing Hamas", « a bombardé Gaza, accusant le Hamas »): a second act of the same subject, whatever
    the parser hangs it by (advcl, xcomp). By the parser's morphology (VerbForm=Part, present tense or progressive);
    after a clause that reports no act ("was forceful in blaming Iran, committing to send troops") it stays an adjunct, and
    one that counts victims ("..., killing five civilians") tells the act's toll."""
    morph = token.morph
    if "Part" not in morph.get("VerbForm") or not ("Pres" in morph.get("Tense") or "Prog" in morph.get("Aspect")):
        return False
    if token.head.i not in triggers or any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in token.children):
        return False
    if _counts_victims(token):
        return False  # "shelled the town, killing five civilians": the toll of the act it follows, not a second act
    return bool(token.i > token.head.i and token.i > token.sent.start and token.doc[token.i - 1].text == ",")


def _governing_verb(token: Any) -> Any | None:
    cur = token
    for _ in range(4):
        if cur.dep_ not in _NOUN_CLIMB or cur.head.i == cur.i:
            return None
        cur = cur.head
        if is_verbal(cur):
            return cur
    return None


_EMBEDDING_NOUN = frozenset(
    {"nmod", "obl", "obl:mod", "obl:arg", "appos", "iobj", "acl", "amod", "compound", "pobj", "poss", "nmod:poss", "npadvmod"}
)


_EMBEDDING_VERB = frozenset(
    {"acl", "acl:relcl", "relcl", "csubj", "advcl", "ccomp", "xcomp", "parataxis", "obl", "obl:mod", "nmod", "pcomp"}
)


def _embedding(token: Any, kind: str, triggers: set[int], cues: Any) -> int:
    """How many clause boundaries separate a trigger from the main clause of its sentence."""
    level = 0
    cur = token
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        if _finite_after_infinitive(cur) and head.head.i != head.i:
            cur = head.head  # "urged X to reconsider and spoke with Y": coordinated with the governing verb itself
            continue
        hlemma = head.lemma_.lower()
        nominal = kind == "noun" if cur is token else cur.pos_ in ("NOUN", "PROPN") and not is_verbal(cur)
        if nominal:
            if dep in ("obj", "obl:arg", "xcomp", "dobj", "attr") and (
                hlemma in cues.light or hlemma in cues.order or head.i not in triggers
            ):
                pass  # "a lancé une offensive", "a annoncé des sanctions"
            elif cur is token and dep in ("pobj", "obl", "obl:mod", "obl:arg") and _with_partner(token, cues):
                pass  # "said in a meeting with Scholz": the talks took place, as much news as what was said there
            elif dep in _EMBEDDING_NOUN or dep in ("obj", "dobj"):
                level += 1
        elif dep in _EMBEDDING_VERB:
            gerund = _is_gerund(cur, cues) and not any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in cur.children)
            if dep == "ccomp" and hlemma in cues.speech:
                pass  # reported content counts as the main act
            elif dep == "xcomp" and (head.i not in triggers or hlemma in cues.intent or hlemma in cues.threat):
                pass  # "continuent d'avancer", "envisage d'envoyer"
            elif gerund and dep in ("advcl", "obl:mod", "obl") and not _counts_victims(cur):
                pass  # "..., avertissant que": a co-event of the same subject
            elif cur is token and dep in ("advcl", "xcomp") and _participle_adjunct(cur, triggers):
                pass  # "bombed Gaza, accusing Hamas", « a bombardé Gaza, accusant le Hamas »: a second act
            else:
                level += 1
        cur = head
    return level


# Relative pronouns and one-counting numerals of every language (tocsin/languages/<code>/arguments.toml).
_RELATIVE_WORDS = resource_words("arguments", "relative")


_SINGLE = resource_words("arguments", "single")


def _is_relative(token: Any) -> bool:
    """A relative pronoun ("which", "who", « qui »), by the parser's morphology or the language's list."""
    return "Rel" in token.morph.get("PronType") or token.lower_ in _RELATIVE_WORDS


_INCISE_OPENERS = frozenset({",", "»", "”", '"', "“", "«"})


def _habitual(verb: Any | None, cues: Any) -> bool:
    """The verb's clause tells what someone rarely does ("rarely comments on its strikes", « commente rarement »): a
    habit, no single act. Acts done repeatedly ("routinely shell") are acts."""
    if verb is None:
        return False
    # the parser may hang the adverb on the complement that follows it (« ne s'exprime que rarement sur ses pertes »)
    if any(c.dep_ == "advmod" and c.lower_ in cues.habitual for c in verb.children):
        return True
    nouns = [c for c in verb.children if c.pos_ == "NOUN" and c.dep_.startswith(("obl", "obj", "dobj", "ccomp"))]
    if any(c.dep_ == "advmod" and c.lower_ in cues.habitual and c.i < noun.i for noun in nouns for c in noun.children):
        return True
    # or on a word of another clause (« ne s'exprime que rarement sur ses pertes, et la situation demeure ... »): the
    # adverb a word or two after the verb, before any comma or other verb, is the verb's
    for tok in verb.doc[verb.i + 1 : min(verb.i + 1 + _HABITUAL_REACH, verb.sent.end)]:
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.lower_ in cues.habitual:
            return True
    return False


#: how far after its verb a rare-habit adverb stands (« s'exprime rarement », « ne commente que rarement »)
_HABITUAL_REACH = 3


def _is_question(sent: Any, cues: Any) -> bool:
    """The sentence asks rather than reports: it ends with a question mark, unless the question is quoted words a
    speech verb outside them reports ('"How can you do this?" he asked'; "Did they say anything?" asks), or quoted
    words (closed or not) after a main clause that reports ("Iran condemned the strikes, asking: "who will stop
    them?"", « a dénoncé les sanctions, demandant : « jusqu'à quand ? »)."""
    last = next((t for t in reversed(sent) if t.text not in QUOTE_MARKS and not t.is_space), None)
    if last is None or last.text != "?":
        return False
    quoted = quoted_tokens(sent)
    root = sent.root
    if not quoted or root.i in quoted:
        return True
    return not (root.lemma_.lower() in cues.speech or (last.i in quoted and root.i < min(quoted)))


def _in_incise(verb: Any) -> bool:
    """The verb opens an incise after a quotation or clause ("», a accusé le président", '," the minister warned'):
    the word before it (or before its auxiliaries) is a comma or a closing quotation mark."""
    auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    if "Fin" not in verb.morph.get("VerbForm") and not any("Fin" in a.morph.get("VerbForm") for a in auxes):
        return False  # ", killing five civilians": a participle clause, not an incise
    first = min([verb.i] + [a.i for a in auxes])
    return first > verb.sent.start and verb.doc[first - 1].text in _INCISE_OPENERS


def _relative_taken_as_main(verb: Any) -> bool:
    """The second verb of a coordinated relative clause that the parser hung elsewhere (as the sentence's verb, or an
    adverbial clause of it): in « les factions, qui appuient X et ne reconnaissent pas Y, ont multiplié ... » the
    coordination (« et », with no comma before it) follows the words of a relative clause, and the verb has no subject
    but the relative's noun."""
    doc = verb.doc
    for cc in (c for c in verb.children if c.dep_ == "cc" and verb.sent.start < c.i < verb.i):
        if doc[cc.i - 1].text == ",":
            continue
        relative = next((t for t in [doc[cc.i - 1], *doc[cc.i - 1].ancestors] if t.dep_ in ("relcl", "acl:relcl")), None)
        if relative is None or relative in verb.ancestors or not any(_is_relative(c) for c in relative.children):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        if all(s.i == relative.head.i or s in relative.head.ancestors for s in subjects):
            return True
    return False


def _shares_relative(verb: Any) -> bool:
    """A verb coordinated with the verb of a relative clause, with no subject of its own: it shares the relative
    pronoun and describes the same noun ("the militias, which support Russia and threaten Ukraine", « qui soutient
    le Hamas et ne reconnaît pas Israël »)."""
    head = verb.head
    if _relative_taken_as_main(verb):
        return True
    if verb.dep_ != "conj" or head.i == verb.i or head.dep_ not in ("relcl", "acl:relcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj") for c in verb.children):
        return False
    return any(_is_relative(c) for c in head.children)


def _opened_by_relative(verb: Any) -> bool:
    """A finite verb the parser did not label a relative clause, whose clause a relative pronoun opens after a comma
    (« ..., où quatre policiers avaient été tués », "..., where five soldiers were killed"), or the possessor of its
    subject does (« ..., dont la fermeture avait été exigée »): a relative clause all the same. A complementizer ("said that", « a dit que ») is no relative pronoun."""
    if "Fin" not in verb.morph.get("VerbForm") and not any(
        c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children
    ):
        return False
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    # « dont la fermeture avait été exigée »; not « les policiers, dont des agents antiémeutes, avaient été mobilisés »
    possessors = [g for s in subjects for g in s.children if g.i < s.i]
    # ", in which the rebels seek ...": the preposition before the pronoun opens the clause
    governed = [(c, g) for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and g.i == c.i + 1]
    for opener, child in [*((c, c) for c in [*verb.children, *possessors]), *governed]:
        if child.i >= verb.i or child.dep_ == "mark" or not _is_relative(child) or opener.i <= verb.sent.start:
            continue
        between = doc[child.i + 1 : verb.i]
        if doc[opener.i - 1].text == "," and not any(t.pos_ == "VERB" or t.text == "," for t in between):
            return True
    return False


def _apposed(verb: Any) -> bool:
    """A participle set off by a comma after the noun it describes (« le président, placé en résidence surveillée »)."""
    return bool(verb.i > verb.sent.start and verb.doc[verb.i - 1].text == "," and verb.head.i < verb.i)


def _news_after_occurrence(head: Any, cues: Any) -> bool:
    """A verb of happening whose subject stands for an act told before: a pronoun or a decision noun ("This comes after
    Russia launched ...", "The move comes after the EU sanctioned Iran", « Cette décision intervient après que ... »):
    the clause of time is the news."""
    if head.lemma_.lower() not in cues.occurrence:
        return False
    return any(c.dep_ == "nsubj" and (c.pos_ == "PRON" or c.lemma_.lower() in cues.decisions) for c in head.children)


def _relative_clause(verb: Any) -> bool:
    """The verb's clause is a relative clause: labelled so and opened by a relative pronoun (or with no subject and
    auxiliary of its own), opened by one after a comma, or coordinated with one ("which support Russia and threaten
    Ukraine")."""
    if _shares_relative(verb):
        return True  # "the militias, which support Russia and threaten Ukraine"
    if verb.dep_ in ("relcl", "acl:relcl"):
        auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        governed = [g for c in verb.children if c.dep_ == "prep" for g in c.children]  # "in which the army has killed"
        relative = any(_is_relative(c) for c in [*verb.children, *governed]) or any(_is_relative(g) for c in subjects for g in c.children)
        own_subject = any(not _is_relative(c) for c in subjects)
        # "whose expulsion was demanded", « dont le départ était exigé »: the subject's possessor is the relative pronoun;
        # "la police de Jéricho a saisi" is a main clause misparsed as a relative clause
        return relative or not (auxiliaries and own_subject)
    return _opened_by_relative(verb)


def _governing_clauses(token: Any, cues: Any) -> list[Any]:
    """The verbs whose clauses contain a token, innermost first, up to the speech verb that reports its clause: what
    is said is told as news, whoever says it ("the agency, which adds that the minister threatened Israel")."""
    verbs = []
    cur = token
    while cur.head.i != cur.i:
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in cues.speech:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            verbs.append(cur)
    return verbs


def _deep_in_relative(verb: Any, cues: Any) -> bool:
    """A verb embedded under a relative clause's verb, beyond the infinitive it governs directly ("Rubio, who sees the
    sanctions as leverage to bring Russia to negotiate", « qui voit dans les sanctions un levier pour amener la
    Russie à négocier »): it describes the noun as the relative clause does. The infinitive right under the relative's
    verb is weighed where the act is drafted (« la zone où les forces continuent d'avancer » is news), and what a
    relative clause's speech verb reports is news."""
    verbs = _governing_clauses(verb, cues)
    if verb.dep_ == "xcomp" and verbs and verbs[0].i == verb.head.i and not _aim_described(verbs[0], cues):
        verbs = verbs[1:]
    return any(_describes_a_noun(a, cues) for a in verbs)


def _aim_described(verb: Any, cues: Any) -> bool:
    """An intent verb in a relative clause opened by a preposition and its pronoun ("the war, in which the rebels seek to
    take the capital", « la guerre, dans laquelle les rebelles cherchent à prendre la capitale »): the aim describes
    the noun. A relative of time or place (« à un moment où l'OTAN envisage d'envoyer des formateurs ») sets news in
    its time."""
    if verb.lemma_.lower() not in cues.intent:
        return False
    for child in verb.children:
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and _is_relative(g) for g in child.children):
            return True
        if child.dep_.startswith("obl") and _is_relative(child) and any(g.dep_ == "case" for g in child.children):
            return True
    return False


def _describes_a_noun(verb: Any, cues: Any) -> bool:
    """A relative clause that hangs on a noun of the sentence: not on a date (« ont annoncé mercredi qu'ils
    interdiraient », where « qu' » opens what was announced) nor on a verbless sentence's root (« Tant l'armée que le
    Front se sont rendus coupables »), which are a complementizer or a correlative the parser took for a relative."""
    head = verb.head
    verbless = head.dep_ in ("ROOT", "root") and head.pos_ in ("NOUN", "PROPN")
    return not verbless and head.lower_ not in cues.calendar and _relative_clause(verb)


_STATE = "a state at present: not an act"


def _unrealised(verb: Any, cues: Any) -> str | None:
    """Why a verb names an act that has not taken place, or None.

    - the complement of a verb that stops an act ("kept the rebels from attacking", « empêche les convois
      d'atteindre la ville »): the act was prevented;
    - a clause with its own subject wished for by a verb of desire ("wants foreign troops to leave", « souhaite que
      l'armée se retire »): the act is someone's wish, not news (a demand is coded by the verbs of demand).
    """
    governor = verb.head
    if verb.dep_ == "pcomp":
        governor = governor.head  # "from" in "prevented X from reaching"
    if verb.dep_ in ("acl", "pcomp") and governor.dep_ in ("dobj", "obj") and governor.i != governor.head.i:
        governor = governor.head  # the parser hangs the complement on the object (« les manifestants de marcher »)
    if verb.dep_ in ("pcomp", "xcomp", "acl", "advcl") and governor.lemma_.lower() in cues.preventing:
        return "prevented: not an act"
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") for c in verb.children)
    if verb.dep_ == "ccomp" and own_subject and verb.head.lemma_.lower() in cues.desire:
        return "wish: not an act"
    infinitive = bool({"Inf", "Ger"} & set(verb.morph.get("VerbForm"))) or verb.tag_ == "VBG"
    # the French parser roots the subject infinitive and hangs the copular predicate on it (« lever X n'est pas »)
    copular = verb.dep_ in ("ROOT", "root") and any(c.dep_ == "cop" for g in verb.children if g.i > verb.i for c in g.children)
    if infinitive and ((verb.dep_ == "csubj" and verb.head.pos_ != "VERB") or copular):
        return "act discussed as a topic: not an act"  # "lifting the sanctions is not an option", « lever les sanctions n'est pas envisageable »
    # the infinitive it is joined to; the parser may hang it on that infinitive's object (« de proscrire les
    # exportations ... et de suspendre »): the nearest infinitive above it
    first = next((a for a in verb.ancestors if a.pos_ == "VERB" and "Inf" in a.morph.get("VerbForm")), verb.head)
    if verb.dep_ == "conj" and "Inf" in verb.morph.get("VerbForm") and "Inf" in first.morph.get("VerbForm"):
        # « propose de geler les avoirs et de suspendre trois médias »: the second infinitive shares the first one's frame
        if first.dep_ == "xcomp" and first.head.lemma_.lower() in cues.intent | cues.threat | cues.modal:
            return "plan: not an act"
        return _unrealised(first, cues)
    passive = any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)
    if passive and any(c.dep_ == "advmod" and c.lower_ in cues.current for c in verb.children):
        return _STATE  # "troops are currently deployed", « sont actuellement déployés »
    if passive and verb.lemma_.lower() in cues.stative_participles and not any(c.dep_ in AGENT for c in verb.children):
        return _STATE  # "the US had been allied with Kurdish groups": a tie, not an act
    return _no_act_told(verb, cues)


_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")


def _no_act_told(verb: Any, cues: Any) -> str | None:
    """Why a clause tells no act although it is no relative or adverbial clause of background, or None:

    - an infinitive of purpose with no subject of its own on a clause of being somewhere ("troops are in Chad to fight
      Boko Haram"): the aim, not an act done;
    - a verb of agreeing with nothing agreed to, on or with, and a participle of speech after it ("the mayor agreed,
      saying ..."): a view shared, no agreement between sides;
    - a clause describing the occasions an existential counts ("there were many times that they disagreed"): a habit;
    - a clause an adverb of an earlier time modifies ("said it was previously given assurances"): background;
    - a bare present participle describing people in a clause a modal frames ("a law would allow people visiting
      Canada to be deported"): who it describes is hypothetical;
    - a bare present participle of speaking that frames the finite verb of the sentence ("the chancellor speaking to a
      think tank called the treaty void"), however the parser hangs it.
    """
    if _aim_of_presence(verb):
        return "purpose: not an act"
    if _agreeing_in_opinion(verb, cues):
        return "agreeing in opinion: no agreement"
    if verb.dep_ in ("ccomp", "relcl", "acl:relcl", "acl", "advcl") and _counted_occasions(verb.head, cues):
        return "occasions counted: a habit, not an act"
    incise = _in_incise(verb) and verb.lemma_.lower() in cues.speech
    if (verb.dep_ == "ccomp" or incise) and any(c.dep_ == "advmod" and c.lower_ in cues.earlier for c in verb.children):
        # in what is reported, or an incise that says the words were said before (« ..., avait précisé auparavant
        # l'Elysée »); "Nigeria previously announced" is the news
        return "told as earlier: background"
    if _bare_participle(verb) and (_hypothetical_description(verb, cues) or _speaking_frame(verb, cues)):
        return "participle framing another clause: not an act"
    if _open_question(verb, cues):
        return "an open question: not an act"
    return None


def _open_question(verb: Any, cues: Any) -> bool:
    """A clause opened by "whether" or a wh-word, governed by a word of an open question ("questions remain how much aid
    is received", "it is unclear whether troops fired", « on ignore si l'armée a tiré »): it asks, no act is reported."""
    if verb.dep_ not in ("ccomp", "csubj") or verb.head.i == verb.i:
        return False
    first = verb.doc[verb.left_edge.i]
    opener = first if first.dep_ in ("mark", "advmod") else None
    if opener is None or not (
        "Int" in opener.morph.get("PronType")
        or opener.tag_ in ("WRB", "WDT", "WP")
        or opener.lower_ in cues.condition | cues.open_questions
    ):
        return False
    head = verb.head
    words = [head, *(c for c in head.children if c.dep_ in (*_SUBJECTS, "acomp", "attr"))]
    return any(w.lemma_.lower() in cues.open_questions for w in words)


def _aim_of_presence(verb: Any) -> bool:
    """An infinitive adjunct with no subject of its own on a bare "be" ("troops are in Iraq to defeat the militants"):
    what a state is for. After a verb of action it may be the act itself ("gathered in Cairo to discuss Libya")."""
    if verb.dep_ != "advcl" or "Inf" not in verb.morph.get("VerbForm") or any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    return bool(verb.head.pos_ == "AUX")


def _agreeing_in_opinion(verb: Any, cues: Any) -> bool:
    if verb.lemma_.lower() not in cues.concurring:
        return False
    doc = verb.doc
    saying = [
        c for c in verb.children
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in cues.speech and _bare_participle(c) and doc[c.i - 1].text == ","
    ]  # fmt: skip
    complements = ("dobj", "obj", "iobj", "xcomp", "ccomp", "prep", "obl", "obl:arg", "dative", "advcl")
    if not saying or any(c.dep_ in complements and c not in saying for c in verb.children):
        return False
    said = [c for s in saying for c in s.children if c.dep_ in ("ccomp", "parataxis")]
    if any(a.dep_.startswith("aux") and a.lemma_.lower() in cues.modal | cues.irrealis_aux for c in said for a in c.children):
        return False  # "Iraq agreed, saying it would hand him over": what is agreed to is to come, an agreement
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    # "Iran and Iraq agreed, saying ...": an agreement between them
    return not (any(g.dep_ == "conj" for s in subjects for g in s.children) or any("Plur" in s.morph.get("Number") for s in subjects))


def _counted_occasions(head: Any, cues: Any) -> bool:
    nouns = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ in ("attr", "nsubj", "obj", "dobj")]
    return any(n.lemma_.lower() in cues.occasions and "Plur" in n.morph.get("Number") for n in nouns)


def _bare_participle(verb: Any) -> bool:
    morph = verb.morph
    if "Part" not in morph.get("VerbForm") or not ("Pres" in morph.get("Tense") or "Prog" in morph.get("Aspect")):
        return False
    return not any(c.dep_.startswith("aux") for c in verb.children)


def _hypothetical_description(verb: Any, cues: Any) -> bool:
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and _bare_participle(first.head):
        first = first.head  # "people living in or visiting Canada"
    describes = (first.dep_ == "acl" and first.head.pos_ == "NOUN") or (
        first.dep_ == "ccomp" and any(c.dep_ in _SUBJECTS and c.pos_ == "NOUN" for c in first.children)
    )
    frame = first.head
    return describes and any(c.dep_ == "aux" and c.lemma_.lower() in cues.modal for c in frame.children)


def _speaking_frame(verb: Any, cues: Any) -> bool:
    if verb.lemma_.lower() not in cues.speaking:
        return False
    if verb.dep_ in ("ROOT", "root"):
        return any(t.dep_ in ("acl", "relcl", "advcl") and "Fin" in t.morph.get("VerbForm") for t in verb.subtree if t.i != verb.i)
    return verb.dep_ == "acl" and verb.head.dep_ in _SUBJECTS


def _planned(verb: Any, cues: Any) -> bool:
    """An infinitive that completes a noun or says a purpose (« la possibilité de se concentrer sur la menace »,
    "attacked ships to force an end to the blockade"): the acts its clause names are no acts either."""
    reason = _background_clause(verb, cues)
    return reason is not None and reason.startswith(("plan or purpose", "purpose"))


def _background_clause(verb: Any, cues: Any, actor_tokens: Any = ()) -> str | None:
    """Why a verb's clause reports no new act, or None.

    - a relative clause describes its noun ("the rebels, who are backed by Iran", "qui avait été conclu en 2015");
    - an adverbial clause opened by a background word ("since it was recaptured", "après que l'armée a repris");
    - a past participle that describes an actor ("the rebels, backed by Iran");
    - an infinitive that completes a noun is a plan, plot or purpose, not an act ("plans to attack", "a resolution
      to expel", "le projet d'attaquer"); intent, threat and demand verbs frame their infinitives elsewhere;
    - an idiom whose object is no act ("protests took place", "la réunion a eu lieu").
    """
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    unrealised = _unrealised(verb, cues)
    if unrealised is not None:
        return unrealised
    if _relative_clause(verb) or _deep_in_relative(verb, cues):
        return "relative clause: background"
    if _marked_background(verb, cues):
        return "background clause"  # "since it was recaptured"; not "The move comes after the EU sanctioned Iran"
    if verb.dep_ == "xcomp" and _marked_background(verb.head, cues):
        return "background clause"  # « avant que les soldats parviennent à reprendre le camp »: its infinitive too
    if _absolute(verb, cues) or (verb.dep_ == "xcomp" and _absolute(verb.head, cues)):
        return "absolute construction: circumstance"  # "With the US urging firms to leave, ...", and what it urges
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and "Inf" in verb.morph.get("VerbForm"):
        return "plan or purpose: not an act"
    if "Inf" in verb.morph.get("VerbForm") and (
        (verb.dep_ == "advcl" and any(c.lower_ in cues.purpose for c in verb.children))
        or (verb.dep_.startswith("obl") and verb.head.lower_ in cues.purpose)
        or (verb.dep_.startswith(("advcl", "obl")) and any(c.dep_ in ("mark", "case") and c.lower_ in cues.purpose for c in verb.children))
    ):
        return "purpose: not an act"  # "attacked ships to force Israel", « afin de contraindre Israël »
    if (
        verb.dep_ == "acl" and (verb.head.i in actor_tokens or _apposed(verb)) and not auxiliaries
        and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    ):  # fmt: skip
        # "les forces appuyées par l'Iran", "rebels backed by Iran": a participle that describes an actor; one that
        # modifies an event or statement noun is the act ("des craintes exprimées par l'OTAN"), unless set off by a
        # comma (« le sort du président, placé en résidence surveillée depuis le putsch »)
        return "participle describing an actor: background"
    passive = any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)  # "the deadline was not met"
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("obj", "dobj") or (passive and c.dep_ in PASSIVE_SUBJECT)}
    if any(f"{verb.lemma_.lower()} {o}" in cues.not_acts for o in objects):
        return "idiom: not an act"
    return None


def _marked_background(verb: Any, cues: Any) -> bool:
    """An adverbial clause opened by a background word ("since it was recaptured", « avant que les soldats ... »),
    unless a verb of happening with an act for subject makes it the news ("The move comes after ...")."""
    marked = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.background for c in verb.children)
    return marked and not _news_after_occurrence(verb.head, cues)


def _absolute(verb: Any, cues: Any) -> bool:
    """A present participle with its own subject after a preposition of company: the absolute construction ("With the
    US urging firms to leave Iran, German companies announced ...") sets the scene of the main clause. The subject is
    the participle's, or the preposition's object before it; "charged with killing" has none."""
    morph = verb.morph
    if "Part" not in morph.get("VerbForm") or not ("Pres" in morph.get("Tense") or "Prog" in morph.get("Aspect")):
        return False
    head = verb.head
    opener = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in cues.comitative), None)
    if verb.dep_ == "advcl" and opener is not None:
        subjects = list(verb.children)
    elif verb.dep_ == "pcomp" and head.lower_ in cues.comitative:
        opener, subjects = head, [*verb.children, *head.children]
    else:
        return False
    # set off: it opens the sentence or follows a comma ("police with dogs searching a flat" is the police's act)
    set_off = opener.i == verb.sent.start or verb.doc[opener.i - 1].text == ","
    return set_off and any(c.dep_ in ("nsubj", "nsubjpass", "pobj") and c.i < verb.i for c in subjects)


def _counted(token: Any, cues: Any) -> bool:
    """An event noun counted or measured by its head ("des centaines de frappes", "fourteen months of fighting",
    "cinq attaques depuis mercredi") sums up many acts: a statistic, not a report of one."""
    head = token.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head  # English: "dozens of strikes" hangs "strikes" on "of"
    if head.i != token.i and head.lemma_.lower() in cues.quantity:
        return True
    numbered = any(c.dep_ == "nummod" and c.i < token.i and c.lower_ not in _SINGLE for c in token.children)
    if numbered and head.i != token.i and head.i < token.i and (head.like_num or head.lower_ in _SINGLE):
        return True  # "one of the five demands", « l'une des cinq revendications »: an item of a list told before
    return numbered and any(c.lower_ in cues.background for c in token.subtree)


def _adjunct(token: Any, cues: Any) -> bool:
    """An event noun that hangs on a preposition of the clause or completes another noun ("died in last night's
    attack", "at the invitation of Iraq", "au cours d'une manifestation", "la fin de sa coopération militaire") names
    a circumstance of what the sentence reports, not the act it reports; one that completes a noun of its measures or
    its phase is that act ("un seizième paquet de sanctions", "le début d'exercices militaires"), and so is one that
    completes whom it aims at (« la cible d'une attaque »)."""
    head = token.head
    if head.i == token.i or _with_partner(token, cues):
        return False
    if token.dep_ == "pobj":  # English hangs the noun on its preposition
        owner = head.head
        if owner.i == head.i:
            return False
        lemma = owner.lemma_.lower()
        # "a package of sanctions"; "$33 million in assistance" (the amount of the act); "took part in the talks"
        if _victims_of_a_conflict(owner, token, cues):
            return True
        return not (lemma in cues.act_heads or lemma in cues.victims or owner.like_num or owner.tag_ == "$" or lemma in cues.participation)
    if head.lower_ in cues.calendar or (head.like_num and head.head.lower_ in cues.calendar):
        return False  # « ont lancé samedi 27 mars des frappes »: the parser hangs the object on the date
    if token.dep_ != "nmod" or head.pos_ != "NOUN":
        return False
    return _victims_of_a_conflict(head, token, cues) or head.lemma_.lower() not in cues.act_heads | cues.victims


def _victims_of_a_conflict(head: Any, token: Any, cues: Any) -> bool:
    """The victims of an event noun that names its two sides by a "between" phrase ("the victims of the fighting
    between the army and the rebels", « les victimes de l'affrontement entre la milice et l'armée »): they are not
    the side it aims at, and the noun names a conflict, not an act done to them."""
    if head.lemma_.lower() not in cues.victims:
        return False
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in cues.between:
            return True
        if child.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in cues.between for g in child.children):
            return True
    return False


def _with_partner(token: Any, cues: Any) -> bool:
    """An event noun that names whom it was held with ("said in a meeting with Honcharuk", « au cours d'un entretien
    avec son homologue »): an act between two sides that took place, not the circumstance of what was said."""
    for child in (c for c in token.children if token.i < c.i <= token.i + _PARTNER_REACH):
        if child.dep_ == "prep" and child.lower_ in cues.comitative and any(g.dep_ == "pobj" for g in child.children):
            return True
    for child in (c for c in token.children if c.dep_ == "nmod"):
        if any(g.dep_ == "case" and g.lower_ in cues.comitative and token.i < g.i <= token.i + _PARTNER_REACH for g in child.children):
            return True
    return False


#: how far after its noun the preposition of a partner stands ("a meeting with", « un entretien téléphonique avec »);
#: one further off is the parser's attachment of another noun's ("the deployment along its border with Israel")
_PARTNER_REACH = 3


def _in_background(token: Any, cues: Any) -> bool:
    """An event noun introduced as background: "après les combats", "à la suite de l'invasion"."""
    doc = token.doc
    start = max(token.sent.start, token.i - 4)
    for tok in doc[start : token.i]:
        if tok.lower_ in cues.background:
            return True
    # « après avoir répondu à un appel des rebelles »: the noun completes the verb of a clause of time
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if (
        verb is not None
        and verb.dep_ in ("advcl", "obl", "obl:mod")
        and "Fin" not in verb.morph.get("VerbForm")
        and any(c.dep_ in ("mark", "case") and c.lower_ in cues.background for c in verb.children)
    ):
        return True
    return _scheduled(token, cues) or _course_told(token, cues) or _in_background_clause(token, cues)


def _course_told(token: Any, cues: Any) -> bool:
    """An event noun with a definite article as the subject of a verb of its course ("the protest began outside the
    council and later moved", « la manifestation a commencé devant le parlement »): the story of an event told before,
    not a new act."""
    head = token.head
    if token.dep_ not in _SUBJECTS or head.i == token.i or head.lemma_.lower() not in cues.told_course:
        return False
    return any(c.dep_ == "det" and "Def" in c.morph.get("Definite") and "Art" in c.morph.get("PronType") for c in token.children)


def _scheduled(token: Any, cues: Any) -> bool:
    """An event noun said to be scheduled ("the summit is set to open tomorrow", "talks are expected to resume", « la
    réunion doit s'ouvrir lundi »): what is to come, not what happened."""
    head = token.head
    subject = token.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and head.lemma_.lower() in cues.scheduled
    return subject and any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in head.children)


def _in_background_clause(token: Any, cues: Any) -> bool:
    """An event noun inside a relative clause, which describes its noun and reports no new act ("Rubio, who sees the
    sanctions as leverage", « l'agence, qui ajoute que le dirigeant a déclaré »): every act it names is background
    too. Not a clause of time: "after Trump had a phone conversation with Erdogan" is often the news itself."""
    verbs = _governing_clauses(token, cues)
    if verbs and token.pos_ != "VERB" and (_unrealised(verbs[0], cues) not in (None, _STATE) or _planned(verbs[0], cues)):
        return True  # "sanctions" in « lever les sanctions n'est pas envisageable »: what the clause names is no act
    if any(_absolute(verb, cues) for verb in verbs):
        return True  # "With the EU urging states to halt arms sales, ...": the scene set, not what is reported
    return any(_describes_a_noun(verb, cues) for verb in verbs)


def _inside_name(token: Any, finder: ArgumentFinder) -> bool:
    """An event noun that is part of a name: inside an actor mention, or the complement of a capitalised noun."""
    if token.i in finder.at:
        return True
    head = token.head
    return token.dep_ in ("nmod", "compound", "appos") and head.i != token.i and head.i != token.sent.start and head.text[:1].isupper()


def _has_demonstrative(token: Any, cues: Any) -> bool:
    return any(c.dep_ == "det" and c.lemma_.lower() in cues.demonstratives for c in token.children)


def _according_to(sent: Any, cues: Any) -> bool:
    return any(t.lower_ in cues.according_to for t in sent)
