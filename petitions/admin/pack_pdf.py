"""The delivery pack as a PDF, drawn with fpdf2 (pure Python) and the Noto fonts.

Noto Sans covers Latin and Cyrillic; Armenian letters fall back to Noto Sans
Armenian. Both ship with the site (campaign_site/fonts, OFL), so a fresh machine
needs nothing installed. Call inside `translation.override(pack language)`: the
words come from the catalogs, the rest from `pack.pack_context`.
"""

import html
import logging
import re
from pathlib import Path

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF

import campaign_site

from .. import conf

FONTS = Path(campaign_site.__file__).resolve().parent / "fonts"
TEXT = "NotoSans"
ARMENIAN = "NotoSansArmenian"
GREY = (74, 74, 74)

# fontTools narrates every font subset at INFO, dozens of lines per PDF.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def _document(language, title):
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    for family, file_stem in ((TEXT, "NotoSans"), (ARMENIAN, "NotoSansArmenian")):
        pdf.add_font(family, "", FONTS / f"{file_stem}-Regular.ttf")
        pdf.add_font(family, "B", FONTS / f"{file_stem}-Bold.ttf")
    pdf.set_fallback_fonts([ARMENIAN])
    pdf.set_lang(language)
    pdf.set_title(title)
    pdf.set_creator("Campaign site")
    pdf.add_page()
    return pdf


def _paragraph(pdf, text, *, size=11, bold=False, colour=(26, 26, 26), space=2):
    pdf.set_font(TEXT, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(space)


def _heading(pdf, text):
    pdf.ln(3)
    _paragraph(pdf, text, size=14, bold=True, space=1)
    pdf.set_draw_color(153, 153, 153)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)


def _plain(rendered_html):
    """Paragraphs of text from rendered rich text: the PDF shows words, not markup."""
    text = re.sub(r"</(p|h\d|li|blockquote|figcaption)>|<br\s*/?>", "\n", str(rendered_html))
    text = html.unescape(strip_tags(text))
    return [line.strip() for line in text.splitlines() if line.strip()]


def _names(pdf, names):
    """Names two to a line, as a grid of cells: one long paragraph of thousands of names
    took minutes to lay out. A name too long for its column gets a whole line."""
    pdf.set_font(TEXT, "", 9)
    pdf.set_text_color(26, 26, 26)
    column, line = pdf.epw / 2, 4.5
    in_left_column = True
    for name in names:
        # Half a line holds about 48 characters at this size; measuring each name
        # (through the fallback font) doubled the time.
        if len(name) > 48:
            if not in_left_column:
                pdf.ln(line)
            pdf.multi_cell(0, line, name, new_x="LMARGIN", new_y="NEXT")
            in_left_column = True
            continue
        if in_left_column:
            pdf.cell(column, line, name, new_x="RIGHT", new_y="TOP")
        else:
            pdf.cell(column, line, name, new_x="LMARGIN", new_y="NEXT")
        in_left_column = not in_left_column
    if not in_left_column:
        pdf.ln(line)


def _delivery_lines(delivery):
    lines = [
        _("Delivered on %(date)s (%(channel)s).")
        % {
            "date": date_format(delivery.delivered_on, "DATE_FORMAT"),
            "channel": delivery.get_channel_display(),
        }
    ]
    if delivery.note:
        lines.append(delivery.note)
    response = _("Response: %(status)s") % {"status": delivery.get_response_status_display()}
    if delivery.response_date:
        response += f" ({date_format(delivery.response_date, 'DATE_FORMAT')})"
    lines.append(response)
    if delivery.response_text:
        lines.append(f"“{delivery.response_text}”")
    return lines


def render_pack_pdf(context):
    page = context["page"]
    petition = context["petition"]
    counts = context["counts"]
    title = page.title if page else petition.title
    pdf = _document(context["pack_language"], title)

    addressee = context["addressee"]
    if addressee is not None:
        _paragraph(pdf, _("To: %(person)s") % {"person": addressee}, bold=True, space=4)
    _paragraph(pdf, title, size=20, bold=True, space=3)
    if page and page.organiser_name:
        started = _("Started by %(organiser)s") % {"organiser": page.organiser_name}
        if page.launch_date:
            started += f" · {date_format(page.launch_date, 'DATE_FORMAT')}"
        _paragraph(pdf, started, size=10, colour=GREY)
    total = ngettext("%(total)s signature", "%(total)s signatures", counts.total) % {
        "total": intcomma(counts.total)
    }
    _paragraph(pdf, total, size=16, bold=True)
    if counts.offline:
        elsewhere = ngettext(
            "Including %(number)s signature gathered elsewhere",
            "Including %(number)s signatures gathered elsewhere",
            counts.offline,
        ) % {"number": intcomma(counts.offline)}
        note = f" ({page.offline_note})" if page and page.offline_note else ""
        _paragraph(pdf, f"{elsewhere}{note}.")
    _paragraph(
        pdf,
        _("Figures as of %(date)s.")
        % {"date": date_format(context["generated_at"], "DATE_FORMAT")},
        size=10,
        colour=GREY,
    )

    if context["decision_makers"] and addressee is None:
        _heading(pdf, _("Addressed to"))
        for person in context["decision_makers"]:
            _paragraph(pdf, f"• {person}", space=0)

    if page:
        if page.lead:
            pdf.ln(2)
            _paragraph(pdf, page.lead, bold=True)
        if page.demands:
            _heading(pdf, _("What we ask"))
            for number, demand in enumerate(page.demands, start=1):
                _paragraph(pdf, f"{number}. {demand.value}", space=1)
        if page.body:
            _heading(pdf, _("Why this petition matters"))
            for block in page.body:
                for line in _plain(block.render()):
                    _paragraph(pdf, line)

    if context["deliveries"]:
        _heading(pdf, _("Deliveries and responses"))
        for delivery in context["deliveries"]:
            if addressee is None:
                _paragraph(pdf, delivery.decision_maker_name, bold=True, space=0)
            for line in _delivery_lines(delivery):
                _paragraph(pdf, line, space=0)
            pdf.ln(2)

    _heading(pdf, _("Where signers come from"))
    rows = [(row["name"], row["count"]) for row in context["country_counts"]]
    if context["country_counts_other"]:
        rows.append((_("Other countries or not stated"), context["country_counts_other"]))
    if counts.offline:
        rows.append((_("Gathered elsewhere"), counts.offline))
    pdf.set_font(TEXT, "", 10)
    pdf.set_text_color(26, 26, 26)
    with pdf.table(
        col_widths=(4, 1),
        text_align=("LEFT", "RIGHT"),
        first_row_as_headings=True,
        line_height=6,
    ) as table:
        table.row([_("Country"), _("Signatures")])
        for name, count in rows:
            table.row([str(name), intcomma(count)])

    _heading(pdf, _("Signers who agreed to be named"))
    named = context["named_signers"]
    if named:
        _paragraph(
            pdf,
            ngettext(
                "%(counter)s signer agreed to have their name delivered.",
                "%(counter)s signers agreed to have their names delivered.",
                len(named),
            )
            % {"counter": len(named)},
            size=10,
            colour=GREY,
        )
        limit = conf.get("PETITIONS_PACK_PDF_MAX_NAMES")
        _names(
            pdf,
            (
                f"{first} {last}" + (f" ({country})" if country else "")
                for first, last, country in named[:limit]
            ),
        )
        if len(named) > limit:
            pdf.ln(2)
            _paragraph(
                pdf,
                ngettext(
                    "And %(number)s more: the printable page lists every name.",
                    "And %(number)s more: the printable page lists every name.",
                    len(named) - limit,
                )
                % {"number": intcomma(len(named) - limit)},
                bold=True,
            )
    else:
        _paragraph(pdf, _("No signer has agreed to be named yet."))
    return bytes(pdf.output())
