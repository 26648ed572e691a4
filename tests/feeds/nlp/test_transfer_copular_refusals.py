"""What refuses a newcomer named by a copula (feeds/nlp/transfers/copular.py): the copula
as an auxiliary, a name after the noun, the noun as another noun's dependent, wishes and
questions, past newcomers, the sentence's own team, race senses of the nouns, and copulas
read per language only. Each near-miss names Mads Pedersen (a Lidl-Trek rider in June
2024) where a wrong reading would move him to the headline's team."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from feeds.nlp.lexicon import LexiconError, load_lexicons, story_lexicon
from feeds.nlp.transfers import copular, extract
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span
from feeds.tagger import Tagger
from tests.feeds.nlp.test_lexicons import _bundled_folder
from tests.growth import assert_linear

JUNE_2024 = date(2024, 6, 10)
SOUDAL = "Soudal Quick-Step"
MOVISTAR = "Movistar Team"
PEDERSEN = "Mads Pedersen"


def _moves(tagger: Tagger, text: str, language: str) -> dict[str, str | None]:
    title, body = text.split("\n", 1)
    tags = tagger.tag(title, body, JUNE_2024, language=language)
    return {m.person: m.to_team for m in tags.moves}


def _refused(tagger: Tagger, language: str, text: str) -> None:
    assert PEDERSEN not in _moves(tagger, text, language)


def _copular_teams(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch, text: str, language: str
) -> dict[str, set[str]]:
    """The destinations the copular rule alone gives each person (before `decide`, where
    other rules may outvote it)."""
    found: dict[str, set[str]] = {}

    def recording(story: Story, spans: Sequence[Span]) -> None:
        start = len(story.evidence)
        copular.copular_moves(story, spans)
        for ev in story.evidence[start:]:
            name = tagger.roster.people[ev.person_id].name
            teams = {tagger.roster.teams[t].name_on(JUNE_2024) for t in ev.to}
            found.setdefault(name, set()).update(teams)

    monkeypatch.setattr(extract, "copular_moves", recording)
    title, body = text.split("\n", 1)
    tagger.tag(title, body, JUNE_2024, language=language)
    return found


# 1. the copula as an auxiliary: a participle or a subject pronoun right after it, an
# agent or comitative word before the name
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step signings in camp\nThe squad met in Calpe. The new signing has "
            "been training with his old friend Mads Pedersen all week.",
        ),
        (
            "en",
            "Soudal Quick-Step signings in camp\nThe squad met in Calpe. The newest recruit was "
            "congratulated on stage by Mads Pedersen.",
        ),
        (
            "de",
            "Neuzugänge bei Soudal Quick-Step\nDas Team trainiert in Calpe. Der Neuzugang "
            "wurde dort zufällig von Mads Pedersen überholt.",
        ),
        (
            "de",
            "Neuzugänge bei Soudal Quick-Step\nDas Team trainiert in Calpe. Als Neuzugang wird "
            "er gegen Mads Pedersen in den Sprints antreten müssen.",
        ),
        (
            "fr",
            "Les recrues de Soudal Quick-Step\nL'équipe est à Calpe. La nouvelle recrue est "
            "partie rouler lundi derrière Mads Pedersen.",
        ),
        (
            "it",
            "I nuovi acquisti della Soudal Quick-Step\nLa squadra è a Calpe. Il nuovo acquisto "
            "è stato premiato da Mads Pedersen durante la serata.",
        ),
        (
            "es",
            "Los fichajes del Soudal Quick-Step\nEl equipo está en Calpe. El nuevo fichaje ha "
            "sido felicitado por Mads Pedersen en la presentación.",
        ),
        (
            "pt",
            "Os reforços da Soudal Quick-Step\nA equipa está em Calpe. O novo corredor foi "
            "cumprimentado por Mads Pedersen durante a cerimónia.",
        ),
        (
            "nl",
            "De aanwinsten van Soudal Quick-Step\nDe ploeg is in Calpe. De aanwinst werd er "
            "herkend door Mads Pedersen.",
        ),
        (
            "da",
            "Soudal Quick-Step har hentet nye ryttere\nHoldet er i Calpe. Nyerhvervelsen er "
            "blevet rost af Mads Pedersen efter de første dage.",
        ),
        (
            "no",
            "Soudal Quick-Step har signert nye ryttere\nLaget er i Calpe. Nysigneringen ble "
            "tatt godt imot av Mads Pedersen.",
        ),
    ],
)
def test_an_auxiliary_names_no_newcomer(tagger: Tagger, language: str, text: str) -> None:
    _refused(tagger, language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a genitive or descriptive "de/der" before the name is a predicate noun phrase
        (
            "es",
            "Los fichajes del Soudal Quick-Step\nEl equipo belga se movió. El tercer fichaje "
            "es el danés de 28 años Mads Pedersen.",
        ),
        (
            "de",
            "Neuzugänge bei Soudal Quick-Step\nDas Team war aktiv. Der jüngste Neuzugang ist "
            "der ehemalige Weltmeister der Profis Mads Pedersen.",
        ),
        (
            "fr",
            "Les recrues de Soudal Quick-Step\nL'équipe a bougé. La recrue phare est l'ancien "
            "champion du monde Mads Pedersen.",
        ),
    ],
)
def test_a_predicate_noun_phrase_still_names_the_newcomer(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, text, language).get(PEDERSEN) == SOUDAL


# 2. a name right after the noun is the newcomer, never the name after the copula
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step signings in camp\nThe squad met in Calpe. New signing Jasper "
            "Stuyven was faster than Mads Pedersen in an impromptu sprint.",
        ),
        (
            "it",
            "I nuovi acquisti della Soudal Quick-Step\nLa squadra è a Calpe. Il nuovo acquisto "
            "Jasper Stuyven è più veloce di Mads Pedersen in volata.",
        ),
    ],
)
def test_the_apposed_name_is_the_newcomer(tagger: Tagger, language: str, text: str) -> None:
    moves = _moves(tagger, text, language)
    assert PEDERSEN not in moves
    assert moves.get("Jasper Stuyven") == SOUDAL


# 3. the noun governed by another noun; a name in the possessive
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step signings\nThe team has been busy. The agent of the new signing "
            "is also Mads Pedersen's agent.",
        ),
        (
            "en",
            "Soudal Quick-Step signings\nThe team has been busy. The new signing's first rival "
            "will be Mads Pedersen.",
        ),
        (
            "en",
            "Soudal Quick-Step signings\nThe team has been busy. The new signing will be Mads "
            "Pedersen's lead-out man.",
        ),
        (
            "it",
            "I nuovi acquisti della Soudal Quick-Step\nLa squadra si è mossa. Il procuratore "
            "del nuovo acquisto è lo stesso di Mads Pedersen.",
        ),
        (
            "es",
            "Los fichajes del Soudal Quick-Step\nEl equipo se movió. El agente del nuevo "
            "fichaje es Mads Pedersen.",
        ),
        (
            "fr",
            "Les recrues de Soudal Quick-Step\nL'équipe a bougé. Le premier rival de la "
            "nouvelle recrue sera Mads Pedersen.",
        ),
    ],
)
def test_a_dependent_noun_names_no_newcomer(tagger: Tagger, language: str, text: str) -> None:
    _refused(tagger, language, text)


# 4. wishes and questions; the plain conditional of a report stays a rumour
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step want a sprinter\nThe team looks for signings. The dream signing "
            "would be Mads Pedersen.",
        ),
        (
            "en",
            "Soudal Quick-Step want a sprinter\nThe team looks for signings. Their next signing "
            "would be Mads Pedersen, but the Dane has a contract with Lidl-Trek until 2027.",
        ),
        (
            "es",
            "Los fichajes del Soudal Quick-Step\nEl equipo busca un líder. El fichaje ideal "
            "sería Mads Pedersen.",
        ),
        (
            "es",
            "Los fichajes del Soudal Quick-Step\nEl equipo busca un líder. ¿El próximo fichaje "
            "será Mads Pedersen?",
        ),
        (
            "fr",
            "Les recrues de Soudal Quick-Step\nL'équipe cherche un leader. La prochaine recrue "
            "serait-elle Mads Pedersen ?",
        ),
        (
            "de",
            "Neuzugänge bei Soudal Quick-Step\nDas Team sucht einen Sprinter. Der Traum-"
            "Neuzugang wäre Mads Pedersen.",
        ),
        (
            "en",
            "Soudal Quick-Step want a sprinter\nThe team looks for signings. Their next "
            "signing would be Mads Pedersen?",
        ),
    ],
)
def test_a_wish_or_a_question_names_no_newcomer(tagger: Tagger, language: str, text: str) -> None:
    _refused(tagger, language, text)


def test_a_conditional_report_stays_a_rumour(tagger: Tagger) -> None:
    text = (
        "Los fichajes del Soudal Quick-Step\nEl equipo prepara 2025. Mads Pedersen sería "
        "nuevo ciclista del Soudal Quick-Step a partir de 2025, según varias fuentes."
    )
    tags = tagger.tag(*text.split("\n", 1), JUNE_2024, language="es")
    moves = {m.person: m for m in tags.moves}
    assert moves[PEDERSEN].to_team == SOUDAL
    assert moves[PEDERSEN].status == "rumour"


# 5. a past newcomer is history
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step look back\nA decade of signings. The big signing of Soudal "
            "Quick-Step in 2019 was Mads Pedersen.",
        ),
        (
            "de",
            "Soudal Quick-Step blickt zurück\nZehn Jahre Transfers. Der große Neuzugang von "
            "Soudal Quick-Step im Jahr 2019 war Mads Pedersen.",
        ),
        (
            "it",
            "La Soudal Quick-Step guarda indietro\nDieci anni di acquisti. Il grande acquisto "
            "della Soudal Quick-Step nel 2019 fu Mads Pedersen.",
        ),
        (
            "fr",
            "Soudal Quick-Step, dix ans de recrues\nUne décennie de mercato. Mads Pedersen "
            "était la recrue de Soudal Quick-Step en 2019.",
        ),
    ],
)
def test_a_past_newcomer_is_no_move(tagger: Tagger, language: str, text: str) -> None:
    _refused(tagger, language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step signings\nA busy winter. The big signing of Soudal Quick-Step "
            "for 2025 was Mads Pedersen.",
        ),
        (
            "de",
            "Neuzugänge bei Soudal Quick-Step\nEin ruhiger Winter. Der große Neuzugang von "
            "Soudal Quick-Step war Mads Pedersen.",
        ),
    ],
)
def test_a_past_copula_of_this_season_is_read(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, text, language).get(PEDERSEN) == SOUDAL


# 6. the sentence's own team beats the headline's
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Movistar Team complete their roster\nMovistar Team added two neo-pros. Elsewhere, "
            "at Soudal Quick-Step the biggest signing is Mads Pedersen.",
        ),
        (
            "en",
            "Movistar Team complete their roster\nMovistar Team added two neo-pros. The biggest "
            "signing of the winter is Mads Pedersen at Soudal Quick-Step.",
        ),
        (
            "de",
            "Movistar Team komplettiert den Kader\nMovistar Team holt zwei Neoprofis. Der "
            "wichtigste Neuzugang des Winters ist Mads Pedersen bei Soudal Quick-Step.",
        ),
        (
            "fr",
            "Movistar Team boucle son effectif\nMovistar Team a pris deux néo-pros. La recrue "
            "phare de l'hiver est Mads Pedersen chez Soudal Quick-Step.",
        ),
    ],
)
def test_the_sentence_team_beats_the_headline(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch, language: str, text: str
) -> None:
    assert _copular_teams(tagger, monkeypatch, text, language) == {PEDERSEN: {SOUDAL}}


def test_a_team_in_another_clause_leaves_the_headline_team(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "…, who left T": the origin, in a clause of its own, is not the destination."""
    text = (
        "Movistar Team signings\nMovistar Team have been busy. The biggest signing of the "
        "winter is Mads Pedersen, who left Soudal Quick-Step in August."
    )
    assert _copular_teams(tagger, monkeypatch, text, "en") == {PEDERSEN: {MOVISTAR}}


# 7. race senses of the nouns
@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step win Paris-Tours\nSoudal Quick-Step won Paris-Tours with Tim "
            "Merlier, who signed a new contract. The reinforcement for the chasers was Mads "
            "Pedersen, who closed the gap alone.",
        ),
        (
            "en",
            "Soudal Quick-Step win Paris-Tours\nSoudal Quick-Step won Paris-Tours with Tim "
            "Merlier, who signed a new contract. The new face on the podium was Mads Pedersen.",
        ),
        (
            "it",
            "La Soudal Quick-Step vince la Parigi-Tours\nLa Soudal Quick-Step ha vinto con Tim "
            "Merlier, che ha firmato il rinnovo. Il volto nuovo del podio è Mads Pedersen.",
        ),
        (
            "es",
            "El Soudal Quick-Step gana la París-Tours\nEl Soudal Quick-Step ganó con Tim Merlier, "
            "que ha firmado su renovación. La cara nueva del podio fue Mads Pedersen.",
        ),
        (
            "nl",
            "Soudal Quick-Step wint Parijs-Tours\nSoudal Quick-Step won met Tim Merlier, die "
            "tekende voor twee jaar. De nieuwkomer op het podium was Mads Pedersen.",
        ),
    ],
)
def test_a_race_sense_names_no_newcomer(tagger: Tagger, language: str, text: str) -> None:
    _refused(tagger, language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Los fichajes del Soudal Quick-Step\nEl equipo se movió. La cara nueva del Soudal "
            "Quick-Step para 2025 es Mads Pedersen.",
        ),
        (
            "pt",
            "Os reforços da Soudal Quick-Step\nA equipa mexeu-se. O terceiro reforço é o "
            "dinamarquês Mads Pedersen.",
        ),
    ],
)
def test_a_race_noun_of_a_team_is_read(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, text, language).get(PEDERSEN) == SOUDAL


# 8. copulas per language only
def test_one_languages_function_word_is_not_anothers_copula(tagger: Tagger) -> None:
    assert "er" not in story_lexicon(("de",)).words("copulas")
    assert "was" not in story_lexicon(("de",)).words("past_copulas")
    assert "er" in story_lexicon(("da",)).words("copulas")
    assert "was" in story_lexicon(("en",)).words("past_copulas")
    text = (
        "Neuzugänge bei Soudal Quick-Step\nDas Team trainiert in Spanien. Der Neuzugang "
        "zeigte was Mads Pedersen ihm beigebracht hatte."
    )
    _refused(tagger, "de", text)


@pytest.mark.parametrize(
    "concept", ["copulas", "past_copulas", "newcomer_nouns", "copula_auxiliary_shapes"]
)
def test_a_copular_word_is_refused_in_common(tmp_path: Path, concept: str) -> None:
    folder = _bundled_folder(tmp_path)
    common = folder / "common.toml"
    common.write_text(common.read_text(encoding="utf-8") + f"\n{concept} = ['xyzzy']\n")
    with pytest.raises(LexiconError, match="not shared"):
        load_lexicons(folder)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # participles after the copula, sentence after sentence
        ("en", "The new signing has been training with Mads Pedersen. "),
        # one long sentence: a past copula and years, conditionals and contrast words (the
        # nouns the other rules take no cue from: "signing" after names is slow on main too)
        ("pt", "a cara nova de 2019 foi Mads Pedersen mas a cara nova seria Mads Pedersen e "),
        # one long question
        ("es", "el próximo fichaje será Mads Pedersen y "),
        # race nouns and places
        ("it", "il volto nuovo del podio è Mads Pedersen e "),
    ],
    ids=["sentences", "past-one-sentence", "question", "race"],
)
def test_the_refusals_grow_linearly(tagger: Tagger, language: str, sentence: str) -> None:
    assert_linear(
        lambda body: tagger.tag("Soudal Quick-Step signings", body, JUNE_2024, True, language),
        lambda n: sentence * n + "fin?",
        300,
    )
