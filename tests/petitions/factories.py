"""Petitions, signatures and form data for the petition tests."""

import itertools
import time
from unittest import mock

from campaign_site.abuse import HONEYPOT_FIELD, TOKEN_FIELD, issue_form_token
from petitions.forms import form_token_scope
from petitions.models import PetitionDecisionMaker, PetitionPage
from petitions.signing import sign
from tests.factories import publish_translation_of

_numbers = itertools.count(1)


def make_petition(home, *, title="Free the prisoners", decision_makers=2, **fields):
    """A published English petition under `home`, with `decision_makers` people."""
    number = next(_numbers)
    page = PetitionPage(
        title=title,
        slug=fields.pop("slug", f"petition-{number}"),
        lead="Bring them home.",
        demands=[("demand", "Release every prisoner."), ("demand", "Let observers visit.")],
        body=[
            ("paragraph", "<p>They are held after the ceasefire [1].</p>"),
            ("references", {"heading": "References", "references": [{"text": "Statement"}]}),
        ],
        organiser_name="Campaign group",
        **fields,
    )
    page.decision_makers = [
        PetitionDecisionMaker(name=f"Decision maker {n}", role="Minister", organisation="State")
        for n in range(1, decision_makers + 1)
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, language_code, **fields):
    """A published translation of a petition page, made the way Wagtail copies for translators."""
    return publish_translation_of(page, language_code, **fields)


def letters(n):
    """A number written in letters (names may not hold digits): 0 → "a", 27 → "bb"."""
    text = ""
    while True:
        n, digit = divmod(n, 26)
        text = chr(97 + digit) + text
        if not n:
            return text


def signer(n=None, **overrides):
    n = n if n is not None else next(_numbers)
    data = {
        "first_name": f"Anna{letters(n).capitalize()}",
        "last_name": f"Privatesurname-{letters(n)}",
        "email": f"signer-{n}-{time.time_ns()}@example.org",
        "country": "FR",
        "contact_consent": False,
        "named_consent": False,
    }
    data.update(overrides)
    return data


def add_signatures(petition, count, *, confirmed=True, country="FR", language="en"):
    """`count` signatures through the signing service, as imports (no limits, no email)."""
    from petitions.models import SignatureSource

    results = [
        sign(
            petition,
            signer(country=country),
            source=SignatureSource.IMPORT,
            language=language,
            confirmed=confirmed,
            notify=False,
        )
        for _ in range(count)
    ]
    assert all(result.signature for result in results), [r.errors for r in results]
    return [result.signature for result in results]


def form_token(page_or_petition, *, age=10):
    """The sign form's token of a petition, as if the form was shown `age` seconds ago."""
    petition = getattr(page_or_petition, "petition", page_or_petition)
    with mock.patch("time.time", return_value=time.time() - age):
        return issue_form_token(form_token_scope(petition))


def form_post(page, data=None, *, age=10, **overrides):
    """POST data for the public form, with a token issued `age` seconds ago."""
    values = dict(data or signer())
    values.update(overrides)
    values.setdefault(TOKEN_FIELD, form_token(page, age=age))
    values.setdefault(HONEYPOT_FIELD, "")
    for name in ("contact_consent", "named_consent"):
        if not values.get(name):
            values.pop(name, None)
    return values
