from django.core.management.base import BaseCommand

from campaign_site.localization import ensure_translator_groups


class Command(BaseCommand):
    help = (
        "Create or update one translator group per translated language, allowed to edit and "
        "publish only that language's pages. Run after adding a language and its home page."
    )

    def handle(self, *args, **options):
        groups = ensure_translator_groups()
        if not groups:
            self.stdout.write("No translated home page yet: translate the home page first.")
        for language_code, group in groups.items():
            self.stdout.write(f"{language_code}: group {group.name!r}")
        self.stdout.write("Add translators to these groups in Settings > Users.")
