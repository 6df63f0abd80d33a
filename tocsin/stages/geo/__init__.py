"""The geo stage: where did each event happen?

For every event the stage picks the action location, in this order:

(a) in the trigger's sentence, a place tied to the trigger (never one a
    distance is measured from: "300 km north of Bamako"; for an intent,
    CAMEO 03, only a locative phrase on the trigger itself: "agreed to meet
    in Rome" is not voiced in Rome): a proper noun in a
    locative phrase ("à Kharkiv", "dans la région de Kharkiv", "près de la
    ville de Koupiansk", "in Kharkiv", "on the outskirts of Kharkiv") governed
    by the trigger's verb or head noun, a name qualifying the trigger's noun
    ("a Kabul car bombing", even when the events stage took the capital for
    the author), or a place or capital named by the
    actors stage (``doc._.actors``, kind "place"/"capital")
    in the sentence; a capital that is the event's source is an actor
    ("Moscou a menacé Kiev"), not a location, nor is a capital subject of
    another verb ("..., while Moscow reported ..."), and a capital target is a
    location only for material acts. A place in a locative phrase on the
    trigger wins over one the sentence merely names ("killed four in cities of
    Ukraine, despite a warning sent to Moscow"); then finer places win (city,
    then region, then country), then the closest to the trigger;
(b) else any other capitalised proper noun of the sentence that resolves
    (never words inside person, organisation, group, role or demonym mentions,
    nor a name qualifying a person's noun: "a Cheltenham man" is where he is
    from, like a demonym; such names do not count for (c) either),
    for material acts only: a verbal act happens where its speaker is, not at a
    place its words are about ("the agreement between Turkey and Libya is void");
(c) else, for a material act whose trigger is a noun with a definite or
    possessive determiner ("the murder", "his murder", « l'attaque »), the
    place of the article's last act of the same CAMEO root placed by (a): the
    same act told of again; else, for a verbal act, the venue of a meeting (CAMEO 04) placed by (a)
    in the five sentences before, when no other place was named since ("met
    in Cairo ... They concluded that ..."); else the town or region (or the
    unknown town, below) where an act of the two sentences before was placed
    by (a), or by this rule for an act done on site, which carries the scene
    on ("a raid in Nablus ...
    During the operation, ..."), else the article's dateline ("KHARKIV, May 7
    —", "KHARKIV (AFP) —"), else its most frequently named place, when that
    place is in the country of the event's source or target (a "WASHINGTON —"
    dateline does not place a Russian strike in Ukraine) and the event is no
    verbal act of a state, its government or parliament ("Iran denied": the
    state's country; a mayor or governor, words listed in
    ``tocsin/data/geo/local_offices.txt``, speaks from his town);
(d) else the target's country, else the source's, with precision "country";
    for a verbal act (quad classes 1 and 3) the source's first: where the
    speaker is, not the country spoken of. Decisions that cut ties (sanctions,
    bans, expulsions: CAMEO 16) are placed like verbal acts, where their author
    is, and the country they hit is never their place.

Names beside a word of an organisation (``tocsin/data/geo/org_words.txt``:
"Mahan Air", "Abu Dhabi TV", "the news agency Fars") are no places.

When the event ends up at country level while its sentence ties a proper noun
the gazetteer does not know to the trigger ("struck Jermuk", "in Jermuk"), the
place keeps that name: ``place`` "Jermuk, Armenia", precision "country", the
country's point and no ``geonames_id`` (the store does not merge it with a
report naming another town).

The stage sets on each Event: ``place`` (name), ``country`` (ISO3),
``country_fips``, ``admin1`` (GeoNames ``CC.code``), ``lat``, ``lon``,
``geonames_id`` and ``geo_precision`` ("city", "region", "country"; None and
all fields None when nothing places the event). A country-level location has
its country's point (never its capital's coordinates) and always says precision
"country".
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from spacy.attrs import IDX

from ...config import settings
from ...languages import resource_words
from ...models import Article, Event
from ..actors import TokenActor
from .gazetteer import DATA_DIR, Gazetteer, Place, normalise

_PRECISION_RANK = {"city": 0, "region": 1, "country": 2}
# The cue words of every language together (``tocsin/languages/<code>/geo.toml``): a preposition or noun of place
# means the same in any article.
_LOCATIVE = resource_words("geo", "locative")  # "à Kharkiv", "in Kharkiv"
_PLACE_NOUNS = resource_words("geo", "place_nouns")  # nouns whose "de X" / "of X" names a place: "la ville de Kharkiv"
_OF = resource_words("geo", "of")
_GENERIC_TAIL = resource_words("geo", "generic_tail")  # "Kharkiv Oblast" -> "Kharkiv"
# Nouns that make the name next to them a first-level region: "la région de Kharkiv", "the Kharkiv region".
_REGION_NOUNS = resource_words("geo", "region_nouns")
_NOT_PLACE_KINDS = frozenset({"person", "institution", "group", "igo", "role", "anonymous", "demonym", "region"})
_MATERIAL_QUADS = frozenset({2, 4})
_INTO_VERBS = resource_words("geo", "into_verbs")  # "left Iraq", « ont envahi le Koweït »: the object country is the place
_DATELINE_RE = re.compile(r"\s*([^\W\d_][^,—–\n(]{0,38}?)\s*(\([^)]{1,20}\))?\s*(,|—|–|-{1,2}\s)")
_MONTHS = resource_words("geo", "calendar")  # month and weekday names: no town, and the mark of a dateline
_DATELINE_JOINERS = resource_words("geo", "dateline_joiners")  # small words of a dateline's place name ("sur")
ORG_WORDS_FILE = DATA_DIR / "org_words.txt"


def _read_org_words() -> tuple[frozenset[str], frozenset[str]]:
    """The company words (``tail``) and organisation nouns (``noun``) of ``tocsin/data/geo/org_words.txt``."""
    kinds: dict[str, set[str]] = {"tail": set(), "noun": set()}
    for line in ORG_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        kind, _, word = line.split("#", 1)[0].strip().partition(" ")
        if kind in kinds and word.strip():
            kinds[kind].add(word.strip().casefold())
    return frozenset(kinds["tail"]), frozenset(kinds["noun"])


LOCAL_OFFICES_FILE = DATA_DIR / "local_offices.txt"
_LOCAL_OFFICES = frozenset(
    w.casefold() for w in (line.split("#", 1)[0].strip() for line in LOCAL_OFFICES_FILE.read_text(encoding="utf-8").splitlines()) if w
)
# "Mahan Air", "Abu Dhabi TV": an organisation, not a place; "news agency Fars", « la chaîne ..., Myawaddy »: its name
_ORG_TAILS, _ORG_NOUNS = _read_org_words()
_NAME_DEPS = frozenset({"appos", "compound", "nmod", "flat", "flat:name", "nn"})

_MEETING_SENTENCES = 5  # how far after a meeting (CAMEO 04) placed by its sentence its venue places verbal acts
_RECENT_SENTENCES = 2  # how far back the place of an earlier act still places an event whose sentence names none
GEO_FIELDS = ("place", "country", "country_fips", "admin1", "lat", "lon", "geonames_id", "geo_precision")


@dataclass
class _Candidate:
    place: Place
    tier: int  # 0 tied to the trigger, 1 named place of the sentence, 2 any proper noun of the sentence
    distance: int
    token: int = 0  # the head token of the place's words

    def key(self) -> tuple[int, int, int]:
        return (_PRECISION_RANK[self.place.precision], self.tier, self.distance)


class PlaceEvents:
    """Assign the location of every event (``event.place`` and the other geo fields)."""

    name = "geo"
    requires = ("article.events", "article.docs", "doc._.actors")
    assigns = ("event.place",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        context = _ArticleContext(article, self.gazetteer)
        recent: list[tuple[int, Place]] = []  # towns and regions the sentences before named as where their acts were
        meetings: list[tuple[int, Place]] = []  # where the meetings of the sentences before were held, by their sentence
        with_events = {event.sentence_index for event in article.events}
        quiet = context.quiet_towns(with_events)  # towns named by sentences that code no event, by sentence
        heard: set[int] = set()  # which entries of ``recent`` come from such sentences
        struck: set[int] = set()  # which entries of ``recent`` are where a material act hit
        placed: list[tuple[str, Place]] = []  # (CAMEO root, place) of the acts placed by their own sentence
        for event in article.events:
            # a sentence with no event may still say where the story moved ("an operation in the town of Nablus"):
            # its town places the next events as an act's would (not the dateline's), if they are acts done on site
            for index in [k for k in quiet if k < event.sentence_index]:
                if not recent or recent[-1][0] < index:
                    recent.append((index, quiet[index]))
                    heard.add(len(recent) - 1)
                del quiet[index]
            acts = _scenes_for(event, recent, heard, struck, context)
            place, in_sentence = self.locate(event, context, acts, meetings, placed)
            set_place(event, place)
            # a town the gazetteer lacks is named only when the sentence ties it to the trigger ("Jermuk, Armenia")
            unknown_town = place is not None and self._unknown_town(place)
            tied_town = unknown_town and _done_on_site(event) and all(p != place for _, p in recent)  # not carried
            if place is not None and (in_sentence or tied_town) and (place.precision != "country" or unknown_town):
                if _done_on_site(event):
                    struck.add(len(recent))
                recent.append((event.sentence_index, place))
                if event.root == "04":
                    meetings.append((event.sentence_index, place))
                if _done_on_site(event) and event.root:
                    placed.append((event.root, place))
            elif place is not None and _done_on_site(event) and _carried_on(event, place, acts):
                struck.add(len(recent))
                recent.append((event.sentence_index, place))  # an act on the same scene keeps the story there
        return article

    def _unknown_town(self, place: Place) -> bool:
        """A country-level place that carries the name of a town the gazetteer lacks ("Jermuk, Armenia")."""
        country = self.gazetteer.country(place.country_iso3)
        return place.precision == "country" and country is not None and place.name != country.name

    # ------------------------------------------------------------ one event

    def locate(
        self,
        event: Event,
        context: _ArticleContext,
        recent: Sequence[tuple[int, Place]] = (),
        meetings: Sequence[tuple[int, Place]] = (),
        acts: Sequence[tuple[str, Place]] = (),
    ) -> tuple[Place | None, bool]:
        """The event's place, and whether its own sentence names it (step (a)); ``recent`` are the (sentence index,
        place) of earlier acts placed by their own sentence, ``acts`` the (CAMEO root, place) of the article's acts
        placed so."""
        gaz = self.gazetteer
        countries = context.countries_for(event)
        event_countries = {c for c in (event.target_country, event.source_country) if gaz.country(c)}
        found = context.trigger_tokens(event)
        unknown: list[str] = []  # proper nouns tied to the trigger that the gazetteer does not know, closest first
        if found is not None:
            doc, trigger = found
            candidates = self._sentence_candidates(event, doc, trigger, countries, context, unknown)
            # an intent (CAMEO 03) is tied to no place its sentence merely names: that is where the planned act will be
            tied = [c for c in candidates if c.tier < (1 if event.root == "03" else 2)]
            tied = [c for c in tied if c.tier == 0] or tied  # a locative phrase on the trigger first
            pool = tied or candidates
            if not _done_on_site(event):
                # a verbal act happens where its speaker is: only a place tied to the trigger ("said in Cairo"),
                # not one the words are about ("the agreement between Turkey and Libya is null and void")
                pool = tied
            if pool:
                return _with_town(min(pool, key=_Candidate.key).place, unknown), True
            seat = None if _done_on_site(event) else _source_seat(event, doc, candidates, context.offset_of(doc))
            if seat is not None:
                return seat, True  # "Goa's government announced", "the Mayor of Koszalin said": the seat of the office
        if found is not None and _done_on_site(event) and _definite(_span_root(found[1])):
            # "the murder", "his murder": the act an earlier sentence placed, named again
            same = [place for root, place in acts if root == event.root]
            if same:
                return _with_town(same[-1], unknown), False
        # words spoken while a meeting goes on are spoken at its venue ("met in Cairo ... They concluded that ...")
        if not _done_on_site(event) and meetings:
            index, venue = meetings[-1]
            if 0 <= event.sentence_index - index <= _MEETING_SENTENCES and (not recent or recent[-1][1] == venue):
                return _with_town(venue, unknown), False
        # (c) the town or region where an act of the last two sentences happened ("during the operation" after "a raid
        # in Nablus"), then the dateline, then the most named place, if it is in the event's countries
        # a material act with no known target is where the story is, whatever its author's country ("a Russian drone
        # hit the building" after a strike on Odesa)
        scene_countries = event_countries if event.target_country or not _done_on_site(event) else set()
        for index, earlier in reversed(recent):
            if 0 < event.sentence_index - index <= _RECENT_SENTENCES and (not scene_countries or earlier.country_iso3 in scene_countries):
                return _with_town(earlier, unknown), False
        for place in (context.dateline, context.most_frequent):
            home = gaz.country(event.source_country) if place is context.most_frequent and _speaks_for_the_state(event) else None
            if home is not None and not _local_office(event, context):
                # a state that speaks ("Iran denied", "the Foreign Ministry of Iraq condemned") speaks from its country,
                # not from the town the article is about
                return _with_town(home, unknown), False
            if place is context.most_frequent and _armed_group_speaks(event) and not context.is_capital(place):
                # "the Taliban claimed the attack": an armed group speaks from its hideouts, not from the scene (but a
                # junta that holds the capital, « les putschistes » of a story about Niamey, speaks from there)
                continue
            if place is not None and (not event_countries or place.country_iso3 in event_countries):
                return _with_town(place, unknown), False
        # (d) the target's, else the source's country; for a verbal act the speaker's first
        sides = (event.target_country, event.source_country)
        for iso3 in sides if _done_on_site(event) else sides[::-1]:
            place = gaz.country(iso3)
            if place is not None:
                return _with_town(place, unknown), False
        return None, False

    def _sentence_candidates(
        self,
        event: Event,
        doc: Any,
        trigger: list[Any],
        countries: Sequence[str],
        context: _ArticleContext,
        unknown: list[str] | None = None,
    ) -> list[_Candidate]:
        gaz = self.gazetteer
        root = _span_root(trigger)
        sent = root.sent
        trigger_ids = {t.i for t in trigger}
        anchors = trigger_ids | {root.head.i} if root.pos_ in ("NOUN", "PROPN") else trigger_ids
        actors = [a for a in doc._.actors or [] if sent.start <= a.start < sent.end]
        # an intent (CAMEO 03: "agreed to a future meeting on Crete") is placed where it is voiced, not where the act
        # it announces will happen: only a locative phrase on the trigger itself ties a place to it
        planned = event.root == "03"
        # the dateline ("KHARKIV, May 7 —") says where the article was filed: step (c), not a place of the sentence
        covered: set[int] = {t.i for t in sent if context.offset_of(doc) + t.idx < context.dateline_end}
        out: list[_Candidate] = []
        for actor in actors:
            if actor.start in covered:
                continue
            covered.update(range(actor.start, actor.end))
            if context.is_org(doc, actor.start, actor.end):
                continue  # "Abu Dhabi TV", "news agency Fars": an organisation named after a place
            mention = actor.mention
            head = doc[actor.head]
            if _reference_point(doc, actor.start, sent.start):
                continue  # "300 km north of Bamako": where the place is measured from, not where it is
            # a place, or a country a material act goes into or out of ("left Iraq", "invaded Kuwait"), as its object
            objects = mention.kind == "place" or (mention.kind == "country" and _done_on_site(event) and root.lemma_.lower() in _INTO_VERBS)
            locative = _is_locative_to(head, anchors, objects=objects, direct=planned)
            if event.root == "16" and event.target_start is not None and mention.start <= event.target_start < mention.end:
                continue  # "imposed sanctions on Iran", « interdit les vols vers Téhéran »: whom it hits, not where
            if mention.kind == "place":
                place = _resolve_actor(gaz, doc, actor, mention.name, countries)
                tier = 0 if locative else 1
            elif mention.kind == "capital":
                if _capital_acts(event, mention, head, trigger_ids, locative=locative):
                    continue
                place = _resolve_actor(gaz, doc, actor, None, countries)
                tier = 0 if locative else 1
            elif mention.kind == "country" and locative:
                if _is_target_of(event, mention) and not _done_on_site(event):
                    continue  # "called on Turkey to halt": whom the words address, not where they are spoken
                place = gaz.country(mention.country)
                tier = 0
            else:
                continue
            if place is not None:
                out.append(_Candidate(place, tier, abs(actor.head - root.i), actor.head))
        unresolved: list[tuple[bool, int, str]] = []
        for start, end in _proper_noun_spans(sent, covered):
            if context.is_org(doc, start, end) or _reference_point(doc, start, sent.start) or _home_of_person(doc, start, end):
                continue
            place = _resolve_span(gaz, doc[start:end], countries)
            if place is None:
                head = doc[start:end].root
                if unknown is not None and _is_locative_to(head, anchors) and _could_be_town(gaz, doc[start:end]):
                    # a name in a locative phrase ("in the town of Mokha") before the trigger's object ("killed Ziad")
                    in_phrase = _is_locative_to(head, anchors, objects=False)
                    unresolved.append((not in_phrase, abs(head.i - root.i), doc[start:end].text))
                continue
            head = doc[start:end].root
            tier = 0 if _is_locative_to(head, anchors, direct=planned) else 2
            out.append(_Candidate(place, tier, abs(head.i - root.i), head.i))
        if unknown is not None:
            unknown.extend(name for *_, name in sorted(unresolved))
        return out


def _capital_acts(event: Event, mention: Any, head: Any, trigger_ids: set[int], *, locative: bool) -> bool:
    """A capital named in the sentence stands for its government, not for where the event is: the source ("Moscou a
    menacé Kiev"; but "Athens expelled" decides there, and "a Kabul car bombing" names the act), a target of an act done
    from afar ("Moscow threatened Kyiv"), or the subject of another verb ("..., while Moscow reported ...")."""
    names_the_act = head.dep_ == "compound" and head.head.i in trigger_ids  # "a Kabul car bombing"
    source = event.source_start is not None and mention.start <= event.source_start < mention.end
    if source and event.root != "16" and not names_the_act:
        return True
    if _is_target_of(event, mention) and not _done_on_site(event) and not locative:
        return True
    return head.dep_ == "nsubj" and not locative and head.head.i not in trigger_ids


# ---------------------------------------------------------------- article context


class _ArticleContext:
    """What the stage needs about the whole article: its countries, dateline and most named place."""

    def __init__(self, article: Article, gazetteer: Gazetteer) -> None:
        self.article = article
        self.gazetteer = gazetteer
        counts = Counter(m.country for m in article.mentions if m.country and gazetteer.country(m.country))
        self.countries = [c for c, _ in counts.most_common()]
        self._org_names: frozenset[str] | None = None
        self.dateline, self.dateline_end = _dateline(article.text, gazetteer, self.countries)
        self._offsets: dict[int, int] = {id(doc): offset for offset, doc in article.docs}
        self._most_frequent: Place | None | bool = False
        self._extents: list[tuple[int, int, list[int], Any]] | None = None
        self._extent_starts: list[int] = []

    @property
    def org_names(self) -> frozenset[str]:
        """The names the article gives organisations beside a noun that says so (computed on first use)."""
        if self._org_names is None:
            self._org_names = _org_names(self.article)
        return self._org_names

    def is_org(self, doc: Any, start: int, end: int) -> bool:
        """``doc[start:end]`` names an organisation: by the words around it, or because the article names one so; an
        actor's words ("agence de presse Isfahan") when every proper noun in them does."""
        if _org_name(doc, start, end) is not None or normalise(doc[start:end].text) in self.org_names:
            return True
        runs = [(a, b) for a, b in _proper_noun_spans(doc[start:end], set()) if (a, b) != (start, end)]
        return bool(runs) and all(_org_name(doc, a, b) is not None or normalise(doc[a:b].text) in self.org_names for a, b in runs)

    def is_capital(self, place: Place | None) -> bool:
        """``place`` is a capital the article names as one (an actor mention of kind "capital")."""
        if place is None or place.precision != "city":
            return False
        capitals = (m for m in self.article.mentions if m.kind == "capital" and m.country == place.country_iso3)
        return any(self.gazetteer.resolve(m.text, countries=[place.country_iso3 or ""]) == place for m in capitals)

    def people_of(self, index: int) -> set[str | None]:
        """The countries (None: unknown) of the actors with a role that sentence ``index`` names ("the German
        chancellor", "Prime Minister Johnson"; not its places nor a bare demonym)."""
        return {m.country for m in self.article.mentions if m.sentence_index == index and m.code and len(m.code) > 3}

    def offset_of(self, doc: Any) -> int:
        return self._offsets.get(id(doc), 0)

    def countries_for(self, event: Event) -> list[str]:
        return list(dict.fromkeys(c for c in (event.target_country, event.source_country, *self.countries) if c))

    def trigger_tokens(self, event: Event) -> tuple[Any, list[Any]] | None:
        """The tokens of an event's trigger (every token its characters touch) and their doc."""
        if self._extents is None:  # each doc's span of the text and its tokens' starts, computed once, in text order
            extents = [(offset, offset + _doc_length(doc), doc.to_array(IDX).tolist(), doc) for offset, doc in self.article.docs]
            self._extents = sorted(extents, key=lambda extent: extent[0])
            self._extent_starts = [extent[0] for extent in self._extents]
        k = bisect_right(self._extent_starts, event.trigger_start) - 1  # the doc starting at or before the trigger: no scan
        if k < 0:
            return None
        offset, end, starts, doc = self._extents[k]
        if event.trigger_start >= end:
            return None
        first = bisect_right(starts, event.trigger_start - offset) - 1
        last = bisect_left(starts, max(event.trigger_end, event.trigger_start + 1) - offset)
        tokens = list(doc[max(first, 0) : last])
        return (doc, tokens) if tokens else None

    def quiet_towns(self, with_events: set[int]) -> dict[int, Place]:
        """The first town or region each sentence without an event names in one of the article's countries."""
        out: dict[int, Place] = {}
        for sentence in self.article.sentences:
            if sentence.index in with_events or sentence.start < self.dateline_end:
                continue
            text = _ELISION.sub(r"\1 ", sentence.text)  # an elided article is no part of the name ("maire d'Aqraba")
            for name in _capitalised_runs(text):
                if len(name) < 2 or normalise(name) in self.org_names or self.gazetteer.is_stopword(name):
                    continue
                before = text[: text.find(name)].split()
                if not before or before[-1].lower() not in _LOCATIVE | _OF:
                    continue  # a town in a phrase of place ("in the town of Nablus"), not one that acts ("Paris said")
                if before[-1].lower() in _OF and (len(before) < 2 or before[-2][:1].isupper()):
                    continue  # a name of an office or body ("Department of Justice", "University of California")
                if _measured_from(before):
                    continue  # "70 miles south of Los Angeles": where the place is measured from
                place = self.gazetteer.resolve(name, countries=self.countries)
                if place is not None and place.precision != "country" and place.country_iso3 in self.countries:
                    out[sentence.index] = place
                    break
        return out

    @property
    def most_frequent(self) -> Place | None:
        if self._most_frequent is False:
            self._most_frequent = self._count_places()
        return self._most_frequent  # type: ignore[return-value]

    def _count_places(self) -> Place | None:
        counts: Counter[Place] = Counter()
        for offset, doc in self.article.docs:
            covered: set[int] = {t.i for t in doc if offset + t.idx < self.dateline_end}
            for actor in doc._.actors or []:
                if actor.start in covered:
                    continue
                covered.update(range(actor.start, actor.end))
                if self.is_org(doc, actor.start, actor.end):
                    continue
                # a capital counts where it is a place ("à Tbilissi", "in Kyiv"), not where it stands for a
                # government ("Washington said")
                where = actor.mention.kind == "capital" and actor.start > 0 and doc[actor.start - 1].lower_ in _LOCATIVE
                if actor.mention.kind == "place" or where:
                    place = _resolve_actor(self.gazetteer, doc, actor, actor.mention.name, self.countries)
                    if place is not None:
                        counts[place] += 1
            for sent in doc.sents:
                for start, end in _proper_noun_spans(sent, covered):
                    if self.is_org(doc, start, end) or _home_of_person(doc, start, end):
                        continue
                    place = _resolve_span(self.gazetteer, doc[start:end], self.countries)
                    if place is not None and place.precision != "country":
                        counts[place] += 1
        # sentences the NLP stage did not parse (no candidate actor or trigger, tocsin.stages.candidates): their
        # capitalised runs stand for the proper nouns no tagger marked
        parsed = sorted((offset, offset + _doc_length(doc)) for offset, doc in self.article.docs)
        starts = [a for a, _ in parsed]
        for sentence in self.article.sentences:
            k = bisect_right(starts, sentence.start) - 1  # the doc starting at or before the sentence, if any
            if sentence.start < self.dateline_end or (k >= 0 and sentence.start < parsed[k][1]):
                continue
            for name in _capitalised_runs(sentence.text):
                if normalise(name) in self.org_names:
                    continue
                place = self.gazetteer.resolve(name, countries=self.countries) if len(name) > 1 else None
                if place is not None and place.precision != "country":
                    counts[place] += 1
        if not counts:
            return None
        return counts.most_common(1)[0][0]


# ---------------------------------------------------------------- helpers


def _scenes_for(
    event: Event, recent: Sequence[tuple[int, Place]], heard: set[int], struck: set[int], context: _ArticleContext
) -> list[tuple[int, Place]]:
    """The entries of ``recent`` (towns where the story was, by sentence) that may place ``event``: all for a material
    act; for words, not where a material act hit (the strike was at Abqaiq, its authors speak from home), and a quiet
    sentence's town only from the sentence just before, when it puts someone of the speaker's country (or of none
    known) there ("The prime minister was at a hospital in Watford. He said ...", not "Israeli drones struck near
    Isfahan. Iran denied ..."). A protest (CAMEO 14) is words said in the street: it stays on the scene like a material act."""
    if _done_on_site(event) or event.root == "14":
        return list(recent)
    present = context.people_of(event.sentence_index - 1)
    return [
        r
        for k, r in enumerate(recent)
        if k not in struck and (k not in heard or (event.sentence_index - r[0] == 1 and present & {None, event.source_country}))
    ]


def _done_on_site(event: Event) -> bool:
    """A material act happens where it hits; words, and decisions that cut ties (sanctions, bans, expulsions: CAMEO
    16), happen where their author is."""
    return event.quad in _MATERIAL_QUADS and event.root != "16"


_PERSON_KINDS = frozenset({"person", "role", "anonymous"})


def _home_of_person(doc: Any, start: int, end: int) -> bool:
    """``doc[start:end]`` qualifies the noun of a person ("a Cheltenham man", "a Lyon lawyer"): where the person is
    from, like a demonym, not where anything happens."""
    head = doc[start:end].root
    if head.dep_ != "compound":
        return False
    return any(actor.head == head.head.i and actor.mention.kind in _PERSON_KINDS for actor in doc._.actors or [])


def _definite(tok: Any) -> bool:
    """``tok`` is a noun with a definite or possessive determiner ("the murder", "his murder", « l'attaque »): an act
    already told of."""
    if tok.pos_ != "NOUN":
        return False
    for child in tok.children:
        if child.dep_ in ("det", "poss", "nmod:poss") and (
            "Def" in child.morph.get("Definite") or "Yes" in child.morph.get("Poss") or child.dep_ != "det"
        ):
            return True
    return False


def _carried_on(event: Event, place: Place, recent: Sequence[tuple[int, Place]]) -> bool:
    """``place`` is where an act of the sentences just before happened (step (c)): the event carries that scene on."""
    return any(p == place and 0 < event.sentence_index - k <= _RECENT_SENTENCES for k, p in recent)


def _is_target_of(event: Event, mention: Any) -> bool:
    """The event's target starts inside ``mention`` (character offsets)."""
    return event.target_start is not None and mention.start <= event.target_start < mention.end


def _source_tokens(event: Event, doc: Any, offset: int) -> list[Any]:
    """The tokens of the event's source words in ``doc`` (none when it has no span there)."""
    if event.source_start is None or event.source_end is None:
        return []
    return [t for t in doc if event.source_start <= offset + t.idx < event.source_end]


def _source_seat(event: Event, doc: Any, candidates: Sequence[_Candidate], offset: int) -> Place | None:
    """A town or region in the words of a verbal act's source, or their "of" or possessive complement ("the Mayor of
    Koszalin said", "Goa's government announced"): the seat of the speaker's office."""
    source = {t.i for t in _source_tokens(event, doc, offset)}
    seats = []
    for candidate in candidates:
        tok = doc[candidate.token]
        owner = _pp_attachment(tok).i if _case_words(tok) & _OF else tok.head.i if tok.dep_ == "poss" else None
        in_source = tok.i in source or owner in source
        if in_source and candidate.place.precision != "country" and event.source_country in (None, candidate.place.country_iso3):
            seats.append(candidate)
    return min(seats, key=_Candidate.key).place if seats else None


_STATE_ROLES = frozenset({"", "GOV", "LEG"})  # not JUD: a court speaks where it sits


def _speaks_for_the_state(event: Event) -> bool:
    """A verbal act (not a demonstration: CAMEO 14 happens in the street) whose source is a state or its government,
    parliament ("Iran denied", "the Foreign Ministry of Iraq condemned"): the country speaks, wherever the
    article's scene is. A court is left out: it speaks where it sits."""
    code = event.source_code or ""
    return not _done_on_site(event) and event.root != "14" and bool(event.source_country) and len(code) >= 3 and code[3:6] in _STATE_ROLES


_ARMED_GROUP_ROLES = frozenset({"REB", "INS", "UAF", "SEP"})  # CAMEO roles of armed groups outside the state


def _armed_group_speaks(event: Event) -> bool:
    """A verbal act of a rebel, insurgent or other armed group ("the Taliban claimed responsibility"): it speaks from
    wherever it hides, so neither the town the article is about nor its attacks' scene say where."""
    code = event.source_code or ""
    return not _done_on_site(event) and event.root != "14" and code[3:6] in _ARMED_GROUP_ROLES


def _local_office(event: Event, context: _ArticleContext) -> bool:
    """The source's words, with the two words before them, name a local office ("Mayor", "New Hampshire governor",
    « le maire »): a town's or province's voice, not the state's."""
    found = context.trigger_tokens(event)
    if found is None:
        return False
    doc = found[0]
    tokens = _source_tokens(event, doc, context.offset_of(doc))
    if not tokens:
        return False
    words = [t.lower_ for t in doc[max(tokens[0].i - 2, 0) : tokens[-1].i + 1]]
    pairs = {f"{a} {b}" for a, b in pairwise(words)}
    return bool((set(words) | pairs) & _LOCAL_OFFICES)


def set_place(event: Event, place: Place | None) -> None:
    """Write the geo fields of ``event`` (all None when ``place`` is None)."""
    values: dict[str, Any] = dict.fromkeys(GEO_FIELDS)
    if place is not None:
        values.update(
            place=place.name,
            country=place.country_iso3,
            country_fips=place.country_fips,
            admin1=place.admin1,
            lat=place.lat,
            lon=place.lon,
            geonames_id=place.geonames_id,
            geo_precision=place.precision,
        )
    for name, value in values.items():
        setattr(event, name, value)


def _with_town(place: Place, unknown: Sequence[str]) -> Place:
    """A country-level place with the name of the unknown town the sentence ties to the trigger ("Jermuk, Armenia";
    precision still "country", the country's point, no GeoNames id); any other place as it is."""
    if place.precision != "country" or not unknown:
        return place
    # the sentence's own town replaces one an earlier sentence named ("Kwala, Mali", not "Kwala, Mourdiah, Mali")
    country = Gazetteer.load().country(place.country_iso3) if place.geonames_id is None else None
    return dataclasses.replace(place, name=f"{unknown[0]}, {(country or place).name}", geonames_id=None)


def _org_name(doc: Any, start: int, end: int) -> str | None:
    """How ``doc[start:end]`` names an organisation rather than a place, if it does: "tail" when a word of a company or
    outlet follows ("Mahan Air", "Abu Dhabi TV"), "noun" when it stands beside a noun of one, that noun first ("the news
    agency Fars", "the airline Mahan Air", « la chaîne de l'armée, Myawaddy »); None for a place ("in Kharkiv", "a
    Kharkiv company")."""
    span = doc[start:end]
    head = span.root
    if _case_words(head) & _LOCATIVE:
        return None
    beside = [c for c in head.children if c.dep_ in _NAME_DEPS]
    if head.dep_ in _NAME_DEPS:
        beside.append(head.head)
    if any(t.i < start and (t.lower_ in _ORG_NOUNS or t.lemma_.lower() in _ORG_NOUNS) for t in beside):
        return "noun"
    if end - start > 1 and span[-1].lower_ in _ORG_TAILS:
        return "tail"
    if end < len(doc) and doc[end].lower_ in _ORG_TAILS and doc[end].text[:1].isupper():
        return "tail"
    return None


def _org_names(article: Article) -> frozenset[str]:
    """Names the article gives an organisation beside a noun that says so ("the airline Mahan Air"), with and without
    their company words ("Mahan"): no place anywhere in the article ("Mahan has been under sanctions since 2011")."""
    names: set[str] = set()
    for _, doc in article.docs:
        for sent in doc.sents:
            for start, end in _proper_noun_spans(sent, set()):
                if _org_name(doc, start, end) != "noun":
                    continue
                names.add(normalise(doc[start:end].text))
                words = list(doc[start:end])
                while len(words) > 1 and words[-1].lower_ in _ORG_TAILS:
                    words.pop()
                names.add(normalise(" ".join(t.text for t in words)))
    return frozenset(names)


# Units of distance: a place a few words after one is a reference point ("300 km north of Bamako", « à 40 kilomètres de
# Kharkiv »), not the place of the event.
_DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "kilomètres", "kilomètre"})


def _measured_from(before: Sequence[str]) -> bool:
    """A unit of distance stands in the four words ``before`` a name (no comma between): text twin of _reference_point."""
    for word in reversed(before[-4:]):
        if word.strip("()").lower() in _DISTANCE_UNITS:
            return True
        if word[-1:] in ",;:":
            return False
    return False


def _reference_point(doc: Any, start: int, sent_start: int) -> bool:
    """A unit of distance stands in the four words before ``doc[start]`` (within its sentence, no comma between)."""
    for tok in reversed(doc[max(start - 4, sent_start) : start]):
        if tok.is_punct and tok.text not in ("(", ")"):
            return False
        if tok.lower_ in _DISTANCE_UNITS:
            return True
    return False


def _could_be_town(gaz: Gazetteer, span: Any) -> bool:
    """A run of proper nouns that may name a town the gazetteer lacks: capitalised words, no month or weekday, no
    word the gazetteer knows is no place, not one of the gazetteer's countries' or regions' words."""
    words = [t for t in span if t.is_alpha]
    if not words or any(t.lower_ in _MONTHS for t in span) or gaz.is_stopword(span.text):
        return False
    return all(t.text[:1].isupper() for t in words) and len(span.text) >= 3


def _span_root(tokens: list[Any]) -> Any:
    ids = {t.i for t in tokens}
    for t in tokens:
        if (t.head.i not in ids or t.head.i == t.i) and (t.pos_ not in ("AUX",) or len(tokens) == 1):
            return t
    return tokens[-1]


def _case_words(tok: Any) -> set[str]:
    """The prepositions attached to ``tok`` (UD ``case``; spaCy English ``prep`` head; "près de" adverbs)."""
    words: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("case", "fixed", "advmod", "dep", "mark") and child.i < tok.i:
            words.add(child.lower_)
            words.add(child.lemma_.lower())
            for grand in child.children:
                if grand.dep_ == "fixed":
                    words.add(f"{child.lower_} {grand.lower_}")
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        words.add(tok.head.lower_)
    return words


def _pp_attachment(tok: Any) -> Any:
    """The token a prepositional phrase headed by ``tok`` attaches to."""
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return tok.head.head
    return tok.head


def _is_locative_to(tok: Any, anchors: set[int], *, objects: bool = True, direct: bool = False) -> bool:
    """``tok`` (a place word) sits in a locative phrase governed by the trigger (``anchors``), or (``objects``) is its
    object; ``direct``: the phrase hangs on the trigger itself, not on a noun under it."""
    if tok.dep_ == "compound" and tok.head.i in anchors and tok.head.pos_ == "NOUN":
        return True  # "a Kabul car bombing": the name before the act's noun says where it was
    anchor = tok
    if anchor.dep_ == "appos" and not _case_words(anchor):
        anchor = anchor.head  # "in the town of Mokha, Yemen": the country beside a place is where the place is
    # "la ville (ukrainienne) de Kharkiv", "the city of Kharkiv": the place noun carries the preposition
    if _case_words(anchor) & _OF:
        noun = _pp_attachment(anchor)
        if noun.lemma_.lower() in _PLACE_NOUNS or noun.lower_ in _PLACE_NOUNS:
            anchor = noun
    cases = _case_words(anchor)
    near = _pp_attachment(anchor)
    if cases and not cases & _LOCATIVE and near.pos_ in ("ADJ", "ADV") and near.lemma_.lower() in _LOCATIVE:
        anchor, cases = near, set(_LOCATIVE)  # « une base proche de la localité de X »: as "near X"
    if not cases & _LOCATIVE:
        # not in a locative phrase: the trigger's object ("a bombardé la ville de Kharkiv", "shelled Kharkiv"), or not tied
        return bool(objects and anchor.dep_ in ("obj", "dobj") and anchor.head.i in anchors)
    head = _past_time_phrase(_pp_attachment(anchor))
    for _ in range(1 if direct else settings().geo.max_climb):  # tuning.geo.max_climb
        if head.i in anchors:
            return True
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _past_time_phrase(tok: Any) -> Any:
    """What a phrase of time hangs on, when ``tok`` is one ("On Friday in Istanbul, he said": the place phrase hangs on
    "On Friday", which hangs on "said"); ``tok`` itself otherwise."""
    for _ in range(2):
        if tok.lower_ in _MONTHS and tok.head.i != tok.i:
            tok = _pp_attachment(tok)  # "on Friday in Istanbul" read as "Friday in Istanbul"
        elif tok.pos_ == "ADP" and tok.head.i != tok.i and any(c.lower_ in _MONTHS for c in tok.children):
            tok = tok.head  # "On Friday, in Istanbul" read as "On ..., in Istanbul"
        else:
            break
    return tok


def _proper_noun_spans(sent: Any, covered: set[int]) -> Iterable[tuple[int, int]]:
    """Runs of capitalised proper nouns (joined by hyphens) not inside an actor mention."""
    start = None
    tokens = list(sent)
    for k, tok in enumerate(tokens):
        joined = k > 0 and start is not None and tokens[k - 1].text in ("-", "‐") and not tokens[k - 1].whitespace_
        ok = (
            tok.i not in covered
            and (
                ((tok.pos_ == "PROPN" or joined) and tok.text[:1].isupper())  # "Carrefour-Feuilles": one name, any tag
                or (
                    tok.text in ("-", "‐")
                    and start is not None
                    and k + 1 < len(tokens)
                    and tokens[k + 1].text[:1].isupper()
                    and not tok.whitespace_
                )
            )
        )
        if ok and start is None:
            start = tok.i
        elif not ok and start is not None:
            yield start, tok.i
            start = None
    if start is not None:
        yield start, tokens[-1].i + 1


def _doc_length(doc: Any) -> int:
    """Characters of a doc's text, without building the text."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


_ELISION = re.compile(r"\b(\w{1,2}['’])(?=[^\W\d_])")
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")


def _capitalised_runs(text: str) -> Iterable[str]:
    """Runs of capitalised words joined by single spaces, the first word of the text left out (every sentence
    starts with a capital): the proper nouns of a sentence that no tagger saw."""
    run: list[str] = []
    prev_end = -1
    for k, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        capital = k > 0 and word[0].isupper()
        if capital and run and text[prev_end : match.start()] == " ":
            run.append(word)
        else:
            if run:
                yield " ".join(run)
            run = [word] if capital else []
        prev_end = match.end()
    if run:
        yield " ".join(run)


def _region_context(doc: Any, start: int, end: int) -> bool:
    """The words around ``doc[start:end]`` say it names a region ("région de X", "X Oblast", "the X region")."""
    if end - start > 1 and doc[end - 1].lower_ in _REGION_NOUNS:
        return True
    if end < len(doc) and doc[end].lower_ in _REGION_NOUNS:
        return True
    return start >= 2 and doc[start - 1].lower_ in _OF and doc[start - 2].lower_ in _REGION_NOUNS


def _resolve_span(gaz: Gazetteer, span: Any, countries: Sequence[str]) -> Place | None:
    """A run of proper nouns: the whole run, else the run without a trailing "Oblast"/"Region"; a region when the
    words around it say so."""
    text = span.text
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return None
    prefer = "region" if _region_context(span.doc, span.start, span.end) else None
    place = gaz.resolve(text, countries=countries, prefer=prefer)
    if place is None and len(span) > 1 and span[-1].lower_ in _GENERIC_TAIL:
        place = gaz.resolve(span[:-1].text, countries=countries, prefer=prefer)
    return place


def _resolve_actor(gaz: Gazetteer, doc: Any, actor: TokenActor, name: str | None, countries: Sequence[str]) -> Place | None:
    """A place or capital named by the actors stage, in its country: its words ("bande de Gaza" is the Strip), the
    proper nouns inside it ("militants in Tripoli"), its dictionary name; else the country itself (precision "country")."""
    country = actor.mention.country
    prefer = [country, *countries] if country else list(countries)
    forms: list[str | None] = [actor.mention.text]
    forms += [doc[s:e].text for s, e in _proper_noun_spans(doc[actor.start : actor.end], set())]
    forms.append(name)
    region = "region" if _region_context(doc, actor.start, actor.end) else None
    for form in dict.fromkeys(forms):
        if form:
            place = gaz.resolve(form, countries=prefer, prefer=region)
            if place is not None and (country is None or place.country_iso3 == country):
                return place
    return gaz.country(country) if country else None


def _dateline(text: str, gaz: Gazetteer, countries: Sequence[str]) -> tuple[Place | None, int]:
    """``KHARKIV, May 7 —``, ``KHARKIV (AFP) —``, ``Kharkiv — ``: the place the article was filed from, and where
    the dateline ends (character offset; 0 when there is none)."""
    m = _DATELINE_RE.match(text[:60])
    if m is None or m.end(1) > 40:
        return None, 0
    name = m.group(1).strip()
    words = name.split()
    if not words or len(words) > 4 or not all(w[:1].isupper() or w.lower() in _DATELINE_JOINERS for w in words):
        return None, 0
    after = text[m.end() : m.end() + 20].strip().lower()
    is_dateline = (
        name.isupper()
        or m.group(2) is not None
        or m.group(3) != ","
        or (after[:1].isdigit() or after.split(" ", 1)[0].strip(".,") in _MONTHS)
    )
    if not is_dateline or gaz.is_stopword(name):
        return None, 0
    return gaz.resolve(normalise(name) if name.isupper() else name, countries=countries), m.end(1)


__all__ = ["GEO_FIELDS", "Gazetteer", "Place", "PlaceEvents", "set_place"]
