"""Review R10's triggers (issue #13): the round-up rules (lists not kept, continued lists,
split verbs), the single-signing rules (rumours put to rest, extensions after a negated
exit, a subject described after the team, "comes home to") and their time on long
sentences. Each shape in two languages or more; the stories the rules are for are in
test_transfer_list_runs.py and test_transfer_single_signings.py and keep passing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

TUDOR = "Tudor Pro Cycling Team"
SIGNED = ("Michael Storer", "Alberto Dainese", "Matteo Trentin")
BORA = "Bora-Hansgrohe"


def _moves(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> dict[str, tuple[str | None, str | None]]:
    tags = tagger.tag(title, text, date.fromisoformat(published), True, language)
    return {m.person: (m.from_team, m.to_team) for m in tags.moves}


# The not-kept words in race reports (a sector, a breakaway, a start, a podium).
NOT_KEPT_RACES = [
    pytest.param(
        "Tour de France: crash carnage on stage 9",
        (
            "Three riders abandoned after the crash. Tadej Pogačar, Jonas Vingegaard and "
            "Remco Evenepoel were on their way out of the gravel sector when the wind "
            "picked up."
        ),
        "2024-07-10",
        "en",
        id="nk-en-race",
    ),
    pytest.param(
        "Stage 12: the breakaway is caught",
        (
            "With 20 kilometres to go, Mads Pedersen, Wout van Aert and Mathieu van der "
            "Poel were on their way out of the breakaway, dropped on the last climb."
        ),
        "2024-07-10",
        "en",
        id="nk-en-break",
    ),
    pytest.param(
        "Tour de France, 1re étape",
        (
            "Tadej Pogačar, Jonas Vingegaard et Remco Evenepoel sont sur le départ à "
            "Florence, sous un soleil de plomb."
        ),
        "2024-07-10",
        "fr",
        id="nk-fr-start2",
    ),
    pytest.param(
        "Tour de France : départ de Florence",
        (
            "Sur le départ à Florence, Tadej Pogačar et Jonas Vingegaard plaisantaient "
            "avec Remco Evenepoel."
        ),
        "2024-07-10",
        "fr",
        id="nk-fr-start",
    ),
    pytest.param(
        "Giro d'Italia, la presentazione delle squadre",
        (
            "Grande festa a Torino: applausi ai saluti per Tadej Pogačar, Geraint Thomas e "
            "Romain Bardet sul palco."
        ),
        "2024-05-03",
        "it",
        id="nk-it-saluti",
    ),
    pytest.param(
        "Giro d'Italia, tappa 21 a Roma",
        ("Tadej Pogačar e Geraint Thomas ai saluti finali sul podio di Roma, tra gli applausi."),
        "2024-05-26",
        "it",
        id="nk-it-saluti2",
    ),
    pytest.param(
        "Volta ao Algarve, etapa 1",
        (
            "Na linha de partida, João Almeida, Rui Costa e Nelson Oliveira estão de saída "
            "para a primeira etapa."
        ),
        "2024-02-14",
        "pt",
        id="nk-pt-saida2",
    ),
    pytest.param(
        "Vuelta a España, etapa 10",
        (
            "Enric Mas, Carlos Rodríguez y Mikel Landa, con un pie fuera de la carrera "
            "tras la caída."
        ),
        "2024-08-27",
        "es",
        id="nk-es-pie",
    ),
    pytest.param(
        "Tour de France, rit 5",
        (
            "Na de valpartij waren Mads Pedersen, Wout van Aert en Jasper Philipsen op weg "
            "naar de uitgang van de koers."
        ),
        "2024-07-10",
        "nl",
        id="nk-nl-uitgang",
    ),
    pytest.param(
        "Tour de France, 5. Etappe",
        (
            "Auf dem Absprung aus der Spitzengruppe waren Mads Pedersen, Wout van Aert und "
            "Jasper Philipsen, als das Feld heranrauschte."
        ),
        "2024-07-10",
        "de",
        id="nk-de-absprung",
    ),
]

# National selections, penalties and sponsors not kept, and the people who say so.
NOT_KEPT_SELECTIONS = [
    pytest.param(
        "JO de Paris : la sélection française dévoilée",
        (
            "Le sélectionneur a tranché. Romain Bardet, Julian Alaphilippe et David Gaudu "
            "ne sont pas retenus pour la course en ligne des Jeux."
        ),
        "2024-06-20",
        "fr",
        id="sel-fr",
    ),
    pytest.param(
        "Mondiali, le scelte del ct Bennati",
        (
            "Filippo Ganna e Jonathan Milan non sono stati confermati per la cronometro "
            "iridata: al loro posto Edoardo Affini."
        ),
        "2024-09-10",
        "it",
        id="sel-it",
    ),
    pytest.param(
        "Worlds: Great Britain names its team",
        ("Tom Pidcock and Geraint Thomas were not retained for the road race after a poor season."),
        "2024-09-10",
        "en",
        id="sel-en",
    ),
    pytest.param(
        "WM: Deutschland nominiert",
        (
            "Nils Politt und Pascal Ackermann wurden nicht übernommen: der Bundestrainer "
            "setzt auf junge Fahrer."
        ),
        "2024-09-10",
        "de",
        id="sel-de",
    ),
    pytest.param(
        "WK: de Belgische selectie",
        ("Wout van Aert en Jasper Philipsen worden niet behouden in de selectie voor de wegrit."),
        "2024-09-10",
        "nl",
        id="sel-nl",
    ),
    pytest.param(
        "Mundiais: a seleção portuguesa",
        ("João Almeida e Rui Costa não foram mantidos na seleção para a prova de estrada."),
        "2024-09-10",
        "pt",
        id="sel-pt",
    ),
    pytest.param(
        "Tour de France, nessuna penalità",
        ("Non vengono confermate le penalità per Tadej Pogačar e Jonas Vingegaard dopo la volata."),
        "2024-07-10",
        "it",
        id="sel-it3",
    ),
    pytest.param(
        "Movistar Team: los patrocinadores",
        (
            "Los contratos con los patrocinadores de bicicletas no serán renovados según "
            "Enric Mas y Nairo Quintana, que lo han confirmado."
        ),
        "2024-09-10",
        "es",
        id="sp-es",
    ),
]

# Negated, contrasted or denied, or a retirement told in the next sentence.
NOT_KEPT_DENIED = [
    pytest.param(
        "UAE Team Emirates keeps its core",
        (
            "Not on their way out are Juan Ayuso, Adam Yates and João Almeida, who all "
            "have contracts until 2026."
        ),
        "2024-07-10",
        "en",
        id="nk-en-neg",
    ),
    pytest.param(
        "UAE Team Emirates houdt zijn kern",
        (
            "Niet op weg naar de uitgang zijn Juan Ayuso, Adam Yates en João Almeida, die "
            "allemaal een contract tot 2026 hebben."
        ),
        "2024-07-10",
        "nl",
        id="nk-nl-neg",
    ),
    pytest.param(
        "UAE Team Emirates hält seinen Kern",
        (
            "Nicht auf dem Absprung sind Juan Ayuso, Adam Yates und João Almeida, die alle "
            "Verträge bis 2026 haben."
        ),
        "2024-07-10",
        "de",
        id="nk-de-neg",
    ),
    pytest.param(
        "UAE Team Emirates mantiene su núcleo",
        ("Ni Juan Ayuso, ni Adam Yates ni João Almeida están con un pie fuera, según el mánager."),
        "2024-07-10",
        "es",
        id="nk-es-neg",
    ),
    pytest.param(
        "UAE Team Emirates reshuffles",
        ("Some veterans are on their way out but Juan Ayuso, Adam Yates and João Almeida stay."),
        "2024-07-10",
        "en",
        id="nk-en-but",
    ),
    pytest.param(
        "UAE Team Emirates denies reports",
        (
            "Reports that Juan Ayuso, Adam Yates and João Almeida are on their way out are "
            "false, the team said."
        ),
        "2024-07-10",
        "en",
        id="nk-en-deny",
    ),
    pytest.param(
        "UAE Team Emirates desmente",
        "A equipa desmente que Juan Ayuso, Adam Yates e João Almeida estão de saída.",
        "2024-07-10",
        "pt",
        id="nk-pt-deny",
    ),
    pytest.param(
        "UAE Team Emirates: veterans",
        (
            "Rui Oliveira, Matteo Trentin and Diego Ulissi are on their way out. After the "
            "season they will hang up their bikes."
        ),
        "2024-09-10",
        "en",
        id="ret-en",
    ),
]

# After a list of signings, a colon list of favourites, a podium, departures, stays or refusals.
CONTINUED_ELSEWHERE = [
    pytest.param(
        "Tudor Pro Cycling Team names its signings",
        (
            "Tudor Pro Cycling Team named its signings. Among the arrivals: Michael Storer "
            "(Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) and Matteo Trentin (UAE "
            "Team Emirates). Favourites for Sunday's Il Lombardia: Tadej Pogačar (UAE Team "
            "Emirates), Remco Evenepoel (Soudal Quick-Step) and Primož Roglič (Red "
            "Bull-Bora-hansgrohe)."
        ),
        "2024-10-10",
        "en",
        id="cont-en-startlist",
    ),
    pytest.param(
        "Tudor Pro Cycling Team annonce ses recrues",
        (
            "Tudor Pro Cycling Team a annoncé ses recrues. Parmi les arrivants : Michael "
            "Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) et Matteo Trentin "
            "(UAE Team Emirates). Les favoris dimanche au Tour de Lombardie : Tadej "
            "Pogačar (UAE Team Emirates), Remco Evenepoel (Soudal Quick-Step) et Primož "
            "Roglič (Red Bull-Bora-hansgrohe)."
        ),
        "2024-10-10",
        "fr",
        id="cont-fr-startlist",
    ),
    pytest.param(
        "Tudor Pro Cycling Team stellt Neuzugänge vor",
        (
            "Tudor Pro Cycling Team hat seine Neuzugänge vorgestellt. Unter den "
            "Neuzugängen: Michael Storer (Groupama-FDJ), Alberto Dainese (Team "
            "dsm-firmenich) und Matteo Trentin (UAE Team Emirates). Die Favoriten am "
            "Sonntag in der Lombardei: Tadej Pogačar (UAE Team Emirates), Remco Evenepoel "
            "(Soudal Quick-Step) und Primož Roglič (Red Bull-Bora-hansgrohe)."
        ),
        "2024-10-10",
        "de",
        id="cont-de-startlist",
    ),
    pytest.param(
        "Tudor Pro Cycling Team, ecco gli acquisti",
        (
            "Il Tudor Pro Cycling Team ha presentato i suoi acquisti. Tra i nuovi "
            "arrivati: Michael Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) "
            "e Matteo Trentin (UAE Team Emirates). I favoriti domenica al Lombardia: Tadej "
            "Pogačar (UAE Team Emirates), Remco Evenepoel (Soudal Quick-Step) e Primož "
            "Roglič (Red Bull-Bora-hansgrohe)."
        ),
        "2024-10-10",
        "it",
        id="cont-it-startlist",
    ),
    pytest.param(
        "Tudor Pro Cycling Team names its signings",
        (
            "Tudor Pro Cycling Team named its signings. Among the arrivals: Michael Storer "
            "(Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) and Matteo Trentin (UAE "
            "Team Emirates). Sunday's podium: Tadej Pogačar (UAE Team Emirates), Remco "
            "Evenepoel (Soudal Quick-Step) and Giulio Ciccone (Lidl-Trek)."
        ),
        "2024-10-10",
        "en",
        id="cont-en-result",
    ),
    pytest.param(
        "El Tudor Pro Cycling Team presenta fichajes",
        (
            "El Tudor Pro Cycling Team presentó sus fichajes. Entre los recién llegados: "
            "Michael Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) y Matteo "
            "Trentin (UAE Team Emirates). El podio del domingo: Tadej Pogačar (UAE Team "
            "Emirates), Remco Evenepoel (Soudal Quick-Step) y Giulio Ciccone (Lidl-Trek)."
        ),
        "2024-10-10",
        "es",
        id="cont-es-result",
    ),
    pytest.param(
        "Tudor Pro Cycling Team stelt nieuwkomers voor",
        (
            "Tudor Pro Cycling Team stelde zijn nieuwkomers voor. De nieuwkomers: Michael "
            "Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) en Matteo Trentin "
            "(UAE Team Emirates). Het podium van zondag: Tadej Pogačar (UAE Team "
            "Emirates), Remco Evenepoel (Soudal Quick-Step) en Giulio Ciccone (Lidl-Trek)."
        ),
        "2024-10-10",
        "nl",
        id="cont-nl-result",
    ),
    pytest.param(
        "Tudor Pro Cycling Team names its signings",
        (
            "Tudor Pro Cycling Team named its signings. Among the arrivals: Michael Storer "
            "(Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) and Matteo Trentin (UAE "
            "Team Emirates). Going the other way: Marc Hirschi (Soudal Quick-Step) and "
            "Alexander Krieger (Q36.5 Pro Cycling Team)."
        ),
        "2024-10-10",
        "en",
        id="cont-en-departures",
    ),
    pytest.param(
        "Tudor Pro Cycling Team annonce ses recrues",
        (
            "Tudor Pro Cycling Team a annoncé ses recrues. Parmi les arrivants : Michael "
            "Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) et Matteo Trentin "
            "(UAE Team Emirates). Dans l'autre sens : Marc Hirschi (Soudal Quick-Step) et "
            "Alexander Krieger (Q36.5 Pro Cycling Team)."
        ),
        "2024-10-10",
        "fr",
        id="cont-fr-departures",
    ),
    pytest.param(
        "Tudor Pro Cycling Team stellt Neuzugänge vor",
        (
            "Tudor Pro Cycling Team hat seine Neuzugänge vorgestellt. Unter den "
            "Neuzugängen: Michael Storer (Groupama-FDJ), Alberto Dainese (Team "
            "dsm-firmenich) und Matteo Trentin (UAE Team Emirates). In die andere "
            "Richtung: Marc Hirschi (Soudal Quick-Step) und Alexander Krieger (Q36.5 Pro "
            "Cycling Team)."
        ),
        "2024-10-10",
        "de",
        id="cont-de-departures",
    ),
    pytest.param(
        "Tudor Pro Cycling Team, ecco gli acquisti",
        (
            "Il Tudor Pro Cycling Team ha presentato i suoi acquisti. Tra i nuovi "
            "arrivati: Michael Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) "
            "e Matteo Trentin (UAE Team Emirates). In uscita invece: Marc Hirschi (Soudal "
            "Quick-Step) e Alexander Krieger (Q36.5 Pro Cycling Team)."
        ),
        "2024-10-10",
        "it",
        id="cont-it-departures",
    ),
    pytest.param(
        "Tudor Pro Cycling Team names its signings",
        (
            "Tudor Pro Cycling Team named its signings. Among the arrivals: Michael Storer "
            "(Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) and Matteo Trentin (UAE "
            "Team Emirates). Staying put at their teams despite rumours: Tadej Pogačar "
            "(UAE Team Emirates) and Remco Evenepoel (Soudal Quick-Step)."
        ),
        "2023-08-10",
        "en",
        id="st-en",
    ),
    pytest.param(
        "Tudor Pro Cycling Team, ecco gli acquisti",
        (
            "Il Tudor Pro Cycling Team ha presentato i suoi acquisti. Tra i nuovi "
            "arrivati: Michael Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) "
            "e Matteo Trentin (UAE Team Emirates). Restano invece nelle loro squadre: "
            "Tadej Pogačar (UAE Team Emirates) e Remco Evenepoel (Soudal Quick-Step)."
        ),
        "2023-08-10",
        "it",
        id="st-it",
    ),
    pytest.param(
        "Tudor Pro Cycling Team names its signings",
        (
            "Tudor Pro Cycling Team named its signings. Among the arrivals: Michael Storer "
            "(Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) and Matteo Trentin (UAE "
            "Team Emirates). Other targets said no: Tadej Pogačar (UAE Team Emirates) and "
            "Remco Evenepoel (Soudal Quick-Step)."
        ),
        "2023-08-10",
        "en",
        id="st-en2",
    ),
    pytest.param(
        "Tudor Pro Cycling Team, ecco gli acquisti",
        (
            "Il Tudor Pro Cycling Team ha presentato i suoi acquisti. Tra i nuovi "
            "arrivati: Michael Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) "
            "e Matteo Trentin (UAE Team Emirates). Hanno detto di no: Tadej Pogačar (UAE "
            "Team Emirates) e Remco Evenepoel (Soudal Quick-Step)."
        ),
        "2023-08-10",
        "it",
        id="st-it2",
    ),
]

# Split verbs over a win, a sprint, jerseys, a catch, a camera, a crew or organisers.
SPLIT_RACES = [
    pytest.param(
        "Lidl-Trek wint opnieuw",
        (
            "Lidl-Trek blijft winnen. Dit weekend haalden Mads Pedersen (Lidl-Trek), Tim "
            "Merlier (Soudal Quick-Step) en Jasper Philipsen (Alpecin-Deceuninck) de zege "
            "binnen."
        ),
        "2024-03-24",
        "nl",
        id="hb-nl",
    ),
    pytest.param(
        "Weekendoverzicht: Lidl-Trek, Soudal Quick-Step en Alpecin-Deceuninck winnen",
        (
            "Een druk weekend. In Spanje, Italië en België haalden Mads Pedersen "
            "(Lidl-Trek), Tim Merlier (Soudal Quick-Step) en Jasper Philipsen "
            "(Alpecin-Deceuninck) de zege binnen."
        ),
        "2024-03-24",
        "nl",
        id="hb-nl2",
    ),
    pytest.param(
        "Visma | Lease a Bike zet de koers op slot",
        (
            "Visma | Lease a Bike reed de hele dag op kop. Op de Muur haalden Wout van "
            "Aert (Visma | Lease a Bike), Mathieu van der Poel (Alpecin-Deceuninck) en "
            "Mads Pedersen (Lidl-Trek) de laatste vluchters binnen."
        ),
        "2024-04-07",
        "nl",
        id="sv-nl-vluchters",
    ),
    pytest.param(
        "Soudal Quick-Step wint in Brugge",
        (
            "Soudal Quick-Step was de sterkste. In de laatste kilometer trokken Tim "
            "Merlier (Soudal Quick-Step), Mads Pedersen (Lidl-Trek) en Jasper Philipsen "
            "(Alpecin-Deceuninck) de sprint aan."
        ),
        "2024-03-24",
        "nl",
        id="tr-nl",
    ),
    pytest.param(
        "Lidl-Trek wint in Gent",
        (
            "Lidl-Trek was oppermachtig. In de finale trokken Jasper Stuyven (Lidl-Trek), "
            "Mathieu van der Poel (Alpecin-Deceuninck) en Wout van Aert (Visma | Lease a "
            "Bike) de sprint aan."
        ),
        "2024-03-24",
        "nl",
        id="sv-nl-sprint",
    ),
    pytest.param(
        "UAE Team Emirates domineert de Tour",
        (
            "UAE Team Emirates had een topdag. Op het podium trokken Tadej Pogačar (UAE "
            "Team Emirates), Jonas Vingegaard (Visma | Lease a Bike) en Remco Evenepoel "
            "(Soudal Quick-Step) hun truien aan."
        ),
        "2024-07-10",
        "nl",
        id="sv-nl-truien",
    ),
    pytest.param(
        "Soudal Quick-Step sterk in Vlaanderen",
        (
            "Soudal Quick-Step reed sterk. De camera legde Remco Evenepoel (Soudal "
            "Quick-Step), Wout van Aert (Visma | Lease a Bike) en Tadej Pogačar (UAE Team "
            "Emirates) vast."
        ),
        "2024-03-24",
        "nl",
        id="sv-nl-vast",
    ),
    pytest.param(
        "UAE Team Emirates beim Tour Down Under",
        (
            "UAE Team Emirates fliegt nach Australien. Im Flugzeug holte die Crew Tadej "
            "Pogačar (UAE Team Emirates), Jonas Vingegaard (Visma | Lease a Bike) und "
            "Remco Evenepoel (Soudal Quick-Step) an Bord."
        ),
        "2024-01-10",
        "de",
        id="sv-de-bord",
    ),
    pytest.param(
        "Visma | Lease a Bike dominiert",
        (
            "Visma | Lease a Bike fuhr stark. Im Zielbereich holte das Fernsehen Wout van "
            "Aert (Visma | Lease a Bike), Mathieu van der Poel (Alpecin-Deceuninck) und "
            "Mads Pedersen (Lidl-Trek) an Bord."
        ),
        "2024-03-24",
        "de",
        id="hb-de",
    ),
    pytest.param(
        "Santos Tour Down Under: UAE Team Emirates arrives",
        (
            "UAE Team Emirates arrives in Adelaide. The organisers have brought Tadej "
            "Pogačar (UAE Team Emirates), Jonas Vingegaard (Visma | Lease a Bike) and "
            "Remco Evenepoel (Soudal Quick-Step) on board."
        ),
        "2024-01-10",
        "en",
        id="sv-en-board",
    ),
    pytest.param(
        "Lidl-Trek on a roll",
        (
            "Lidl-Trek keeps winning. The broadcaster brought Mads Pedersen (Lidl-Trek), "
            "Tim Merlier (Soudal Quick-Step) and Jasper Philipsen (Alpecin-Deceuninck) on "
            "board."
        ),
        "2024-03-24",
        "en",
        id="hb-en",
    ),
    pytest.param(
        "Soudal Quick-Step's new sponsor",
        (
            "Soudal Quick-Step has a new sponsor. The brand also brought Tadej Pogačar "
            "(UAE Team Emirates) and Jonas Vingegaard (Visma | Lease a Bike) on board."
        ),
        "2024-01-10",
        "en",
        id="sv-en-board3",
    ),
]

# Rumours put to rest by the signing itself.
DISPELLED_BY_THE_MOVE = [
    pytest.param(
        "Roglič: it's official",
        (
            "Primož Roglič put an end to the rumours of a switch to Bora-Hansgrohe by "
            "confirming it himself: he signed until 2026."
        ),
        "2023-08-10",
        "en",
        id="rd-en-moves2",
    ),
    pytest.param(
        "Roglič, c'est officiel",
        (
            "Primož Roglič met fin aux rumeurs de son transfert chez Bora-Hansgrohe : il a "
            "signé jeudi un contrat de trois ans."
        ),
        "2023-08-10",
        "fr",
        id="rd-fr-moves2",
    ),
    pytest.param(
        "Roglič bevestigt overstap",
        (
            "Primož Roglič maakt een einde aan de geruchten over zijn overstap naar "
            "Bora-Hansgrohe: hij tekende donderdag een contract voor drie jaar."
        ),
        "2023-08-10",
        "nl",
        id="rd-nl-moves",
    ),
    pytest.param(
        "Roglič, è ufficiale",
        (
            "Primož Roglič mette fine alle voci sul suo passaggio alla Bora-Hansgrohe: ha "
            "firmato un triennale giovedì."
        ),
        "2023-08-10",
        "it",
        id="rd-it-moves",
    ),
    pytest.param(
        "Roglič, oficial",
        (
            "Primož Roglič acabó con los rumores sobre su fichaje por el Bora-Hansgrohe: "
            "firmó un contrato de tres años el jueves."
        ),
        "2023-08-10",
        "es",
        id="rd-es-moves",
    ),
    pytest.param(
        "Roglič bestätigt Wechsel",
        (
            "Primož Roglič beendet die Spekulationen über seinen Wechsel zu "
            "Bora-Hansgrohe: Er unterschrieb am Donnerstag einen Dreijahresvertrag."
        ),
        "2023-08-10",
        "de",
        id="rd-de-moves",
    ),
    pytest.param(
        "Roglič zanja los rumores sobre su fichaje por el Bora-Hansgrohe",
        "El esloveno firmó un contrato de tres años con el equipo alemán el jueves.",
        "2023-08-10",
        "es",
        id="rd-es-title",
    ),
]

# "He is not leaving: he renews ... despite an offer": a stay.
STAYS_AFTER_A_NEGATED_EXIT = [
    pytest.param(
        "Pogačar se queda en el UAE Team Emirates",
        (
            "Tadej Pogačar no se va: renueva con el UAE Team Emirates hasta 2030 pese a la "
            "oferta para fichar por el Red Bull-Bora-hansgrohe."
        ),
        "2024-09-10",
        "es",
        id="xn-es",
    ),
    pytest.param(
        "Pogačar bleibt bei UAE Team Emirates",
        (
            "Tadej Pogačar geht nicht, er verlängert bei UAE Team Emirates bis 2030, trotz "
            "eines Angebots für einen Wechsel zu Red Bull-Bora-hansgrohe."
        ),
        "2024-09-10",
        "de",
        id="xn-de",
    ),
]

# A finish ahead of or with a team, the rider described after it.
FINISHES_AFTER_THE_TEAM = [
    pytest.param(
        "Tour de Francia, etapa 5",
        (
            "Llega primero por delante del Visma | Lease a Bike el danés Mads Pedersen, "
            "que gana al sprint."
        ),
        "2024-07-10",
        "es",
        id="dt-es-race",
    ),
    pytest.param(
        "Giro d'Italia, tappa 8",
        (
            "Arriva al traguardo con la UAE Team Emirates lo sloveno Primož Roglič, a "
            "ruota di Pogačar."
        ),
        "2024-05-11",
        "it",
        id="dt-it-race3",
    ),
]

# Home to a team's place or race: a possessive team is no destination.
HOME_TO_A_POSSESSIVE = [
    pytest.param(
        "Australian nationals",
        ("Ben O'Connor comes home to Jayco AlUla's backyard in Ballarat to race the nationals."),
        "2024-01-05",
        "en",
        id="ch-en-nats2",
    ),
    pytest.param(
        "NM på sykkel",
        (
            "Tobias Foss kommer hjem til Uno-X Mobility-rytternes NM i Stavanger, selv om "
            "han kjører for Ineos Grenadiers."
        ),
        "2024-01-05",
        "no",
        id="ch-no",
    ),
    pytest.param(
        "DM i landevejscykling",
        (
            "Mads Pedersen kommer hjem til Lidl-Trek-kaptajnens hjemby og Uno-X "
            "Mobility-rytternes DM i Herning."
        ),
        "2024-01-05",
        "da",
        id="ch-da",
    ),
]


@pytest.mark.parametrize(("title", "text", "published", "language"), NOT_KEPT_RACES)
def test_not_kept_words_in_a_race_move_nobody(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    assert _moves(tagger, title, text, published, language) == {}


@pytest.mark.parametrize(("title", "text", "published", "language"), NOT_KEPT_SELECTIONS)
def test_a_selection_or_a_sponsor_not_kept_moves_nobody(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    assert _moves(tagger, title, text, published, language) == {}


@pytest.mark.parametrize(("title", "text", "published", "language"), NOT_KEPT_DENIED)
def test_not_kept_words_negated_contrasted_or_denied_move_nobody(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    assert _moves(tagger, title, text, published, language) == {}


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        # a place after the words is no rider of the list
        (
            "UAE Team Emirates: contracts",
            "Matteo Trentin et Marc Hirschi ? Non. Sur le départ à Florence, Tadej Pogačar et "
            "Jonas Vingegaard, dont le contrat court.",
            "fr",
        ),
        (
            "UAE Team Emirates: contracts",
            "On their way out to Florence, Tadej Pogačar and Jonas Vingegaard joked about "
            "their contracts.",
            "en",
        ),
    ],
)
def test_a_place_is_no_item_of_a_list_not_kept(
    tagger: Tagger, title: str, text: str, language: str
) -> None:
    moves = _moves(tagger, title, text, "2024-07-10", language)
    assert "Tadej Pogačar" not in moves and "Jonas Vingegaard" not in moves


@pytest.mark.parametrize(("title", "text", "published", "language"), CONTINUED_ELSEWHERE)
def test_a_colon_list_after_signings_that_tells_of_something_else_arrives_nowhere(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    moves = _moves(tagger, title, text, published, language)
    assert not [p for p, (_, to) in moves.items() if to == TUDOR and p not in SIGNED]


@pytest.mark.parametrize(("title", "text", "published", "language"), SPLIT_RACES)
def test_a_split_verb_over_a_race_or_a_camera_signs_nobody(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    assert _moves(tagger, title, text, published, language) == {}


@pytest.mark.parametrize(("title", "text", "published", "language"), DISPELLED_BY_THE_MOVE)
def test_rumours_ended_by_the_signing_itself_keep_the_move(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    moves = _moves(tagger, title, text, published, language)
    assert moves.get("Primož Roglič", (None, None))[1] == BORA


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Tadej Pogačar extended with UAE Team Emirates, ending the rumours of a move to "
            "Red Bull-Bora-hansgrohe.",
            "en",
        ),
        (
            "Tadej Pogačar verlängert bei UAE Team Emirates und beendet die Spekulationen über "
            "einen Wechsel zu Red Bull-Bora-hansgrohe.",
            "de",
        ),
        (
            "Tadej Pogačar ended the rumours of a move to Red Bull-Bora-hansgrohe: he signed a "
            "new contract with UAE Team Emirates until 2030.",
            "en",
        ),
    ],
)
def test_rumours_ended_by_a_stay_move_nobody(tagger: Tagger, text: str, language: str) -> None:
    assert _moves(tagger, "Pogačar", text, "2024-09-10", language) == {}


@pytest.mark.parametrize(("title", "text", "published", "language"), STAYS_AFTER_A_NEGATED_EXIT)
def test_a_negated_exit_before_an_extension_is_a_stay(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    assert _moves(tagger, title, text, published, language) == {}


@pytest.mark.parametrize(("title", "text", "published", "language"), FINISHES_AFTER_THE_TEAM)
def test_a_finish_behind_or_with_a_team_signs_nobody(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    assert _moves(tagger, title, text, published, language) == {}


@pytest.mark.parametrize(("title", "text", "published", "language"), HOME_TO_A_POSSESSIVE)
def test_home_to_a_teams_place_is_no_destination(
    tagger: Tagger, title: str, text: str, published: str, language: str
) -> None:
    assert _moves(tagger, title, text, published, language) == {}


@pytest.mark.parametrize(
    ("text", "language", "person", "team"),
    [
        (
            "Ben O'Connor comes home to Jayco AlUla for 2025 on a two-year contract.",
            "en",
            "Ben O'Connor",
            "Team Jayco AlUla",
        ),
        (
            "Tobias Foss kommer hjem til Uno-X Mobility fra 2025 på en toårig kontrakt.",
            "no",
            "Tobias Foss",
            "Uno-X Mobility",
        ),
    ],
)
def test_home_to_a_team_still_moves(
    tagger: Tagger, text: str, language: str, person: str, team: str
) -> None:
    assert _moves(tagger, "Transfer", text, "2024-08-20", language)[person][1] == team


RIDERS = ("Tadej Pogačar", "Jonas Vingegaard", "Remco Evenepoel", "Primož Roglič", "Mads Pedersen")
TEAMS = ("UAE Team Emirates", "Lidl-Trek", "Soudal Quick-Step", "Groupama-FDJ")


def _rider(i: int) -> str:
    return RIDERS[i % len(RIDERS)]


def _bracketed(i: int) -> str:
    return f"{RIDERS[i % len(RIDERS)]} ({TEAMS[i % len(TEAMS)]})"


LONG_SENTENCES: list[tuple[str, Callable[[int], str], str]] = [
    # many phrases in one sentence told of the market, each with a list before it
    (
        "UAE Team Emirates clears out",
        lambda n: (
            " ".join(
                f"{_rider(i)}, {_rider(i + 1)} and {_rider(i + 2)} are on their way out,"
                for i in range(n)
            )
            + " their contracts end."
        ),
        "en",
    ),
    # an inverted list after every verb, with a signing in the headline
    (
        "Oficial: Pidcock firma con la Q36.5",
        lambda n: (
            "El Q36.5 Pro Cycling Team se renueva en 2025: "
            + ", ".join(f"llegan {_rider(i)} y {_rider(i + 1)}" for i in range(n))
            + "."
        ),
        "es",
    ),
    # a split verb again and again before one particle
    (
        "Tudor Pro Cycling Team versterkt zich",
        lambda n: (
            "Tudor Pro Cycling Team "
            + " ".join(f"trok voor 2025 {_bracketed(i)}, {_bracketed(i + 1)} en" for i in range(n))
            + " nog meer renners aan."
        ),
        "nl",
    ),
]


@pytest.mark.parametrize(("title", "make", "language"), LONG_SENTENCES)
def test_list_rules_time_grows_linearly(
    tagger: Tagger, title: str, make: Callable[[int], str], language: str
) -> None:
    """Each list rule works out the sentence's season, origins and "from" words once, and
    reads a list only up to the next verb: four times the phrases may not take eight
    times as long (per phrase, it took 16 times)."""
    assert_linear(
        lambda text: tagger.tag(title, text, date(2024, 10, 10), True, language), make, 100
    )
