"""Evaluative statements: words that judge (quoted or reported) criticise or accuse (sentences written for these
tests; real spaCy models)."""

from __future__ import annotations

import pytest

from tocsin import code_text

pytestmark = pytest.mark.slow


def _dyads(events: list) -> list[tuple[str, str | None, str | None]]:
    """What an assertion message shows of events: code, source, target."""
    return [(e.cameo, e.source_code, e.target_code) for e in events]


def test_quoted_adjective_of_the_name_given_condemns() -> None:
    """'described the raid as a "cowardly act"': the parser makes the quoted adjective an adverb; it still condemns."""
    text = 'The Philippine defence minister condemned the bombing; he described the raids as a "cowardly act" and urged calm.'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert any(e.cameo == "111" and e.source_code == "PHLMIL" and e.rule.startswith("construction.naming") for e in events), _dyads(events)


def test_condemning_adjective_of_a_copular_predicate() -> None:
    """'said the incursion was a disgraceful ploy': the adjective condemns, the doer of what is judged is the target."""
    text = "The Iraqi prime minister said the Turkish incursion was a disgraceful ploy."
    events = code_text(text, lang="en", published="2024-05-07").events
    assert ("111", "IRQGOV", "TUR") in _dyads(events)
    assert not any(e.root == "19" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        ("The Iraqi prime minister views the Turkish incursion as a flagrant violation.", "en", "IRQGOV", "TUR"),
        ("Turkish officials regard the Greek plan as a betrayal.", "en", "TURGOV", "GRC"),
        ("Le gouvernement malien a présenté le retrait français comme une trahison.", "fr", "MLIGOV", "FRA"),
    ],
)
def test_naming_verbs(text: str, lang: str, source: str, target: str) -> None:
    """Verbs that name ("view as", "regard as", « présenter comme ») criticise what they name a word of condemnation."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert ("111", source, target) in _dyads(events)


def test_was_to_blame_accuses() -> None:
    events = code_text("The Iraqi prime minister said Iran was to blame for the explosion.", lang="en", published="2024-05-07").events
    assert ("112", "IRQGOV", "IRN") in _dyads(events)
    negated = code_text("The Iraqi prime minister said Iran was not to blame for the explosion.", lang="en", published="2024-05-07")
    assert not any(e.cameo == "112" and e.source_code == "IRQGOV" for e in negated.events), _dyads(negated.events)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        (
            (
                'Turkish President Erdogan met Trump. Senator Lindsey Graham spoke to reporters on Monday. "This'
                ' reckless decision by the president has betrayed our allies and emboldened our enemies."'
            ),
            "en",
            "USALEG",
            "USAGOV",
        ),
        (
            (
                "Le député Jean Dupont a réagi lundi. « Cette décision irresponsable du gouvernement a ruiné nos"
                " relations avec nos voisins. »"
            ),
            "fr",
            None,
            "GOV",
        ),
    ],
)
def test_quoted_subject_judged_by_its_adjective(text: str, lang: str, source: str | None, target: str) -> None:
    """A quoted sentence whose subject is an act its adjective condemns criticises the act's doer, by the speaker
    before; a bare role in the speaker's words is of the speaker's country."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    judged = [e for e in events if e.rule.startswith("construction.quoted_judgement")]
    assert judged and judged[0].cameo == "111", _dyads(events)
    assert (judged[0].target_code or "").endswith(target), _dyads(events)
    if source is not None:
        assert judged[0].source_code == source, _dyads(events)


def test_quoted_subject_judged_needs_a_doer() -> None:
    """A judgement of something no actor did is no event."""
    text = 'Senator Lindsey Graham spoke to reporters on Monday. "The reckless driving of tourists has caused many accidents."'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.cameo[:2] == "11" for e in events), _dyads(events)


@pytest.mark.parametrize(
    "text",
    [
        'US Defense Secretary Mark Esper said the blast was "likely" Iran\'s doing.',
    ],
)
def test_doing_hung_on_a_hedge_accuses(text: str) -> None:
    """'said the crash was "likely" X's doing': the parser hangs the noun on the hedging adjective; still X's doing."""
    events = code_text(text, lang="en", published="2024-05-07").events
    assert any(e.cameo == "112" and e.target_code == "IRN" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Le chef de la diplomatie russe a parlé d'une « provocation grossière » de l'Ukraine.", "RUSGOV", "UKR"),
        ("Le président turc a traité le Premier ministre grec de menteur.", "TURGOV", "GRCGOV"),
    ],
)
def test_french_naming_without_object_and_pejorative_nouns(text: str, source: str, target: str) -> None:
    """« a parlé d'une provocation de X » names with no object: X is in the condemning words; « traiter de menteur »."""
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert ("111", source, target) in _dyads(events)


def test_speaking_of_no_condemnation_is_no_criticism() -> None:
    events = code_text("Le ministre russe a parlé de la situation en Syrie avec son homologue turc.", lang="fr").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_what_a_named_noun_is_about_does_not_condemn() -> None:
    """« le plan de lutte contre le terrorisme »: the word of condemnation is what the plan is about, not its name."""
    events = code_text("Le ministre algérien a décrit le plan de lutte contre la corruption et le terrorisme.", lang="fr").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_naming_that_does_not_condemn_is_a_statement() -> None:
    """'called the outbreak the deadliest in a decade': an actor's naming with no condemnation states (010)."""
    text = "The World Health Organization called the outbreak the deadliest in a decade."
    events = code_text(text, lang="en", published="2024-05-07").events
    assert [(e.cameo, e.source_code) for e in events] == [("010", "IGOUNOHLHWHO")], _dyads(events)


def test_naming_statement_yields_to_any_other_act() -> None:
    """A naming that states nothing condemning is no event when the sentence reports another act."""
    text = 'The US State Department described the Saudi prince as an "emerging" figure when they offered help to Saudi Arabia.'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert any(e.root == "03" for e in events) and not any(e.rule.startswith("construction.naming") for e in events), _dyads(events)


def test_predicated_stigma_words() -> None:
    """'labeled the report as fake news': a word that condemns only when predicated (stigma) names with condemnation."""
    events = code_text("The Russian president labeled the report as fake news.", lang="en", published="2024-05-07").events
    assert [(e.cameo, e.source_code) for e in events] == [("111", "RUSGOV")], _dyads(events)


def test_the_work_of_an_actor_accuses_when_an_act_is_its_subject() -> None:
    """« a affirmé que l'attaque était l'œuvre d'Israël » accuses Israel; a building is not an act."""
    events = code_text("Le ministre iranien a affirmé que l'attaque était l'œuvre d'Israël.", lang="fr").events
    assert ("112", "IRNGOV", "ISR") in _dyads(events)
    museum = code_text("Le ministre italien a déclaré que ce musée était l'œuvre d'un architecte français.", lang="fr").events
    assert not any(e.root == "11" for e in museum), _dyads(museum)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        (
            (
                'Turkish President Erdogan said on Wednesday, "Those who stayed silent when the mosque was attacked'
                " cannot lecture us. Unfortunately, the American president is behaving like a bully. What can we do?"
            ),
            "en",
            "TURGOV",
            "USAGOV",
        ),
        ("Le président turc a parlé mercredi. « Le président américain se comporte comme un voyou. »", "fr", "TURGOV", "USAGOV"),
    ],
)
def test_quoted_likening_to_a_word_of_condemnation(text: str, lang: str, source: str, target: str) -> None:
    """Quoted words that liken an actor to a word of condemnation ("behaving like a bully", « comme un voyou »)
    criticise it, by the speaker before, also when the quotation opened in a sentence before and is still open."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert ("111", source, target) in _dyads(events)


def test_likening_to_no_condemnation_is_no_criticism() -> None:
    text = 'The Turkish president spoke on Wednesday. "The American president is behaving like a statesman."'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_condemning_words_outweigh_an_uncoded_act_they_tell() -> None:
    """'said, "Those who stayed silent when the mosque was attacked have shown their hypocrisy"': the attack codes
    nothing (no doer); the statement condemns (111), it does not only report."""
    text = 'The Iraqi prime minister said, "Those who stayed silent when the mosque was attacked have shown their hypocrisy."'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert ("111", "IRQGOV", None) in _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Iraqi prime minister said the men who stayed silent when the mosque was attacked are cowards.", "en"),
        ("Le Premier ministre irakien a déclaré que le gouvernement corrompu du pays voisin était une tyrannie.", "fr"),
    ],
)
def test_pejorative_lexicon(text: str, lang: str) -> None:
    """General words of condemnation ("cowards", « corrompu », « tyrannie ») make a statement criticise."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert any(e.cameo == "111" and e.source_code == "IRQGOV" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("La Russie a qualifié la visite du président américain de provocation.", "RUS", "USAGOV"),
        ("Le gouvernement malien a qualifié l'intervention des soldats français d'agression.", "MLIGOV", "FRAMIL"),
    ],
)
def test_name_given_hung_on_the_named_phrase(text: str, source: str, target: str) -> None:
    """« qualifier la visite du président de provocation »: the parser hangs the name given on the named phrase's
    last noun; it still names it."""
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert ("111", source, target) in _dyads(events)


def test_complement_with_an_article_is_no_name_given() -> None:
    """« a décrit la situation des victimes du terrorisme »: a complement with its article is what is described."""
    events = code_text("Le ministre algérien a décrit la situation des victimes du terrorisme.", lang="fr").events
    assert not any(e.root == "11" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        ("« C'est une honte », a lancé le président vénézuélien à l'adresse du gouvernement colombien.", "fr", "VENGOV", "COLGOV"),
        ('"This is a disgrace," the Venezuelan president fumed about the Colombian government.', "en", "VENGOV", "COLGOV"),
    ],
)
def test_quoted_judgement_by_the_speaker_of_its_incise(text: str, lang: str, source: str, target: str) -> None:
    """A quoted judgement whose incise verb is no speech verb (« a lancé », "fumed") is the incise subject's."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert ("111", source, target) in _dyads(events)


def test_quoted_judgement_of_a_match_is_no_event() -> None:
    events = code_text("« Ce match était une honte », a réagi l'entraîneur du club.", lang="fr", published="2024-05-07").events
    assert not events, _dyads(events)


def test_adjectives_hung_on_the_naming_preposition() -> None:
    """'described the decision as "arbitrary and unacceptable"': the parser hangs the adjectives on "as"."""
    text = 'The Canadian prime minister described the Chinese decision as "arbitrary and unacceptable."'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert ("111", "CANGOV", "CHN") in _dyads(events)


def test_criticism_aims_at_the_actor_nearest_the_condemnation() -> None:
    """A senator's condemnation aims at his own country's president when it is the president's act it condemns, not
    at the first foreign country the sentence names."""
    text = (
        "A Republican senator said free elections are what separate America from countries like Belarus, and described"
        ' the president\'s silence as "unthinkable and shameful."'
    )
    events = code_text(text, lang="en", published="2024-05-07").events
    assert ("111", "USALEG", "USAGOV") in _dyads(events)


def test_the_words_naming_the_speaker_are_not_criticised() -> None:
    """'MP X of the Green Party added, "..."': the speaker's own party is no target of the speaker's condemnation, and
    words of condemnation in the speaker's description condemn nothing the speaker says."""
    described = 'British MP Jane Smith of the shameful and divided Labour Party said, "The prime minister wants to rule alone."'
    assert not any(e.root == "11" for e in code_text(described, lang="en", published="2024-05-07").events)
    text = (
        'British opposition MP Jane Smith of the Green Party added, "The prime minister wants to rule alone — this is a'
        ' deeply dangerous and irresponsible way to govern."'
    )
    events = code_text(text, lang="en", published="2024-05-07").events
    criticised = [e for e in events if e.cameo == "111"]
    assert criticised and (criticised[0].target_code or "").endswith("GOV"), _dyads(events)


def test_hypothetical_condemnation_does_not_outweigh_an_uncoded_act() -> None:
    text = 'Conservative MP John Smith commented, "It would be an outrage if Parliament were prevented from holding the government to account."'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_a_quotation_still_open_needs_a_speaker_before_it() -> None:
    """'"... He was a dictator. ...", said X': the quotation opened with no speech verb before it; its speaker comes
    after it, so the sentence before names no speaker of the judgement."""
    text = (
        '"For my generation, former president Robert Mugabe should be remembered for what he did. He was a dictator.'
        ' He was cruel," said John Moyo, a Zimbabwean student leader.'
    )
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.rule.startswith("construction.quoted_judgement") for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The Greek and Cypriot ministers met on Monday. They deemed that the plan of sending Turkish troops to Libya goes against the arms embargo.",
            "en",
            [("112", "GRCGOV", "TURMIL"), ("112", "GRCGOV", "LBY")],
        ),
        ("The Greek minister said the Turkish plan goes against international law.", "en", [("112", "GRCGOV", "TUR")]),
        ("Le ministre grec a estimé que l'accord turc va à l'encontre du droit international.", "fr", [("112", "GRCGOV", "TUR")]),
        ("The Japanese foreign minister said the North Korean missile launch threatens regional peace.", "en", [("111", "JPNGOV", "PRK")]),
    ],
)
def test_a_clause_that_says_a_rule_is_broken_accuses(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    """'deemed that the plan of sending Turkish troops goes against the embargo' accuses (112) the actors the judged
    thing names; 'said the launch threatens regional peace' criticises (111); what is judged is no act of its own."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    for dyad in expected:
        assert dyad in _dyads(events), _dyads(events)
    assert not any(e.root in ("13", "15", "05") for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Japanese foreign minister said the North Korean missile launch does not threaten regional peace.", "en"),
        ("Le ministre grec a déclaré que l'accord turc ne va pas à l'encontre du droit international.", "fr"),
        ("The coach said the referee's decision went against the rules of the game.", "en"),
    ],
)
def test_no_broken_rule_no_accusation(text: str, lang: str) -> None:
    """A negated judgement, or one of what no coded actor did, accuses no one."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_name_given_apposed_to_what_is_named() -> None:
    """'called the senator's remarks a "cheap stunt"': the parser apposes the name given to what is named; a
    description set off by commas names nothing ("called the senator, a former general, ...")."""
    text = 'The Iranian foreign minister called the American senator\'s remarks a "cheap stunt."'
    events = code_text(text, lang="en", published="2024-05-07").events
    assert ("111", "IRNGOV", "USALEG") in _dyads(events)
    commas = code_text("The Iranian foreign minister called the American senator, a former criminal, on Tuesday.", lang="en").events
    assert not any(e.root == "11" for e in commas), _dyads(commas)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        ("The United States is deeply disappointed with the Iraqi parliament's decision.", "en", "USA", "IRQLEG"),
        ("The Chinese foreign ministry said China was angered by the Japanese minister's visit.", "en", "CHN", "JPNGOV"),
        ("Le gouvernement français s'est dit déçu par la décision du Parlement irakien.", "fr", "FRAGOV", "IRQLEG"),
    ],
)
def test_displeasure_at_another_actor_disapproves(text: str, lang: str, source: str, target: str) -> None:
    """An actor displeased by what another did ("disappointed with", « s'est dit déçu par ») disapproves of it (110)."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert ("110", source, target) in _dyads(events)
    assert not any(e.root == "01" for e in events), _dyads(events)


@pytest.mark.parametrize(
    "text",
    [
        "The coach was disappointed by the result of the match.",
        "The United States is not disappointed with the Iraqi parliament's decision.",
    ],
)
def test_displeasure_at_nothing_an_actor_did_is_no_event(text: str) -> None:
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_judged_thing_aims_at_its_doer_not_at_whom_it_is_done_to() -> None:
    """'said Israel's treatment of the Palestinians threatens the peace': the possessor did it; 'appalled at news of
    an attack on a police station': whom it was done to is no target."""
    text = "The Emirati foreign minister said Israel's treatment of the Palestinians threatens the peace of the region."
    events = code_text(text, lang="en", published="2024-05-07").events
    assert [d for d in _dyads(events) if d[0][:2] == "11"] == [("111", "AREGOV", "ISR")], _dyads(events)
    appalled = code_text("The British government is appalled at news of an attack on a police station in Morocco.", lang="en").events
    assert not any(e.root == "11" for e in appalled), _dyads(appalled)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        (
            "« Nous avons reçu des rapports du terrain. D'où nos soupçons sur le Burundi », a insisté le ministre congolais.",
            "fr",
            "CODGOV",
            "BDI",
        ),
        ('"Our suspicions about Iran have only grown," the Saudi foreign minister said.', "en", "SAUGOV", "IRN"),
    ],
)
def test_voiced_suspicion_accuses(text: str, lang: str, source: str, target: str) -> None:
    """Reported words that voice suspicion of an actor (« nos soupçons sur X », "our suspicions about X") accuse it."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert ("112", source, target) in _dyads(events)
    assert not any(e.root == "01" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        ('Thousands of Venezuelan protesters chanted "Maduro dictator" and demanded new elections.', "en", "VENCVL", "VENGOV"),
        ("Les manifestants vénézuéliens scandent « Maduro assassin » devant le palais.", "fr", "VENCVL", "VENGOV"),
    ],
)
def test_slogan_naming_an_actor_with_condemnation_criticises(text: str, lang: str, source: str, target: str) -> None:
    """A chanted slogan that gives an actor a name of condemnation criticises it (111), by the chanters; what else they
    do stays an event of its own."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert ("111", source, target) in _dyads(events)
    assert lang == "fr" or any(e.root == "10" for e in events), _dyads(events)


def test_slogan_without_condemnation_is_no_criticism() -> None:
    events = code_text('Venezuelan protesters chanted "Maduro, we love you" outside the palace.', lang="en").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_slogan_aims_at_the_actor_its_word_names() -> None:
    """'"Death to the occupiers of Kosovo"': Kosovo is whom the occupiers occupy, not whom the slogan condemns."""
    events = code_text('Protesters in Pristina shouted "Death to the occupiers of Kosovo" on Monday.', lang="en").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_suspicion_as_the_ground_of_an_act_accuses_no_one() -> None:
    """'held on suspicion of violating the law': a ground of what is reported, no suspicion the speaker voices."""
    text = "German authorities say the two Russian activists being held on suspicion of violating the country's laws will be released."
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_incise_reports_an_act_deeper_in_its_clause() -> None:
    """« "ont résolu de lui enjoindre de partir", a déclaré le ministère »: the incise reports the order deep in the quoted
    clause, so it is no bare statement (010) of its own."""
    text = (
        "« Les autorités tchadiennes ont résolu de retirer sa carte de presse au correspondant et de lui enjoindre de "
        "partir sous trois jours », a indiqué le ministère tchadien de la Communication."
    )
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert not any(e.cameo == "010" for e in events), _dyads(events)


def test_naming_as_a_kind_of_condemned_thing() -> None:
    """« une tentative de putsch »: the bare complement says what kind of thing is named; it condemns (111)."""
    text = "Le gouvernement malien a présenté ces manifestations comme une tentative de putsch."
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert any(e.cameo == "111" and e.source_code == "MLIGOV" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Malian president said Russian agents were involved in the riots.", "en"),
        ("Le président malien a affirmé que des agents russes étaient impliqués dans l'attentat.", "fr"),
    ],
)
def test_said_to_be_involved_in_a_hostile_act_accuses(text: str, lang: str) -> None:
    """'said X were involved in the riots': a passive verb of blame on a conflictual act pins it on X (112)."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert ("112", "MLIGOV", "RUS") in _dyads(events), _dyads(events)


def test_involved_in_talks_accuses_no_one() -> None:
    """Taking part in talks is no act one is blamed for."""
    events = code_text("The Malian minister said Russia was involved in the peace talks.", lang="en", published="2024-05-07").events
    assert not any(e.cameo.startswith("112") for e in events), _dyads(events)


def test_quotation_running_on_keeps_its_speaker() -> None:
    """A judgement deep in a quotation of several sentences is the words of whoever opened it ('X wrote, "... . The
    army fought beside us. Withdrawing now is a big mistake."'), not of the subject of the sentence before."""
    text = (
        'The British foreign secretary wrote on Twitter, "We must stand by our partners. The Iraqi army fought bravely'
        ' beside us. Withdrawing our troops now is a big mistake."'
    )
    events = code_text(text, lang="en", published="2024-05-07").events
    judged = [e for e in events if e.cameo == "111"]
    assert judged and all((e.source_code or "").startswith("GBR") for e in judged), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("Joe Smith, who was Obama's ambassador to Russia until 2015, also criticized the decision on Twitter.", "en", "USA"),
        ("Paul Martin, who is the Canadian envoy to the talks, condemned the vote.", "en", "CAN"),
    ],
)
def test_critic_described_by_a_relative_clause(text: str, lang: str, country: str) -> None:
    """A critic the dictionary does not know is who the copular relative clause on him says he is."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert any(e.root == "11" and (e.source_code or "").startswith(country) for e in events), _dyads(events)


def test_french_appeler_names() -> None:
    """« appeler » names: « a appelé cette décision une erreur » criticises (111); « appelle les jeunes à voter » stays
    an appeal."""
    named = code_text("Le président ivoirien a appelé cette décision une erreur.", lang="fr", published="2024-05-07").events
    assert any(e.cameo == "111" and e.source_code == "CIVGOV" for e in named), _dyads(named)
    appeal = code_text("Le président ivoirien appelle les jeunes à voter.", lang="fr", published="2024-05-07").events
    assert not any(e.root == "11" for e in appeal), _dyads(appeal)


def test_french_imperfect_harm_is_no_hypothesis() -> None:
    """« a estimé que l'essai menaçait la paix »: the tagger may call the imperfect conditional; with no conditional
    ending it judges what was done (111); « menacerait » stays a hypothesis."""
    said = "L'Union africaine a estimé que le nouvel essai nucléaire nord-coréen menaçait gravement la paix."
    events = code_text(said, lang="fr", published="2024-05-07").events
    assert ("111", "IGOAFRAFU", "PRK") in _dyads(events)
    would = code_text(said.replace("menaçait", "menacerait"), lang="fr", published="2024-05-07").events
    assert not any(e.root == "11" for e in would), _dyads(would)


@pytest.mark.parametrize(
    ("text", "lang", "dyad"),
    [
        ('"The Iranian leaders are lying about the attack," the Saudi foreign minister said.', "en", ("111", "SAUGOV", "IRNGOV")),
        ("« Les dirigeants rwandais mentent », a déclaré le ministre congolais.", "fr", ("111", "CODGOV", "RWAGOV")),
        (
            (
                'The Saudi foreign minister spoke to reporters on Monday. "Those who blame Riyadh for the attack are lying,'
                ' like their old lies that were revealed last year."'
            ),
            "en",
            ("112", "SAUGOV", None),
        ),
    ],
)
def test_reported_words_of_deceit_accuse(text: str, lang: str, dyad: tuple[str, str, str | None]) -> None:
    """Reported words that say another is lying condemn: with a speech verb (111, at whom they name), or as a quoted
    sentence of their own (112, by the speaker before; a relative clause's "revealed" names no speaker)."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert dyad in _dyads(events)


@pytest.mark.parametrize(
    "text",
    ['"The solution lies in dialogue with Iran," the Saudi foreign minister said.', '"We are not lying," the Saudi foreign minister said.'],
)
def test_no_deceit(text: str) -> None:
    """What lies somewhere, and a denial of one's own lying, accuse no one."""
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_attribution_in_a_relative_clause_accuses() -> None:
    """« a présenté ces violences comme une tentative de coup d'État qu'il attribue à l'opposition »: the naming
    verb's subject accuses (112) whom it attributes the condemned act to; the naming is no bare statement (010)."""
    text = (
        "Le gouvernement togolais a présenté ces violences comme une tentative de coup d'État qu'il attribue à"
        " l'opposition, laquelle aurait reçu l'aide de l'étranger."
    )
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert ("112", "TGOGOV", "TGOOPP") in _dyads(events)
    assert not any(e.cameo == "010" for e in events), _dyads(events)


def test_attribution_of_no_act_accuses_no_one() -> None:
    """« le marché qu'il a attribué à une entreprise chinoise »: awarding a contract is no blame."""
    text = "Le marché public, que le gouvernement togolais a attribué à une entreprise chinoise, est contesté."
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert not any(e.cameo == "112" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "dyad"),
    [
        (
            (
                "« Selon nos sources, les soupçons se portent sur une aide qu'aurait reçue le M23 de la part de l'Ouganda »,"
                " a déclaré le ministre congolais des Affaires étrangères."
            ),
            "fr",
            ("112", "CODGOV", "UGA"),
        ),
        ('"Our suspicion falls on Iran," the Saudi foreign minister said.', "en", ("112", "SAUGOV", "IRN")),
    ],
)
def test_suspicion_bears_on_the_actor_its_clause_names(text: str, lang: str, dyad: tuple[str, str, str]) -> None:
    """Suspicion voiced as the subject of a clause ("suspicion falls on Iran", « les soupçons se portent sur ... »)
    accuses whom the clause names: the side an aid came from, not the one named as receiving it."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert dyad in _dyads(events)


def test_suspicion_as_the_ground_of_an_arrest_accuses_no_one() -> None:
    """« arrêté pour des soupçons d'espionnage »: the ground of an act the statement reports, no suspicion voiced."""
    text = (
        "« Nous coopérons avec les autorités marocaines sur son cas et sur un autre, dans lequel un citoyen algérien a été"
        " arrêté pour des soupçons d'espionnage », a déclaré le ministère français des Affaires étrangères."
    )
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert not any(e.cameo == "112" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Greek foreign minister noted that the Turkish parliament did not ratify the treaty.", "en"),
        ("Le ministre grec des Affaires étrangères a souligné que le parlement turc n'avait pas ratifié le traité.", "fr"),
    ],
)
def test_what_another_actor_did_not_do_is_no_refusal_of_theirs(text: str, lang: str) -> None:
    """ "noted that the parliament did not ratify the treaty": only the doer's own words refuse; the statement is what
    happened (010 by the speaker), not a rejection (12x) by the parliament."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert not any(e.root == "12" for e in events), _dyads(events)
    assert any(e.cameo == "010" and e.source_code == "GRCGOV" for e in events), _dyads(events)


def test_the_doers_own_refusal_is_still_a_rejection() -> None:
    """ "said it did not agree to the ceasefire": the speaker's side refuses (12x)."""
    events = code_text("Ukraine said it did not agree to the ceasefire.", lang="en", published="2024-05-07").events
    assert any(e.root == "12" and e.source_code == "UKR" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le chef du Hamas a qualifié le cessez-le-feu conclu avec Israël de « grande victoire » pour la résistance.", "fr"),
        ("The Hamas leader called the ceasefire a great victory for the resistance.", "en"),
    ],
)
def test_what_a_statement_names_is_talked_about_not_done(text: str, lang: str) -> None:
    """« a qualifié le cessez-le-feu de victoire »: the event noun a naming verb takes as object is what is named, no
    new ceasefire; the statement (010) is the event."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert not any(e.root == "08" for e in events), _dyads(events)


def test_an_obligation_in_a_run_of_quoted_sentences_is_the_speakers_demand() -> None:
    """'X spoke. "Those who blame Iran are lying. If they want calm, the Americans must withdraw their fleets."': the
    obligation is the demand of whoever spoke the quotation, not of an actor its words name."""
    text = (
        "The Iranian president spoke at a parade in Tehran on Monday."
        ' "Those who blame Iran are lying. If they really want calm in the Gulf, the Americans must withdraw their fleets'
        ' from the region."'
    )
    events = code_text(text, lang="en", published="2024-05-07").events
    assert any(e.root == "10" and e.source_code == "IRNGOV" and e.target_code == "USA" for e in events), _dyads(events)
    assert not any(e.source_code == "IRN" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("The Iranian president said the occupiers should get out of the Gulf.", ("100", "IRNGOV", None)),
        (
            (
                'The French foreign ministry released a statement which said, "The cathedral has deep significance to'
                ' believers, and its status as a monument must be maintained".'
            ),
            ("100", "FRAGOV", None),
        ),
    ],
)
def test_a_statement_of_what_others_must_do_demands_it(text: str, dyad: tuple[str, str, None]) -> None:
    """Reported words that say what someone other than the speaker must or should do demand it (10x), even when the
    act itself is no coded event."""
    events = code_text(text, lang="en", published="2024-05-07").events
    assert dyad in _dyads(events)


def test_the_speakers_own_duty_demands_nothing() -> None:
    """'said we must stay vigilant': the speaker's own duty is no demand."""
    events = code_text("The Iranian president said we must stay vigilant.", lang="en", published="2024-05-07").events
    assert not any(e.root == "10" for e in events), _dyads(events)


def test_an_agentless_passive_alleged_accuses_no_patient() -> None:
    """'his allies alleged Petrov was poisoned': the patient is no accused; the act alleged is what is reported."""
    text = "The opposition leader Ivan Petrov is a critic of the Russian president, and his allies have alleged Petrov was poisoned."
    events = code_text(text, lang="en", published="2024-05-07").events
    assert not any(e.root == "11" and e.target_code == "RUSOPP" for e in events), _dyads(events)
    assert any(e.root == "18" and e.target_code == "RUSOPP" for e in events), _dyads(events)


def test_the_agent_of_a_passive_alleged_is_the_accused() -> None:
    """'alleged the journalist was kidnapped by the police': the police are accused, not the journalist."""
    text = "The Georgian opposition alleged the journalist was kidnapped by the police."
    events = code_text(text, lang="en", published="2024-05-07").events
    assert ("112", "GEOOPP", "GEOCOP") in _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Iran said the United States must not send troops to the Gulf.", "en"),
        ("La Chine a déclaré que le Japon ne doit pas envoyer de navires dans le détroit.", "fr"),
    ],
)
def test_a_demand_that_something_not_be_done_is_no_negated_event(text: str, lang: str) -> None:
    """ "must not send troops": the demand was made (10x); its content is negative, the event is not, so the watch
    counts it."""
    events = [e for e in code_text(text, lang=lang).events if e.root == "10"]
    assert events, [(e.cameo, e.source_code, e.target_code, e.negated) for e in code_text(text, lang=lang).events]
    assert not any(e.negated for e in events)


def test_what_someone_should_have_done_is_a_reproach_not_a_demand() -> None:
    """ "said Britain should have warned its allies": owed and not done, it reproaches (111); nothing is demanded."""
    events = code_text("The German minister said Britain should have warned its allies.", lang="en").events
    assert not any(e.root == "10" for e in events), [(e.cameo, e.source_code, e.target_code) for e in events]
    assert any(e.cameo == "111" and e.source_code == "DEUGOV" and e.target_code == "GBR" for e in events)


def test_what_someone_must_have_known_demands_nothing() -> None:
    """ "must have known": the speaker infers; no demand (10x) is made."""
    events = code_text("Russia said the Ukrainian government must have known about the attack.", lang="en").events
    assert not any(e.root == "10" for e in events), [(e.cameo, e.source_code, e.target_code) for e in events]


def test_an_obligation_lifted_is_no_demand() -> None:
    """ "don't have to justify": the obligation is lifted, nothing is demanded (while « ne doit pas » forbids)."""
    events = code_text('The French lawyer told reporters: "Victims do not have to justify their private life."', lang="en").events
    assert not any(e.root == "10" for e in events), [(e.cameo, e.source_code, e.target_code) for e in events]
