"""Moves told across sentences, the review's shapes (task XSF): an announced signing is
carried only to a person the next sentence says moves or presents; a team is carried
only from the subject of the sentence before. Fresh sentences through the whole tagger and
the bundled roster, several languages, with the everyday readings of the same words."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

PUBLISHED = date(2024, 10, 10)


def _moves(tagger: Tagger, language: str, text: str) -> dict[str, str | None]:
    tags = tagger.tag("Mercato", text, PUBLISHED, feed_is_cycling=True, language=language)
    return {m.person: m.to_team for m in tags.moves}


# --- carried signing: the second sentence must say its person is the signing ---------

PRESENTED = {
    "en": "Cofidis has confirmed its third signing for next season. It is Pablo Castrillo, "
    "the 24-year-old Spanish climber.",
    "es": "El Cofidis ha anunciado un nuevo fichaje para la próxima temporada. Se trata de "
    "Pablo Castrillo, escalador de 24 años.",
    "fr": "La Cofidis a présenté une nouvelle recrue pour la saison prochaine. Il s'agit de "
    "Pablo Castrillo, grimpeur espagnol de 24 ans.",
    "da": "Cofidis har præsenteret sin tredje nye rytter til næste sæson. Det drejer sig om "
    "Pablo Castrillo, en 24-årig spansk klatrer.",
    "it": "La Cofidis ha annunciato il suo terzo acquisto per la prossima stagione. Si "
    "tratta di Pablo Castrillo, scalatore spagnolo di 24 anni.",
}


@pytest.mark.parametrize("language", sorted(PRESENTED))
def test_a_signing_then_a_presenting_phrase_names_it(tagger: Tagger, language: str) -> None:
    """ "It is X", "Se trata de X", "Il s'agit de X", "Det drejer sig om X": the sentence
    presents the person as the signing just announced."""
    assert _moves(tagger, language, PRESENTED[language]) == {"Pablo Castrillo": "Cofidis"}


SOMEONE_ELSE = [
    # a former rider comments
    (
        "en",
        "Cofidis has confirmed a new signing for next season. Pablo Castrillo, who left "
        "the team last winter, said he was happy for his old teammates.",
    ),
    # a comparison
    (
        "en",
        "Cofidis has confirmed a new signing for next season. The young rider has been "
        "compared to Pablo Castrillo by his coaches.",
    ),
    # a result with no race name
    ("en", "Cofidis has signed a new climber for next season. Pablo Castrillo was fourth."),
    (
        "en",
        "Cofidis has signed a new climber for next season. On Sunday Pablo Castrillo was "
        "fastest in the sprint.",
    ),
    (
        "it",
        "La Cofidis ha annunciato un nuovo acquisto. Domenica Pablo Castrillo ha vinto in "
        "volata a Francoforte.",
    ),
    # reported speech
    (
        "es",
        "El Cofidis ha anunciado un nuevo fichaje. Según Pablo Castrillo, el joven "
        "colombiano tiene un gran futuro.",
    ),
    (
        "fr",
        "La Cofidis a annoncé une nouvelle recrue. Selon Pablo Castrillo, le jeune coureur "
        "avait aussi été approché par d'autres équipes.",
    ),
    # a reaction
    (
        "nl",
        "Cofidis heeft een nieuwe aanwinst voorgesteld. Pablo Castrillo reageerde verrast "
        "op het nieuws.",
    ),
    (
        "da",
        "Cofidis har præsenteret en ny rytter. Pablo Castrillo var blandt de første til at "
        "lykønske holdet.",
    ),
    (
        "de",
        "Cofidis hat einen weiteren Neuzugang vorgestellt. Pablo Castrillo gratulierte dem "
        "Team als einer der Ersten.",
    ),
    # a presenting phrase before a possessive: the signing is someone else
    (
        "en",
        "Cofidis has confirmed its third signing for next season. It is Pablo Castrillo's "
        "former teammate at the Vuelta.",
    ),
    # a presenting phrase that does not open the sentence on the person
    (
        "es",
        "El Cofidis ha anunciado un nuevo fichaje. Se trata de un joven escalador al que "
        "Pablo Castrillo elogió el domingo.",
    ),
]


@pytest.mark.parametrize(("language", "text"), SOMEONE_ELSE)
def test_a_signing_is_not_given_to_whoever_comes_next(
    tagger: Tagger, language: str, text: str
) -> None:
    """Near misses: a teaser announcement, then a sentence about someone else (a comment,
    a result, a quote, a reaction): nothing says that person is the signing."""
    assert "Pablo Castrillo" not in _moves(tagger, language, text)


# --- carried team: only the subject of the sentence before -----------------------------

SUBJECT_CARRIED = {
    "en": "Lidl-Trek has signed Juan Ayuso. A month before the new season, Movistar has been "
    "busy too. It has signed Pablo Castrillo.",
    "fr": "Lidl-Trek a recruté Juan Ayuso. Du côté de Movistar, le travail continue. Elle a "
    "recruté Pablo Castrillo.",
    "it": "La Lidl-Trek ha ingaggiato Juan Ayuso. Anche la Movistar è stata molto attiva. Ha "
    "ingaggiato Pablo Castrillo.",
    "de": "Lidl-Trek hat Juan Ayuso verpflichtet. Bei Movistar war man ebenfalls aktiv. Das "
    "Team hat Pablo Castrillo verpflichtet.",
}


@pytest.mark.parametrize("language", sorted(SUBJECT_CARRIED))
def test_the_subject_or_topic_team_is_carried(tagger: Tagger, language: str) -> None:
    """The team the sentence before has acting (its subject, after articles, "too"-words
    or an opening adverbial; or its topic: "Du côté de T", "Bei T") is the one a bare
    "It has signed X" speaks of."""
    moves = _moves(tagger, language, SUBJECT_CARRIED[language])
    assert moves.get("Pablo Castrillo") == "Movistar Team"


PARTNER_BEFORE = [
    (
        "en",
        "Talks with Movistar about a joint deal came to nothing. Instead, the team has "
        "signed Pablo Castrillo.",
    ),
    (
        "de",
        "Verhandlungen mit Movistar über einen Tausch scheiterten. Das Team hat nun Pablo "
        "Castrillo verpflichtet.",
    ),
    (
        "it",
        "L'accordo con la Movistar per uno scambio è saltato. Ha quindi ingaggiato Pablo "
        "Castrillo.",
    ),
    (
        "es",
        "Las negociaciones con el Movistar no llegaron a buen puerto. Ha fichado a Pablo "
        "Castrillo.",
    ),
    # two teams in play: the named one and "the team"
    (
        "en",
        "Movistar will merge into the team at the end of the season. It has also signed "
        "Pablo Castrillo.",
    ),
]


@pytest.mark.parametrize(("language", "text"), PARTNER_BEFORE)
def test_a_partner_team_is_not_carried(tagger: Tagger, language: str, text: str) -> None:
    """Near misses: the team in the sentence before is a negotiating or merger partner
    (after "with", "mit", "con"; or beside a second team referred to by a team noun), not
    the team that signs."""
    story = "Lidl-Trek needed a climber for next season.\n\nThe team talked to many riders. "
    assert _moves(tagger, language, story + text).get("Pablo Castrillo") != "Movistar Team"
