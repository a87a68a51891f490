"""Erase signers' personal data once a closed petition's retention period is over; run
daily from cron, e.g.:

    30 3 * * *  cd /srv/campaign && .venv/bin/python manage.py petitions_apply_retention

Editors are warned by email a month before (PETITIONS_RETENTION_WARNING_DAYS); counts,
countries and dates stay. Undelivered emails past CAMPAIGN_UNDELIVERED_EMAIL_DAYS, and
expired ones (password resets), are deleted by the same run, and so are uploaded import
files nobody imported within a day. See petitions.retention_tasks.
"""

from django.core.management.base import BaseCommand

from petitions.retention_tasks import run_retention


class Command(BaseCommand):
    help = "Warn editors about, then erase, signers' data of petitions closed long enough."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would happen, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        done = run_retention(dry_run=dry_run)
        prefix = "Would warn" if dry_run else "Warned"
        self.stdout.write(f"{prefix} editors about {len(done['warned'])} petition(s).")
        verb = "Would erase" if dry_run else "Erased"
        for petition_id, count in done["erased"].items():
            self.stdout.write(
                f"{verb} the personal data of {count} signature(s) of petition {petition_id}."
            )
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {done['emails_forgotten']} undelivered or expired email(s).")
        self.stdout.write(
            f"{verb} {done['imports_forgotten']} uploaded import file(s) nobody imported."
        )
