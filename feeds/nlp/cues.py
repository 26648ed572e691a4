"""Vocabulary the tagger reads as data: cycling context, descriptions, common words.

Everything here is folded before use (accents and case do not matter), so write
words the way a reader would. Languages: en, nl, fr, it, de, es.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and extend than a list)."""
    return frozenset(text.split())


# Surname particles: kept with the surname ("van der Poel", "De Lie"), never a
# surname on their own.
PARTICLES: frozenset[str] = _words(
    "van von der den de del della dei degli di da das dos du des le la ten ter te "
    "t vanden vander mc mac st san y e"
)

# Words that tell a story is about road cycling. Strong terms are enough on their own
# (two of them make a cycling story); weak terms only add up.
CYCLING_STRONG: tuple[str, ...] = (
    # en
    "peloton",
    "cyclist",
    "cyclists",
    "cycling",
    "pro cycling",
    "road race",
    "time trial",
    "time-trial",
    "breakaway",
    "lead-out",
    "leadout",
    "grand tour",
    "grand tours",
    "worldtour",
    "world tour team",
    "uci",
    "yellow jersey",
    "green jersey",
    "polka-dot",
    "maillot jaune",
    "maglia rosa",
    "red jersey",
    "directeur sportif",
    "team time trial",
    "gc",
    "general classification",
    "classics",
    "spring classics",
    "monument",
    "tour de france",
    "giro d italia",
    "giro",
    "vuelta",
    "vuelta a espana",
    "paris roubaix",
    "tour of flanders",
    "ronde van vlaanderen",
    "milan san remo",
    "milano sanremo",
    "liege bastogne liege",
    "il lombardia",
    "amstel gold race",
    "fleche wallonne",
    "paris nice",
    "tirreno adriatico",
    "criterium du dauphine",
    "tour de suisse",
    "tour de france femmes",
    "giro d italia women",
    "dwars door vlaanderen",
    "gent wevelgem",
    "e3",
    "strade bianche",
    "omloop",
    "kuurne",
    "world championships",
    "road world championships",
    "stage win",
    "stage wins",
    "stage race",
    "mountain stage",
    "sprint train",
    "sprinter",
    "sprinters",
    "climber",
    "puncheur",
    "rouleur",
    "domestique",
    "gruppetto",
    "echelon",
    "echelons",
    "bunch sprint",
    "maglia ciclamino",
    "maglia bianca",
    "maglia azzurra",
    "king of the mountains",
    "mountains classification",
    "points classification",
    "youth classification",
    "rainbow jersey",
    "rainbow stripes",
    "pink jersey",
    "white jersey",
    "hour record",
    "cyclo-cross",
    "cyclocross",
    # races whose names are not everyday words
    "dauphine",
    "criterium",
    "tour de pologne",
    "tour down under",
    "tour de romandie",
    "tour of the alps",
    "volta a catalunya",
    "itzulia",
    "tour of britain",
    "deutschland tour",
    "renewi tour",
    "benelux tour",
    "tour of guangxi",
    "paris-tours",
    "clasica san sebastian",
    "gp quebec",
    "gp montreal",
    "uae tour",
    "tour of oman",
    "saudi tour",
    "arctic race",
    "brabantse pijl",
    "scheldeprijs",
    "nokere koerse",
    "eschborn-frankfurt",
    "cyclassics",
    "bretagne classic",
    "volta ao algarve",
    "tour de la provence",
    "etoile de besseges",
    "tre valli varesine",
    "giro dell emilia",
    "gran piemonte",
    "milano-torino",
    "tour de l avenir",
    "trofeo alfredo binda",
    "simac ladies tour",
    "giro donne",
    "vuelta femenina",
    "tour of lombardy",
    # nl
    "wielrennen",
    "wielrenner",
    "wielrenners",
    "renner",
    "renners",
    "rensters",
    "renster",
    "koers",
    "wielerploeg",
    "ploegmaat",
    "ploegmaats",
    "etappe",
    "etappes",
    "ritzege",
    "ritzeges",
    "tijdrit",
    "ploegentijdrit",
    "klassieker",
    "klassiekers",
    "kopman",
    "kopmannen",
    "vlaanderens mooiste",
    "de ronde",
    "tourwinnaar",
    "gele trui",
    "groene trui",
    "bolletjestrui",
    "wielerseizoen",
    "wereldkampioen",
    "vroege vlucht",
    # fr
    "cyclisme",
    "coureur",
    "coureurs",
    "coureuse",
    "etape",
    "etapes",
    "contre la montre",
    "maillot vert",
    "equipe cycliste",
    "classiques",
    "echappee",
    "grimpeur",
    # it
    "ciclismo",
    "ciclista",
    "ciclisti",
    "corridore",
    "corridori",
    "tappa",
    "tappe",
    "cronometro",
    "volata",
    "gregario",
    "classifica generale",
    "maglia",
    "fuga",
    # de
    "radsport",
    "radprofi",
    "radprofis",
    "radrennfahrer",
    "etappensieg",
    "zeitfahren",
    "rundfahrt",
    "flandern rundfahrt",
    "klassiker",
    "worldtour wertung",
    # es
    "ciclista",
    "etapa",
    "etapas",
    "contrarreloj",
    "pelotón",
    "corredor",
    "corredores",
)

CYCLING_WEAK: tuple[str, ...] = (
    "stage",
    "stages",
    "race",
    "races",
    "racing",
    "rider",
    "riders",
    "team",
    "teams",
    "squad",
    "jersey",
    "sprint",
    "attack",
    "podium",
    "climb",
    "finish line",
    "crash",
    "contract",
    "transfer",
    "signing",
    "season",
    "ploeg",
    "zege",
    "sprint",
    "equipe",
    "squadra",
    "mannschaft",
    "equipo",
    "course",
    "corsa",
    "rennen",
    "carrera",
    "teammate",
    "teammates",
    "bike",
    "bikes",
    "fiets",
    "velo",
    "bici",
    "rad",
    "champion",
    "kampioen",
    "campione",
    "championne",
    "campeon",
    "meister",
    "tour",
    "ronde",
)

# Words next to a team-like word that make it a company, not a team ("supermarket
# chain Jumbo", "software group Visma", "Ineos the chemicals group").
COMPANY_CUES: frozenset[str] = _words(
    "supermarket supermarkets supermarktketen supermarkt keten chain retailer "
    "company companies firm group software bedrijf concern multinational "
    "chemicals chemical petrochemical shares share stock ipo listing flotation "
    "brand bank insurer airline airlines energy oil gas carmaker manufacturer "
    "entreprise societe societa azienda gruppo unternehmen konzern empresa "
    "capital city hauptstadt capitale hoofdstad president parliament government "
    "kingdom country republic stad ville citta stadt ciudad"
)

# Words that are also surnames of riders. A surname on this list needs capitals
# *and* a cycling story before it counts on its own.
COMMON_WORDS: frozenset[str] = _words(
    # Everyday words, not merely common surnames: "Woods" after "a walk in the",
    # "Power" and "Strong" at the start of a sentence, "Kirsch" and "Koch" as German
    # nouns, "Milan" the city, "August" the month.
    # en
    "wood woods power swift page hill hills king wright young long little bell best "
    "green white black brown gray grey fox ward rich strong price walls sweet stone "
    "hart cook hunter bird cross field fields ford rose rivers waters lake marsh moss "
    "bush frost snow winter summer may day knight bishop pope mason porter bond banks "
    "dean stark wild wells hope hale north south west east gates nice will law love "
    "vine bay ray max king queen prince earl duke lord major sterling silver gold brand "
    # nl, de, fr, it, es
    "berg bol lie bak dam haas kok bos groen wit zwart veld boer post sol mas "
    "costa porte monti fontana colle valle riva fischer koch lang wolf fuchs bauer "
    "kirsch hirsch vogel jung schwarz weiss braun kaiser zimmermann sieger meister "
    "kraft wald blanc petit rubio "
    # words that are also team aliases (for the sentence-start rule)
    "drops trek total sky bull fenix emirates grenadiers "
    # places ("in Bilbao", "Sierra Nevada", "Cortina d'Ampezzo", "Sevilla"), months, days
    "milan bilbao sierra cortina roche verona sevilla sheffield ragusa "
    "thomas august april june july march january "
    "october november december "
    "september februari maart mei juni juli augustus oktober janvier fevrier mars avril "
    "mai juin juillet aout octobre novembre gennaio febbraio marzo aprile maggio giugno "
    "luglio agosto ottobre januar februar marz oktober dezember enero febrero abril mayo "
    "junio julio monday tuesday wednesday thursday friday saturday sunday christmas easter"
)

# Words that make the team-like word before them part of a race's name ("UAE Tour",
# "Lotto Belgium Tour" aside), or, with "of", after it ("Tour of Bahrain").
RACE_WORDS: frozenset[str] = _words(
    "tour classic classique classica grand gp prix trophy trofeo cup coppa race ronde "
    "rundfahrt criterium challenge giro vuelta volta"
)

# Team words that are also places, and the prepositions that make them the place
# ("the stage finished in Astana"); "at Astana", "for Astana", "joins Astana" stay teams.
PLACE_TEAM_WORDS: frozenset[str] = _words("astana bahrain israel uae emirates qazaqstan")
PLACE_PREPOSITIONS: frozenset[str] = _words(
    "in into near naar nabij a au en dans nach im aus in nella nel desde hacia"
)

# Titles and roles that may precede a surname without being a first name
# ("Teammate Benoot", "Sprinter Jakobsen", "boss Vinokourov").
ROLE_WORDS: frozenset[str] = _words(
    "teammate teammates team mate sprinter climber leader captain rider riders coach "
    "manager boss director ds owner founder ceo president champion winner race "
    "leader veteran youngster star compatriot countryman dane belgian dutchman "
    "frenchman italian spaniard german briton brit swiss slovenian norwegian "
    "american australian colombian ecuadorian canadian kazakh irishman "
    "ploegmaat renner kopman sprinter meneer kampioen winnaar coureur "
    "compagnon equipier champion vainqueur leader corridore compagno "
    "capitano campione vincitore fahrer teamkollege kapitan sieger "
    "companero corredor lider campeon ganador "
    "engineer ingenieur ingegnere ingeniero mechanic mechaniker monteur "
    "trainer allenatore entrenador entraineur chef leiter direktor directeur "
    "mr mrs ms sir dr st saint general"
)

# Little words between a description and the name it introduces ("the Italian Classics
# rider and sprinter Davide Ballerini", "the 20-year-old Belgian ...").
APPOSITION_LINKS: frozenset[str] = _words(
    "and en et e y und year old jarige enne anni ans jahre anos"
)

# Given names that do not come from the roster but clearly start another person's
# name ("Tiger Woods", "Sam Bennett"); the roster's own given names are added at
# build time.
EXTRA_GIVEN_NAMES: frozenset[str] = _words(
    "tiger sam john james robert william david richard joseph charles thomas "
    "christopher daniel matthew anthony mark donald steven paul andrew joshua "
    "kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob "
    "gary nicholas eric jonathan stephen larry justin scott brandon benjamin "
    "frank gregory samuel raymond patrick alexander jack dennis jerry tyler "
    "aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy "
    "walter christian keanu harry rory phil jordan tom ben joe mike bill bob "
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen "
    "lisa nancy betty margaret sandra ashley emily donna michelle carol "
    "amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen "
    "amy angela helen anna emma olivia sophia isabella mia charlotte serena "
    "venus lewis max sebastian fernando lionel cristiano kylian erling "
    "roger rafael novak andy lebron kobe michael "
    # nl, de, scandinavian, fr, it, es
    "jan piet kees henk joost bram sven lars hans jens nils erik anders ole "
    "karl klaus jurgen uwe dirk stefan markus tobias lukas felix jonas "
    "pierre jean jacques louis francois nicolas julien antoine camille "
    "marco luca giovanni giuseppe francesco alessandro matteo andrea paolo "
    "juan carlos jose luis miguel javier pablo diego alejandro sergio "
    "maria sofia giulia laura marta ana elena anne marie julie sophie"
)

# --- nationality descriptions ----------------------------------------------------
# IOC code -> words in several languages. "nouns" name a person ("the Dane", "de
# Sloveen", "l'olandese"); "adjs" describe a team ("the Belgian team", "l'équipe
# belge", "de Belgische ploeg"); forms are listed as written, folding does the rest.
NATIONALITIES: dict[str, dict[str, tuple[str, ...]]] = {
    "BEL": {
        "nouns": ("Belgian", "Belg", "Belge", "belga", "Belgier", "Belgierin", "belgische"),
        "adjs": (
            "Belgian",
            "Belgische",
            "Belgisch",
            "belge",
            "belga",
            "belgische",
            "belgischen",
            "belgisches",
            "belga",
        ),
    },
    "NED": {
        "nouns": (
            "Dutchman",
            "Dutchwoman",
            "Nederlander",
            "Nederlandse",
            "Néerlandais",
            "Néerlandaise",
            "olandese",
            "Niederländer",
            "Niederländerin",
            "neerlandés",
            "holandés",
        ),
        "adjs": (
            "Dutch",
            "Nederlandse",
            "Nederlands",
            "néerlandaise",
            "néerlandais",
            "olandese",
            "niederländische",
            "niederländischen",
            "neerlandés",
            "holandés",
        ),
    },
    "FRA": {
        "nouns": (
            "Frenchman",
            "Frenchwoman",
            "Fransman",
            "Française",
            "Français",
            "francese",
            "Franzose",
            "Französin",
            "francés",
            "francesa",
        ),
        "adjs": (
            "French",
            "Franse",
            "Frans",
            "française",
            "français",
            "francese",
            "französische",
            "französischen",
            "francés",
            "francesa",
        ),
    },
    "ITA": {
        "nouns": (
            "Italian",
            "Italiaan",
            "Italiaanse",
            "Italien",
            "Italienne",
            "italiano",
            "italiana",
            "Italiener",
            "Italienerin",
        ),
        "adjs": (
            "Italian",
            "Italiaanse",
            "italienne",
            "italien",
            "italiana",
            "italiano",
            "italienische",
            "italienischen",
        ),
    },
    "ESP": {
        "nouns": (
            "Spaniard",
            "Spanjaard",
            "Espagnol",
            "Espagnole",
            "spagnolo",
            "spagnola",
            "Spanier",
            "Spanierin",
            "español",
            "española",
        ),
        "adjs": (
            "Spanish",
            "Spaanse",
            "espagnole",
            "espagnol",
            "spagnola",
            "spagnolo",
            "spanische",
            "spanischen",
            "española",
            "español",
        ),
    },
    "GER": {
        "nouns": (
            "German",
            "Duitser",
            "Allemand",
            "Allemande",
            "tedesco",
            "tedesca",
            "Deutsche",
            "Deutscher",
            "alemán",
            "alemana",
        ),
        "adjs": (
            "German",
            "Duitse",
            "allemande",
            "allemand",
            "tedesca",
            "tedesco",
            "deutsche",
            "deutschen",
            "alemán",
            "alemana",
        ),
    },
    "GBR": {
        "nouns": (
            "Briton",
            "Brit",
            "Englishman",
            "Scotsman",
            "Welshman",
            "Brit",
            "Britse",
            "Britannique",
            "britannico",
            "britannica",
            "britano",
            "Brite",
            "Britin",
        ),
        "adjs": (
            "British",
            "Britse",
            "britannique",
            "britannica",
            "britannico",
            "britische",
            "britischen",
            "británico",
            "británica",
        ),
    },
    "DEN": {
        "nouns": (
            "Dane",
            "Deen",
            "Deense",
            "Danois",
            "Danoise",
            "danese",
            "Däne",
            "Dänin",
            "danés",
            "danesa",
        ),
        "adjs": (
            "Danish",
            "Deense",
            "danoise",
            "danois",
            "danese",
            "dänische",
            "dänischen",
            "danés",
            "danesa",
        ),
    },
    "NOR": {
        "nouns": (
            "Norwegian",
            "Noor",
            "Noorse",
            "Norvégien",
            "Norvégienne",
            "norvegese",
            "Norweger",
            "Norwegerin",
            "noruego",
            "noruega",
        ),
        "adjs": (
            "Norwegian",
            "Noorse",
            "norvégienne",
            "norvégien",
            "norvegese",
            "norwegische",
            "norwegischen",
            "noruego",
            "noruega",
        ),
    },
    "SLO": {
        "nouns": (
            "Slovenian",
            "Slovene",
            "Sloveen",
            "Sloveense",
            "Slovène",
            "sloveno",
            "slovena",
            "Slowene",
            "Slowenin",
            "esloveno",
            "eslovena",
        ),
        "adjs": (
            "Slovenian",
            "Sloveense",
            "slovène",
            "slovena",
            "sloveno",
            "slowenische",
            "slowenischen",
            "esloveno",
            "eslovena",
        ),
    },
    "SUI": {
        "nouns": (
            "Swiss",
            "Zwitser",
            "Zwitserse",
            "Suisse",
            "svizzero",
            "svizzera",
            "Schweizer",
            "Schweizerin",
            "suizo",
            "suiza",
        ),
        "adjs": (
            "Swiss",
            "Zwitserse",
            "suisse",
            "svizzera",
            "svizzero",
            "schweizer",
            "schweizerische",
            "suizo",
            "suiza",
        ),
    },
    "KAZ": {
        "nouns": (
            "Kazakh",
            "Kazakhstani",
            "Kazach",
            "Kazachse",
            "Kazakh",
            "kazako",
            "kazaka",
            "Kasache",
            "Kasachin",
            "kazajo",
        ),
        "adjs": (
            "Kazakh",
            "Kazakhstani",
            "Kazakhstan",
            "Kazachse",
            "kazakhe",
            "kazakhstanaise",
            "kazaka",
            "kazako",
            "kasachische",
            "kasachischen",
            "kazaja",
            "kazajo",
        ),
    },
    "USA": {
        "nouns": (
            "American",
            "Amerikaan",
            "Amerikaanse",
            "Américain",
            "Américaine",
            "americano",
            "americana",
            "Amerikaner",
            "Amerikanerin",
            "estadounidense",
        ),
        "adjs": (
            "American",
            "Amerikaanse",
            "américaine",
            "américain",
            "americana",
            "americano",
            "amerikanische",
            "amerikanischen",
            "estadounidense",
        ),
    },
    "AUS": {
        "nouns": (
            "Australian",
            "Aussie",
            "Australiër",
            "Australische",
            "Australien",
            "Australienne",
            "australiano",
            "australiana",
            "Australier",
            "Australierin",
        ),
        "adjs": (
            "Australian",
            "Australische",
            "australienne",
            "australien",
            "australiana",
            "australiano",
            "australische",
            "australischen",
        ),
    },
    "COL": {
        "nouns": (
            "Colombian",
            "Colombiaan",
            "Colombiaanse",
            "Colombien",
            "Colombienne",
            "colombiano",
            "colombiana",
            "Kolumbianer",
            "Kolumbianerin",
        ),
        "adjs": (
            "Colombian",
            "Colombiaanse",
            "colombienne",
            "colombien",
            "colombiana",
            "colombiano",
            "kolumbianische",
        ),
    },
    "ECU": {
        "nouns": (
            "Ecuadorian",
            "Ecuadoraan",
            "Équatorien",
            "ecuadoriano",
            "ecuadoriana",
            "Ecuadorianer",
        ),
        "adjs": ("Ecuadorian", "Ecuadoraanse", "équatorienne", "ecuadoriana", "ecuadorianische"),
    },
    "IRL": {
        "nouns": (
            "Irishman",
            "Irishwoman",
            "Ier",
            "Ierse",
            "Irlandais",
            "Irlandaise",
            "irlandese",
            "Ire",
            "Irin",
            "irlandés",
        ),
        "adjs": ("Irish", "Ierse", "irlandaise", "irlandese", "irische", "irlandés"),
    },
    "POR": {
        "nouns": ("Portuguese", "Portugees", "Portugais", "portoghese", "Portugiese", "portugués"),
        "adjs": ("Portuguese", "Portugese", "portugaise", "portoghese", "portugiesische"),
    },
    "AUT": {
        "nouns": (
            "Austrian",
            "Oostenrijker",
            "Autrichien",
            "austriaco",
            "Österreicher",
            "austríaco",
        ),
        "adjs": ("Austrian", "Oostenrijkse", "autrichienne", "austriaca", "österreichische"),
    },
    "LUX": {
        "nouns": ("Luxembourger", "Luxemburger", "Luxembourgeois", "lussemburghese"),
        "adjs": (
            "Luxembourgish",
            "Luxemburgse",
            "luxembourgeoise",
            "lussemburghese",
            "luxemburgische",
        ),
    },
    "CAN": {
        "nouns": (
            "Canadian",
            "Canadees",
            "Canadese",
            "Canadien",
            "Canadienne",
            "canadese",
            "Kanadier",
            "Kanadierin",
            "canadiense",
        ),
        "adjs": ("Canadian", "Canadese", "canadienne", "canadese", "kanadische"),
    },
    "NZL": {
        "nouns": (
            "New Zealander",
            "Kiwi",
            "Nieuw-Zeelander",
            "Néo-Zélandais",
            "neozelandese",
            "Neuseeländer",
        ),
        "adjs": ("New Zealand", "Nieuw-Zeelandse", "néo-zélandaise", "neozelandese"),
    },
    "ERI": {
        "nouns": ("Eritrean", "Eritreeër", "Érythréen", "eritreo", "Eritreer"),
        "adjs": ("Eritrean", "Eritrese", "érythréenne", "eritrea", "eritreische"),
    },
    "UAE": {
        "nouns": ("Emirati",),
        "adjs": ("Emirati", "Emiraatse", "émiratie", "emiratina", "emiratische"),
    },
    "BRN": {"nouns": ("Bahraini",), "adjs": ("Bahraini", "Bahreinse", "bahreïnie")},
    "ISR": {
        "nouns": ("Israeli", "Israëliër", "Israélien", "israeliano"),
        "adjs": ("Israeli", "Israëlische", "israélienne", "israeliana", "israelische"),
    },
    "GRE": {
        "nouns": ("Greek", "Griek", "Griekse", "Grec", "greco", "Grieche"),
        "adjs": ("Greek", "Griekse", "grecque", "greca", "griechische"),
    },
    "POL": {
        "nouns": ("Pole", "Polish", "Pool", "Poolse", "Polonais", "polacco", "Pole"),
        "adjs": ("Polish", "Poolse", "polonaise", "polacca", "polnische"),
    },
    "CZE": {
        "nouns": ("Czech", "Tsjech", "Tchèque", "ceco", "Tscheche"),
        "adjs": ("Czech", "Tsjechische", "tchèque", "ceca", "tschechische"),
    },
    "RSA": {
        "nouns": ("South African", "Zuid-Afrikaan", "Sud-Africain", "sudafricano"),
        "adjs": ("South African", "Zuid-Afrikaanse", "sud-africaine", "sudafricana"),
    },
    "CHN": {
        "nouns": ("Chinese",),
        "adjs": ("Chinese", "chinoise", "cinese", "chinesische", "china"),
    },
    "RUS": {"nouns": ("Russian", "Rus", "Russe", "russo", "Russe"), "adjs": ("Russian",)},
    "SWE": {"nouns": ("Swede", "Zweed", "Suédois", "svedese", "Schwede"), "adjs": ("Swedish",)},
    "LAT": {"nouns": ("Latvian", "Let", "Letton", "lettone"), "adjs": ("Latvian",)},
    "EST": {"nouns": ("Estonian", "Est", "Estonien", "estone"), "adjs": ("Estonian",)},
    "MEX": {"nouns": ("Mexican", "Mexicaan", "Mexicain", "messicano"), "adjs": ("Mexican",)},
}

# Articles that make a description definite ("the Dane" refers back; "a Dane" does not).
PERSON_ARTICLES: tuple[str, ...] = (
    "the",
    "de",
    "het",
    "le",
    "la",
    "l",
    "il",
    "lo",
    "der",
    "die",
    "den",
    "dem",
    "el",
)

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
