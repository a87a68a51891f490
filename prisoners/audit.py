"""A record of who looked at, exported or downloaded anything about a sensitive person
(a profile below FULL, `prisoners.permissions`), and of every change of visibility or
consent, in Wagtail's audit log (Reports › Site history), with the user and the time.

    log_sensitive_access(user, page_or_image, kind)   # kind: one of ACCESS_KINDS
    log_exported_rows(user, rows)                     # what an export writes
    record_fact_changes(user, before, after, page=…)  # visibility and consent changes

Every admin export (reports, Site history, letters, sponsorships: Wagtail's one
spreadsheet method, wrapped by `audit_admin_exports` when the app is ready) writes an
export entry on each sensitive person among its rows.

Private files handed out to staff (`campaign_site.private_media`) are written by
`private_file_opened`: a sensitive person's original photo as a download, its renditions
as a look.

Entries about a profile are written on the page, so Site history shows them only
to staff who may see that page (`permissions.ProfileAwarePagePolicy`). Which admin
views count as looking is `AUDITED_PAGE_VIEWS`; `SensitiveAccessAuditMiddleware`
writes those. Repeated looks at the same page by the same person within
`REPEAT_WINDOW` (the preview refreshes at every keystroke) make one entry.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import PageLogEntry

from . import permissions
from .visibility import Consent, Visibility

VIEW = "prisoners.view_sensitive"
PREVIEW = "prisoners.preview_sensitive"
REVISIONS = "prisoners.view_sensitive_revisions"
EXPORT = "prisoners.export_sensitive"
DOWNLOAD = "prisoners.download_sensitive"
VISIBILITY_CHANGED = "prisoners.visibility_changed"
CONSENT_CHANGED = "prisoners.consent_changed"

ACCESS_KINDS = {
    "view": VIEW,
    "preview": PREVIEW,
    "revisions": REVISIONS,
    "export": EXPORT,
    "download": DOWNLOAD,
}
#: Looks that repeat (preview refreshes, reloads) are written once per window.
REPEATING = {VIEW, PREVIEW, REVISIONS}
REPEAT_WINDOW = datetime.timedelta(minutes=5)

#: Admin page views (namespace wagtailadmin_pages) that show a page's content.
AUDITED_PAGE_VIEWS = {
    "edit": "view",
    "usage": "view",
    "preview_on_edit": "preview",
    "view_draft": "preview",
    "workflow_preview": "preview",
    "revisions_index": "revisions",
    "revisions_view": "revisions",
    "revisions_compare": "revisions",
    "history": "revisions",
    "history_results": "revisions",
    "workflow_history": "revisions",
    "workflow_history_detail": "revisions",
}
#: Image admin views (namespace wagtailimages) that show a picture, by its `image_id`.
AUDITED_IMAGE_VIEWS = {
    "edit": "view",
    "preview": "view",
    "url_generator": "view",
    "image_usage": "view",
}
#: Admin views of one row about a person (namespace, view name), by its `pk`: a letter
#: written to them, a sponsorship of them.
AUDITED_ROW_VIEWS = {
    ("prisoners_letters", "edit"): "view",
    ("prisoners_letters", "history"): "view",
    ("sponsorships", "edit"): "view",
    ("sponsorships", "history"): "view",
}
#: wagtail-localize views (namespace wagtail_localize) that show or hand out a page's text.
AUDITED_TRANSLATION_VIEWS = {
    "download_pofile": "export",
    "preview_translation": "preview",
}


def register_log_actions(actions):
    actions.register_action(VIEW, _("View a sensitive profile"), _("Opened a sensitive profile"))
    actions.register_action(
        PREVIEW, _("Preview a sensitive profile"), _("Previewed a sensitive profile")
    )
    actions.register_action(
        REVISIONS,
        _("View a sensitive profile's history"),
        _("Viewed the history or revisions of a sensitive profile"),
    )
    actions.register_action(
        EXPORT, _("Export a sensitive profile"), _("Exported data about a sensitive profile")
    )
    actions.register_action(
        DOWNLOAD,
        _("Download a sensitive profile's file"),
        _("Downloaded a file about a sensitive profile"),
    )
    actions.register_action(VISIBILITY_CHANGED)(VisibilityChangeFormatter)
    actions.register_action(CONSENT_CHANGED)(ConsentChangeFormatter)


class FactChangeFormatter(LogFormatter):
    choices = None

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return self.message % {
            "before": self._label(data.get("before")),
            "after": self._label(data.get("after")),
        }

    def format_comment(self, log_entry):
        return ""

    def _label(self, value):
        try:
            return self.choices(value).label
        except ValueError:
            return str(value)


class VisibilityChangeFormatter(FactChangeFormatter):
    label = _("Change a profile's visibility")
    message = _("Visibility changed from “%(before)s” to “%(after)s”")

    @staticmethod
    def choices(value):
        return Visibility(int(value)) if value is not None else _Unset()


class ConsentChangeFormatter(FactChangeFormatter):
    label = _("Change a family's consent")
    message = _("Consent changed from “%(before)s” to “%(after)s”")

    @staticmethod
    def choices(value):
        return Consent(value) if value is not None else _Unset()


class _Unset:
    label = _("not set")


# --- Writing entries -------------------------------------------------------------


def _profiles_showing(image):
    """The sensitive profiles whose photo or share image `image` is."""
    from django.db.models import Q

    return permissions.sensitive_profiles().filter(Q(prisoner__photo=image) | Q(share_image=image))


def log_sensitive_access(user, page_or_image, kind, **data):
    """Write that `user` looked at (`kind`: view, preview, revisions) or took away
    (export, download) something about `page_or_image`, if it concerns a sensitive
    person. A page of another type or a full profile writes nothing. An image is
    logged on each sensitive profile that shows it. Returns the entries written."""
    action = ACCESS_KINDS[kind]
    if page_or_image is None:
        return []
    if hasattr(page_or_image, "path"):
        if not permissions.is_sensitive(page_or_image):
            return []
        pages = [page_or_image]
    else:
        pages = list(_profiles_showing(page_or_image))
        data.setdefault("image", page_or_image.pk)
    user = _as_user(user)
    written = []
    for page in pages:
        if action in REPEATING and _recently_logged(user, page, action):
            continue
        written.append(log(page, action, user=user, data=data or None))
    return written


def log_exported_rows(user, rows, **data):
    """Write an export entry on each sensitive profile that `rows` (what an admin export
    writes: pages, log entries, workflow states, letters, sponsorships) are about."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q, QuerySet
    from wagtail.models import Page, TaskState, WorkflowState

    from .models import Letter, Prisoner, Sponsorship

    about_people = (Page, PageLogEntry, WorkflowState, TaskState, Letter, Sponsorship)
    if isinstance(rows, QuerySet) and not issubclass(rows.model, about_people):
        return []  # e.g. signatures: never read twice, however many
    page_type = ContentType.objects.get_for_model(Page)
    page_ids, prisoner_ids, keys = set(), set(), set()
    for row in rows:
        row = getattr(row, "workflow_state", None) or row
        if isinstance(row, Page):
            page_ids.add(row.pk)
        elif getattr(row, "base_content_type_id", None) == page_type.pk:
            page_ids.add(int(row.object_id))
        elif getattr(row, "page_id", None) is not None:
            page_ids.add(row.page_id)
        elif getattr(row, "prisoner_id", None) is not None:
            prisoner_ids.add(row.prisoner_id)
        elif getattr(row, "prisoner_key", None) is not None:
            keys.add(row.prisoner_key)
    if not (page_ids or prisoner_ids or keys):
        return []
    page_ids |= set(Prisoner.objects.filter(pk__in=prisoner_ids).values_list("page_id", flat=True))
    pages = permissions.sensitive_profiles().filter(
        Q(pk__in=page_ids)
        | Q(translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE)
    )
    return [log(page, EXPORT, user=_as_user(user), data=data or None) for page in pages]


def audit_admin_exports():
    """Every spreadsheet the admin exports (reports, Site history, listings of letters or
    sponsorships) logs the sensitive people in it: Wagtail's one export method, wrapped."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    export = SpreadsheetExportMixin.as_spreadsheet
    if getattr(export, "audits_sensitive_rows", False):
        return

    def as_spreadsheet(self, queryset, spreadsheet_format):
        log_exported_rows(self.request.user, queryset, export=self.get_filename())
        return export(self, queryset, spreadsheet_format)

    as_spreadsheet.audits_sensitive_rows = True
    SpreadsheetExportMixin.as_spreadsheet = as_spreadsheet


def _as_user(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def _recently_logged(user, page, action):
    return PageLogEntry.objects.filter(
        page_id=page.pk,
        action=action,
        user=user,
        timestamp__gte=timezone.now() - REPEAT_WINDOW,
    ).exists()


def record_fact_changes(user, before, after, *, page=None):
    """Write each change of visibility or consent between `before` and `after` (objects
    or dicts carrying `visibility` and `consent`; a dict may carry only what changed) on
    `page` (default: `after`). Called where the facts are saved: the publish of a
    profile's source page (`prisoners.signals.facts_published`)."""
    page = page if page is not None else after
    written = []
    for field, action in (("visibility", VISIBILITY_CHANGED), ("consent", CONSENT_CHANGED)):
        old = _fact(before, field)
        new = _fact(after, field)
        if old is None and before is not None:
            continue
        if old != new:
            written.append(
                log(
                    page,
                    action,
                    user=_as_user(user),
                    data={"field": field, "before": old, "after": new},
                )
            )
    return written


def _fact(source, field):
    if source is None:
        return None
    value = source.get(field) if isinstance(source, dict) else getattr(source, field, None)
    if field == "visibility" and value is not None:
        return int(value)
    return None if value is None else str(value)


# --- Looking at a sensitive profile in the admin -------------------------------------


class SensitiveAccessAuditMiddleware:
    """Writes an entry when an admin view in `AUDITED_PAGE_VIEWS`,
    `AUDITED_TRANSLATION_VIEWS`, `AUDITED_IMAGE_VIEWS` or `AUDITED_ROW_VIEWS` shows
    something about a sensitive person (answered 200: the user was allowed to see it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None or request.method != "GET" or response.status_code != 200:
            return response
        if match.namespace == "wagtailadmin_pages" and match.url_name in AUDITED_PAGE_VIEWS:
            kind = AUDITED_PAGE_VIEWS[match.url_name]
            page = _page(match.kwargs.get("page_id", match.kwargs.get("pk")))
        elif match.namespace == "wagtail_localize" and match.url_name in AUDITED_TRANSLATION_VIEWS:
            kind = AUDITED_TRANSLATION_VIEWS[match.url_name]
            page = _translated_page(match.kwargs.get("translation_id"))
        elif match.namespace == "wagtailimages" and match.url_name in AUDITED_IMAGE_VIEWS:
            kind = AUDITED_IMAGE_VIEWS[match.url_name]
            page = _image(match.kwargs.get("image_id"))
        elif (match.namespace, match.url_name) in AUDITED_ROW_VIEWS:
            kind = AUDITED_ROW_VIEWS[match.namespace, match.url_name]
            page = _page_of_row(match.namespace, match.kwargs.get("pk"))
        else:
            return response
        if page is not None:
            log_sensitive_access(request.user, page, kind)
        return response


def _page(page_id):
    from wagtail.models import Page

    return Page.objects.filter(pk=page_id).first() if page_id is not None else None


def _page_of_row(namespace, pk):
    """The profile a letter or a sponsorship is about (its source page), or None."""
    from django.conf import settings

    from .models import Letter, PrisonerPage, Sponsorship

    if pk is None:
        return None
    if namespace == "prisoners_letters":
        page_id = Letter.objects.filter(pk=pk).values_list("prisoner__page_id", flat=True)
        return _page(next(iter(page_id), None))
    key = Sponsorship.objects.filter(pk=pk).values_list("prisoner_key", flat=True).first()
    if key is None:
        return None
    return PrisonerPage.objects.filter(
        translation_key=key, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def _image(image_id):
    from wagtail.images import get_image_model

    if image_id is None:
        return None
    return get_image_model().objects.filter(pk=image_id).first()


def private_file_opened(sender, user, name, **kwargs):
    """A private file was handed out (`campaign_site.private_media`): the original of a
    sensitive person's photo is a download, a rendition of it (what admin screens show)
    a look, written once per five minutes like other looks."""
    from wagtail.images import get_image_model

    images = get_image_model().objects
    image = images.filter(file=name).first()
    if image is not None:
        log_sensitive_access(user, image, "download")
        return
    image = images.filter(renditions__file=name).first()
    if image is not None:
        log_sensitive_access(user, image, "view")


def _translated_page(translation_id):
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(pk=translation_id).select_related("source").first()
    if translation is None:
        return None
    return Page.objects.filter(
        translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    ).first()
