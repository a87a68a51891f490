"""A prisoner's profile page. What the public sees of it is decided by `prisoners.visibility`."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.blocks import StoryBlock
from campaign_site.embeds import EmbeddableMixin, EmbedPanel
from campaign_site.models import site_identity
from campaign_site.pages import ShareablePageMixin
from campaign_site.share_cards import ShareCard
from campaign_site.storage import PRIVATE_MARKER
from campaign_site.translation import page_fields

from ..cards import CARD_PHOTO
from ..context import profile_context, public_summary
from ..facts import (
    CAPTIVITY_ENDED,
    STILL_HELD,
    Answer,
    AppealOutcome,
    Category,
    Compliance,
    ContactChannel,
    Status,
    can_be_sponsored,
    searchable_text,
)
from ..page_form import PrisonerPageForm
from ..permissions import public_text_only
from ..serializers import PublicBiographyField, PublicCardField, PublicProfileField
from ..templatetags.prisoner_tags import days_phrase
from ..visibility import (
    Consent,
    Visibility,
    capped,
    highest_visibility_allowed,
    is_publicly_visible,
    not_fully_visible,
    public_profile,
    publicly_visible,
    visible_fields,
)
from .prisoner import (
    FACTS,
    Prisoner,
    fact_from_json,
    fact_to_json,
    last_icrc_visit,
    normalized_events,
)
from .querysets import PrisonerPageManager
from .sponsorship import Sponsorship

# Where a page keeps the facts set on it until they are published, and their key in
# its revisions.
PENDING_FACTS = "_pending_prisoner_facts"
REVISION_KEY = "prisoner_facts"


def choice_label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value


def prisoner_fact(name):
    """A fact of the shared Prisoner, read and set through the page (see `facts`)."""

    def read(page):
        pending = page.__dict__.get(PENDING_FACTS)
        if pending and name in pending:
            value = pending[name]
            if name == "photo" and isinstance(value, int):  # a revision keeps the image's id
                value = pending[name] = get_image_model().objects.filter(pk=value).first()
            return value
        record = page.prisoner_record
        return getattr(record, name) if record is not None else Prisoner.default_fact(name)

    def write(page, value):
        value = fact_from_json(name, value)  # "2024-01-19" is a date, as for a model field
        page.__dict__[PENDING_FACTS] = {**page.__dict__.get(PENDING_FACTS, {}), name: value}

    return property(read, write)


class PrisonerPage(EmbeddableMixin, ShareablePageMixin, Page):
    """One detained person. What the public sees is decided by `prisoners.visibility`."""

    name_native = models.CharField(
        _("name in the original script"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the name in Armenian letters."),
    )
    other_spellings = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_(
            "One per line: transliterations and the spellings used by courts, the ICRC or "
            "the press. Visitors find the person by any of them."
        ),
    )
    photo_credit = models.CharField(_("photo credit"), max_length=255, blank=True)

    capture_place = models.CharField(_("place of capture"), max_length=255, blank=True)
    home_town = models.CharField(_("home town"), max_length=255, blank=True)
    occupation = models.CharField(_("occupation"), max_length=255, blank=True)
    biography = StreamField(StoryBlock(), verbose_name=_("biography"), blank=True)

    charges = models.TextField(_("charges"), blank=True)
    court = models.CharField(_("court"), max_length=255, blank=True)
    appeal_court = models.CharField(
        _("appeal court"),
        max_length=255,
        blank=True,
        help_text=_("The court hearing the appeal; its dates and outcome are on the Facts tab."),
    )
    health_concerns = models.TextField(
        _("health concerns"),
        blank=True,
        help_text=_(
            "Private by default: shown on a full profile only when “show the health "
            "concerns publicly” is ticked (only then is it sent to translators)."
        ),
    )
    # Folded names in every spelling, for the index's search box.
    name_search = models.TextField(editable=False, blank=True, default="")

    # The facts that do not depend on the language live once per person, on the
    # Prisoner every translation points at. Editors set them here, on the source page:
    # they travel in its revisions (drafts, workflows, scheduled publishing) and apply
    # to every translation when it is published (prisoners.signals.facts_published).
    prisoner = models.ForeignKey(
        Prisoner,
        verbose_name=_("prisoner"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="pages",
    )
    category = prisoner_fact("category")
    status = prisoner_fact("status")
    photo = prisoner_fact("photo")
    captured_on = prisoner_fact("captured_on")
    born_on = prisoner_fact("born_on")
    age_at_capture = prisoner_fact("age_at_capture")
    icrc_registration = prisoner_fact("icrc_registration")
    acknowledged = prisoner_fact("acknowledged")
    detention_place = prisoner_fact("detention_place")
    sentenced_on = prisoner_fact("sentenced_on")
    sentence_years = prisoner_fact("sentence_years")
    expected_release_on = prisoner_fact("expected_release_on")
    released_on = prisoner_fact("released_on")
    consent = prisoner_fact("consent")
    visibility = prisoner_fact("visibility")
    consent_notes = prisoner_fact("consent_notes")
    is_sample = prisoner_fact("is_sample")
    letters_shown = prisoner_fact("letters_shown")
    appeal_lodged_on = prisoner_fact("appeal_lodged_on")
    appeal_outcome = prisoner_fact("appeal_outcome")
    appeal_decided_on = prisoner_fact("appeal_decided_on")
    echr_application = prisoner_fact("echr_application")
    echr_lodged_on = prisoner_fact("echr_lodged_on")
    echr_interim_measure = prisoner_fact("echr_interim_measure")
    echr_interim_measure_on = prisoner_fact("echr_interim_measure_on")
    echr_compliance = prisoner_fact("echr_compliance")
    family_contact_on = prisoner_fact("family_contact_on")
    family_contact_channel = prisoner_fact("family_contact_channel")
    family_contact_public = prisoner_fact("family_contact_public")
    health_noted_on = prisoner_fact("health_noted_on")
    health_public = prisoner_fact("health_public")
    detention_events = prisoner_fact("detention_events")

    @property
    def icrc_last_visit_on(self):
        """The latest ICRC visit: from the rows set on this page (a draft, a preview),
        otherwise as the record keeps it (no query for the rows)."""
        pending = self.__dict__.get(PENDING_FACTS)
        if pending and "detention_events" in pending:
            return last_icrc_visit(normalized_events(pending["detention_events"]))
        record = self.prisoner_record
        return record.icrc_last_visit_on if record is not None else None

    objects = PrisonerPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("name_native"),
                FieldPanel("other_spellings"),
                FieldPanel("photo_credit"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capture_place"),
                FieldRowPanel([FieldPanel("home_town"), FieldPanel("occupation")]),
            ],
            heading=_("Capture and personal details"),
        ),
        FieldPanel("biography"),
        MultiFieldPanel(
            [
                FieldPanel("charges"),
                FieldPanel("court"),
                FieldPanel("appeal_court"),
            ],
            heading=_("Detention and trial"),
        ),
        InlinePanel("timeline", label=_("Timeline"), heading=_("Timeline")),
        InlinePanel("sources", label=_("Sources"), heading=_("Sources")),
    ]
    # The Prisoner's facts (prisoners.page_form offers them on the source page only).
    facts_panels = [
        HelpPanel(
            _(
                "These facts are the same in every language. They are changed on the page "
                "they were first written on, and publishing that page applies them to "
                "every translation at once."
            )
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("status")]),
                FieldPanel("photo"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("captured_on"),
                FieldRowPanel([FieldPanel("born_on"), FieldPanel("age_at_capture")]),
            ],
            heading=_("Capture and personal details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("detention_place"),
                FieldPanel("icrc_registration"),
                FieldPanel("acknowledged"),
            ],
            heading=_("Detention"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("sentenced_on"), FieldPanel("sentence_years")]),
                FieldRowPanel([FieldPanel("expected_release_on"), FieldPanel("released_on")]),
            ],
            heading=_("Trial and release"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("appeal_lodged_on"), FieldPanel("appeal_decided_on")]),
                FieldPanel("appeal_outcome"),
            ],
            heading=_("Appeal"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("echr_application"), FieldPanel("echr_lodged_on")]),
                FieldRowPanel(
                    [FieldPanel("echr_interim_measure"), FieldPanel("echr_interim_measure_on")]
                ),
                FieldPanel("echr_compliance"),
            ],
            heading=_("European Court of Human Rights"),
        ),
        FieldPanel("detention_events", heading=_("ICRC visits and transfers")),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "Private by default. Tick “show publicly” only when the family "
                        "agrees: the public then sees them on a full profile and in the "
                        "open data, never on a name-only profile."
                    )
                ),
                FieldRowPanel(
                    [FieldPanel("family_contact_on"), FieldPanel("family_contact_channel")]
                ),
                FieldPanel("family_contact_public"),
                FieldPanel("health_concerns"),
                FieldRowPanel([FieldPanel("health_noted_on"), FieldPanel("health_public")]),
            ],
            heading=_("Family contact and health (private)"),
        ),
    ]
    safety_panels = [
        HelpPanel(
            _(
                "Full profile: everything. Name only: the name and the facts of the "
                "detention; no photo, biography, personal details, timeline or sources. "
                "Counted but not shown: the person counts in the figures and the page is "
                "a 404 for the public. The family's consent limits the visibility: a full "
                "profile needs their agreement."
            )
        ),
        FieldPanel("consent"),
        FieldPanel("visibility"),
        FieldPanel("consent_notes"),
        FieldPanel("letters_shown"),
        FieldPanel("is_sample"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(facts_panels, heading=_("Facts")),
            ObjectList(safety_panels, heading=_("Safety and consent")),
            ObjectList(ShareablePageMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([EmbedPanel()], heading=_("Embed")),
        ]
    )
    base_form_class = PrisonerPageForm

    # Partners embed one person's card (campaign_site.embeds, prisoners.widgets).
    embed_kind = "prisoner"
    embed_height = 460
    embed_title = _("Prisoner card")

    # `profile` (a detail's: campaign_site.api) is what the page shows besides the
    # biography; all three follow the one visibility rule.
    api_fields = [
        APIField("card", serializer=PublicCardField(source="*")),
        APIField("biography", serializer=PublicBiographyField(source="*")),
        APIField("profile", serializer=PublicProfileField(source="*")),
    ]

    @classmethod
    def prepare_api_queryset(cls, queryset):
        """What the content API's `card` field reads, fetched once for the whole listing."""
        return (
            queryset.with_sponsor_counts()
            .select_related("locale", "prisoner")
            .prefetch_related(
                Prefetch(
                    "prisoner__photo",
                    queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO),
                )
            )
        )

    def is_embeddable(self):
        return super().is_embeddable() and is_publicly_visible(self)

    # Only what every public profile shows is indexed; hidden profiles are
    # kept out of the index altogether (see get_indexed_objects and signals.py).
    search_fields = [
        *Page.search_fields,
        index.SearchField("name_native"),
        index.SearchField("other_spellings"),
        index.SearchField("searchable_biography"),
    ]

    translatable_fields = page_fields(
        TranslatableField("photo_credit"),
        TranslatableField("capture_place"),
        TranslatableField("home_town"),
        TranslatableField("occupation"),
        TranslatableField("biography"),
        TranslatableField("charges"),
        TranslatableField("court"),
        TranslatableField("appeal_court"),
        TranslatableField("health_concerns"),
        TranslatableField("timeline"),
        TranslatableField("sources"),
        SynchronizedField("name_native"),
        SynchronizedField("other_spellings"),
        SynchronizedField("share_image"),
    )
    # Text the public may not read never reaches translators (prisoners.permissions).
    translatable_fields = public_text_only(translatable_fields)

    parent_page_types = ["prisoners.PrisonerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("prisoner profile")
        permissions = [("view_sensitive_profiles", _("Can view hidden and name-only profiles"))]

    # --- Facts ------------------------------------------------------------

    @property
    def other_spelling_list(self):
        return [line.strip() for line in self.other_spellings.splitlines() if line.strip()]

    def days_in_captivity(self, today=None):
        """Days from capture to release (or death), or to today while captivity lasts."""
        if self.captured_on is None:
            return None
        end = today or timezone.localdate()
        if self.status in CAPTIVITY_ENDED and self.released_on:
            end = self.released_on
        return max((end - self.captured_on).days, 0)

    def age(self, today=None):
        """Age today (from the date of birth), else None; see age_at_capture."""
        if self.born_on is None:
            return None
        today = today or timezone.localdate()
        before_birthday = (today.month, today.day) < (self.born_on.month, self.born_on.day)
        return today.year - self.born_on.year - before_birthday

    @property
    def is_still_held(self):
        return self.status in STILL_HELD

    @property
    def can_be_sponsored(self):
        return can_be_sponsored(self.status)

    def sponsorships(self):
        """Sponsorships of this person, in any language (not only approved ones)."""
        return Sponsorship.objects.for_prisoner(self)

    # --- Visibility -------------------------------------------------------

    def clean(self):
        super().clean()
        if not self.edits_the_facts:
            return  # a translation's facts are the shared ones, checked where they are edited
        errors = {}
        allowed = highest_visibility_allowed(self.consent)
        if self.visibility is not None and self.visibility > allowed:
            errors["visibility"] = _(
                "The family's consent (“%(consent)s”) allows at most “%(allowed)s”."
            ) % {
                "consent": Consent(self.consent).label,
                "allowed": Visibility(allowed).label,
            }
        if self.status in CAPTIVITY_ENDED and self.released_on is None:
            errors["released_on"] = _("Give the date captivity ended, or change the status.")
        if self.released_on and self.captured_on and self.released_on < self.captured_on:
            errors["released_on"] = _("Captivity cannot end before the capture.")
        if self.status == Status.SENTENCED and not self.sentence_years:
            errors["sentence_years"] = _("Give the sentence of a sentenced person.")
        errors.update(self._appeal_and_echr_errors())
        if errors:
            raise ValidationError(errors)

    def _appeal_and_echr_errors(self):
        errors = {}
        if self.appeal_decided_on and self.appeal_outcome in ("", AppealOutcome.PENDING):
            errors["appeal_outcome"] = _("Give the outcome of the decided appeal.")
        if (
            self.appeal_decided_on
            and self.appeal_lodged_on
            and self.appeal_decided_on < self.appeal_lodged_on
        ):
            errors["appeal_decided_on"] = _("An appeal cannot be decided before it is lodged.")
        if (self.echr_lodged_on or self.echr_interim_measure) and not self.echr_application:
            errors["echr_application"] = _("Give the application number.")
        if self.echr_interim_measure_on and not self.echr_interim_measure:
            errors["echr_interim_measure"] = _(
                "Tick the interim measure, or remove the date it was indicated."
            )
        return errors

    # --- The shared record -----------------------------------------------------

    @property
    def prisoner_record(self):
        """The Prisoner every translation of this page shares, or None before the first save."""
        if self.prisoner_id is not None:
            return self.prisoner
        if "_prisoner_by_key" not in self.__dict__:
            self.__dict__["_prisoner_by_key"] = Prisoner.objects.filter(
                translation_key=self.translation_key
            ).first()
        return self.__dict__["_prisoner_by_key"]

    @property
    def facts(self):
        """The facts as this version of the page has them: those set on it (in the editor,
        or in the revision being published) over those of the shared Prisoner."""
        return {name: getattr(self, name) for name in FACTS}

    @property
    def photo_id(self):
        photo = self.photo
        return photo.pk if photo is not None else None

    @property
    def pending_facts(self):
        return dict(self.__dict__.get(PENDING_FACTS, {}))

    @property
    def edits_the_facts(self):
        """Whether the facts are edited on this page (the source page, not a translation)."""
        record = self.prisoner_record
        return record is None or record.is_edited_on(self)

    def take_facts_from(self, revision):
        """The facts as `revision` of this page has them, set on this page."""
        self.__dict__[PENDING_FACTS] = self.with_content_json(revision.content).pending_facts

    def apply_facts(self):
        """After a publish of the source page: its facts become every translation's.

        Returns the changes ({name: (old, new)}), see Prisoner.apply_facts_of.
        """
        record, _created = Prisoner.get_or_create_for_page(self, self.pending_facts)
        changes = record.apply_facts_of(self, self.pending_facts)
        self.__dict__.pop(PENDING_FACTS, None)
        self.prisoner = record
        return changes

    def save(self, *args, **kwargs):
        pending = self.__dict__.get(PENDING_FACTS)
        if pending and {"visibility", "consent"} & set(pending):
            # Defence in depth: whatever reaches the record respects the consent.
            pending["visibility"] = capped(self.visibility, self.consent)
        self.name_search = searchable_text(self.title, self.name_native, self.other_spellings)
        # Linked before the page is saved, so that what listens to the save (the search
        # index) already reads the person's facts.
        relinked = self._link_to_prisoner()
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if relinked and update_fields is not None and "prisoner" not in update_fields:
            type(self).objects.filter(pk=self.pk).update(prisoner=self.prisoner)
        record = self.prisoner
        if record.page_id is None:
            # Created with this new page: it is where the facts are edited.
            Prisoner.objects.filter(pk=record.pk, page=None).update(page=self.pk)
            record.page_id = self.pk
        elif not record.is_edited_on(self):
            # A translation's facts are never applied: it shows the shared ones.
            self.__dict__.pop(PENDING_FACTS, None)
        return result

    def _link_to_prisoner(self):
        """Point this page at its person's record, creating the record from the first page
        saved (with the facts set on it). Copies of a page are other people (another key)."""
        record = self.prisoner if self.prisoner_id else None
        if record is not None and record.translation_key == self.translation_key:
            return False
        facts = self.pending_facts
        if record is not None:
            # A copy of another person's page starts from that person's facts.
            facts = {**{name: getattr(record, name) for name in FACTS}, **facts}
        record, created = Prisoner.get_or_create_for_page(self, facts)
        if created:
            self.__dict__.pop(PENDING_FACTS, None)  # they are the record's now
        self.prisoner = record
        self.__dict__.pop("_prisoner_by_key", None)
        return True

    def refresh_from_db(self, using=None, fields=None, **kwargs):
        super().refresh_from_db(using=using, fields=fields, **kwargs)
        if fields is None:
            self.__dict__.pop(PENDING_FACTS, None)
            self.__dict__.pop("_prisoner_by_key", None)
            if self.prisoner_id is not None:
                self.prisoner.refresh_from_db()

    def changed_facts(self):
        """The facts set on this page that differ from the shared record's, as JSON.

        A revision keeps only these: publishing a draft then changes what its editor
        changed, and never puts back a value someone else changed meanwhile (a profile
        made private since the draft was saved stays private).
        """
        record = self.prisoner_record
        changed = {}
        for name, value in self.pending_facts.items():
            value = fact_to_json(name, value)
            if record is None or value != fact_to_json(
                name, getattr(record, f"{name}_id" if name == "photo" else name)
            ):
                changed[name] = value
        return changed

    def serializable_data(self):
        data = super().serializable_data()
        data[REVISION_KEY] = self.changed_facts()
        return data

    def with_content_json(self, content):
        page = super().with_content_json(content)
        # Revisions made before the record hold the facts as page fields: they are not
        # read back, the record (filled from the pages, most private choice) stands.
        page.__dict__[PENDING_FACTS] = {
            name: fact_from_json(name, value)
            for name, value in content.get(REVISION_KEY, {}).items()
            if name in FACTS
        }
        return page

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if self.is_sample:
            return _("%(title)s (sample data)") % {"title": title}
        return title

    def serve(self, request, *args, **kwargs):
        if not is_publicly_visible(self) and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        # The draft's pictures go private first unless it would show them publicly:
        # renditions made for an editor's preview must not be public files.
        from ..photos import draft_changed

        draft_changed(self)
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(self, request))
        if "search_description" not in visible_fields(self) or not self.search_description:
            # base.html puts the description in <meta> and OpenGraph tags: for a
            # "name only" profile, state the public facts instead of the editor's text.
            self.search_description = context["profile_summary"]
        return context

    def permissions_for_user(self, user):
        # Staff without the permission see nothing of a hidden or name-only person.
        from ..permissions import ProfilePermissionTester

        return ProfilePermissionTester(user, self)

    # --- Cards of other apps (home.cards: news, search results, home page) -------

    @property
    def card_image_fields(self):
        """Only a full profile lends its picture to cards elsewhere on the site."""
        return ("share_image", "photo") if "photo" in visible_fields(self) else ()

    def card_summary(self):
        """Public facts, never the editor's description (it may say more than allowed)."""
        profile = public_profile(self, with_children=False)
        return public_summary(profile) if profile else ""

    @classmethod
    def publicly_listed_pages(cls):
        """The profiles the public may see: what code listing pages of any type asks
        (cards, search, sitemap, the content API) to leave hidden profiles out."""
        return cls.objects.publicly_listed()

    @classmethod
    def exclude_private_images(cls, image_queryset):
        """`image_queryset` without the photos and share images of profiles not fully public.

        For anything that lists images outside a page (the content API's images
        endpoint): a "name only" or hidden person's picture is never listed, even
        if another page happens to use the same image.
        """
        restricted = not_fully_visible(cls.objects.all())
        return (
            image_queryset.exclude(
                pk__in=Prisoner.objects.not_fully_visible().exclude(photo=None).values("photo_id")
            )
            .exclude(pk__in=restricted.exclude(share_image=None).values("share_image_id"))
            # Nor any picture prisoners.photos keeps in private storage (a draft's, say). By
            # id, as above: the admin's image search can filter on ids, not on the file name.
            .exclude(
                pk__in=image_queryset.model._default_manager.filter(
                    file__contains="/" + PRIVATE_MARKER
                ).values("pk")
            )
        )

    @classmethod
    def public_photo_ids(cls):
        """The ids of the photos public profiles show (a photo is the person's record's, so
        the reference index, which knows pages, does not list it)."""
        return (
            Prisoner.objects.fully_visible()
            .filter(pages__in=cls.objects.publicly_listed().values("pk"))
            .exclude(photo=None)
            .values("photo_id")
        )

    def get_sitemap_urls(self, request=None):
        if not is_publicly_visible(self):
            return []
        return super().get_sitemap_urls(request)

    def share_card(self):
        """A full profile's card: the name, the days held and the photo. None for anyone else:
        a "name only" person's name is public, but never spread as a picture."""
        profile = public_profile(self, with_children=False)
        if profile is None or not profile.is_full:
            return None
        return ShareCard(
            title=profile.name,
            site_name=site_identity(profile.language).name,
            kicker=profile.category_label,
            figure=days_phrase(profile.status, profile.days_in_captivity) or "",
            detail=profile.status_label,
            milestone=profile.days_in_captivity,
            portrait=profile.photo,
        )

    def get_share_image(self):
        """The share image or photo of a full profile; nothing for any other."""
        if "share_image" not in visible_fields(self):
            return None
        return self.share_image or self.photo

    @property
    def searchable_biography(self):
        """The biography for the search index, when the public may read it."""
        if "biography" not in visible_fields(self):
            return ""
        paragraphs = [child for child in self.biography if child.block_type == "paragraph"]
        return " ".join(strip_tags(child.value.source) for child in paragraphs)

    @classmethod
    def get_indexed_objects(cls):
        return publicly_visible(super().get_indexed_objects())

    # The choices' labels, as Django gives them for model fields.
    def get_category_display(self):
        return choice_label(Category, self.category)

    def get_status_display(self):
        return choice_label(Status, self.status)

    def get_acknowledged_display(self):
        return choice_label(Answer, self.acknowledged)

    def get_icrc_registration_display(self):
        return choice_label(Answer, self.icrc_registration)

    def get_appeal_outcome_display(self):
        return choice_label(AppealOutcome, self.appeal_outcome) if self.appeal_outcome else ""

    def get_echr_compliance_display(self):
        return choice_label(Compliance, self.echr_compliance)

    def get_family_contact_channel_display(self):
        channel = self.family_contact_channel
        return choice_label(ContactChannel, channel) if channel else ""

    def get_consent_display(self):
        return choice_label(Consent, self.consent)

    @property
    def visibility_label(self):
        return Visibility(self.visibility).label
