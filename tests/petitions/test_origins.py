"""The server decides who may sign (petitions.origins), for the page, the widget and the API."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from petitions.models import Partner, Signature, SignatureSource
from petitions.models.partners import hash_secret, normalize_origin

from .factories import form_post, signer

OWN = "http://testserver"
PARTNER = "https://partner.example"
EVIL = "https://evil.example"


@pytest.fixture
def partner(db):
    return Partner.objects.create(
        name="Diaspora news", website=PARTNER, allowed_origins=PARTNER, restrict_signing=True
    )


@pytest.fixture
def other_partner(db):
    return Partner.objects.create(name="Other", allowed_origins="https://other.example")


def browser(**headers):
    """A visitor's browser; what it names as the page it posts from is in `headers`."""
    browser.count = getattr(browser, "count", 0) + 1
    return Client(
        REMOTE_ADDR=f"10.66.{browser.count // 250}.{browser.count % 250 + 1}", headers=headers
    )


def api_sign(client, page, *, lang="en", **data):
    return client.post(
        f"/api/widgets/petitions/{page.pk}/signatures?lang={lang}",
        signer(**data),
        content_type="application/json",
    )


def test_api_from_an_unregistered_origin_is_refused_in_json_and_in_the_signers_language(
    petition_page,
):
    response = api_sign(browser(origin=EVIL), petition_page, lang="fr")
    assert response.status_code == 403
    assert response.json()["outcome"] == "refused"
    assert "ne peut pas être signée depuis ce site" in response.json()["message"]
    assert not Signature.objects.exists()


def test_a_text_plain_post_from_another_site_is_refused_too(petition_page):
    # Browsers send text/plain without a preflight: CORS never stops it, the server must.
    response = browser(origin=EVIL).post(
        f"/api/widgets/petitions/{petition_page.pk}/signatures",
        json.dumps(signer()),
        content_type="text/plain",
    )
    assert response.status_code in (400, 403)
    assert not Signature.objects.exists()


def test_api_from_a_registered_partners_origin_signs(petition_page, other_partner):
    response = api_sign(browser(origin="https://other.example"), petition_page)
    assert response.status_code == 201


def test_referer_stands_in_for_a_missing_origin(petition_page, other_partner):
    assert (
        api_sign(browser(referer="https://other.example/news/1"), petition_page).status_code == 201
    )
    assert api_sign(browser(referer=f"{EVIL}/page"), petition_page).status_code == 403


def test_an_opaque_origin_is_no_site_we_can_allow(petition_page):
    assert api_sign(browser(origin="null"), petition_page).status_code == 403


def test_a_restricted_partner_is_credited_only_from_its_own_origins(
    petition_page, partner, other_partner
):
    elsewhere = api_sign(
        browser(origin="https://other.example"), petition_page, partner=partner.key
    )
    at_home = api_sign(browser(origin=PARTNER), petition_page, partner=partner.key)
    assert elsewhere.status_code == 403
    assert at_home.status_code == 201
    assert Signature.objects.get().partner_ref == partner.key


def test_a_server_without_origin_needs_the_partners_secret(petition_page, partner):
    secret = partner.new_secret()
    anonymous = api_sign(browser(), petition_page)
    wrong = api_sign(browser(authorization="Bearer not-the-key"), petition_page)
    someone_elses = api_sign(
        browser(authorization=f"Bearer {secret}"), petition_page, partner="another-key"
    )
    right = api_sign(browser(authorization=f"Bearer {secret}"), petition_page)

    assert (anonymous.status_code, wrong.status_code) == (401, 401)
    assert "secret key" in anonymous.json()["message"]
    assert someone_elses.status_code == 201  # an unknown public key: the secret names the partner
    assert right.status_code == 201
    assert Signature.objects.filter(partner_ref=partner.key).exists()
    partner.refresh_from_db()
    assert partner.secret_hash == hash_secret(secret) and secret not in partner.secret_hash


def test_the_page_form_refuses_another_site_and_keeps_what_was_typed(petition_page):
    data = form_post(petition_page, signer(first_name="Mariam"))
    response = browser(origin=EVIL).post(f"/en/petitions/sign/{petition_page.pk}/", data)
    assert response.status_code == 403
    body = response.content.decode()
    assert "cannot be signed from this website" in body
    assert 'value="Mariam"' in body
    assert not Signature.objects.exists()


def test_the_widget_honours_a_restricted_partner_as_the_api_does(
    petition_page, partner, other_partner
):
    url = f"/embed/petition/{petition_page.pk}/?partner={partner.key}"
    forged = browser(origin="https://other.example").post(url, form_post(petition_page))
    evil = browser(origin=EVIL).post(url, form_post(petition_page))
    # Inside the frame the form posts from the site's own origin; frame-ancestors lets
    # only the partner's pages show that frame.
    framed = browser(origin=OWN).post(url, form_post(petition_page))
    assert (forged.status_code, evil.status_code, framed.status_code) == (403, 403, 200)
    assert Signature.objects.get().source == SignatureSource.WIDGET


def test_a_header_less_form_post_is_no_browser_and_is_refused(petition_page):
    response = browser().post(f"/en/petitions/sign/{petition_page.pk}/", form_post(petition_page))
    assert response.status_code == 401
    assert not Signature.objects.exists()


def test_a_partners_server_is_told_that_an_address_has_already_signed(petition_page, partner):
    """Unlike a browser (tests/test_partner_api.py), the holder of the secret key keeps its
    own list of signers and is told, as the API documents."""
    secret = partner.new_secret()
    server = browser(authorization=f"Bearer {secret}")
    first = api_sign(server, petition_page, email="known@example.org")
    again = api_sign(server, petition_page, email="known@example.org")
    assert (first.status_code, first.json()["outcome"]) == (201, "signed")
    assert (again.status_code, again.json()["outcome"]) == (200, "already_signed")


def test_editors_see_a_new_secret_once_and_only_its_hash_is_kept(admin_client, partner):
    url = reverse("petitions_partner:secret", args=[partner.pk])
    assert "Create a new secret key" in admin_client.get(url).content.decode()
    edit = admin_client.get(reverse("petitions_partner:edit", args=[partner.pk]))
    assert url in edit.content.decode()

    created = admin_client.post(url)
    secret = created.context["secret"]
    assert secret in created.content.decode()
    assert "no-store" in created["Cache-Control"]
    partner.refresh_from_db()
    assert partner.secret_matches(secret)
    assert secret not in admin_client.get(url).content.decode()
    assert Partner.for_secret(secret) == partner


def test_only_editors_who_may_change_partners_create_secrets(client, partner, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(reverse("petitions_partner:secret", args=[partner.pk]))
    assert response.status_code in (302, 403)
    partner.refresh_from_db()
    assert not partner.secret_hash


@pytest.mark.parametrize("typed", ["https://partner.example:99999", "http://[::1", "https://x:abc"])
def test_an_origin_no_browser_could_send_is_a_clear_error_for_editors(db, typed):
    partner = Partner(name="Typo", allowed_origins=f"https://ok.example\n{typed}")
    with pytest.raises(ValidationError) as refused:
        partner.full_clean()
    assert typed in str(refused.value.message_dict["allowed_origins"])


def test_a_default_port_is_the_origin_browsers_send(petition_page):
    # Browsers leave :443 and :80 out of Origin: an editor who typed them still matches.
    Partner.objects.create(
        name="Ported", allowed_origins="https://ported.example:443\nhttp://plain.example:80"
    ).full_clean()
    assert api_sign(browser(origin="https://ported.example"), petition_page).status_code == 201
    assert api_sign(browser(origin="http://plain.example"), petition_page).status_code == 201
    assert api_sign(browser(origin="https://ported.example:8443"), petition_page).status_code == 403


def test_an_international_partner_matches_the_origin_browsers_send(petition_page):
    partner = Partner(name="Armenian news", allowed_origins="https://Լուրեր.հայ")
    partner.full_clean()
    partner.save()
    # Browsers write a host in its ASCII (IDNA) form; CSP frame-ancestors needs it too.
    assert partner.origins == ["https://xn--29an0b6abj.xn--y9a3aq"]
    origin = "https://xn--29an0b6abj.xn--y9a3aq"
    assert api_sign(browser(origin=origin), petition_page).status_code == 201


@pytest.mark.parametrize(
    "forged", ["https://a\x00b.example", "https://a b.example", "https://*.example", "http://[::1"]
)
def test_a_host_no_browser_sends_names_no_origin(forged):
    # Never compared with the database: PostgreSQL refuses a NUL byte in a query.
    assert normalize_origin(forged) is None


def test_origins_saved_before_a_normalisation_rule_match_once_migrated(petition_page):
    """Rows stored before IDNA and default ports were normalised: the migration stores
    them as compared, so the page form's check and the API's agree on them."""
    import importlib

    from django.apps import apps

    partner = Partner.objects.create(name="Old row", allowed_origins="https://other.example")
    Partner.objects.filter(pk=partner.pk).update(
        allowed_origins="https://Լուրեր.հայ:443\nhttps://Լուրեր.հայ"
    )
    importlib.import_module("petitions.migrations.0012_store_partner_origins_normalised").normalise(
        apps, None
    )

    partner.refresh_from_db()
    origin = "https://xn--29an0b6abj.xn--y9a3aq"
    assert partner.allowed_origins == origin
    assert partner.allows_origin(origin)
    assert Partner.origin_is_registered(origin)
    assert api_sign(browser(origin=origin), petition_page).status_code == 201
