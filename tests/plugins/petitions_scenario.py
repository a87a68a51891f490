"""Install petitions alone, then create, sign and count a petition; print what was seen.

Run by test_petitions_plugin.py in a subprocess, with
DJANGO_SETTINGS_MODULE=tests.plugins.petitions_settings and PLUGIN_DATABASE set.
"""

import json
import sys

import django


def main():
    django.setup()

    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page, Site

    from campaign_site.abuse import ClientMeta
    from petitions.models import PetitionDecisionMaker, PetitionPage, SignatureSource
    from petitions.signing import Outcome, confirm, sign

    call_command("migrate", interactive=False, verbosity=0)

    root = Page.get_first_root_node()
    page = PetitionPage(title="Free them", slug="free-them", lead="Bring them home.")
    page.decision_makers = [PetitionDecisionMaker(name="A minister")]
    root.add_child(instance=page)
    page.save_revision().publish()
    # Serve the petition at the site's root, wherever Wagtail's welcome page was.
    Site.objects.update(root_page=page, is_default_site=True, hostname="testserver")

    result = sign(
        page,
        {
            "first_name": "Anna",
            "last_name": "Signer",
            "email": "anna@example.org",
            "country": "FR",
        },
        source=SignatureSource.PAGE,
        language="en",
        meta=ClientMeta(ip="192.0.2.1"),
    )
    unconfirmed_total = page.petition.counts().total
    confirm(result.signature.pk)

    response = Client().get("/en/")
    print(
        json.dumps(
            {
                "outcome": str(result.outcome),
                "signed": result.outcome == Outcome.SIGNED,
                "total_before_confirmation": unconfirmed_total,
                "total": page.petition.counts().total,
                "page_status": response.status_code,
                "page_has_form": b"data-sign-form" in response.content,
                "page_has_title": b"Free them" in response.content,
                "feature_apps_loaded": sorted(
                    name for name in ("home", "prisoners") if name in sys.modules
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
