"""Petitions: the page editors write, and the records all its translations share.

A petition is written as a `PetitionPage` and translated with wagtail-localize,
so each language has its own page. The French and Armenian pages are the same
petition: one counter, one list of signers. Everything they share lives in
models keyed on the pages' common `translation_key` (`Petition`), never on a
page field, which wagtail-localize would overwrite from the source on each sync.

- `pages`: `PetitionPage` and its decision makers, what editors write.
- `petition`: `Petition`, one row per petition (all languages): the settings that
  decide who may sign and what counts, and its public counts.
- `signatures`: `Signature` (one row per person and petition: the database refuses a
  second signature with the same normalised email), `SignatureTally` (valid signatures
  counted by country and confirmation, changed in the same transaction as the
  signatures, see `petitions.signing`), imports and erasures.
- `deliveries`: the petition delivered to decision makers, and their responses.
- `subjects`: the people (pages) a petition is for, chosen on its source page.
- `partners`: sites that embed petitions, and how signatures are credited to them.
"""

from .deliveries import Delivery, DeliveryChannel, ResponseStatus, deliveries_in
from .pages import THANKS_STATES, PetitionDecisionMaker, PetitionPage
from .partners import Partner
from .petition import Petition, PetitionCounts, PetitionStatus
from .signatures import Erasure, Signature, SignatureImport, SignatureSource, SignatureTally
from .subjects import PetitionSubject

__all__ = [
    "THANKS_STATES",
    "Delivery",
    "DeliveryChannel",
    "Erasure",
    "Partner",
    "Petition",
    "PetitionCounts",
    "PetitionDecisionMaker",
    "PetitionPage",
    "PetitionStatus",
    "PetitionSubject",
    "ResponseStatus",
    "Signature",
    "SignatureImport",
    "SignatureTally",
    "SignatureSource",
    "deliveries_in",
]
