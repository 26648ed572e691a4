"""One story as the tagging steps read it, built once.

Entity tagging, transfer extraction and race tagging all read `title + "\\n\\n" + body`
(every offset they exchange indexes it), the tagger and the race step its accent- and
case-folded form, the transfer rules its lower-cased form. `Tagger.tag` builds one
`Document` and hands it to each step, so none of them rebuilds the text or folds it again.
"""

from __future__ import annotations

from datetime import date, datetime

from feeds.text.fold import FoldedText

TITLE_BREAK = "\n\n"


class Document:
    __slots__ = ("_folded", "_low", "body", "language", "published", "text", "title")

    def __init__(
        self,
        title: str,
        body: str,
        published: date | None = None,
        language: str | None = None,
    ) -> None:
        if isinstance(published, datetime):
            published = published.date()  # a datetime does not compare with roster dates
        self.title = title
        self.body = body
        self.text = f"{title}{TITLE_BREAK}{body}"
        self.published: date | None = published
        self.language = language
        """The feed's declared language ("pt", "en-GB"), None to tell it from the text."""
        self._folded: FoldedText | None = None
        self._low: str | None = None

    @classmethod
    def from_text(
        cls, text: str, published: date | None = None, language: str | None = None
    ) -> Document:
        """A document from `title + "\\n\\n" + body` as one string (the same text back)."""
        title, _, body = text.partition(TITLE_BREAK)
        doc = cls(title, body, published, language)
        doc.text = text  # a text with no title break stays as given
        return doc

    @property
    def folded(self) -> FoldedText:
        """The text folded for matching names (accents and case), mapped back to offsets."""
        if self._folded is None:
            self._folded = FoldedText(self.text)
        return self._folded

    @property
    def low(self) -> str:
        """The text lower-cased at the same length (offsets keep pointing at the text)."""
        if self._low is None:
            low = self.text.lower()
            if len(low) != len(self.text):
                low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
            self._low = low.replace("\u2019", "'")
        return self._low
