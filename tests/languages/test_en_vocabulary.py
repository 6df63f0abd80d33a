"""General English news vocabulary of the coder (tocsin/languages/en): each family of acts is coded.

Sentences written for these tests; real spaCy model (en_core_web_sm).
"""

from __future__ import annotations

import pytest

from tocsin import code_text

pytestmark = pytest.mark.slow


def _codes(text: str) -> set[str]:
    return {e.cameo for e in code_text(text, lang="en").events}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # designating or labelling as terrorists is a denunciation (111)
        ("Washington designated the militia as a terrorist organisation.", "111"),
        ("The Canadian government labelled the militia as terrorists.", "111"),
        # characterising an act as a violation, a crime: criticism (111)
        ("The Kenyan foreign ministry characterised the raid as a violation of its sovereignty.", "111"),
        ("The Chilean government characterized the decision as illegal.", "111"),
        ("The Turkish president portrayed the Kurdish militia as terrorists.", "111"),
        # attacking a decision, a report "as" something is a verbal attack (111), not force
        ("The French president attacked the government's decision to close the border.", "111"),
        ("The Russian foreign ministry attacked the report as propaganda.", "111"),
        ("Russia attacked the report as a hoax.", "111"),
        ("China attacked the new American policy on Taiwan.", "111"),
        # stopping flights, imports or a foreign airline's permit is an embargo (163)
        ("The German government suspended the Iranian airline's operating permit.", "163"),
        ("The Brazilian government prohibited flights to Venezuela.", "163"),
        # release on bail or from custody (0841)
        ("A Cairo court released the former minister from custody.", "0841"),
        ("Police released the suspect on bail.", "0841"),
        ("A Kenyan judge granted bail to the opposition senator.", "0841"),
        # blame as a noun is an accusation (112)
        ("Iraqi officials put the blame on Iran.", "112"),
        # a statement that calls what it reports an affront, a hoax, unconstitutional criticises (111)
        ("The Greek foreign minister said it was an affront to Greece.", "111"),
        ("The Iranian foreign minister said the claims were a hoax.", "111"),
        ("The Venezuelan president said the ruling was unconstitutional.", "111"),
        # stepping up cooperation is cooperation (06), not a troop build-up
        ("Vietnam has increased cooperation with the navies of Japan and India.", "060"),
        # joining a military alliance or exercises (062)
        ("Finland joined NATO in April.", "062"),
        ("The Indian navy joined the exercises with Japan.", "062"),
        # regretting a mistake is an apology (055)
        ("The Iraqi government deeply regrets this mistake.", "055"),
        # restrictions or a ban on flights, imports, exports: embargo (163)
        ("The Canadian government announced new restrictions on flights to China.", "163"),
        ("The Russian government imposed a ban on imports of Polish apples.", "163"),
        ("The European Union announced a ban on exports of luxury goods to Russia.", "163"),
        # tear-gassing protesters is repression (175); blocking access to a website restricts freedoms (1721)
        ("Indian police tear-gassed protesters in Delhi.", "175"),
        ("Russian authorities blocked access to Twitter.", "1721"),
        # returning cultural property (0842)
        ("The Dutch government returned looted antiquities to Nigeria.", "0842"),
        ("The French government returned the statues to Benin.", "0842"),
        # troops remaining on alert (152), workers stopping work (143), a mediation effort (045)
        ("Israeli troops remained on alert amid heightened tensions.", "152"),
        ("Amazon workers in Germany stopped work on Tuesday.", "143"),
        ("Kuwait launched a mediation effort between the two parties.", "045"),
        ("Russia waged cyberwarfare against Ukraine.", "170"),
        # workers starting or continuing a strike, a hunger strike: strikes (143, 142), not attacks
        ("French rail workers started a strike on Monday.", "143"),
        ("Teachers continued their strike for a third week.", "143"),
        ("The Syrian MP started a hunger strike to protest.", "142"),
        ("Chechen refugees are continuing a hunger strike.", "142"),
        # suspending air links, prohibiting aid, denying entry
        ("Italy announced a suspension of air links with Serbia.", "163"),
        ("The United States prohibited aid to the rebels.", "162"),
        ("The Russian government denied entry to the British journalist.", "172"),
        # suspending humanitarian aid "because of fighting" or "in protest" is still an aid cut (1623)
        ("The European Commission has suspended humanitarian aid to Gaza because of fighting among factions.", "1623"),
        ("The European Commission suspended humanitarian aid to Kabul in protest at the harassment of aid groups.", "1623"),
        # cutting or rolling back tariffs eases economic sanctions (085)
        ("The U.S. rolled back tariffs on Chinese goods.", "085"),
        ("Japan cut tariffs on US farm goods.", "085"),
        # denying permission rejects (120); denying bail refuses a release (1243)
        ("The Indian government has denied permission to the rally.", "120"),
        ("A Russian court denied bail to the opposition leader.", "1243"),
        # rejecting a peace plan "amid claims" of something rejects the plan (127), it denies no accusation
        ("The Turkish government rejected the peace plan amid claims of violations.", "127"),
        # evacuating the wounded "from a town" is humanitarian aid (073), not a military retreat
        ("U.N. helicopters evacuated the wounded from the besieged town on Friday.", "073"),
        # cautioning is a statement (010)
        ("The Chilean president cautioned that the recovery would be slow.", "010"),
        # verbs and nouns of disparaging criticism (111)
        ("The Brazilian president scolded the central bank.", "111"),
        ("The opposition leader belittled the government's plan.", "111"),
        ("The Polish prime minister denigrated the European Commission.", "111"),
        ("The Iranian foreign minister launched a tirade against Saudi Arabia.", "111"),
        ("The German chancellor took a swipe at the American president.", "111"),
        # naming as a betrayal or an insult, calling someone a liar criticises (111)
        ("The French government called the decision a stab in the back.", "111"),
        ("The Mexican government described the tariffs as a slap in the face.", "111"),
        ("The Turkish president called the American senator a liar.", "111"),
        ("The senator said the president was a liar.", "111"),
        ("The Greek government said the Turkish move was impulsive.", "111"),
        ("The Iranian foreign minister hurled insults at the Saudi government.", "111"),
        # ordering or proclaiming days of mourning honours the dead (017)
        ("The Thai government ordered seven days of national mourning.", "017"),
        ("The Kenyan president proclaimed three days of mourning.", "017"),
        # bomb blasts, bomb attacks are bombings (183), a suicide blast a suicide bombing (1831)
        ("A bomb blast by the Taliban killed five soldiers in Kabul.", "183"),
        ("A suicide blast by the Taliban killed twelve Afghan soldiers.", "1831"),
        # raising an issue with someone consults (040); ordering an alert raises readiness (152)
        ("The British foreign secretary raised the issue with the American ambassador.", "040"),
        ("The Philippine defence minister ordered a heightened alert.", "152"),
        # troops defeating a force fight (190)
        ("American troops defeated the Islamic State in Raqqa.", "190"),
        # murder, terrorism charges accuse of a crime (1121)
        ("The Turkish prosecutor announced terrorism charges against the journalists.", "1121"),
        # the target, the victims of an attack: the attack is the act, not a circumstance
        ("The Iraqi base was the target of a rocket attack by Iranian-backed militias.", "194"),
        ("The Saudi embassy was the target of criticism from Iran.", "111"),
        ("The journalists were victims of a bombing by the Taliban.", "183"),
        # poisoning a person attempts their life (185); poisoning to death assassinates (186)
        ("Russian agents poisoned the opposition leader with a nerve agent.", "185"),
        ("The defector was poisoned to death by Russian agents.", "186"),
    ],
)
def test_family_is_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_physical_attack_stays_force() -> None:
    """Attacking positions or a town is still force (19), not a verbal attack."""
    codes = _codes("Ukrainian forces attacked Russian positions near the town.")
    assert "190" in codes and "111" not in codes


def test_troop_increase_stays_posture() -> None:
    assert "154" in _codes("The Philippine army increased its troops in the south.")


def test_travel_restrictions_stay_administrative() -> None:
    codes = _codes("The Chinese government imposed restrictions on travel.")
    assert "172" in codes and "163" not in codes


def test_gassing_civilians_and_blocking_aid_keep_their_codes() -> None:
    assert "2041" in _codes("Syrian government forces gassed civilians in Douma.")
    assert "1245" in _codes("The Israeli army blocked humanitarian access to Gaza.")


def test_stopping_work_on_a_project_is_no_strike() -> None:
    assert "143" not in _codes("The Spanish government stopped work on the dam.")


def test_armed_strikes_stay_attacks() -> None:
    assert "190" in _codes("The Russian army continued its strikes on Kharkiv.")
    assert "016" in _codes("The Russian government denied the allegations.")


def test_suspending_an_offensive_stays_de_escalation() -> None:
    assert "087" in _codes("The army suspended its offensive to allow aid deliveries.")


def test_rejecting_accusations_stays_denial() -> None:
    assert "016" in _codes("The Chinese government rejected the accusations.")


def test_evacuating_positions_stays_retreat() -> None:
    assert "0874" in _codes("Russian forces evacuated their positions near Kherson.")


def test_calling_a_crisis_the_worst_asks_for_nothing() -> None:
    codes = _codes("The United Nations called the resulting humanitarian crisis the worst in the world.")
    assert not any(c.startswith("02") for c in codes)
    assert "0233" in _codes("The Red Cross called for food and medicine for Gaza.")


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces attacked the town as part of a new offensive.",
        "Russian troops attacked the town after the decision to annex it.",
    ],
)
def test_armed_attack_as_part_of_an_offensive_stays_force(text: str) -> None:
    codes = _codes(text)
    assert "190" in codes and "111" not in codes


def test_designating_a_minister_is_no_denunciation() -> None:
    assert "111" not in _codes("The Indonesian president designated the general as security minister.")


def test_signing_a_decree_is_no_agreement() -> None:
    assert "057" not in _codes("The French president signed a decree on pensions.")
    assert "057" in _codes("The Greek government signed on to the agreement with Israel.")


def test_stabbing_in_the_back_stays_assault() -> None:
    codes = _codes("Kurdish forces stabbed the soldier in the back.")
    assert "182" in codes and "111" not in codes


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # running for office appeals to no one (020)
        ("The former governor sought the Republican Party's nomination.", "020"),
        ("The senator is seeking a third term.", "020"),
        # demonstrating a quality or a lack is no protest (141)
        ("The French government demonstrated a lack of understanding of the crisis.", "141"),
        ("The Russian army demonstrated its capability to strike deep.", "141"),
        # ending an election campaign is no ceasefire (087); leaving court is no withdrawal from a treaty (160)
        ("The senator ended her presidential campaign on Monday.", "087"),
        ("Supreme Court Justice Ginsburg died, leaving an opening on the Court.", "160"),
        # giving evidence in court testifies (010), it is no yielding (080)
        ("The French minister gave evidence in court.", "080"),
    ],
)
def test_idiom_is_no_act(text: str, cameo: str) -> None:
    assert cameo not in _codes(text)


def test_protest_and_appeal_keep_their_codes() -> None:
    assert "141" in _codes("Thousands demonstrated against the government in Paris.")
    assert "022" in _codes("The Ukrainian government sought the support of Poland.")


def test_defeating_a_candidate_is_no_fighting() -> None:
    assert "190" not in _codes("Biden defeated Trump in Pennsylvania.")
    assert "110" in _codes("China raised objections with the United Nations.")


def test_questioning_an_official_is_investigation_by_investigators_only() -> None:
    assert "090" not in _codes("Prime Minister Johnson was questioned about the case by reporters.")
    assert "090" in _codes("Israeli police questioned the prime minister over corruption allegations.")


def test_chemical_weapons_stay_chemical_weapons() -> None:
    assert "2041" in _codes("Syrian government forces used chemical weapons against civilians.")


def test_ending_a_bombing_campaign_or_leaving_a_council_keep_their_codes() -> None:
    assert "087" in _codes("NATO ended its bombing campaign in Libya.")
    assert "160" in _codes("The United States left the Human Rights Council.")
    assert "010" in _codes("The French minister gave evidence in court.")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # verbs of provoking: their subject undergoes the reaction noun they take
        ("The Israeli prime minister's remarks sparked condemnation from Turkey.", "ISRGOV"),
        ("The French president's plan provoked criticism from Germany.", "FRAGOV"),
    ],
)
def test_provoking_a_reaction_targets_the_subject(text: str, target: str) -> None:
    events = [e for e in code_text(text, lang="en").events if e.root == "11"]
    assert events and events[0].target_code == target


def test_court_attacking_a_law_is_verbal() -> None:
    codes = _codes("The Supreme Court attacked the law.")
    assert "111" in codes and "190" not in codes


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # tendering, submitting, handing in one's resignation is resigning (0831), not yielding (080)
        ("The French minister submitted his resignation on Tuesday.", "0831"),
        ("The French minister handed in his resignation.", "0831"),
        # calling, ruling an agreement or a vote null and void, invalid: rejection (120)
        ("The Greek foreign minister called the Turkish-Libyan deal null and void.", "120"),
        ("The opposition called the election results invalid.", "120"),
        ("The Bolivian electoral court declared the vote invalid.", "120"),
    ],
)
def test_resignation_and_voiding_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_submitting_and_calling_for_a_deal_keep_their_codes() -> None:
    assert "080" in _codes("The rebels submitted to the government.")
    assert "027" in _codes("The Greek government called for a deal with Turkey.")
    assert "0831" not in _codes("The French minister submitted a bill to parliament.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # seizing an opportunity is no confiscation (1711)
        ("The Turkish government seized the opportunity to expand its influence.", "1711"),
        ("The Russian president seized the chance to visit Serbia.", "1711"),
        # commercial offers and comfort or input are no offer of cooperation (030) or aid (070)
        ("American airlines offer flights to Cuban cities.", "030"),
        ("The Chinese embassy offered scholarships to Kenyan students.", "030"),
        ("The French minister's visit provided comfort to the victims' families.", "070"),
        ("The Indian prime minister provided input on the draft.", "070"),
    ],
)
def test_commercial_or_figurative_object_is_no_act(text: str, cameo: str) -> None:
    assert cameo not in _codes(text)


def test_seizing_goods_and_offering_aid_keep_their_codes() -> None:
    assert "1711" in _codes("The Turkish army seized weapons from the rebels.")
    assert "033" in _codes("Germany offered help to Italy.")
    assert "073" in _codes("The Indian government provided medical services to the refugees.")


@pytest.mark.parametrize(
    ("text", "cameo", "absent"),
    [
        # helping broker or negotiate a deal is mediation (045) or negotiation (046), not aid (070)
        ("The American envoy helped broker a deal between Israel and Bahrain.", "045", "070"),
        ("The Norwegian foreign minister helped mediate the talks.", "045", "070"),
        ("The Norwegian foreign minister helped negotiate the peace agreement.", "046", "070"),
    ],
)
def test_helping_mediate_is_mediation(text: str, cameo: str, absent: str) -> None:
    codes = _codes(text)
    assert cameo in codes and absent not in codes


def test_considering_a_run_is_no_policy_option_and_help_stays_aid() -> None:
    assert "014" not in _codes("The French governor is considering a run for the presidency.")
    assert "070" in _codes("The German government helped Greece.")


@pytest.mark.parametrize(
    "text",
    [
        # naming an actor with an insult (an embarrassment, a racist, a demagogue, a clown) criticises (111)
        'The Mexican president called the American president a "national embarrassment" for his remarks.',
        "The Turkish president called the Dutch prime minister a racist.",
        "The Brazilian president called the French president a demagogue.",
        "The Hungarian prime minister called the European commissioner a clown.",
    ],
)
def test_naming_with_an_insult_is_criticism(text: str) -> None:
    assert "111" in _codes(text)


def test_naming_without_an_insult_is_no_criticism() -> None:
    assert "111" not in _codes("The Brazilian president called the fires a tragedy.")


@pytest.mark.parametrize(
    "text",
    [
        # a news agency calling (projecting) a race for a candidate makes no appeal (020)
        "The Associated Press called the presidential race for the Democratic candidate.",
        "CNN called the race in Georgia for the Democratic senator.",
    ],
)
def test_calling_a_race_is_no_appeal(text: str) -> None:
    assert "020" not in _codes(text)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # an embassy, a port or an agency suspending operations stops work: no ceasefire (087)
        ("The Canadian embassy in Beirut suspended operations after the explosion.", "087"),
        ("The Kenyan ports authority halted operations during the storm.", "087"),
        # meeting a deadline or a target is no meeting (040), failing to is no refusal (125)
        ("The Greek government failed to meet the deadline set by its creditors.", "125"),
        ("The Greek government failed to meet the deadline set by its creditors.", "040"),
        ("The Italian government met its deficit target last year.", "040"),
    ],
)
def test_operations_and_deadlines_are_no_act(text: str, cameo: str) -> None:
    assert cameo not in _codes(text)


def test_military_operations_and_meetings_keep_their_codes() -> None:
    assert "087" in _codes("Turkish forces halted military operations in northern Syria.")
    assert "040" in _codes("The French president met the German chancellor in Berlin.")
    assert "083" in _codes("The Sudanese government met the demands of the protesters.")


def test_novichok_poisoning_is_an_attempt_on_a_life() -> None:
    codes = _codes("Russian agents poisoned the opposition leader with Novichok, the German government said.")
    codes |= _codes("German doctors found Novichok in the blood of the Russian opposition leader.")
    assert "185" in codes and "2041" not in codes


def test_troops_leaving_a_country_withdraw() -> None:
    # an armed source leaving a country or a town pulls out (0874)
    assert "0874" in _codes("Russian troops left Kherson in November.")
    assert "0874" in _codes("The last British soldiers left Afghanistan on Monday.")


def test_leaving_a_city_or_encouraging_trade_is_no_act() -> None:
    # a president leaving a city travels; encouraging trade or investment appeals to no one (020)
    assert "0874" not in _codes("The French president left Berlin on Monday.")
    assert "020" not in _codes("The Indian government wants to encourage investment in the north-east.")
    assert "020" not in _codes("One aim of the Kenyan-Ugandan agreement is to encourage more trade.")
    assert "020" in _codes("The German chancellor encouraged Greece to hold talks with Turkey.")


@pytest.mark.parametrize(
    "text",
    [
        # backing or supporting rebels, a militia, separatists is material support of an armed group (070)
        "Russia backs separatists in eastern Ukraine.",
        "According to the Lebanese minister, the militia is backed by Syria.",
        "Turkey supported the rebels in northern Syria.",
    ],
)
def test_backing_an_armed_group_is_aid(text: str) -> None:
    codes = _codes(text)
    assert "070" in codes and "051" not in codes


def test_backing_a_proposal_stays_verbal_support() -> None:
    codes = _codes("The French president backed the German proposal.")
    assert "051" in codes and "070" not in codes


def test_deploying_software_or_preparations_is_no_mobilisation() -> None:
    # deploy with no troops or weapons named mobilises (154) only for an armed source
    assert "154" not in _codes("The Kenyan health ministry deployed new software in its hospitals.")
    assert "154" not in _codes("The German hospital has deployed all the necessary preparations.")


def test_deploying_troops_or_the_guard_is_mobilisation() -> None:
    assert "154" in _codes("The Minnesota governor deployed the National Guard.")
    assert "154" in _codes("The Syrian army began deploying near the Turkish border.")
    assert "154" in _codes("France deployed two warships to the eastern Mediterranean.")


@pytest.mark.parametrize(
    "text",
    [
        # "give ... in <place, date>" is no yielding (080): only giving in to pressure, demands, or giving way is
        "The Iranian journalist gave birth in prison.",
        "The Libyan government gave the company access in May.",
    ],
)
def test_giving_something_in_a_place_is_no_yielding(text: str) -> None:
    assert "080" not in _codes(text)


def test_giving_in_to_demands_yields() -> None:
    assert "080" in _codes("The Serbian government gave in to the demands of the protesters.")
    assert "080" in _codes("The Greek government gave in to pressure from its creditors.")


@pytest.mark.parametrize(
    "text",
    [
        # a president's or a government's campaign rally is no demonstration (141)
        "The American president held a campaign rally in Ohio.",
        "The Brazilian president attended a rally in Sao Paulo.",
    ],
)
def test_campaign_rally_is_no_protest(text: str) -> None:
    assert "141" not in _codes(text)


def test_rally_by_the_opposition_or_citizens_is_a_demonstration() -> None:
    assert "141" in _codes("The Belarusian opposition leader held a rally in Minsk.")
    assert "141" in _codes("Thousands of students held a rally outside the Serbian parliament.")
    assert "141" in _codes("The Kenyan opposition staged a rally in Nairobi.")


@pytest.mark.parametrize(
    "text",
    [
        # "raped" is lemmatised "rap": with a person object (me, him, boys, students) it is rape (1821), no criticism (111)
        'The Kenyan woman told reporters, "two police officers raped me".',
        "A Chilean priest raped two students.",
    ],
)
def test_raping_a_person_is_sexual_assault(text: str) -> None:
    codes = _codes(text)
    assert "1821" in codes and "111" not in codes


def test_rapping_a_state_stays_criticism() -> None:
    assert "111" in _codes("The UN rapped Israel over the settlements.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # a candidate suspending a campaign quits a race: no protest suspended (082)
        ("The American senator suspended her presidential campaign on Sunday.", "082"),
        # officers suspended from duty: no sanctions eased (085)
        ("Two French police officers were suspended from duty.", "085"),
        # a court vacating a conviction: no military retreat (0874)
        ("An American appeals court vacated the conviction of the former governor.", "0874"),
    ],
)
def test_campaigns_duty_and_convictions_are_no_act(text: str, cameo: str) -> None:
    assert cameo not in _codes(text)


def test_strikes_duties_and_positions_keep_their_codes() -> None:
    assert "082" in _codes("The Kenyan teachers' union suspended its strike.")
    assert "085" in _codes("China suspended additional duties on American cars.")
    assert "0874" in _codes("Russian troops vacated their positions near Kyiv.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # sentencing to prison is legal action against the person (173); a guilty verdict stays 116
        ("A court in Cairo sentenced the Egyptian activist to five years in prison.", "173"),
        # claiming an attack claims responsibility for it (015)
        ("The Islamic State group claimed the bombing in Kabul.", "015"),
        ("The attack on the Kenyan base was claimed by al-Shabaab.", "015"),
        # sending or offering thoughts and prayers is condolence (018)
        ("The American president sent his thoughts and prayers to the people of Turkey.", "018"),
        ("The French president offered his prayers to the families of the victims.", "018"),
        # undertaking a mediation mediates (045); establishing diplomatic ties recognises (054)
        ("The Norwegian foreign minister undertook a mediation mission between Ethiopia and Eritrea.", "045"),
        ("Chile has established diplomatic ties with Vietnam.", "054"),
        # denying funding, asylum, an allocation rejects a request (120), it denies no accusation
        ("The city council in Ankara denied funding for the new Greek school.", "120"),
        ("The Danish government denied asylum to the Syrian dissident.", "120"),
        # expecting an apology, assurances, an explanation from someone demands them (100)
        ("The Japanese government expects an apology from North Korea.", "100"),
        ("We expect from Germany a clear answer, the Greek minister said.", "100"),
        # reneging on a deal rejects the agreement (127)
        ("The Zambian government reneged on its agreement with the IMF.", "127"),
        # abusing refugees, immigrants, protesters assaults them (182), as abusing prisoners does
        ("Greek police sexually abused the refugees, a rights group said.", "182"),
        # opening a hearing into something investigates it (090)
        ("The Israeli supreme court opened a hearing into the legality of the detentions.", "090"),
        # contributing troops to a mission is peacekeeping (074); returning seized weapons returns property (0842)
        ("The Kenyan army contributed 500 troops to the African Union mission in Somalia.", "074"),
        ("The Sierra Leone rebels returned the weapons seized from the peacekeepers.", "0842"),
        # sharing expertise is sharing information (064)
        ("Afghanistan has been sharing expertise with the Tamil Tigers.", "064"),
    ],
)
def test_envoc_family_is_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_approval_a_plan_requires_is_no_act() -> None:
    """The noun approval alone is no endorsement ("would require its approval"); giving approval still is (051)."""
    assert "010" in _codes("The Egyptian ministry said that the project would require its approval.")
    assert "051" in _codes("The French government gave its approval to the Spanish plan.")


def test_abusing_an_office_is_no_assault() -> None:
    assert "182" not in _codes("The Nigerian minister abused his office.")


def test_expecting_a_decision_is_no_demand() -> None:
    assert "100" not in _codes("The French minister expects a decision from the court next week.")


def test_denying_an_enemy_victory_is_no_denial() -> None:
    assert "016" not in _codes("Kenyan police denied the terrorists any victory.")
    assert "016" in _codes("The Ukrainian army denied the Russian claims.")


def test_calling_someone_to_join_is_an_appeal_for_cooperation() -> None:
    """'called (on) X to join' appeals for cooperation (021), also in the passive with no one named who calls."""
    assert "021" in _codes("Spain and Portugal were called to join the new alliance.")
    assert "021" in _codes("The Chinese foreign minister called on Pakistan to join the project.")


def test_tendering_a_resignation_is_a_resignation() -> None:
    events = code_text("The interior minister tendered his resignation to the French president on Monday.", lang="en").events
    assert any(e.cameo == "0831" and e.rule == "en.verb.en.tender.resignation" for e in events)


def test_complies_is_the_verb_comply() -> None:
    """en_core_web_sm reads "complies" as a noun "complie": the lemma fix makes it the verb comply (080)."""
    assert "080" in _codes("The Kenyan opposition complies with the ruling of the court.")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president remarked that the economy was growing.",
        "The Iranian foreign minister clarified that the offer still stood.",
    ],
)
def test_remark_and_clarify_are_statements(text: str) -> None:
    assert "010" in _codes(text)


def test_highlight_is_no_statement() -> None:
    """What highlights is as often a fact as a speaker ("the nomination highlighted these questions"): not 010."""
    assert "010" not in _codes("Her nomination by the Kenyan president further highlighted these questions.")


def test_calling_off_a_search_is_no_concession() -> None:
    assert "080" not in _codes("The Greek coast guard called off its search for the missing migrants on Tuesday.")
    assert "080" in _codes("The Greek government called off the talks with Turkey.")


def test_offering_a_reward_is_no_offer_of_aid() -> None:
    assert "0331" not in _codes("The US State Department offered a reward of up to $5 million for information on the Iranian commander.")
    assert "0331" in _codes("The US State Department offered $5 million in aid to Lebanon.")


def test_an_order_delaying_an_election_is_no_reduced_relations() -> None:
    """The noun a participle describes is no object of its verb ("an order delaying the election")."""
    assert "160" not in _codes("The Canadian governor signed an executive order delaying the election until June.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # leaving a treaty or an agreement renounces it: a rejection of the agreement (127) ...
        ("The United States withdrew from the nuclear deal with Iran in 2018.", "127"),
        ("Russia pulled out of the arms control treaty last year.", "127"),
        ("North Korea quit the nuclear non-proliferation treaty.", "127"),
        # ... leaving an alliance or an organisation reduces relations (160)
        ("The British government left the European Union in January.", "160"),
        ("Burundi withdrew from the International Criminal Court.", "160"),
    ],
)
def test_leaving_an_agreement_rejects_it_leaving_an_organisation_reduces_relations(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_claiming_lives_is_no_claim() -> None:
    """A conflict or an epidemic that claims lives kills: no claim (010) by the country it strikes."""
    assert "010" not in _codes("The civil war in Yemen has claimed more than 10,000 lives.")
    assert "010" in _codes("The Yemeni government claimed that the economy was growing.")


def test_delivering_a_list_or_a_verdict_is_no_aid() -> None:
    assert "070" not in _codes("Neither US nor British authorities delivered a complete list of the countries.")
    assert "070" not in _codes("The Kenyan court delivered its verdict on Tuesday.")


def test_receiving_a_delegate_is_no_visit() -> None:
    """In a primary a candidate receives delegates: only a delegation or a visitor is received as a host (043)."""
    assert "043" not in _codes("Former Massachusetts governor Bill Weld received the other delegate in Iowa.")
    assert "043" in _codes("The Egyptian president received a delegation from Sudan.")


def test_hosting_a_championship_is_no_visit() -> None:
    assert "043" not in _codes("Iran hosted the 2017 Women's World Chess Championship.")
    assert "043" in _codes("The Egyptian president hosted his Sudanese counterpart in Cairo.")


@pytest.mark.parametrize(
    "text",
    [
        "The Slovak prime minister has cancelled all upcoming events.",
        "The Norwegian order for a fire robot from Oslo was cancelled on Tuesday.",
    ],
)
def test_cancelling_an_event_or_an_order_is_no_reduced_relations(text: str) -> None:
    """Only a visit, talks, a deal, flights, exercises cancelled reduce relations (160), not an event or a purchase order."""
    assert "160" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "He entered the Saudi consulate in Istanbul, seeking documents for his marriage.",
        "The French president sought a more federal European Union.",
        "The Supreme Court sought to determine whether the officials had committed fraud.",
    ],
)
def test_seeking_a_thing_or_to_do_something_is_no_appeal(text: str) -> None:
    """'seek' asks someone only for a request's object (an explanation, compensation, refuge): trying or looking is no 020."""
    assert "020" not in _codes(text)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Kenyan government sought an explanation from the British ambassador.", "020"),
        ("Some 800,000 Iraqi Kurds sought refuge in Germany last month.", "023"),
    ],
)
def test_seeking_an_explanation_or_refuge_is_an_appeal(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # handing over medicine, money or aid is aid (07), not a handover of people or property (084)
        ("Swiss doctors handed over 700 kg of medicine to the Red Crescent in Kenya.", "073"),
        ("The Qatari envoy handed over $20 million to the Palestinian government.", "071"),
        # cancelling, scrapping, abolishing restrictions or a ban eases them (081)
        ("The Latvian court cancelled restrictions on the use of the Russian language.", "081"),
        ("The Chinese government scrapped the travel restrictions on Monday.", "081"),
        ("The Saudi government abolished the ban on women driving.", "081"),
    ],
)
def test_handing_over_aid_and_cancelling_restrictions(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_preventing_a_protest_restricts_freedoms() -> None:
    assert "1721" in _codes("Turkish police prevented the demonstration staged by students at the university.")


def test_shortening_a_curfew_eases_it() -> None:
    assert "0813" in _codes("The Sudanese president shortened the nightly curfew by one hour.")


def test_an_attempt_to_kill_is_an_assassination_attempt() -> None:
    assert "185" in _codes("Gunmen made an attempt to kill the Kenyan opposition leader in Nairobi.")


def test_who_survives_an_attack_is_its_target() -> None:
    events = code_text("The Kenyan opposition leader survived an assassination attempt in Nairobi.", lang="en").events
    attempts = [e for e in events if e.cameo == "185"]
    assert attempts and all(e.target_code == "KENOPP" and e.source_code != "KENOPP" for e in attempts)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Kyrgyz prime minister received a mission of observers from the OSCE.", "0862"),
        ("The Iranian government received IAEA inspectors in Tehran on Monday.", "0862"),
    ],
)
def test_receiving_observers_or_inspectors_allows_international_involvement(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Thai king considered it inappropriate for royals to run for office.",
        "The European Union considers the pipeline a project of common interest.",
    ],
)
def test_considering_something_so_is_a_judgement_not_a_policy_option(text: str) -> None:
    assert "014" not in _codes(text)


def test_considering_doing_something_is_a_policy_option() -> None:
    assert "014" in _codes("The Scottish first minister said she was considering making face coverings compulsory.")


@pytest.mark.parametrize(
    "text",
    ["Reporters asked the Kenyan president questions about the election.", "The Kenyan senator asked a question about the budget."],
)
def test_asking_questions_is_no_appeal(text: str) -> None:
    assert not {c for c in _codes(text) if c.startswith("02")}


def test_declining_as_falling_is_no_rejection() -> None:
    """ "the population has declined 40%": a fall, not a rejection; "declined the proposal", "declined the request"
    are."""
    assert not _codes("The population of penguins in Argentina has declined 40% since 1987.")
    assert "120" in _codes("Russia declined the proposal on Monday.")
    assert "120" in _codes("The American embassy declined the request from British police.")


def test_police_interviewing_someone_investigates() -> None:
    """Police who interview someone question them: an investigation (091)."""
    assert "091" in _codes("Dutch police interviewed the driver on Tuesday.")


def test_talks_and_interviews_of_others_are_no_investigation() -> None:
    assert "040" in _codes("The Kenyan president spoke with the Ugandan president on Monday.")
    assert "091" not in _codes("The Kenyan president spoke with the Ugandan president on Monday.")
    assert not _codes("Reporters interviewed the Dutch prime minister on Tuesday.")


def test_withdrawing_ones_name_withdraws_a_candidacy() -> None:
    codes = _codes("The Kenyan senator withdrew her name from consideration.")
    assert "0831" in codes
    assert "0874" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "The Thai princess announced her candidacy for prime minister.",
        "The Kenyan senator accepted the party's nomination for president.",
        "Afghan officials provided an estimate of the death toll.",
    ],
)
def test_running_for_office_or_giving_figures_is_no_event(text: str) -> None:
    assert not _codes(text)


@pytest.mark.parametrize(
    "text", ["The Kenyan senator proposed a law on land ownership.", "A bill was proposed in 2016 by Kenyan senators."]
)
def test_proposing_legislation_is_no_offer(text: str) -> None:
    """Proposing a bill or a law is legislative routine, not an offer or intent to cooperate (030)."""
    assert "030" not in _codes(text)


def test_proposing_talks_stays_an_offer() -> None:
    assert "036" in _codes("Kenya proposed talks with Somalia.")


def _plover(text: str) -> set[str | None]:
    return {e.plover for e in code_text(text, lang="en").events}


@pytest.mark.parametrize(
    "text",
    [
        "The Ethiopian government lifted the curfew in Addis Ababa on Tuesday.",
        "The Guinean authorities eased the curfew in Conakry.",
        "The Ethiopian parliament lifted the state of emergency on Friday.",
    ],
)
def test_lifting_a_curfew_or_an_emergency_concedes(text: str) -> None:
    """The PLOVER codebook puts removing curfews under CONCEDE, not RETREAT."""
    assert "CONCEDE" in _plover(text)


def test_agreeing_to_a_ceasefire_is_an_agreement_and_declaring_one_a_retreat() -> None:
    assert "AGREE" in _plover("Armenia and Azerbaijan agreed to a ceasefire on Saturday.")
    assert "RETREAT" in _plover("The Sudanese army declared a unilateral ceasefire in Darfur.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Iranian hackers defaced the website of the Saudi interior ministry.", "170"),
        ("Protesters defaced the statue of the Belgian king in Brussels.", "1712"),
    ],
)
def test_defacing_websites_is_a_cyberattack_and_statues_vandalism(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Palestinian prime minister refused to respond to a demand from the US president.",
        "The Serbian government refused the demands of the protesters.",
    ],
)
def test_refusing_a_demand_is_refusing_to_yield(text: str) -> None:
    codes = _codes(text)
    assert "124" in codes
    assert "011" not in codes


def test_declining_to_comment_stays_no_comment() -> None:
    assert "011" in _codes("The Kenyan minister declined to comment.")


def test_demolishing_homes_coerces() -> None:
    assert "COERCE" in _plover("Israeli bulldozers demolished Palestinian homes in Hebron.")


def test_swearing_to_attack_is_a_threat_not_an_attack() -> None:
    """ "sworn to attack" is a vow (intent), like "vowed to attack": a threat (138x), no attack (190)."""
    codes = _codes("Kurdish rebels have sworn to attack Turkish army posts.")
    assert "190" not in codes
    assert any(c.startswith("138") for c in codes)


def test_alleged_ties_are_no_allegation() -> None:
    """ "has alleged ties to": the participle qualifies the ties someone has; "alleged the militia planned" accuses."""
    assert "112" not in _codes("The Kenyan airline's chairman has alleged ties to the Somali militia.")
    assert "112" in _codes("Kenyan police alleged the Somali militia planned the attack.")


@pytest.mark.parametrize(
    "text",
    ["The Kenyan government's decision led to protests in Nairobi.", "The Kenyan government's decision led to strikes by teachers."],
)
def test_what_leads_to_protests_causes_them_and_holds_none(text: str) -> None:
    """ "led to protests": the decision caused the protests; the government neither protests nor strikes."""
    assert not [e for e in code_text(text, lang="en").events if e.cameo[:2] in ("14", "19") and e.source_code == "KENGOV"]


def test_an_army_leading_strikes_is_no_walkout() -> None:
    assert "143" not in _codes("The US military led strikes on ISIS positions near Mosul.")


def test_opposition_and_teachers_still_lead_protests_and_strikes() -> None:
    assert "141" in _codes("The Kenyan opposition leader led a protest in Nairobi on Monday.")
    assert "143" in _codes("Kenyan teachers led a strike over pay.")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president attacked the opposition leader for his vote on the budget.",
        "The Ghanaian minister attacked the senator for her absence from the debate.",
    ],
)
def test_attacking_someone_for_what_they_did_is_criticism(text: str) -> None:
    """ "attacked X for Y": a political source blames in words (111); it fights no one (190)."""
    codes = _codes(text)
    assert "111" in codes
    assert "190" not in codes


def test_forces_attacking_for_days_still_attack() -> None:
    assert "190" in _codes("Russian forces attacked the town for the third day.")


@pytest.mark.parametrize(
    "text",
    ["The Kenyan president recognized the efforts of the volunteers.", "The old mosque has been recognized by UNESCO as a heritage site."],
)
def test_recognising_efforts_or_a_site_is_no_statement(text: str) -> None:
    """Plain "recognize" is no statement (010): honouring efforts or listing a site says nothing; a state recognised stays 054."""
    assert "010" not in _codes(text)


def test_military_spending_is_no_troop_build_up() -> None:
    """ "increased military spending": a budget, not a mobilisation (154); "increased its troops" is one."""
    assert "154" not in _codes("The Kenyan government increased military spending by ten percent.")
    assert "154" in _codes("The Kenyan army increased its troops on the border.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Kenyan doctors isolated the infected passengers at the airport.", "160"),
        ("The Zambian health minister said he would isolate himself for two weeks.", "160"),
        ("The Kenyan constitution provides two ways to remove a president.", "070"),
    ],
)
def test_quarantine_and_services_are_no_diplomatic_or_aid_act(text: str, cameo: str) -> None:
    """Isolating people is a quarantine, not reduced relations (160); a constitution providing a way gives no aid (070)."""
    assert cameo not in _codes(text)


def test_isolating_a_country_still_reduces_relations() -> None:
    assert "160" in _codes("The European Union sought to isolate Belarus diplomatically.") | _codes(
        "The European Union isolated Belarus after the election."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Kurdish militia opposed the American withdrawal from northern Syria.",
        "The Brazilian president opposed the French president's remarks.",
    ],
)
def test_opposing_a_decision_taken_is_disapproval(text: str) -> None:
    """ "opposed the withdrawal": disapproval of an act already taken (111), not a rejection (12) of a proposal."""
    codes = _codes(text)
    assert "111" in codes
    assert not [c for c in codes if c.startswith("12")]


def test_opposing_a_proposal_stays_a_rejection() -> None:
    assert "127" in _codes("The Kenyan opposition opposed the government's peace plan.")


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan opposition leaders postponed the demonstration in Nairobi until next week.",
        "Zambian teachers cancelled their strike on Monday.",
    ],
)
def test_calling_off_ones_own_protest_eases_dissent(text: str) -> None:
    """A protest or strike postponed or cancelled by those who hold it eases dissent (082); none is held (14)."""
    codes = _codes(text)
    assert "082" in codes
    assert not [c for c in codes if c.startswith("14")]


@pytest.mark.parametrize(
    "text",
    [
        "In 2016, Iran started supporting the government of Syria against the Kurdish insurgency.",
        "Moscow backed the Malian junta against the rebellion in the north.",
    ],
)
def test_supporting_a_side_against_a_rebellion_is_material_aid(text: str) -> None:
    """Supporting a government against a rebellion or insurgency is aid in a war (07), not praise (051)."""
    codes = _codes(text)
    assert "070" in codes
    assert "051" not in codes


def test_providing_airstrikes_is_an_air_attack() -> None:
    """ "providing airstrikes against X" carries them out (195): no aid (070) is given to X."""
    codes = _codes("Saudi Arabia supported the Yemeni government, providing airstrikes against the Houthis.")
    assert "195" in codes
    assert "070" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "The Brazilian government appealed the ruling to the Supreme Court.",
        "The Kenyan senator appealed against his conviction.",
    ],
)
def test_appealing_a_ruling_is_a_legal_challenge_not_a_plea(text: str) -> None:
    """Appealing a verdict, a ruling or a conviction challenges it in court (115); it asks no one for anything (02)."""
    codes = _codes(text)
    assert "115" in codes
    assert not [c for c in codes if c.startswith("02")]


def test_appealing_for_calm_stays_a_plea() -> None:
    assert "0252" in _codes("Amnesty International appealed for calm in Nairobi.")


@pytest.mark.parametrize(
    ("text", "cameo", "not_cameo"),
    [
        ("Amnesty International called for the prisoners to be released.", "0253", "0841"),
        ("The Kenyan opposition parties called for the law to be repealed.", "020", "0832"),
        ("Chilean teachers' unions pushed for the minister to resign.", "020", "0831"),
    ],
)
def test_calling_for_something_to_be_done_appeals_for_it(text: str, cameo: str, not_cameo: str) -> None:
    """ "called for X to be released": the for-to clause is what is called for (an appeal, 02), not an act of the
    caller (release, repeal, resignation)."""
    codes = _codes(text)
    assert cameo in codes
    assert not_cameo not in codes


def test_giving_someone_until_a_date_is_an_ultimatum() -> None:
    assert "139" in _codes("Chilean students gave the government until Friday to withdraw the bill.")


def test_making_an_arrangement_with_someone_is_an_agreement() -> None:
    assert "057" in _codes("The Iraqi defendant made an arrangement with American prosecutors.")


def test_announcing_an_initiative_offers_cooperation() -> None:
    codes = _codes("The Indian prime minister announced a new security initiative for the Indian Ocean.")
    assert "030" in codes
    assert "010" not in codes


def test_adding_members_to_a_body_is_no_statement() -> None:
    """ "agreed to add three members to the commission": adding members says nothing (010); the agreement stays."""
    codes = _codes("The Kenyan president agreed to add three members to the electoral commission.")
    assert "010" not in codes
    assert "030" in codes


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("A roadside bombing was reported to have killed three Afghan soldiers near Kandahar.", "1833"),
        ("An airstrike is believed to have killed four Syrian rebels near Idlib.", "195"),
        ("The suicide bombing was said to have killed nine Somali police officers.", "1831"),
    ],
)
def test_a_use_of_force_reported_to_have_killed_is_one_act_of_its_kind(text: str, cameo: str) -> None:
    """ "a bombing was reported to have killed X": the noun names the act (bombing, airstrike), the perfect infinitive
    its victims; one event of the noun's code, no generic killing (190) beside it."""
    events = code_text(text, lang="en").events
    assert {e.cameo for e in events} == {cameo}
    assert all(e.target_code for e in events)


@pytest.mark.parametrize("text", ["Russia sent troops to Ukraine on Thursday.", "Germany sent 500 soldiers to Lithuania."])
def test_troops_sent_to_a_country_are_no_protection_of_it_by_default(text: str) -> None:
    """Whether troops sent to a country protect it (074) or invade it depends on who the two are, which the words do not
    say: no cooperation is coded for it (an invasion coded as protection would turn a conflict into cooperation)."""
    codes = _codes(text)
    assert not any(code.startswith(("07", "033")) for code in codes), codes


def test_sending_troops_to_a_border_stays_a_show_of_force() -> None:
    codes = _codes("Russia sent troops to the Ukrainian border.")
    assert "154" in codes
    assert "074" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan constitution prohibits any ethnic discrimination, a government spokesman said.",
        "The charter of the African Union bans the use of force against Kenya.",
    ],
)
def test_what_a_standing_legal_text_provides_is_no_act(text: str) -> None:
    """ "the constitution prohibits X": a standing text (``standing_text``) in the simple present says what it provides;
    no one bans anything (172); the spokesman's words stay a statement."""
    assert "172" not in _codes(text)


def test_a_new_policy_that_prohibits_is_still_an_act() -> None:
    assert "163" in _codes("The new American policy prohibits all flights to Venezuela.")


@pytest.mark.parametrize(
    ("text", "allied"),
    [
        ("The Kenyan army had been allied with Ugandan rebels for years.", False),
        ("Kenya was allied with Uganda during the war.", False),
        ("The Ugandan government allied with Kenya against the rebels.", True),
    ],
)
def test_being_allied_is_a_standing_relation_not_an_act(text: str, allied: bool) -> None:
    """The passive of a stative verb (``stative``: "had been allied with") says how things stood; allying (050) is an
    act in the active."""
    assert ("050" in _codes(text)) is allied


@pytest.mark.parametrize(
    ("text", "fought"),
    [
        ("French troops are in Mali at the invitation of the Malian government to defeat the jihadists.", False),
        ("French troops will be in Mali to fight the jihadists.", False),
        ("French troops went to Mali to defeat the jihadists.", True),
    ],
)
def test_an_infinitive_after_a_copula_is_a_purpose_not_an_act(text: str, fought: bool) -> None:
    """ "troops are in Mali to defeat the jihadists": the infinitive says what a state is for; after a verb of action
    ("went to Mali to defeat") it stays the act."""
    assert ("190" in _codes(text)) is fought


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Russian shelling wounded six civilians in Kharkiv.", "RUS"),
        ("Heavy shelling wounded six Ukrainian villagers in Donetsk.", None),
    ],
)
def test_shelling_that_kills_or_wounds_is_one_act_of_shelling(text: str, source: str | None) -> None:
    """ "Russian shelling wounded six civilians": the parser reads the gerund as an adverb of "wounded"; the noun of
    force before a verb of hurting is its subject: one shelling (194) by whom its adjective names, not a generic
    assault."""
    events = code_text(text, lang="en").events
    assert {e.cameo for e in events} == {"194"}
    assert {e.source_code for e in events} == {source}


@pytest.mark.parametrize(
    "text",
    [
        "Questions remain how much Iranian assistance is received by the Houthis.",
    ],
)
def test_an_indirect_question_of_quantity_asserts_no_act(text: str) -> None:
    """ "questions remain how much aid is received": the clause asks; the act is not said to have happened (no 070).
    ("Nobody knows how many soldiers were killed" does say they were: only their number is asked.)"""
    codes = _codes(text)
    assert "070" not in codes
    assert "190" not in codes


def test_aid_sent_is_still_aid() -> None:
    assert "070" in _codes("Iran sent aid to the Houthis.")


@pytest.mark.parametrize(
    ("text", "cameo", "coded"),
    [
        ("There were many times that the Kenyan president and I disagreed.", "110", False),
        ("There is a new commission, and the Kenyan government asked Judge Otieno to delay his ruling.", "020", True),
    ],
)
def test_what_an_existential_sentence_says_exists_is_no_act(text: str, cameo: str, coded: bool) -> None:
    """ "there were many times that X and I disagreed": the clause completes what there is (occasions), it reports no
    disagreement (110); a clause of its own after "and" stays an act."""
    assert (cameo in _codes(text)) is coded
