"""HTML and feed text reduced to plain text we can store, tag and later escape.

feedparser runs with sanitize_html=False (half the cost, GUIDE §3), so this module is
where markup, scripts and styles go away. The output is text, never markup: it may
still contain "@everyone", "<" or markdown, which the renderer escapes.
"""

from __future__ import annotations

import html
import logging
import re

log = logging.getLogger(__name__)

# Elements whose content is never reader-visible text.
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object"}
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
_LINE_EDGES = re.compile(r" ?\n ?")  # spaces were already collapsed to one
_MARKUP_START = re.compile(r"<[A-Za-z/!?]")
_TAG_NAME = re.compile(r"(/?)([A-Za-z][A-Za-z0-9:-]*)")
_SRC = re.compile(r"""(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_END_TAGS = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _SKIP}


def _text(chunk: str, entities: bool = True) -> str:
    # Source newlines inside HTML are just spaces; breaks come from tags. Entities
    # are decoded only in text, after tags are gone, so "&lt;b&gt;" stays text.
    chunk = chunk.replace("\r", " ").replace("\n", " ")
    return html.unescape(chunk) if entities and "&" in chunk else chunk


def _scan(markup: str) -> tuple[list[str], str | None]:
    """Text pieces and the first <img src> of an HTML fragment.

    A hand-written scanner rather than html.parser: on this Python (3.11.7)
    html.parser is quadratic on unclosed constructs ("<!--" x 100,000 took 77 s),
    and feed bodies are attacker-controlled. Every step here either advances past
    what it looked at or stops, so the work is linear in the input. Each helper
    returns where to go on; the length of the input means stop.
    """
    parts: list[str] = []
    first_img: str | None = None
    pos = 0
    n = len(markup)
    next_gt = -1  # cached: the first ">" at or after the current "<"
    while pos < n:
        lt = markup.find("<", pos)
        if lt < 0:
            parts.append(_text(markup[pos:]))
            break
        if lt > pos:
            parts.append(_text(markup[pos:lt]))
        after_section = _skip_section(markup, lt, parts)
        if after_section is not None:
            pos = after_section
            continue
        if next_gt < lt:
            next_gt = markup.find(">", lt)
        if next_gt < 0:
            parts.append(_text(markup[lt:]))  # no tag can close any more: the rest is text
            break
        pos, src = _tag(markup, lt, next_gt, parts, first_img is None)
        if src is not None:
            first_img = src
    return parts, first_img


def _skip_section(markup: str, lt: int, parts: list[str]) -> int | None:
    """Past the comment or CDATA section at `lt` (a CDATA's text kept), or None when
    neither starts there."""
    if markup.startswith("<!--", lt):
        close = markup.find("-->", lt + 4)
        # An unterminated comment hides the rest, as in browsers.
        return close + 3 if close >= 0 else len(markup)
    if markup.startswith("<![CDATA[", lt):
        close = markup.find("]]>", lt + 9)
        n = len(markup)
        parts.append(_text(markup[lt + 9 : close if close >= 0 else n], entities=False))
        return n if close < 0 else close + 3
    return None


def _tag(markup: str, lt: int, gt: int, parts: list[str], want_img: bool) -> tuple[int, str | None]:
    """Past the tag at `lt` whose first ">" is at `gt` (or past a literal "<"), with the
    break it makes appended to `parts`; and its <img src> when `want_img`."""
    if markup[lt + 1 : lt + 2] in ("!", "?"):  # <!DOCTYPE>, <?xml?>: not text
        return gt + 1, None
    # Match within the bounds instead of slicing: slicing up to the cached ">"
    # for every literal "<" would be quadratic.
    m = _TAG_NAME.match(markup, lt + 1, gt)
    if m is None:  # "a < b": a literal "<"; skip to the next thing that may be markup
        nxt = _MARKUP_START.search(markup, lt + 1)
        end = nxt.start() if nxt is not None else len(markup)
        parts.append(_text(markup[lt:end]))
        return end, None
    closing, name = m.group(1) == "/", m.group(2).lower()
    if not closing and name in _SKIP and markup[gt - 1] != "/":
        end_tag = _END_TAGS[name].search(markup, gt + 1)
        # An unclosed <script>: everything after it is script.
        return (end_tag.end() if end_tag is not None else len(markup)), None
    src = None
    if name == "img" and want_img and not closing:
        src = _img_src(markup, m.end(), gt)
    if name in _BLOCK:
        parts.append("\n\n")
    elif name in _LINE and not closing:
        parts.append("\n")
    elif name in _CELL:
        parts.append(" ")
    return gt + 1, src


def _img_src(markup: str, start: int, gt: int) -> str | None:
    src = _SRC.search(markup, start, gt)
    if src is None:
        return None
    return html.unescape(next(g for g in src.groups() if g is not None))


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def _tidy(text: str) -> str:
    """Collapse spaces, trim each line, keep at most one blank line between paragraphs."""
    # Chained str.replace: several times faster than str.translate with a dict.
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\x0c", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
    )
    text = _SPACES.sub(" ", strip_controls(text))
    text = _LINE_EDGES.sub("\n", text)
    return _MANY_BREAKS.sub("\n\n", text).strip()


def html_to_text(markup: str) -> str:
    """Plain text from an HTML fragment: no tags, scripts or styles; entities decoded;
    paragraphs separated by "\\n\\n", line breaks by "\\n"; control characters gone."""
    text, _ = html_to_text_and_image(markup)
    return text


def html_to_text_and_image(markup: str) -> tuple[str, str | None]:
    """Like html_to_text, and also the `src` of the first <img> (unchecked)."""
    if not markup:
        return "", None
    if "<" not in markup and "&" not in markup:
        return plain_text(markup), None
    parts, first_img = _scan(markup)
    return _tidy("".join(parts)), first_img.strip() if first_img else None


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
    return cut.rstrip(" ,;:.-\u2013\u2014\n") + "…"
