"""French news vocabulary: general CAMEO acts the French dictionary codes (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tocsin import code_text

pytestmark = pytest.mark.slow


def _codes(text: str) -> set[str]:
    return {e.cameo for e in code_text(text, lang="fr", published="2024-05-07").events}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 1711 confiscate: seizing ammunition, weapons, drugs (the first listed object counts)
        ("La police a saisi 500 balles et des armes à Dakar.", "1711"),
        ("Les gendarmes ont saisi des cartouches et trois fusils près de Bamako.", "1711"),
        # 191 restrict movement: preventing or forbidding access
        ("L'armée a empêché les journalistes d'entrer dans la ville.", "191"),
        ("Les militaires ont empêché l'accès des ambulances au camp.", "191"),
        ("Les autorités ont interdit l'accès à la zone frontalière.", "191"),
        ("La police a entravé la circulation des convois humanitaires vers la ville.", "191"),
        # 171 seize property: stealing
        ("Des hommes armés ont dérobé des sacs de riz dans un entrepôt du port.", "171"),
        # 163 sanctions: designating a group as terrorist
        ("Le Hezbollah a été désigné comme organisation terroriste par l'Union européenne.", "163"),
        ("Le Canada a classé le mouvement comme entité terroriste.", "163"),
        # 010 statements: faire savoir, faire part, admettre, qualifier de
        ("Le gouvernement a fait savoir que la frontière resterait fermée.", "010"),
        ("Le ministre a fait part de sa décision.", "010"),
        ("Le ministre a admis que la situation restait difficile.", "010"),
        ("Le ministre a qualifié le scrutin de victoire pour la démocratie.", "010"),
        # 015 admitting responsibility; 111 reproaching (faire grief)
        ("Le gouvernement a admis sa responsabilité dans le naufrage.", "015"),
        ("L'opposition a fait grief au gouvernement d'avoir ignoré les accords.", "111"),
        # 161 reduce diplomatic relations: recalling an ambassador, closing an embassy
        ("Paris a rapatrié son ambassadeur au Niger.", "161"),
        ("Paris a annoncé le rapatriement de son ambassadeur au Niger.", "161"),
        ("Le Mali a annoncé la fermeture de son ambassade à Paris.", "161"),
        # 190 fighting back attackers; 190/145 targeting (by armed groups / by protesters)
        ("Les soldats ont repoussé les assaillants après deux heures de combats.", "190"),
        ("Les rebelles ont pris pour cible une base de l'armée.", "190"),
        ("L'ambassade de France a été prise pour cible par des manifestants.", "145"),
        # 193 small-arms fight: a gunfight between police and gangs
        ("La police haïtienne a livré une fusillade contre des gangs samedi.", "193"),
        # 141 demonstrate
        ("Des milliers de manifestants ont déferlé dans les rues de Dakar.", "141"),
        # 012 pessimistic comment; 130 veiled threat; 011 decline comment
        ("Les Nations unies ont alerté sur la famine au Soudan.", "012"),
        ("L'Iran se réserve le droit de répondre à cette agression.", "130"),
        ("Le porte-parole de la police a refusé de dévoiler les détails de l'opération.", "011"),
    ],
)
def test_news_act_is_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_seizure_report_is_the_act_not_a_statement() -> None:
    """A spokesman reporting a seizure of weapons reports that act: 1711, not a bare 010."""
    codes = _codes("Le porte-parole a précisé que la police avait saisi des balles et des fusils à Kayes.")
    assert "1711" in codes and "010" not in codes


def test_seizing_an_opportunity_is_no_confiscation() -> None:
    assert "1711" in _codes("La police a saisi des cartouches à Dakar.")
    assert "1711" not in _codes("Le gouvernement a saisi l'occasion pour annoncer des réformes.")


def test_preventing_is_a_blockade_only_for_access_or_passage() -> None:
    assert "191" in _codes("Les soldats ont empêché les ambulances de rejoindre le quartier.")
    assert "191" not in _codes("Le gouvernement a empêché la faillite de la compagnie nationale.")


def test_repelling_is_fighting_only_against_attackers() -> None:
    assert "190" in _codes("L'armée a repoussé les jihadistes près de Mopti.")
    assert "190" not in _codes("Le gouvernement a repoussé la date des élections.")


def test_fusillade_by_unknown_gunmen_stays_unconventional_violence() -> None:
    """A gunfight between the police and gangs is a small-arms fight; a shooting by a lone gunman is not."""
    assert "193" in _codes("La police haïtienne a livré une fusillade contre des gangs samedi.")
    assert "193" not in _codes("Une fusillade dans un lycée américain a fait trois morts, selon la police.")


def test_armed_group_going_after_targets_attacks() -> None:
    """« s'en prendre à » by an armed group is an attack; said of a package of measures it is no event."""
    assert "190" in _codes("Les rebelles s'en sont pris à une base de l'armée malienne.")
    assert not _codes("Le nouveau paquet de mesures s'en prend surtout aux exportations de pétrole.")


def test_suicide_attack_and_assault_words() -> None:
    assert "1831" in _codes("Un attentat kamikaze a frappé une mosquée de Kaboul, revendiqué par l'État islamique.")
    assert "182" in _codes("Des policiers ont violenté des manifestants devant le parlement à Dakar.")


def test_suspicions_accuse() -> None:
    assert "112" in _codes("Kinshasa a exprimé ses soupçons sur le Rwanda.")


def test_solliciter_is_an_appeal_only_for_what_is_asked() -> None:
    """A spokesman « sollicité » by the press makes no appeal; asking for a mediation or a meeting does."""
    assert "020" not in _codes("Sollicité par la presse, le ministère de la Défense n'a pas répondu.")
    assert "020" in _codes("Le Mali a sollicité la médiation de l'Algérie.")
    assert "026" in _codes("L'opposition a sollicité une audience auprès du président.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Le Burkina Faso a suspendu la diffusion de France 24.", "1721"),
        ("Les casques bleus ont protégé les civils pendant l'attaque.", "074"),
        ("Le Niger a fermé son espace aérien aux avions français.", "191"),
        ("Le Tchad a fermé sa frontière avec le Soudan.", "191"),
    ],
)
def test_more_news_acts_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_closing_schools_is_no_blockade() -> None:
    assert "191" in _codes("Le Tchad a fermé sa frontière avec le Soudan.")
    assert not _codes("Le gouvernement a fermé les écoles à cause de la chaleur.")


def test_beginning_a_withdrawal_is_a_retreat_not_a_mobilisation() -> None:
    codes = _codes("Paris a engagé le retrait de ses troupes du Mali.")
    assert "0874" in codes and "154" not in codes
    assert "154" in _codes("Le Niger a engagé des troupes supplémentaires dans la région.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Les rebelles ont refusé de déposer les armes.", "1246"),
        ("Les soldats ont poursuivi les assaillants jusqu'à la frontière.", "190"),
        ("La police a pourchassé les membres du gang.", "190"),
        ("Les soldats ont délogé les rebelles de la colline.", "190"),
        ("L'armée russe a ciblé des infrastructures énergétiques ukrainiennes.", "190"),
        ("Les rebelles ont harcelé les positions de l'armée.", "190"),
        ("Les Houthis ont coulé un navire marchand en mer Rouge.", "190"),
        ("La police a démantelé un réseau terroriste à Casablanca.", "173"),
        ("Des manifestants ont jeté des pierres sur la police à Nairobi.", "145"),
    ],
)
def test_fighting_and_riot_words_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_refusing_weapons_deliveries_stays_a_rejected_aid_request() -> None:
    assert "1246" in _codes("Le Hezbollah refuse de désarmer.")
    assert "1222" in _codes("L'Allemagne a refusé de livrer des missiles à l'Ukraine.")


def test_pursuing_and_targeting_need_armed_actors() -> None:
    """Prosecutors pursuing an inquiry and sanctions targeting oligarchs are no fighting."""
    assert "190" in _codes("Les soldats ont poursuivi les assaillants jusqu'à la frontière.")
    assert "190" not in _codes("Le parquet a poursuivi l'enquête sur le terroriste.")
    assert "190" not in _codes("Les sanctions ciblent des oligarques russes.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Le Niger a annoncé la suspension de la diffusion de RFI.", "1721"),
        ("La France a annoncé la fermeture de sa frontière avec l'Italie.", "191"),
        ("L'armée birmane a mené une campagne de frappes aériennes contre les rebelles.", "195"),
    ],
)
def test_event_nouns_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_vowing_an_attack_is_a_threat_not_the_attack() -> None:
    """« jurer de » + a hostile act is a threat (13x); the vowed strike has not happened."""
    codes = _codes("Les Houthis ont juré de frapper les navires américains.")
    assert any(c.startswith("13") for c in codes) and not any(c.startswith("19") for c in codes)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("L'opposition a appelé à manifester samedi à Dakar.", "113"),
        ("Les syndicats ont appelé à la grève générale.", "113"),
        ("L'Iran a réfuté toute implication dans l'attaque.", "016"),
        ("La Chine a réagi avec colère à la visite de Pelosi.", "111"),
        ("Le Mali a haussé le ton face à la France.", "111"),
    ],
)
def test_rallying_denying_and_reacting_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_a_call_to_end_protests_rallies_no_one() -> None:
    """Only the opposition, unions or civil society rally opposition by calling to protest."""
    assert "113" in _codes("L'opposition a appelé à manifester samedi à Dakar.")
    assert "113" not in _codes("L'ONU a appelé à la fin des manifestations.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Le gouvernement a déployé l'armée dans les rues de la capitale.", "154"),
        ("Le gouvernement a déployé la gendarmerie à la frontière.", "153"),
        ("Le Maroc s'élève contre la résolution du Parlement européen.", "111"),
        ("L'Algérie a rejeté la faute sur le Maroc.", "112"),
    ],
)
def test_deploying_protesting_and_blaming_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_amounting_to_is_no_protest() -> None:
    assert "111" in _codes("Le Maroc s'élève contre la résolution du Parlement européen.")
    assert "111" not in _codes("Le coût de l'opération de l'armée s'élève à deux millions d'euros.")


def test_ending_cooperation_reduces_relations() -> None:
    assert "1622" in _codes("Le Niger a mis fin à la coopération militaire avec la France.")
    assert "160" in _codes("L'Algérie a mis fin à la coopération avec l'Espagne.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 112 blame: suspecting, holding responsible, pointing the finger
        ("Kinshasa a suspecté le Rwanda de soutenir les rebelles.", "112"),
        ("Israël a rendu le Hamas responsable de l'attaque.", "112"),
        ("Le député a montré du doigt le gouvernement.", "112"),
        ("Kiev a désigné Moscou comme le commanditaire de l'assassinat.", "112"),
        ("La mise en cause du Rwanda par Kinshasa irrite Kigali.", "112"),
        # 111 criticise: rebuking, disparaging, jeering, attacking verbally
        ("Le président a admonesté son ministre.", "111"),
        ("Le Premier ministre a réprimandé le préfet de police.", "111"),
        ("L'opposition a dénigré le bilan du gouvernement.", "111"),
        ("Des manifestants ont conspué le président Macron.", "111"),
        ("L'opposition a tiré à boulets rouges sur le gouvernement.", "111"),
        ("Le président a proféré des insultes contre l'opposition.", "111"),
        # 110 disapprove: disavowing
        ("Le Premier ministre a désavoué son ministre de l'Intérieur.", "110"),
        # 13x threaten: uttering threats, promising retaliation or revenge
        ("Le chef rebelle a proféré des menaces contre le gouvernement.", "130"),
        ("Le Hamas a promis des représailles contre Israël.", "138"),
        ("L'Iran a promis de venger la mort de son général.", "130"),
        # 19x fight: opening fire, assailing, a ground operation
        ("Les soldats ont fait feu sur les manifestants.", "193"),
        ("Des jihadistes ont assailli une caserne de l'armée malienne.", "190"),
        ("L'armée a mené une opération terrestre contre les rebelles.", "190"),
    ],
)
def test_blame_criticism_threat_and_fire_words_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_realising_and_reporting_are_no_visit_nor_statement() -> None:
    """« se rendre compte » is to realise, « rendre compte de » to report on: neither travels nor states (010)."""
    assert not _codes("Le ministre s'est rendu compte de son erreur.")
    assert "010" not in _codes("Le gouverneur a rendu compte de la situation au ministre.")


def test_endangering_peace_is_no_threat() -> None:
    """« menacer la paix, la stabilité » names a danger; threatening an actor with reprisals is a threat."""
    assert not any(c.startswith("13") for c in _codes("Le régime iranien menace la stabilité de toute la région."))
    assert "138" in _codes("La Russie a menacé l'Ukraine de représailles.")


def test_blocking_is_a_protest_only_by_protesters_or_rebels() -> None:
    assert "144" in _codes("Des étudiants ont bloqué l'université de Dakar.")
    assert "144" in _codes("Les rebelles ont bloqué les transports vers la capitale.")
    assert "144" not in _codes("La police a bloqué les manifestants devant le parlement.")


def test_a_police_operation_is_no_military_attack() -> None:
    """« lancer une opération » to arrest a suspect is no offensive; a military or ground operation is."""
    assert "190" not in _codes("La police a lancé une opération à Marseille afin d'arrêter un trafiquant.")
    assert "190" in _codes("L'armée israélienne a lancé une opération militaire dans le sud du Liban.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 111 criticise: pillorying, a diatribe
        ("La presse a cloué au pilori le ministre de la Santé.", "111"),
        ("La diatribe du président iranien contre Israël a choqué les diplomates.", "111"),
        # the use of a weapon or of strikes is the act itself (« faire usage de », « le recours à »)
        ("La police a fait usage de gaz lacrymogène contre les manifestants à Dakar.", "175"),
        ("L'armée a intensifié le recours aux frappes aériennes contre les rebelles.", "195"),
        # 057 agree: reaching a consensus, finding a compromise
        ("Israël et les Palestiniens sont parvenus à un consensus sur l'eau.", "057"),
        ("La Serbie et la Croatie ont trouvé un compromis sur les plaques d'immatriculation.", "057"),
        ("La Serbie et le Kosovo ont trouvé un compromis sur les plaques d'immatriculation.", "057"),
        # 050 diplomatic cooperation: upgrading relations
        ("Le Maroc et Israël ont rehaussé leurs relations diplomatiques.", "050"),
        # 120 reject: going back on a promise
        ("Le président est revenu sur sa promesse d'organiser des élections.", "120"),
    ],
)
def test_use_of_force_agreement_and_reneging_words_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_finding_or_going_back_is_an_act_only_for_agreements_and_promises() -> None:
    assert "057" in _codes("La Serbie et la Croatie ont trouvé un compromis sur les plaques d'immatriculation.")
    assert "120" in _codes("Le président est revenu sur sa promesse d'organiser des élections.")
    assert "057" not in _codes("Les enquêteurs ont trouvé des armes dans la maison du suspect à Dakar.")
    assert not _codes("Le gouvernement est revenu sur le sujet lors du conseil des ministres.")


def test_appointing_discussing_and_being_assailed_with_questions_are_no_acts() -> None:
    """« désigner un responsable » appoints, « revenir sur l'accord » may only discuss it, « assailli de questions »
    is no attack: only blame, reneging and armed assault are coded."""
    assert "112" in _codes("Kiev a désigné Moscou comme le commanditaire de l'assassinat.")
    assert "112" not in _codes("Le Parti socialiste a désigné un responsable de campagne pour les européennes.")
    assert "120" not in _codes("Dans son discours, le président Macron est revenu sur l'accord de paix signé en 2015.")
    assert "190" in _codes("Des jihadistes ont assailli une caserne de l'armée malienne.")
    assert "190" not in _codes("Le ministre de l'Intérieur a été assailli de questions par les journalistes.")


def test_denouncing_a_treaty_abrogates_it_only_for_a_party() -> None:
    """« dénoncer un accord », « la dénonciation des accords » by a state abrogates them: rejecting cooperation (121),
    not a condemnation; the opposition or the press denouncing an agreement criticises it (111)."""
    assert "121" in _codes("Le Niger a annoncé la dénonciation des accords de défense avec la France.")
    assert "121" in _codes("Le Mali a dénoncé les accords de défense avec la France.")
    codes = _codes("L'opposition a dénoncé l'accord conclu avec le FMI.")
    assert "111" in codes and "121" not in codes


def test_uttering_accusations_accuses_rather_than_insults() -> None:
    """« proférer des insultes » criticises (111); « proférer des accusations » is the accusation itself (112)."""
    assert "111" in _codes("Le président a proféré des insultes contre l'opposition.")
    codes = _codes("Le président a proféré des accusations contre le Rwanda.")
    assert "112" in codes and "111" not in codes


def test_fire_and_retaliation_words_need_a_hostile_sense() -> None:
    """« faire feu » by soldiers or police opens fire, a government « faisant feu de tout bois » does not; promising
    reprisals threatens, promising « une riposte à la crise » is a policy."""
    assert "193" in _codes("Les soldats ont fait feu sur les manifestants.")
    assert "193" not in _codes("Le gouvernement fait feu de tout bois pour relancer l'économie.")
    assert "138" in _codes("Le Hamas a promis des représailles contre Israël.")
    assert "138" not in _codes("Le président a promis une riposte à la crise du logement.")


def test_expelling_or_ordering_out_an_ambassador_reduces_relations() -> None:
    """« l'expulsion de l'ambassadeur, du consul », « ordonner à l'ambassadeur de partir » reduce diplomatic
    relations (161); the expulsion of migrants stays an expulsion of people (174)."""
    assert "161" in _codes("Le Mali a annoncé l'expulsion de l'ambassadeur de France.")
    assert "161" in _codes("Le Mali a annoncé l'expulsion du consul de France.")
    assert "161" in _codes("Le Niger a ordonné à l'ambassadeur de France de quitter le pays.")
    assert "161" in _codes("La junte a ordonné l'expulsion de l'ambassadeur de France.")
    codes = _codes("Le Mali a annoncé l'expulsion des migrants vers le Niger.")
    assert "174" in codes and "161" not in codes


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 141 demonstrate: flooding, taking over the streets, « battre le pavé »
        ("Des milliers de manifestants ont envahi les rues de Bamako.", "141"),
        ("Les opposants ont investi les rues de Conakry.", "141"),
        ("Des milliers de syndicalistes ont battu le pavé à Lyon contre la réforme.", "141"),
        # 111 criticise: booing a leader
        ("Les grévistes ont hué le Premier ministre à Lille.", "111"),
    ],
)
def test_street_protest_and_booing_words_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_flooding_the_streets_is_a_protest_not_an_invasion() -> None:
    """Demonstrators « envahissent les rues »: a demonstration (141), no use of force; an army invading a country
    still fights (190), and the police « investissant » a square do not demonstrate."""
    codes = _codes("Des milliers de manifestants ont envahi les rues de Bamako.")
    assert "141" in codes and not any(c.startswith(("18", "19")) for c in codes)
    assert "190" in _codes("L'armée russe a envahi l'Ukraine.")
    assert "141" not in _codes("Les forces de l'ordre ont investi la place Tahrir au Caire.")


def test_seizing_a_ship_or_plane_is_a_hijacking() -> None:
    """« s'emparer d'un pétrolier, d'un avion » hijacks (181, as « détourner »); seizing a town stays a use of force."""
    assert "181" in _codes("Des pirates somaliens se sont emparés d'un pétrolier grec.")
    codes = _codes("Les rebelles se sont emparés de la ville de Goma.")
    assert "190" in codes and "181" not in codes


def test_soldiers_beating_demonstrators_is_a_physical_assault() -> None:
    """Soldiers « frappant des manifestants, des journalistes » beat people (182), no military strike (190);
    an army striking positions still fights."""
    codes = _codes("Des soldats ont frappé des manifestants à Conakry.")
    assert "182" in codes and "190" not in codes
    assert "190" in _codes("L'armée israélienne a frappé des positions du Hezbollah.")


def test_storming_is_a_riot_for_protesters_and_an_attack_for_armed_groups() -> None:
    """« prendre d'assaut »: protesters storming parliament riot (145), rebels storming a base attack (190)."""
    codes = _codes("Des manifestants ont pris d'assaut le parlement à Nairobi.")
    assert "145" in codes and "190" not in codes
    assert "190" in _codes("Les rebelles ont pris d'assaut une base de l'armée malienne.")


def test_police_charging_demonstrators_is_repression() -> None:
    """Police « chargeant les manifestants » crack down (175); the police charging an investigator with a case do not."""
    assert "175" in _codes("La police sénégalaise a chargé les manifestants devant l'Assemblée nationale.")
    assert "175" not in _codes("La police sénégalaise a chargé un enquêteur du dossier.")


def test_piling_on_in_speech_is_a_statement() -> None:
    """« renchérir » reports words (010; criticism when they condemn)."""
    assert "010" in _codes("« Notre présence au Niger est légitime », renchérit le ministre français des Armées.")
    # what the speaker's side will do is an intent (030)
    assert "030" in _codes("« Nous resterons au Niger », renchérit le ministre français des Armées.")


def test_fighting_terrorism_lessons_and_minds_are_no_attacks() -> None:
    """« combattre le terrorisme, la corruption » is a mission, « tirer les leçons » and « frapper les esprits » are
    idioms: no fighting (190); fighting a named enemy, firing on a town still are."""
    assert "190" not in _codes("Les soldats français sont déployés au Niger pour combattre le terrorisme.")
    assert "190" not in _codes("L'armée malienne a tiré les leçons de la défaite.")
    assert not {"182", "190"} & _codes("L'armée ukrainienne a frappé les esprits des Russes.")
    assert "190" in _codes("Les soldats maliens ont combattu les jihadistes du JNIM près de Mopti.")
    assert "190" in _codes("Les soldats russes ont tiré sur la ville de Kharkiv.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 012 raising the alarm
        ("Les syndicats français ont tiré la sonnette d'alarme sur la situation des hôpitaux.", "012"),
        ("L'ONU a sonné l'alarme sur la famine au Soudan.", "012"),
        # 050 reconciling: burying the hatchet
        ("Le Tchad et le Soudan ont enterré la hache de guerre.", "050"),
        # 145 / 1712 setting fire: rioters riot, armed groups burn property
        ("Des manifestants ont mis le feu à des voitures à Nanterre.", "145"),
        ("Les jihadistes ont mis le feu au marché de Djibo.", "1712"),
        # 173 house arrest, remand in custody
        ("Les militaires ont assigné à résidence le président Bazoum.", "173"),
        ("Le juge a placé l'opposant sous mandat de dépôt.", "173"),
        # 190 retaking a town
        ("L'armée ukrainienne a libéré la ville de Kherson.", "190"),
        # 111 calling to order
        ("Le président a rappelé à l'ordre le ministre de l'Intérieur.", "111"),
        # 182 knife attack; 041 phone call
        ("Une attaque au couteau contre des policiers français a fait deux blessés à Paris.", "182"),
        ("Joe Biden a passé un coup de fil à Benjamin Netanyahu.", "041"),
        # 141 / 143 / 144 protest forms
        ("Une manif d'enseignants sénégalais a eu lieu lundi à Dakar.", "141"),
        ("Des milliers d'opposants ont participé à une marche pacifique à Conakry.", "141"),
        ("L'opposition congolaise a décrété une ville morte lundi à Kinshasa.", "143"),
        ("Les agriculteurs français mènent une opération escargot près de Lyon.", "144"),
    ],
)
def test_alarm_reconciliation_fire_custody_and_protest_words_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_idioms_of_fire_alarm_and_liberation_keep_their_sense() -> None:
    """« mettre le feu aux poudres » said of a decision burns nothing; « tirer la sonnette d'alarme » fires nothing;
    releasing hostages stays a release (0841), not a military retaking."""
    codes = _codes("La décision du gouvernement malien a mis le feu aux poudres.")
    assert not {"145", "1712"} & codes
    assert "190" not in _codes("L'armée française a tiré la sonnette d'alarme sur le manque de munitions.")
    codes = _codes("Le Hamas a libéré des otages israéliens de la ville de Gaza.")
    assert "0841" in codes and "190" not in codes


def test_spraying_gas_stifling_dissent_and_insults_are_coded() -> None:
    """Police « aspergeant les manifestants de gaz » and a regime « étouffant la contestation » repress (175); insulting
    a leader criticises (111); firefighters spraying water and stifling a scandal repress no one."""
    assert "175" in _codes("La police biélorusse a aspergé les manifestants de gaz lacrymogène.")
    assert "175" in _codes("Le gouvernement iranien a étouffé la contestation dans le sang.")
    assert "111" in _codes("Le président turc a insulté son homologue français Emmanuel Macron.")
    assert "175" not in _codes("Les pompiers grecs ont aspergé l'incendie d'eau.")
    assert "175" not in _codes("Le président a étouffé un scandale de corruption.")


def test_chanting_slogans_is_criticism_by_protesters() -> None:
    """Protesters « scandant des slogans » against a leader criticise him (111); fans chanting a player's name do not."""
    assert "111" in _codes("Les manifestants ont scandé des slogans hostiles au président Macky Sall.")
    assert "111" in _codes("Des milliers d'opposants guinéens ont défilé à Conakry en scandant des slogans contre la junte.")
    assert "111" not in _codes("Les supporters du club sénégalais ont scandé le nom de leur joueur.")


def test_submitting_a_truce_plan_proposes_a_truce() -> None:
    """« soumettre un projet de cessez-le-feu » proposes a truce (0356), not a bare proposal (030); being « soumis à des
    contrôles » proposes nothing."""
    assert "0356" in _codes("Le gouvernement a soumis aux rebelles une proposition de trêve.")
    assert "0356" not in _codes("Le pays est soumis à des contrôles rigoureux.")


def test_destroying_warplanes_or_barracks_is_fighting() -> None:
    """Destroying bombers, fighter jets or barracks is a military attack (190), not the destruction of property (1712)."""
    assert "190" in _codes("L'armée ukrainienne a détruit deux bombardiers russes.")
    assert "190" in _codes("Les rebelles ont détruit une caserne de l'armée malienne.")


def test_lifting_or_shortening_a_curfew_is_a_concession() -> None:
    """The PLOVER codebook lists removing curfews and easing legal restrictions among concessions (CONCEDE), whatever
    the CAMEO mapping of 0813/0814 says; shortening a curfew is one too."""

    def plover(text: str) -> set[str | None]:
        return {e.plover for e in code_text(text, lang="fr", published="2024-05-07").events}

    assert "CONCEDE" in plover("Le gouvernement tchadien a levé mardi le couvre-feu à N'Djamena.")
    assert "CONCEDE" in plover("Les autorités guinéennes ont réduit la durée du couvre-feu à Conakry.")
    assert "CONCEDE" in plover("Le Parlement éthiopien a levé l'état d'urgence en vigueur depuis novembre.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 082 calling off a strike
        ("Le syndicat des cheminots a annulé la grève prévue lundi.", "082"),
        # 086 letting observers in
        ("Le président géorgien a reçu une mission d'observateurs de l'Union européenne.", "086"),
        # 023 seeking refuge, asylum
        ("Des milliers de Soudanais ont cherché refuge au Tchad.", "023"),
        # 0874 surrendering to the authorities
        ("Le chef rebelle s'est rendu à la police kényane.", "0874"),
        # 162 cutting deliveries of aid
        ("Le gouvernement éthiopien a réduit les livraisons de nourriture aux camps du Tigré.", "162"),
    ],
)
def test_concessions_requests_and_cuts_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_going_somewhere_is_no_surrender() -> None:
    """« se rendre à Kinshasa » is a trip (042); only « se rendre aux autorités, à la police » surrenders."""
    codes = _codes("Le président congolais s'est rendu à Kinshasa mardi.")
    assert "042" in codes and "0874" not in codes


def test_a_mediation_mission_is_mediation() -> None:
    """« entreprendre une mission de médiation » mediates (045): the mission is the act its complement names."""
    assert "045" in _codes("Le président sénégalais a entrepris une mission de médiation au Mali.")


def test_handing_over_relief_supplies_is_humanitarian_aid() -> None:
    assert "073" in _codes("La France a remis des vivres aux réfugiés soudanais.")
    assert "073" in _codes("La Croix-Rouge a remis des tonnes de médicaments aux hôpitaux de Gaza.")


def test_attributing_unrest_or_a_coup_attempt_blames() -> None:
    """« attribuer ces troubles, la tentative de coup d'État à X » blames X (112); attributing a prize does not."""
    assert "112" in _codes("Le gouvernement géorgien attribue ces troubles à l'opposition.")
    assert "112" in _codes("Le gouvernement géorgien attribue la tentative de coup d'État à l'opposition.")
    assert "112" not in _codes("Le jury a attribué le prix de la paix à une militante iranienne.")


def test_words_of_scorn_make_a_statement_criticism() -> None:
    """A statement calling something « une farce » or someone « incompétent » criticises (111); a neutral one states (010)."""
    assert "111" in _codes("« Ces élections sont une farce », a déclaré le chef de l'opposition sénégalaise.")
    assert "111" in _codes("« Ce gouvernement est incompétent », a déclaré le chef de l'opposition malienne.")
    codes = _codes("« Ces élections ont été libres », a déclaré le chef de l'opposition sénégalaise.")
    assert "010" in codes and "111" not in codes


def test_damage_caused_by_armed_forces_is_an_attack() -> None:
    """A Russian drone « a provoqué d'importants dégâts »: an air attack (195); a storm causing damage is no event."""
    assert "195" in _codes("Un drone russe a provoqué d'importants dégâts dans un immeuble d'Odessa.")
    assert not _codes("La tempête a provoqué d'importants dégâts dans le port de Dakar.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Des miliciens ont commis des sévices sexuels contre des femmes au Darfour.", "1821"),
        ("L'armée malienne a commis de nouvelles violations de l'accord de cessez-le-feu.", "196"),
        ("La Turquie a confirmé la suspension de ses liaisons aériennes avec l'Irak.", "160"),
    ],
)
def test_abuse_truce_violations_and_cut_links_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_a_resignation_is_a_retreat_like_resigning() -> None:
    """PLOVER codes resignations of officials as RETREAT (resign), the noun « démission » as the verb « démissionner »."""
    events = code_text("Le Premier ministre malien a présenté sa démission au président.", lang="fr", published="2024-05-07").events
    assert {e.plover for e in events if e.cameo == "0831"} == {"RETREAT"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 170 hacking, defacing websites (PLOVER COERCE:cyber)
        ("La Chine a piraté les comptes de diplomates américains.", "170"),
        ("Un groupe de hackers prorusses a défiguré le site du gouvernement polonais.", "170"),
        # 191 sealing off a territory
        ("L'armée israélienne a décrété le bouclage de la ville de Jénine.", "191"),
        # 1721 preventing a demonstration
        ("La police kényane a empêché un rassemblement de l'opposition à Nairobi.", "1721"),
        # 150 / 154 ordering patrols, a deployment
        ("Le gouverneur de Lagos a ordonné des patrouilles de la police dans les quartiers nord.", "150"),
        ("Le président russe a ordonné le déploiement de troupes à la frontière.", "154"),
        # 060 sharing know-how
        ("La Russie partage sa technologie militaire avec la Corée du Nord.", "060"),
        # 165 ending mediation efforts
        ("Le Qatar a mis fin à ses efforts de médiation entre Israël et le Hamas.", "165"),
    ],
)
def test_cyber_sealing_off_orders_and_halted_mediation_are_coded(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_hacking_is_plover_cyber_coercion() -> None:
    events = code_text("La Chine a piraté les comptes de diplomates américains.", lang="fr", published="2024-05-07").events
    assert ("COERCE", "cyber") in {(e.plover, e.mode) for e in events}


def test_a_decision_is_the_act_an_intention_is_not() -> None:
    """« a décidé d'expulser l'ambassadeur » reports the expulsion decided (161); « envisage d'expulser » only intends
    it (a hypothetical 13x)."""
    codes = _codes("Le Mali a décidé d'expulser l'ambassadeur de France.")
    assert "161" in codes and "1313" not in codes
    assert "1313" in _codes("Le Niger envisage d'expulser l'ambassadeur de France.")


def test_the_protest_movement_is_no_act() -> None:
    """« la contestation » names the protest movement, as « l'opposition » names a camp: no protest act (140) of its
    own; the marches, rallies and strikes it holds are coded by their own words."""
    assert "140" not in _codes("À Bamako, la contestation contre le régime militaire gagne du terrain.")
    assert "141" in _codes("Des milliers de manifestants ont défilé contre le régime militaire à Bamako.")


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement est prêt à imposer la loi martiale dans la capitale.",
        "La Hongrie prévoit d'imposer des restrictions aux importations de céréales ukrainiennes.",
    ],
)
def test_an_intended_restriction_is_a_threat(text: str) -> None:
    """« imposer la loi martiale », « imposer des restrictions » are verbs of their own (1724, 172): intended, they
    are a threat (13x), not the restriction itself, which the noun alone would code."""
    codes = _codes(text)
    assert any(c.startswith("13") for c in codes) and not codes & {"172", "1724"}


def test_imposing_a_restriction_is_the_restriction() -> None:
    assert "172" in _codes("La Pologne a imposé des restrictions aux importations de céréales ukrainiennes.")
    assert "172" in _codes("Le Niger a instauré une interdiction des vols vers la France.")
    assert "1724" in _codes("Le gouvernement a imposé la loi martiale dans trois provinces.")


@pytest.mark.parametrize(
    "text",
    [
        "La justice française a inculpé l'ancien ministre malien pour corruption.",
        "L'ancien gouverneur a été mis en examen pour détournement de fonds publics.",
        "Le procès de l'ancien président tchadien s'est ouvert lundi à Dakar.",
    ],
)
def test_charging_and_trying_are_accusations_in_plover(text: str) -> None:
    """Indicting, charging, bringing to trial: CAMEO 173 (charge with legal action), which PLOVER's mapping sends to
    COERCE/arrest, but PLOVER's manual names it ACCUSE (mode allege: "sue, indict, or charge; bring to trial")."""
    events = [e for e in code_text(text, lang="fr", published="2024-05-07").events if e.cameo == "173"]
    assert events and all(e.plover == "ACCUSE" for e in events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 0812: allowing a party or a candidate (to stand, to act) eases a ban on it
        ("La Cour constitutionnelle a autorisé le candidat de l'opposition à se présenter à la présidentielle.", "0812"),
        # 081: allowing refugees or exiles to return eases a restriction
        ("Le Mali a autorisé le retour des exilés politiques.", "081"),
        ("Le Burundi a autorisé les réfugiés à rentrer dans leurs villages.", "081"),
    ],
)
def test_authorising_a_party_or_a_return_is_a_concession(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


def test_authorising_the_inspectors_return_stays_access_for_inspectors() -> None:
    assert "0862" in _codes("L'Irak a autorisé le retour des inspecteurs de l'ONU.")


@pytest.mark.parametrize(
    "text",
    [
        "Le Premier ministre hongrois s'est dit opposé à l'adhésion de l'Ukraine à l'Union européenne.",
        "Le gouvernement s'est déclaré hostile à toute médiation étrangère.",
    ],
)
def test_saying_oneself_opposed_is_a_rejection(text: str) -> None:
    """« se dire / se déclarer opposé, hostile à » rejects (120), as « se dire préoccupé » is pessimism (012)."""
    assert "120" in _codes(text)


def test_days_of_an_act_are_the_act() -> None:
    """« dix jours de manœuvres », « trois semaines de grève »: the span is the act itself (language.toml act_heads),
    not a circumstance of another noun; after « après » it stays background."""
    assert "150" in _codes("La Russie a lancé lundi dix jours de manœuvres navales en mer Baltique.")
    assert "190" not in _codes("L'Inde et le Pakistan ont signé une trêve après trois jours de combats.")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # 190: destroying a fleet or a squadron is fighting, not destroying property (1712)
        ("La moitié de la flotte russe de la mer Noire a été détruite par des drones ukrainiens.", "190"),
        # 190: retaking a town (as en.recapture), the noun too
        ("L'armée malienne a reconquis la ville de Kidal.", "190"),
        ("La reconquête de Kidal par l'armée malienne a été annoncée mardi.", "190"),
        # 190: armed fighters infiltrating a country
        ("Des combattants du Hamas se sont infiltrés en Israël.", "190"),
        # 170: spying on someone (as en.spy)
        ("La Chine a espionné des diplomates européens.", "170"),
        # 0831: abdicating (as en.abdicate)
        ("Le roi des Pays-Bas a abdiqué en faveur de son fils.", "0831"),
    ],
)
def test_military_and_leadership_acts_missing_before(text: str, cameo: str) -> None:
    assert cameo in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le Japon est opposé à la levée des sanctions contre la Corée du Nord.",
        "Le Brésil est opposé à une intervention militaire au Venezuela.",
    ],
)
def test_being_opposed_to_a_plan_is_the_subjects_rejection(text: str) -> None:
    """« être opposé à » + a plan, a decision rejects (120), by the subject of the copula (no passive: the parser's
    nsubj:pass is the one who rejects)."""
    events = [e for e in code_text(text, lang="fr", published="2024-05-07").events if e.cameo == "120"]
    assert events and events[0].source_code in ("JPN", "BRA")


def test_forces_pitted_against_each_other_are_no_rejection() -> None:
    assert "120" not in _codes("Les combats ont opposé l'armée aux rebelles près de Goma.")


def test_striking_a_ship_and_going_to_war_are_fighting() -> None:
    assert {"190", "195"} & _codes("Des missiles houthis ont frappé un pétrolier grec en mer Rouge.")
    assert "190" in _codes("La Turquie est entrée en guerre contre les milices kurdes.")


@pytest.mark.parametrize(
    "text",
    [
        "Le président a attaqué le problème du chômage.",
        "Le nouveau gouvernement a attaqué la corruption dans les douanes.",
    ],
)
def test_tackling_a_problem_is_no_attack(text: str) -> None:
    """« attaquer le problème, la corruption » tackles it (not_acts), as « combattre la corruption »."""
    assert not {"190", "111", "138"} & _codes(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Des blindés russes ont pilonné la ville de Bakhmout.", "RUSMIL"),
        ("Des projectiles israéliens ont touché un hôpital de Gaza.", "ISRMIL"),
        ("Une torpille nord-coréenne a coulé une corvette sud-coréenne.", "PRKMIL"),
    ],
)
def test_armour_projectiles_and_warships_act_for_their_army(text: str, source: str) -> None:
    """Weapons (language.toml `weapons`): armoured vehicles, projectiles, torpedoes, warships act for their side's army."""
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert any(e.source_code == source and e.cameo[:2] == "19" for e in events)


def test_recommending_a_ban_is_no_ban() -> None:
    """« préconiser d'interdire » recommends (020, as recommander); the ban is not imposed (no 16x/17x)."""
    codes = _codes("La Commission européenne préconise d'interdire les importations de gaz russe.")
    assert "020" in codes and not any(c[:2] in ("16", "17") for c in codes)


def test_a_veto_against_a_resolution_stays_a_veto() -> None:
    """« opposer son veto à une résolution » is a veto (129), not the plain rejection of « être opposé à » (120)."""
    assert "129" in _codes("La Russie a opposé son veto à une résolution sur la Syrie.")
