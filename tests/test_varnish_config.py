"""deploy/varnish/default.vcl against the code behind it, and its varnishtest cases run for real.

The VCL lets through only the query parameters public views read (a parameter nobody reads
would let anyone make the app render a page afresh at will), so a view that starts reading a
new one must add it there: test_every_parameter_the_code_reads_reaches_it fails until then.
"""

import ast
import importlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from campaign_site.middleware import SiteLocaleMiddleware
from prisoners.context import LISTING_PARAMETERS

ROOT = Path(__file__).resolve().parent.parent
VARNISH = ROOT / "deploy" / "varnish"
VCL = (VARNISH / "default.vcl").read_text()
APPS = ("campaign_site", "home", "petitions", "prisoners")

#: Code whose requests never meet the parameter filter: the APIs keep every parameter, the
#: admin is passed as it comes.
NOT_FILTERED = ("campaign_site/api.py", "prisoners/api.py", "campaign_site/staff.py")

#: Parameters read by Django's and Wagtail's own public views the site mounts.
FRAMEWORK_PARAMETERS = {
    "p": "the sitemap's pages (django.contrib.sitemaps, behind wagtail.contrib.sitemaps)",
    "next": "where Wagtail's front-end login (/<language>/_util/login/) sends the visitor",
}


def kept_parameters():
    """The list in the VCL's normalise_query."""
    found = re.findall(r'"&\(\?!\(\?:([a-z_|]+)\)\(\?:=\|&\|\$\)\)\[\^&\]\*"', VCL)
    assert len(found) == 1, "the VCL's list of kept parameters is not where this test looks"
    return set(found[0].split("|"))


def _is_query(node, aliases):
    """`request.GET`, `self.request.GET`, `request.query_params`, or a name bound to one."""
    if isinstance(node, ast.Name):
        return node.id in aliases
    if isinstance(node, ast.Attribute) and node.attr in ("GET", "query_params"):
        owner = node.value
        return (isinstance(owner, ast.Name) and owner.id == "request") or (
            isinstance(owner, ast.Attribute) and owner.attr == "request"
        )
    if isinstance(node, ast.BoolOp):  # request.GET or None
        return any(_is_query(value, aliases) for value in node.values)
    return False


def _string(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def parameters_read(source, module):
    """{name: where} of the query parameters a module reads: .get/.getlist/[...]/in on the
    query dict, and the fields of forms bound to it."""
    tree = ast.parse(source)
    aliases = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_query(node.value, set())
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = {}
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Call) and node.args:
            function = node.func
            if (
                isinstance(function, ast.Attribute)
                and function.attr in ("get", "getlist", "pop")
                and _is_query(function.value, aliases)
            ):
                names.append(_string(node.args[0]))
            elif isinstance(function, ast.Name) and _is_query(node.args[0], aliases):
                form = getattr(importlib.import_module(module), function.id, None)
                names.extend(getattr(form, "base_fields", {}))
        elif isinstance(node, ast.Subscript) and _is_query(node.value, aliases):
            names.append(_string(node.slice))
        elif (
            isinstance(node, ast.Compare)
            and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
            and any(_is_query(right, aliases) for right in node.comparators)
        ):
            names.append(_string(node.left))
        for name in filter(None, names):
            found.setdefault(name, f"{module}:{node.lineno}")
    return found


def public_code():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            parts = set(path.relative_to(ROOT).parts)
            if parts & {"tests", "migrations", "admin", "management"}:
                continue
            if relative.startswith(NOT_FILTERED) or path.name.startswith("admin"):
                continue
            yield relative, relative[: -len(".py")].replace("/", ".")


def test_the_scan_finds_what_views_read():
    """Each way the code reads a parameter is seen (else the check below proves nothing)."""
    source = """
def view(request):
    a = request.GET.get("a")
    b = request.GET["b"]
    if "c" in request.GET:
        pass
    query = request.GET
    d = query.getlist("d")
    e = self.request.query_params.get("e")
"""
    assert set(parameters_read(source, "json")) == {"a", "b", "c", "d", "e"}
    filters = parameters_read("form = ProfileFilterForm(request.GET or None)", "prisoners.filters")
    assert {"q", "category", "status", "needs_sponsor"} <= set(filters)


def test_every_parameter_the_code_reads_reaches_it():
    read = {}
    for relative, module in public_code():
        read.update(parameters_read((ROOT / relative).read_text(), module))
    kept = kept_parameters()
    missing = {name: where for name, where in read.items() if name not in kept}
    assert not missing, (
        f"read by public views but dropped by deploy/varnish/default.vcl: {missing}; "
        "add them to the list in its normalise_query"
    )
    assert set(FRAMEWORK_PARAMETERS) <= kept
    assert kept >= LISTING_PARAMETERS
    # And nothing stays that no view reads: each one is a way around the cache.
    unread = kept - set(read) - set(FRAMEWORK_PARAMETERS)
    assert not unread, f"the VCL keeps parameters no public view reads: {unread}"


def test_language_rules_follow_the_site():
    languages = "|".join(code for code, _name in settings.LANGUAGES)
    assert f"^/({languages})(/|\\?|$)" in VCL
    assert f"\\b({languages})\\b" in VCL
    assert f'!~ "^({languages})$"' in VCL
    assert f'Accept-Language = "{settings.LANGUAGE_CODE}"' in VCL
    negotiation = re.search(r"sub normalise_negotiation \{.*?\n\}", VCL, re.S).group(0)
    neutral = re.search(r'req\.url ~ "\^/\(api/\|([^)]*)\)"', negotiation).group(1)
    prefixes = {"api/", *neutral.split("|")}
    for prefix in (*SiteLocaleMiddleware.LANGUAGE_NEUTRAL_PREFIXES, settings.MEDIA_URL):
        assert prefix.lstrip("/").replace(".", "\\.") in prefixes, prefix


def test_cross_origin_reads_are_those_the_site_opens():
    """The VCL answers "*" itself on the URLs whose reads the site opens to every origin."""
    vcl_paths = re.search(
        r'sub open_cross_origin_reads \{\s*if \(req\.http\.Origin && req\.url ~ "([^"]+)"', VCL
    ).group(1)
    samples = [
        "/api/v2/pages/",
        "/api/widgets/figures/",
        "/open-data/prisoners.csv",
        "/petitions/0b7c4a5e-1f2d-4c3b-9a8e-7d6c5b4a3f21/count.json",
        "/petitions/0b7c4a5e/count.json.bak",
        "/en/petitions/sign/6/",
        "/embed/petition/6/",
        "/en/",
    ]
    for path in samples:
        opened = bool(re.match(settings.CORS_URLS_REGEX, path))
        assert bool(re.match(vcl_paths.replace("\\\\", "\\"), path)) == opened, path


def varnishtest_cases():
    return sorted((VARNISH / "tests").glob("*.vtc"))


@pytest.mark.parametrize("case", varnishtest_cases(), ids=lambda path: path.name)
def test_varnishtest(case):
    """The VCL run for real by Varnish's own test tool (Debian's varnish package)."""
    path = os.pathsep.join((os.environ.get("PATH", ""), "/usr/sbin", "/sbin"))
    varnishtest = shutil.which("varnishtest", path=path)
    if varnishtest is None or shutil.which("varnishd", path=path) is None:
        pytest.skip("varnishtest is not installed (apt-get install varnish)")
    result = subprocess.run(  # noqa: S603 - Debian's varnishtest, our own test files
        [varnishtest, "-q", "-t", "60", str(case)],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
