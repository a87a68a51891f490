"""Two-factor authentication for the staff accounts that reach personal data (issue 13)."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from campaign_site.models import QueuedEmail
from campaign_site.staff import ENROL_CODE_TRIES, needs_second_factor
from tests.factories import SuperuserFactory, UserFactory

PASSWORD = "the-right-password"  # noqa: S105


@pytest.fixture
def required(settings):
    settings.STAFF_2FA_REQUIRED = True


def signed_in(user, address):
    client = Client(REMOTE_ADDR=address)
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def code_for(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def editor_with(*codenames):
    user = with_password(UserFactory(username="-".join(codenames) or "plain-editor"))
    group = Group.objects.create(name=f"group-{user.username}")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames),
    )
    user.groups.add(group)
    return user


def test_who_needs_a_second_factor(db):
    assert needs_second_factor(SuperuserFactory())
    assert needs_second_factor(editor_with("export_signature"))
    assert needs_second_factor(editor_with("change_user"))
    # Editing a group's permissions could hand the export right to one's own group.
    assert needs_second_factor(editor_with("change_group"))
    assert not needs_second_factor(editor_with())


def ask_for_a_code(client):
    return client.post("/admin/2fa/enrol/", {"send_code": "1"})


def emailed_code(body):
    return re.search(r"\b\d{6}\b", body).group()


def cooled_down(user):
    """As if the last code was asked for minutes ago (a minute must pass between two)."""
    EmailDevice.objects.filter(user=user).update(
        last_generated_timestamp=timezone.now() - timedelta(minutes=2)
    )


def shows_a_key(response):
    html = response.content.decode()
    return 'src="data:image/svg+xml' in html or "Type this key" in html


def test_enrolment_then_sign_in_with_a_code(required, db, django_capture_on_commit_callbacks):
    admin = with_password(SuperuserFactory(username="boss"))
    client = signed_in(admin, "198.51.100.21")

    # Nothing in the admin opens before a device is enrolled.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/enrol/")

    # The password alone shows no key: the account first proves it reads its email.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert not shows_a_key(page)
    assert 'name="send_code"' in page.content.decode()
    assert not mail.outbox

    sent = ask_for_a_code(client)
    assert sent.status_code == 200
    assert "b…@example.org" in sent.content.decode()
    assert not shows_a_key(sent)
    [message] = mail.outbox
    assert message.to == ["boss@example.org"]
    code = emailed_code(message.body)

    wrong = client.post("/admin/2fa/enrol/", {"email_code": "000000"})
    assert wrong.status_code == 200 and not shows_a_key(wrong)
    assert "not right" in wrong.content.decode()

    proved = client.post("/admin/2fa/enrol/", {"email_code": code, "next": "/admin/"})
    assert proved.status_code == 302
    page = client.get(proved["Location"])
    assert shows_a_key(page)
    device = TOTPDevice.objects.get(user=admin, confirmed=False)

    wrong = client.post("/admin/2fa/enrol/", {"otp_token": "000000"})
    assert wrong.status_code == 200
    assert "not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=admin, confirmed=True).exists()

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above slowed the next try down
    device.save()
    with django_capture_on_commit_callbacks(execute=True):
        enrolled = client.post(
            "/admin/2fa/enrol/", {"otp_token": code_for(device), "next": "/admin/"}
        )
    assert enrolled.status_code == 302
    assert client.get("/admin/").status_code == 200

    # The account is told, and so is the audit log.
    notice = mail.outbox[-1]
    assert notice.to == ["boss@example.org"]
    assert "new authenticator was added" in notice.subject
    assert "If it was not you" in notice.body
    assert ModelLogEntry.objects.filter(
        action="campaign_site.second_factor_added", object_id=str(admin.pk)
    ).exists()

    # The next sign-in asks for a code, and a code opens the admin.
    again = signed_in(admin, "198.51.100.22")
    asked = again.get("/admin/pages/")
    assert asked["Location"].startswith("/admin/2fa/verify/")
    device.refresh_from_db()
    device.last_t = -1  # the same time step may not be used twice
    device.save()
    verified = again.post("/admin/2fa/verify/", {"otp_token": code_for(device), "next": "/admin/"})
    assert verified.status_code == 302 and verified["Location"] == "/admin/"
    assert again.get("/admin/pages/").status_code == 200


def test_a_password_alone_never_enrols_a_device(required, db):
    admin = with_password(SuperuserFactory(username="boss"))
    # A key shown to whoever had the password before email proofs existed.
    seen = TOTPDevice.objects.create(user=admin, name="authenticator", confirmed=False)
    client = signed_in(admin, "198.51.100.26")
    for attempt in ({}, {"otp_token": code_for(seen)}, {"email_code": "123456"}):
        response = client.post("/admin/2fa/enrol/", attempt)
        assert not shows_a_key(response), attempt
    assert not TOTPDevice.objects.filter(user=admin, confirmed=True).exists()
    assert client.get("/admin/").status_code == 302

    # Once the email is proved, the key is a new one: the one seen before is worthless.
    ask_for_a_code(client)
    client.post("/admin/2fa/enrol/", {"email_code": emailed_code(mail.outbox[-1].body)})
    assert not TOTPDevice.objects.filter(pk=seen.pk).exists()
    assert shows_a_key(client.get("/admin/2fa/enrol/"))


def test_expired_and_used_codes_are_refused(required, db):
    admin = with_password(SuperuserFactory(username="boss"))
    client = signed_in(admin, "198.51.100.27")
    ask_for_a_code(client)
    code = emailed_code(mail.outbox[-1].body)
    EmailDevice.objects.filter(user=admin).update(valid_until=timezone.now())
    expired = client.post("/admin/2fa/enrol/", {"email_code": code})
    assert expired.status_code == 200 and not shows_a_key(expired)
    assert "not right, or has expired" in expired.content.decode()

    cooled_down(admin)
    ask_for_a_code(client)
    code = emailed_code(mail.outbox[-1].body)
    assert client.post("/admin/2fa/enrol/", {"email_code": code}).status_code == 302

    # The same code, once more, from another session: spent.
    other = signed_in(admin, "198.51.100.28")
    reused = other.post("/admin/2fa/enrol/", {"email_code": code})
    assert reused.status_code == 200 and not shows_a_key(reused)


def test_too_many_wrong_codes_need_a_new_code(required, db):
    admin = with_password(SuperuserFactory(username="boss"))
    client = signed_in(admin, "198.51.100.29")
    ask_for_a_code(client)
    code = emailed_code(mail.outbox[-1].body)
    wrong = "000000" if code != "000000" else "111111"
    for _attempt in range(ENROL_CODE_TRIES):
        client.post("/admin/2fa/enrol/", {"email_code": wrong})
    refused = client.post("/admin/2fa/enrol/", {"email_code": code})
    assert refused.status_code == 200 and not shows_a_key(refused)
    assert "Too many wrong codes" in refused.content.decode()

    cooled_down(admin)
    ask_for_a_code(client)
    fresh = emailed_code(mail.outbox[-1].body)
    assert client.post("/admin/2fa/enrol/", {"email_code": fresh}).status_code == 302


def test_new_codes_are_limited(required, db):
    admin = with_password(SuperuserFactory(username="boss"))
    client = signed_in(admin, "198.51.100.30")
    assert ask_for_a_code(client).status_code == 200
    # A minute between two codes...
    assert "less than a minute ago" in ask_for_a_code(client).content.decode()
    assert len(mail.outbox) == 1
    # ...and a few an hour for one account, from any address.
    cooled_down(admin)
    assert ask_for_a_code(client).status_code == 200
    cooled_down(admin)
    assert ask_for_a_code(client).status_code == 200
    cooled_down(admin)
    elsewhere = signed_in(admin, "198.51.100.31")
    limited = ask_for_a_code(elsewhere)
    assert limited.status_code == 429
    assert "Too many codes" in limited.content.decode()
    assert len(mail.outbox) == 3


def test_an_account_without_email_asks_a_user_manager(required, db):
    admin = with_password(SuperuserFactory(username="no-mail", email=""))
    client = signed_in(admin, "198.51.100.32")
    page = client.get("/admin/2fa/enrol/")
    assert "Ask a user manager" in page.content.decode()
    assert not shows_a_key(page)
    ask_for_a_code(client)
    assert not mail.outbox
    assert not EmailDevice.objects.exists()


def test_codes_and_notices_leave_through_the_mail_queue(
    required, settings, db, django_capture_on_commit_callbacks
):
    """The code (django-otp writes it) waits in QueuedEmail and expires with itself; the
    notices are queued by their audit-log entry (campaign_site.mail), retried and listed."""
    settings.EMAIL_BACKEND = "campaign_site.mail.QueueBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    admin = with_password(SuperuserFactory(username="boss"))
    client = signed_in(admin, "198.51.100.33")
    ask_for_a_code(client)
    [queued] = QueuedEmail.objects.all()
    assert queued.message["to"] == ["boss@example.org"]
    assert queued.expires_at is not None  # a code is never sent after it expired
    client.post("/admin/2fa/enrol/", {"email_code": emailed_code(queued.message["body"])})
    client.get("/admin/2fa/enrol/")
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    with django_capture_on_commit_callbacks() as queued_tasks:
        client.post("/admin/2fa/enrol/", {"otp_token": code_for(device)})
    assert len(queued_tasks) == 1
    with django_capture_on_commit_callbacks(execute=True):
        queued_tasks[0]()
    [notice] = mail.outbox
    assert "new authenticator was added" in notice.subject

    # An administrator resets the lost phone: the account is told too.
    with django_capture_on_commit_callbacks(execute=True):
        TOTPDevice.objects.filter(user__username="boss").delete()
    removed = mail.outbox[-1]
    assert "removed" in removed.subject
    assert removed.to == ["boss@example.org"]
    assert QueuedEmail.objects.get() == queued  # nothing about the account waits there
    assert ModelLogEntry.objects.filter(action="campaign_site.second_factor_removed").exists()


def test_a_password_alone_is_refused_when_required(required, db):
    admin = with_password(SuperuserFactory(username="boss"))
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    client = signed_in(admin, "198.51.100.23")
    for url in ("/admin/", "/admin/petitions/signatures/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/2fa/verify/")
    refused = client.post("/admin/2fa/verify/", {"otp_token": "123456"})
    assert "not right" in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    assert re.search(r"\d{6}", code_for(device))


def said_to_the_editor(response, field_id):
    """The text the field's aria-describedby points at, if a browser shows it: Wagtail's
    sign-in styles hide the field errors of a .login-form (.login .login-form
    .w-field__errors { display: none }), which the second-factor page has."""
    html = BeautifulSoup(response.content, "html.parser")
    field = html.find(id=field_id)
    said = html.find(id=field.get("aria-describedby", "")) if field else None
    assert said is not None, f"{field_id} points at no message"
    assert said.get("role") == "alert"
    assert not said.find_parent(class_="w-field__errors")
    return said.get_text(" ", strip=True)


def test_a_wrong_code_is_said_where_a_browser_shows_it(required, db):
    admin = with_password(SuperuserFactory(username="boss"))
    client = signed_in(admin, "198.51.100.35")
    ask_for_a_code(client)
    emailed = emailed_code(mail.outbox[-1].body)
    wrong = client.post(
        "/admin/2fa/enrol/", {"email_code": "000000" if emailed != "000000" else "1"}
    )
    assert said_to_the_editor(wrong, "id_email_code").startswith("This code is not right")

    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    client = signed_in(admin, "198.51.100.36")
    code = code_for(device)
    wrong = client.post("/admin/2fa/verify/", {"otp_token": "000000" if code != "000000" else "1"})
    assert said_to_the_editor(wrong, "id_otp_token").startswith("This code is not right")


def test_editors_without_access_to_personal_data_keep_their_password_alone(required, db):
    editor = editor_with("add_page")
    client = signed_in(editor, "198.51.100.24")
    assert client.get("/admin/").status_code == 200


def test_in_development_the_demo_admin_signs_in_with_a_password(settings, db):
    settings.STAFF_2FA_REQUIRED = False
    admin = with_password(SuperuserFactory(username="admin"))
    client = signed_in(admin, "198.51.100.25")
    assert client.get("/admin/").status_code == 200
    assert not mail.outbox  # no code to type either


def test_production_requires_it_unless_told_otherwise():
    import subprocess
    import sys

    script = (
        "import django, os;"
        "os.environ.update(DJANGO_SETTINGS_MODULE='campaign_site.settings.production',"
        "SECRET_KEY='x'*50, ALLOWED_HOSTS='example.org');"
        "django.setup();"
        "from django.conf import settings; print(settings.STAFF_2FA_REQUIRED)"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "True"


def test_the_code_is_emailed_in_the_accounts_language(required, db):
    from wagtail.users.models import UserProfile

    admin = with_password(SuperuserFactory(username="boss"))
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "fr"
    profile.save()
    client = signed_in(admin, "198.51.100.34")
    page = ask_for_a_code(client)
    assert "Nous avons envoyé un code" in page.content.decode()
    [message] = mail.outbox
    assert message.subject == "Votre code pour configurer l’authentification à deux facteurs"
    assert "Votre code\u00a0: " in message.body
