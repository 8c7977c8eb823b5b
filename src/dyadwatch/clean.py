"""Clean scraped article text: keep the story, move byline, dateline and title to metadata.

In plain text and markdown, HTML is markup, not text: a script or style element goes with its
content, other tags are removed and entities decoded before the rules run. A paragraph that holds a
complete sentence is story text: never a dateline, headline, byline or furniture (unless it is
labelled boilerplate: a copyright line, a cookie notice, "Photo: ...").

Cleaning is idempotent: cleaning a cleaned article changes nothing. One pass of the rules is not
always so, because what counts as the page's header depends on what is kept before it, and
dropping repeats afterwards can change that; so the rules are applied until the text stops changing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace
from datetime import date

from .dates import find_explicit
from .model import Article, DateValue
from .timex.grammar import MONTHS

STAGE = "clean.rules.v6"  # v6: the dateline's place kept

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"^([*_]{1,3})([^*_].*?)\1$")
_ESCAPED = re.compile(r"\\+([\"'$*_#\[\]()`])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*$|[\"”’]$")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
# an initial or a title that a line may end with inside a sentence: "President Joseph R." / "Biden"
_NAME_GOES_ON = re.compile(r"(?:\s|^)(?:[A-Z]\.|H\.E\.|H\.M\.|H\.R\.H\.|Mr\.|Mrs\.|Ms\.|Dr\.|Gen\.|Lt\.|"
                           r"Col\.|Capt\.|Sgt\.|Sen\.|Rep\.|Gov\.|Amb\.|Prof\.|Rev\.|St\.)$")

# HTML in plain text: elements whose content is not text, tags (a block tag ends a line), entities
_HIDDEN = re.compile(r"<(?:(?P<name>script|style|noscript|template|svg)\b[^<>]*>|!--)", re.I)
_BLOCK_TAGS = ("address|article|aside|blockquote|body|br|caption|dd|div|dl|dt|figcaption|figure|footer|form"
               "|h[1-6]|head|header|hr|html|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|title|tr|ul")
_INLINE_TAGS = ("abbr|a|audio|bdi|bdo|big|b|button|center|cite|code|del|em|embed|font|iframe|img|input|ins|i|kbd"
                "|label|link|mark|meta|noscript|object|picture|q|small|source|span|strong|sub|sup|s|time|tt|u|video"
                "|wbr|script|style|template|svg")
_TAG = re.compile(rf"</?(?:(?P<block>{_BLOCK_TAGS})|{_INLINE_TAGS})(?:\s[^<>]*)?/?>|<!doctype[^<>]*>|<\?xml[^<>]*>",
                  re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)
# a complete sentence: several words, a word shaped like a verb, a full stop after a word or number
_VERBISH = re.compile(
    r"\b(?:[a-z]{2,}ed|is|are|was|were|be|been|has|have|had|will|would|shall|should|can|could|may|might|must"
    r"|did|does|said|says|met|meets|held|holds|told|made|took|gave|went|came|saw|spoke|sent|won|lost|left|led|began"
    r"|became|brought|fought|sought|kept|struck|thought|wrote|flew|drew|chose|broke|rose|fell|ran|set|put|paid)\b")
_SENTENCE_END = re.compile(r"(?:[a-z]{2}|\d)[.!?][\"'”’)\]]*(?=\s|$)")
_MD_HEADING = re.compile(r"^#{1,6}(?:\s|$)")

# a line that is page furniture wherever it stands, unless it is a complete sentence
_FURNITURE = re.compile(
    r"^(read \d[\d,]* times|\d+ (minute|min) read|published in [\w ]+|share( this)?( on \w+)?|print|email"
    r"|no comments.*|\d+ comments?|comments?|advertisement|sponsored|skip to (main )?content|menu|search"
    r"|home( [|>/»] .*)?|(home|news|world|politics|europe|opinion)( ?[|>/»] ?\w+)+|tweet)$",
    re.I,
)
# boilerplate that is furniture even when written as a sentence
_BOILERPLATE = re.compile(
    r"^(click here.*|all rights reserved.*|©.*|copyright ©?\s*\d{4}.*|(we use )?cookies\b.*"
    r"|subscribe( now| today| to our .*)?\W*|follow us.*|sign up for .*"
    r"|this (commentary|article|analysis|report|story) was (prepared|written|produced) by .*"
    r"|(location|focus|tags?|topics?|categor(y|ies)|filed under|photo|image|caption|credit"
    r"|source|keywords)\s*:.*)$",
    re.I,
)
_FURNITURE_ANYWHERE = re.compile(r"\bno comments on\b|\b\d+ (?:minute|min) read\b|\bread \d[\d,]* times\b", re.I)
_TWEET = re.compile(r"pic\.twitter\.com|^[—–-]\s.*\(@\w+\)|(?:#\w+\s*){3,}")
# a line after which the rest of the page is not the story
_TAIL = re.compile(
    r"^(related( articles| stories| posts| news)?|read more|more (from|on) .*|popular|most read|editor'?s choice"
    r"|visit also|staff publications|newsletter|leave a (comment|reply)|you may also like|recommended"
    r"|read \d[\d,]* times|comments|about the author|see also|###|# # #)\W*$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|author|written by|words by|(?:commentary|analysis|report) by)\s*:?\s+(?P<who>.+)$", re.I)
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}),\s+(?P<date>[^—–]{6,40}?)\s*[—–-]{1,2}\s+(?=[A-Z])")
_PUBLISHED = re.compile(r"^(?:published|posted|updated|date)\s*(?:on)?\s*:?\s*", re.I)
# a wire dateline without a year: "MOSCOW, April 14 (Reuters) - ", "YEREVAN, Armenia (AP) — ", "MOSCOW,
# June 13. /TASS/. ", "Baku, November 16, AZERTAC. ", "UNITED NATIONS (AP) — ", "WASHINGTON — "
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'/-]*(?: [A-Z][A-Za-z.'/-]*){0,3})(?:,\s*(?P<region>[A-Za-z][A-Za-z .,0-9]{1,30}?))??\s*"
    r"(?:\((?P<credit>[A-Z][\w .&'-]{1,30})\)\s*[—–-]{1,2}|/(?P<slashed>[A-Z][\w .&'-]{1,20})/\.?"
    r"|,\s*(?P<trailing>[A-Z][A-Z-]{2,20})\.|(?<=[A-Z]{2})\s*[—–]{1,2})\s+(?=[A-Z])")
_CREDIT = re.compile(r"[(/](?P<credit>[A-Z][\w .&'-]{1,38}?)[)/]")  # "(APA)", "/TASS/" in a dateline


_MARKUP_PASSES = 16


def _without_markup(text: str) -> str:
    """Plain text with the HTML in it removed: scripts and styles with their content, comments, tags,
    and entities decoded; again until nothing changes (a decoded ``&lt;b&gt;`` is a tag too)."""
    for _ in range(_MARKUP_PASSES):
        stripped = _ENTITY.sub(_entity, _TAG.sub(_tag_gap, _without_hidden(text)))
        if stripped == text:
            break
        text = stripped
    return text


def _without_hidden(text: str) -> str:
    """Text without its script, style and similar elements and comments, each with its content; one
    that is never closed is left (its tag goes with the other tags). Linear in the text's length."""
    lower, kept, at = text.lower(), [], 0
    unclosed: set[str] = set()
    while opening := _HIDDEN.search(text, at):
        closer = f"</{opening.group('name').lower()}" if opening.group("name") else "-->"
        close = -1 if closer in unclosed else lower.find(closer, opening.end())
        end = lower.find(">", close + len(closer) - 1) if close >= 0 else -1
        if end < 0:
            unclosed.add(closer)
            kept.append(text[at:opening.end()])
            at = opening.end()
            continue
        kept.append(text[at:opening.start()] + " ")
        at = end + 1
    kept.append(text[at:])
    return "".join(kept)


def _tag_gap(tag: re.Match[str]) -> str:
    return "\n" if tag.group("block") else ""


def _entity(entity: re.Match[str]) -> str:
    decoded = html.unescape(entity.group())
    return decoded if len(decoded) < len(entity.group()) else entity.group()


def _normalise(text: str, fmt: str) -> str:
    if fmt != "html":  # text extracted from HTML has no markup left; a "<" in it is the page's text
        text = _without_markup(text)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _MD_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _ESCAPED.sub(r"\1", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(_EMPHASIS.sub(r"\2", line).strip() for line in lines)


def _link_debris(text: str) -> str:
    """Join ``[First\\nLast](#)`` broken over lines before the lines are split."""
    return re.sub(r"\[([^\]\n]*)\r?\n([^\]\n]*)\]\(", r"[\1 \2](", text)


def _paragraphs(text: str) -> list[str]:
    """Lines as paragraphs, with sentences broken over a line end joined again."""
    lines = text.split("\n")
    paragraphs: list[str] = []
    wrapped = _hard_wrapped([line for line in lines if line])
    previous_blank = False
    for line in lines:
        if not line:
            previous_blank = True
            continue
        if paragraphs and _continues(paragraphs[-1], line, wrapped and not previous_blank):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        previous_blank = False
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """True when most lines were cut at a fixed width rather than at paragraph ends."""
    if len(lines) < 6:
        return False
    cut = sum(1 for line in lines if 40 <= len(line) <= 100 and not _TERMINAL.search(line))
    return cut > len(lines) / 2


def _continues(previous: str, line: str, same_block: bool) -> bool:
    if _NAME_GOES_ON.search(previous) and line[0].isupper() and len(_WORD.findall(previous)) >= 4:
        return True  # "Joseph R." / "Biden, Jr. met", "with H.E." / "Sheikh Mohammed"
    if _TERMINAL.search(previous) or len(_WORD.findall(previous)) < 4:
        return False
    return line[0].islower() or same_block


def _rejoined(paragraphs: list[str]) -> list[str]:
    """Join the halves of a sentence that a removed line had separated."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _continues(joined[-1], paragraph, same_block=False):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _is_heading(paragraph: str) -> bool:
    return len(_WORD.findall(paragraph)) < 10 and not _TERMINAL.search(paragraph)


def _is_sentence(paragraph: str) -> bool:
    """A paragraph holding a complete sentence: five words or more, one shaped like a verb, and a
    full stop after a word or a number."""
    return (len(_WORD.findall(paragraph)) >= 5 and _VERBISH.search(paragraph) is not None
            and _SENTENCE_END.search(paragraph) is not None)


def _without_repeats(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph seen before, or one that the next paragraph repeats and extends."""
    kept: list[str] = []
    seen: set[str] = set()
    for i, paragraph in enumerate(paragraphs):
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if paragraph in seen or (following != paragraph and following.startswith(paragraph)):
            continue
        seen.add(paragraph)
        kept.append(paragraph)
    return kept


class _Metadata:
    """Collects what the page says about itself while the story is being separated."""

    def __init__(self, article: Article) -> None:
        self.title = article.title
        self.author = article.author
        self.published = article.published
        self.basis = article.published_basis
        self.url = article.url
        self.source = article.source
        self.dateline = article.dateline

    def take(self, paragraph: str, in_header: bool) -> str | None:
        """Return the paragraph if it is story text, else record what it says and return None."""
        if re.match(r"^source url\s*:", paragraph, re.I):
            self.url = self.url or paragraph.split(":", 1)[1].strip()
            return None
        sentence = _is_sentence(paragraph)
        if not sentence and (byline := _BYLINE.match(paragraph)):
            self._byline(byline.group("who"))
            return None
        if _is_furniture(paragraph, sentence) or (in_header and not sentence and _is_dateline(paragraph)):
            if in_header:
                self._date(paragraph)
            return None
        if (dateline := _DATELINE.match(paragraph)) and self._date(dateline.group("date")):
            self._credit(dateline.group("date"))
            self._place(dateline.group("place"))
            return paragraph[dateline.end():]
        if in_header and (wire := _WIRE_DATELINE.match(paragraph)):  # the place and agency are no story text
            credit = wire.group("credit") or wire.group("slashed") or wire.group("trailing")
            if self.source is None and credit:
                self.source = credit.strip()
            self._place(wire.group("place"), wire.group("region"))
            return paragraph[wire.end():]
        if _MD_HEADING.match(paragraph) or (not sentence and self._is_title(paragraph, in_header)):
            if in_header and self.title is None:
                self.title = paragraph.lstrip("# ")
            return None
        return paragraph

    @staticmethod
    def _is_title(paragraph: str, in_header: bool) -> bool:
        return paragraph.startswith("#") or _is_heading(paragraph) or (in_header and _is_headline(paragraph))

    def _credit(self, dateline: str) -> None:
        """The agency a dateline credits ("BAKU, 3 March 2005 (APA) —") is the source, if none is known."""
        if self.source is None and (credit := _CREDIT.search(dateline)):
            self.source = credit.group("credit").strip()

    def _place(self, place: str, region: str | None = None) -> None:
        """The place a dateline names, as news writes it ("TRIPOLI, Libya" → "Tripoli, Libya"); the first
        wins. What follows the comma is a region only when it is no date ("MOSCOW, April 14")."""
        if self.dateline is not None:
            return
        words = place.strip(" ,.").split(" ")
        named = " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in words)
        if region and not re.search(r"\d", region) and region.split()[0].lower().rstrip(".") not in MONTHS:
            named += ", " + region.strip(" ,.")
        self.dateline = named or None

    def _byline(self, who: str) -> None:
        self._date(who)
        name = re.split(r"\s*[(,|]|\s+\d", who, maxsplit=1)[0].strip()
        if self.author is None and name:
            self.author = name

    def _date(self, text: str) -> bool:
        found = [f for f in find_explicit(text) if f.value.precision == "day"]
        if found and self.published is None:
            self.published, self.basis = found[0].value, "text"
        return bool(found)

    def is_author_note(self, paragraph: str) -> bool:
        author = self.author
        return author is not None and re.match(rf"^{re.escape(author)} (is|was) (a|an|the)\b", paragraph) is not None


def _is_furniture(paragraph: str, sentence: bool) -> bool:
    if _BOILERPLATE.match(paragraph) or _TWEET.search(paragraph):
        return True
    return not sentence and bool(_FURNITURE.match(paragraph) or _FURNITURE_ANYWHERE.search(paragraph))


def _is_headline(paragraph: str) -> bool:
    """A headline at the top of a page: a line without a full stop, or a short question."""
    words = len(_WORD.findall(paragraph))
    if not _TERMINAL.search(paragraph):
        return words < 25
    return words < 12 and (paragraph.isupper() or paragraph.endswith("?"))


def _is_dateline(paragraph: str) -> bool:
    """A short line that is mostly a date, or a 'Published …' line."""
    found = find_explicit(paragraph)
    if not found or found[0].value.precision != "day":
        return False
    rest = _PUBLISHED.sub("", paragraph.replace(paragraph[found[0].start:found[0].end], " "))
    return len(_WORD.findall(rest)) <= 12 and not _TERMINAL.search(paragraph.rstrip(")"))


def mostly_latin(text: str) -> bool:
    """True when most letters are Latin: the English coder has nothing to say about other scripts."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250")
    return not letters or latin >= len(letters) / 2


_MAX_PASSES = 8


def clean(article: Article) -> Article:
    """Separate story text from page furniture; record title, author, date and url found."""
    cleaned = _clean_once(article)
    for _ in range(_MAX_PASSES):
        again = _clean_once(cleaned)
        if again.text == cleaned.text:
            return again
        cleaned = again
    return cleaned


def _clean_once(article: Article) -> Article:
    text = _normalise(_link_debris(article.text), article.fmt)
    meta = _Metadata(article)
    story: list[str] = []
    for paragraph in _paragraphs(text):
        if story and _TAIL.match(paragraph) and len(_WORD.findall(paragraph)) <= 5:
            break
        kept = meta.take(paragraph, in_header=not story)
        if kept:
            story.append(kept)
    story = _rejoined(_without_repeats([p for p in story if not meta.is_author_note(p)]))
    if meta.published is None and (named := _date_in_name(article.doc_id)):
        meta.published, meta.basis = named, "filename"
    return replace(
        article,
        text="\n\n".join(story),
        title=meta.title,
        author=meta.author,
        published=meta.published,
        published_basis=meta.basis,
        url=meta.url,
        source=meta.source,
        dateline=meta.dateline,
    )


_NAME_DATE = re.compile(r"(?:^|/)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)[^/]*$")


def _date_in_name(doc_id: str) -> DateValue | None:
    """An archive's file name that starts with its day ("2004-02-07-aliyev-moscow.txt"), when the
    text itself states no publication date."""
    match = _NAME_DATE.search(doc_id)
    if match is None:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return DateValue(day.isoformat(), "day")
