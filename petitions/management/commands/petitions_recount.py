"""Rebuild every petition's tally from its signatures, and say where it had drifted.

The tally changes in the same transaction as the signatures, so it should never
drift; this is for after a manual repair of the database.
"""

from django.core.management.base import BaseCommand

from petitions.models import Petition


class Command(BaseCommand):
    help = "Rebuild petition tallies from their signatures."

    def handle(self, *args, **options):
        for petition in Petition.objects.all():
            before = petition.counts().online
            petition.recount()
            after = petition.counts().online
            note = "" if before == after else f" (was {before})"
            self.stdout.write(f"{petition.title}: {after} counted online signatures{note}")
