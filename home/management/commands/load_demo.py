"""Build the demo site from the campaign's two seed pages (../shared/seeds/).

Safe to run again: every step looks for what it made last time and updates it.
Each app contributes a `demo.py` with a `load(context)` function; they run in
the order below because later ones link to earlier ones.
"""

import importlib
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.context import DemoContext

DEMO_MODULES = ["home.demo.site", "petitions.demo", "prisoners.demo", "home.demo.content"]


class Command(BaseCommand):
    help = "Create or update the demo campaign content in every site language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            metavar="USERNAME",
            help="Also create (or reset) a superuser with this name and print its password.",
        )
        parser.add_argument(
            "--password",
            help="Password for --admin (default: a new random one, printed once).",
        )

    def handle(self, *args, **options):
        context = DemoContext(stdout=self.stdout, style=self.style)
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as error:
                    if error.name != module_name:
                        raise
                    continue  # that part of the platform has no demo content yet
                module.load(context)
        if options["admin"]:
            self._create_admin(options["admin"], options["password"])
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _create_admin(self, username, password):
        password = password or secrets.token_urlsafe(12)
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        verb = "Created" if created else "Reset"
        self.stdout.write(
            self.style.WARNING(
                f"{verb} admin account: username {username!r}, password {password!r}"
            )
        )
