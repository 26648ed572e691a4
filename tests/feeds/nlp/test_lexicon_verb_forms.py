"""The verb forms news uses, read by the lexicon concept that means them (issue #13).

The lexicons spell a verb's forms as alternations of endings ("rejoi(?:nt|gnent|ndra)");
one wrong letter in an ending ("rejoingnent", "trocau", "podpise" for "podpiše") loses
every story that uses the form, with no error anywhere. Each row below is a real form in
a short clause of its own, and the concept it must be found by; each near miss is the
everyday reading of similar letters, which that concept must leave alone. A cue concept
is read through the scan (its index too), a regular-expression concept by its patterns.
"""

from __future__ import annotations

import re

import pytest

from feeds.nlp.lexicon import CONCEPTS, CUE, bundled
from feeds.nlp.transfers.scan import FAMILIES, scan_cues
from tests.growth import assert_linear

_FAMILY_OF = {concept: family for family, concept in FAMILIES.items()}

ARRIVE = ("arrive", "acquire")
DEPART = ("depart", "lose")

# (language, concepts any of which must find the form, clause)
FORMS: list[tuple[str, tuple[str, ...], str]] = [
    # French
    ("fr", ARRIVE, "elles rejoignent l'équipe"),
    ("fr", ARRIVE, "il rejoignait l'équipe"),
    ("fr", ARRIVE, "il rejoindra l'équipe"),
    ("fr", ARRIVE, "il s'engagerait avec l'équipe"),
    ("fr", ARRIVE, "l'équipe recrutera le grimpeur"),
    ("fr", DEPART, "il a quitté l'équipe"),
    ("fr", DEPART, "ils quitteront l'équipe"),
    ("fr", DEPART, "il quittait l'équipe"),
    ("fr", ("extension",), "ils prolongent jusqu'en 2027"),
    ("fr", ("extension",), "il prolongera jusqu'en 2027"),
    ("fr", ("dispute",), "il a démenti"),
    ("fr", ("reported_by",), "le journal a rapporté que"),
    # Italian
    ("it", DEPART, "lascerà la squadra"),
    ("it", DEPART, "lascerebbe la squadra"),
    ("it", ARRIVE, "la squadra ingaggerà il velocista"),
    ("it", ("agreement",), "ha raggiunto un accordo"),
    ("it", ("extension",), "rinnoverà fino al 2027"),
    ("it", ("extension",), "prolungherà fino al 2027"),
    ("it", ("dispute",), "ha smentito"),
    ("it", ("dispute",), "i dirigenti smentiscono"),
    ("it", ("rumours_dispelled",), "smentendo le voci di un passaggio"),
    # Spanish
    ("es", ARRIVE, "recaló en el equipo"),
    ("es", ("extension",), "renovó hasta 2027"),
    ("es", ("extension",), "amplía su contrato hasta 2027"),
    ("es", ("extension",), "prolongó su vinculación"),
    ("es", ("dispute",), "desmintió"),
    ("es", ("dispute",), "ha desmentido"),
    ("es", ("rumours_dispelled",), "al desmentir los rumores sobre"),
    # Portuguese
    ("pt", ARRIVE, "trocou a equipa pela rival"),
    ("pt", ARRIVE, "vai juntar-se à equipa"),
    ("pt", ARRIVE, "juntar-se-á à equipa no próximo ano"),
    ("pt", DEPART, "deixam a equipa"),
    ("pt", ("dispute",), "o diretor negou"),
    ("pt", ("dispute",), "desmentiu"),
    ("pt", ("extension",), "estendeu o contrato"),
    # German
    ("de", ARRIVE, "ist zum team gewechselt"),
    ("de", ARRIVE, "das team verpflichtete den sprinter"),
    ("de", ARRIVE, "heuerte beim team an"),
    ("de", ARRIVE, "schloss sich dem team an"),
    ("de", DEPART, "verließ das team"),
    ("de", ("extension",), "verlängerte seinen vertrag"),
    ("de", ("dispute",), "der manager dementierte"),
    ("de", ("dispute",), "der manager bestritt das"),
    ("de", ("talks",), "das team verhandelt"),
    ("de", ("talks",), "beide seiten verhandeln"),
    # Dutch
    ("nl", ARRIVE, "stapte over naar de ploeg"),
    ("nl", ARRIVE, "kwam over van de ploeg"),
    ("nl", ARRIVE, "sloot aan bij de ploeg"),
    ("nl", DEPART, "verliet de ploeg"),
    ("nl", DEPART, "nam afscheid van de ploeg"),
    ("nl", ("extension",), "tekent bij tot 2027"),
    ("nl", ("extension",), "heeft bijgetekend"),
    ("nl", ("dispute",), "heeft ontkend"),
    # Danish
    ("da", ARRIVE, "har skiftet til holdet"),
    ("da", ARRIVE, "har signeret med holdet"),
    ("da", DEPART, "har forladt holdet"),
    ("da", ("dispute",), "har afvist"),
    # Norwegian
    ("no", ARRIVE, "skriver under for laget"),
    ("no", ARRIVE, "har skrevet under med laget"),
    ("no", DEPART, "har forlatt laget"),
    ("no", DEPART, "skal forlate laget"),
    ("no", ("extension",), "en kontraktforlengelse"),
    ("no", ("dispute",), "har avvist"),
    ("no", ("confirmed",), "overgangen er offisiell"),
    # Slovenian
    ("sl", ARRIVE, "podpiše pogodbo z ekipo"),
    ("sl", ARRIVE, "podpišejo pogodbo z ekipo"),
    ("sl", DEPART, "se je razšel z ekipo"),
    ("sl", DEPART, "sta se razideta"),
    ("sl", ("dispute",), "vodstvo zanikajo"),
    ("sl", ("contract_ended",), "prekine pogodbo z"),
    ("sl", ("contract_ended",), "prekinejo pogodbo s"),
    # English
    ("en", ("contract_ended",), "rescinds the contract of"),
    ("en", ("contract_ended",), "rescind his contract with"),
]

# (language, concept that must not find it, clause): everyday words with the same letters
NEAR_MISSES: list[tuple[str, str, str]] = [
    ("fr", "depart", "une quittance de loyer"),
    ("fr", "extension", "le prolongement de la ligne"),
    ("fr", "reported_by", "le rapporteur du texte"),
    ("it", "agreement", "ha raggiunto il traguardo"),
    ("it", "depart", "un lasciapassare"),
    ("es", "dispute", "la negociación sigue"),
    ("es", "extension", "una energía renovable"),
    ("es", "depart", "abandona la carrera"),
    ("pt", "depart", "deixa a prova"),
    ("pt", "dispute", "negociou com a equipa"),
    ("pt", "arrive", "um trocadilho"),
    ("de", "arrive", "wechselhaftes wetter"),
    ("de", "talks", "verhandlungsfähig"),
    ("nl", "arrive", "de tekenaar"),
    ("nl", "extension", "een verlengstuk"),
    ("da", "arrive", "en skiftenøgle"),
    ("no", "confirmed", "en offiser"),
    ("sl", "arrive", "njegov podpis na dresu"),
    ("sl", "contract_ended", "prekinitev dirke"),
    ("en", "contract_ended", "terminated the race"),
]


def _found(language: str, concept: str, text: str) -> bool:
    low = text.lower()
    if CONCEPTS[concept] == CUE:
        return bool(scan_cues(low, (language,)).get(_FAMILY_OF[concept]))
    patterns = bundled().pool([language]).compiled(concept)
    return any(re.search(rf"(?<!\w)(?:{p.pattern})", low) for p in patterns)


@pytest.mark.parametrize(("language", "concepts", "text"), FORMS)
def test_a_real_form_is_found_by_its_concept(
    language: str, concepts: tuple[str, ...], text: str
) -> None:
    assert any(_found(language, c, text) for c in concepts), (language, concepts, text)


@pytest.mark.parametrize(("language", "concept", "text"), NEAR_MISSES)
def test_an_everyday_word_is_not_read_as_the_concept(
    language: str, concept: str, text: str
) -> None:
    assert not _found(language, concept, text), (language, concept, text)


def test_every_language_has_rows() -> None:
    """A language added later gets its own rows here (its verbs can have typos too)."""
    assert {row[0] for row in FORMS} == set(bundled().languages)


def _repeated_cues(n: int) -> str:
    """The new cue shapes, many times over and never finished: "skriver under" with no
    "for"/"med" after its bounded gap, "tekent bij" with no team, elided futures."""
    return (
        "skriver under under under skrev under av av av "
        "tekent bij tekent bij bijgetekend juntar-se-á juntar-se "
        "quitterait rejoignent podpiše podpišejo "
    ) * n


@pytest.mark.parametrize("language", ["no", "nl", "pt", "fr", "sl"])
def test_the_scan_stays_linear_on_repeated_forms(language: str) -> None:
    assert_linear(lambda text: scan_cues(text, (language,)), _repeated_cues, 2000)
