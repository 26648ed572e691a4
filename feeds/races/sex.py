"""Which sex's race a race name means: a story about women's racing means the women's
race by a name the two share ("the Tour", "De Ronde"); a word right after the name can
say otherwise ("Tour de France masculino" in a women's story)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from feeds.models import Mention
from feeds.races.mentions import RaceHit, words_before
from feeds.roster import Roster

MEN_MARKS = frozenset(
    {"masculino", "masculina", "masculin", "maschile", "herren", "heren", "mannen", "hommes"}
    | {"men", "mens", "masculine", "manner", "uomini", "hombres", "homens"}
)
WOMEN_MARKS = frozenset(
    {"femenino", "femenina", "feminino", "feminina", "femminile", "feminin", "feminine"}
    | {"femmes", "women", "womens", "dames", "vrouwen", "frauen", "donne", "kvinder"}
    | {"kvinner", "zenske", "mulheres", "mujeres", "damen"}
)

OF_THE = frozenset({"der", "des", "delle", "degli", "dei", "das", "dos", "van"})
"""A genitive's article between a name and the sex it says ("Rundfahrt der Frauen")."""
MEN_BEFORE = frozenset({"mens", "herren", "manner", "mannen", "herre", "moski", "moska"})
WOMEN_BEFORE = frozenset(
    {"womens", "frauen", "vrouwen", "dames", "kvinde", "kvinders", "zenski", "zenska"}
)
"""Words that say the sex right before a name ("the men's Tour de France", "Frauen-Tour",
"ženski dirki po Franciji"); a possessive's "s" the fold splits off is joined back."""


def sex_marked(folded: str, hit: RaceHit, women: bool, look_before: bool = True) -> bool:
    """Whether a race name means the women's race: as the story is (`women`), unless a
    word right after it says otherwise ("Tour de France masculino" in a women's story,
    "Tour de France feminino" in a men's, "Rundfahrt der Frauen"), or one right before it
    ("the men's Tour de France" in a women's story). `look_before` is False for a name
    opening its sentence."""
    after = folded[hit.end : hit.end + 32].split()[:2]
    if len(after) == 2 and after[0] in OF_THE:
        after = after[1:]  # "die Frankreich-Rundfahrt der Frauen"
    if after and after[0] in MEN_MARKS:
        return False
    if after and after[0] in WOMEN_MARKS:
        return True
    before = words_before(folded, hit.start) if look_before else []
    if len(before) == 2 and before[1] == "s":
        before = [before[0] + "s"]  # "men's" folds to "men s"
    if before and before[-1] in MEN_BEFORE:
        return False
    if before and before[-1] in WOMEN_BEFORE:
        return True
    return women


def women_story(
    mentions: Sequence[Mention],
    roster: Roster,
    published: date | None,
    title_words: Counter[str],
    text_words: Counter[str],
) -> bool:
    """Whether a story is about women's racing: its named teams and riders, mostly
    women's, and the words that say so (the headline's count double)."""
    score = 2 * title_words["women"] + min(text_words["women"], 2)
    seen: set[str] = set()
    for mention in mentions:
        if mention.entity_id in seen or mention.kind not in ("rider", "team"):
            continue
        seen.add(mention.entity_id)
        team_id = mention.entity_id
        if mention.kind == "rider":
            person = roster.people.get(mention.entity_id)
            team_id = (person.team_on(published) if person else None) or ""
        team = roster.teams.get(team_id)
        if team is not None:
            score += 1 if team.category == "women" else -1
    return score > 0
