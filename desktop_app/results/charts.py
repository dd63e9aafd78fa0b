"""The charts as SVG text (Qt-free): the report embeds them (as PNG, rendered by
:mod:`desktop_app.render`), the officer saves them as SVG or PNG, the wizard draws them.

Stacked bars: one row per subgroup, the total and the benchmark set apart by a gap and a bold
label; a suppressed share is the grey, hatched rest of its bar ("not published"). Year lines:
each group's share per year as a dot with its chance band (a light bar from the interval's low to
its high end); two years are joined by a line only when the change is larger than chance
explains, otherwise the pair is marked "within chance" and no trend is drawn.

Every text from the office's file (subgroup names) is escaped: a hostile name stays text.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

from desktop_app.results.view import NOT_PUBLISHED, BarChart, LineChart, share_text

WIDTH = 720
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
TEXT = "#1f2933"
GRID = "#d5dae0"
BAR_ROW = 28
LABEL_WIDTH = 210


def _text(
    x: float, y: float, text: str, *, size: int = 12, anchor: str = "start", **extra: str
) -> str:
    attributes = " ".join(f"{k.replace('_', '-')}={quoteattr(v)}" for k, v in extra.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{TEXT}" {attributes}>{escape(text)}</text>'
    )


def _svg(height: float, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" font-family={quoteattr(FONT)}>'
        f"<title>{escape(title)}</title>"
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="'
        + NOT_PUBLISHED
        + '"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart_svg(chart: BarChart) -> str:
    body = [_text(8, 20, chart.title, size=14, font_weight="bold")]
    # the legend, wrapped over lines as needed
    x, y = 8.0, 42.0
    for label, colour in (*chart.legend, (chart.not_published_label, "url(#hatch)")):
        width = 22 + 7.0 * len(label)
        if x + width > WIDTH - 8:
            x, y = 8.0, y + 20
        body.append(f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{colour}"/>')
        body.append(_text(x + 16, y, label, size=11))
        x += width + 12
    top = y + 18
    bar_left = LABEL_WIDTH + 8
    bar_width = WIDTH - bar_left - 56
    # the scale: 0, 25, 50, 75, 100 %
    rows_height = BAR_ROW * len(chart.bars) + 12 * sum(
        1 for i, b in enumerate(chart.bars) if i and b.kind != chart.bars[i - 1].kind
    )
    for tick in range(0, 101, 25):
        tx = bar_left + bar_width * tick / 100
        body.append(
            f'<line x1="{tx:.1f}" y1="{top:.1f}" x2="{tx:.1f}" y2="{top + rows_height:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(tx, top + rows_height + 14, f"{tick}%", size=10, anchor="middle"))
    row_y = top
    for i, bar in enumerate(chart.bars):
        if i and bar.kind != chart.bars[i - 1].kind:
            row_y += 12  # the total and the benchmark set apart
        weight = "normal" if bar.kind == "subgroup" else "bold"
        label = _shorten(bar.label)
        if bar.size is not None:
            label = f"{label} (n≈{bar.size})"
        body.append(
            _text(bar_left - 8, row_y + 18, label, size=11, anchor="end", font_weight=weight)
        )
        left = float(bar_left)
        for segment in bar.segments:
            if segment.share is None:
                continue
            width = bar_width * segment.share / 100
            body.append(
                f'<rect x="{left:.1f}" y="{row_y + 4:.1f}" width="{width:.1f}" height="{BAR_ROW - 8}" '
                f'fill="{segment.colour}"><title>{escape(segment.label)}: '
                f"{share_text(segment.share, chart.language)}%</title></rect>"
            )
            if width > 34:
                body.append(
                    f'<text x="{left + width / 2:.1f}" y="{row_y + 18:.1f}" font-size="10" '
                    f'text-anchor="middle" fill="#ffffff">{share_text(segment.share, chart.language)}</text>'
                )
            left += width
        if bar.unpublished > 0:
            width = bar_width * bar.unpublished / 100
            body.append(
                f'<rect x="{left:.1f}" y="{row_y + 4:.1f}" width="{width:.1f}" height="{BAR_ROW - 8}" '
                f'fill="url(#hatch)"><title>{escape(chart.not_published_label)}</title></rect>'
            )
        row_y += BAR_ROW
    height = top + rows_height + 26
    return _svg(height, body, chart.title)


def _nice_range(low: float, high: float) -> tuple[float, float, float]:
    """An axis from ``low`` to ``high`` (percent) with a round step."""
    low, high = max(0.0, low), min(100.0, high)
    if high - low < 4:
        middle = (high + low) / 2
        low, high = max(0.0, middle - 2), min(100.0, middle + 2)
    span = high - low
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if span / s <= 6)
    return (math.floor(low / step) * step, math.ceil(high / step) * step, float(step))


def line_chart_svg(chart: LineChart, within_label: str, band_label: str) -> str:
    """Small multiples: one panel per origin group, each with its own scale, so that a group of
    a few percent shows its chance band as clearly as the largest group."""
    body = [_text(8, 20, chart.title, size=14, font_weight="bold")]
    body.append(_text(8, 38, chart.classification_label, size=11))
    panels = max(1, len(chart.series))
    gap = 16.0
    panel_width = (WIDTH - 16 - gap * (panels - 1)) / panels
    top, bottom = 88.0, 268.0
    years = chart.years
    for k, line in enumerate(chart.series):
        x0 = 8 + k * (panel_width + gap)
        left, right = x0 + 40, x0 + panel_width - 14
        body.append(
            _text(
                x0,
                62,
                _shorten(line.label, int(panel_width / 6.5)),
                size=11,
                font_weight="bold",
                fill_opacity="1",
            )
        )
        values = [
            v
            for p in line.points
            if p.share is not None
            for v in (p.interval or (p.share, p.share))
        ]
        low, high, step = _nice_range(min(values, default=0.0), max(values, default=100.0))

        def x_of(year: int, left: float = left, right: float = right) -> float:
            if len(years) == 1:
                return (left + right) / 2
            return left + (right - left) * years.index(year) / (len(years) - 1)

        def y_of(share: float, low: float = low, high: float = high) -> float:
            return bottom - (bottom - top) * (share - low) / (high - low or 1)

        tick = low
        while tick <= high + 1e-9:
            y = y_of(tick)
            body.append(
                f'<line x1="{left - 4:.1f}" y1="{y:.1f}" x2="{right + 4:.1f}" y2="{y:.1f}" '
                f'stroke="{GRID}"/>'
            )
            body.append(_text(left - 8, y + 4, f"{tick:g}%", size=10, anchor="end"))
            tick += step
        for year in years:
            body.append(_text(x_of(year), bottom + 16, str(year), size=10, anchor="middle"))
        by_year = {p.year: p for p in line.points}
        for point in line.points:
            if point.interval is None:
                continue
            x = x_of(point.year)
            y1, y2 = y_of(point.interval[1]), y_of(point.interval[0])
            body.append(
                f'<rect x="{x - 7:.1f}" y="{y1:.1f}" width="14" height="{max(1.0, y2 - y1):.1f}" '
                f'fill="{line.colour}" fill-opacity="0.22" stroke="{line.colour}" '
                'stroke-opacity="0.6"/>'
            )
        for change in line.changes:
            a, b = by_year[change.year_before], by_year[change.year_after]
            if a.share is None or b.share is None:
                continue
            xa, xb = x_of(a.year), x_of(b.year)
            if change.within_chance is False:
                body.append(
                    f'<line x1="{xa:.1f}" y1="{y_of(a.share):.1f}" x2="{xb:.1f}" '
                    f'y2="{y_of(b.share):.1f}" stroke="{line.colour}" stroke-width="2.5"/>'
                )
            elif change.within_chance:
                body.append(
                    _text(
                        (xa + xb) / 2,
                        top - 10,
                        f"≈ {within_label}",
                        size=10,
                        anchor="middle",
                        font_style="italic",
                    )
                )
        for point in line.points:
            if point.share is None:
                continue
            x, y = x_of(point.year), y_of(point.share)
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{line.colour}" stroke="#ffffff">'
                f"<title>{escape(line.label)} {point.year}: "
                f"{share_text(point.share, chart.language)}%</title></circle>"
            )
    body.append(_text(8, bottom + 40, band_label, size=10))
    return _svg(bottom + 52, body, chart.title)
