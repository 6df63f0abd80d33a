"""The actors stage on parsed French text (real model)."""

from __future__ import annotations

import pytest

from tocsin.models import Article
from tocsin.stages.actors import ExtractActors
from tocsin.stages.nlp import ParseText

pytestmark = pytest.mark.slow


def _mentions(text: str, published: str | None = None) -> list[tuple[str, str | None, str | None]]:
    article = next(ParseText().pipe([Article(text=text, lang="fr", published=published)]))
    article = ExtractActors()(article)
    for m in article.mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.code, m.kind) for m in article.mentions]


def test_actors_role_and_demonym_compose() -> None:
    mentions = _mentions("Le ministère russe de la Défense a annoncé des exercices.")
    assert ("ministère russe de la Défense", "RUSMIL", "demonym") in mentions or any(code == "RUSMIL" for _, code, _ in mentions)


def test_actors_person_with_title_and_date() -> None:
    mentions = _mentions("Le président Vladimir Poutine a ordonné des manœuvres.", published="2024-05-06")
    assert any(code == "RUSGOV" and "Poutine" in text for text, code, _ in mentions)


@pytest.mark.parametrize(("published", "code"), [("2019-07-01", "AFGREBTAL"), ("2023-03-01", "AFGGOVTAL")])
def test_actors_group_code_follows_the_articles_date(published: str, code: str) -> None:
    # a group whose status changed (the Taliban took Kabul on 15 August 2021) is coded as it was on the day
    mentions = _mentions("Les talibans ont attaqué un poste de police à Kunduz.", published=published)
    assert any(c == code for _, c, _ in mentions), mentions


def test_actors_role_without_country_takes_last_country_with_that_role() -> None:
    mentions = _mentions("Les forces ukrainiennes ont reculé.\n\nLes forces ont ensuite contre-attaqué.")
    codes = [code for _, code, _ in mentions]
    assert codes.count("UKRMIL") == 2


def test_actors_capital_as_subject_is_government() -> None:
    mentions = _mentions("Moscou a rejeté l'ultimatum.")
    assert ("Moscou", "RUSGOV", "capital") in mentions


def test_actors_lowercase_common_word_is_not_a_place() -> None:
    mentions = _mentions("Le tigre du zoo s'est échappé.")
    assert mentions == []


def test_actors_acronym_case_sensitive() -> None:
    # "UE" is the EU; "au" (to the) is not the African Union
    mentions = _mentions("L'UE a envoyé une mission au Mali.")
    codes = {code for _, code, _ in mentions}
    assert "IGOEUREEC" in codes and "MLI" in codes
    assert not any(text.lower() == "au" for text, _, _ in mentions)


@pytest.mark.parametrize(
    ("text", "surname", "code"),
    [
        ("Mary Wong, the chief executive of Hong Kong, spoke on Monday. Later, Wong rejected the demands.", "Wong", "HKG"),
        ("Agnes Dupuis, a UN rapporteur who had investigated the case, spoke on Friday. Dupuis urged calm.", "Dupuis", "IGOUNO"),
    ],
)
def test_actors_name_takes_the_actor_of_its_apposition(text: str, surname: str, code: str) -> None:
    """A person the dictionary does not know, introduced by an apposition that names their organisation or country,
    is that actor when named again by surname."""
    article = next(ParseText().pipe([Article(text=text, lang="en")]))
    article = ExtractActors()(article)
    later = [m for m in article.mentions if m.text == surname and m.sentence_index == 1]
    assert later and later[0].code == code, [(m.text, m.code, m.sentence_index) for m in article.mentions]


@pytest.mark.parametrize(
    ("text", "lang", "hidden"),
    [
        ("The minister told Agence France-Presse that the talks had failed.", "en", "France"),
        ("Le ministre a déclaré à l'agence Anadolu que les pourparlers avaient échoué.", "fr", "Anadolu"),
        ("(Reuters) - Le ministre a déclaré mercredi que les pourparlers avaient échoué.", "fr", "Reuters"),
    ],
)
def test_actors_news_outlet_is_recognised_and_is_no_actor(text: str, lang: str, hidden: str) -> None:
    """A news agency is where words were said: neither it nor a country inside its name is an actor."""
    article = next(ParseText().pipe([Article(text=text, lang=lang)]))
    article = ExtractActors()(article)
    assert not any(hidden in m.text or m.kind == "outlet" for m in article.mentions), [(m.text, m.code) for m in article.mentions]


def _en_mentions(text: str, lang: str = "en") -> list[tuple[str, str | None]]:
    article = next(ParseText().pipe([Article(text=text, lang=lang, published="2024-05-06")]))
    article = ExtractActors()(article)
    return [(m.text, m.code) for m in article.mentions]


@pytest.mark.parametrize(
    ("text", "lang", "owner", "posting"),
    [
        ("US Envoy to Norway Jane Smith criticised the plan.", "en", ("US Envoy", "USAGOV"), ("Norway", "NOR")),
        ("Egypt's ambassador to Israel was recalled on Monday.", "en", ("Egypt's ambassador", "EGYGOV"), ("Israel", "ISR")),
        ("The Japanese Embassy in Kenya issued a warning.", "en", ("Japanese Embassy", "JPNGOV"), ("Kenya", "KEN")),
        ("Le Mali a expulsé l'ambassadeur d'Italie à Bamako.", "fr", ("ambassadeur d'Italie", "ITAGOV"), ("Bamako", "MLI")),
        ("Un incendie a touché le consulat de Suède en Turquie.", "fr", ("consulat de Suède", "SWEGOV"), ("Turquie", "TUR")),
    ],
)
def test_actors_owner_of_a_role_beats_its_posting(text: str, lang: str, owner: tuple[str, str], posting: tuple[str, str]) -> None:
    """A nationality word, a name before the role or its "of/de" complement says whose official it is; "to", "in", "à",
    "en" say where the official serves: the posting is a country of its own, never the official's."""
    mentions = _en_mentions(text, lang)
    assert owner in mentions and posting in mentions, mentions


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("The Embassy in Kenya issued a warning.", "en", "KENGOV"),  # only a posting: the role keeps it
        ("Le ministre de Suède et de Norvège est arrivé.", "fr", "SWEGOV"),  # coordinated owners all stay
    ],
)
def test_actors_role_without_a_rival_owner_keeps_its_complement(text: str, lang: str, code: str) -> None:
    assert any(c == code for _, c in _en_mentions(text, lang))


def test_actors_bare_role_takes_the_country_of_the_last_same_role_word() -> None:
    text = "The Japanese embassy in Kenya issued a warning. French officials answered. The embassy later apologised."
    mentions = _en_mentions(text)
    assert mentions[-1] == ("embassy", "JPNGOV"), mentions
    # without an earlier embassy, the last actor with the same role (GOV) gives it
    mentions = _en_mentions("French officials answered. The embassy later apologised.")
    assert mentions[-1] == ("embassy", "FRAGOV"), mentions


def test_actors_role_word_memory_skips_a_name_that_makes_its_own_code() -> None:
    # "le gang Taliban" is a gang named after the Afghan group: its code is the group's, not a "gang" of Afghanistan
    text = "Des policiers haïtiens ont affronté le gang Taliban à Port-au-Prince.\n\nLes gangs ont ensuite pillé un navire."
    article = next(ParseText().pipe([Article(text=text, lang="fr", published="2024-05-06")]))
    article = ExtractActors()(article)
    last = article.mentions[-1]
    assert last.text == "gangs" and last.country == "HTI", [(m.text, m.code) for m in article.mentions]


def test_actors_title_before_a_name_is_one_actor() -> None:
    # English parses "President Macron" with the name as head: the title joins the person instead of standing alone
    mentions = _en_mentions("During President Macron's visit, Kenyan officials protested.")
    assert ("President Macron", "FRAGOV") in mentions and not any(t == "President" for t, _ in mentions), mentions


def test_actors_posting_complement_is_a_place() -> None:
    """The country of posting says where the official serves: a place (the event's location), not an actor."""
    article = next(ParseText().pipe([Article(text="US Envoy to Norway Jane Smith criticised the plan.", lang="en")]))
    article = ExtractActors()(article)
    kinds = {m.text: m.kind for m in article.mentions}
    assert kinds.get("Norway") == "place", kinds
    # a country that is no posting stays a country
    article = next(ParseText().pipe([Article(text="Norway criticised the plan.", lang="en")]))
    assert [m.kind for m in ExtractActors()(article).mentions] == ["country"]


def test_actors_acronym_defined_in_brackets_means_its_name_in_the_article() -> None:
    # "RSF" is Reporters sans frontières in the dictionary, but this article defines it as the Sudanese paramilitaries
    text = "Les Forces de soutien rapide (RSF) ont pris la ville.\n\nLes RSF ont ensuite pillé le marché."
    assert [c for _, c, _ in _mentions(text) if c] == ["SDNREB", "SDNREB", "SDNREB"], _mentions(text)
    # without the definition, the dictionary's meaning stays
    assert ("RSF", "NGOMED", "group") in _mentions("RSF a dénoncé l'arrestation d'un journaliste.")
    # an agency after a dateline is not an acronym of the city before it
    assert not any(text == "AFP" for text, _, _ in _mentions("KIEV (AFP) - Selon l'AFP, la Russie a frappé Kiev."))


def test_actors_anonymous_people_take_the_country_of_the_police_that_acts_on_them() -> None:
    # no place in the sentence: the people a police force arrests are of its country, not of the article's main one
    text = "Mexico and Brazil signed a deal in Mexico City. Mexico hailed it.\n\nCanadian police arrested a woman."
    article = next(ParseText().pipe([Article(text=text, lang="en")]))
    article = ExtractActors()(article)
    codes = {m.text: m.code for m in article.mentions}
    assert codes.get("woman") == "CANCVL", codes


def test_actors_anonymous_people_take_a_place_only_where_they_are() -> None:
    # a country that acts in the sentence is no place of the people: they fall back on the article's country
    text = "France and Germany talked. France agreed.\n\nTwo men accused Canada of fraud."
    assert ("men", "FRACVL") in _en_mentions(text), _en_mentions(text)
    # a country in a locative phrase is where they are
    text = "France and Germany talked. France agreed.\n\nTwo men were arrested in Canada after Germany complained."
    assert ("men", "CANCVL") in _en_mentions(text), _en_mentions(text)


@pytest.mark.parametrize(
    ("text", "surname", "code"),
    [
        # a person of the dictionary named in full, then by a surname the dictionary does not list alone
        ("The Houthi spokesman Yahya Sarea spoke on Monday. Later, Saree threatened new strikes.", "Saree", "YEMREB"),
        ("Jean-Yves Le Drian arrived in Cairo. The next day Drian met the press.", "Drian", "FRA"),
    ],
)
def test_actors_surname_names_the_dictionary_person_named_before(text: str, surname: str, code: str) -> None:
    article = next(ParseText().pipe([Article(text=text, lang="en", published="2019-09-20")]))
    article = ExtractActors()(article)
    later = [m for m in article.mentions if m.text == surname and m.sentence_index == 1]
    assert later and (later[0].code or "").startswith(code), [(m.text, m.code, m.sentence_index) for m in article.mentions]


def test_actors_name_with_a_lower_case_particle_is_one_name() -> None:
    """The "al-" and "bin" inside a name are part of it: the man introduced with a role is that actor by his surname."""
    text = "Ahmed bin Saleh, the spokesman of the Saudi interior ministry, spoke. Later, Saleh denied the report."
    article = next(ParseText().pipe([Article(text=text, lang="en")]))
    article = ExtractActors()(article)
    later = [m for m in article.mentions if m.text == "Saleh" and m.sentence_index == 1]
    assert later and (later[0].code or "").startswith("SAU"), [(m.text, m.code) for m in article.mentions]


def test_actors_lower_case_adjective_of_a_group_names_it() -> None:
    # French writes the adjective of the Houthis in lower case: "des médias houthis" are the group's media
    mentions = _mentions("Le ministre a démenti les affirmations de médias houthis.")
    assert any(text == "médias houthis" and (code or "").startswith("YEM") for text, code, _ in mentions), mentions


def test_actors_place_name_after_a_lower_case_article_is_a_name() -> None:
    # "el-Facher": the Arabic article is written in lower case, the name after it is capitalised
    mentions = _mentions("Les paramilitaires ont encerclé el-Facher.")
    assert any(code == "SDN" for _, code, _ in mentions), mentions
    assert _mentions("Le tigre du zoo s'est échappé.") == []


def test_actors_anonymous_people_take_the_country_where_the_story_last_was() -> None:
    # no place nor police in their sentence: the latest place named before, not the most-mentioned country
    text = (
        "American collectors from the United States bought the American painting. "
        "It was stolen from a museum in Lyon, France. On Sunday a man was arrested."
    )
    article = next(ParseText().pipe([Article(text=text, lang="en")]))
    article = ExtractActors()(article)
    codes = {m.text: m.code for m in article.mentions}
    assert codes.get("man") == "FRACVL", codes


def test_actors_users_of_social_media_are_civilians_and_outlets_no_actor() -> None:
    # "social media users" are people, not a media actor; a press agency named after its country is no actor
    mentions = _en_mentions("Ukrainian civilians fled. Social media users and the Saudi Press Agency reported the attack.")
    assert ("Social media users", "UKRCVL") in mentions, mentions
    assert not any("Saudi" in text for text, _ in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "bare", "code"),
    [
        ("Les autorités maliennes ont protesté lundi. L'ambassadeur français a quitté le pays mardi. La junte a salué son départ.", "fr", "junte", "MLIGOV"),
        ("Malian officials protested on Monday. The French ambassador left the country on Tuesday. The junta welcomed his departure.", "en", "junta", "MLIGOV"),
        ("Les autorités maliennes ont protesté lundi. Des dirigeants africains ont proposé une médiation. Le gouvernement a refusé.", "fr", "gouvernement", "MLIGOV"),
        ("Malian officials protested on Monday. European leaders offered to mediate. The government refused.", "en", "government", "MLIGOV"),
    ],
)  # fmt: skip
def test_actors_bare_role_takes_no_country_from_an_ambassador_or_a_region(text: str, lang: str, bare: str, code: str) -> None:
    """An ambassador serves abroad and "African leaders" name no country: neither says whose a later bare "junta" or
    "government" is; the last official of a country does."""
    assert (bare, code) in _en_mentions(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("L'armée malienne a accusé les troupes conduites par la France.", "fr", ("troupes conduites par la France", "FRAMIL")),
        ("The Malian army accused the troops led by France.", "en", ("troops led by France", "FRAMIL")),
        ("The Malian army accused the troops attacked by France.", "en", ("troops", "MLIMIL")),  # no leading: not France's
    ],
)
def test_actors_role_led_by_a_country_is_that_countrys(text: str, lang: str, actor: tuple[str, str]) -> None:
    """The agent of a participle of leading says whose the force is, as a nationality word does."""
    assert actor in _en_mentions(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Berlin banned the airline Mahan Air from its airports on Friday. Inspectors said Mahan had ignored the rules.", "en"),
        ("Berlin a interdit la compagnie Mahan Air vendredi. Les inspecteurs ont affirmé que Mahan avait ignoré les règles.", "fr"),
    ],
)
def test_actors_company_named_again_by_the_first_word_of_its_name(text: str, lang: str) -> None:
    article = next(ParseText().pipe([Article(text=text, lang=lang)]))
    article = ExtractActors()(article)
    later = [(m.text, m.code, m.kind) for m in article.mentions if m.sentence_index == 1 and m.text == "Mahan"]
    assert later == [("Mahan", "IRNBUS", "institution")], [(m.text, m.code, m.sentence_index) for m in article.mentions]


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("The Nigerian House of Representatives rejected the budget.", "en", ("Nigerian House of Representatives", "NGALEG")),
        ("La Chambre des représentants marocaine a rejeté le budget.", "fr", ("Chambre des représentants marocaine", "MARLEG")),
        ("The U.S. House of Representatives passed the budget.", "en", ("U.S. House of Representatives", "USALEG")),
    ],
)
def test_actors_house_of_representatives_is_the_country_of_its_nationality_word(text: str, lang: str, actor: tuple[str, str]) -> None:
    """Many countries have a House of Representatives: only a name that says so is the US House."""
    assert actor in _en_mentions(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "people", "code"),
    [
        ("JAKARTA - Des avions militaires birmans ont bombardé un village. Deux personnes ont été tuées.", "fr", "personnes", "MMRCVL"),
        ("NAIROBI (Reuters) - Ethiopian troops shelled a village on Monday. Two people were killed.", "en", "people", "ETHCVL"),
    ],
)  # fmt: skip
def test_actors_dateline_is_where_the_story_was_filed_not_where_it_is(text: str, lang: str, people: str, code: str) -> None:
    """The capital in capitals that opens the article ("JAKARTA -") is where the reporter was: a place, never the
    country of the people the story is about."""
    mentions = _en_mentions(text, lang)
    assert (people, code) in mentions, mentions


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Téhéran a promis de punir le régime sioniste.", "fr", ("régime sioniste", "ISRGOV")),
        ("The militia vowed to strike the Zionist entity.", "en", ("Zionist entity", "ISRGOV")),
    ],
)
def test_actors_zionist_regime_is_israels_government(text: str, lang: str, actor: tuple[str, str]) -> None:
    """Israel's enemies name its government "the Zionist regime": the regime is Israel's, not the speaker's."""
    assert actor in _en_mentions(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Paris a rappelé son ambassadeur lundi. La junte au pouvoir à Niamey a salué ce départ. La junte a ensuite fermé la frontière.", "fr", "junte"),
        ("Paris recalled its ambassador on Monday. The junta welcomed the move at a rally in Niamey. The junta later closed the border.", "en", "junta"),
    ],
)  # fmt: skip
def test_actors_junta_rules_where_its_sentence_is(text: str, lang: str, word: str) -> None:
    """A junta holds power in one country: without a nationality word it is the government of the place its sentence
    names, not of the last foreign official, and stays so for the rest of the article."""
    assert [c for t, c in _en_mentions(text, lang) if t == word] == ["NERGOV", "NERGOV"]


def test_actors_name_after_a_gang_is_the_gangs_own_name() -> None:
    """ "Le gang Taliban" of Port-au-Prince is a Haitian gang named after the Afghan movement, not the Taliban."""
    mentions = _en_mentions("Des gangs armés ont attaqué Mirebalais, en Haïti. Le gang Taliban a pris le contrôle de la ville.", "fr")
    assert ("gang", "HTICRM") in mentions and not any(code.startswith("AFG") for _, code in mentions if code), mentions


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Les forces rebelles ont attaqué la ville de Goma, en RDC.", "fr", ("forces rebelles", "CODREB")),
        ("Les groupes rebelles ont attaqué la ville de Goma, en RDC.", "fr", ("groupes rebelles", "CODREB")),
        ("Rebel forces attacked the city of Goma in Congo.", "en", ("Rebel forces", "CODREB")),
    ],
)
def test_actors_forces_the_adjective_calls_rebel_are_rebels(text: str, lang: str, actor: tuple[str, str]) -> None:
    """ "Forces" alone are an army; "rebel forces", « groupes rebelles » are rebels, one actor."""
    mentions = _en_mentions(text, lang)
    assert actor in mentions and not any(code and code.endswith("MIL") for _, code in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Des navires de guerre chinois ont été repérés. Les autorités taïwanaises ont protesté. Le ministère de la Défense a mis en garde Pékin.", "fr", ("ministère de la Défense", "TWNMIL")),
        ("Russian troops shelled Kharkiv. The Ukrainian government condemned the attack. The defence ministry said two soldiers died.", "en", ("defence ministry", "UKRMIL")),
    ],
)  # fmt: skip
def test_actors_bare_ministry_is_of_the_last_government_named(text: str, lang: str, actor: tuple[str, str]) -> None:
    """A ministry without a nationality word belongs to the last government named, not to the last soldiers or ships."""
    assert actor in _en_mentions(text, lang)


def test_actors_an_international_body_lends_no_country_to_a_bare_role() -> None:
    """ "the UN Security Council ... the Senate": a bare role is never the UN's by default (no IGOUNOLEG Senate)."""
    text = (
        "Le Conseil de sécurité de l'ONU s'est réuni lundi à New York. Le président Zelensky a parlé aux journalistes. "
        "Le Sénat doit ensuite voter."
    )
    codes = {text_: code for text_, code, _ in _mentions(text, published="2024-05-06")}
    assert codes.get("Sénat") and not codes["Sénat"].startswith("IGO"), codes


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Government planes bombed a camp of the Karen Liberation Army in Myanmar.", "en", ("Liberation Army", "MMRREB")),
        ("Des avions ont bombardé un camp de l'armée de libération karen, en Birmanie.", "fr", ("armée de libération", "MMRREB")),
        ("Le front de libération a revendiqué l'attaque contre l'armée malienne au Mali.", "fr", ("front de libération", "MLIREB")),
    ],
)
def test_actors_a_liberation_army_or_front_is_a_rebel_group(text: str, lang: str, actor: tuple[str, str]) -> None:
    """An army or front "of liberation" fights the government of its country: rebels, not the country's army."""
    mentions = _en_mentions(text, lang)
    assert any(word.startswith(actor[0]) and code == actor[1] for word, code in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            (
                "French President Emmanuel Macron met German Chancellor Olaf Scholz and Turkish President Recep Tayyip Erdoğan. "
                "Erdoğan left early. Later, Macron spoke to reporters. Critics said the president had conceded too much."
            ),
            "en",
        ),
        (
            (
                "Le président français Emmanuel Macron a reçu le président turc Recep Tayyip Erdoğan. Erdoğan est reparti "
                "mardi. Macron a ensuite parlé aux journalistes. L'opposition reproche au président ses concessions."
            ),
            "fr",
        ),
    ],
)
def test_actors_bare_title_is_the_latest_named_holder_of_that_title(text: str, lang: str) -> None:
    """ "the president" is the president the article named last, even by name alone: naming Macron again after
    Erdoğan makes a later bare "the president" France's."""
    mentions = _en_mentions(text, lang)
    bare = [code for word, code in mentions if word and word.lower() in ("president", "président")]
    assert bare and bare[-1] == "FRAGOV", mentions


@pytest.mark.parametrize(
    ("text", "lang", "surname", "code"),
    [
        ("Ahmad Zarifi, of the Kandahar provincial council, visited the site. Zarifi said the toll was rising.", "en", "Zarifi", "AFGGOV"),
        ("Brian Keller, of the Kenyan defence ministry, spoke on Monday. Keller denied the report.", "en", "Keller", "KENMIL"),
    ],
)  # fmt: skip
def test_actors_name_of_a_body_is_that_bodys_member(text: str, lang: str, surname: str, code: str) -> None:
    """ "Name, of the provincial council": the unknown person belongs to the body the "of" phrase names, and is that
    actor when named again."""
    article = next(ParseText().pipe([Article(text=text, lang=lang, published="2024-05-06")]))
    article = ExtractActors()(article)
    later = [m for m in article.mentions if m.text == surname and m.sentence_index == 1]
    assert later and later[0].code == code, [(m.text, m.code, m.sentence_index) for m in article.mentions]


def test_actors_bare_administration_is_the_latest_named_presidents() -> None:
    """ "the administration" is the executive of the president named last, not of the last government of any kind."""
    text = (
        "President Joe Biden spoke with Prime Minister Narendra Modi on Monday. Modi thanked Biden for the vaccines. "
        "Critics said the administration had acted too late."
    )
    mentions = _en_mentions(text, "en")
    assert ("administration", "USAGOV") in mentions, mentions


def test_actors_title_between_a_nationality_word_and_a_name_is_the_persons() -> None:
    """ "German Chancellor Olaf Scholz": the parser hangs "German" and "Chancellor" on the name; the title is the
    person's, never a bare role of another country."""
    text = "French President Emmanuel Macron met German Chancellor Olaf Scholz and Turkish President Recep Tayyip Erdoğan in Paris."
    mentions = _en_mentions(text, "en")
    assert not any(code and code.startswith("FRA") and "Chancellor" in word for word, code in mentions), mentions


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Kenyan police fought pro-Somali gunmen near Mandera.", "SOM"),
        ("The militia drove a Chinese-built armoured truck into Bamako.", "CHN"),
        ("Turkish-backed fighters entered the Syrian town of Afrin.", "TUR"),
    ],
)
def test_actors_hyphenated_name_is_whom_a_thing_backs_not_an_actor(text: str, hidden: str) -> None:
    """ "pro-Somali gunmen" are no Somalis, "a Chinese-built truck" is no Chinese actor, "Turkish-backed fighters" no
    Turkish force: a name hyphenated into a modifier is whom a thing backs or comes from."""
    mentions = _en_mentions(text, "en")
    assert not any(code and code.startswith(hidden) for _, code in mentions), mentions


def test_actors_hyphenated_leader_still_leads() -> None:
    """ "the Saudi-led coalition": a participle of leading keeps the name."""
    assert any(code == "SAU" for _, code in _en_mentions("The Saudi-led coalition struck the port of Hodeidah.", "en"))


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Two Belgian police officers were convicted on Monday. The officers will appeal.", "en", ("officers", "BELCOP")),
        ("Des forces de sécurité maliennes ont dispersé la foule. Les forces ont ensuite quitté la place.", "fr", ("forces", "MLICOP")),
    ],
)
def test_actors_head_of_a_role_phrase_alone_is_that_phrases_role(text: str, lang: str, actor: tuple[str, str]) -> None:
    """ "police officers ... the officers": the head word of a role phrase, named again alone, is the same actor (police,
    not an army's officers)."""
    assert actor in _en_mentions(text, lang)


def test_actors_majority_leader_is_a_legislator() -> None:
    """ "the Senate Minority Leader" leads a party in a chamber: a legislator (LEG), not a government leader."""
    mentions = _en_mentions("In Washington, the Senate Minority Leader criticised the bill.", "en")
    assert not any(code and code.endswith("GOV") for _, code in mentions) and any(code == "USALEG" for _, code in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "hidden", "own"),
    [
        ("Hundreds of protesters against Japan gathered in Seoul on Sunday.", "en", "JPNCVL", "JPN"),
        ("Des manifestants contre la Belgique ont défilé dimanche à Kinshasa.", "fr", "BELCVL", "BEL"),
        ("Une vingtaine d'entre eux ont frappé des habitants de son quartier et ouvert le feu sur des Libanais.", "fr", "LBNCVL", "LBN"),
    ],
)
def test_actors_name_a_role_acts_against_is_not_its_owner(text: str, lang: str, hidden: str, own: str) -> None:
    """ "protesters against Japan" are no Japanese, « des habitants ... sur des Libanais » no Lebanese: a name tied
    to a role word by a preposition of opposition or aim is whom the role acts on, an actor of its own."""
    mentions = _en_mentions(text, lang)
    assert not any(code == hidden for _, code in mentions) and any(code == own for _, code in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Le ministère a fait état de trois blessés après l'explosion à Lyon.", "fr", "état"),
        ("Les généraux ont tenté un coup d'État au Gabon en 2019.", "fr", "État"),
        ("L'Assemblée a prolongé l'état d'urgence en Nouvelle-Calédonie.", "fr", "état"),
        ("Le rapporteur de l'ONU pour les droits de l'homme a visité Conakry.", "fr", "homme"),
    ],
)
def test_actors_role_word_inside_a_set_phrase_is_no_actor(text: str, lang: str, word: str) -> None:
    """ "faire état de" (to report), "coup d'État", "l'état d'urgence", "les droits de l'homme": a role word inside a set
    phrase names no one."""
    mentions = _en_mentions(text, lang)
    assert not any(word in mention for mention, _ in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "hidden"),
    [
        ("Business Insider reported that the deal collapsed in Nairobi.", "en", "BUS"),
        ("France 24 a rapporté que les pourparlers avaient échoué à Doha.", "fr", "FRA"),
    ],
)
def test_actors_news_outlet_name_hides_its_words(text: str, lang: str, hidden: str) -> None:
    """A news outlet's name ("Business Insider", « France 24 ») is no actor, nor are the words inside it."""
    mentions = _en_mentions(text, lang)
    assert not any(code and hidden in code for _, code in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("Des organisations de la société civile ont dénoncé la loi à Dakar.", "fr", "SENNGO"),
        ("Civil society groups in Nairobi condemned the arrests.", "en", "KENNGO"),
    ],
)
def test_actors_civil_society_is_an_ngo(text: str, lang: str, code: str) -> None:
    """ "civil society", « la société civile » are its organisations (NGO), not a company (« société »)."""
    assert any(c == code for _, c in _en_mentions(text, lang)), _en_mentions(text, lang)


def test_actors_units_without_an_owner_are_no_force() -> None:
    """ "40 sold units" are goods; "Russian units" a force: a role word that needs a word saying whose it is."""
    assert not any(code and code.endswith("MIL") for _, code in _en_mentions("The carmaker said 40 sold units were recalled in Spain."))
    assert ("Belarusian units", "BLRMIL") in _en_mentions("Belarusian units crossed the border at dawn.")


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("The European Community granted Senegal new fishing rights.", "en", "IGOEUREEC"),
        ("La Communauté économique européenne a levé l'embargo sur le bœuf.", "fr", "IGOEUREEC"),
        ("APEC agreed to cut tariffs in Asia.", "en", "IGO"),
        ("The Reagan administration warned Libya on Tuesday.", "en", "USAGOV"),
        ("L'administration Obama a critiqué Pékin jeudi.", "fr", "USAGOV"),
    ],
)
def test_actors_former_names_of_bodies_and_named_administrations(text: str, lang: str, code: str) -> None:
    """The European Community is the EU's former name, APEC an organisation (not Asia), "the Reagan administration" the
    US executive (not a bare administration of the article's country)."""
    mentions = _en_mentions(text, lang)
    assert mentions and mentions[0][1] == code, mentions


@pytest.mark.parametrize(
    ("text", "lang", "published", "code"),
    [
        ("President Bush warned Iraq on Friday.", "en", "1991-01-11", "USAGOV"),
        ("Le président Bush a rencontré Tony Blair à Camp David.", "fr", "2003-03-01", "USAGOV"),
        ("President Clinton met Yasser Arafat.", "en", "1998-10-20", "USAGOV"),
        ("The International Labour Office urged Qatar to protect migrant workers.", "en", "2016-01-01", "IGOUNOLABILO"),
    ],
)
def test_actors_title_and_shared_surname_or_office_name(text: str, lang: str, published: str, code: str) -> None:
    """ "President Bush" is a US president whichever Bush it is; "President Clinton" is Bill Clinton; the International
    Labour Office is the ILO."""
    article = next(ParseText().pipe([Article(text=text, lang=lang, published=published)]))
    mentions = [(m.text, m.code) for m in ExtractActors()(article).mentions]
    assert mentions and mentions[0][1] == code, mentions


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("About 200 ethnic Hungarians protested in Slovakia on Sunday.", "en", ("Hungarians", "SVKCVL")),
        ("Bosnian Croats rejected the plan.", "en", ("Croats", "BIHCVL")),
        ("Quelque 300 Hongrois de souche ont manifesté dimanche en Slovaquie.", "fr", ("Hongrois", "SVKCVL")),
        ("Les Croates de Bosnie ont rejeté le plan.", "fr", ("Croates", "BIHCVL")),
    ],
)
def test_actors_ethnic_group_is_of_the_country_it_lives_in(text: str, lang: str, actor: tuple[str, str]) -> None:
    """ "ethnic Hungarians ... in Slovakia", « les Croates de Bosnie »: a nationality word naming an ethnic group is of
    the country they live in, not of the nation the word names."""
    assert actor in _en_mentions(text, lang), _en_mentions(text, lang)


def test_actors_coordinated_nationality_words_keep_their_own_countries() -> None:
    """ "Georgians and Armenians": two peoples side by side, neither the other's ethnic group."""
    mentions = _en_mentions("Georgians and Armenians failed to agree on the border.")
    assert ("Georgians", "GEO") in mentions and ("Armenians", "ARM") in mentions, mentions


def test_actors_name_opening_on_a_capital_wins_over_one_opening_on_an_article() -> None:
    """ "the West Bank" is the Palestinian territory, not "the West" and a bank."""
    assert ("West Bank", "PSE") in _en_mentions("Soldiers closed the roads of the West Bank on Monday.")


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("The Karen National Union (NUK) shelled a camp.\n\nThe NUK said ten soldiers died.", "en", "MMRREB"),
        ("L'Union nationale karen (UNK) a bombardé un camp.\n\nL'UNK a déclaré que dix soldats ont été tués.", "fr", "MMRREB"),
    ],
)
def test_actors_acronym_the_dictionary_does_not_know_is_defined_by_its_brackets(text: str, lang: str, code: str) -> None:
    """An acronym in brackets after a known name means that name later in the article, even one the dictionary lacks."""
    later = [m for m in _en_mentions(text, lang) if m[0].isupper()]
    assert later and later[-1][1] == code, _en_mentions(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        (
            "Students rallied in Macau against a law drafted by the mainland Chinese government.\n\nThe government defended the law.",
            "en",
            "MACGOV",
        ),
        (
            "Des étudiants ont défilé à Macao contre une loi du gouvernement de Chine continentale.\n\nLe gouvernement a défendu la loi.",
            "fr",
            "MACGOV",
        ),
    ],
)
def test_actors_mainland_government_is_no_owner_of_a_later_bare_government(text: str, lang: str, code: str) -> None:
    """ "the mainland Chinese government" is set apart from the place of the story: a later bare "the government" is
    that place's own."""
    mentions = _en_mentions(text, lang)
    assert mentions[-1][1] == code, mentions


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        (
            "Armed groups attacked a village in northern Mali on Monday. These groups have been active since 2012.",
            "en",
            ("These groups", "MLIREB"),
        ),
        (
            "Des groupes armés ont attaqué un village du nord du Niger. Ces groupes ont ensuite attaqué une école.",
            "fr",
            ("Ces groupes", "NERREB"),
        ),
    ],
)
def test_actors_demonstrative_and_head_noun_name_the_role_phrase_again(text: str, lang: str, actor: tuple[str, str]) -> None:
    """ "armed groups ... these groups": the head noun of a role phrase, alone no role word, is that actor again after a
    demonstrative."""
    mentions = _en_mentions(text, lang)
    assert actor in mentions, mentions


def test_actors_demonstrative_before_a_word_no_role_phrase_heads_is_no_actor() -> None:
    mentions = _en_mentions("Armed groups attacked a village in northern Mali. This village is poor.")
    assert not any(text == "This village" for text, _ in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "first", "again"),
    [
        (
            "UN investigators accused Myanmar of abuses. The investigators said the army burned villages.",
            "en",
            ("UN investigators", "IGOUNO"),
            ("investigators", "IGOUNO"),
        ),
        (
            "Des experts de l'ONU ont publié un rapport sur le Soudan. Les experts accusent l'armée soudanaise.",
            "fr",
            ("experts de l'ONU", "IGOUNO"),
            ("experts", "IGOUNO"),
        ),
    ],
)
def test_actors_experts_of_a_body_are_that_body(text: str, lang: str, first: tuple[str, str], again: tuple[str, str]) -> None:
    """ "UN investigators", « des experts de l'ONU » are the body they work for, and so are "the investigators" named
    again."""
    mentions = _en_mentions(text, lang)
    assert first in mentions and again in mentions, mentions


def test_actors_experts_of_no_body_are_no_one() -> None:
    mentions = _en_mentions("Des experts estiment que la Russie a attaqué l'Ukraine.", "fr")
    assert not any("experts" in text for text, _ in mentions), mentions


def test_actors_french_name_of_myanmar_peoples_defence_force() -> None:
    """« Forces de défense de la population » is a usual French name of Myanmar's People's Defence Force: its bracketed
    acronym then names it too."""
    mentions = _en_mentions(
        "Les Forces de défense de la population (PDF) ont attaqué un poste en Birmanie. Des membres des PDF ont été tués.", "fr"
    )
    assert ("PDF", "MMRREB") in mentions, mentions


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        (
            'A painting was stolen from a gallery in Kent, England. "Call us with any information", said Detective Inspector Jane Marlow.',
            "en",
            ("Detective Inspector", "GBRCOP"),
        ),
        (
            "Des émeutes ont éclaté à Lyon, en France. Le commissaire de police Jean Morel a appelé au calme.",
            "fr",
            ("commissaire de police", "FRACOP"),
        ),
    ],
)
def test_actors_ranks_and_heads_of_a_police_force_are_police(text: str, lang: str, actor: tuple[str, str]) -> None:
    """A detective, a chief constable, « le commissaire de police » are the police of the story's country."""
    mentions = _en_mentions(text, lang)
    assert actor in mentions, mentions


def test_actors_british_shire_owns_its_police() -> None:
    """A British county names British bodies: "Lancashire police", "Northamptonshire's chief constable"."""
    article = next(ParseText().pipe([Article(text="Lancashire police arrested a man on Monday.", lang="en")]))
    article = ExtractActors()(article)
    police = [m for m in article.mentions if m.text == "Lancashire police"]
    assert police and police[0].code == "GBRCOP", [(m.text, m.code) for m in article.mentions]
    assert police[0].kind != "place"  # a body of the county, an actor, not where the story took place


def test_actors_role_phrase_a_place_owns_is_a_body_not_a_place() -> None:
    """ "the Kandahar police": the place's police is an actor (no mere place an event happened in)."""
    article = next(ParseText().pipe([Article(text="The Kandahar police arrested two men in Afghanistan.", lang="en")]))
    article = ExtractActors()(article)
    police = [m for m in article.mentions if "police" in m.text]
    assert police and police[0].code == "AFGCOP" and police[0].kind == "institution", [(m.text, m.code, m.kind) for m in article.mentions]


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Jean Roux, who is the French ambassador to Mali, left Bamako on Monday.", "en", ("Jean Roux", "FRAGOV")),
        ("Marc Leroy, qui était ministre des Affaires étrangères du Niger, a critiqué la décision.", "fr", ("Marc Leroy", "NERGOV")),
    ],
)
def test_actors_name_takes_the_office_its_relative_clause_gives(text: str, lang: str, actor: tuple[str, str]) -> None:
    """ "X, who is the French ambassador": the relative clause says which office the person the dictionary does not
    know holds, so the name itself, the subject of the sentence's act, is that actor."""
    mentions = _en_mentions(text, lang)
    assert actor in mentions, mentions


def test_actors_relative_clause_of_another_act_gives_no_office() -> None:
    mentions = _en_mentions("Tom Baker, who met the French ambassador on Monday, criticized the decision.")
    assert not any(text == "Tom Baker" for text, _ in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "speaker", "role"),
    [
        ("Hospital officials in Kazan said the patient had died.", "en", "Hospital officials", "HLH"),
        ("Anna Kowal, a fire brigade spokeswoman, said the blaze was out.", "en", "fire brigade spokeswoman", "HLH"),
        ("A spokesman for the city police department said two men were held.", "en", "spokesman", "COP"),
        ("Army officials in Lagos denied the report.", "en", "Army officials", "MIL"),
        ("Un porte-parole des pompiers a déclaré que l'incendie était éteint.", "fr", "porte-parole", "HLH"),
    ],
)
def test_actors_who_speaks_for_a_body_takes_its_role(text: str, lang: str, speaker: str, role: str) -> None:
    """ "Hospital officials", "a fire brigade spokeswoman", "a spokesman for the police department": they speak for
    the hospital, the fire brigade, the police, not for the government that "officials" or "spokesman" alone is."""
    article = ExtractActors()(next(ParseText().pipe([Article(text=text, lang=lang, published="2024-05-06")])))
    found = [m for m in article.mentions if m.text.startswith(speaker)]
    assert found and found[0].roles == [role], [(m.text, m.code) for m in article.mentions]


def test_actors_a_news_trade_word_after_an_outlet_of_a_place_is_that_countrys_media() -> None:
    mentions = _en_mentions("Dubai TV cameraman Omar Saleh was wounded in Aden.")
    assert ("Dubai TV cameraman", "AREMED") in mentions, mentions


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Lena Holm, the retailer's chief executive for Northern Europe, said sales fell.", "Northern Europe"),
        ("Matt Jones, Tesco’s CEO for Central Europe, explained that sales fell.", "Central Europe"),
        ("The bank's head for Africa praised the Kenyan government.", "Africa"),
    ],
)
def test_actors_area_a_company_officer_covers_is_no_actor(text: str, region: str) -> None:
    """ "the retailer's chief executive for Northern Europe": the region is the area the company's officer covers,
    no region acting (who speaks is the company's man)."""
    mentions = _en_mentions(text)
    assert not any(t == region for t, _ in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "owner"),
    [
        ("Russia's constitution bans foreign military bases.", "en", "Russia"),
        ("The treaty of the African Union forbids such coups.", "en", "African Union"),
        ("La Constitution russe interdit les bases étrangères.", "fr", "russe"),
    ],
)
def test_actors_owner_of_a_binding_text_is_no_actor(text: str, lang: str, owner: str) -> None:
    """ "Russia's constitution bans ...": what a law, charter or treaty forbids is no act of whose it is."""
    mentions = _en_mentions(text, lang)
    assert not any(owner in t for t, _ in mentions), mentions


def test_actors_owner_of_another_noun_stays_an_actor() -> None:
    mentions = _en_mentions("Russia's army attacked the town. Iran's foreign minister criticized the treaty.")
    assert any(c == "RUSMIL" for _, c in mentions) and any(c == "IRNGOV" for _, c in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "demonym"),
    [
        ("The Palestinian Red Crescent said its ambulances were blocked.", "en", "Palestinian"),
        ("Le Croissant-Rouge palestinien a dit que ses ambulances étaient bloquées.", "fr", "palestinien"),
    ],
)
def test_actors_nationality_word_of_an_organisations_name_is_no_country_beside_it(text: str, lang: str, demonym: str) -> None:
    mentions = _en_mentions(text, lang)
    assert not any(t == demonym for t, _ in mentions) and any("NGO" in (c or "") for _, c in mentions), mentions


def test_actors_bare_role_takes_no_country_from_a_non_governmental_organisation() -> None:
    """ "The Red Cross said soldiers blocked ...": the soldiers are no soldiers of the Red Cross."""
    mentions = _en_mentions("The Red Cross said soldiers blocked its ambulances.")
    assert not any((c or "").startswith("NGO") and c.endswith("MIL") for _, c in mentions), mentions


@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        ("Two Americans were kidnapped near the border.", "en", ("Americans", "USACVL")),
        ("Trois Britanniques ont été enlevés au Mali.", "fr", ("Britanniques", "GBRCVL")),
    ],
)
def test_actors_counted_nationals_are_civilians(text: str, lang: str, actor: tuple[str, str]) -> None:
    """ "two Americans", « trois Britanniques »: people counted by a numeral are people of that country, not its state."""
    assert actor in _en_mentions(text, lang)


def test_actors_nationals_not_counted_stay_their_country() -> None:
    assert ("Americans", "USA") in _en_mentions("The Americans rejected the proposal.")


def test_actors_owner_of_a_binding_text_that_is_an_object_stays_an_actor() -> None:
    """ "denounced Russia's new law": whose law is criticised is a side of the act."""
    assert ("Russia", "RUS") in _en_mentions("The senator denounced Russia's new law.")


def test_actors_a_reporter_of_a_country_is_its_media() -> None:
    assert ("French radio reporter", "FRAMED") in _en_mentions("Gunmen wounded a French radio reporter near Gao.")
