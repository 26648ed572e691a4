"""Story kinds when the headline names a rider or a move (issue #17, review of task KN).

The structural kind rules of test_kind_structure.py read the lead as naming the story's
subject. A headline naming a rider says whose story it is first:

- A rumour headlined with its rider stays a transfer when its lead opens on the team's
  budget or new sponsor (no move found): the team words set the scene of the rider's
  move. The same lead under a headline naming no rider is the team's story.
- A signing headlined with its rider stays a transfer when its lead gives the race
  programme first: the one-word-sooner reading of the lead is for headlines naming no
  rider.
- A crash or team headline that names the found move itself (its rider and destination
  team) stays a transfer even when the text phrases the move in words the lexicon lacks;
  a crash headline naming the rider only, over a text mentioning his move in passing,
  stays a crash.
- When team words take a story with no move from its contract words, the team wins
  outright: a single result word must not tie it and turn the story into a report.
- With no move found, contract words tied with preview words stay a transfer (the tie
  order): contract talk on the eve of a race.

Stories the review found wrong before these rules too (words or the move extractor, not
structure) are listed at the end as expected failures.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.kind import KindEvidence, decide_kind
from feeds.tagger import Tagger


def kind(tagger: Tagger, title: str, text: str, language: str, published: date) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


SILLY_SEASON = date(2025, 8, 20)
"""No race runs near: a rumour's date."""


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Mattias Skjelmose: the Dutch team's autumn plan",
            "With a budget that has grown since a new title sponsor signed up, "
            "the Dutch squad is planning a busy autumn. Its management is "
            "looking for a leader for the week-long races and the hilly one-day "
            "races, and it thinks it has found him among the riders of the "
            "peloton, people close to the team say, though nobody would confirm "
            "the details on the record this week. Mattias Skjelmose is the "
            "rider it wants, and the talks are said to be far along. The Dane "
            "is under contract with Lidl-Trek until 2026, so a buy-out clause "
            "would come into play. The transfer would be one of the biggest of "
            "the market, and the rumours have not been denied.",
        ),
        (
            "de",
            "Mattias Skjelmose im Fokus",
            "Mit einem gewachsenen Budget und einem neuen Hauptsponsor will die "
            "niederländische Mannschaft im Herbst kräftig aufrüsten. Die "
            "Teamleitung sucht einen Kapitän für die Rundfahrten und die "
            "hügeligen Eintagesrennen, und sie glaubt, ihn im Feld gefunden zu "
            "haben, heißt es aus dem Umfeld der Mannschaft, auch wenn niemand "
            "die Einzelheiten in dieser Woche offiziell bestätigen wollte. "
            "Mattias Skjelmose soll der Wunschkandidat sein, die Gespräche "
            "seien weit fortgeschritten. Der Däne hat bei Lidl-Trek einen "
            "Vertrag bis 2026; ein Wechsel wäre nur mit Ablöse möglich. Das "
            "Gerücht wurde nicht dementiert.",
        ),
        (
            "fr",
            "Mattias Skjelmose dans le viseur",
            "Avec un budget en hausse depuis l'arrivée d'un nouveau sponsor "
            "principal, l'équipe néerlandaise prépare un automne chargé. Sa "
            "direction cherche un leader pour les courses par étapes et les "
            "classiques vallonnées, et elle pense l'avoir trouvé dans le "
            "peloton, selon des proches de l'équipe, même si personne n'a voulu "
            "confirmer officiellement les détails cette semaine. Mattias "
            "Skjelmose serait le coureur visé, et les discussions seraient bien "
            "avancées. Le Danois est sous contrat avec Lidl-Trek jusqu'en 2026 "
            ": un transfert passerait par une clause de rachat. La rumeur n'a "
            "pas été démentie.",
        ),
        (
            "it",
            "Mattias Skjelmose nel mirino",
            "Con un budget cresciuto dopo l'arrivo di un nuovo sponsor "
            "principale, la squadra olandese prepara un autunno intenso. La "
            "dirigenza cerca un capitano per le corse a tappe e le classiche "
            "collinari, e crede di averlo trovato nel gruppo, secondo persone "
            "vicine alla squadra, anche se nessuno ha voluto confermare "
            "ufficialmente i dettagli questa settimana. Mattias Skjelmose "
            "sarebbe il corridore cercato, e la trattativa sarebbe avanzata. Il "
            "danese ha un contratto con la Lidl-Trek fino al 2026: il "
            "trasferimento passerebbe da una clausola. La voce di mercato non è "
            "stata smentita.",
        ),
        (
            "es",
            "Mattias Skjelmose, en el punto de mira",
            "Con un presupuesto mayor desde la llegada de un nuevo patrocinador "
            "principal, el equipo neerlandés prepara un otoño movido. Su "
            "dirección busca un líder para las vueltas por etapas y las "
            "clásicas de media montaña, y cree haberlo encontrado en el "
            "pelotón, según personas cercanas al equipo, aunque nadie quiso "
            "confirmar oficialmente los detalles esta semana. Mattias Skjelmose "
            "sería el corredor elegido y las negociaciones estarían avanzadas. "
            "El danés tiene contrato con Lidl-Trek hasta 2026: el fichaje "
            "pasaría por una cláusula de rescisión. El rumor no ha sido "
            "desmentido.",
        ),
        (
            "nl",
            "Mattias Skjelmose in het vizier",
            "Met een gegroeid budget sinds de komst van een nieuwe hoofdsponsor "
            "bereidt de Nederlandse ploeg een druk najaar voor. De leiding "
            "zoekt een kopman voor de rittenkoersen en de heuvelachtige "
            "eendagskoersen, en denkt die in het peloton te hebben gevonden, "
            "zeggen mensen rond de ploeg, al wilde niemand de details deze week "
            "officieel bevestigen. Mattias Skjelmose zou de gewenste renner "
            "zijn en de gesprekken zouden ver gevorderd zijn. De Deen heeft bij "
            "Lidl-Trek een contract tot 2026; een transfer kan alleen met een "
            "afkoopsom. Het gerucht werd niet ontkend.",
        ),
    ],
)
def test_a_rumour_headlined_with_its_rider_stays_a_transfer_whatever_its_lead_opens_on(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # The lead: a team's grown budget and new sponsor, no contract word. Further down:
    # the rider wanted, his contract, the transfer, the rumour. No move found.
    assert kind(tagger, title, text, language, SILLY_SEASON) == "transfer"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "The Dutch squad's autumn plan",
            "With a budget that has grown since a new title sponsor signed up, "
            "the Dutch squad is planning a busy autumn. Its management is "
            "looking for a leader for the week-long races and the hilly one-day "
            "races, and it thinks it has found him among the riders of the "
            "peloton, people close to the team say, though nobody would confirm "
            "the details on the record this week. Mattias Skjelmose is the "
            "rider it wants, and the talks are said to be far along. The Dane "
            "is under contract with Lidl-Trek until 2026, so a buy-out clause "
            "would come into play. The transfer would be one of the biggest of "
            "the market, and the rumours have not been denied.",
        ),
        (
            "de",
            "Der große Herbstplan",
            "Mit einem gewachsenen Budget und einem neuen Hauptsponsor will die "
            "niederländische Mannschaft im Herbst kräftig aufrüsten. Die "
            "Teamleitung sucht einen Kapitän für die Rundfahrten und die "
            "hügeligen Eintagesrennen, und sie glaubt, ihn im Feld gefunden zu "
            "haben, heißt es aus dem Umfeld der Mannschaft, auch wenn niemand "
            "die Einzelheiten in dieser Woche offiziell bestätigen wollte. "
            "Mattias Skjelmose soll der Wunschkandidat sein, die Gespräche "
            "seien weit fortgeschritten. Der Däne hat bei Lidl-Trek einen "
            "Vertrag bis 2026; ein Wechsel wäre nur mit Ablöse möglich. Das "
            "Gerücht wurde nicht dementiert.",
        ),
        (
            "it",
            "Il grande piano d'autunno",
            "Con un budget cresciuto dopo l'arrivo di un nuovo sponsor "
            "principale, la squadra olandese prepara un autunno intenso. La "
            "dirigenza cerca un capitano per le corse a tappe e le classiche "
            "collinari, e crede di averlo trovato nel gruppo, secondo persone "
            "vicine alla squadra, anche se nessuno ha voluto confermare "
            "ufficialmente i dettagli questa settimana. Mattias Skjelmose "
            "sarebbe il corridore cercato, e la trattativa sarebbe avanzata. Il "
            "danese ha un contratto con la Lidl-Trek fino al 2026: il "
            "trasferimento passerebbe da una clausola. La voce di mercato non è "
            "stata smentita.",
        ),
    ],
)
def test_the_same_lead_under_a_headline_naming_no_rider_is_the_teams(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # Near miss: the headline names no one, so the lead's team words name the subject.
    assert kind(tagger, title, text, language, SILLY_SEASON) == "team"


MARKET = date(2025, 9, 24)


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "After his crash, Mattias Skjelmose heads to Visma | Lease a Bike",
            "Mattias Skjelmose will ride in yellow and black from 2026, the "
            "Dutch squad said on Tuesday. The Dane arrives from Lidl-Trek and "
            "will be one of the leaders for the week-long races in the spring.",
        ),
        (
            "en",
            "The new sponsor's first big name: Mattias Skjelmose heads to Visma | Lease a Bike",
            "Mattias Skjelmose will ride in yellow and black from 2026, the "
            "Dutch squad said on Tuesday. The Dane arrives from Lidl-Trek and "
            "will be one of the leaders for the week-long races in the spring.",
        ),
        (
            "fr",
            "Après sa chute, Mattias Skjelmose file chez Visma | Lease a Bike",
            "Mattias Skjelmose portera le maillot jaune et noir à partir de "
            "2026, a annoncé l'équipe néerlandaise mardi. Le Danois arrive de "
            "Lidl-Trek et sera l'un des leaders pour les courses d'une semaine "
            "au printemps.",
        ),
        (
            "fr",
            "Premier grand nom du nouveau sponsor : Mattias Skjelmose file chez "
            "Visma | Lease a Bike",
            "Mattias Skjelmose portera le maillot jaune et noir à partir de "
            "2026, a annoncé l'équipe néerlandaise mardi. Le Danois arrive de "
            "Lidl-Trek et sera l'un des leaders pour les courses d'une semaine "
            "au printemps.",
        ),
        (
            "es",
            "Tras su caída, Mattias Skjelmose se va al Visma | Lease a Bike",
            "Mattias Skjelmose vestirá de amarillo y negro en 2026, anunció el "
            "martes el equipo neerlandés. El danés será uno de los líderes para "
            "las vueltas de una semana en primavera.",
        ),
        (
            "de",
            "Nach seinem Sturz: Mattias Skjelmose geht zu Visma | Lease a Bike",
            "Mattias Skjelmose fährt ab 2026 in Gelb und Schwarz, teilte die "
            "niederländische Mannschaft am Dienstag mit. Der Däne kommt von "
            "Lidl-Trek und soll im Frühjahr einer der Kapitäne für die "
            "einwöchigen Rundfahrten sein.",
        ),
        (
            "nl",
            "Na zijn val trekt Mattias Skjelmose naar Visma | Lease a Bike",
            "Mattias Skjelmose rijdt vanaf 2026 in het geel en zwart, maakte de "
            "Nederlandse ploeg dinsdag bekend. De Deen wordt in het voorjaar "
            "een van de kopmannen voor de weekkoersen.",
        ),
    ],
)
def test_a_crash_or_team_headline_naming_the_move_itself_stays_a_transfer(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # The headline names the rider and his new team; the text tells the move in phrases
    # no contract word covers ("will ride in its colours", "arrives from").
    assert kind(tagger, title, text, language, MARKET) == "transfer"


RACE_DAY = date(2025, 7, 15)
"""The Tour de France runs."""


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Mattias Skjelmose crashes hard on the descent",
            "Mattias Skjelmose went down on a fast descent and lost several "
            "minutes. The Dane, who will ride for Visma | Lease a Bike from "
            "2026 after arriving from Lidl-Trek, got back on his bike with torn "
            "shorts and finished the stage.",
        ),
        (
            "fr",
            "Lourde chute pour Mattias Skjelmose dans la descente",
            "Mattias Skjelmose est tombé dans une descente rapide et a perdu "
            "plusieurs minutes. Le Danois, qui courra pour Visma | Lease a Bike "
            "en 2026, est remonté sur son vélo le cuissard déchiré et a terminé "
            "l'étape.",
        ),
        (
            "it",
            "Brutta caduta in discesa per Mattias Skjelmose",
            "Mattias Skjelmose è finito a terra in una discesa veloce e ha "
            "perso diversi minuti. Il danese, che correrà per la Visma | Lease "
            "a Bike dal 2026 arrivando dalla Lidl-Trek, è risalito in bici con "
            "i pantaloncini strappati e ha concluso la tappa.",
        ),
    ],
)
def test_a_crash_headline_naming_the_rider_only_stays_a_crash(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # Near miss: the move is found in the text's aside, but the headline names the rider
    # only, not his new team: the crash is the story (the spoiler shield needs it).
    assert kind(tagger, title, text, language, RACE_DAY) == "crash"


SIGNINGS = date(2025, 10, 21)


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Mattias Skjelmose's 2026 comes into view",
            "Mattias Skjelmose will ride for Visma | Lease a Bike from 2026 and "
            "will lead the team at the Tour de Suisse, the main goal of a "
            "season that also includes the Tour de Romandie as a build-up, a "
            "race with several summit finishes in the high mountains that suits "
            "his climbing. The Dane comes over from Lidl-Trek after five "
            "seasons in which he often worked for others, and he says he wanted "
            "a team where he could be a leader. The team confirmed the signing "
            "on Tuesday.",
        ),
        (
            "es",
            "Mattias Skjelmose, su 2026 toma forma",
            "Mattias Skjelmose correrá con el Visma | Lease a Bike desde 2026 y "
            "será el líder del equipo en la Vuelta a Suiza, gran objetivo de un "
            "programa que también incluye el Tour de Romandía como preparación, "
            "una carrera con varios finales en alto que se adapta a sus "
            "cualidades. El danés viene de Lidl-Trek tras cinco temporadas en "
            "las que a menudo trabajó para otros, y dice que quería un equipo "
            "donde pudiera ser líder. El equipo confirmó el fichaje el martes.",
        ),
        (
            "it",
            "Mattias Skjelmose, il 2026 prende forma",
            "Mattias Skjelmose correrà con la Visma | Lease a Bike dal 2026 e "
            "sarà il leader al Giro di Svizzera, obiettivo principale di un "
            "programma che comprende anche il Giro di Romandia come "
            "preparazione, una corsa con diversi arrivi in salita in alta "
            "montagna adatta alle sue qualità. Il danese viene dalla Lidl-Trek "
            "dopo cinque stagioni in cui ha spesso lavorato per altri, e dice "
            "di aver voluto una squadra in cui essere il leader. La squadra ha "
            "confermato l'ingaggio martedì.",
        ),
        (
            "fr",
            "Mattias Skjelmose, son 2026 se dessine",
            "Mattias Skjelmose courra pour Visma | Lease a Bike à partir de "
            "2026 et sera le leader de l'équipe au Tour de Suisse, grand "
            "objectif d'un programme qui comprend aussi le Tour de Romandie en "
            "préparation ; l'équipe lui a promis un groupe construit autour de "
            "ses ambitions en haute montagne. Le Danois arrive de Lidl-Trek "
            "après cinq saisons où il a souvent travaillé pour les autres, et "
            "il dit avoir voulu une équipe où il pourrait être leader. L'équipe "
            "a confirmé la signature mardi.",
        ),
    ],
)
def test_a_signing_headlined_with_its_rider_whose_lead_gives_the_programme_stays_a_transfer(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # Two programme words in the lead, the move found, one contract word at the end.
    assert kind(tagger, title, text, language, SIGNINGS) == "transfer"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "The Dane's 2026 comes into view",
            "Mattias Skjelmose will ride for Visma | Lease a Bike from 2026 and "
            "will lead the team at the Tour de Suisse, the main goal of a "
            "season that also includes the Tour de Romandie as a build-up, a "
            "race with several summit finishes in the high mountains that suits "
            "his climbing. The Dane comes over from Lidl-Trek after five "
            "seasons in which he often worked for others, and he says he wanted "
            "a team where he could be a leader. The team confirmed the signing "
            "on Tuesday.",
        ),
        (
            "es",
            "Su 2026 toma forma",
            "Mattias Skjelmose correrá con el Visma | Lease a Bike desde 2026 y "
            "será el líder del equipo en la Vuelta a Suiza, gran objetivo de un "
            "programa que también incluye el Tour de Romandía como preparación, "
            "una carrera con varios finales en alto que se adapta a sus "
            "cualidades. El danés viene de Lidl-Trek tras cinco temporadas en "
            "las que a menudo trabajó para otros, y dice que quería un equipo "
            "donde pudiera ser líder. El equipo confirmó el fichaje el martes.",
        ),
        (
            "it",
            "Il 2026 prende forma",
            "Mattias Skjelmose correrà con la Visma | Lease a Bike dal 2026 e "
            "sarà il leader al Giro di Svizzera, obiettivo principale di un "
            "programma che comprende anche il Giro di Romandia come "
            "preparazione, una corsa con diversi arrivi in salita in alta "
            "montagna adatta alle sue qualità. Il danese viene dalla Lidl-Trek "
            "dopo cinque stagioni in cui ha spesso lavorato per altri, e dice "
            "di aver voluto una squadra in cui essere il leader. La squadra ha "
            "confermato l'ingaggio martedì.",
        ),
        (
            "fr",
            "Son 2026 se dessine",
            "Mattias Skjelmose courra pour Visma | Lease a Bike à partir de "
            "2026 et sera le leader de l'équipe au Tour de Suisse, grand "
            "objectif d'un programme qui comprend aussi le Tour de Romandie en "
            "préparation ; l'équipe lui a promis un groupe construit autour de "
            "ses ambitions en haute montagne. Le Danois arrive de Lidl-Trek "
            "après cinq saisons où il a souvent travaillé pour les autres, et "
            "il dit avoir voulu une équipe où il pourrait être leader. L'équipe "
            "a confirmé la signature mardi.",
        ),
    ],
)
def test_the_same_programme_under_a_headline_naming_no_rider_is_a_lineup(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # Near miss: no rider in the headline, the lead's programme names the subject.
    assert kind(tagger, title, text, language, SIGNINGS) == "lineup"


GIRO_EVE = date(2025, 5, 6)
"""The Giro d'Italia starts within days."""


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Remco Evenepoel and the Giro d'Italia question",
            "Remco Evenepoel has still not agreed a new contract with Soudal "
            "Quick-Step, he said on Tuesday before the Giro d'Italia. The "
            "Belgian, one of the favourites, says the route suits him. Talk of "
            "a rumoured switch has gone on since the winter.",
        ),
        (
            "fr",
            "Remco Evenepoel et la question du Giro",
            "Remco Evenepoel n'a toujours pas prolongé son contrat avec Soudal "
            "Quick-Step, a-t-il dit mardi avant le Tour d'Italie. Le Belge, "
            "l'un des favoris, estime que le parcours lui convient. Les rumeurs "
            "circulent depuis l'hiver.",
        ),
        (
            "es",
            "Remco Evenepoel y la pregunta del Giro",
            "Remco Evenepoel todavía no ha renovado su contrato con Soudal "
            "Quick-Step, dijo el martes antes del Giro de Italia. El belga, uno "
            "de los favoritos, asegura que el recorrido le va bien. Se habla de "
            "un cambio desde el invierno.",
        ),
        (
            "it",
            "Remco Evenepoel e la domanda sul Giro",
            "Remco Evenepoel non ha ancora rinnovato il contratto con la Soudal "
            "Quick-Step, ha detto martedì prima del Giro d'Italia. Il belga, "
            "uno dei favoriti, dice che il percorso gli si addice. Se ne parla "
            "dall'inverno.",
        ),
    ],
)
def test_contract_talk_on_the_eve_of_a_race_stays_a_transfer(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # As many contract words as preview words ("favourites", "route"), no move found:
    # the tie stays the transfer's.
    assert kind(tagger, title, text, language, GIRO_EVE) == "transfer"


def _no_move(text: Counter[str], lead: Counter[str], title_rider: bool = False) -> KindEvidence:
    """A story with no move found, a race named that ran about its date."""
    return KindEvidence(
        Counter(),
        text,
        has_race=True,
        cycling=True,
        is_transfer=False,
        race_near=True,
        title_team=False,
        title_race=False,
        lead=lead,
        title_rider=title_rider,
    )


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # A licence's news: one team word opening, contracts and a palmares further down
        # (the result words halved beside the contract words, one left).
        (Counter(team=1, transfer=2, result=2), Counter(team=1)),
        (Counter(team=1, transfer=3, result=3), Counter(team=1)),
        # Two team words in the text, as many as the contract words: the team's too.
        (Counter(team=2, transfer=2, result=2), Counter()),
    ],
)
def test_team_words_taking_the_story_from_the_contracts_win_it_outright(
    text: Counter[str], lead: Counter[str]
) -> None:
    assert decide_kind(_no_move(text, lead)) == "team"


@pytest.mark.parametrize(
    ("text", "lead", "title_rider", "expected"),
    [
        # Near misses: a report's result words outnumbering the team's; the lead's team
        # word under a rider's headline (his rumour); more contract words in the lead.
        (Counter(team=1, result=3), Counter(team=1), False, "result"),
        (Counter(team=1, transfer=2, result=2), Counter(team=1), True, "transfer"),
        (Counter(team=1, transfer=3), Counter(team=1, transfer=2), False, "transfer"),
    ],
)
def test_team_words_do_not_take_a_report_or_a_riders_rumour(
    text: Counter[str], lead: Counter[str], title_rider: bool, expected: str
) -> None:
    assert decide_kind(_no_move(text, lead, title_rider)) == expected


def test_a_headline_naming_the_move_gates_the_team_headline_rule() -> None:
    # The same evidence, a move found and a team headline over a text naming no contract:
    # the team's kind unless the headline names the move's rider and destination.
    def evidence(title_move: bool) -> KindEvidence:
        return KindEvidence(
            Counter(team=1),
            Counter(lineup=1),
            has_race=False,
            cycling=True,
            is_transfer=True,
            race_near=False,
            title_team=True,
            title_race=False,
            title_rider=True,
            title_move=title_move,
        )

    assert decide_kind(evidence(title_move=False)) == "team"
    assert decide_kind(evidence(title_move=True)) == "transfer"


def test_a_selection_naming_a_move_in_passing_stays_a_lineup(tagger: Tagger) -> None:
    # Near miss for the rider gates: a race's selection, a selected rider's move for next
    # season told in a relative clause; the line-up words outnumber the contract's.
    title = "Vuelta a España: the Belgian team bets everything on the sprints"
    text = (
        "The Belgian team has named its line-up for the Vuelta a España, and "
        "the selection is built around the sprints: Arnaud De Lie leads a squad "
        "of fast men and lead-out riders for the flat stages. Jasper Stuyven, "
        "who moves to Soudal Quick-Step next season, is among the riders "
        "selected for the race."
    )
    assert kind(tagger, title, text, "en", date(2025, 8, 14)) == "lineup"


# Wrong before the rider gates too (the review's "pre-existing" list): the causes are the
# lexicons and the move extractor, not the structure. Strict, so a fix shows up here.
PRE_EXISTING = [
    pytest.param(
        "After his crash, Mattias Skjelmose starts afresh at Visma | Lease a Bike",
        "Mattias Skjelmose starts afresh in yellow and black next year, the "
        "Dutch squad said on Tuesday. The Dane is back on his bike after the "
        "fall and will be one of the leaders for the spring.",
        date(2025, 9, 24),
        "transfer",
        marks=pytest.mark.xfail(
            strict=True,
            reason="no move found for a phrasing the extractor lacks; the crash headline decides",
        ),
    ),
    pytest.param(
        "The new sponsor makes a statement: Mattias Skjelmose at Visma | Lease a Bike",
        "Mattias Skjelmose races in yellow and black next year. The Dane was "
        "the rider the Dutch squad wanted most, and he will be one of its "
        "leaders in the spring.",
        date(2025, 10, 15),
        "transfer",
        marks=pytest.mark.xfail(
            strict=True,
            reason="no move found for 'X at Y' under a sponsor headline; the team headline decides",
        ),
    ),
    pytest.param(
        "Tour de France: Jasper Philipsen on a day for the fast men",
        "Jasper Philipsen sprinted to the line first in Tours on stage eight of "
        "the Tour de France, holding off the rest of the bunch in the final "
        "metres. The Belgian, whose contract with his team runs until 2027 "
        "after a recent extension, celebrated with his lead-out riders.",
        date(2025, 7, 12),
        "result",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a sprint outside the result lexicon beside a contract aside: a transfer",
        ),
    ),
    pytest.param(
        "Remco Evenepoel talks about 2026",
        "Remco Evenepoel has agreed a new contract and says his programme for "
        "next season will be built around the Tour de France. The Belgian will "
        "ride the Tour de Romandie first and targets the time trials of the "
        "summer, he said at a sponsor event on Monday.",
        date(2025, 11, 4),
        "transfer",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a contract story with more programme than contract words: a line-up",
        ),
    ),
    pytest.param(
        "The UCI's women's WorldTeams for the new cycle",
        "The UCI has named the women's teams that hold a WorldTour licence for "
        "the next three seasons. Several of them signed new riders this autumn, "
        "and the winners of last season's Tour de France Femmes and the overall "
        "classification of the Giro will race for two of the teams. Contracts "
        "for the new cycle run until 2028.",
        date(2025, 10, 14),
        "team",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a licence list with contract and signing words and no team word in the lead",
        ),
    ),
]


@pytest.mark.parametrize(("title", "text", "published", "expected"), PRE_EXISTING)
def test_known_misses_outside_the_structure(
    tagger: Tagger, title: str, text: str, published: date, expected: str
) -> None:
    assert kind(tagger, title, text, "en", published) == expected
