"""Words around names: particles, everyday words that are surnames too, titles and
roles before a surname, and first names from outside the roster."""

from __future__ import annotations

from feeds.nlp.cues.wordlist import words

# Surname particles: kept with the surname ("van der Poel", "De Lie"), never a
# surname on their own.
PARTICLES: frozenset[str] = words(
    "van von der den de del della dei degli di da das dos du des le la ten ter te "
    "t vanden vander mc mac st san y e"
)

# Words that are also surnames of riders. A surname on this list needs capitals
# *and* a cycling story before it counts on its own.
COMMON_WORDS: frozenset[str] = words(
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
    # words that open a sentence about a rider ("Double vainqueur d'étape", "Champion du monde")
    "double champion "
    # words that are also team aliases (for the sentence-start rule)
    "drops trek total sky bull fenix emirates grenadiers "
    # places ("in Bilbao", "Sierra Nevada", "Cortina d'Ampezzo", "Sevilla"), months, days
    "milan bilbao sierra cortina roche verona sevilla sheffield ragusa "
    "thomas august april june july march january "
    "october november december "
    "september februari maart mei juni juli augustus oktober janvier fevrier mars avril "
    "mai juin juillet aout octobre novembre gennaio febbraio marzo aprile maggio giugno "
    "luglio agosto ottobre januar februar marz oktober dezember enero febrero abril mayo "
    "junio julio monday tuesday wednesday thursday friday saturday sunday christmas easter "
    # pt/es/it words that are riders' surnames: "Días antes" (days), "Todos os Santos", the
    # Santos Tour Down Under's sponsor, "Il Piccolo Lombardia" (small), "el Rey", "la mesa"
    # (table), "la massa" (mass); German nouns, capitalised in every sentence ("im Kino", "Bock
    # haben"); nl "konijn" (rabbit), en "strife"
    "dias santos piccolo rey mesa massa kino bock konijn strife"
)

# Titles and roles that may precede a surname without being a first name
# ("Teammate Benoot", "Sprinter Jakobsen", "boss Vinokourov").
ROLE_WORDS: frozenset[str] = words(
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

# Given names that do not come from the roster but clearly start another person's
# name ("Tiger Woods", "Sam Bennett"); the roster's own given names are added at
# build time.
EXTRA_GIVEN_NAMES: frozenset[str] = words(
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
