"""Result words that no race of the calendar placed (feeds/races/kind.py): a report of a
race missing from the calendar is a `result` in any language, so the spoiler shield hides
it; a story of no race, or another sport's, stays `other`. Fresh sentences, in the shapes
of real reports."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

DAY = date(2025, 8, 10)


REPORTS = [
    (
        "pt",
        "Rui Oliveira ganha em Viseu e veste a camisola amarela na Volta a Portugal",
        "O ciclista da UAE Team Emirates venceu ao sprint a quarta etapa e é o novo líder.",
    ),
    (
        "no",
        "Alexander Kristoff vant spurten på tredje etappe i Tour of Hellas",
        "Uno-X Mobility-rytteren var sterkest i spurten og tok sin andre seier for sesongen.",
    ),
    (
        "en",
        "Tobias Foss wins the prologue in Alentejo and takes the leader's jersey",
        "The Norwegian of Ineos Grenadiers was fastest over the short course.",
    ),
    (
        "sl",
        "Matej Mohorič zmagal na dirki po Hrvaški",
        "Slovenski kolesar ekipe Bahrain Victorious je bil najhitrejši v sprintu na tretji etapi.",
    ),
    (
        "it",
        "Filippo Ganna vince la cronometro del Giro di Sicilia",
        "Il corridore della Ineos Grenadiers ha vinto la seconda tappa con venti secondi "
        "di vantaggio.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), REPORTS)
def test_a_report_the_rules_cannot_place_is_a_result(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert tagger.tag(title, text, DAY, language=language).kind == "result"


NOT_REPORTS = [
    # result words without a race being run: an award, a court, an interview
    (
        "en",
        "Tadej Pogačar wins Slovenian sportsman of the year award",
        "The UAE Team Emirates rider won the vote for the fifth time.",
    ),
    (
        "it",
        "Filippo Ganna vince il premio come miglior atleta dell'anno",
        "Il corridore della Ineos Grenadiers ha vinto davanti a due nuotatori.",
    ),
    (
        "en",
        "Court rules in favour of Richard Carapaz in his dispute with his former team",
        "The EF Education-EasyPost rider won the case against the federation.",
    ),
    (
        "nl",
        "Interview met Tadej Pogačar: 'Ik wil nog veel winnen'",
        "De renner van UAE Team Emirates blikt vooruit op zijn winter.",
    ),
    ("en", "Scottie Scheffler wins the Masters in Augusta", "The golfer won by four shots."),
    (
        "en",
        "Tadej Pogačar: a look at his training camp in Tenerife",
        "The UAE Team Emirates leader spends three weeks at altitude every winter.",
    ),
    (
        "pt",
        "Entrevista: Rui Costa fala sobre a sua carreira",
        "O campeão do mundo de 2013 recorda os anos na Movistar.",
    ),
    (
        "fr",
        "Julian Alaphilippe raconte son hiver",
        "Le coureur de Tudor se confie sur sa préparation.",
    ),
    (
        "de",
        "Florian Lipowitz im Interview über seine Ziele",
        "Der Fahrer von Red Bull-Bora-Hansgrohe spricht über den Winter.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), NOT_REPORTS)
def test_a_story_of_no_race_stays_other(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert tagger.tag(title, text, DAY, language=language).kind == "other"


@pytest.mark.parametrize(
    ("language", "title", "text", "kind"),
    [
        (
            "en",
            "Jonas Vingegaard wins and signs a new contract until 2028",
            "The Dane extends his deal.",
            "transfer",
        ),
        (
            "en",
            "Wout van Aert breaks his collarbone in a crash after his win",
            "He needs surgery on Monday.",
            "crash",
        ),
        (
            "nl",
            "Visma | Lease a Bike presenteert na de zege nieuwe sponsor en nieuw shirt",
            "De ploeg heeft een nieuwe naam.",
            "team",
        ),
    ],
)
def test_a_result_word_beside_another_kind_leaves_that_kind(
    tagger: Tagger, language: str, title: str, text: str, kind: str
) -> None:
    assert tagger.tag(title, text, DAY, True, language).kind == kind
