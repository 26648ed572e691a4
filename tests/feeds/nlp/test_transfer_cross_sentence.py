"""Moves told across sentences (issue #13, task XS): a team named in one sentence, its
signings in the next. Fresh sentences through the whole tagger and the bundled roster,
each shape in several languages, with the everyday readings of the same words."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2023, 10, 10)


def _moves(tagger: Tagger, language: str, text: str) -> list[tuple[str, str | None]]:
    tags = tagger.tag("Mercato", text, PUBLISHED, feed_is_cycling=True, language=language)
    return sorted((m.person, m.to_team) for m in tags.moves)


def _described(tagger: Tagger, text: str) -> list[str]:
    """The teams the story's team descriptions ("the French team") were read as."""
    return [
        m.entity_id
        for m in tagger.mentions("Mercato", text, PUBLISHED)
        if m.how == "description" and m.kind == "team"
    ]


SIGNED_WITH_DESCRIBED_TEAM = {
    "fr": "La Groupama-FDJ a annoncé trois recrues pour 2024. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) et Axel Zingle (Cofidis) ont signé pour deux ans avec "
    "la formation française.",
    "en": "Groupama-FDJ has announced three new riders for 2024. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) and Axel Zingle (Cofidis) have signed two-year deals "
    "with the French team.",
    "it": "La Groupama-FDJ ha annunciato tre nuovi corridori. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) e Axel Zingle (Cofidis) hanno firmato per due anni con "
    "la squadra francese.",
    "es": "El Groupama-FDJ anunció tres fichajes para 2024. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) y Axel Zingle (Cofidis) han firmado por dos años con "
    "el equipo francés.",
}


@pytest.mark.parametrize("language", sorted(SIGNED_WITH_DESCRIBED_TEAM))
def test_a_described_team_is_the_one_named_before_not_a_riders_bracket(
    tagger: Tagger, language: str
) -> None:
    """The team announces its signings; the next sentence lists them with their old teams
    in brackets and names the team by a description: the description is the announcing
    team, not the last bracket of that country (once read as Cofidis)."""
    text = SIGNED_WITH_DESCRIBED_TEAM[language]
    assert _described(tagger, text) == ["groupama-fdj"]
    assert _moves(tagger, language, text) == [
        ("Axel Zingle", "Groupama-FDJ"),
        ("Guillaume Martin", "Groupama-FDJ"),
        ("Kévin Vauquelin", "Groupama-FDJ"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "team"),
    [
        (
            "en",
            "Axel Zingle (Cofidis) won the stage ahead of Kevin Vauquelin (Arkéa-Samsic). "
            "The French team celebrated at the finish.",
            "arkea",
        ),
        (
            "fr",
            "Axel Zingle (Cofidis) a gagné l'étape devant Bryan Coquard. L'équipe française "
            "a fêté la victoire.",
            "cofidis",
        ),
    ],
)
def test_a_race_report_with_only_brackets_still_reads_the_last_one(
    tagger: Tagger, language: str, text: str, team: str
) -> None:
    """Near miss: a race report names its teams only in brackets; "the French team" is
    still the last one of that country, and nobody moves."""
    assert _described(tagger, text) == [team]
    assert _moves(tagger, language, text) == []


def test_described_team_linear_in_brackets(tagger: Tagger) -> None:
    """A long list of riders with bracketed teams before the description: linear time."""

    def make(n: int) -> str:
        items = ", ".join(["Axel Zingle (Cofidis), Kevin Vauquelin (Arkéa-Samsic)"] * n)
        return f"La Groupama-FDJ annonce ses recrues. {items} rejoignent la formation française."

    assert_linear(lambda text: tagger.mentions("Mercato", text, PUBLISHED), make, 200)


ROUND_UP_PUBLISHED = date(2024, 10, 10)


def _round_up(tagger: Tagger, language: str, text: str) -> dict[str, str | None]:
    tags = tagger.tag("Mercato", text, ROUND_UP_PUBLISHED, feed_is_cycling=True, language=language)
    return {m.person: m.to_team for m in tags.moves}


TEAM_CARRIED = {
    "en": "Lidl-Trek has signed Juan Ayuso from UAE Team Emirates. Movistar has been busy "
    "too. It has signed Pablo Castrillo and Cian Uijtdebroeks.",
    "fr": "Lidl-Trek a recruté Juan Ayuso. Movistar a aussi été très actif. Elle a recruté "
    "Pablo Castrillo et Cian Uijtdebroeks.",
    "it": "La Lidl-Trek ha ingaggiato Juan Ayuso. Anche la Movistar è stata molto attiva. Ha "
    "ingaggiato Pablo Castrillo e Cian Uijtdebroeks.",
    "de": "Lidl-Trek hat Juan Ayuso verpflichtet. Auch Movistar war sehr aktiv. Das Team hat "
    "Pablo Castrillo und Cian Uijtdebroeks verpflichtet.",
    "es": "El Lidl-Trek ha fichado a Juan Ayuso. El Movistar también ha sido de los más "
    "activos. Ha fichado a Pablo Castrillo y a Cian Uijtdebroeks.",
}


@pytest.mark.parametrize("language", sorted(TEAM_CARRIED))
def test_a_team_verb_without_its_team_takes_the_sentence_befores(
    tagger: Tagger, language: str
) -> None:
    """ "It has signed", "Das Team hat verpflichtet", "Ha ingaggiato": the team is the one
    the sentence before named, not the round-up's main team (once Lidl-Trek, or none)."""
    moves = _round_up(tagger, language, TEAM_CARRIED[language])
    assert moves == {
        "Juan Ayuso": "Lidl-Trek",
        "Pablo Castrillo": "Movistar Team",
        "Cian Uijtdebroeks": "Movistar Team",
    }


@pytest.mark.parametrize(
    "between",
    [
        # a second person in play in the sentence before
        "Movistar has been busy too, with Nairo Quintana staying.",
        # a race report's sentence
        "Movistar abandoned the race after a crash on the descent.",
        # a quote
        '"Movistar has been busy too," he said.',
        # a paragraph ends
        "Movistar has been busy too.\n\n",
    ],
)
def test_the_team_is_not_carried_past_a_break(tagger: Tagger, between: str) -> None:
    """Near misses: the carry stops at a person, a race, a quote or a paragraph, and the
    story's main team stands in as before."""
    text = f"Lidl-Trek has signed Juan Ayuso from UAE Team Emirates. {between} It has signed "
    text += "Pablo Castrillo and Cian Uijtdebroeks."
    moves = _round_up(tagger, "en", text)
    assert moves.get("Pablo Castrillo") != "Movistar Team"
    assert moves.get("Cian Uijtdebroeks") != "Movistar Team"


def test_riders_kept_are_not_carried_signings(tagger: Tagger) -> None:
    """Near miss: a team's sentence, then riders it keeps: no arrival, no move."""
    text = "Movistar has been busy this winter. It has kept Pablo Castrillo and Cian Uijtdebroeks."
    assert _round_up(tagger, "en", text) == {}


SIGNING_THEN_PERSON = {
    "en": "Cofidis has confirmed its third signing for next season. The 24-year-old Pablo "
    "Castrillo comes over from Kern Pharma.",
    "fr": "La Cofidis annonce une nouvelle recrue pour la saison prochaine. Âgé de 24 ans, "
    "Pablo Castrillo arrive de Kern Pharma.",
    "es": "El Cofidis ha anunciado su tercer fichaje para la próxima temporada. Pablo "
    "Castrillo, de 24 años, llega desde el Kern Pharma.",
    "it": "La Cofidis ha annunciato il suo terzo acquisto per la prossima stagione. Pablo "
    "Castrillo, 24 anni, proviene dalla Kern Pharma.",
    "de": "Cofidis hat den dritten Neuzugang für die nächste Saison vorgestellt. Der "
    "24-jährige Pablo Castrillo kommt von Kern Pharma.",
    "da": "Cofidis har præsenteret sin tredje nye rytter til næste sæson. Den 24-årige Pablo "
    "Castrillo kommer fra Kern Pharma.",
}


@pytest.mark.parametrize("language", sorted(SIGNING_THEN_PERSON))
def test_a_signing_announced_then_its_one_person(tagger: Tagger, language: str) -> None:
    """The team announces a signing naming nobody; the next sentence names one person
    and only the team they come from: that person is the signing."""
    moves = _round_up(tagger, language, SIGNING_THEN_PERSON[language])
    assert moves == {"Pablo Castrillo": "Cofidis"}


@pytest.mark.parametrize(
    "after",
    [
        " Pablo Castrillo, meanwhile, stays at Kern Pharma.",  # another team of his own
        " Pablo Castrillo abandoned the Vuelta after a crash on the descent.",  # a race
        " Pablo Castrillo has extended his contract until 2026.",  # an extension
        " Pablo Castrillo will not be joining the team.",  # a negation
        " Pablo Castrillo could move to another team next year.",  # somewhere else
        '\n\n"Pablo Castrillo is a great rider," the manager said.',  # a quote, a paragraph
        "\n\nPablo Castrillo won the stage at the Vuelta.",  # a paragraph
    ],
)
def test_a_signing_is_not_carried_to_other_news(tagger: Tagger, after: str) -> None:
    """Near misses: the sentence after the announcement tells other news of the person."""
    text = "Cofidis has confirmed its third signing for next season." + after
    assert "Pablo Castrillo" not in _round_up(tagger, "en", text)


def test_carried_teams_linear(tagger: Tagger) -> None:
    """Many team sentences each followed by a pronoun signing, and a long list of names
    after one announcement: linear time."""

    def make(n: int) -> str:
        pair = "Movistar has been busy. It has signed Pablo Castrillo. "
        names = ", ".join(["Cian Uijtdebroeks (Visma | Lease a Bike)"] * n)
        return (pair * n) + f"Cofidis has confirmed a signing. {names} came over."

    assert_linear(
        lambda text: tagger.tag("Mercato", text, ROUND_UP_PUBLISHED, feed_is_cycling=True),
        make,
        100,
    )
