"""Queue what signers are owed by email, for the task worker; run from cron, e.g. every
15 minutes:

    */15 * * * *  cd /srv/campaign && .venv/bin/python manage.py petitions_send_reminders

- a confirmation email that never left when the person signed and that the worker
  is not retrying already, ten minutes on;
- one reminder, a day after the confirmation email, to those who have not
  confirmed; never a second one, even when two runs overlap.
Imported signatures, confirmed ones, invalidated or erased ones, and those on
closed petitions get nothing.
"""

from django.core.management.base import BaseCommand

from petitions.signing import send_due_emails


class Command(BaseCommand):
    help = "Send pending confirmation emails and the one reminder to unconfirmed signers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be sent, send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        sent = send_due_emails(dry_run=dry_run)
        verb = "Would queue" if dry_run else "Queued"
        self.stdout.write(
            f"{verb} {sent['confirmations']} confirmation email(s) and "
            f"{sent['reminders']} reminder(s) for the task worker."
        )
