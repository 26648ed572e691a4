"""How descriptions are put together: team nouns and their articles, rider nouns,
and the little words between a description and the name it introduces."""

from __future__ import annotations

from feeds.nlp.cues.wordlist import words

# Nouns for a team, per language, and how a description is put together:
# "{article} {adj} {noun}" or "{article} {noun} {adj}".
TEAM_NOUNS_BEFORE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # articles, nouns: "the Belgian team", "de Belgische ploeg", "das belgische Team"
    "en": (
        ("the",),
        (
            "team",
            "squad",
            "outfit",
            "formation",
            "WorldTeam",
            "WorldTour team",
            "ProTeam",
            "team's",
            "squad's",
        ),
    ),
    "nl": (("de", "het"), ("ploeg", "formatie", "team", "wielerploeg")),
    "de": (
        # contracted forms too: "zum deutschen Team", "beim belgischen Rennstall"
        ("das", "die", "der", "dem", "den", "des", "zum", "zur", "beim", "vom", "im", "am"),
        ("Team", "Mannschaft", "Equipe", "Rennstall", "Teams"),
    ),
}
TEAM_NOUNS_AFTER: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # articles, nouns: "l'équipe belge", "la squadra belga", "el equipo belga"
    # contracted forms too: "au sein de l'équipe", "alla squadra belga", "del equipo belga"
    "fr": (("l", "la", "le", "au", "du"), ("équipe", "formation", "écurie")),
    "it": (
        ("la", "il", "lo", "l", "alla", "della", "dalla", "nella", "al", "del", "dal", "nel"),
        ("squadra", "formazione", "compagine", "team"),
    ),
    "es": (("el", "la", "al", "del"), ("equipo", "escuadra", "formación", "conjunto")),
}

# After a nationality noun these words make it a description of a rider ("the Danish
# rider", "the Belgian sprinter").
RIDER_NOUNS: tuple[str, ...] = (
    "rider",
    "sprinter",
    "climber",
    "champion",
    "star",
    "youngster",
    "veteran",
    "pro",
    "all-rounder",
    "renner",
    "renster",
    "kampioen",
    "kampioene",
    "coureur",
    "coureuse",
    "corridore",
    "ciclista",
    "campione",
    "campionessa",
    "Fahrer",
    "Fahrerin",
    "corredor",
    "corredora",
    # kinds of rider: "the Belgian climber", "le grimpeur colombien", "de Nederlandse klimmer"
    "rouleur",
    "grimpeur",
    "puncheur",
    "klimmer",
    "klimster",
    "scalatore",
    "scalatrice",
    "velocista",
    "passista",
    "escalador",
    "escaladora",
    "Kletterer",
    "Sprinterin",
    "sprintster",
    "wielrenner",
    "wielrenster",
    "Radprofi",
)

# Little words between a description and the name it introduces ("the Italian Classics
# rider and sprinter Davide Ballerini", "the 20-year-old Belgian ...").
APPOSITION_LINKS: frozenset[str] = words(
    "and en et e y und year old jarige enne anni ans jahre anos"
)
