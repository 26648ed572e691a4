"""Weak taking cues (lexicon concept `acquire_weak`, transfers/weak_cues.py), the French
entry cue "a engagé" (`acquire_entry`) and the gapped list item bound to its own team
(clause.py): the review RGAP's shapes, in general sentences of our own.

Each negative uses a rider whom the roster places at another team on the story's date,
so a wrongly read cue would show as a move (a rider of the subject team never would).
On 2024-10-01 the roster has Lenny Martinez at Groupama-FDJ, Valentin Paret-Peintre at
Decathlon AG2R La Mondiale, Julian Alaphilippe at Soudal Quick-Step; on 2025-10-01
Martinez at Bahrain Victorious and Guillaume Martin at Groupama-FDJ.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

AUTUMN_24 = date(2024, 10, 1)
AUTUMN_25 = date(2025, 10, 1)


def _moves(tagger: Tagger, text: str, language: str, when: date = AUTUMN_24) -> set[tuple]:
    tags = tagger.tag("Cycling news", text, when, True, language)
    return {(m.person_id, m.to_team_id) for m in tags.moves}


# --- a team as subject and a rival as object in a race report: no move (D1) ---

RACE_REPORTS = [
    (
        "nl",
        "Bahrain Victorious haalde Lenny Martinez bij in de afdaling, waarna de groep stilviel.",
    ),
    ("nl", "Cofidis haalt Lenny Martinez niet meer bij voor de finish in de vallei."),
    ("fr", "Bahrain Victorious accueille Lenny Martinez avec un rythme d'enfer au pied du col."),
    ("it", "La Bahrain Victorious accoglie Lenny Martinez con un ritmo furioso sulla salita."),
    ("es", "El Bahrain Victorious suma a Lenny Martinez a su lista de rivales batidos este año."),
    ("pt", "A Bahrain Victorious garantiu Lenny Martinez sob controlo na última subida."),
    ("de", "Im Finale sicherte sich Bahrain Victorious Lenny Martinez' Hinterrad am Anstieg."),
    ("en", "Cofidis welcomed Lenny Martinez's decision to ride the Vuelta instead of the Giro."),
    ("it", "La Cofidis accoglie Lenny Martinez e la Groupama-FDJ nel suo albergo di Nizza."),
    ("fr", "L'équipe Cofidis accueille Lenny Martinez et Groupama-FDJ dans son hôtel de Nice."),
    (
        "fr",
        "Le Grand Prix de la ville, que l'équipe Cofidis accueille sur ses routes, verra "
        "Lenny Martinez au départ dimanche.",
    ),
]


@pytest.mark.parametrize(("language", "text"), RACE_REPORTS)
def test_a_race_report_with_a_weak_taking_cue_gives_no_move(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, text, language) == set()


FORMER_RIDERS = [
    ("en", "Decathlon AG2R La Mondiale welcomed Valentin Paret-Peintre back for a farewell lap."),
    (
        "fr",
        "Decathlon AG2R La Mondiale accueille Valentin Paret-Peintre, son ancien coureur, pour "
        "une journée de fête.",
    ),
    ("fr", "Decathlon AG2R La Mondiale accueille Valentin Paret-Peintre de retour de blessure."),
]


@pytest.mark.parametrize(("language", "text"), FORMER_RIDERS)
def test_a_team_welcoming_a_rider_back_gives_no_move(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, text, language, AUTUMN_25) == set()


# --- the same verbs with support in the sentence: a move ---

SIGNINGS = [
    ("es", "El Bahrain Victorious suma a Lenny Martinez hasta 2027 para sus vueltas."),
    ("es", "El Bahrain Victorious se hace con Lenny Martinez hasta 2027, según el equipo."),
    (
        "fr",
        "Bahrain Victorious accueille Lenny Martinez, en provenance de Groupama-FDJ, pour deux "
        "saisons.",
    ),
    ("it", "La Bahrain Victorious si assicura Lenny Martinez fino al 2027, ha detto la squadra."),
    ("nl", "Bahrain Victorious haalt Lenny Martinez voor twee seizoenen in huis."),
    ("pt", "A Bahrain Victorious recrutou Lenny Martinez até 2027, anunciou a equipa."),
    ("sl", "Ekipa Bahrain Victorious je v svoje vrste zvabila Lennyja Martineza do konca 2027."),
]


@pytest.mark.parametrize(("language", "text"), SIGNINGS)
def test_a_weak_taking_cue_with_support_gives_the_move(
    tagger: Tagger, language: str, text: str
) -> None:
    assert ("lenny-martinez", "bahrain") in _moves(tagger, text, language)


def test_a_weak_cue_with_an_origin_team_in_brackets_gives_the_moves(tagger: Tagger) -> None:
    text = (
        "El Bahrain Victorious suma a dos corredores: Lenny Martinez (Groupama-FDJ) y "
        "Valentin Paret-Peintre (Decathlon AG2R La Mondiale)."
    )
    assert ("lenny-martinez", "bahrain") in _moves(tagger, text, "es")


# --- a described staff member: the named person only owns the object (D5) ---


def test_a_recruited_coach_of_a_rider_is_no_move_of_the_rider(tagger: Tagger) -> None:
    text = "A Cofidis recrutou o antigo treinador de Lenny Martinez na Groupama-FDJ até 2027."
    assert _moves(tagger, text, "pt") == set()


# --- fr "a engagé": entering riders in a race, or a signing (D4) ---

ENTRIES = [
    "Cofidis a engagé Lenny Martinez et Valentin Paret-Peintre sur le Tour de Romandie.",
    "Pour Paris-Nice, Cofidis a engagé Lenny Martinez, qui sera au départ dimanche.",
]


@pytest.mark.parametrize("text", ENTRIES)
def test_entering_riders_in_a_race_is_no_move(tagger: Tagger, text: str) -> None:
    assert _moves(tagger, text, "fr") == set()


def test_a_engage_with_no_race_is_a_signing(tagger: Tagger) -> None:
    text = "Bahrain Victorious a engagé Lenny Martinez, qui succédera à son leader."
    assert ("lenny-martinez", "bahrain") in _moves(tagger, text, "fr")


def test_a_engage_for_two_seasons_is_a_signing(tagger: Tagger) -> None:
    text = "Bahrain Victorious a engagé Lenny Martinez sur deux saisons."
    assert ("lenny-martinez", "bahrain") in _moves(tagger, text, "fr")


# --- plain motion whose subject is a result or an errand: no move (D3) ---

ERRANDS = [
    ("it", "Dopo la caduta di Lenny Martinez la vittoria va alla Cofidis con il suo velocista."),
    ("it", "Lenny Martinez va alla Cofidis Arena per la festa di fine stagione della squadra."),
    ("fr", "Lenny Martinez va chez Cofidis pour le stage collectif du mois de janvier."),
    ("nl", "De zege ging naar Cofidis, nadat Lenny Martinez in de laatste bocht viel."),
    ("pt", "A vitória foi para a Cofidis depois da queda de Lenny Martinez na descida."),
    ("es", "Lenny Martinez se fue al suelo y la etapa se fue al Cofidis de su rival."),
]


@pytest.mark.parametrize(("language", "text"), ERRANDS)
def test_a_result_or_an_errand_going_to_a_team_is_no_move(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, text, language) == set()


def test_it_si_sarebbe_assicurata_is_no_cue(tagger: Tagger) -> None:
    # "la squadra del campione si sarebbe assicurata A": the subject is described, and
    # the line gained nothing on the development sets
    text = "La squadra del campione si sarebbe assicurata Lenny Martinez e la sua bici nuova."
    assert _moves(tagger, text, "it") == set()


# --- the verb said once: a gapped item is bound to its own team (D2) ---

OWN_TEAM_ITEMS = [
    (
        "fr",
        "Kévin Vauquelin s'est engagé avec Ineos Grenadiers et Lenny Martinez avec Bahrain "
        "Victorious.",
    ),
    (
        "fr",
        "Kévin Vauquelin s'est engagé avec Ineos Grenadiers, et Lenny Martinez avec Bahrain "
        "Victorious a remporté une étape.",
    ),
    ("es", "Juan Ayuso firma por el Lidl-Trek y Lenny Martinez por el Bahrain Victorious."),
    (
        "es",
        "Juan Ayuso firma por el Lidl-Trek y Lenny Martinez por el Bahrain Victorious ganó una "
        "etapa.",
    ),
]


@pytest.mark.parametrize(("language", "text"), OWN_TEAM_ITEMS)
def test_a_gapped_item_never_takes_the_first_items_team(
    tagger: Tagger, language: str, text: str
) -> None:
    moves = _moves(tagger, text, language, AUTUMN_25)
    assert not any(person == "lenny-martinez" and to != "bahrain" for person, to in moves)


def test_a_gapped_item_followed_by_other_words_is_a_clause_of_its_own(tagger: Tagger) -> None:
    text = (
        "Kévin Vauquelin s'est engagé avec Ineos Grenadiers, et Lenny Martinez avec Cofidis "
        "en ligne de mire a déjà fixé son programme."
    )
    assert ("lenny-martinez", "cofidis") not in _moves(tagger, text, "fr", AUTUMN_25)


GAPPED_MOVES = [
    ("fr", "Kévin Vauquelin s'est engagé avec Ineos Grenadiers et Lenny Martinez avec Cofidis."),
    ("es", "Juan Ayuso firma por el Lidl-Trek y Lenny Martinez por el Cofidis hasta 2027."),
]


@pytest.mark.parametrize(("language", "text"), GAPPED_MOVES)
def test_a_gapped_item_to_a_new_team_is_its_move(tagger: Tagger, language: str, text: str) -> None:
    assert ("lenny-martinez", "cofidis") in _moves(tagger, text, language, AUTUMN_25)
