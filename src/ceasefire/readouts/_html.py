"""A comparison as one self-contained HTML page: the two readouts side by side, differences marked.

Every string from the readouts is escaped; the page loads nothing from the network.
"""

from __future__ import annotations

from html import escape

from ceasefire.readouts._compare import Comparison, Difference, Statement

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.3rem} h2{font-size:1.05rem;margin:0 0 .4rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.st{padding:.3rem .5rem;margin:.25rem 0;border-left:4px solid #bbb}
.st.shared{border-color:#4a7} .st.only{border-color:#d80;background:#fff8ec}
.st.diff{background:#fdeeee}
mark{background:#ffd24d;padding:0 .1em} .meta{color:#666;font-size:.85rem}
table{border-collapse:collapse;margin:1rem 0} td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}
.legend span{margin-right:1rem}
"""


def comparison_html(comparison: Comparison) -> str:
    """The page as a string."""
    marks_a: dict[int, list[tuple[int, int]]] = {}
    marks_b: dict[int, list[tuple[int, int]]] = {}
    for d in comparison.differences:
        marks_a.setdefault(d.a_statement.index, []).extend((m.start, m.end) for m in d.a_marks if m.start >= 0)
        marks_b.setdefault(d.b_statement.index, []).extend((m.start, m.end) for m in d.b_marks if m.start >= 0)
    linked_a = {link.a.index for link in comparison.shared}
    linked_b = {link.b.index for link in comparison.shared}
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        "<title>Readouts compared</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Readouts compared</h1>",
        "<p class='legend'><span>green edge: both say it</span><span>orange: only one says it</span>"
        "<span><mark>marked</mark>: words that differ in meaning</span></p>",
        _differences_table(comparison.differences),
        "<div class='cols'>",
        _column("A", comparison, comparison.statements_a, linked_a, marks_a, side="a"),
        _column("B", comparison, comparison.statements_b, linked_b, marks_b, side="b"),
        "</div></body></html>",
    ]
    return "\n".join(parts)


def _column(label: str, comparison: Comparison, statements: tuple[Statement, ...], linked: set[int],
            marks: dict[int, list[tuple[int, int]]], *, side: str) -> str:
    readout = comparison.a if side == "a" else comparison.b
    meta = " · ".join(escape(str(v)) for v in (readout.issuer, readout.date, readout.file) if v)
    rows = [f"<div><h2>{label}: {escape(readout.title or readout.issuer or readout.file)}</h2>",
            f"<p class='meta'>{meta}</p>"]
    for s in statements:
        kind = "shared" if s.index in linked else "only"
        if s.index in marks:
            kind += " diff"
        rows.append(f"<p class='st {kind}' id='{side}{s.index}'>{_marked(s.text, marks.get(s.index, []))}</p>")
    rows.append("</div>")
    return "\n".join(rows)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    cursor = 0
    for start, end in sorted(set(spans)):
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _differences_table(differences: tuple[Difference, ...]) -> str:
    if not differences:
        return "<p>No differences in scope, numbers, dates, parties, negation or conditions were found.</p>"
    rows = ["<table><tr><th>topic</th><th>kind</th><th>A says</th><th>B says</th></tr>"]
    for d in differences:
        a = escape(d.a) if d.a is not None else "<em>(nothing)</em>"
        b = escape(d.b) if d.b is not None else "<em>(nothing)</em>"
        rows.append(
            f"<tr><td>{escape(d.topic)}</td><td>{escape(d.kind)}</td>"
            f"<td><a href='#a{d.a_statement.index}'>{a}</a></td><td><a href='#b{d.b_statement.index}'>{b}</a></td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)
