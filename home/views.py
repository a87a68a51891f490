import difflib
import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page, PageViewRestriction

from campaign_site.abuse import RETRY_AFTER_SECONDS, SEARCH_LIMITED_MESSAGE, search_limited
from campaign_site.pages import hidden_page_ids, public_specific_pages
from campaign_site.render_cache import remember
from campaign_site.routing import site_for_request
from home.cards import card_image_id, card_summary, images_with_renditions, installed_models


def language_root(request):
    """Send `/` to the home page in the visitor's best language.

    The choice follows the language cookie, then Accept-Language, then the
    site default; caches must key on both.
    """
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


# --- Search -----------------------------------------------------------------

# What the search page looks through, in the order results are counted. Page
# types of apps not yet installed are left out.
SEARCH_SCOPES = (
    ("news", "home.NewsPage", _("News")),
    ("petitions", "petitions.PetitionPage", _("Petitions")),
    ("prisoners", "prisoners.PrisonerPage", _("Prisoners")),
)
RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search_scopes():
    """[(key, model, label)] for the searchable page types that exist."""
    scopes = []
    for key, name, label in SEARCH_SCOPES:
        models = installed_models([name])
        if models:
            scopes.append((key, models[0], label))
    return scopes


def searchable_pages(request):
    """Public pages of the site's tree in the active language (base queryset for the
    search backend).

    The search backend only understands filters on indexed fields, so the
    pages hidden by their own visibility rule are excluded by id. What this
    depends on (the language's home, private sections, hidden pages) is kept
    until an editor changes something (campaign_site.render_cache).
    """
    scope = remember(
        "search-scope",
        lambda: _search_scope(request),
        vary=(getattr(site_for_request(request), "pk", None), translation.get_language()),
    )
    if scope is None:
        return Page.objects.none()
    pages = Page.objects.filter(
        path__startswith=scope["path"], depth__gt=scope["depth"], locale_id=scope["locale"]
    ).live()
    for private in scope["private"]:  # PageQuerySet.public(), without its query
        pages = pages.exclude(path__startswith=private)
    if scope["hidden"]:
        pages = pages.exclude(pk__in=scope["hidden"])
    return pages


def _search_scope(request):
    locale = Locale.get_active()
    site = site_for_request(request)
    home = site.root_page.get_translation_or_none(locale) if site else None
    if home is None:
        return None
    pages = Page.objects.descendant_of(home).filter(locale=locale)
    return {
        "path": home.path,
        "depth": home.depth,
        "locale": locale.pk,
        "private": [restriction.page.path for restriction in _restrictions()],
        "hidden": hidden_page_ids(pages),
    }


def _restrictions():
    return PageViewRestriction.objects.select_related("page")


@require_safe
def search(request):
    """One results page per language across news, petitions and public prisoner profiles."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    scopes = search_scopes()
    scope_keys = [key for key, _model, _label in scopes]
    selected = request.GET.get("type", "")
    if selected not in scope_keys:
        selected = ""

    context = {
        "query": query,
        "selected_type": selected,
        "counts": [],
        "total": 0,
        "results_page": None,
        "results": [],
        "search_url": reverse("search"),
    }
    if query and search_limited(request):
        # Over the limit: the query stays in the box, nothing is searched.
        context["refusal"] = SEARCH_LIMITED_MESSAGE
        response = TemplateResponse(request, "home/search.html", context, status=429)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if query:
        base = searchable_pages(request)
        counts = []
        for key, model, label in scopes:
            count = base.type(model).search(query).count()
            counts.append({"key": key, "label": label, "count": count})
        context["counts"] = counts
        context["total"] = sum(entry["count"] for entry in counts)

        if selected:
            chosen = [model for key, model, _label in scopes if key == selected]
        else:
            chosen = [model for _key, model, _label in scopes]
        results = base.type(*chosen).search(query) if chosen else Page.objects.none()
        paginator = Paginator(results, RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
        context["results_page"] = results_page
        context["pagination_query"] = urlencode(
            {"q": query, **({"type": selected} if selected else {})}
        )
        context["page_range"] = paginator.get_elided_page_range(results_page.number, on_each_side=2)
        context["results"] = search_results(list(results_page.object_list), request)
        if not context["total"]:
            context["suggestions"] = search_suggestions(query, base, request)

    response = TemplateResponse(request, "home/search.html", context)
    return response


#: How many public titles "no results" suggestions compare the query with.
SUGGESTION_TITLES = 2000
#: How many words of a query they correct, and how much of it they compare with titles:
#: each word costs a pass over the titles' words, and every new query misses the cache.
SUGGESTION_WORDS = 6
SUGGESTION_QUERY_LENGTH = 100


def search_suggestions(query, pages, request):
    """When nothing matches: the query spelt as words of our titles, and close titles.

    [{"label", "url"}]: a corrected search first, when it finds something, then
    up to three pages whose title is close to the query (a misspelt name).
    """
    titles, vocabulary = suggestion_words(pages, request)
    suggestions = []
    corrected = " ".join(
        (difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.75) or [word])[0]
        for word in query.split()[:SUGGESTION_WORDS]
    )
    if corrected.lower() != query.lower() and pages.search(corrected).count():
        suggestions.append(
            {"label": corrected, "url": reverse("search") + "?" + urlencode({"q": corrected})}
        )
    by_title = {title.lower(): pk for pk, title in titles}
    close = difflib.get_close_matches(
        query[:SUGGESTION_QUERY_LENGTH].lower(), list(by_title), n=3, cutoff=0.6
    )
    for page in public_specific_pages(by_title[title] for title in close).values():
        suggestions.append({"label": page.title, "url": page.get_url(request)})
    return suggestions


def suggestion_words(pages, request):
    """([(pk, title)], sorted lower-case words of those titles): what suggestions compare
    a query with. The same for every query of a site and language, and reloading up to
    SUGGESTION_TITLES titles is most of a "no results" answer's cost: kept until an
    editor changes something (campaign_site.render_cache), as the search's scope is."""

    def build():
        titles = list(
            pages.order_by("-first_published_at").values_list("pk", "title")[:SUGGESTION_TITLES]
        )
        vocabulary = sorted(
            {word.lower() for _pk, title in titles for word in re.findall(r"\w+", title)}
        )
        return titles, vocabulary

    return remember(
        "search-suggestion-words",
        build,
        vary=(getattr(site_for_request(request), "pk", None), translation.get_language()),
    )


def search_results(pages, request):
    """The specific pages behind `pages`, in order, with their card pictures and summaries."""
    if not pages:
        return []
    # Checked again: a result must never be a page the public may not see.
    specific = public_specific_pages(page.pk for page in pages)
    ordered = [specific[page.pk] for page in pages if page.pk in specific]
    images = images_with_renditions(card_image_id(page) for page in ordered)
    return [
        {
            "page": page,
            "url": page.get_url(request),
            "title": page.title,
            "kind": page._meta.verbose_name,
            "summary": card_summary(page),
            "date": getattr(page, "date", None),
            "image": images.get(card_image_id(page)),
        }
        for page in ordered
    ]


# --- Discovery --------------------------------------------------------------


def site_root_url(request):
    """The public address of the request's site, as the sitemap writes its URLs."""
    site = site_for_request(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawlers may read every public page; the admin and editor previews are off limits."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        "",
        f"Sitemap: {site_root_url(request)}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
