"""The direction of dependencies, read from the source: base ← features ← home ← root.

The shared base (campaign_site outside its settings, URLs, API and WSGI root)
imports no feature; petitions and prisoners import the base and themselves
only, and are installable without home or each other; models never import
views. Every import counts, at module level or inside a function, and so does
a model named by string ("home.HomePage" in parent_page_types).
"""

import ast
import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
FEATURES = ("petitions", "prisoners")
PROJECT_APPS = ("campaign_site", "home", *FEATURES)
# The composition root may import everything: that is its job.
COMPOSITION_ROOT = ("campaign_site/settings/", "campaign_site/urls.py", "campaign_site/api.py")
COMPOSITION_ROOT += ("campaign_site/wsgi.py",)
MODEL_BY_NAME = re.compile(r"^(?P<app>[a-z_]+)\.[A-Z]\w*$")


def source_files(app):
    for path in sorted((PROJECT / app).rglob("*.py")):
        relative = path.relative_to(PROJECT).as_posix()
        if "/migrations/" in relative or relative.startswith(COMPOSITION_ROOT):
            continue
        yield relative, path


def module_name(relative):
    parts = relative.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(relative, tree):
    """Every module `relative` imports, relative imports made absolute.

    `from package import name` yields both the package and package.name, since
    name may be a module (`from . import views`).
    """
    module = module_name(relative)
    package = module if relative.endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module
            yield target, node.lineno
            for alias in node.names:
                yield f"{target}.{alias.name}", node.lineno


def parsed(app):
    for relative, path in source_files(app):
        yield relative, ast.parse(path.read_text(), filename=relative)


def imports_of_apps(app, forbidden):
    return sorted(
        f"{relative}:{line} imports {target}"
        for relative, tree in parsed(app)
        for target, line in imports(relative, tree)
        if target.split(".")[0] in forbidden
    )


def models_by_name(app, forbidden):
    return sorted(
        f"{relative}:{node.lineno} names {node.value!r}"
        for relative, tree in parsed(app)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and (match := MODEL_BY_NAME.match(node.value))
        and match["app"] in forbidden
    )


def test_sources_are_found():
    """A guard for the guards: an empty walk would make every test below pass."""
    for app in PROJECT_APPS:
        assert len(list(source_files(app))) > 5, app
    assert not any(
        relative.startswith(COMPOSITION_ROOT) for relative, _ in source_files("campaign_site")
    )


def test_imports_are_resolved():
    tree = ast.parse("from . import views\nfrom ..home.models import HomePage\nimport home.cards")
    found = {target for target, _line in imports("petitions/models.py", tree)}
    assert {"petitions.views", "home.models.HomePage", "home.cards"} <= found


def test_the_base_imports_no_feature():
    assert imports_of_apps("campaign_site", ("home", *FEATURES)) == []


def test_the_base_names_no_feature_model():
    assert models_by_name("campaign_site", ("home", *FEATURES)) == []


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_imports_neither_home_nor_another_feature(feature):
    others = {"home", *FEATURES} - {feature}
    assert imports_of_apps(feature, others) == []


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_names_no_model_of_home_or_another_feature(feature):
    others = {"home", *FEATURES} - {feature}
    assert models_by_name(feature, others) == []


def is_models_module(module):
    return "models" in module.split(".")


def is_views_module(module):
    parts = module.split(".")
    return parts[0] in PROJECT_APPS and any(part.endswith("views") for part in parts[1:])


def models_importing_views(app):
    return sorted(
        f"{relative}:{line} imports {target}"
        for relative, tree in parsed(app)
        if is_models_module(module_name(relative))
        for target, line in imports(relative, tree)
        if is_views_module(target)
    )


@pytest.mark.parametrize("app", PROJECT_APPS)
def test_models_never_import_views(app):
    assert models_importing_views(app) == []
