"""HTML and feed text reduced to plain text we can store, tag and later escape.

feedparser runs with sanitize_html=False (half the cost, GUIDE §3), so this module is
where markup, scripts and styles go away. The output is text, never markup: it may
still contain "@everyone", "<" or markdown, which the renderer escapes.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

log = logging.getLogger(__name__)

# Elements whose content is never reader-visible text.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "iframe"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# Elements that end a paragraph.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "tfoot", "thead", "ul",
    }
)  # fmt: skip
# Elements that start a new line inside a paragraph (on their start tag only, so
# "<li>a</li><li>b</li>" is "a\nb", not "a\n\nb").
_LINE = frozenset({"br", "li", "tr"})
_CELL = frozenset({"td", "th"})

# C0/C1 controls (bar \t \n), lone surrogates and non-characters: they break JSON,
# Discord and SQLite text, and are never meaningful in a headline.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace but newline, \xa0 included
_MANY_BREAKS = re.compile(r"\n{3,}")
_LINE_SEPARATORS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x0c": "\n"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self.first_img: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self._skip_depth += 1
            return
        if tag == "img" and self.first_img is None and not self._skip_depth:
            src = dict(attrs).get("src")
            if src:
                self.first_img = src.strip()
        self._break(tag, start=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <img/>: no end tag will come, so never count them as skipped depth.
        if tag in _SKIP:
            return
        if tag == "img" and self.first_img is None and not self._skip_depth:
            src = dict(attrs).get("src")
            if src:
                self.first_img = src.strip()
        self._break(tag, start=True)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        self._break(tag)

    def _break(self, tag: str, start: bool = False) -> None:
        if self._skip_depth:
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")
        elif start and tag in _LINE:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # Source newlines inside HTML are just spaces; breaks come from tags.
            self.parts.append(_SPACES.sub(" ", data.replace("\n", " ")))


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def _tidy(text: str) -> str:
    """Collapse spaces, trim each line, keep at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").translate(_LINE_SEPARATORS)
    text = strip_controls(text).replace("\t", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """Plain text from an HTML fragment: no tags, scripts or styles; entities decoded;
    paragraphs separated by "\\n\\n", line breaks by "\\n"; control characters gone."""
    text, _ = html_to_text_and_image(html)
    return text


def html_to_text_and_image(html: str) -> tuple[str, str | None]:
    """Like html_to_text, and also the `src` of the first <img> (unchecked)."""
    if not html:
        return "", None
    if "<" not in html and "&" not in html:
        return plain_text(html), None
    parser = _TextExtractor()
    try:
        parser.feed(strip_controls(html))
        parser.close()
    except Exception:  # html.parser is lenient, but a bad fragment must not lose the item
        log.debug("HTML parser gave up; keeping what it had", exc_info=True)
    return _tidy("".join(parser.parts)), parser.first_img


def plain_text(text: str) -> str:
    """Tidy text that is already plain: controls removed, spaces collapsed,
    paragraph breaks (blank lines) kept as "\\n\\n"."""
    if not text:
        return ""
    text = _tidy(text)
    # In plain text a single newline is a soft wrap; a blank line is a paragraph.
    paragraphs = [p.replace("\n", " ") for p in text.split("\n\n")]
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def one_line(text: str) -> str:
    """Text for a headline or a name: everything on one line."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—\n") + "…"
