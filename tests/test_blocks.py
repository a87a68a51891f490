"""The shared story blocks: numbered references become linked footnotes."""

import pytest
from wagtail.blocks import StreamValue

from campaign_site.blocks import StoryBlock, link_citations


def test_citations_link_to_references_and_back():
    html = link_citations(
        "<p>Over 200 POWs [1] were not released [2]; see [1] and [9].</p>"
        '<ol class="references"><li id="ref-1">Statement [1]'
        '<a class="backlink" href="#cite-1" aria-label="Back">↩</a></li>'
        '<li id="ref-2">PACE<a class="backlink" href="#cite-2" aria-label="Back">↩</a></li>'
        '<li id="ref-3">Unused<a class="backlink" href="#cite-3" aria-label="Back">↩</a></li></ol>',
        reference_count=3,
    )

    assert '<sup class="citation"><a href="#ref-1" id="cite-1">[1]</a></sup>' in html
    # The second mention links too, without repeating the anchor id.
    assert html.count('id="cite-1"') == 1
    assert html.count('href="#ref-1"') == 2
    assert '<a href="#ref-2" id="cite-2">[2]</a>' in html
    # No reference 9: left as typed.
    assert "[9]" in html and "#ref-9" not in html
    # Reference 3 is never cited, so it gets no dangling back-link.
    assert 'href="#cite-3"' not in html
    # Text inside the reference list is not turned into a citation.
    assert "Statement [1]" in html


def test_text_inside_links_is_left_alone():
    html = link_citations('<p><a href="https://example.org">[1]</a> and [1]</p>', 1)
    assert '<a href="https://example.org">[1]</a>' in html
    assert html.count('id="cite-1"') == 1


@pytest.mark.django_db
def test_story_block_renders_references_as_footnotes():
    block = StoryBlock()
    value = StreamValue(
        block,
        [
            ("paragraph", "<p>Released without delay [1].</p>"),
            (
                "references",
                {
                    "heading": "References",
                    "references": [
                        {"text": "Geneva Convention III", "url": "https://example.org/gc3"}
                    ],
                },
            ),
        ],
        is_lazy=False,
    )
    value = block.to_python(block.get_prep_value(value))

    html = block.render(value)

    assert 'href="#ref-1" id="cite-1"' in html
    assert '<li id="ref-1">' in html
    assert 'href="#cite-1"' in html
    assert 'href="https://example.org/gc3"' in html
