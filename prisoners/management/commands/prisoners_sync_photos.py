"""Put every picture of every profile where the visibility rule says, once.

Files move by themselves when profiles change; this is for a site upgraded from a
version that kept every photo public, or after restoring files from a backup.
Safe to repeat: what is already on the right side is left alone.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from prisoners import photos
from prisoners.models import Prisoner, PrisonerPage


class Command(BaseCommand):
    help = "Move the pictures of people not shown in full to private storage (and back)."

    def handle(self, *args, **options):
        image_ids = set(Prisoner.objects.values_list("photo_id", flat=True))
        image_ids |= set(PrisonerPage.objects.values_list("share_image_id", flat=True))
        image_ids.discard(None)
        with transaction.atomic():
            moved = photos.sync_images(image_ids)
        self.stdout.write(f"{len(image_ids)} pictures checked, {moved} moved.")
