"""StreamField blocks shared by every feature: the story body of news, petitions and profiles.

Page types import `StoryBlock` (or pick its parts) rather than defining their
own copies, so a fix to the image or references block reaches every page.
Every block has a description and a preview value for the admin's block picker.
"""

import re

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "hr"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        help_text=_("Photographer or source, e.g. “Photo: ICRC”."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image.html"
        description = _("A photo with its caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)
    source_url = blocks.URLBlock(label=_("Source link"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        description = _("A quotation with the person or text it comes from.")
        preview_value = {
            "quote": "POWs must be released and repatriated without delay after the end of "
            "hostilities.",
            "attribution": "Third Geneva Convention, Article 118",
        }


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or post URL"), help_text=_("YouTube, Vimeo, X, …"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "blocks/embed.html"
        description = _("A video or social-media post, shown from its own site.")


class ReferenceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Reference"), help_text=_("Author, title, publication."))
    url = blocks.URLBlock(label=_("Link"), required=False)
    date = blocks.DateBlock(label=_("Date"), required=False)

    class Meta:
        icon = "link"
        label = _("Reference")


class ReferencesBlock(blocks.StructBlock):
    """Numbered sources. Writing [1], [2]… in the text links to them, with links back."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, default=_("References"))
    references = blocks.ListBlock(ReferenceBlock(), label=_("References"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered references")
        template = "blocks/references.html"
        description = _("Sources as footnotes. Type [1], [2]… in the text above to link to them.")
        preview_value = {
            "heading": "References",
            "references": [
                {"text": "Trilateral ceasefire statement of 9 November 2020", "url": ""},
                {"text": "PACE, call of 22 April 2021", "url": ""},
            ],
        }


class StoryBlock(blocks.StreamBlock):
    """The body of news items, petitions and profiles."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        description=_("Paragraphs, headings, lists and links."),
        preview_value="<p>Since the ceasefire, Armenian prisoners of war have not been "
        "released [1].</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = CaptionedEmbedBlock()
    references = ReferencesBlock()

    def render(self, value, context=None):
        return link_citations(super().render(value, context), count_references(value))

    def get_api_representation(self, value, context=None):
        """Typed blocks a decoupled front end renders without the database.

        Wagtail gives rich text in its stored form (`<a linktype="page" id="3">`)
        and an image as a bare id; here rich text is rendered HTML with real links
        and citations, and an image carries its renditions.
        """
        return typed_blocks(value, context)


def typed_blocks(stream_value, context=None):
    """Any StreamField's value as the content API gives bodies: `{"type", "id", "value"}`
    per block, rich text rendered (real links, linked citations), images with their
    renditions (`image_api_representation`)."""
    if not stream_value:
        return []
    reference_count = count_references(stream_value)
    return [
        {
            "type": child.block.name,
            "id": child.id,
            "value": _api_value(child.block, child.value, context, reference_count),
        }
        for child in stream_value
    ]


#: Renditions the API gives for each image in a body (name: Wagtail filter spec).
API_RENDITIONS = {"medium": "width-800", "large": "width-1600"}


def _api_value(block, value, context, reference_count):
    if isinstance(block, blocks.RichTextBlock):
        return link_citations(str(value), reference_count) if value is not None else ""
    if isinstance(block, ImageBlock | ImageChooserBlock):
        return image_api_representation(value, context)
    if isinstance(block, blocks.StructBlock):
        return {
            name: _api_value(block.child_blocks[name], child_value, context, reference_count)
            for name, child_value in value.items()
        }
    return block.get_api_representation(value, context=context)


def image_api_representation(image, context=None):
    """An image as the content API shows it: id, alt text and absolute rendition URLs."""
    if image is None:
        return None
    request = (context or {}).get("request")
    renditions = {}
    for name, spec in API_RENDITIONS.items():
        rendition = image.get_rendition(spec)
        url = request.build_absolute_uri(rendition.url) if request else rendition.url
        renditions[name] = {"url": url, "width": rendition.width, "height": rendition.height}
    return {
        "id": image.pk,
        "alt": getattr(image, "contextual_alt_text", None) or image.default_alt_text or "",
        "renditions": renditions,
    }


def count_references(stream_value):
    return sum(
        len(child.value["references"])
        for child in stream_value
        if child.block_type == "references" and isinstance(child.block, ReferencesBlock)
    )


_TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
_CITATION = re.compile(r"\[(\d{1,3})\]")
_BACKLINK = re.compile(r'<a class="backlink" href="#cite-(\d+)"[^>]*>.*?</a>')


def link_citations(html, reference_count):
    """Turn “[n]” in the text into a link to reference n, and n's back-link into a link to it.

    Only numbers that have a reference are linked; the first mention gets the
    anchor the back-link returns to. Text inside links and inside the reference
    list is left alone.
    """
    if not reference_count:
        return html
    cited = set()
    output = []
    inside_link = 0
    inside_references = False

    def cite(match):
        number = int(match.group(1))
        if not 1 <= number <= reference_count:
            return match.group(0)
        anchor = "" if number in cited else f' id="cite-{number}"'
        cited.add(number)
        return f'<sup class="citation"><a href="#ref-{number}"{anchor}>[{number}]</a></sup>'

    for part in _TAG_OR_TEXT.split(str(html)):
        if part.startswith("<"):
            lowered = part.lower()
            if lowered.startswith("<a ") or lowered == "<a>":
                inside_link += 1
            elif lowered == "</a>":
                inside_link = max(0, inside_link - 1)
            elif 'class="references"' in lowered:
                inside_references = True
            output.append(part)
        elif inside_link or inside_references:
            output.append(part)
        else:
            output.append(_CITATION.sub(cite, part))

    linked = "".join(output)
    # A back-link to a number the text never cites would lead nowhere.
    linked = _BACKLINK.sub(
        lambda match: match.group(0) if int(match.group(1)) in cited else "", linked
    )
    return mark_safe(linked)  # noqa: S308 - built from already-escaped block HTML
