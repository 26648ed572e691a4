"""When a move happens: words that make it earlier than the story's news ("already",
"after leaving", "currently", "joined Ineos in 2019") and the season it takes effect
(SEASON_YEAR, NEXT_SEASON; CONTRACT_END is not a season).
"""

from __future__ import annotations

# Right before a move verb, these make it a move known before the story ("Red Bull, who
# have already signed Evenepoel"), unless it is the headline's person's own ("X has
# already signed for Y"). Spanish "ya" is left out: "ya es oficial" is news.
ALREADY: tuple[str, ...] = (r"already", r"al eerder", r"reeds", r"déjà", r"già", r"bereits")

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

# A past season in the words around a move verb makes it history ("joined Ineos in 2019").
PAST_YEAR = (
    r"\b(?:in|since|from|between|sinds|van|vanaf|in het jaar|en|depuis|dès|nel|dal|im|seit|ab|"
    r"desde)\s+((?:19|20)\d\d)\b"
)

# "this season" is background unless it is the end of it ("leaves at the end of this season").
THIS_SEASON = r"(?<!end of )(?<!the end of )this season\b"

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
