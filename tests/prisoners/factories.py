"""Factories for prisoner profiles, their index, and sponsorships."""

import datetime
import io

import factory
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile

from prisoners.models import (
    Answer,
    Category,
    PrisonerIndexPage,
    PrisonerPage,
    Sponsorship,
    SponsorType,
    Status,
)
from prisoners.visibility import Consent, Visibility


class PrisonerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PrisonerIndexPage

    title = "Prisoners"
    slug = "prisoners"
    data_licence = "CC-BY-4.0"
    data_attribution = "Test campaign"


class PrisonerPageFactory(wagtail_factories.PageFactory):
    """A full, consented profile of a sentenced prisoner of war; override what a test needs."""

    class Meta:
        model = PrisonerPage

    title = factory.Sequence(lambda n: f"Test Person {n}")
    slug = factory.Sequence(lambda n: f"test-person-{n}")
    category = Category.PRISONER_OF_WAR
    status = Status.SENTENCED
    captured_on = datetime.date(2020, 11, 3)
    sentence_years = 6
    consent = Consent.GIVEN
    visibility = Visibility.FULL
    acknowledged = Answer.YES
    icrc_registration = Answer.YES


class SponsorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sponsorship

    sponsor_type = SponsorType.MUNICIPALITY
    name = factory.Sequence(lambda n: f"Town Council {n}")
    country = "FR"
    city = "Exampleville"
    contact_person = "Claire Contact"
    email = factory.Sequence(lambda n: f"council{n}@example.org")
    statement = "We stand with them."
    consent_to_list = True
    status = Sponsorship.Status.APPROVED
    language = "en"


def pdf_upload(name="resolution.pdf", size=None, content_type="application/pdf", body=None):
    """A small but real PDF file as a browser would upload it."""
    data = body if body is not None else make_pdf()
    if size is not None:
        data = data + b"%" * (size - len(data))
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_pdf():
    """A minimal valid one-page PDF."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
