"""Multilingual cue vocabulary for transfer extraction, kept as data.

Every entry is a regular expression matched against the lower-cased text at a word
start. Languages: English, Dutch, French, Italian, Spanish and German. The patterns are
deliberately phrased as verbs and nouns of moving between teams, hedges, and the
things that look like moves but are not (extensions, abandons, renames, promotions).

Cue families (how `feeds.transfers` reads them):

- ARRIVE: the person is the subject and goes somewhere ("joins", "rejoint", "wechselt").
  The team named after the verb is the destination.
- DEPART: the person is the subject and leaves ("leaves", "vertrekt", "quitte").
  The team named after the verb is the origin; "for/to Y" names the destination.
- ACQUIRE: a team is the subject and the person the object ("Astana sign X",
  "the signing of X", "kon X vastleggen"). The subject team is the destination.
- LOSE: a team is the subject and loses the person ("Ineos lost X to Y").
- NOUN_ARRIVE / NOUN_DEPART: nouns whose owner moves ("X's move to", "le départ de X").
- COURTED: a team wants the person ("in het vizier van Movistar", "in talks with Bora");
  the team right after is the destination, whatever the preposition.

Status: CONFIRMED (announcements, agreements), RUMOUR (attributions and hedges: "set
to", "zou", "selon", "secondo", "laut", "según"), RUMOUR_WEAK (English modals, which an
announcement in the same sentence outweighs), RUMOUR_SUPERSEDED (a rumour or dispute
that is over), DISPUTE (denials, legal rows). Vetoes: EXTENSION (the nearest person
stays), RACE, ORGANISATION (renames, sponsors, mergers, promotions), BACKGROUND
(history). Words around mentions: TO_/FROM_/AFFILIATION_MARKERS, FILLER_WORDS,
COORDINATION_WORDS. Seasons: SEASON_YEAR, NEXT_SEASON, CONTRACT_END (not a season).

A cue must start with at least two literal letters (the scan indexes them); a pattern
that cannot be indexed is refused when `feeds.transfers` is imported.
"""

from __future__ import annotations

# --- move cues ----------------------------------------------------------------------

ARRIVE: tuple[str, ...] = (
    # English
    r"join(?:s|ed|ing)?\b",
    r"rejoin(?:s|ed|ing)?\b",
    r"mov(?:e|es|ed|ing) (?:to|across to|over to)\b",
    # "moves from UAE Team Emirates to Movistar Team": the destination follows "to"
    r"mov(?:e|es|ed|ing) from\b",
    r"switch(?:es|ed|ing)? from\b",
    r"transfer(?:s|red|ring)? from\b",
    r"switch(?:es|ed|ing)? (?:to|teams|over)\b",
    r"head(?:s|ed|ing)? (?:to|for)\b",
    r"is headed to\b",
    r"sign(?:s|ed|ing)? (?:for|with)\b",
    r"transfer(?:s|red|ring)? to\b",
    r"arriv(?:e|es|ed|ing)\b",
    r"agree(?:s|d)? (?:terms )?(?:to join|with)\b",
    r"ride for\b",
    r"race for\b",
    r"return(?:s|ing)? to\b",
    r"pen(?:s|ned)? (?:a )?(?:deal|contract)\b",
    r"agree(?:s|d)? (?:a |an )?(?:[\w-]+ ){0,2}(?:deal|contract|terms)\b",
    r"rid(?:e|ing) for\b",
    r"jump(?:s|ed|ing)? ship\b",
    r"defect(?:s|ed|ing)? to\b",
    r"land(?:s|ed|ing)? at\b",
    r"mak(?:e|es|ing) (?:a|the) (?:\w+ )?(?:move|switch) to\b",
    r"on (?:his|her|their) way to\b",
    r"(?:is|are) off to\b",
    r"put(?:s|ting)? pen to paper (?:with|for)\b",
    r"future lies (?:with|at)\b",
    r"opt(?:s|ed)? for\b",
    # staff taking a role at a team ("becomes sports director at", "wordt ploegleider bij")
    r"(?:becomes|become|will become|has become|named|appointed|hired as) (?:the |a )?(?:new )?"
    r"(?:[\w-]+ ){0,2}(?:director|directeur sportif|manager|coach|ceo|trainer|head of [\w-]+)"
    r" (?:at|of|for|with)\b",
    r"chang(?:e|es|ed|ing) teams\b",
    # Dutch
    r"teken(?:t|en) bij\b",
    r"overstappen naar\b",
    r"tekende bij\b",
    r"(?:heeft|hebben) getekend\b",
    r"handtekening (?:gezet|zet|zetten|geplaatst) (?:onder|bij)\b",
    r"stapt over\b",
    r"maakt de overstap\b",
    r"overstap naar\b",
    r"komt over\b",
    r"trekt naar\b",
    r"trekken\b",
    r"gaat (?:[\w-]+ ){0,3}naar\b",
    r"verhuist naar\b",
    r"sluit (?:zich )?aan bij\b",
    r"op weg naar\b",
    r"versterkt\b",
    r"gaat .{0,25}rijden (?:voor|bij)\b",
    r"zal .{0,25}rijden (?:voor|bij)\b",
    r"onderweg naar\b",
    r"rijdt (?:[\w-]+ ){0,4}voor\b",
    r"rijden\b",
    r"mag (?:[\w-]+ ){0,3}naar\b",
    r"ke(?:ert|ren) (?:[\w-]+ ){0,3}terug (?:naar|bij)\b",
    r"(?:wordt|werd|zal) (?:[\w-]+ ){0,3}(?:ploegleider|sportdirecteur|sportief directeur|manager|"
    r"trainer|coach|ploegbaas|teammanager|directeur) (?:bij|van)\b",
    # French
    r"rejoin(?:t|dre|dra|dront|gnent|gnait|drait|draient)\b",
    r"s'engag(?:e|er|era|ent|eront)\b",
    r"s'est engagée?\b",
    r"sign(?:e|er|era) (?:chez|avec|pour)\b",
    r"a signé\b",
    r"arrive (?:chez|à)\b",
    r"débarque(?:ra)?\b",
    r"porter(?:a|ont)? les couleurs (?:de|du|d')",
    r"a paraphé\b",
    r"cour(?:ra|ir) pour\b",
    r"va courir pour\b",
    r"file (?:chez|à)\b",
    r"en route (?:vers|pour)\b",
    r"devien(?:t|dra) (?:le )?(?:nouveau )?(?:directeur sportif|manager|entraîneur|directeur "
    r"général|dirigeant) (?:chez|de|d'|du)",
    r"revien(?:t|dra|nent) (?:chez|à|au)\b",
    r"fait son retour (?:chez|à|au)\b",
    r"chang(?:e|er|era|ent) d'équipe\b",
    # Italian
    r"approd(?:a|are|erà|ato|ata|ano)\b",
    r"pass(?:a|are) (?:alla|al|all')",
    r"passerà\b",
    r"firm(?:a|are) (?:con|per)\b",
    r"ha firmato\b",
    r"si trasferi(?:sce|rà)\b",
    r"trasferi(?:rsi|to|ta)\b",
    r"accas(?:a|arsi|erà|ato|ata)\b",
    r"corre(?:rà|re) (?:con|per)\b",
    r"vestirà\b",
    r"raggiunge\b",
    r"arriv(?:a|ano|erà|eranno)\b",
    r"sarà (?:un |il )?(?:nuovo )?corridore d(?:i|ella|el|ello)\b",
    r"è (?:un |il )?nuovo corridore d(?:i|ella|el|ello)\b",
    r"torn(?:a|erà) (?:alla|al|all')",
    r"(?:sarà|diventa|diventerà) (?:il )?(?:nuovo )?(?:ds|direttore sportivo|team manager|"
    r"general manager|allenatore|preparatore) (?:della|del|dell'|di)",
    r"cambi(?:a|are|erà) squadra\b",
    # Spanish
    r"fich(?:a|ar|ará|aría|ó) por\b",
    r"firma(?:rá)? (?:con|por)\b",
    # "a" + "el" is written "al": "se unirá al Soudal Quick-Step"
    r"(?:se une|unirse) al?\b",
    r"ha firmado\b",
    r"fichad[oa] por\b",
    r"se incorpora(?:rá)? al?\b",
    r"se unirá al?\b",
    r"llega(?:rá)? al?\b",
    r"llega(?:n)?\b",
    r"recala(?:r|rá|ría)? en\b",
    r"militará en\b",
    r"vestirá (?:el maillot|la camiseta|los colores) del?\b",
    r"corre(?:rá|r) (?:con|en|para)\b",
    r"(?:vuelve|volverá|regresa|regresará) (?:a|al)\b",
    r"cambia(?:r|rá)? de equipo\b",
    r"es (?:el |un )?nuevo (?:corredor|ciclista) del?\b",
    r"será (?:el |un )?(?:nuevo )?(?:corredor|ciclista) del?\b",
    r"rumbo (?:a|al)\b",
    r"(?:será|se convierte en) (?:el )?(?:nuevo )?(?:director deportivo|director|mánager|"
    r"entrenador) del?\b",
    # German
    r"wechsel(?:t|te|n)\b",
    r"schließt sich\b",
    r"schliesst sich\b",
    r"unterschreib(?:t|en)\b",
    r"unterschrieben\b",
    r"unterzeichnet\b",
    r"fährt (?:ab \d{4} |künftig |nächstes jahr )?für\b",
    r"heuert\b",
    r"kommt (?:von|vom)\b",
    r"zieht es (?:zu|zum|zur)\b",
    r"fahren\b",
    r"kehrt (?:[\w-]+ ){0,3}zurück (?:zu|zum|zur)\b",
    r"auf dem weg (?:zu|zum|zur)\b",
    r"wird (?:[\w-]+ ){0,3}(?:sportlicher leiter|sportdirektor|teamchef|trainer|manager) "
    r"(?:bei|beim|von|vom)\b",
    # the team first: "wird beim deutschen Team Leiter der Abteilung"
    r"wird (?=(?:bei|beim) (?:[\w|-]+ ){1,5}?(?:sportlicher leiter|leiter|sportdirektor|direktor|"
    r"teamchef|chef|trainer|coach|manager)\b)",
)

DEPART: tuple[str, ...] = (
    r"leav(?:e|es|ing)\b",
    r"quit(?:s|ting)?\b",
    r"exit(?:s|ing)?\b",
    r"depart(?:s|ing)?\b",
    r"swap(?:s|ped|ping)?\b",
    r"verruil(?:t|de|den|en)\b",
    r"troque\b",
    r"échange\b",
    r"tausch(?:t|te)\b",
    r"ruil(?:t|de|den)\b",
    r"cambi(?:a|ò|ará|erà)\b",
    r"trad(?:e|es|ed|ing)\b",
    r"part(?:s|ed|ing)? ways\b",
    r"part(?:s|ed|ing)? company with\b",
    r"split(?:s|ting)? (?:with|from)\b",
    r"gaan uit elkaar\b",
    r"se séparent\b",
    r"se sépare de\b",
    r"si separano\b",
    r"trennen sich\b",
    r"separa(?:n)? sus caminos\b",
    # Dutch
    r"vertrek(?:t|ken)?\b",
    r"verlaat\b",
    r"verlaten\b",
    r"op weg naar de uitgang\b",
    r"neemt afscheid\b",
    # French
    r"quitt(?:e|er|era|ent)\b",
    r"s'en va\b",
    # Italian
    r"lasci(?:a|are|erà)\b",
    r"dice addio\b",
    # Spanish
    r"deja(?:rá)? (?:el|la|a)\b",
    r"se marcha\b",
    r"abandona(?:rá)? (?:el|la) equipo\b",
    r"abandonará (?:el|al)\b",
    # German
    r"verlässt\b",
    r"verlassen\b",
    r"kehrt .{0,40}den rücken\b",
    # contracts ended by the team
    r"released from (?:his|her|their) contract\b",
    r"terminat(?:e|es|ed|ing) (?:his|her|their) contract\b",
    r"sacked\b",
    r"ontslagen\b",
    r"licenziat[oa]\b",
    r"entlassen\b",
    r"résili(?:e|é|ée)\b",
    r"rescind(?:e|ido|ida)\b",
)

ACQUIRE: tuple[str, ...] = (
    # Team as subject, person as object. "sign" alone is decided in context.
    r"sign(?:s|ed|ing)?\b",
    r"acquisition of\b",
    r"acquir(?:e|es|ed|ing)\b",
    r"recruit(?:s|ed|ing)?\b",
    r"snap(?:s|ped)? up\b",
    r"hir(?:e|es|ed|ing)\b",
    r"appoint(?:s|ed|ing)?\b",
    r"swoop(?:s|ed)? for\b",
    r"poach(?:es|ed)?\b",
    r"unveil(?:s|ed)?\b",
    r"bolster(?:s|ed)? (?:its|their) .{0,40}\bwith\b",
    r"lur(?:e|es|ed|ing)\b",
    r"(?:is|are|was|were|will be) followed to .{0,40}?\bby\b",
    r"land(?:s|ed)?\b",
    r"bring(?:s|ing)? back\b",
    r"brought back\b",
    r"bring(?:s|ing)? in\b",
    r"secur(?:e|es|ed|ing) the (?:signature|services) of\b",
    r"capture of\b",
    r"(?:announc|confirm|unveil)(?:e|es|ed|ing|s)? the (?:arrival|signing|recruitment|return) of\b",
    # Dutch
    r"binnen(?:halen|haalt|haalde|gehaald)\b",
    r"haalt .{0,60}binnen\b",
    r"haalde .{0,60}binnen\b",
    r"legt .{0,60}vast\b",
    r"vastleggen\b",
    r"versterkt zich met\b",
    r"vastgelegd\b",
    r"contracteert\b",
    r"strikt\b",
    r"trekt .{0,40}aan\b",
    r"aangetrokken\b",
    r"de komst van\b",
    # French
    r"recrut(?:e|é|ée)\b",
    r"recrutement de\b",
    r"s'offre\b",
    r"enrôle\b",
    r"l'arrivée de\b",
    # Italian
    r"ingaggia\b",
    r"l'ingaggio di\b",
    r"ingaggiato\b",
    r"ufficializza l'arrivo di\b",
    r"(?:mette|messo|messa) sotto contratto\b",
    r"annunci(?:a|ato|ano) l'(?:arrivo|ingaggio) di\b",
    # Spanish
    r"ficha a\b",
    r"fichado a\b",
    r"ha fichado a\b",
    r"el fichaje de\b",
    r"incorpora a\b",
    r"(?:anuncia|anunció|ha anunciado) la (?:llegada|incorporación) de\b",
    # German
    r"verpflichte(?:t|n)\b",
    r"verpflichtung von\b",
    r"holt .{0,60}(?:ins team|zurück)\b",
)

LOSE: tuple[str, ...] = (
    r"los(?:e|es|t|ing) .{0,60}\bto\b",
    r"raakt(?:e)? .{0,80}kwijt\b",
    r"verlies(?:t)? .{0,60}aan\b",
    r"perd .{0,60}\bau profit\b",
    r"perde .{0,60}\b(?:a favore|verso)\b",
    r"verlier(?:t|en) .{0,60}\ban\b",
    r"releas(?:e|es|ed) .{0,40}from (?:his|her|their) contract\b",
)

NOUN_ARRIVE: tuple[str, ...] = (
    r"move\b",
    r"switch\b",
    r"transfers?\b",
    r"arrivals?\b",
    r"signings?\b",
    r"recruits?\b",
    r"aanwinst(?:en)?\b",
    r"recrues?\b",
    r"acquist[oi]\b",
    r"reinforcements?\b",
    r"versterkingen\b",
    r"rinforz[oi]\b",
    r"innest[oi]\b",
    r"refuerzos?\b",
    r"neuzugänge\b",
    r"verstärkungen\b",
    r"overstap\b",
    r"komst\b",
    r"aankomst\b",
    r"transfert\b",
    r"arrivée\b",
    r"trasferimento\b",
    r"arrivo\b",
    r"passaggio\b",
    r"wechsel\b",
    r"neuzugang\b",
    r"fichaje\b",
    r"traspaso\b",
    r"llegada\b",
    r"destination\b",
    r"next team\b",
    r"new team\b",
    r"volgende ploeg\b",
    r"nieuwe ploeg\b",
    r"prochaine équipe\b",
    r"nouvelle équipe\b",
    r"nuova squadra\b",
    r"neues team\b",
    r"neuen team\b",
    r"nuevo equipo\b",
)

# A team wants the person: the team named right after is where the rumour sends them,
# whatever the preposition ("in het vizier van Movistar", "targeted by Ineos").
COURTED: tuple[str, ...] = (
    r"(?:in|holds?|held|opened) (?:advanced |contract )?talks with\b",
    r"negotiat(?:es|ing|ions) with\b",
    r"in gesprek met\b",
    r"onderhandelt met\b",
    r"en (?:discussions?|négociations?) avec\b",
    r"in trattativa con\b",
    r"tratta con\b",
    r"verhandelt mit\b",
    r"in verhandlungen mit\b",
    r"negocia con\b",
    r"target(?:ed)? (?:for|by)\b",
    r"on the radar of\b",
    r"on (?:the )?(?:shopping )?list of\b",
    r"courted by\b",
    r"linked (?:to|with)\b",
    r"wanted by\b",
    r"in het vizier van\b",
    r"in beeld bij\b",
    r"dans le viseur d(?:e|u|es)\b",
    r"convoitée? par\b",
    r"nel mirino d(?:i|el|ella|ello|ei)\b",
    r"corteggiat[oa] da(?:lla|l)?\b",
    r"im visier von\b",
    r"umworben von\b",
    r"en el punto de mira d(?:e|el)\b",
    # close to an agreement: the team in it is where the rumour sends the person
    r"(?:close to|closing in on|nearing|near|on the verge of) (?:a |an )?(?:[\w-]+ )?"
    r"(?:deal|agreement|contract) with\b",
    r"dicht bij een (?:akkoord|deal|overeenkomst|contract) met\b",
    r"proche d'(?:un|une) (?:accord|entente|contrat) avec\b",
    r"vicin(?:o|a|issimo|issima) (?:a|ad) (?:un )?(?:accordo|contratto) con\b",
    r"cerca de (?:un )?(?:acuerdo|contrato) con\b",
    r"kurz vor (?:einer einigung|einem vertrag|der unterschrift) (?:mit|bei)\b",
)

# Move nouns that races use too ("a move by Visma", "all'arrivo"): only "move to X" counts.
RACE_NOUNS = frozenset({"move", "switch", "arrival", "arrivée", "arrivo", "passaggio", "llegada"})

NOUN_DEPART: tuple[str, ...] = (
    r"departures?\b",
    r"exit\b",
    r"vertrek\b",
    r"afscheid\b",
    r"départ\b",
    r"partenza\b",
    r"addio\b",
    r"abschied\b",
    r"abgang\b",
    r"salida\b",
    r"marcha\b",
)

# Both sides leave each other ("Pidcock and Ineos part ways"): the team may come first.
MUTUAL_DEPART = ("part", "gaan uit elkaar", "se séparent", "si separano", "trennen sich")

# Between a leaving verb and the team: the post held there ("quitte son poste chez X",
# "leaves his role at X", "verlaat zijn functie bij X"): X is left, not joined.
OWN_POST = (
    r"\s*(?:his|her|their|son|sa|leur|zijn|haar|hun|seinen|seine|sein|il suo|la sua|su)\s+"
    r"[\w-]+\s+(?:at|with|chez|à|au|bij|bei|beim|alla|al|presso|en|in)\s+"
    r"(?:the\s+|de\s+|het\s+|la\s+|le\s+|l'|el\s+)?$"
)

# "wearing the colours of" a team: the "de"/"del" ends the cue and names no origin.
COLOURS = ("porter", "vestirá", "vestira")

# Verbs that close a Dutch/German clause: their team comes before them, never after
# ("zou richting FDJ-SUEZ trekken", "beim UAE Team ADQ unterschrieben hat").
VERB_FINAL = frozenset(
    {"trekken", "unterschrieben", "vastleggen", "vastgelegd", "aangetrokken", "rijden", "fahren"}
)

# --- status cues --------------------------------------------------------------------

CONFIRMED: tuple[str, ...] = (
    r"announc(?:e|es|ed|ing|ement)\b",
    r"official(?:ly)?\b",
    r"confirm(?:s|ed|ing|ation)?\b",
    r"press release\b",
    r"ha(?:s|ve) signed\b",
    r"signed\b",
    r"unveil(?:s|ed)\b",
    r"complet(?:e|es|ed)\b",
    r"finali[sz]ed\b",
    r"seal(?:s|ed)\b",
    r"done deal\b",
    r"deal done\b",
    r"is rond\b",
    r"rond is\b",
    r"è fatta\b",
    r"c'est fait\b",
    r"(?:maakt|maakte|maakten|maken) .{0,40}bekend\b",
    r"akkoord\b",
    r"(?:reach|reached|reaches) (?:an |a )?(?:agreement|deal|settlement)\b",
    r"agreement (?:was |has been )?reached\b",
    r"accordo (?:raggiunto|trovato)\b",
    r"accord (?:trouvé|conclu)\b",
    r"einigung\b",
    r"haben sich geeinigt\b",
    r"(?:heeft|hebben) getekend\b",
    r"officieel\b",
    r"bevestig(?:t|de|en|d)\b",
    r"officialis(?:e|é|ée|ait|ation)\b",
    r"officiel(?:le|lement)?\b",
    r"annonc(?:e|é|ée|er)\b",
    r"confirm(?:e|é|ée)\b",
    r"communiqué\b",
    r"a signé\b",
    r"ufficial(?:e|i|mente|izza|izzato)\b",
    r"annunci(?:a|ato|ata)\b",
    r"conferm(?:a|ato|ata)\b",
    r"ha firmato\b",
    r"offiziell\b",
    r"bestätig(?:t|te|en)\b",
    r"gab .{0,40}bekannt\b",
    r"(?:hat|haben) .{0,50}unterschrieben\b",
    r"gibt .{0,40}bekannt\b",
    r"verkündet\b",
    r"oficial(?:mente)?\b",
    r"anunci(?:a|ó|ado)\b",
    r"ha firmado\b",
    r"confirm(?:a|ó|ado)\b",
)

RUMOUR: tuple[str, ...] = (
    # English
    r"rumou?r(?:s|ed)?\b",
    r"reported(?:ly)?\b",
    r"reports?\b",
    r"according to\b",
    r"sources?\b",
    r"linked\b",
    r"expected\b",
    r"set to\b",
    r"close to\b",
    r"closing in\b",
    r"on the verge\b",
    r"poised\b",
    r"speculat(?:e|ed|ion)\b",
    r"said to\b",
    r"set for\b",
    r"understood\b",
    r"understands\b",
    r"on the brink\b",
    r"edg(?:e|es|ing) closer\b",
    r"nearing\b",
    r"talks\b",
    r"understood to\b",
    r"believed to\b",
    r"tipped\b",
    r"target(?:ed)?\b",
    r"on the radar\b",
    r"wanted by\b",
    r"in talks\b",
    r"negotiat(?:e|es|ing|ions)\b",
    r"imminent\b",
    r"uncertain\b",
    r"unconfirmed\b",
    r"eyeing\b",
    r"interest(?:ed)? in\b",
    r"in the running\b",
    r"front-?runners?\b",
    r"courted\b",
    r"approach(?:ed)?\b",
    r"in discussion\b",
    r"discussions\b",
    # Dutch
    r"zou(?:den)?\b",
    r"naar verluidt\b",
    r"volgens\b",
    r"geruchte?n?\b",
    r"gerucht\b",
    r"gespeculeerd\b",
    r"speculatie\b",
    r"lijkt\b",
    r"het hof\b",
    r"gelinkt\b",
    r"in verband gebracht\b",
    r"ingewijden\b",
    r"wil(?:len|de|den)? (?:[\w-]+ ){0,5}"
    r"(?:binnenhalen|halen|weg|vertrekken|overstappen|tekenen)\b",
    r"in beeld\b",
    r"in het vizier\b",
    r"dicht bij\b",
    r"op het punt\b",
    r"mogelijk(?:e)?\b",
    r"interesse\b",
    r"aasde?\b",
    r"azen op\b",
    r"verwacht\b",
    r"wellicht\b",
    r"waarschijnlijk\b",
    r"in gesprek\b",
    r"onderhandel(?:t|en|ingen)\b",
    # French
    r"selon\b",
    r"serait\b",
    r"devrait\b",
    r"pourrait\b",
    r"rumeurs?\b",
    r"pressenti\b",
    r"dans le viseur\b",
    r"convoitée?\b",
    r"courtisée?\b",
    r"en discussions?\b",
    r"envisag(?:e|é|ée)\b",
    r"proche d[e']",
    r"en passe de\b",
    r"d'après\b",
    r"piste\b",
    r"aurait\b",
    r"négoci(?:e|ent|ations?)\b",
    r"annoncé partant\b",
    # Italian
    r"secondo (?:quanto|la|il|lo|le|i|gli|l'|fonti|indiscrezioni|alcune|voci|radiomercato)\b",
    r"sarebbe\b",
    r"dovrebbe\b",
    r"potrebbe\b",
    r"voci\b",
    r"indiscrezion[ei]\b",
    r"vicin(?:o|a|issimo|issima) (?:a|al|alla|allo|ai|agli|all')",
    r"trattativ[ae]\b",
    r"in procinto\b",
    r"avrebbe\b",
    r"si avvicina\b",
    r"ci pensa\b",
    r"nel mirino\b",
    r"corteggiat[oa]\b",
    r"accostat[oi]\b",
    r"accostata\b",
    r"interessa(?:to|ta|mento)?\b",
    r"stando a\b",
    r"a quanto (?:risulta|pare)\b",
    # Spanish
    r"según\b",
    r"sería\b",
    r"podría\b",
    r"rumor(?:es)?\b",
    r"cerca de\b",
    r"fuentes\b",
    r"se especula\b",
    r"punto de mira\b",
    r"estaría\b",
    r"habría\b",
    r"suena (?:para|como)\b",
    r"vinculad[oa]s? (?:a|al|con)\b",
    r"relacionad[oa]s? con\b",
    r"en la órbita\b",
    r"interés\b",
    r"negocia(?:ción|ciones)?\b",
    # German
    r"laut\b",
    r"soll(?:en|te)?\b",
    r"gerücht(?:e|en)?\b",
    r"gerüchteweise\b",
    r"angeblich\b",
    r"in verbindung gebracht\b",
    r"gehandelt\b",
    r"spekulation(?:en)?\b",
    r"nach informationen\b",
    r"quellen\b",
    r"bericht(?:et|en)\b",
    r"dürfte\b",
    r"könnte\b",
    r"kurz vor\b",
    r"steht vor\b",
    r"verhandel(?:t|n)\b",
    r"verhandlungen\b",
    r"offenbar\b",
    r"vor (?:dem |einem )?wechsel\b",
    r"interesse\b",
    r"umworben\b",
    r"im visier\b",
    r"medienberichten\b",
    r"wohl\b",
)

# English modal hedges: a rumour on their own, but an announcement in the same sentence
# outweighs them ("Q36.5 announced the signing of Pidcock, who could lead at the Giro").
RUMOUR_WEAK: tuple[str, ...] = (
    r"likely\b",
    r"possible\b",
    r"possibly\b",
    r"could\b",
    r"would\b",
    r"might\b",
    r"may (?:be|have|join|move|leave|sign|switch|well|not|also|soon|ride|race|end up)\b",
)

# A rider ending their career: their departure from the team is no transfer.
RETIREMENT: tuple[str, ...] = (
    r"retir(?:e|es|ed|ing|ement)\b",
    r"hang(?:s|ing)? up (?:his|her) (?:bike|wheels)\b",
    r"stopt ermee\b",
    r"stopt met (?:koersen|wielrennen|fietsen)\b",
    r"afscheid (?:van|als) (?:de wielersport|profrenner|renster|renner)\b",
    r"carrièrestop\b",
    r"(?:prend|prendra) sa retraite\b",
    r"retraite\b",
    r"met (?:un )?terme à sa carrière\b",
    r"si ritir(?:a|erà)\b",
    r"ritiro dalle corse\b",
    r"appende la bici al chiodo\b",
    r"karriereende\b",
    r"beendet (?:seine|ihre) karriere\b",
    r"se retira(?:rá)?\b",
    r"retirada\b",
)

# Attributions that are a rumour unless the team is the source ("according to the team").
ATTRIBUTIONS = ("according to", "volgens", "selon", "d'après", "secondo", "laut", "según")

# What stands between an attribution and its source when the source announced it
# ("según ha anunciado el equipo", "as announced by", "volgens een bericht van").
AUXILIARIES = r"has|have|had|ha|han|hat|haben|a|ont|heeft|hebben|è|hanno|ha\s+sido"
ANNOUNCING = (
    r"announced|confirmed|communicated|annoncé|confirmé|communiqué|aangekondigd|bevestigd|"
    r"bekendgemaakt|gemeld|angekündigt|bekanntgegeben|bestätigt|mitgeteilt|annunciato|"
    r"confermato|comunicato|anunciado|anunció|confirmado|confirmó|comunicado|comunicó|informado|"
    r"informó|informa"
)

# Reporting verbs: a rumour when a newspaper says it ("meldt Wielerflits", "écrit
# L'Équipe"), an announcement when the team does ("meldt de ploeg").
REPORTED_BY: tuple[str, ...] = (
    r"meld(?:t|de|den)\b",
    r"schrijft\b",
    r"weet .{0,20}te melden\b",
    r"écrit\b",
    r"rapporte\b",
    r"révèle\b",
    r"scrive\b",
    r"riporta\b",
    r"rivela\b",
    r"meldet\b",
    r"schreibt\b",
    r"informa\b",
    r"publica\b",
    r"revela\b",
)

# Hedges that describe a rumour which has since come true ("had been rumoured for weeks").
RUMOUR_SUPERSEDED: tuple[str, ...] = (
    # a dispute that is over ("ending the dispute", "na het juridische geschil")
    r"(?:end|ends|ended|ending|after|settl\w*|resolv\w*|na|einde|fin|dopo|nach) "
    r"(?:[\w-]+ ){0,3}(?:dispute|row|stand-?off|legal \w+|geschil|conflict|juridische? \w+|"
    r"litige|contentieux|contenzioso|streit|rechtsstreit|disputa)\b",
    r"(?:end|ends|ended|ending|after) (?:[\w-]+ ){0,3}(?:speculation|rumou?rs)\b",
    r"(?:einde|eind) (?:[\w-]+ ){0,3}(?:speculatie|geruchten)\b",
    r"(?:fin|met fin) (?:[\w-]+ ){0,3}(?:spéculations|rumeurs)\b",
    r"had been (?:long )?(?:rumou?red|linked|expected|speculated)\b",
    r"long[- ]rumou?red\b",
    r"was (?:widely )?(?:rumou?red|expected)\b",
)

# A team or the rider contesting the move: the strongest sign it is not settled.
DISPUTE: tuple[str, ...] = (
    r"den(?:y|ies|ied)\b",
    r"reject(?:s|ed)?\b",
    r"disput(?:e|es|ed)\b",
    r"contest(?:s|ed)?\b",
    r"geschil\b",
    r"juridische? (?:strijd|steekspel|procedure|stappen)\b",
    r"litige\b",
    r"contenzioso\b",
    r"rechtsstreit\b",
    r"legal (?:proceedings|action|dispute)\b",
    r"contractually bound\b",
    r"ontken(?:t|de|nen)\b",
    r"betwist\b",
    r"dément\b",
    r"dementi\b",
    r"contest(?:e|é)\b",
    r"smentisc[ea]\b",
    r"bestreite(?:t|n)\b",
    r"dementier(?:t|en)\b",
    r"niega\b",
    r"desmiente\b",
)

NEGATION: tuple[str, ...] = (
    r"not\b",
    r"n't\b",
    r"yet to\b",
    r"declined to\b",
    r"refused to\b",
    r"niet\b",
    r"nog niet\b",
    r"geen\b",
    r"pas\b",
    r"ne\b",
    r"non\b",
    r"nicht\b",
    r"kein\b",
    r"no\b",
)

# --- vetoes: clauses that look like moves but are not ---------------------------------

EXTENSION: tuple[str, ...] = (
    r"(?:new|fresh) (?:[\w-]+ )?(?:contract|deal)\b",
    r"nieuw contract\b",
    r"nouveau contrat\b",
    r"nuovo contratto\b",
    r"neuen vertrag\b",
    r"nuevo contrato\b",
    r"extend(?:s|ed|ing)?\b",
    r"extension\b",
    r"re-?sign(?:s|ed|ing)?\b",
    r"renew(?:s|ed|al)?\b",
    r"continu(?:e|es|ed|ing) (?:racing|riding|to race|to ride|with)\b",
    r"race on\b",
    r"stay(?:s|ed|ing)? (?:at|with|on)\b",
    r"remain(?:s|ed)? (?:at|with|one of)\b",
    r"postpone retirement\b",
    r"put off retirement\b",
    r"verleng(?:t|d|de|en|ing)\b",
    r"contractverlenging\b",
    r"blijft\b",
    r"prolong(?:e|é|ation)\b",
    r"reste\b",
    r"rinnov(?:a|o|ato)\b",
    r"prolung(?:a|ato)\b",
    r"rimane\b",
    r"verlänger(?:t|ung)\b",
    r"vertragsverlängerung\b",
    r"bleibt\b",
    r"renueva\b",
    r"renovación\b",
    r"sigue en\b",
)

RACE: tuple[str, ...] = (
    r"abandon(?:s|ed|ing)?\b",
    r"withdr(?:ew|awn|aw|awal)\b",
    r"forced out\b",
    r"did not (?:start|finish)\b",
    r"transfer day\b",
    r"rest day\b",
    r"rustdag\b",
    r"journée de repos\b",
    r"giorno di riposo\b",
    r"ruhetag\b",
    r"dnf\b",
    r"crash(?:ed|es)?\b",
    r"breakaway\b",
    r"peloton\b",
    r"the break\b",
    r"the front\b",
    r"the finish\b",
    r"attack(?:s|ed|ing)?\b",
    r"the (?:final |last )?climb\b",
    r"km to go\b",
    r"kilometres to go\b",
    r"aanval\b",
    r"demarrage\b",
    r"attaque\b",
    r"attacco\b",
    r"angriff\b",
    r"stapt af\b",
    r"opgave\b",
    r"kopgroep\b",
    r"abbandon(?:a|o)\b",
    r"ritir(?:o|ato)\b",
    r"fuga\b",
    r"gibt auf\b",
    r"aufgeben\b",
    r"aufgegeben\b",
    r"ausreißer\b",
    r"échappée\b",
)

ORGANISATION: tuple[str, ...] = (
    # renames, sponsors, mergers, management succession, promotions
    r"merg(?:e|er|es|ed|ing)\b",
    r"mega-merger\b",
    r"absorbed\b",
    r"takeover\b",
    r"renam(?:e|ed|ing)\b",
    r"new name\b",
    r"chang(?:e|es|ed|ing) (?:its|their) name\b",
    r"heet voortaan\b",
    r"omgedoopt\b",
    r"change(?:ra)? de nom\b",
    r"cambi(?:a|erà) nome\b",
    r"heißt (?:künftig|ab)\b",
    r"buy(?:s|ing)? (?:the|a) team\b",
    r"bought (?:the|a) team\b",
    r"sponsor(?:s|ship)?\b",
    r"invest(?:s|or|ment|ing)?\b",
    r"bike supplier\b",
    r"promot(?:ed|ion)\b",
    r"step(?:s|ped)? down\b",
    r"take(?:s|n)? over as\b",
    r"took over as\b",
    r"succeed(?:s|ed)?\b",
    r"fusie\b",
    r"nieuwe naam\b",
    r"gepromoveerd\b",
    r"fusion\b",
    r"nouveau nom\b",
    r"promu\b",
    r"fusione\b",
    r"nuovo nome\b",
    r"promosso\b",
    r"umbenennung\b",
    r"neuer name\b",
    r"befördert\b",
    r"fusión\b",
    r"nuevo nombre\b",
)

# Words that turn an extension down ("rejected a new contract"): the person is leaving.
REFUSAL = (
    r"turn(?:s|ed|ing)? down|reject(?:s|ed|ing)?|declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|"
    r"weiger(?:t|de|den)|sloeg .{0,20}af|a refusé|refuse|rifiut(?:a|ato|ando)|"
    r"lehnt(?:e)? .{0,20}ab|abgelehnt|rechaz(?:a|ó|ado)"
)

BACKGROUND: tuple[str, ...] = (
    r"previously\b",
    r"formerly\b",
    r"used to\b",
    r"since joining\b",
    r"earlier in (?:the|his|her|this) (?:season|career|year)\b",
    r"earlier this (?:season|year)\b",
    r"last (?:year|season|winter|summer|spring|autumn|month)\b",
    r"who (?:joined|moved|switched|signed|left|arrived|came over)\b",
    r"vorige (?:zomer|winter|maand)\b",
    r"l'(?:été|hiver) dernier\b",
    r"la scorsa (?:estate|primavera)\b",
    r"l'(?:estate|inverno) scors[oa]\b",
    r"letzten (?:sommer|winter|monat)\b",
    r"el (?:verano|invierno) pasado\b",
    r"years? ago\b",
    r"back in\b",
    r"at the time\b",
    r"vorig(?:e)? (?:jaar|seizoen)\b",
    r"destijds\b",
    r"eerder (?:dit|in het) seizoen\b",
    r"l'an dernier\b",
    r"l'année dernière\b",
    r"la saison dernière\b",
    r"auparavant\b",
    r"l'anno scorso\b",
    r"la scorsa stagione\b",
    r"in passato\b",
    r"letztes jahr\b",
    r"vergangene saison\b",
    r"damals\b",
    r"el año pasado\b",
    r"anteriormente\b",
)

# Right before a move verb, these make it a move known before the story ("Red Bull, who
# have already signed Evenepoel"), unless it is the headline's person's own ("X has
# already signed for Y"). Spanish "ya" is left out: "ya es oficial" is news.
ALREADY: tuple[str, ...] = (r"already", r"al eerder", r"reeds", r"déjà", r"già", r"bereits")

# After "X," these open a relative clause about X: what it says is background.
RELATIVE_PRONOUNS = r"who|whose|die|dat|qui|que|dont|che|il quale|la quale|der|die|welche|quien"

# Right before a move verb, these make it an event before the story's news ("after
# leaving UAE", "since joining Visma", "après avoir quitté").
EARLIER = r"after(?:\s+having)?|since|après(?:\s+avoir)?|dopo(?:\s+aver)?|nach|tras|sinds|depuis"
# What may stand between "after"/"nach" and a move noun: "after his move", "nach dem
# Abgang", "na zijn vertrek", "après le départ", "dopo il suo addio", "tras la salida".
EARLIER_DETERMINERS = (
    r"the|his|her|their|its|de|het|zijn|haar|hun|le|la|les|son|sa|ses|leur|il|lo|i|gli|suo|"
    r"sua|el|los|las|su|sus|dem|der|den|des|seinem|seiner|ihrem|ihrer|einem|einer"
)

# In or right before an arrival verb, these make the team the current one ("rijdt nu nog
# voor Bora", "is still riding for Ineos"), not a destination.
CURRENTLY: tuple[str, ...] = (
    r"currently",
    r"still",
    r"nu nog",
    r"nog steeds",
    r"momenteel",
    r"actuellement",
    r"ancora",
    r"attualmente",
    r"immer noch",
    r"noch immer",
    r"nach wie vor",
    r"derzeit",
    r"aktuell",
    r"actualmente",
    r"todavía",
    r"aún",
)

# "X has been signed by Y", "è stato ingaggiato dalla Y": the team after these signs.
PASSIVE_AGENT = r"by|door|par|dalla|dal|dallo|dall'|da|por|von|vom"
AGENT_ARTICLES = r"the|de|het|la|le|il|lo|el|der|dem"

# Objects of "sign"/"vastleggen" that are not the mover ("signed the contract").
THING_NOUNS = frozenset(
    {
        "contract",
        "deal",
        "agreement",
        "papers",
        "paperwork",
        "extension",
        "contrat",
        "contratto",
        "contrato",
        "vertrag",
        "overeenkomst",
        "akkoord",
        "accord",
        "accordo",
        "acuerdo",
        "team",
        "ploeg",
        "équipe",
        "squadra",
        "equipo",
        "mannschaft",
    }
)

# After a swap verb and the team left, these name the team swapped to ("verruilt A voor B",
# "swaps A for B", "troque A pour B", "tauscht A gegen B").
SWAP_FOR_MARKERS = ("for", "voor", "pour", "contre", "per", "con", "por", "gegen", "für")
SWAP_VERBS = ("swap", "verruil", "ruil", "troque", "échange", "tausch", "cambi")
# Swap verbs that also mean "change" ("cambia ritmo"): a move only with both teams named.
SWAP_NEEDS_BOTH = ("cambi",)

# A past season in the words around a move verb makes it history ("joined Ineos in 2019").
PAST_YEAR = (
    r"\b(?:in|since|from|between|sinds|van|vanaf|in het jaar|en|depuis|dès|nel|dal|im|seit|ab|"
    r"desde)\s+((?:19|20)\d\d)\b"
)

# "this season" is background unless it is the end of it ("leaves at the end of this season").
THIS_SEASON = r"(?<!end of )(?<!the end of )this season\b"

# --- words around mentions ------------------------------------------------------------

# Words right before a team that make it the destination / the origin / the current team.
TO_MARKERS = (
    r"to|into|for|join|joins|joining|rejoin|naar|richting|bij|voor|à|au|aux|chez|vers|pour|"
    r"alla|al|all'|allo|ai|a|verso|per|con|zu|zum|zur|nach|beim|bei|für|para|hacia|en"
)
FROM_MARKERS = (
    r"from|leave|leaves|leaving|left|quit|quits|quitting|van|vanuit|verlaat|de|du|des|d'|"
    r"quitte|quitter|da|dal|dalla|dallo|dall'|lascia|von|vom|verlässt|desde|swapping|swap|swaps|"
    r"procedente|proveniente|ex"
)
AFFILIATION_MARKERS = r"at|with|on|met|avec|sous|con|bei|mit|en|in|of"

# Determiners/adjectives allowed between a marker and the team ("to the Belgian team").
FILLER_WORDS = (
    "the",
    "a",
    "an",
    "de",
    "het",
    "een",
    "la",
    "le",
    "les",
    "l'",
    "il",
    "lo",
    "der",
    "die",
    "das",
    "dem",
    "den",
    "el",
    "los",
    "del",
    "della",
    "dello",
    "dei",
    "des",
    "team",
    "squad",
    "ploeg",
    "équipe",
    "formation",
    "squadra",
    "mannschaft",
    "equipo",
    "second-division",
    "new",
    "french",
    "franse",
    "italian",
)

# Words allowed between people listed together ("X, Y and Z", "X from A along with Y").
COORDINATION_WORDS = frozenset(
    {
        "and",
        "en",
        "et",
        "e",
        "ed",
        "und",
        "y",
        "along",
        "with",
        "as",
        "well",
        "plus",
        "from",
        "van",
        "de",
        "da",
        "von",
        "the",
        "het",
        "la",
        "le",
        "il",
        "der",
        "die",
        "both",
        "also",
        "ook",
        "aussi",
        "anche",
        "auch",
    }
)

PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "hij",
        "zij",
        "ze",
        "il",
        "elle",
        "lui",
        "lei",
        "er",
        "sie",
        "él",
        "ella",
        "the",  # "The move was announced", "The Italian will join": no named subject
        "de",
        "het",
        "le",
        "la",
        "l'",
        "der",
        "die",
        "das",
    }
)

SPEECH = (
    r"said|says|told|tells|explained|confirmed|confirms|announced|added|stated|revealed|"
    r"zei|zegt|vertelde|bevestigde|liet weten|a déclaré|a confirmé|explique|a expliqué|"
    r"ha detto|ha confermato|ha spiegato|sagte|sagt|bestätigte|erklärte|dijo|confirmó|afirmó"
)

BOSS_TITLES = (
    r"boss|manager|general manager|team manager|teammanager|ceo|owner|principal|president|"
    r"director|directeur|manager général|patron|presidente|direttore|teamchef|chef|"
    r"ploegleider|ploegbaas|baas|eigenaar"
)

# --- season -----------------------------------------------------------------------------

# A year introduced like this is when the move takes effect.
SEASON_YEAR = (
    r"(?:for|from|in|as of|starting|vanaf|voor|in|en|pour|à partir de|dès|dal|dalla|nel|per il|"
    r"per la stagione|ab|für|im|ab der saison|desde|para|a partir de)\s+(?:the\s+|het\s+|la\s+|"
    r"le\s+|il\s+|der\s+|el\s+|saison\s+|seizoen\s+|stagione\s+|season\s+|temporada\s+)?"
    r"((?:19|20)\d\d)\b"
)
# A year after these is the end of a contract, not the season of the move.
CONTRACT_END = (
    r"(?:(?:contract|deal|contrat|contratto|vertrag|contrato|contract)\s+(?:\w+\s+){0,3}"
    r"(?:ends?|expires?|runs?|running|loopt|läuft|scade)\s+(?:in|until|through|to|tot|bis)?\s*"
    r"((?:19|20)\d\d))|(?:until|through|till|to the end of|tot|t/m|jusqu'en|jusqu'à|"
    r"jusqu'a|fino al|fino a|fino|bis|hasta)\s+"
    r"(?:the\s+|eind\s+|fin\s+|ende\s+|end of\s+|la fine del\s+|finales de\s+)?"
    r"((?:19|20)\d\d)"
)
NEXT_SEASON = (
    r"next (?:year|season|summer|spring)|volgend(?:e)? (?:jaar|seizoen)|l'an prochain|"
    r"l'année prochaine|la saison prochaine|il prossimo anno|la prossima stagione|"
    r"nächste(?:s|n)? (?:jahr|saison)|el próximo año|la próxima temporada|"
    r"end of (?:this|the) (?:season|year)|eind dit seizoen|einde van dit seizoen|"
    r"fin de (?:la |cette )?saison|fine (?:della |di questa )?stagione|saisonende|"
    r"eind(?:e)? van het seizoen|"
    r"final de temporada"
)
