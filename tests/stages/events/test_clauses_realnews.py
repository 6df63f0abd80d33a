"""Where an act sits in its sentence, on real-news shapes (sentences written for these tests; real spaCy models)."""

from __future__ import annotations

import pytest

from tocsin import code_text

pytestmark = pytest.mark.slow


def _dyads(events: list) -> list[tuple[str, str | None, str | None]]:
    """What an assertion message shows of events: code, source, target."""
    return [(e.cameo, e.source_code, e.target_code) for e in events]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Saudi Arabia closed its embassy in Beirut on Friday, accusing Hezbollah of smuggling drugs.", "en"),
        ("Israel bombed Gaza overnight, accusing Hamas of firing rockets.", "en"),
        ("L'armée israélienne a bombardé Gaza, accusant le Hamas de tirer des roquettes.", "fr"),
    ],
)
def test_participle_adjunct_after_an_act_is_a_second_act(text: str, lang: str) -> None:
    """ ", accusing X" / « , accusant X » after a clause that reports an act is an accusation of its own (112), besides
    the main act, not an adjunct embedded under it."""
    events = code_text(text, lang=lang).events
    assert any(e.root == "11" for e in events), _dyads(events)
    assert any(e.root in ("16", "19") for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('Iran condemned the American strikes, asking: "who will stop them?', "en"),
        ("Le président iranien a dénoncé les sanctions américaines, demandant : « jusqu'à quand l'Europe va-t-elle se taire ?", "fr"),
    ],
)
def test_quoted_question_after_a_reporting_clause_is_no_question(text: str, lang: str) -> None:
    """A sentence that ends on a quoted question (its quotation closed or not) after a main clause that reports an act
    reports that act; the question is the speaker's words."""
    events = code_text(text, lang=lang).events
    assert any(e.root == "11" and e.source_code and e.source_code.startswith("IRN") for e in events), _dyads(events)


@pytest.mark.parametrize(("text", "lang"), [("Did Russia attack Ukraine?", "en"), ("La Russie a-t-elle attaqué l'Ukraine ?", "fr")])
def test_a_question_is_still_no_report(text: str, lang: str) -> None:
    assert not code_text(text, lang=lang).events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The militias, which support Russia and threaten Ukraine, are based in Donetsk.", "en"),
        ("Les milices, qui soutiennent la Russie et menacent l'Ukraine, sont basées à Donetsk.", "fr"),
    ],
)
def test_verb_coordinated_in_a_relative_clause_is_background(text: str, lang: str) -> None:
    """A verb coordinated with a relative clause's verb shares its relative pronoun: it describes the noun too."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == "13" for e in events), _dyads(events)


def test_main_clause_coordination_after_a_relative_clause_is_kept() -> None:
    events = code_text("Russia, which supports the rebels, attacked Ukraine and threatened Poland.", lang="en").events
    assert {e.root for e in events} >= {"19", "13"}, _dyads(events)


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled the town on Monday, killing five civilians.",
        "Vietnamese forces shelled guerrilla camps near the border today, killing or wounding 50.",
    ],
)
def test_participle_counting_victims_is_the_toll_of_the_act(text: str) -> None:
    """ ", killing five civilians" tells the toll of the shelling: one act, not a second killing."""
    events = code_text(text, lang="en").events
    assert [e.cameo for e in events] == ["194"], _dyads(events)


def test_french_gerund_counting_victims_is_the_toll_of_the_act() -> None:
    """« , tuant cinq civils » after a bombing is its toll, as in English."""
    events = code_text("L'armée a bombardé le village, tuant cinq civils.", lang="fr").events
    assert len([e for e in events if e.root == "19"]) == 1, _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The move comes after the European Union sanctioned Iran last month.", "en"),
        ("Cette décision intervient après que l'Union européenne a sanctionné l'Iran.", "fr"),
    ],
)
def test_clause_of_time_after_a_decision_that_happens_is_the_news(text: str, lang: str) -> None:
    """ "The move comes after X did Y": the subject stands for an act told before, the clause of time is the news."""
    events = code_text(text, lang=lang).events
    assert any(e.root == "16" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The embassy, whose closure had been demanded by the junta, reopened on Monday.", "en"),
        ("L'ambassade, dont la fermeture avait été exigée par la junte, a rouvert lundi.", "fr"),
    ],
)
def test_relative_clause_through_its_subjects_possessor_is_background(text: str, lang: str) -> None:
    """ "whose closure had been demanded", « dont la fermeture avait été exigée »: a relative clause describes its noun."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == "10" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les factions fidèles à la Russie, qui appuie les rebelles et ne reconnaît pas l'Ukraine, ont multiplié les attaques.", "fr"),
    ],
)
def test_second_verb_of_a_relative_clause_taken_as_the_main_verb_is_background(text: str, lang: str) -> None:
    """The parser makes « ne reconnaissent pas » the sentence's verb; coordinated inside the relative clause, it
    describes its noun: no rejection (12)."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == "12" for e in events), _dyads(events)


def test_dont_meaning_including_opens_no_relative_clause() -> None:
    """« les soldats, dont des officiers, ... » counts who is among them: the sentence's verb stays its act."""
    events = code_text("De nombreux soldats, dont des officiers, avaient été mobilisés dans la ville.", lang="fr").events
    assert any(e.root == "15" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "root"),
    [
        (
            "Le président français a évoqué avec son homologue le sort du président malien, placé en résidence surveillée depuis le coup d'État.",
            "fr",
            "17",
        ),
        ("Casualty figures, provided by hospital officials to reporters, exceeded 300.", "en", "07"),
    ],
)
def test_participle_set_off_by_a_comma_describes_its_noun(text: str, lang: str, root: str) -> None:
    """A past participle after a comma describes the noun before it (a state, a source of figures), whatever the noun."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == root for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang", "noun"),
    [
        ("Free elections were one of the four demands of the strikers.", "en", "demands"),
        ("La libération des détenus est l'une des quatre exigences des rebelles.", "fr", "exigences"),
    ],
)
def test_one_of_several_counted_acts_is_an_item_of_a_list(text: str, lang: str, noun: str) -> None:
    """ "one of the four demands": an item of a list told before, a summary, not a new act."""
    events = code_text(text, lang=lang).events
    assert not any(noun in e.trigger for e in events), _dyads(events)


def test_relative_clause_opened_by_a_preposition_is_background() -> None:
    """ "the war, in which the army has killed thousands": the relative clause describes the war."""
    events = code_text("The war, in which the army has killed thousands of civilians, entered its third year.", lang="en").events
    assert not any(e.root == "19" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les civils ont fui vers la frontière après avoir répondu à un appel des rebelles.", "fr"),
    ],
)
def test_event_noun_in_a_nonfinite_clause_of_time_is_background(text: str, lang: str) -> None:
    """ "after responding to an appeal", « après avoir répondu à un appel »: the appeal is background to the flight."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == "02" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The diplomats cite the German minister, who sees the British sanctions as a tool to force Iran to negotiate.", "en"),
        (
            "Les diplomates citent le ministre allemand, qui voit dans les sanctions britanniques un moyen de forcer l'Iran à négocier.",
            "fr",
        ),
    ],
)
def test_acts_named_inside_a_relative_clause_are_background(text: str, lang: str) -> None:
    """An event noun in a relative clause, and a verb embedded below the relative's own verb, describe the noun the
    clause is about: no act is reported (neither the sanctions nor the negotiation)."""
    events = code_text(text, lang=lang).events
    assert not events, _dyads(events)


def test_what_a_relative_clause_speech_verb_reports_is_news() -> None:
    """ "the agency, which adds that X threatened Y": the relative clause only names who reports; the threat is news."""
    events = code_text("The diplomats cite the agency, which adds that the Iranian minister threatened Israel.", lang="en").events
    assert any(e.root == "13" and e.source_code == "IRNGOV" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Finnish president said in a meeting with the Swedish prime minister that the border would stay closed.", "en"),
        ('Macron said in a meeting with Scholz, "we will not send troops".', "en"),
        (
            "Le président finlandais a déclaré au cours d'un entretien avec le Premier ministre suédois que la frontière resterait fermée.",
            "fr",
        ),
    ],
)
def test_talks_held_with_someone_are_no_circumstance(text: str, lang: str) -> None:
    """An event noun that names whom it was held with ("in a meeting with X", « au cours d'un entretien avec X ») is
    an act that took place, not the circumstance of what was said there."""
    events = code_text(text, lang=lang).events
    assert any(e.root == "04" for e in events), _dyads(events)


def test_a_partner_named_far_from_the_noun_belongs_to_another_noun() -> None:
    """ "with Libya" after "along its border" is the border's neighbour, whatever noun the parser hangs it on: the
    deployment called for is still no act of its own."""
    text = "L'Égypte a rejeté mardi un appel de l'Union africaine au déploiement de soldats le long de sa frontière avec la Libye."
    events = code_text(text, lang="fr").events
    assert not any(e.root == "15" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army stayed in the town to stop the rebels from attacking the villages.", "en"),
        ("Les casques bleus ont empêché les miliciens de piller le village.", "fr"),
    ],
)
def test_an_act_that_was_prevented_is_no_act(text: str, lang: str) -> None:
    """What a verb that stops an act governs ("stop X from attacking", « empêché X de piller ») did not happen."""
    events = code_text(text, lang=lang).events
    assert not any(e.root in ("17", "19") for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The opposition wants foreign troops to leave the country.", "en"),
        ("Le gouvernement souhaite que l'armée se retire de la capitale.", "fr"),
    ],
)
def test_an_act_someone_wishes_for_is_no_act(text: str, lang: str) -> None:
    """A clause with its own subject governed by a verb of wish ("wants troops to leave", « souhaite que l'armée se
    retire ») is a wish, not a withdrawal that took place."""
    events = code_text(text, lang=lang).events
    assert not any(e.cameo.startswith("087") for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pour les Européens, lever les sanctions américaines contre la Russie n'est pas envisageable.", "fr"),
    ],
)
def test_an_act_discussed_as_a_topic_is_no_act(text: str, lang: str) -> None:
    """An act named by the subject of a copular clause ("lifting the sanctions is not an option", « lever les
    sanctions n'est pas envisageable ») is weighed, not done: no lifting, nor the sanctions it names."""
    events = code_text(text, lang=lang).events
    assert not any(e.root in ("08", "16") for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The government plans to freeze Russian assets and to expel ten diplomats.", "en"),
        ("L'Union européenne propose d'interdire les importations de gaz russe et de suspendre deux chaînes russes.", "fr"),
    ],
)
def test_a_second_planned_infinitive_is_a_plan_too(text: str, lang: str) -> None:
    """An infinitive joined to one a verb of intent governs ("plans to freeze X and to expel Y", « propose
    d'interdire X et de suspendre Y ») is part of the plan, not an act of its own."""
    events = code_text(text, lang=lang).events
    assert not any(e.cameo in ("161", "1721") for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Quelque 900 soldats français sont actuellement déployés au Tchad.", "fr"),
    ],
)
def test_a_passive_of_the_present_state_is_no_act(text: str, lang: str) -> None:
    """ "are currently deployed", « sont actuellement déployés »: where troops stand now, not a deployment."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == "15" for e in events), _dyads(events)


def test_an_event_noun_inside_a_planned_infinitive_is_no_act() -> None:
    """An event noun inside an infinitive that completes a noun (« le loisir de riposter aux attaques ») belongs to
    what is made possible, not to what is reported."""
    text = "Le gel des combats laisse à l'armée le loisir de riposter aux attaques des rebelles."
    events = code_text(text, lang="fr").events
    assert not any(e.root == "19" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Peace talks between Kyiv and Moscow are scheduled to begin on Monday.", "en"),
        ("La rencontre entre Emmanuel Macron et Olaf Scholz doit débuter lundi à Berlin.", "fr"),
    ],
)
def test_a_scheduled_event_is_not_yet_an_act(text: str, lang: str) -> None:
    """An event noun a verb of schedule makes its subject ("talks are scheduled to begin", « la rencontre doit
    débuter lundi ») is still to come: no meeting or talks are reported."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == "04" for e in events), _dyads(events)


def test_a_rare_habit_adverb_just_after_its_verb_makes_a_habit() -> None:
    """« ne s'exprime que rarement » tells a habit even when the parser hangs the adverb on a word of the next clause."""
    text = (
        "L'armée nigérienne ne s'exprime que rarement sur ses pertes, et la situation sécuritaire au Niger demeure inquiétante depuis 2015."
    )
    events = code_text(text, lang="fr").events
    assert not any(e.root == "01" for e in events), _dyads(events)


def test_the_infinitive_of_a_background_clause_is_background() -> None:
    """What a clause of time opened by « avant que » says its subject managed to do is background, as the clause is."""
    text = "Des tirs nourris ont retenti toute la nuit avant que les soldats tchadiens parviennent à reprendre le contrôle de la base."
    events = code_text(text, lang="fr").events
    assert not any(e.root == "19" for e in events), _dyads(events)


def test_an_aim_in_a_relative_clause_describes_its_noun() -> None:
    """ "the war, in which the Houthis seek to take Marib": what the relative clause says someone aims at describes the
    war; no seizure or threat is reported."""
    text = "The UN envoy is working on a truce in the civil war, in which the rebels seek to retake control of the capital."
    events = code_text(text, lang="en").events
    assert not any(e.root in ("13", "19") for e in events), _dyads(events)


def test_an_absolute_with_construction_is_a_circumstance() -> None:
    """ "With the EU urging ..., companies announced ...": the absolute construction sets the scene; neither its
    participle nor what it urges is an act of the EU."""
    text = "With the European Union urging member states to halt arms sales to Israel, several German companies announced plans to leave the market."
    events = code_text(text, lang="en").events
    assert not any((e.source_code or "").startswith("IGOEU") for e in events), _dyads(events)


def test_a_negation_on_the_auxiliary_before_an_aside_negates_the_verb() -> None:
    """ "had not, as of Monday, announced": the negation hangs on the auxiliary, the aside stands between it and its verb."""
    text = "The Turkish government had not, as of Monday, announced any sanctions against Syria."
    events = code_text(text, lang="en").events
    assert not events, _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Her lawyer travelled to Geneva for the United Nations Human Rights Council session.", "en"),
        ("Selon le ministère, l'ambassadeur français a été accueilli à son retour par le ministre des Affaires étrangères.", "fr"),
    ],
)
def test_a_visit_needs_a_visitor_and_a_host_of_two_sides(text: str, lang: str) -> None:
    """A journey by no coded actor, or a welcome home by one's own government, is no visit between two sides."""
    events = code_text(text, lang=lang).events
    assert not any(e.cameo[:3] in ("042", "043") for e in events), _dyads(events)


def test_a_visit_between_two_sides_is_still_a_visit() -> None:
    events = code_text("The Turkish foreign minister visited Greece on Monday.", lang="en").events
    assert any(e.cameo[:3] == "042" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Villagers are the main victims of the fighting between the Sudanese army and the RSF militia.", "en"),
        (
            (
                "Les habitants du Darfour sont les premières victimes des affrontements entre l'armée soudanaise et les "
                "paramilitaires, qui durent depuis deux ans."
            ),
            "fr",
        ),
    ],
)
def test_the_victims_of_a_conflict_between_two_sides_name_no_act(text: str, lang: str) -> None:
    """ "the victims of the fighting between X and Y": the noun names a conflict whose two sides it gives, as the
    circumstance of what its victims undergo; no clash is reported."""
    events = code_text(text, lang=lang).events
    assert not any(e.root == "19" for e in events), _dyads(events)


def test_the_target_of_an_attack_is_still_an_attack() -> None:
    events = code_text("The camp was the target of an attack by the RSF militia.", lang="en").events
    assert any(e.root == "19" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("American soldiers are in Syria to defeat the Islamic State.", "19"),
        ("French troops are in Chad at the invitation of its government to fight Boko Haram.", "19"),
    ],
)
def test_an_infinitive_of_purpose_after_being_somewhere_is_no_act(text: str, root: str) -> None:
    """ "are in Syria to defeat X": the infinitive says what the presence is for, not an act reported."""
    events = code_text(text, lang="en").events
    assert not any(e.root == root for e in events), _dyads(events)


def test_grounds_cited_for_an_act_do_not_hide_it() -> None:
    """ "has cited public safety to impose a ban": the ban was imposed, the grounds are why; the act stays."""
    events = code_text("The Dutch government has cited public safety to impose a ban on Turkish rallies.", lang="en").events
    assert any(e.root == "17" and e.source_code == "NLDGOV" for e in events), _dyads(events)


def test_agreeing_with_a_view_is_no_agreement() -> None:
    """ "X agreed, saying ...": nothing agreed to, on or with; X shares a view, no agreement between sides (030)."""
    events = code_text("Kenyan President Uhuru Kenyatta agreed, saying the attack was the work of al-Shabaab.", lang="en").events
    assert not any(e.root == "03" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        ("Kenya and Somalia agreed, saying the border would reopen.", ("03",)),
        ("Iraq agreed, saying it would hand the suspect over to Turkey.", ("03", "08")),
        ("The Kenyan president agreed to a ceasefire with the rebels.", ("03", "08")),
    ],
)
def test_agreeing_between_sides_or_to_something_is_still_an_agreement(text: str, roots: tuple[str, ...]) -> None:
    events = code_text(text, lang="en").events
    assert any(e.root in roots for e in events), _dyads(events)


def test_a_passive_tie_is_a_state_not_an_alliance() -> None:
    """ "has long been allied with": a tie described, not an act of alliance; its subject is no one's target."""
    events = code_text("Britain has long been allied with Portugal.", lang="en").events
    assert not any(e.root == "05" for e in events), _dyads(events)


def test_occasions_counted_by_an_existential_are_a_habit() -> None:
    events = code_text('"There were many times that the Israeli prime minister and I disagreed," Obama said.', lang="en").events
    assert not any(e.root == "11" for e in events), _dyads(events)


def test_a_reported_clause_told_as_earlier_is_background() -> None:
    """ "said it had previously received assurances": the assurances are background to what is said, not news."""
    events = code_text("Iran said it had previously received assurances from China.", lang="en").events
    assert not any(e.root == "03" for e in events), _dyads(events)


def test_a_participle_of_speaking_that_frames_the_verb_is_no_statement() -> None:
    """ "X speaking to a think tank called Y ...": however the parser hangs it, the participle is the frame of the
    finite verb's act, not a statement of its own."""
    text = 'Chinese foreign minister Wang Yi speaking to the Council on Foreign Relations think tank called the sanctions "unacceptable".'
    events = code_text(text, lang="en").events
    assert not any(e.trigger == "speaking" for e in events), _dyads(events)


@pytest.mark.parametrize(
    "text",
    [
        "The agreement would allow Syrian refugees visiting Lebanon to be returned to Syria.",
        "The new law would allow Chinese citizens visiting Taiwan to be sent back to China.",
    ],
)
def test_people_a_hypothetical_law_would_concern_make_no_visit(text: str) -> None:
    """ "a law would allow refugees visiting Lebanon to be returned": who the participle describes is hypothetical."""
    events = code_text(text, lang="en").events
    assert not any(e.root == "04" for e in events), _dyads(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Algerian protest began outside the university in Algiers but later moved to the ministry.",
        "The Kenyan protest started outside parliament and spread to other cities.",
    ],
)
def test_the_course_of_an_event_told_before_is_no_new_act(text: str) -> None:
    """ "The protest began ... and later moved": an event noun with a definite article as the subject of a verb of its
    course is the story of an event told before, not a new protest."""
    events = code_text(text, lang="en").events
    assert not any(e.root == "14" for e in events), _dyads(events)


def test_an_event_noun_with_an_indefinite_article_that_begins_is_news() -> None:
    events = code_text("A protest began outside the Russian embassy in Kyiv on Monday.", lang="en").events
    assert any(e.root == "14" for e in events), _dyads(events)


def test_words_said_earlier_in_an_incise_are_background() -> None:
    """« ..., avait indiqué auparavant le ministère »: the incise says the words were said before; they recall, no
    new statement."""
    events = code_text("L'armée avait quitté Bamako mardi, avait indiqué auparavant le ministère français.", lang="fr").events
    assert not any(e.root == "01" for e in events), _dyads(events)


def test_what_a_founding_text_says_is_a_standing_rule() -> None:
    """ "The UN charter prohibits the use of force": a founding text's present is a rule that stands, no ban imposed."""
    events = code_text("The UN charter prohibits the use of force against another state, a UN spokesman said.", lang="en").events
    assert not any(e.root == "17" for e in events), _dyads(events)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The analyst said questions remain how much Russian assistance is received by the rebels.", "07"),
        ("It is unclear whether Turkish troops fired on the convoy.", "19"),
    ],
)
def test_an_open_question_reports_no_act(text: str, root: str) -> None:
    """ "questions remain how much aid is received", "it is unclear whether troops fired": the clause is asked about."""
    events = code_text(text, lang="en").events
    assert not any(e.root == root for e in events), _dyads(events)


def test_a_clause_of_manner_after_a_verb_of_telling_is_still_news() -> None:
    events = code_text("He described how soldiers attacked the village.", lang="en").events
    assert any(e.root == "19" for e in events), _dyads(events)
