"""Accessible bar charts drawn on the server as SVG: no script, no external request.

The SVG is an image to assistive technology (role="img") named by its title
and described, value by value, by its desc; templates also print the same
numbers as a table for everyone who prefers reading them.
"""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# Drawn at about the size phones show it, so its 16-unit labels stay near 16 px (WCAG 1.4.4).
WIDTH = 320
ROW = 56
BAR = 22
LEFT = 8
RIGHT = 64  # room for the value after the longest bar


def bar_chart(figures, *, title, chart_id):
    """An SVG bar chart of `figures` (objects with `label` and `value`)."""
    largest = max((figure.value for figure in figures), default=0) or 1
    usable = WIDTH - LEFT - RIGHT
    height = ROW * len(figures) + 8
    description = "; ".join(
        f"{figure.label}: {number_format(figure.value, force_grouping=True)}" for figure in figures
    )
    rows = []
    for position, figure in enumerate(figures):
        top = position * ROW
        length = round(usable * figure.value / largest)
        rows.append(
            format_html(
                '<text x="{}" y="{}" class="chart__label">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" rx="3" class="chart__bar"></rect>'
                '<text x="{}" y="{}" class="chart__value">{}</text>',
                LEFT,
                top + 18,
                figure.label,
                LEFT,
                top + 26,
                max(length, 2),
                BAR,
                LEFT + max(length, 2) + 8,
                top + 43,
                number_format(figure.value, force_grouping=True),
            )
        )
    return format_html(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{rows}</svg>',
        id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        desc=description,
        rows=mark_safe("".join(rows)),  # noqa: S308 - each row built with format_html
    )


def figures_table_rows(figures):
    return format_html_join(
        "",
        "<tr><th scope='row'>{}</th><td>{}</td></tr>",
        ((figure.label, number_format(figure.value, force_grouping=True)) for figure in figures),
    )
