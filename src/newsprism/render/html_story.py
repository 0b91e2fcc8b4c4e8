"""One story's account as HTML, from its report-JSON form (DESIGN.md, report v1).

Working from the JSON rather than from the records lets the web app render a
story read back from the store exactly as ``--format html`` renders a fresh
run. Every fact and quote is a button that highlights its passages in the
sources (see :mod:`.assets`) and every citation is a link to its passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from .event_map import event_map_svg
from .summary import fact_title

JSON = dict[str, Any]

_STATUS_LABEL = {
    "conflict": "conflict",
    "variant": "variant",
    "corroborated": "consensus",
    "single_source": "one source",
}
# Above this many reports (a story's articles, a fact's statements, a quote's renderings)
# a page shows copies once: one wording with how many articles give it, one matrix
# column per origin. A wire story reprinted by hundreds of outlets would otherwise
# repeat each sentence hundreds of times (page sizes: bench/reconcile.py).
COLLAPSE_AT = 20
_QUOTED = re.compile(r"“([^”]{1,80})”|\"([^\"]{1,80})\"")
_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


@dataclass(frozen=True)
class StoryView:
    """What rendering one story needs: the story, its articles and how to name them."""

    story: JSON
    articles: dict[str, JSON]  # id -> article JSON
    labels: dict[str, str]  # id -> "[n] outlet"
    numbers: dict[str, int]  # id -> n
    key: str  # prefix that makes this story's ids unique on the page
    article_href: str | None = None  # e.g. "/articles/{id}" in the web app
    # (article id, start) of every passage a citation links to, filled as the account
    # is rendered: a collapsed source needs an anchor for these only
    linked: set[tuple[str, int]] = field(default_factory=set)

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def fact_key(self, item_id: str) -> str:
        return f"{self.key}-{item_id}"

    def anchor(self, article_id: str, start: int) -> str:
        return f"{self.key}-a{self.numbers.get(article_id, 0)}-{start}"


def by_origin(story: JSON) -> list[list[str]]:
    """The story's article ids grouped by origin, groups in the order of their first
    article, articles in story order.

    >>> by_origin({"article_ids": ["a", "b", "c"], "origins": [{"article_ids": ["c", "a"]}]})
    [['a', 'c'], ['b']]
    """
    origin_of = {aid: n for n, o in enumerate(story.get("origins", [])) for aid in o["article_ids"]}
    groups: dict[object, list[str]] = {}
    for aid in story["article_ids"]:
        groups.setdefault(origin_of.get(aid, aid), []).append(aid)
    return list(groups.values())


def citations(story: JSON) -> list[tuple[str, str, int, int]]:
    """(item id, article id, start, end) for every fact statement and quote rendering."""
    out: list[tuple[str, str, int, int]] = []
    for f in story.get("facts", []):
        for st in f["statements"]:
            out.append((f["id"], st["article_id"], st["start"], st["end"]))
    for q in story.get("quotes", []):
        for r in q["renderings"]:
            out.append((q["id"], r["article_id"], r["start"], r["end"]))
    return out


def _cite(view: StoryView, item: JSON) -> str:
    aid = item["article_id"]
    view.linked.add((aid, item["start"]))
    return (
        f'<a class="cite" href="#{escape(view.anchor(aid, item["start"]))}">'
        f"{escape(view.label(aid))}, chars {item['start']}–{item['end']}</a>"
    )


def _values(fact: JSON) -> list[str]:
    """The differing values a conflict or variant names, e.g. “May 2003” and “May 2004”:
    the words of each compared value group, else the values its differences quote."""
    found: list[str] = []
    for c in fact.get("comparisons", []):
        for g in c["groups"]:
            for sp in g["spans"]:
                for st in fact["statements"]:
                    if st["article_id"] == sp["article_id"] and st["start"] <= sp["start"]:
                        words = st["text"][sp["start"] - st["start"] : sp["end"] - st["start"]]
                        if words and words not in found:
                            found.append(words)
                        break
    if found:
        return found
    for line in fact.get("differences", []) or [fact.get("note", "")]:
        for m in _QUOTED.finditer(line):
            value = m.group(1) or m.group(2)
            if value and value not in found:
                found.append(value)
    return found


def _mark_values(text: str, values: Sequence[str]) -> str:
    """``text`` escaped, with the differing values in it emphasised."""
    if not values:
        return escape(text)
    pattern = re.compile(
        "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)), re.IGNORECASE
    )
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [
            escape(text[last : m.start()]),
            f'<span class="diffval">{escape(m.group(0))}</span>',
        ]
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def value_in(text: str, values: Sequence[str]) -> str | None:
    """The first of ``values`` that ``text`` contains (ignoring case), if any."""
    low = text.lower()
    hits = [(low.find(v.lower()), v) for v in values if v.lower() in low]
    return min(hits)[1] if hits else None


def _origin_chain(view: StoryView, origin_ids: Iterable[str]) -> str:
    """Which articles share each origin and who copied whom: "[2] A = [3] B (credits X)"."""
    origins = {o["id"]: o for o in view.story.get("origins", [])}
    parts = []
    for n, oid in enumerate(origin_ids, 1):
        o = origins.get(oid)
        if o is None:
            continue
        ids, copies = o["article_ids"], o.get("copies", [])
        # in a big story, a big origin by its first members (it repeats under every fact)
        few = 3 if len(view.story["article_ids"]) > COLLAPSE_AT else len(ids) + len(copies)
        members = " = ".join(escape(view.label(a)) for a in ids[:few])
        if len(ids) > few:
            members += f" and {len(ids) - few} more"
        how = "; ".join(
            f"{escape(view.label(c['article_id']))} from {escape(view.label(c['from']))}: "
            f"{escape(c['evidence'])}"
            for c in copies[:few]
        ) + ("; …" if len(copies) > few else "")
        parts.append(
            f"<li>origin {n}: {members}"
            + (f" <span class='muted'>({how})</span>" if how else "")
            + "</li>"
        )
    return f'<ul class="origins">{"".join(parts)}</ul>' if parts else ""


def _title(fact: JSON) -> str:
    return fact_title(fact["id"], fact["summary"], [c["slot"] for c in fact.get("comparisons", [])])


def _fact(view: StoryView, fact: JSON) -> str:
    status = fact["status"]
    key = view.fact_key(fact["id"])
    n_articles = len({st["article_id"] for st in fact["statements"]})
    badge = "single" if status == "single_source" else status
    out = [
        f'<li class="{escape(status)}" id="{escape(key)}">',
        f'<span class="badge b-{badge}">{_STATUS_LABEL.get(status, status)}</span>',
        f'<button type="button" class="fact" data-hl="{escape(key)}" aria-pressed="false" '
        f'aria-controls="{escape(view.key)}-sources">{escape(_title(fact))}</button>',
        f'<div class="support">{fact["independent_sources"]} independent origin(s), '
        f"{n_articles} article(s). {escape(fact.get('note') or '')}</div>",
    ]
    values = _values(fact) if status in ("conflict", "variant") else []
    if status in ("conflict", "variant") or n_articles > 1:
        out.append('<ol class="wordings">')
        out += _wordings(view, fact["statements"], values)
        out.append("</ol>")
    for c in fact.get("comparisons", []):
        out.append(_comparison(view, fact, c))
    if status != "single_source" and fact.get("origins"):
        out.append(_origin_chain(view, fact["origins"]))
    out.append("</li>")
    return "\n".join(out)


def _wordings(view: StoryView, statements: Sequence[JSON], values: Sequence[str]) -> list[str]:
    """One line per statement; past :data:`COLLAPSE_AT` statements, one line per wording,
    citing its first article and counting the others that give it word for word."""
    if len(statements) <= COLLAPSE_AT:
        return [f"<li>{_cite(view, st)}: “{_mark_values(st['text'], values)}”</li>"
                for st in statements]  # fmt: skip
    same: dict[str, list[JSON]] = {}
    for st in statements:
        same.setdefault(st["text"], []).append(st)
    return [
        f"<li>{_cite(view, sts[0])}{_and_more(len(sts) - 1)}: “{_mark_values(text, values)}”</li>"
        for text, sts in same.items()
    ]


def _and_more(n: int) -> str:
    return f" and {n} more article{'' if n == 1 else 's'} word for word" if n else ""


def _comparison(view: StoryView, fact: JSON, comparison: JSON) -> str:
    """One compared slot as a reader wants it: "3 sources say 12 ([1], [2], [3]) · 1 says 11
    ([4])", each source a citation of the sentence that gives the value."""

    def cite(sp: JSON) -> str:
        for st in fact["statements"]:
            if st["article_id"] == sp["article_id"] and st["start"] <= sp["start"] < st["end"]:
                return _cite(view, st)
        return escape(view.label(sp["article_id"]))

    parts = []
    for g in comparison["groups"]:
        n = len(g["article_ids"])
        cites = ", ".join(cite(sp) for sp in g["spans"])
        parts.append(
            f"{n} {'source says' if n == 1 else 'sources say'} <b>{escape(g['value'])}</b> "
            f"({cites})"
        )
    return (
        f'<div class="comparison {escape(comparison["relation"])}">'
        f"{escape(comparison['relation'])} on {escape(comparison['slot'])}: "
        f"{' · '.join(parts)}</div>"
    )


def _facts_section(view: StoryView, title: str, status: str, intro: str) -> list[str]:
    facts = [f for f in view.story.get("facts", []) if f["status"] == status]
    if not facts:
        return []
    head = f'<h3 id="{escape(view.key)}-{status}">{title} ({len(facts)})</h3>'
    return [
        head,
        f'<p class="muted">{intro}</p>',
        '<ul class="facts">',
        *[_fact(view, f) for f in facts],
        "</ul>",
    ]


def _matrix(view: StoryView) -> list[str]:
    """Sources × facts: who reports each shared fact, and which value when they differ."""
    facts = [f for f in view.story.get("facts", []) if f["status"] != "single_source"]
    if not facts:
        return []
    order = {"conflict": 0, "variant": 1, "corroborated": 2}
    facts.sort(key=lambda f: order.get(f["status"], 3))
    ids = list(view.story["article_ids"])
    # past COLLAPSE_AT reports, one column per origin
    columns = [[a] for a in ids] if len(ids) <= COLLAPSE_AT else by_origin(view.story)
    head = "".join(
        f'<th scope="col"><abbr title="{escape(view.label(c[0]))}">'
        f"[{view.numbers.get(c[0], '?')}]{f' +{len(c) - 1}' if len(c) > 1 else ''}</abbr></th>"
        for c in columns
    )
    rows = []
    for f in facts:
        values = _values(f) if f["status"] in ("conflict", "variant") else []
        by_article: dict[str, str] = {}
        for st in f["statements"]:
            by_article.setdefault(st["article_id"], st["text"])
        cells = []
        for c in columns:
            text = next((by_article[a] for a in c if a in by_article), None)
            if text is None:
                cells.append('<td class="cell muted" aria-label="not reported">–</td>')
                continue
            value = value_in(text, values)
            shown = (
                f'<span class="diff">{escape(value)}</span>'
                if value
                else '<span class="yes" aria-label="reports it">●</span>'
            )
            cells.append(f'<td class="cell" title="{escape(text)}">{shown}</td>')
        title = _title(f)
        label = escape(title[:90] + ("…" if len(title) > 90 else ""))
        rows.append(
            f'<tr><th scope="row"><a href="#{escape(view.fact_key(f["id"]))}">'
            f"{escape(f['id'])}</a> {label}</th>" + "".join(cells) + "</tr>"
        )
    singles = [f for f in view.story.get("facts", []) if f["status"] == "single_source"]
    alone = "".join(
        f'<td class="cell">{sum(1 for f in singles if f["statements"][0]["article_id"] in c)}</td>'
        for c in columns
    )
    rows.append(f'<tr><th scope="row">statements no other source makes</th>{alone}</tr>')
    return [
        f'<h3 id="{escape(view.key)}-matrix">Sources × facts</h3>',
        '<div class="scroll"><table class="matrix"><caption class="muted">● reports the fact; '
        "a value where sources differ; – does not report it.</caption>",
        f'<thead><tr><th scope="col">fact</th>{head}</tr></thead><tbody>',
        *rows,
        "</tbody></table></div>",
    ]


def diff_html(diff: str) -> str:
    """A word diff ``a [-removed-] {+added+}`` as HTML with ``<del>`` and ``<ins>``.

    >>> diff_html("this [-successful-] operation {+now+}")
    'this <del>successful</del> operation <ins>now</ins>'
    """
    out, last = [], 0
    for m in _DIFF.finditer(diff):
        out.append(escape(diff[last : m.start()]))
        if m.group(1) is not None:
            out.append(f"<del>{escape(m.group(1))}</del>")
        else:
            out.append(f"<ins>{escape(m.group(2))}</ins>")
        last = m.end()
    out.append(escape(diff[last:]))
    return "".join(out)


def _quotes(view: StoryView) -> list[str]:
    groups = [
        q
        for q in view.story.get("quotes", [])
        if len(q["renderings"]) > 1 or any(r.get("flag") for r in q["renderings"])
    ]
    if not groups:
        return []
    out = [
        f'<h3 id="{escape(view.key)}-quotes">Quotes compared ({len(groups)})</h3>',
        '<p class="muted">Each rendering against the fullest one: '
        "<del>left out</del>, <ins>added or changed</ins>.</p>",
        '<ul class="facts">',
    ]
    for q in groups:
        key = view.fact_key(q["id"])
        out.append(
            f'<li id="{escape(key)}"><button type="button" class="fact" '
            f'data-hl="{escape(key)}" aria-pressed="false">'
            f"{escape(q.get('speaker') or 'unknown speaker')}</button>"
            '<ol class="wordings">'
        )
        for r, copies in _renderings(q["renderings"]):
            flag = f' <strong class="diff">⚠ {escape(r["flag"])}</strong>' if r.get("flag") else ""
            diff = f'<div class="muted">diff: {diff_html(r["diff"])}</div>' if r.get("diff") else ""
            out.append(
                f"<li>{_cite(view, r)}{_and_more(copies)} <em>{escape(r['relation'])}</em> "
                f"({escape(r['kind'])}): “{escape(r['text'])}”{flag}{diff}</li>"
            )
        out.append("</ol></li>")
    out.append("</ul>")
    return out


def _renderings(renderings: Sequence[JSON]) -> list[tuple[JSON, int]]:
    """Each rendering with 0 copies; past :data:`COLLAPSE_AT` renderings, each distinct one
    (words, relation, kind, flag) once, with how many others repeat it."""
    if len(renderings) <= COLLAPSE_AT:
        return [(r, 0) for r in renderings]
    same: dict[tuple[str, str, str, str], list[JSON]] = {}
    for r in renderings:
        key = (r["text"], r["relation"], r["kind"], r.get("flag") or "")
        same.setdefault(key, []).append(r)
    return [(rs[0], len(rs) - 1) for rs in same.values()]


def _singles(view: StoryView) -> list[str]:
    singles = [f for f in view.story.get("facts", []) if f["status"] == "single_source"]
    if not singles:
        return []
    out = [f'<h3 id="{escape(view.key)}-alone">What each source alone adds</h3>']
    for a in view.story["article_ids"]:
        own = [f for f in singles if f["statements"][0]["article_id"] == a]
        if own:
            out.append(
                f"<details><summary>{escape(view.label(a))}: {len(own)} statement(s)"
                '</summary><ul class="facts">'
            )
            out += [_fact(view, f) for f in own]
            out.append("</ul></details>")
    return out


def _fact_links(view: StoryView, ids: Iterable[str]) -> str:
    return ", ".join(f'<a href="#{escape(view.fact_key(i))}">{escape(i)}</a>' for i in ids)


def _timeline(view: StoryView) -> list[str]:
    entries = view.story.get("timeline", [])
    if not entries:
        return []
    out = [f'<h3 id="{escape(view.key)}-timeline">Timeline</h3>', "<ol>"]
    for t in entries:
        when = (
            t["date_start"]
            if t["date_start"] == t["date_end"]
            else f"{t['date_start']} – {t['date_end']}"
        )
        out.append(
            f"<li><time>{escape(when)}</time>: {escape(t['summary'])} "
            f"({_fact_links(view, t['fact_ids'])})</li>"
        )
    out.append("</ol>")
    return out


def _events(view: StoryView) -> list[str]:
    events = view.story.get("events", [])
    if not events:
        return []
    cols = (
        "dates",
        "type",
        "sub-type",
        "actors",
        "country",
        "admin1",
        "location",
        "fatalities",
        "facts",
    )
    out = [f'<h3 id="{escape(view.key)}-events">Events</h3>']
    drawn = event_map_svg(events, view.fact_key)
    if drawn:
        out.append(f'<figure class="map">{drawn}<figcaption>Located events; a point opens '
                   "its facts.</figcaption></figure>")  # fmt: skip
    out += [
        '<div class="scroll"><table>',
        "<thead><tr>" + "".join(f'<th scope="col">{c}</th>' for c in cols) + "</tr></thead>",
        "<tbody>",
    ]
    for e in events:
        cells = [
            f"{e.get('date_start') or '?'} – {e.get('date_end') or '?'}",
            e["event_type"],
            e["sub_event_type"],
            ", ".join(e.get("actors", [])),
            e.get("country"),
            e.get("admin1"),
            e.get("location"),
            e.get("fatalities"),
        ]
        row = "".join(f"<td>{escape('' if c is None else str(c))}</td>" for c in cells)
        out.append(f"<tr>{row}<td>{_fact_links(view, e.get('fact_ids', []))}</td></tr>")
    out.append("</tbody></table></div>")
    return out


def _grades(view: StoryView) -> list[str]:
    primary = view.story.get("primary")
    if not primary or not primary.get("grades"):
        return []
    out = [
        f'<h3 id="{escape(view.key)}-primary">Against the primary source</h3>',
        f"<p>Primary source: {escape(view.label(primary['article_id']))}</p><ul>",
    ]
    for g in primary["grades"]:
        out.append(
            f"<li>{escape(view.label(g['article_id']))}: {len(g['matching'])} fact(s) "
            f"as in the primary, {len(g['changed'])} changed, "
            f"{len(g['added'])} not in it<ul>"
        )
        changes = [(c["fact_id"], c["what"]) for c in g["changed"]]
        changes += [(c["quote_id"], c["what"]) for c in g.get("quotes_changed", [])]
        for item, what in changes:
            out.append(
                f'<li><a href="#{escape(view.fact_key(item))}">{escape(item)}</a>: '
                f"{escape(what)}</li>"
            )
        out.append("</ul></li>")
    out.append("</ul>")
    return out


def _sources_table(view: StoryView) -> list[str]:
    """Who the sources are: outlet, title, date, language, credits and origin group."""
    origin_no = {}
    for n, o in enumerate(view.story.get("origins", []), 1):
        for aid in o["article_ids"]:
            origin_no[aid] = n
    primary = (view.story.get("primary") or {}).get("article_id")
    rows = []
    for aid in view.story["article_ids"]:
        a = view.articles.get(aid, {})
        cells = [
            a.get("title") or a.get("source") or aid,
            a.get("published") or "unknown",
            a.get("language") or "",
            ", ".join(a.get("credits", [])),
            str(origin_no.get(aid, "")) + (" (primary)" if aid == primary else ""),
        ]
        rows.append(
            f'<tr><th scope="row">{escape(view.label(aid))}</th>'
            + "".join(f"<td>{escape(str(c))}</td>" for c in cells)
            + "</tr>"
        )
    head = "".join(
        f'<th scope="col">{c}</th>'
        for c in ("source", "title", "published", "language", "credits", "origin")
    )
    return [
        f'<h3 id="{escape(view.key)}-who">Sources</h3>',
        '<div class="scroll"><table>',
        f"<thead><tr>{head}</tr></thead><tbody>",
        *rows,
        "</tbody></table></div>",
    ]


def story_account(view: StoryView) -> list[str]:
    """The account column of one story: headline, conflicts, variants, consensus, matrix,
    quotes, single-source additions, timeline, events and the primary-source grades."""
    s = view.story
    n_origins = len(s.get("origins", [])) or len(s["article_ids"])
    facts = s.get("facts", [])
    counts = {k: sum(1 for f in facts if f["status"] == k) for k in _STATUS_LABEL}
    out = [
        f'<h2 id="{escape(view.key)}">{escape(s.get("headline") or "(untitled story)")}</h2>',
        f'<p class="muted">{len(s["article_ids"])} article(s) from {n_origins} independent '
        f"origin(s): {counts['corroborated']} facts in consensus, {counts['conflict']} in "
        f"conflict, {counts['variant']} told differently, {counts['single_source']} from one "
        "source only. Select a fact to highlight its passages in the sources.</p>",
    ]
    out += _sources_table(view)
    out += _facts_section(
        view,
        "Conflicts",
        "conflict",
        "Sources report the same fact with values that cannot all be true.",
    )
    out += _facts_section(
        view,
        "Variants",
        "variant",
        "Sources report the same fact with different but compatible values.",
    )
    out += _facts_section(
        view,
        "Consensus",
        "corroborated",
        "Facts several sources report alike, with their independent origins.",
    )
    out += _matrix(view)
    out += _quotes(view)
    out += _singles(view)
    out += _timeline(view)
    out += _events(view)
    out += _grades(view)
    return out
