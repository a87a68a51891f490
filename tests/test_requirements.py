"""Every third-party package the project uses is pinned, and every runtime pin is used.

A package that only arrives as someone else's dependency can vanish or jump a
major version when that someone upgrades; a pin nothing uses is a package we
patch and audit for nothing. "Used" means imported by a Python file of the
project (migrations and scripts included) or named as an app or a middleware
in the settings, which Django imports for us.
"""

import ast
import functools
import importlib.metadata
import re
import sys
from pathlib import Path

from django.conf import settings

PROJECT = Path(__file__).resolve().parent.parent
NOT_PROJECT_CODE = {".venv", "var", ".git", "node_modules"}
# Code that runs only on a developer's machine or in CI, installed from requirements-test.txt.
DEVELOPMENT_ONLY = {"tests", "scripts"}

# Runtime pins that no Python file imports, and why production needs them anyway.
RUNTIME_ONLY = {
    "gunicorn": "the production WSGI server, started from the command line",
    "psycopg": "Django's PostgreSQL backend imports it when DATABASE_URL names PostgreSQL",
    "redis": "Django's Redis cache backend imports it when REDIS_URL is set",
    "django-xff": "its middleware is installed only behind proxies (TRUSTED_PROXY_DEPTH)",
    "boto3": "django-storages' S3 backend imports it when MEDIA_S3_BUCKET is set",
    "hiredis": "redis-py parses replies with it when it is installed (CPU per Redis call)",
}


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(file_name):
    """Distribution names a requirements file pins, following its `-r` includes."""
    names = set()
    for line in (PROJECT / file_name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            names |= pinned(line.removeprefix("-r").strip())
        elif line:
            names.add(normalize(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", line).group()))
    return names


def project_files():
    for path in sorted(PROJECT.rglob("*.py")):
        relative = path.relative_to(PROJECT)
        if not NOT_PROJECT_CODE & set(relative.parts):
            yield relative


def imported_modules(path):
    """Top-level names of the absolute imports in a file, at any depth (functions too)."""
    tree = ast.parse((PROJECT / path).read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.partition(".")[0]


def is_first_party(module):
    # A script imports its siblings in scripts/ as top-level modules (Python puts the
    # script's folder first on sys.path).
    return any(
        (PROJECT / folder / module).is_dir() or (PROJECT / folder / f"{module}.py").is_file()
        for folder in (".", "scripts")
    )


@functools.cache
def third_party_users():
    """{top-level module: {files or settings using it}}, for runtime code, then for all code."""
    runtime, everywhere = {}, {}
    for path in project_files():
        for module in imported_modules(path):
            if module in sys.stdlib_module_names or is_first_party(module):
                continue
            everywhere.setdefault(module, set()).add(str(path))
            if path.parts[0] not in DEVELOPMENT_ONLY:
                runtime.setdefault(module, set()).add(str(path))
    for setting in ("INSTALLED_APPS", "MIDDLEWARE"):
        for dotted in getattr(settings, setting):
            module = dotted.partition(".")[0]
            if module not in sys.stdlib_module_names and not is_first_party(module):
                for users in (runtime, everywhere):
                    users.setdefault(module, set()).add(f"settings.{setting}")
    return runtime, everywhere


@functools.cache
def installed_modules():
    return importlib.metadata.packages_distributions()


def distributions(module):
    return {normalize(name) for name in installed_modules().get(module, [])}


def undeclared(users, declared):
    problems = []
    for module, where in sorted(users.items()):
        providers = distributions(module)
        if not providers:
            problems.append(f"{module} (no installed distribution provides it): {sorted(where)}")
        elif not providers & declared:
            problems.append(f"{module} (from {', '.join(sorted(providers))}): {sorted(where)}")
    return problems


def test_runtime_code_uses_only_packages_pinned_in_requirements_txt():
    runtime, _ = third_party_users()
    problems = undeclared(runtime, pinned("requirements.txt"))
    assert problems == [], "Used by the site but not pinned in requirements.txt:\n" + "\n".join(
        problems
    )


def test_tests_and_scripts_use_only_pinned_packages():
    _, everywhere = third_party_users()
    problems = undeclared(everywhere, pinned("requirements-test.txt"))
    assert problems == [], "Used but pinned in no requirements file:\n" + "\n".join(problems)


def test_every_runtime_pin_is_used_by_the_site_or_explained():
    runtime, _ = third_party_users()
    used = set().union(*(distributions(module) for module in runtime))
    unused = pinned("requirements.txt") - used - set(RUNTIME_ONLY)
    assert unused == set(), (
        f"Pinned in requirements.txt but used by no runtime code: {sorted(unused)}. Drop the "
        "pin (to requirements-test.txt if only tests or scripts use it), or add the package "
        "to RUNTIME_ONLY with the reason production needs it."
    )


def test_the_runtime_only_list_names_real_pins():
    assert set(RUNTIME_ONLY) <= pinned("requirements.txt")
