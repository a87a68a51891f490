"""Editors' tools: signatures, invalidation, erasure, imports, deliveries, the delivery pack.

Built on Wagtail's snippet viewsets, so listings, filters, search, exports and
bulk actions are Wagtail's own. Signatures are never added, edited or deleted
through generic forms: every change goes through `petitions.signing`, which
keeps the counts exact. Permissions (Settings › Groups):

- view_signature: the signature listing (names and emails are personal data);
- change_signature: invalidate and restore;
- export_signature: CSV/XLSX exports and the delivery pack (names of consenting signers);
- erase_signature: erase a person's data on request;
- import_signature: import a CSV from another platform, and see the import log;
- add/change/delete/view_delivery: the delivery log.

One module per concern; `petitions.wagtail_hooks` registers them.
"""

from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .deliveries import DeliveryViewSet
from .erasure import ErasureViewSet
from .imports import SignatureImportViewSet
from .partners import PartnerViewSet
from .signatures import SignatureViewSet


class PetitionsGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Petitions")
    menu_icon = "form"
    menu_order = 250
    items = (
        SignatureViewSet,
        DeliveryViewSet,
        SignatureImportViewSet,
        ErasureViewSet,
        PartnerViewSet,
    )
