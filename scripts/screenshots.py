"""Screenshots of every page type, at phone and desktop sizes, in every language.

Pages are found through the public content API, so the script needs no database access and
works against any running copy of the site (development, staging, production). Files are
named `<language>-<page type>-<size>.png`; an index.html beside them shows them side by side.
"""

import argparse
import html
import json
import os
import shutil
import sys
import urllib.parse
import urllib.request
from pathlib import Path

LANGUAGES = ("en", "fr", "hy")
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
# Page type in the content API -> the name used for its screenshots.
PAGE_TYPES = {
    "home.HomePage": "home",
    "petitions.PetitionPage": "petition",
    "prisoners.PrisonerIndexPage": "prisoner-index",
    "prisoners.PrisonerPage": "profile",
    "home.NewsIndexPage": "news-index",
    "home.NewsPage": "news",
}


def first_page_path(base_url, page_type, language):
    query = urllib.parse.urlencode(
        {"type": page_type, "locale": language, "limit": 1, "fields": "_,html_url"}
    )
    url = f"{base_url}/api/v2/pages/?{query}"
    if not url.startswith(("http://", "https://")):
        sys.exit(f"--base-url must be an http(s) address, not {base_url!r}")
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - scheme checked above
        items = json.load(response)["items"]
    if not items:
        return None
    return urllib.parse.urlsplit(items[0]["meta"]["html_url"]).path


def page_paths(base_url, language):
    """(name, path) of one page per type, the search results and the sponsor form."""
    paths = []
    for page_type, name in PAGE_TYPES.items():
        path = first_page_path(base_url, page_type, language)
        if path:
            paths.append((name, path))
    paths.append(("search", f"/{language}/search/?q=petition"))
    paths.append(("not-found", f"/{language}/this-page-does-not-exist/"))
    return paths


def find_chromium():
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    sys.exit("Chromium not found: apt-get install chromium, or set CHROMIUM_PATH")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="var/screenshots", type=Path)
    parser.add_argument(
        "--full-page", action="store_true", help="the whole page, not the first screen"
    )
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    arguments = parser.parse_args()
    base_url = arguments.base_url.rstrip("/")
    arguments.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=find_chromium(), args=["--headless=new", "--no-sandbox"]
        )
        for language in arguments.languages.split(","):
            targets = page_paths(base_url, language)
            # The sponsor form is linked from a profile that can be sponsored.
            for size_name, (width, height) in SIZES.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height}, locale=language
                )
                tab = context.new_page()
                for name, path in targets:
                    tab.goto(f"{base_url}{path}", wait_until="networkidle")
                    file_name = f"{language}-{name}-{size_name}.png"
                    tab.screenshot(path=arguments.out / file_name, full_page=arguments.full_page)
                    shots.append((language, name, size_name, file_name))
                    if name == "profile":
                        sponsor = tab.locator(".profile__sponsor-cta a").first
                        if sponsor.count():
                            tab.goto(f"{base_url}{sponsor.get_attribute('href')}")
                            file_name = f"{language}-sponsor-form-{size_name}.png"
                            tab.screenshot(
                                path=arguments.out / file_name, full_page=arguments.full_page
                            )
                            shots.append((language, "sponsor-form", size_name, file_name))
                context.close()
        browser.close()

    rows = "\n".join(
        f'<figure><img src="{html.escape(file)}" alt="" loading="lazy">'
        f"<figcaption>{html.escape(language)} · {html.escape(name)} · {size}</figcaption></figure>"
        for language, name, size, file in shots
    )
    (arguments.out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Screenshots</title>"
        "<style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:1rem}"
        "img{max-height:480px;border:1px solid #ccc}</style>\n" + rows + "\n"
    )
    print(f"{len(shots)} screenshots in {arguments.out}/ (open index.html)")


if __name__ == "__main__":
    main()
