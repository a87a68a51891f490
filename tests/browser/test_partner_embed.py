"""A partner site on another origin embeds a petition with the loader, and signs through it."""

import functools
import http.server
import json
import re
import threading

import pytest
from playwright.sync_api import expect

from petitions.models import Partner, Signature, SignatureSource
from tests.petitions.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_forms(settings):
    settings.PETITIONS_FORM_MIN_SECONDS = 0


@pytest.fixture
def partner_site(tmp_path):
    """A static page served from its own port: a different origin from the campaign site."""

    def serve(html):
        # Each site a folder of its own, so a second site never replaces the first's page.
        folder = tmp_path / f"site-{len(servers)}"
        folder.mkdir()
        (folder / "index.html").write_text(html, encoding="utf-8")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
        handler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    servers = []
    yield serve
    for server in servers:
        server.shutdown()


def test_partner_page_embeds_signs_and_is_credited(live_server, home_pages, page, partner_site):
    petition = make_petition(home_pages["en"], offline_count=7, count_unconfirmed=True)
    partner = Partner.objects.create(name="Diaspora news", allowed_origins="http://127.0.0.1")
    url = partner_site(
        f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner news</title>
        </head><body><main><h1>Partner news</h1><p>Sign the campaign's petition:</p>
        <script async src="{live_server.url}/embed.js"></script>
        <div data-campaign-embed="petition" data-id="{petition.pk}" data-lang="fr"
             data-partner="{partner.key}" data-title="Pétition"></div></main></body></html>"""
    )
    assert not url.startswith(live_server.url)

    page.goto(url)
    iframe = page.locator("iframe[name^=campaign-embed]")
    expect(iframe).to_have_attribute("src", re.compile(rf"/embed/petition/{petition.pk}/\?"))
    widget = page.frame_locator("iframe[name^=campaign-embed]")
    expect(widget.locator("#petition-count")).to_have_text(re.compile(r"^\s*7\s+signatures\s*$"))

    # The loader sizes the iframe to the widget: no inner scrollbar, no fixed 480 px.
    expect(iframe).not_to_have_css("height", "480px")
    # The widget posts its height again as its fonts load: wait for the last one (CI's
    # loaded machine saw the frame read between two of them).
    for _attempt in range(50):
        height = iframe.evaluate("frame => frame.getBoundingClientRect().height")
        inner = widget.locator("html").evaluate("html => html.getBoundingClientRect().height")
        if abs(height - inner) <= 2:
            break
        page.wait_for_timeout(100)
    assert abs(height - inner) <= 2

    widget.get_by_role("textbox", name="Prénom").fill("Ani")
    widget.get_by_role("textbox", name="Nom", exact=True).fill("Privatesurname")
    widget.get_by_role("textbox", name="Adresse e-mail").fill("ani@example.org")
    widget.get_by_role("combobox", name="Pays").select_option("AM")
    widget.get_by_role("button", name="Signer la pétition").click()

    expect(widget.get_by_role("heading", name=re.compile("Merci"))).to_be_visible()
    expect(widget.locator("#petition-count")).to_have_text(re.compile(r"^\s*8\s+signatures\s*$"))
    signature = Signature.objects.get()
    assert (signature.source, signature.partner_ref, signature.language) == (
        SignatureSource.WIDGET,
        partner.key,
        "fr",
    )
    # The partner page itself never received the signer's address.
    assert "ani@example.org" not in page.content()


def test_wagtail_oembed_finder_embeds_a_petition_url(live_server, home_pages, settings):
    from wagtail.embeds.embeds import get_embed

    petition = make_petition(home_pages["en"])
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {"endpoint": f"{live_server.url}/oembed", "urls": [r"^http://localhost/.+$"]}
            ],
        }
    ]
    from wagtail.embeds.finders import get_finders

    get_finders.cache_clear()  # finders are built once from settings
    try:
        embed = get_embed(f"http://localhost{petition.url}")
    finally:
        get_finders.cache_clear()

    assert embed.type == "rich"
    assert f"/embed/petition/{petition.pk}/" in embed.html
    assert embed.html.startswith("<iframe")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_widgets_are_accessible_in_both_themes(live_server, home_pages, page, accessibility, theme):
    petition = make_petition(home_pages["en"])
    page.goto(f"{live_server.url}/embed/petition/{petition.pk}/?lang=hy&theme={theme}")
    expect(page.locator("html")).to_have_attribute("lang", "hy")
    accessibility(page)


SIGN_BY_FETCH = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
</head><body><main><h1>{title}</h1><p id="result">waiting</p><script>
fetch("{api}", {{method: "POST", mode: "{mode}", headers: {{"Content-Type": "{content_type}"}},
  body: JSON.stringify({body})}})
  .then(r => {{ document.getElementById("result").textContent = "answered " + r.status; }})
  .catch(() => {{ document.getElementById("result").textContent = "blocked"; }});
</script></main></body></html>"""


def test_a_partner_page_signs_through_the_api_and_an_unregistered_one_is_refused(
    live_server, home_pages, page, partner_site
):
    from tests.petitions.factories import form_post, signer

    petition = make_petition(home_pages["en"])
    api = f"{live_server.url}/api/widgets/petitions/{petition.pk}/signatures?lang=fr"
    partner_url = partner_site(
        SIGN_BY_FETCH.format(
            title="Partner",
            api=api,
            mode="cors",
            content_type="application/json",
            body=json.dumps(signer(email="partner-visitor@example.org")),
        )
    )
    Partner.objects.create(name="Diaspora news", allowed_origins=partner_url.rstrip("/"))
    page.goto(partner_url)
    expect(page.locator("#result")).to_have_text("answered 201")
    assert Signature.objects.get().email == "partner-visitor@example.org"

    # An unregistered site: a JSON fetch fails its preflight, and a text/plain one, which
    # needs none, reaches the server and is refused there.
    for mode, content_type, expected in (
        ("cors", "application/json", "blocked"),
        ("no-cors", "text/plain", "answered 0"),
    ):
        stranger = partner_site(
            SIGN_BY_FETCH.format(
                title="Stranger",
                api=api,
                mode=mode,
                content_type=content_type,
                body=json.dumps(signer(email="stranger-visitor@example.org")),
            )
        )
        page.goto(stranger)
        expect(page.locator("#result")).to_have_text(expected)

    # A plain form on the stranger's page, sent by the visitor's browser, is refused clearly.
    fields = "".join(
        f'<input type="hidden" name="{name}" value="{value}">'
        for name, value in form_post(petition, signer(email="stranger-form@example.org")).items()
    )
    sign_url = f"{live_server.url}/en/petitions/sign/{petition.pk}/"
    stranger = partner_site(
        f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Stranger</title>
        </head><body><main><form method="post" action="{sign_url}">
        {fields}<button>Sign</button></form></main></body></html>"""
    )
    page.goto(stranger)
    page.get_by_role("button", name="Sign").click()
    expect(page.get_by_text("This petition cannot be signed from this website.")).to_be_visible()
    assert Signature.objects.count() == 1
