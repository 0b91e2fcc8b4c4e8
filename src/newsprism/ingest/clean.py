"""Drop what is not the article, by the shape and position of lines.

Rules are general: UI vocabulary in several languages, the shapes of bylines,
photo captions, credit lines and tag lists, their position in the page, and
repetition across the corpus. Every dropped line is kept with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .wires import agencies_in_list, canonical_agency

# Whole-line UI strings (compared after case-folding and stripping punctuation).
_UI_TEXT = """
share|share this|share this article|share on facebook|share on twitter|share on x|tweet|email|print
|copy link|show more|show less|read more|see more|load more|view more|more stories|related
|related articles|related stories|related news|related posts|related content|you may also like
|recommended|most read|most popular|trending|trending now|back to top|back to top button|subscribe
|subscribe now|sign up|sign in|log in|login|register|newsletter|follow us|advertisement|sponsored
|sponsored content|tags|topics|comments|leave a comment|leave a reply|skip to content
|skip to main content|menu|home|next article|previous article|next|previous|click here|accept
|accept all|reject all|cookie settings|manage cookies|listen to this article|listen|play video
|watch|watch video|ad|advert|continue reading|read full article|read the full story|top stories
|latest news|latest|breaking news|more from|don't miss|editor's picks|partager|partagez|lire aussi
|à lire aussi|a lire aussi|lire la suite|afficher plus|voir plus|abonnez-vous|s'abonner|suivez-nous
|articles liés|articles similaires|publicité|retour en haut|compartir|leer más|ver más|mostrar más
|suscríbete|suscribirse|síguenos|artículos relacionados|noticias relacionadas|publicidad
|volver arriba|te puede interesar|teilen|mehr lesen|weiterlesen|mehr anzeigen|abonnieren
|folgen sie uns|verwandte artikel|anzeige|werbung|nach oben|mehr zum thema|condividi|leggi anche
|leggi di più|mostra di più|iscriviti|abbonati|seguici|articoli correlati|pubblicità|torna su
|compartilhar|partilhar|leia mais|leia também|ver mais|mostrar mais|assine|inscreva-se|siga-nos
|artigos relacionados|publicidade|voltar ao topo|مشاركة|شارك|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد
|عرض المزيد|اشترك|تابعنا|مقالات ذات صلة|أخبار ذات صلة|إعلان|العودة للأعلى"""

# Short lines that start like UI or page furniture ("Share on WhatsApp", "Tags: …").
UI_PREFIX = re.compile(
    r"^(share (on|via|this)|follow (us|me) on|subscribe (to|for|now)|sign up (for|to)|"
    r"verified by|powered by|copyright|©|all rights reserved|read more:|related:|tags?:|topics?:|"
    r"filed under|categories:|lire aussi ?:|leer más:|lesen sie auch|leggi anche:|leia também:|"
    r"advertisement|click here|download (our|the) app|get the app|we use cookies|"
    r"this (site|website) uses cookies|updated:|published:|last updated)",
    re.I,
)

# "By Jane Doe", "Par Jean Dupont", "By Jane Doe and John Roe, Staff Writers"
BYLINE = re.compile(
    r"^(by|par|por|von|di|door|av|بقلم|written by|words by)\s+[A-Z\u0600-\u06FF][\w.'’-]*"
    r"(\s+[\w.'’&|,-]+){0,8}$",
    re.I,
)

_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
# A caption ends with a photo credit: "(AFP)", "(Photo: X)", "X/Getty Images", "AP Photo/X".
PHOTO_CREDIT = re.compile(
    r"(\((photo|photograph|image|picture|file|foto|credit)[^)]*\)|"
    r"(getty images|via getty|ap photo|afp photo|reuters/|/reuters|/afp|epa-efe|/epa|shutterstock|"
    r"photo credit|photo:|photograph:|image:|picture:|foto:|crédit photo|credit:))\W*$",
    re.I,
)
_PAREN_TAIL = re.compile(r"\(([^()]{1,40})\)\W*$")
_DATED_TAIL = re.compile(rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\.?\s*\([^()]+\)\W*$", re.I)

CREDIT_NOTE = re.compile(
    r"^\(?\s*(this (article|story|report) (references|draws on|is based on|includes|contains|uses)"
    r"( material| reports| reporting| information)? (from|by)|(with )?(additional )?reporting by|"
    r"with (reporting|files|input) from|sources?:|source:|compiled by|editing by)\b",
    re.I,
)

_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)]\s*$")
_WORD = re.compile(r"\w+", re.U)


@dataclass
class Cleaned:
    """The kept lines and every dropped line with its reason."""

    lines: list[str]
    removed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def normalise_line(line: str) -> str:
    """Whitespace inside a line collapsed; invisible characters dropped."""
    line = unicodedata.normalize("NFC", line)
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return " ".join(line.split())


def line_key(line: str) -> str:
    """A comparison key: case-folded words only."""
    return " ".join(_WORD.findall(line.casefold()))


UI_LINES = frozenset(line_key(x) for x in _UI_TEXT.replace("\n", "").split("|"))


def words(line: str) -> int:
    return len(line.split())


def is_sentence(line: str) -> bool:
    """Looks like running text: ends like a sentence, or is long."""
    return bool(_SENTENCE_END.search(line)) or words(line) > 25


def ui_reason(line: str) -> str | None:
    """Why ``line`` is page furniture (share bars, prompts, labels), or None."""
    n = words(line)
    if n > 14:
        return None
    key = line_key(line)
    if key in UI_LINES:
        return "interface text"
    parts = [line_key(p) for p in re.split(r"[|•·/]", line) if p.strip()]
    if len(parts) > 1 and all(p in UI_LINES or not p for p in parts):
        return "interface text"
    if UI_PREFIX.match(line.strip(" >»›-–—•·|")):
        return "interface text"
    return None


def caption_reason(line: str, index: int) -> str | None:
    """Why ``line`` is a photo caption or photo credit, or None."""
    if PHOTO_CREDIT.search(line) and words(line) <= 60:
        return "photo caption"
    tail = _PAREN_TAIL.search(line)
    # An agency in parentheses closing a line near the top, or right after a
    # date ("…, Jan. 9, 2025. (AFP)"), credits a photo, not the story.
    if tail and canonical_agency(tail.group(1)) and (index < 6 or _DATED_TAIL.search(line)):
        return "photo caption"
    return None


def credit_reason(line: str) -> str | None:
    """Why ``line`` is a credit line (agency names alone, or a credit note), or None."""
    if words(line) <= 6 and agencies_in_list(line):
        return "wire credit line"
    if CREDIT_NOTE.match(line) and words(line) <= 30:
        return "credit note"
    return None


def corpus_boilerplate(texts: Iterable[Sequence[str]], min_docs: int = 3) -> set[str]:
    """Keys of short non-sentence lines that recur in ``min_docs`` or more documents.

    Wire copy legitimately shares whole sentences, so only short lines that do not
    read as sentences count (menus, footers, widget titles). First lines are left
    out: copies of one story share their headline. Three documents, not two, so
    that a headline and dek two copies share are not taken for furniture.
    """
    counts: Counter[str] = Counter()
    for lines in texts:
        keys = {
            line_key(ln)
            for ln in lines[1:]
            if ln.strip() and words(ln) <= 12 and not is_sentence(ln)
        }
        counts.update(k for k in keys if k)
    return {k for k, n in counts.items() if n >= min_docs}


def clean_lines(raw_lines: Sequence[str], boilerplate: set[str] | None = None) -> Cleaned:
    """Keep the article's lines; drop furniture, captions, bylines, credits and repeats.

    >>> c = clean_lines(["Storm hits coast", "Share on Facebook", "By Jane Doe",
    ...                  "The storm hit the coast on Monday, officials said."])
    >>> c.lines
    ['Storm hits coast', 'The storm hit the coast on Monday, officials said.']
    """
    boilerplate = boilerplate or set()
    lines = [normalise_line(ln) for ln in raw_lines]
    lines = [ln for ln in lines if ln]
    out = Cleaned(lines=[])
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = line_key(line)
        reason = (
            ui_reason(line)
            or credit_reason(line)
            or caption_reason(line, i)
            or ("byline" if BYLINE.match(line) and words(line) <= 10 else None)
        )
        if reason is None and key and key in seen:
            reason = "repeated line"
        if reason is None and i > 0 and key in boilerplate:
            reason = "repeated across articles"
        if reason is None and not key:
            reason = "no words"
        if reason:
            out.removed.append((reason, line))
        else:
            out.lines.append(line)
            seen.add(key)
    _drop_section_label(out)
    _drop_trailing_list(out)
    return out


def _headline_like(line: str) -> bool:
    return 2 <= words(line) <= 25 and not line.rstrip().endswith((".", ":", ";", ","))


def _drop_section_label(c: Cleaned) -> None:
    """A lone one-to-three-word label above a longer headline is a section name."""
    if len(c.lines) >= 2:
        first, second = c.lines[0], c.lines[1]
        if (
            words(first) <= 3
            and not is_sentence(first)
            and _headline_like(second)
            and words(second) > words(first)
        ):
            c.removed.insert(0, ("section label", first))
            del c.lines[0]


def _drop_trailing_list(c: Cleaned) -> None:
    """Short non-sentence lines after the last paragraph are tags or links."""
    dropped: list[tuple[str, str]] = []
    while len(c.lines) > 2 and words(c.lines[-1]) <= 4 and not is_sentence(c.lines[-1]):
        dropped.append(("trailing tag or link list", c.lines.pop()))
    c.removed.extend(reversed(dropped))
