"""Review R12's triggers for the story-level reader and declined lone surnames, each in
the reviewer's languages and one more: everyday words that only look like signing stems,
a race result whose bracketed placings read as a list of signings, denials with "never",
and the -s plural or everyday genitive read as a declined surname. Beside each, the
signing of the same shape that must still be read."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.story_lists import listed_arrivals
from feeds.nlp.transfers.story_reader import story_moves
from feeds.tagger import Tagger

JUNE = date(2025, 6, 15)
AUGUST = date(2025, 8, 5)
AUTUMN_2024 = date(2024, 10, 5)
"""Before the winter's moves: the people signed then ride for their old teams."""


def _shape_moves(
    tagger: Tagger, text: str, language: str, published: date = JUNE
) -> dict[str, str | None]:
    """What the story-level reader alone gives, as if the clause rules had given none."""
    title, body = text.split("\n", 1)
    mentions = tagger.mentions(title, body, published, True, language)
    reading = read_story(title + "\n\n" + body, mentions, tagger.roster, published, language)
    assert reading is not None
    found = story_moves(reading.story, reading.spans, reading.languages, [])
    return {m.person: m.to_team for m in found}


def _listed(
    tagger: Tagger, text: str, language: str, published: date = AUGUST
) -> dict[str, str | None]:
    title, body = text.split("\n", 1)
    mentions = tagger.mentions(title, body, published, True, language)
    reading = read_story(title + "\n\n" + body, mentions, tagger.roster, published, language)
    assert reading is not None
    found = listed_arrivals(reading.story, reading.spans, reading.languages, set())
    return {m.person: m.to_team for m in found}


def _riders(tagger: Tagger, text: str, language: str) -> list[str]:
    title, body = text.split("\n", 1)
    return sorted(tagger.tag(title, body, JUNE, feed_is_cycling=True, language=language).riders)


# --- 1. everyday words that only look like signing stems ----------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Remco Evenepoel haalt uit naar Visma-Lease a Bike\nDe Belg haalde hard uit."),
        (
            "nl",
            "Wout van Aert tekent protest aan tegen UAE Team Emirates\nVan Aert tekende "
            "protest aan na de sprint.",
        ),
        (
            "de",
            "Remco Evenepoel holt gegen Visma-Lease a Bike aus\nDer Belgier holt zum "
            "Rundumschlag gegen das niederländische Team aus.",
        ),
        (
            "de",
            "Primož Roglič holt sich Rache an Visma-Lease a Bike\nDer Slowene holt sich die "
            "Revanche.",
        ),
        (
            "da",
            "Jonas Vingegaard henter tid på UAE Team Emirates\nVingegaard hentede tid på sine "
            "rivaler i dag.",
        ),
        (
            "es",
            "Egan Bernal visita la firma que viste al Movistar Team\nEl colombiano conoció la "
            "firma textil que viste al equipo español.",
        ),
        (
            "sl",
            "Tadej Pogačar podpisal zastavo ekipe Lidl-Trek\nPogačar je podpisal zastavo "
            "navijačem.",
        ),
        # one more language: the English "signing autographs"
        (
            "en",
            "Tadej Pogačar signing autographs at the Lidl-Trek bus\nThe Slovenian was seen "
            "signing autographs next to the bus.",
        ),
        (
            "pt",
            "João Almeida assina autógrafos no stand da Lidl-Trek\nO português assinou "
            "dezenas de autógrafos.",
        ),
    ],
)
def test_an_everyday_word_is_no_signing(tagger: Tagger, language: str, text: str) -> None:
    assert _shape_moves(tagger, text, language) == {}


@pytest.mark.parametrize(
    ("language", "text", "person", "team"),
    [
        (
            "nl",
            "Wout van Aert tekent bij Lidl-Trek\nDe Belg tekent een contract voor drie jaar.",
            "Wout van Aert",
            "Lidl-Trek",
        ),
        (
            "de",
            "Tudor Pro Cycling holt Marc Hirschi\nDer Schweizer kommt von UAE Team Emirates.",
            "Marc Hirschi",
            "Tudor Pro Cycling Team",
        ),
        (
            "es",
            "Egan Bernal ficha por el Movistar Team\nEl colombiano firma por dos temporadas.",
            "Egan Bernal",
            "Movistar Team",
        ),
        (
            "it",
            "Filippo Ganna firma con la Lidl-Trek\nIl piemontese ha firmato un contratto.",
            "Filippo Ganna",
            "Lidl-Trek",
        ),
        (
            "sl",
            "Tadej Pogačar podpisal pogodbo z ekipo Lidl-Trek\nPogačar je podpisal pogodbo.",
            "Tadej Pogačar",
            "Lidl-Trek",
        ),
    ],
)
def test_the_stem_with_its_pair_still_signs(
    tagger: Tagger, language: str, text: str, person: str, team: str
) -> None:
    assert _shape_moves(tagger, text, language, AUTUMN_2024) == {person: team}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nl",
            "Cofidis versterkt zich\nOm dat op te vangen haalde Cofidis onder anderen Alex "
            "Aranburu (Movistar Team) en Dylan Teuns (Israel-Premier Tech).",
        ),
        (
            "nl",
            "Cofidis versterkt zich\nCofidis versterkt zich met Alex Aranburu (Movistar Team) "
            "en Dylan Teuns (Israel-Premier Tech).",
        ),
    ],
)
def test_an_acquiring_verb_with_the_listed_people_as_object(
    tagger: Tagger, language: str, text: str
) -> None:
    found = _listed(tagger, text, language, AUTUMN_2024)
    assert found == {"Alex Aranburu": "Cofidis", "Dylan Teuns": "Cofidis"}


# --- 2. a race result with the placed riders' teams in brackets ---------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Visma-Lease a Bike holt den Sieg\nVisma-Lease a Bike holt mit Olav Kooij den Sieg "
            "vor Tim Merlier (Soudal Quick-Step) und Jonathan Milan (Lidl-Trek).",
        ),
        (
            "nl",
            "Visma-Lease a Bike haalt de zege\nVisma-Lease a Bike haalt met Olav Kooij de zege "
            "voor Tim Merlier (Soudal Quick-Step) en Jonathan Milan (Lidl-Trek).",
        ),
        (
            "es",
            "Movistar Team refuerza su liderato\nEl Movistar Team refuerza su liderato por "
            "equipos por delante de Tim Merlier (Soudal Quick-Step) y Jonathan Milan (Lidl-Trek).",
        ),
        # a stem that does say signings elsewhere, before placings: the ahead-of word
        (
            "nl",
            "Visma-Lease a Bike versterkt zich\nVisma-Lease a Bike versterkt zich met een zege "
            "voor Tim Merlier (Soudal Quick-Step) en Jonathan Milan (Lidl-Trek).",
        ),
        (
            "en",
            "Visma-Lease a Bike bolster their lead\nVisma-Lease a Bike bolster their lead with "
            "Olav Kooij ahead of Tim Merlier (Soudal Quick-Step) and Jonathan Milan (Lidl-Trek).",
        ),
    ],
)
def test_a_result_is_no_list_of_signings(tagger: Tagger, language: str, text: str) -> None:
    assert _listed(tagger, text, language) == {}


# --- 4. denials with "never" --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Tadej Pogačar: 'Lidl-Trek never tried to sign me'\nThe Slovenian laughed off the "
            "rumours.",
        ),
        (
            "en",
            "Wout van Aert: 'Red Bull-Bora-Hansgrohe never tried to sign me'\nVan Aert put "
            "the rumours to rest on Monday.",
        ),
        (
            "de",
            "Remco Evenepoel: 'Visma-Lease a Bike hat nie versucht, mich zu verpflichten'\nDer "
            "Belgier räumt mit den Gerüchten auf.",
        ),
        (
            "fr",
            "Romain Bardet : « Lidl-Trek n'a jamais voulu me recruter »\nLe Français a balayé "
            "les rumeurs.",
        ),
        (
            "nl",
            "Wout van Aert: 'Lidl-Trek heeft mij nooit willen tekenen'\nDe Belg lachte de "
            "geruchten weg.",
        ),
    ],
)
def test_a_denial_with_never_is_no_move(tagger: Tagger, language: str, text: str) -> None:
    assert _shape_moves(tagger, text, language) == {}


# --- 5. the -s plural or an everyday genitive read as a declined surname ------------------


@pytest.mark.parametrize(
    ("language", "text", "nobody"),
    [
        (
            "nl",
            "Wielrennen: Molenaars en Bakkers demonstreren\nMolenaars uit heel Nederland "
            "kwamen samen. Bakkers steunden hen tijdens de koers van Mathieu van der Poel.",
            {"alex-molenaar", "bjorn-bakker", "manon-bakker"},
        ),
        (
            "de",
            "Neuer Laden in Kölns Altstadt\nBernals Restaurant und Thomas' Bäckerei öffnen am "
            "Samstag. Costas Eiscafé ist beliebt.",
            {"egan-bernal"},
        ),
        (
            "da",
            "Ny butik i København\nBernals restaurant åbner på lørdag ved siden af "
            "Mathieu van der Poel's cykelbutik.",
            {"egan-bernal"},
        ),
    ],
)
def test_a_plural_or_everyday_genitive_names_no_rider(
    tagger: Tagger, language: str, text: str, nobody: set[str]
) -> None:
    assert not nobody & set(_riders(tagger, text, language))


def test_a_genitive_of_a_rider_the_story_names_is_still_read(tagger: Tagger) -> None:
    text = "Egan Bernal wint\nEgan Bernal won de etappe. Bernals aanval kwam op de laatste klim."
    title, body = text.split("\n", 1)
    mentions = tagger.mentions(title, body, JUNE, True, "nl")
    assert sum(m.entity_id == "egan-bernal" for m in mentions) == 3


# --- 6. the genitive of a particle name is not the plain surname's ------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nl",
            "Tour de France etappe\nVan der Poels aanval was te sterk voor Van Aerts ploegmaats.",
        ),
        ("de", "Tour de France\nVan der Poels Angriff war zu stark für Van Aerts Teamkollegen."),
    ],
)
def test_a_particle_name_declined_is_its_rider(tagger: Tagger, language: str, text: str) -> None:
    assert _riders(tagger, text, language) == ["mathieu-van-der-poel", "wout-van-aert"]
