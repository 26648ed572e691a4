"""One story's text and the questions the rules ask of it: capitals, the gaps inside a
name, the word before another, Title Case headlines, lowercase uses of a word."""

from __future__ import annotations

import re
from functools import lru_cache

from feeds.nlp.tag.keys import Hit
from feeds.text.fold import FoldedText

# The ASCII hyphen and U+2010, the typographic one.
HYPHENS = ("-", "\u2010")
WORDS = re.compile(r"\w+")
_TRAILING_WORD = re.compile(r"\w+\Z")
_LAST_WORD_BEFORE_HYPHEN = re.compile(r"(\w+)[-\u2010]$")
_LAST_WORD_START = re.compile(r"(\w)\w*\W*$")
_DOTTED_WORD = re.compile(r"(\w+)\.")
_NAME_GAP = re.compile(r"^[\s\-\u2010\u2013\[\]()'\u2019.]*$")
# "as a sponsor" after a team's name: the company ("Arkéa adding B&B Hotels as a second
# sponsor", "avec Suez comme partenaire"), in each feed language: en, fr, nl/de/da/no,
# it, es/pt, sl; an article or an adjective or two may come between. Whole words only
# ("Partnerteam", "partnerploeg" are teams). A sponsor noun always is the company; a
# bare partner word only when no team word follows ("as its partner team", "come
# partner tecnico", "comme partenaire de formation" keep the team).
_AS_SPONSOR = re.compile(
    r"[ \u00a0]+(?i:as|comme|als|som|come|como|kot)[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){0,2}"
    r"(?i:co-?)?(?i:(?P<sponsor>sponsor|hoofdsponsor|hauptsponsor|titelsponsor|naamsponsor|"
    r"namenssponsor|hoofdpartner|hauptpartner|titelpartner|naampartner|patrocinador|"
    r"patrocinadora|patrocinadores|sponzor)|(?P<partner>partenaire|partner|parceiro))"
    r"(?![^\W\d_])"
)
# What makes a bare partner word the team's own: a team word right after it, or after
# a preposition ("partenaire de formation").
_TEAM_WORD_AFTER = re.compile(
    r"[ \u00a0]+(?:(?i:de|di|del|da|for|van|für|of)[ \u00a0]+)?"
    r"(?i:team|squad|ploeg|équipe|equipe|formation|squadra|equipo|tecnico|técnico|technique|"
    r"technical|development|développement|continental|feeder|academy|espoirs)(?![^\W\d_])"
)


class StoryText:
    """The text of one story, read by the rules; answers that depend only on the story
    are computed once, not once per candidate."""

    def __init__(self, ft: FoldedText, hits: list[Hit]) -> None:
        self.ft = ft
        self.text = ft.original
        self.hits = hits
        self.company_words: set[int] = set()
        self._lowercase_used: dict[str, bool] = {}
        self._title_case: bool | None = None
        self._lowered: str | None = None
        self._team_hits: dict[int, Hit] | None = None
        people = [h for h in hits if h[4].person]
        self.person_starts = {h[0] for h in people}
        self.hit_last_words = {h[3] - 1 for h in hits}
        self.person_ends = {h[1] for h in people}

    def team_hit_at(self, start: int) -> Hit | None:
        """The first team name's hit that starts at `start`, if any. The index is built
        on the first question, once per story: the rules that ask it (a name after a
        first name, a team's word after a hyphen) may ask it for every word of a long
        text, and scanning the hits each time grows with the square of its length."""
        if self._team_hits is None:
            self._team_hits = {}
            for hit in self.hits:
                if hit[4].teams:
                    self._team_hits.setdefault(hit[0], hit)
        return self._team_hits.get(start)

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def capitalised(self, start: int, end: int) -> bool:
        """The last word of the span starts with a capital (particles may be lowercase)."""
        span = self.text[start:end]
        # Usually the last word is all of the span after its last space: string
        # methods, no regex (`isalnum` is the regex `\w` less "_").
        last = span[span.rfind(" ") + 1 :]
        if last.isalnum():
            return last[0].isupper()
        m = _LAST_WORD_START.search(span)
        return bool(m) and m.group(1).isupper()

    def in_compound(self, start: int, end: int) -> bool:
        """Part of a capitalised hyphenated compound: a place (Saint-Léonard) or a race
        (Milan-San Remo), unless the other part is a person too ("the Pogačar-Vingegaard
        duel"). Lowercase parts are fine: "a Pogačar-led group", "ex-Pogačar"."""
        if self.text[start - 1 : start] in HYPHENS and start - 1 not in self.person_ends:
            m = _LAST_WORD_BEFORE_HYPHEN.search(self.text, max(0, start - 40), start)
            if m and m.group(1)[0].isupper():
                return True
        after = self.text[end : end + 2]
        return after[:1] in HYPHENS and after[1:].isupper() and end + 1 not in self.person_starts

    def any_capital(self, start: int, end: int) -> bool:
        return any(c.isupper() for c in self.text[start:end])

    def clean_name_gap(self, start: int, end: int) -> bool:
        """Words of a name joined only by spaces, hyphens, brackets or initials' dots."""
        span = self.text[start:end]
        if span.replace(" ", "").isalnum():
            return True  # words and spaces only: the usual case, no regex
        for gap in WORDS.split(span)[1:-1]:
            if "\n" in gap and gap.count("\n") > 1:
                return False
            if not _NAME_GAP.match(gap):
                return False
        # A dot only after an initial: "M. Cavendish", not "said Michael. Woods".
        return all(len(w) == 1 for w in _DOTTED_WORD.findall(span))

    def prev_word(self, k0: int, s0: int | None = None) -> tuple[str, int, int] | None:
        """The folded word just before word k0 and its original span, if only a space apart.

        `s0` is word k0's original start when the caller has it (a match's start).
        """
        if k0 == 0:
            return None
        if s0 is None:
            s0 = self.ft.word_span(k0)[0]
        if not s0 or self.text[s0 - 1] not in " \u00a0":
            return None  # no space right before: the gap cannot be spaces only
        ps, pe = self.ft.word_span(k0 - 1)
        gap = self.text[pe:s0]
        if not gap or gap.strip(" \u00a0"):
            return None
        return self.ft.word(k0 - 1), ps, pe

    def word_before(self, start: int) -> str | None:
        """The word just before `start` when only spaces separate them (a line break
        right before `start` may follow those spaces)."""
        seg = self.text[max(0, start - 24) : start]
        if seg[-1:] == "\n":
            seg = seg[:-1]
        stripped = seg.rstrip(" \u00a0")
        if len(stripped) == len(seg):
            return None
        # The last whitespace-separated piece is usually the whole word: string
        # methods, no regex. `isalnum` is the regex `\w` without "_".
        if not stripped or stripped[-1].isspace():
            return None  # a tab or a line break between: not "only spaces"
        last = stripped.rsplit(None, 1)[-1]
        if last.isalnum():
            return last
        m = _TRAILING_WORD.search(last)
        return m.group() if m else None

    def sentence_initial(self, start: int) -> bool:
        before = self.text[max(0, start - 3) : start].rstrip(" \u00a0\"'\u201c\u2018(")
        return not before or before[-1] in ".!?:\n" or start == 0

    def title_case_line(self, pos: int) -> bool:
        """A Title Case Headline capitalises every word: capitals say nothing there.

        Only the title's first line is read this way: German prose capitalises every
        noun, and body text is never written in Title Case.
        """
        line_end = self.text.find("\n")
        if pos >= (line_end if line_end >= 0 else len(self.text)):
            return False
        if self._title_case is None:
            self._title_case = self._title_is_title_case(line_end)
        return self._title_case

    def _title_is_title_case(self, line_end: int) -> bool:
        words = [w for w in WORDS.findall(self.text[: max(line_end, 0)]) if len(w) >= 4]
        if len(words) < 4:
            return False
        return sum(1 for w in words if w[0].isupper()) >= 0.85 * len(words)

    def named_as_sponsor(self, end: int) -> bool:
        """A team's name ending at `end` is followed by "as (a new) sponsor": the company."""
        m = _AS_SPONSOR.match(self.text, end)
        if m is None:
            return False
        return m.group("sponsor") is not None or not _TEAM_WORD_AFTER.match(self.text, m.end())

    def near_company(self, k0: int, k1: int) -> bool:
        words = self.company_words
        # Most stories name no company: no generator to build and run for each name.
        return bool(words) and any(k in words for k in (k0 - 2, k0 - 1, k1, k1 + 1))

    def used_lowercase(self, folded_key: str) -> bool:
        """The surname also appears as an ordinary lowercase word in this story ("the woods")."""
        used = self._lowercase_used.get(folded_key)
        if used is None:
            used = self._lowercase_used[folded_key] = self._scan_lowercase(folded_key)
        return used

    def _scan_lowercase(self, folded_key: str) -> bool:
        return any(map(str.islower, _lowercase_pattern(folded_key).findall(self.text)))


@lru_cache(maxsize=4096)
def _lowercase_pattern(folded_key: str) -> re.Pattern[str]:
    """The words of `folded_key` in any case, as whole words; the one group is the
    first character, so `findall` lists only first characters (no match objects).

    The first character comes before the look-behind so the scan jumps to it in C
    instead of testing the look-behind at every position.
    """
    first, *rest = folded_key.split()
    words = r"\W+".join([re.escape(first[1:]), *map(re.escape, rest)])
    return re.compile(
        "(" + re.escape(first[0]) + r")(?<!\w[\s\S])" + words + r"(?![\w])", re.IGNORECASE
    )
