"""Which sex's race a race name means: a story about women's racing means the women's
race by a name the two share ("the Tour", "De Ronde"); a word right after the name can
say otherwise ("Tour de France masculino" in a women's story), or one right before it,
or an edition's sex ("the women's edition of the Tour de France"). The words, in the feed
languages, are data: `sex.toml`."""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from feeds.models import Mention
from feeds.races.mentions import RaceHit
from feeds.races.model import CalendarError
from feeds.roster import Roster
from feeds.text.fold import fold_tokens

SEX_FILE = "sex.toml"
EDITION_LINKS = 2
"""Linking words between an edition's noun and the name ("edition of the Tour")."""
EDITION_WORDS = 3 + EDITION_LINKS
"""Words read before a name for an edition's sex: the sex, a possessive's "s", the noun
and the links."""
EDITION_REACH = 96
"""Characters those words are read in (the fold writes two spaces between words)."""


@dataclass(frozen=True, slots=True)
class SexMarks:
    """Folded words that say a race name's sex (`sex.toml`)."""

    men_after: frozenset[str]
    women_after: frozenset[str]
    of_the: frozenset[str]
    """A genitive's article between a name and the sex it says ("Rundfahrt der Frauen")."""
    men_before: frozenset[str]
    women_before: frozenset[str]
    edition_nouns: frozenset[str]
    edition_links: frozenset[str]
    edition_men: frozenset[str]
    edition_women: frozenset[str]
    men_pronouns: frozenset[str] = frozenset()
    """Pronouns and possessives of a man ("he", "his", "hij", "lui", "ihm"): in a men's
    story, one in the name's sentence after a woman is named makes it his race."""
    women_pronouns: frozenset[str] = frozenset()

    def edition_sex(self, before: list[str]) -> bool | None:
        """True (women's), False (men's) or None for the words before a name: a sex's
        word and an edition's noun, in either order, then a linking word or two ("the
        women's edition of the", "l'édition féminine du", "kvinnenes utgave av")."""
        words = [w for w in before if w != "s"]  # "women's" folds to "women s"
        for _ in range(EDITION_LINKS):
            if words and words[-1] in self.edition_links:
                words.pop()
        pair = set(words[-2:])
        if len(pair) < 2 or not pair & self.edition_nouns:
            return None
        if pair & self.edition_women:
            return True
        if pair & self.edition_men:
            return False
        return None


def sex_marked(folded: str, hit: RaceHit, women: bool, look_before: bool = True) -> bool:
    """Whether a race name means the women's race: as the story is (`women`), unless a
    word right after it says otherwise ("Tour de France masculino" in a women's story,
    "Tour de France feminino" in a men's, "Rundfahrt der Frauen"), or one right before it
    ("the men's Tour de France" in a women's story, "the women's edition of the Tour").
    `look_before` is False for a name opening its sentence."""
    marks = bundled_sex_marks()
    after = folded[hit.end : hit.end + 32].split()[:2]
    if len(after) == 2 and after[0] in marks.of_the:
        after = after[1:]  # "die Frankreich-Rundfahrt der Frauen"
    if after and after[0] in marks.men_after:
        return False
    if after and after[0] in marks.women_after:
        return True
    if not look_before:
        return women
    before = folded[max(0, hit.start - EDITION_REACH) : hit.start].split()[-EDITION_WORDS:]
    edition = marks.edition_sex(before)
    if edition is not None:
        return edition
    last = before[-2:]
    if len(last) == 2 and last[1] == "s":
        last = [last[0] + "s"]  # "men's" folds to "men s"
    if last and last[-1] in marks.men_before:
        return False
    if last and last[-1] in marks.women_before:
        return True
    return women


def parse_sex_marks(text: str, source: str) -> SexMarks:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(source, None, f"not valid TOML: {exc}") from None
    tables = {"after": ("men", "women", "of_the"), "before": ("men", "women")}
    tables["edition"] = ("nouns", "links", "men", "women")
    tables["pronouns"] = ("men", "women")
    unknown = set(data) - set(tables)
    if unknown:
        raise CalendarError(source, None, f"unknown key {sorted(unknown)[0]!r}")
    words: dict[str, frozenset[str]] = {}
    for table, keys in tables.items():
        value = data.get(table, {})
        if not isinstance(value, dict) or set(value) - set(keys):
            raise CalendarError(source, None, f"[{table}]: keys {', '.join(keys)} only")
        for key in keys:
            words[f"{table}.{key}"] = _words(value.get(key, []), f"{table}.{key}", source)
    return SexMarks(
        words["after.men"],
        words["after.women"],
        words["after.of_the"],
        words["before.men"],
        words["before.women"],
        words["edition.nouns"],
        words["edition.links"],
        words["edition.men"],
        words["edition.women"],
        words["pronouns.men"],
        words["pronouns.women"],
    )


def _words(value: Any, where: str, source: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CalendarError(source, None, f"{where}: must be a list of non-empty strings")
    folded = [fold_tokens(v) for v in value]
    if any(len(f) != 1 for f in folded):
        raise CalendarError(source, None, f"{where}: each entry folds to one word")
    return frozenset(f[0] for f in folded)


@cache
def bundled_sex_marks() -> SexMarks:
    """Parsed once per process and only read after."""
    text = (resources.files("feeds.races") / SEX_FILE).read_text(encoding="utf-8")
    return parse_sex_marks(text, f"feeds/races/{SEX_FILE}")


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


MAIN_TIMES = 2
"""Times a rider is named for their sex to decide the races named after them: a name
read once may be a namesake's (a YouTuber sharing a rider's name)."""
SENTENCE_REACH = 300
"""Characters after a race name read for its clause's pronouns."""
CLAUSE_ENDS = ".!?\n,;:'\"\u2019\u201d\u00bb"
"""What ends the clause after a race name: a sentence's end, a comma, a quote's end."""
PARAGRAPH_REACH = 500
"""Characters between a rider and a race name beyond which the name is not about them
(about three sentences: "Ferrand-Prévot joins Visma... In 2014 she won the Worlds and
La Flèche Wallonne... 'The Tour is a race I want to win'")."""


class RiderSexes:
    """The story's main riders in text order with the sex of their racing (their team's
    category on the day, else their last team's), for the rider named last before a
    race name in its paragraph. Built once per story; each look-up is a bisect and a
    bounded read."""

    def __init__(
        self, mentions: Sequence[Mention], roster: Roster, published: date | None, text: str
    ) -> None:
        self._text = text
        self._ends: list[int] = []
        self._women: list[bool | None] = []
        times = Counter(m.entity_id for m in mentions)
        for mention in sorted(mentions, key=lambda m: m.end):
            if mention.kind != "rider" or times[mention.entity_id] < MAIN_TIMES:
                continue
            person = roster.people.get(mention.entity_id)
            team_id = person and (
                person.team_on(published) or (person.stints[-1].team_id if person.stints else None)
            )
            team = roster.teams.get(team_id or "")
            self._ends.append(mention.end)
            self._women.append(None if team is None else team.category == "women")

    def here(self, start: int, end: int, story_women: bool) -> bool:
        """The sex the race name at original `start:end` is about: the main rider named
        last before it in its paragraph, unless the name's sentence has a pronoun of the
        story's sex after that rider ("... said this Tour was the hardest he had ridden":
        his race, not hers); else the story's."""
        rider_end, women = self._rider_before(start)
        if rider_end is None or women is None or women == story_women:
            return story_women
        marks = bundled_sex_marks()
        pronouns = marks.women_pronouns if story_women else marks.men_pronouns
        # After the name, its clause only: a quote's speaker ("'Pogačar made the Tour
        # look easy,' she said") is not the name's owner.
        stop = min(
            (
                at
                for at in (self._text.find(ch, end, end + SENTENCE_REACH) for ch in CLAUSE_ENDS)
                if at >= 0
            ),
            default=min(len(self._text), end + SENTENCE_REACH),
        )
        words = fold_tokens(self._text[rider_end:start] + " " + self._text[end:stop])
        return story_women if any(word in pronouns for word in words) else women

    def _rider_before(self, start: int) -> tuple[int | None, bool | None]:
        at = bisect_right(self._ends, start) - 1
        if at < 0:
            return None, None
        end = self._ends[at]
        if start - end > PARAGRAPH_REACH:
            return None, None  # bounded: thousands of names after one rider stay linear
        if "\n" in self._text[end:start]:
            return None, None
        return end, self._women[at]
