"""Arrival cues. ARRIVE: the person is the subject and goes somewhere ("joins", "rejoint",
"wechselt"); the team named after the verb is the destination. NOUN_ARRIVE: nouns whose
owner arrives ("X's move to", "l'arrivée de X").
"""

from __future__ import annotations

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

# Move nouns that races use too ("a move by Visma", "all'arrivo"): only "move to X" counts.
RACE_NOUNS = frozenset({"move", "switch", "arrival", "arrivée", "arrivo", "passaggio", "llegada"})

# "wearing the colours of" a team: the "de"/"del" ends the cue and names no origin.
COLOURS = ("porter", "vestirá", "vestira")

# Verbs that close a Dutch/German clause: their team comes before them, never after
# ("zou richting FDJ-SUEZ trekken", "beim UAE Team ADQ unterschrieben hat").
VERB_FINAL = frozenset(
    {"trekken", "unterschrieben", "vastleggen", "vastgelegd", "aangetrokken", "rijden", "fahren"}
)
