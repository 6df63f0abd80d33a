"""The actors stage: find who is named in each sentence.

Dictionary names (countries, capitals, demonyms, organisations, groups,
people, places) and role words are matched in the parsed text, then composed
along the dependency parse: a role word and the country that modifies it make
one actor ("le ministère russe de la Défense" -> RUSMIL; "le président
Vladimir Poutine" -> RUSGOV). A role named without its country ("le ministère
de la Défense") takes the country of the last actor with that role in the
article, else the article's most-mentioned country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from ... import registry
from ...codebook import actor_principal, actor_roles
from ...errors import ConfigError, Errors
from ...languages import resource_words
from ...models import ActorMention, Article
from .dictionary import (
    ActorDictionary,
    Surface,
    abroad_role_words,
    apart_words,
    area_title_words,
    binding_text_words,
    domestic_role_words,
    ethnic_words,
    executive_head_words,
    executive_words,
    government_body_words,
    hyphen_prefixes,
    leading_verbs,
    opposing_prepositions,
    owned_role_words,
    speak_for_body_words,
)
from .matcher import NAME_WINDOW, Match, get_matcher, surname

_SUBJECT_DEPS = {"nsubj", "obl:agent", "appos", "csubj"}
_KIND_PRIORITY = {"person": 0, "institution": 1, "outlet": 1, "group": 2, "igo": 3, "country": 4, "region": 5, "place": 6}
_FORM_PRIORITY = {"name": 0, "alias": 1, "capital": 2, "demonym": 3}
MAX_ATTACH_STEPS = 3

#: The Doc extension the stage sets: ``doc._.actors``, the :class:`TokenActor` list of the Doc's sentences (None
#: before the stage runs). Declared as ``doc._.actors`` in this stage's ``assigns`` and in the ``requires`` of the
#: stages that read it (events, geo), so the pipeline refuses to run them without this stage (E202).
DOC_KEY = "actors"
# Prepositions of every language (tocsin/languages/<code>/arguments.toml): a role noun's complement that says whose
# official it is ("" is no preposition: a nationality word), and one a role of unknown country takes its country from.
_OWNER_OF = resource_words("arguments", "owner_of") | {""}
_ROLE_OF = resource_words("arguments", "role_of")
#: The dictionary matches of a Doc, cached for the stage (``doc._.actor_matches``).
MATCHES_KEY = "actor_matches"
for _key in (DOC_KEY, MATCHES_KEY):
    if not Doc.has_extension(_key):
        Doc.set_extension(_key, default=None)


@dataclass
class TokenActor:
    """An actor mention with its token span, kept on the spaCy Doc for the events stage."""

    mention: ActorMention
    start: int
    end: int
    head: int
    #: the lemma of the role word the mention holds ("embassy" for "the US embassies"), None without one
    role_word: str | None = None
    #: the dependency label of its head word ("nsubj" for a subject)
    dep: str = ""
    #: the lemma of the head word of a role phrase ("officer" for "police officers", « force » for « forces de
    #: sécurité »), None without one
    role_head: str | None = None
    #: the place of the article's dateline ("JAKARTA -", "NIAMEY (Reuters) -"): where it was filed, not told about
    dateline: bool = False
    #: the country of a name the role acts against or is about ("protesters against Japan"): never the role's own
    against: str | None = None
    #: set apart from the place the article is about ("the mainland Chinese government"): no owner of a later bare role
    apart: bool = False


def _span_head(doc: Any, start: int, end: int) -> int:
    for i in range(start, end):
        head = doc[i].head.i
        if head < start or head >= end or head == i:
            return i
    return start


def _best_surface(surfaces: tuple[Surface, ...]) -> Surface:
    return min(surfaces, key=lambda s: (_KIND_PRIORITY.get(s.entry.kind, 9), _FORM_PRIORITY.get(s.form_kind, 9)))


@registry.stages.register("actors")
class ExtractActors:
    """Assign ``article.mentions`` (and the token-level actors of each Doc, ``doc._.actors``).

    ``actors`` (or its older name ``extra_dictionaries``) are user dictionary files over the built-in one;
    ``max_attach_steps`` is how far up the parse an entity climbs to reach its role word.
    """

    name = "actors"
    requires = ("article.docs", "article.sentences")
    assigns = ("article.mentions", "doc._.actors")

    def __init__(
        self, *, actors: Sequence[str] = (), extra_dictionaries: Sequence[str] = (), max_attach_steps: int = MAX_ATTACH_STEPS
    ) -> None:
        self.extra = tuple(str(p) for p in (*actors, *extra_dictionaries))
        if max_attach_steps < 0:
            raise ConfigError(Errors.E501.format(name="max_attach_steps", value=max_attach_steps, hint="Use 0 or more."))
        self.max_attach_steps = max_attach_steps
        ActorDictionary.load(self.extra)  # fail early on a bad user file

    def __call__(self, article: Article) -> Article:
        matcher = get_matcher(article.lang or "fr", self.extra)
        sent_index = {s.start: s.index for s in article.sentences}
        date = (article.published or "")[:10] or None
        mentions: list[TokenActor] = []
        _apply_acronyms(article.docs, matcher)
        for offset, doc in article.docs:
            doc_actors: list[TokenActor] = []
            for sent in doc.sents:
                index = sent_index.get(offset + sent.start_char)
                if index is None:
                    continue
                doc_actors.extend(self._compose(doc, sent, offset, index, date, matcher))
            # a news outlet is recognised (its name hides "France" in "Agence France-Presse"), never an actor
            doc_actors = [a for a in doc_actors if a.mention.kind != "outlet"]
            for a in doc_actors:
                a.dep = str(doc[a.head].dep_)
                a.apart = bool(apart_words() & {doc[a.start - 1].lower_ if a.start else "", doc[a.end].lower_ if a.end < len(doc) else ""})
            _ethnic_groups(doc, doc_actors)
            doc._.actors = doc_actors
            mentions.extend(doc_actors)
        _mark_dateline(article.docs, mentions)
        _infer_missing_countries(mentions)
        mentions = _without_unowned_members(article.docs, mentions)
        mentions = _corefer_names(article, sent_index, mentions)
        mentions = _demonstrative_heads(article, sent_index, mentions)
        article.mentions = [a.mention for a in mentions]
        return article

    def _compose(self, doc: Any, sent: Any, offset: int, index: int, date: str | None, matcher: Any) -> list[TokenActor]:
        matches = [m for m in _matches_for(doc, matcher) if sent.start <= m.start < sent.end]
        entities = [m for m in matches if m.kind == "entity" and not _hyphen_modifier(doc, m)]
        roles = _body_speakers(doc, [m for m in matches if m.kind in ("role", "anonymous", "member")])
        areas = _areas(doc, entities)
        token_owner: dict[int, Match] = {}
        for m in roles:
            for i in range(m.start, m.end):
                token_owner[i] = m
        attached: dict[int, list[Match]] = {}  # role start -> entities
        consumed: set[int] = set()
        opposed: dict[int, Match] = {}  # role start -> a name it acts against
        for ent in entities:
            tok = doc[_span_head(doc, ent.start, ent.end)]
            for _ in range(self.max_attach_steps if ent.start not in areas else 0):
                if (
                    tok.head.i == tok.i
                    or tok.pos_ in ("VERB", "AUX")
                    or tok.dep_ in ("acl:relcl", "relcl", "acl", "ccomp", "advcl", "conj")
                ):
                    break
                tok = tok.head
                if tok.i in token_owner:
                    role = token_owner[tok.i]
                    if _path_prep(doc, ent, role) in opposing_prepositions():
                        opposed.setdefault(role.start, ent)  # "protesters against Japan": an actor of its own
                        break
                    attached.setdefault(role.start, []).append(ent)
                    consumed.add(ent.start)
                    break
                if tok.pos_ in ("VERB", "AUX"):
                    break
        _join_titles(doc, roles, entities, attached, consumed)
        _join_leaders(doc, token_owner, entities, attached, consumed)
        _gang_names(doc, roles, attached)
        roles = [r for r in roles if r.start in attached or not _needs_owner(doc, r, matches)]
        out: list[TokenActor] = []
        for ent in entities:
            if ent.start in consumed or ent.start in areas:
                continue  # "the bank's head for Asia": the area its officer covers is no actor, nor where the act is
            out.append(self._entity_actor(doc, ent, None, offset, index, date))
        for role in roles:
            ents = attached.get(role.start, [])
            word = _role_word(doc, role)
            kept = [e for e in ents if _path_prep(doc, e, role) in _OWNER_OF]
            if kept and len(kept) < len(ents):
                # "the Libyan ambassador to Greece", "US Ambassador to Germany Richard Grenell", "l'ambassadeur des
                # Pays-Bas à Moscou", "l'ambassade d'Iran à Damas": the nationality word, the name before the role or
                # its "of/de" complement says whose official it is; a complement of posting ("to", "in", "à") says
                # where. Coordinated owners all stay.
                for e in ents:
                    if e not in kept:
                        posting = self._entity_actor(doc, e, None, offset, index, date)
                        if posting.mention.kind in ("country", "capital"):
                            posting.mention.kind = "place"  # where the official serves, not a party to the act
                        out.append(posting)
                ents = kept
            if ents:
                for ent in ents:
                    actor = self._entity_actor(doc, ent, role, offset, index, date)
                    # not "le gang Taliban", whose code the group's name made; "UN experts" are the UN's, with no role
                    if role.role in actor.mention.roles or role.kind == "member":
                        actor.role_word = word
                        actor.role_head = str(doc[_span_head(doc, role.start, role.end)].lemma_).lower()
                    out.append(actor)
            else:
                against = opposed.get(role.start)
                country = actor_principal(_best_surface(against.surfaces).entry.code_on(date)) if against else None
                out.append(_bare_role(doc, role, offset, index, word, country))
        out.sort(key=lambda a: a.start)
        _speak_for(doc, out)
        return _without_group_demonyms(doc, _without_text_owners(doc, out))

    @staticmethod
    def _entity_actor(doc: Any, ent: Match, role: Match | None, offset: int, index: int, date: str | None) -> TokenActor:
        surface = _best_surface(ent.surfaces)
        entry = surface.entry
        head = _span_head(doc, ent.start, ent.end)
        kind = entry.kind
        code = entry.code_on(date)  # a person's office, a group's status (Taliban AFGREB until 2021-08-15) on that day
        if entry.kind == "country":
            if surface.form_kind == "capital":
                kind = "capital"
                if role is None and doc[head].dep_ in _SUBJECT_DEPS:
                    code = code + "GOV"
            elif surface.form_kind == "demonym":
                kind = "demonym"
        for r in entry.roles:
            # not a role the code already holds, nor one its organisation code names (IGOJUDICC, NGOHRIAMN)
            if r not in (code[i : i + 3] for i in range(0, len(code), 3)):
                code += r
        if role is not None and role.role and kind != "person" and not actor_roles(code):
            code = code + role.role
        if role is not None and kind == "place" and role.role not in _LOCATED_ROLES:
            kind = "institution"  # "the Lancashire police", "the Kandahar provincial council": a body, no mere place
        start, end = ent.start, ent.end
        if role is not None:
            start, end = min(start, role.start), max(end, role.end)
            head = _span_head(doc, start, end)
        span = doc[start:end]
        mention = ActorMention(
            text=span.text,
            start=offset + span.start_char,
            end=offset + span.end_char,
            sentence_index=index,
            code=code,
            country=actor_principal(code),
            roles=actor_roles(code),
            name=entry.name,
            kind=kind,
        )
        return TokenActor(mention, start, end, head)


def _bare_role(doc: Any, role: Match, offset: int, index: int, word: str, against: str | None) -> TokenActor:
    """A role word no name owns ("the government", « les manifestants »): its country comes later from the context."""
    span = doc[role.start : role.end]
    mention = ActorMention(
        text=span.text,
        start=offset + span.start_char,
        end=offset + span.end_char,
        sentence_index=index,
        code=None,
        country=None,
        roles=[role.role] if role.role else [],
        name=None,
        kind=role.kind,
    )
    return TokenActor(mention, role.start, role.end, _span_head(doc, role.start, role.end), word, against=against)


def preposition_of(token: Any) -> str:
    """The preposition that introduces a word, lower-cased ("" for none): "à Niamey" -> "à" (UD hangs it on the
    noun as ``case``); "to Greece" -> "to" (English hangs the noun on it as ``pobj``); a ``prep`` token is its own."""
    if token.dep_ == "prep":
        return str(token.lower_)
    if token.dep_ == "pobj":
        return str(token.head.lower_)
    return next((c.lower_ for c in token.children if c.dep_ in ("case", "fixed")), "")


def phrase_noun(token: Any) -> Any:
    """The noun a prepositional phrase names: English hangs it on the preposition as ``pobj`` ("to Greece" -> Greece);
    UD makes the noun the phrase's own head, so any other token is its own noun."""
    return next((c for c in token.children if c.dep_ == "pobj"), token)


def attached_to(token: Any) -> Any:
    """The word a phrase hangs on: "cited the repression" -> cited; English hangs a preposition's object on the
    preposition ("clashes between X and Y": X -> between -> clashes), so its word is the preposition's head."""
    return token.head.head if token.dep_ == "pobj" else token.head


_POSSESSIVE = ("'s", "’s", "'", "’")  # "Egypt's President": English hangs the possessive marker on the owner as ``case``


def _path_prep(doc: Any, ent: Match, role: Match) -> str:
    """The preposition that ties an entity to its role word: the first one met climbing from the entity to the role
    ("to" for "Germany" in "Ambassador to Germany Richard Grenell", where "Germany" is a compound of the name); ""
    for none or a possessive ("Egypt's President")."""
    tok = doc[_span_head(doc, ent.start, ent.end)]
    for _ in range(len(doc)):
        if role.start <= tok.i < role.end:
            break
        prep = preposition_of(tok)
        if prep and prep not in _POSSESSIVE:
            return prep
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return ""


def _speak_for(doc: Any, actors: list[TokenActor]) -> None:
    """A bare role whose "de/of" complement is another actor speaks for it: "un porte-parole de l'armée
    nord-coréenne" is PRKMIL, "a spokesman for the Russian foreign ministry" RUSGOV."""
    by_token = {i: a for a in actors for i in range(a.start, a.end)}
    for actor in actors:
        mention = actor.mention
        if mention.kind not in ("role", "member") or mention.code is not None:
            continue
        head = doc[actor.head]
        for child in head.children:
            if child.dep_ not in ("nmod", "prep") or child.i in range(actor.start, actor.end):
                continue
            if preposition_of(child) not in _ROLE_OF:
                continue
            target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), child)
            owner = by_token.get(target.i)
            if owner is not None and owner is not actor and owner.mention.code:
                mention.code, mention.country = owner.mention.code, owner.mention.country
                mention.roles = list(owner.mention.roles)
                mention.name = owner.mention.name
                break
            if owner is not None and owner.mention.kind == "role" and owner.mention.roles and actor.role_word in speak_for_body_words():
                mention.roles = list(owner.mention.roles)  # "a spokeswoman for the fire brigade": the brigade's, HLH
                break


def _body_speakers(doc: Any, roles: list[Match]) -> list[Match]:
    """A role word of who speaks for a body ("officials", "spokesman") right after a body's role word that qualifies it
    is one role phrase with the body's role: "hospital officials" HLH, "a fire service spokesman" HLH, "police
    officials" COP (not the government, GOV, that "officials" alone would be)."""
    by_end = {r.end: r for r in roles if r.kind == "role" and r.role}
    merged: dict[int, Match] = {}
    for role in roles:
        body = by_end.get(role.start)
        if body is None or role.kind != "role" or body.role == role.role or _role_word(doc, role) not in speak_for_body_words():
            continue
        head, body_head = _span_head(doc, role.start, role.end), doc[_span_head(doc, body.start, body.end)]
        if body_head.head.i == head and body_head.dep_ in ("compound", "nmod", "amod"):
            merged[id(role)] = Match(body.start, role.end, role.kind, role.surfaces, body.role)
            merged[id(body)] = body
    return [merged.get(id(r), r) for r in roles if merged.get(id(r)) is not r]


def _areas(doc: Any, entities: list[Match]) -> set[int]:
    """Countries and regions named as the area a company's or body's officer covers: the complement, by a preposition
    of no owner ("for", "in"), of a title that a word of no dictionary name owns ("the retailer's chief executive for
    Central Europe", "Gazprom's head for Asia" when the dictionary knows no Gazprom)."""
    named = {i for e in entities for i in range(e.start, e.end)}
    out: set[int] = set()
    for ent in entities:
        if _best_surface(ent.surfaces).entry.kind not in ("country", "region"):
            continue
        tok = doc[_span_head(doc, ent.start, ent.end)]
        prep = preposition_of(tok)
        if not prep or prep in _OWNER_OF:
            continue
        title = attached_to(tok)
        words = {title.lemma_.lower(), " ".join(t.lemma_.lower() for t in title.lefts if t.dep_ == "compound") + " " + title.lemma_.lower()}
        owners = [c for c in title.children if c.dep_ in ("poss", "nmod:poss")]
        if {w.strip() for w in words} & area_title_words() and owners and not any(t.i in named for o in owners for t in o.subtree):
            out.add(ent.start)
    return out


def _without_group_demonyms(doc: Any, actors: list[TokenActor]) -> list[TokenActor]:
    """A nationality word that qualifies the name of an organisation or group ("the Palestinian Red Crescent", « le
    Hezbollah libanais ») says which branch or where it is, inside that name: no country acting beside it."""
    named = {i: a for a in actors if a.mention.kind in ("group", "igo") for i in range(a.start, a.end)}
    return [
        a for a in actors
        if not (a.mention.kind == "demonym" and not a.mention.roles and doc[a.head].dep_ in ("amod", "compound") and doc[a.head].head.i in named)
    ]  # fmt: skip


def _without_text_owners(doc: Any, actors: list[TokenActor]) -> list[TokenActor]:
    """The owner of a binding text that is its clause's subject ("Interpol's constitution prohibits ...", "the charter
    of the alliance forbids", « la loi russe interdit ») does not act in what the text forbids or requires: it is no
    actor of its sentence. As an object, whose text it is stays a side ("denounced Egypt's new law")."""
    out: list[TokenActor] = []
    for actor in actors:
        tok = doc[actor.head]
        noun = attached_to(tok)
        owning = tok.dep_ in ("poss", "nmod:poss", "amod") or (tok.dep_ in ("pobj", "nmod") and preposition_of(tok) in _OWNER_OF)
        subject = noun.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")  # what "Egypt's new law" is criticised for is Egypt's
        if not owning or not subject or noun.i == tok.i or noun.lemma_.lower() not in binding_text_words() or actor.mention.roles:
            out.append(actor)
    return out


_NAME_LINKS = ("compound", "appos", "flat", "flat:name", "nmod")
_QUALIFIERS = ("compound", "amod", "poss", "nmod", "pobj")  # "UN rapporteur", "of Hong Kong", « de l'ONU »


def _name_chains(sent: Any, taken: set[int]) -> list[tuple[int, int]]:
    """Runs of proper-noun tokens outside any actor: the names of people the dictionary does not know."""
    chains: list[tuple[int, int]] = []
    start = None
    for tok in sent:
        inside = tok.pos_ == "PROPN" and tok.i not in taken and (tok.text[:1].isupper() or _particle(tok, taken))
        if inside and start is None:
            start = tok.i
        elif not inside and start is not None:
            chains.append((start, tok.i))
            start = None
    if start is not None:
        chains.append((start, sent.end))
    return chains


def _particle(tok: Any, taken: set[int]) -> bool:
    """A lower-case proper-noun word inside a name ("al" and "-" in "Moammar al-Eryani", "bin" in "Ali bin Tamim"):
    one that the parser tags as part of the name and that a capitalised word of the name follows."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.i not in taken and (nxt.text[:1].isupper() or _particle(nxt, taken))


def _linked(doc: Any, chain: tuple[int, int], actor: TokenActor) -> bool:
    """A name and a coded actor that are one phrase: "Houthi military spokesperson Yahya Sarea", "Bruno Parrilla, the
    foreign affairs minister of Cuba"."""
    if chain[0] < actor.start - NAME_WINDOW or chain[1] > actor.end + NAME_WINDOW:
        return False  # farther than the cheap pass before parsing looks (tocsin/stages/candidates.py)
    head = doc[actor.head]
    if head.dep_ in _NAME_LINKS and chain[0] <= head.head.i < chain[1]:
        return True
    root = next((doc[i] for i in range(*chain) if not chain[0] <= doc[i].head.i < chain[1]), None)
    if root is None:
        return False
    if root.dep_ in _NAME_LINKS and actor.start <= root.head.i < actor.end:
        return True
    # "Carrie Lam, the chief executive of Hong Kong", "Agnès Callamard, a UN rapporteur": the actor qualifies the
    # noun in apposition to the name
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    owner = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    if head.dep_ in _QUALIFIERS and owner.i == root.i and actor.mention.roles and preposition_of(head) in _OWNER_OF - {""}:
        return True  # "Sharif Zarifi, of the provincial council": a member of the body the name's complement names
    return head.dep_ in _QUALIFIERS and any(owner.i == n.i for n in nouns)


def _corefer_names(article: Article, sent_index: dict[int, int], mentions: list[TokenActor]) -> list[TokenActor]:
    """A person the dictionary does not know, introduced with a coded role ("Houthi military spokesperson Yahya
    Sarea"), is that actor when the article names them again ("..., Sarea said"): by full name or surname."""
    known: dict[str, ActorMention] = {}
    out: list[TokenActor] = []
    for offset, doc in article.docs:
        actors: list[TokenActor] = list(doc._.actors or [])
        taken = {i for a in actors for i in range(a.start, a.end)}
        added: list[TokenActor] = []
        for sent in doc.sents:
            index = sent_index.get(offset + sent.start_char)
            # a place is no one's actor, unless a role word made it one ("the Kandahar provincial council")
            in_sent = [
                a for a in actors
                if sent.start <= a.start < sent.end and a.mention.code and a.mention.kind != "anonymous"
                and (a.mention.kind != "place" or a.mention.roles)
            ]  # fmt: skip
            for a in in_sent:
                _known_surnames(a.mention, known)
            for chain in _name_chains(sent, taken):
                words = [doc[i].text for i in range(*chain)]
                # a full name (two words or more): what the cheap pass before parsing lists
                tie = chain[1] - chain[0] > 1
                linked = next((a for a in in_sent if tie and _linked(doc, chain, a)), None)
                # "Jane Roe, who was the UN envoy, criticised ...": the relative clause says who she is, and she acts
                relative = next((a for a in in_sent if tie and _relative_role(doc, chain, a)), None)
                if linked is not None or relative is not None:
                    for key in (" ".join(words), words[-1]):  # the full name and the surname
                        known[key] = (linked or relative).mention  # type: ignore[union-attr]
                    if relative is None or index is None:
                        continue
                same = relative.mention if relative is not None else known.get(" ".join(words)) or known.get(words[-1])
                if same is None or index is None:
                    continue
                added.append(_named_again(doc, chain, offset, index, same))
        if added:
            actors = sorted(actors + added, key=lambda a: a.start)
            doc._.actors = actors
        out.extend(actors)
    return out


def _demonstrative_heads(article: Article, sent_index: dict[int, int], mentions: list[TokenActor]) -> list[TokenActor]:
    """A demonstrative and the head noun of a role phrase named before is that actor again: "jihadist groups linked to
    al-Qaeda ... These groups were driven out", « des groupes armés ... Ces groupes » (the head noun alone is no role
    word: "groups" alone names no one)."""
    out: list[TokenActor] = []
    earlier: list[tuple[str, TokenActor]] = []  # (head lemma of a coded role phrase, its actor), in article order
    for offset, doc in article.docs:
        actors: list[TokenActor] = list(doc._.actors or [])
        taken = {i for a in actors for i in range(a.start, a.end)}
        added: list[TokenActor] = []
        pending = sorted(actors, key=lambda a: a.start)
        for tok in doc:
            while pending and pending[0].start < tok.i:
                a = pending.pop(0)
                if a.role_word and a.mention.code and a.mention.roles and a.mention.kind not in ("place", "anonymous"):
                    earlier.append((str(doc[a.head].lemma_).lower(), a))
            if tok.pos_ != "NOUN" or tok.i in taken:
                continue
            if not any(c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in tok.children):
                continue
            index = sent_index.get(offset + tok.sent.start_char)  # after the cheap tests: tok.sent walks the doc
            if index is None:
                continue
            same = next((a for lemma, a in reversed(earlier) if lemma == tok.lemma_.lower()), None)
            if same is None:
                continue
            start = min([tok.i] + [c.i for c in tok.children if c.dep_ == "det"])
            again = _named_again(doc, (start, tok.i + 1), offset, index, same.mention)
            again.mention.kind, again.role_word = same.mention.kind, same.role_word
            added.append(again)
        if added:
            actors = sorted(actors + added, key=lambda a: a.start)
            doc._.actors = actors
        out.extend(actors)
    return out


def _without_unowned_members(docs: Sequence[tuple[int, Any]], actors: list[TokenActor]) -> list[TokenActor]:
    """Experts or inspectors of no body the article names are no actor (« des experts estiment »)."""
    for _, doc in docs:
        doc._.actors = [a for a in doc._.actors or [] if a.mention.kind != "member" or a.mention.code]
    return [a for a in actors if a.mention.kind != "member" or a.mention.code]


def _named_again(doc: Any, chain: tuple[int, int], offset: int, index: int, same: ActorMention) -> TokenActor:
    """The mention of a name that stands for an actor the article already coded."""
    span = doc[chain[0] : chain[1]]
    mention = ActorMention(
        text=span.text, start=offset + span.start_char, end=offset + span.end_char, sentence_index=index,
        code=same.code, country=same.country, roles=list(same.roles), name=same.name or same.text, kind="institution" if same.kind == "institution" else "person",
    )  # fmt: skip
    return TokenActor(mention, chain[0], chain[1], _span_head(doc, chain[0], chain[1]))


#: roles whose phrase a place names stay where they are: "a Kharkiv company" is in Kharkiv, no public body of it
_LOCATED_ROLES = frozenset({"BUS"})

_RELATIVE_TAGS = frozenset(("WP",))  # the English tag of a relative "who" (French marks it PronType=Rel)


def _relative_role(doc: Any, chain: tuple[int, int], actor: TokenActor) -> bool:
    """A name whose relative clause says what office it holds ("Jean Roux, who is the French ambassador", « Jean
    Roux, qui était ministre de l'Intérieur du Niger »): the copula's subject is the relative pronoun, and its noun
    is the coded role."""
    if not actor.mention.roles:
        return False
    root = next((doc[i] for i in range(*chain) if not chain[0] <= doc[i].head.i < chain[1]), None)
    if root is None:
        return False
    for clause in root.children:
        if clause.dep_ not in ("relcl", "acl:relcl"):
            continue
        pronoun = any(c.dep_ == "nsubj" and (c.tag_ in _RELATIVE_TAGS or "Rel" in c.morph.get("PronType")) for c in clause.children)
        # English hangs the noun on the copula as its attribute; UD makes the noun the clause's head, with a copula
        nouns = [c for c in clause.children if c.dep_ == "attr"] + ([clause] if any(c.dep_ == "cop" for c in clause.children) else [])
        if pronoun and any(actor.start <= n.i < actor.end for n in nouns):
            return True
    return False


def _known_surnames(mention: ActorMention, known: dict[str, ActorMention]) -> None:
    """A person of the dictionary is that person when the article names them again by surname alone ("Yahya Sarea
    said ... Saree warned"): the last word of the name they are known by and of the form the article wrote. A company
    is named again by the first word of its name."""
    if mention.kind == "institution" and "BUS" in mention.roles:
        # a company is named again by the first word of its name ("Mahan Air" ... "Mahan's permit")
        words = (mention.name or "").split()
        if len(words) > 1 and surname(words[0]):
            known.setdefault(words[0], mention)
        return
    if mention.kind != "person":
        return
    for name in (mention.name or "", mention.text):
        word = surname(name)
        if word:
            known[word] = mention


def _apply_acronyms(docs: Sequence[tuple[int, Any]], matcher: Any) -> None:
    """An acronym the article defines in brackets after a name ("les Forces de soutien rapide (RSF)") means that name
    wherever the article uses it, even where the dictionary gives it another meaning (RSF: Reporters sans frontières)."""
    defined: dict[str, tuple[Surface, ...]] = {}
    for _, doc in docs:
        matches = _matches_for(doc, matcher)
        by_start = {m.start: m for m in matches}
        for m in matches:
            if m.kind != "entity" or m.end + 2 >= len(doc) or doc[m.end].text != "(" or doc[m.end + 2].text != ")":
                continue
            acronym = by_start.get(m.end + 1)
            word = doc[m.end + 1].text
            # an acronym the dictionary does not know is defined all the same ("the People's Defence Force (PDF)")
            known = acronym is None or (acronym.kind == "entity" and acronym.end == m.end + 2)
            if not known or not word.isupper() or len(word) < 2:
                continue
            # the letters of an acronym are initials of the name ("Forces de soutien rapide (RSF)"), which a news
            # agency after a dateline is not ("KIEV (AFP) -")
            initials = {w[:1].lower() for t in doc[m.start : m.end] for w in t.text.replace("'", " ").split("-") if w}
            if all(c.lower() in initials for c in word if c.isalpha()):
                defined.setdefault(word, m.surfaces)
    if not defined:
        return
    for _, doc in docs:
        matches = [
            Match(m.start, m.end, m.kind, defined[doc[m.start].text], None)
            if m.kind == "entity" and m.end == m.start + 1 and doc[m.start].text in defined
            else m
            for m in _matches_for(doc, matcher)
        ]
        covered = {i for m in matches for i in range(m.start, m.end)}
        # not where it is defined: the name before the brackets is the mention there
        unknown = [
            Match(t.i, t.i + 1, "entity", defined[t.text], None)
            for t in doc
            if t.text in defined and t.i not in covered and not (t.i > 1 and doc[t.i - 1].text == "(" and t.i - 2 in covered)
        ]
        doc._.actor_matches = sorted(matches + unknown, key=lambda m: m.start) if unknown else matches


def _joined(left: Any, right: Any) -> bool:
    """Two tokens written together with no space between them."""
    return left.i + 1 == right.i and not left.whitespace_


def _hyphen_modifier(doc: Any, ent: Match) -> bool:
    """A name or nationality word hyphenated into a modifier says whom a thing backs, opposes or comes from, and is
    no actor: "pro-Russian separatists", "anti-American protests", "a US-built vehicle", "Iranian-backed militias"
    (but "the Saudi-led coalition" names who leads it)."""
    if ent.start >= 2 and doc[ent.start - 1].text == "-":
        prefix = doc[ent.start - 2]
        if _joined(prefix, doc[ent.start - 1]) and _joined(doc[ent.start - 1], doc[ent.start]) and prefix.lower_ in hyphen_prefixes():
            return True
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "-":
        return False
    last, hyphen, word = doc[ent.end - 1], doc[ent.end], doc[ent.end + 1]
    participle = word.tag_ == "VBN" or "Part" in word.morph.get("VerbForm")
    return _joined(last, hyphen) and _joined(hyphen, word) and participle and word.lemma_.lower() not in leading_verbs()


def _join_titles(doc: Any, roles: list[Match], entities: list[Match], attached: dict[int, list[Match]], consumed: set[int]) -> None:
    """A title before a person's name ("President Trump's trip", "Senator Lindsey Graham") is that person's: English
    parses the name as the head and the title as its compound, so the name never climbs to it."""
    for role in roles:
        title = doc[_span_head(doc, role.start, role.end)]
        if role.start in attached or title.dep_ not in ("compound", "flat", "flat:name", "nmod"):
            continue
        # an "nmod" title is one only right before the name ("German Chancellor Olaf Scholz", where the nationality
        # word hangs on the name)
        person = next(
            (e for e in entities if e.start <= title.head.i < e.end and e.start >= role.end and e.start not in consumed
             and any(s.entry.kind == "person" for s in e.surfaces) and (title.dep_ != "nmod" or e.start == role.end)),
            None,
        )  # fmt: skip
        if person is not None:
            attached[role.start] = [person]
            consumed.add(person.start)


def _join_leaders(doc: Any, owner: dict[int, Match], entities: list[Match], attached: dict[int, list[Match]], consumed: set[int]) -> None:
    """The agent of a participle of leading ("the forces led by France", « les troupes conduites par les États-Unis»)
    is whose the role is: one actor, as "the French forces" is."""
    for ent in entities:
        tok = doc[_span_head(doc, ent.start, ent.end)]
        verb = tok.head if tok.dep_ == "obl:agent" else tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else None
        if ent.start in consumed or verb is None or verb.dep_ != "acl" or verb.lemma_.lower() not in leading_verbs():
            continue
        role = owner.get(verb.head.i)
        if role is not None and role.start not in attached:
            attached[role.start] = [ent]
            consumed.add(ent.start)


_PLACES = ("country", "capital", "place", "demonym")


def _ethnic_groups(doc: Any, actors: list[TokenActor]) -> None:
    """A nationality word for people that names an ethnic group is of the country they live in: the country its own
    complement or adjective names ("Bosnian Serbs", « les Serbes de Bosnie »: BIH), or, marked as ethnic ("ethnic
    Albanians", « Albanais de souche »), the place its sentence names ("in Serbia": SRB). CVL: civilians of it. Counted
    ("two Americans", « 25 Indiens »), they are people of their own country, not the state: CVL too."""
    by_head = {a.head: a for a in actors}
    for actor in actors:
        mention = actor.mention
        if mention.kind != "demonym" or mention.roles or doc[actor.head].pos_ not in ("NOUN", "PROPN"):
            continue
        tok = doc[actor.head]
        country = None
        for child in (c for c in tok.children if c.dep_ in _QUALIFIERS + ("prep",)):  # not "Israelis and Palestinians"
            target = next((c for c in child.children if c.dep_ == "pobj"), child) if child.dep_ == "prep" else child
            other = by_head.get(target.i)
            if (
                other is not None
                and other is not actor
                and other.mention.kind in _PLACES
                and other.mention.country != mention.country
                and preposition_of(target) in _ROLE_OF | {""}
            ):
                country = other.mention.country
        marked = any(t.lower_ in ethnic_words() for t in tok.subtree if t.i != tok.i)
        if country is None and marked:
            country = _where(actor, [a for a in actors if a.mention.country != mention.country])
        if country is None and any(c.dep_ == "nummod" for c in tok.children):
            country = mention.country  # "two Americans", « 25 Indiens »: people counted are civilians, not the state
        if country:
            mention.country, mention.code, mention.roles = country, country + "CVL", ["CVL"]


def _needs_owner(doc: Any, role: Match, matches: list[Match]) -> bool:
    """A role word that names an actor only with a word saying whose it is ("army units", "Russian units", "units of
    the brigade"), here without one ("22 sold units")."""
    if _role_word(doc, role) not in owned_role_words():
        return False
    head = doc[_span_head(doc, role.start, role.end)]
    inside = {i for m in matches if m is not role for i in range(m.start, m.end)}
    return not any(t.i in inside for t in head.subtree if t.i != head.i)


def _gang_names(doc: Any, roles: list[Match], attached: dict[int, list[Match]]) -> None:
    """A name after a gang's role word is that gang's own name ("le gang Taliban", "the cartel Los Zetas"), whatever
    else the name means: the gang stays a bare role of the article's country, and the name is no actor of its own."""
    for role in roles:
        ents = attached.get(role.start)
        if role.role == "CRM" and ents and all(e.start >= role.end and _path_prep(doc, e, role) == "" for e in ents):
            attached[role.start] = []


def _matches_for(doc: Any, matcher: Any) -> list[Match]:
    cached: list[Match] | None = doc._.actor_matches
    if cached is None:
        cached = matcher(doc)
        doc._.actor_matches = cached
    return cached


def _role_word(doc: Any, role: Match) -> str:
    return " ".join(t.lemma_.lower() for t in doc[role.start : role.end])


_DATELINE_MARKS = frozenset(",:-–—(")


def _mark_dateline(docs: Sequence[tuple[int, Any]], actors: list[TokenActor]) -> None:
    """The place in capitals that opens an article before a comma, colon, dash or bracket ("JAKARTA - ...", "DAMAS :",
    "NIAMEY (Reuters) -") is where the story was filed: a place, not the story's country nor the actors'."""
    first = next((a for a in actors if a.mention.start == 0), None)
    if first is None or not docs or docs[0][0] != 0 or first.mention.kind not in ("country", "capital", "place"):
        return
    doc = docs[0][1]
    text = first.mention.text
    if text.isupper() and first.end < len(doc) and doc[first.end].text[:1] in _DATELINE_MARKS:
        first.dateline = True
        first.mention.kind = "place"


def _infer_missing_countries(actors: list[TokenActor]) -> None:
    """Give a country to role-only mentions: the last actor named with the same role word ("the US embassy ... the
    embassy"), else the last with the same role, else the most-mentioned country."""
    # international bodies and regions are no country a bare role could belong to
    # nor a non-governmental organisation's code ("the Red Cross ... the soldiers" are no soldiers of the Red Cross)
    counts = Counter(
        a.mention.country for a in actors
        if a.mention.country and not a.dateline and a.mention.kind not in ("igo", "region") and not a.mention.country.startswith("NGO")
    )  # fmt: skip
    ranked = [c for c, _ in counts.most_common(2)]  # the most-mentioned country, and the next
    last_by_role: dict[str, str] = {}
    last_by_word: dict[str, str] = {}
    by_head: dict[str, tuple[str, str]] = {}  # the last word of a role phrase -> its country and role
    titles: dict[str, str] = {}  # a person's name -> the title the article gave them
    previous: TokenActor | None = None
    for actor in actors:
        mention = actor.mention
        _title_of_person(actor, previous, titles, last_by_word)
        previous = actor
        if mention.code is not None and actor.apart and mention.roles:
            continue  # "the mainland Chinese government" is no owner of a later "the government" of Hong Kong
        if mention.code is not None:
            for role in mention.roles:
                # an ambassador serves abroad: no clue to whose a later "junta" or « gouvernement » is
                # nor does an international body ("the UN General Assembly" makes no later "the Senate" a UN one)
                if mention.country and actor.role_word not in abroad_role_words() and mention.kind not in ("region", "igo"):
                    last_by_role[role] = mention.country
            if actor.role_word and mention.country:
                last_by_word[actor.role_word] = mention.country
                if actor.role_head and actor.role_head != actor.role_word and mention.roles:
                    # "two French police officers ... the officers": the phrase's head word, later alone, is the same
                    by_head[actor.role_head] = (mention.country, mention.roles[0])
            continue
        # only where the phrase changes the role: "prime minister ... the energy minister" keeps the usual chain
        if actor.role_word in by_head and actor.role_word not in last_by_word and by_head[actor.role_word][1] not in mention.roles:
            mention.country, role = by_head[actor.role_word]
            mention.code, mention.roles, mention.name = mention.country + role, [role], "inferred from context"
            continue
        if mention.kind == "member":
            # "UN experts ... the experts": only the body of the same word named before, else no one (dropped)
            mention.code = mention.country = last_by_word.get(actor.role_word or "")
            if mention.code:
                mention.kind, mention.name = "role", "inferred from context"
            continue
        role = mention.roles[0] if mention.roles else ""
        domestic = actor.role_word in domestic_role_words()  # a junta rules where its sentence is
        candidates = (
            _where(actor, actors) if mention.kind == "anonymous" else None,
            last_by_word.get(actor.role_word) if actor.role_word else None,
            _executive_country(last_by_word) if actor.role_word in executive_words() else None,
            _where(actor, actors) if domestic else None,
            last_by_role.get("GOV") if government_body_words() & set((actor.role_word or "").split()) else None,
            last_by_role.get(role),
            *ranked,
        )
        # never the country of whom the role acts against ("protesters against Japan")
        country = next((c for c in candidates if c and c != actor.against), None)
        if country:
            mention.country = country
            mention.code = country + role
            mention.name = "inferred from context"
            if domestic and actor.role_word:
                last_by_word[actor.role_word] = country  # the article's junta is the same one throughout
        elif role:
            mention.code = "---" + role  # a role of unknown country, as CAMEO writes it ("the government": ---GOV)
            mention.name = "country unknown"


def _executive_country(last_by_word: dict[str, str]) -> str | None:
    """The country of the president the article named last, for a bare "the administration"."""
    return next((last_by_word[head] for head in sorted(executive_head_words()) if head in last_by_word), None)


def _title_of_person(actor: TokenActor, previous: TokenActor | None, titles: dict[str, str], last_by_word: dict[str, str]) -> None:
    """A person named again by name alone is the latest holder of the title the article gave them: "Turkish President
    Erdoğan ... Macron spoke ... the president" is Macron when "French President Emmanuel Macron" opened the article.
    The title is the first the article gives: the person's own role word, or that of the coded role just before the
    name, of the same country ("United States President" "Donald Trump")."""
    mention = actor.mention
    if mention.kind != "person" or not mention.country or not mention.name:
        return
    word = actor.role_word
    if word is None and previous is not None and previous.role_word and previous.mention.kind != "person":
        ahead = previous.mention.sentence_index == mention.sentence_index and actor.start - 1 <= previous.end <= actor.start
        if ahead and previous.mention.country == mention.country:
            word = previous.role_word
    if word is not None:
        titles.setdefault(mention.name, word)  # the title that introduced them ("Trump's envoy" is no title of Trump's)
    title = titles.get(mention.name)
    if title is not None:
        last_by_word[title] = mention.country


# dependencies of a word that acts or undergoes in its clause (a subject or object), so is no mere location
_ACTING = frozenset(("nsubj", "nsubjpass", "nsubj:pass", "csubj", "dobj", "obj", "iobj", "agent"))
# roles whose holders act on people of their own country: the police that arrests "a man" arrests a man of its
# jurisdiction (an army strikes people abroad as well, so it tells nothing)
_ON_THE_SPOT = ("COP", "JUD")


def _where(people: TokenActor, actors: list[TokenActor]) -> str | None:
    """The country of anonymous people from their sentence: the place it names nearest to them as a location ("Russian
    strikes killed six people in Kharkiv" are Ukrainians, whatever the nationality word of who struck them), never a
    country that acts ("protesters claimed Iran is influencing" are no Iranians); else the country of the police or
    court of the sentence ("Thames Valley Police arrested a second man")."""
    same = [a for a in actors if a.mention.sentence_index == people.mention.sentence_index and a.mention.country and not a.dateline]
    places = [
        a for a in same
        if a.mention.kind in ("country", "place", "capital") and not a.mention.roles and a.dep not in _ACTING
    ]  # fmt: skip
    nearest = min(places, key=lambda a: abs(a.start - people.start), default=None)
    if nearest is not None:
        return nearest.mention.country
    agents = [a for a in same if a is not people and any(r in _ON_THE_SPOT for r in a.mention.roles)]
    agent = min(agents, key=lambda a: abs(a.start - people.start), default=None)
    if agent is not None:
        return agent.mention.country
    # else where the story last was: the latest place named before them ("... from Blenheim Palace in Oxfordshire,
    # England. Another man was arrested")
    index = people.mention.sentence_index
    before = [
        a for a in actors
        if a.mention.sentence_index < index and a.mention.country and a.mention.kind in ("country", "place", "capital")
        and not a.dateline
        and not a.mention.roles and a.dep not in _ACTING and a.dep != "conj"  # "France and Germany talked": both act
    ]  # fmt: skip
    return before[-1].mention.country if before else None


__all__ = ["DOC_KEY", "MATCHES_KEY", "MAX_ATTACH_STEPS", "ExtractActors", "TokenActor", "preposition_of"]
