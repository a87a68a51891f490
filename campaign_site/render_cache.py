"""What pages show that only editors change, kept between requests.

Rendering a page asks the database the same questions on every request: the
menu, the language switcher's translations, the footer's settings, the site
identity, cards of people and petitions, the campaign's figures. Their answers
change when an editor publishes, unpublishes, moves or deletes a page, or saves
a snippet, a setting or a feature's shared record; never because a visitor came.

Each answer is kept in the default cache under a key holding the *content
generation*, a number that every such change increments (`content_changed`).
One increment retires every kept answer at once, so nothing has to list what a
change affects, and it happens where Varnish is purged (campaign_site.http_cache).
Features call `content_changed()` when their own shared records change (a
person's facts, a petition's status, a sponsorship or letter decided).

Kept answers also expire on their own (KEEP_SECONDS): if Redis is down the site
runs on the fallback cache and increments made there never reach Redis, so what
Redis kept from before is at most that old when it comes back.

Counts of signatures change with every signature, not with editors: anything
holding a count is kept at most `http_cache.LIVE_FIGURES_SECONDS`.

Only anonymous visitors' renders are shared: previews, and whatever a signed-in
editor sees, are always built afresh and never stored.

    from campaign_site.render_cache import remember
    menu = remember("site-menu", build_menu, vary=(site.pk, language))

    {% load render_cache %}
    {% remember_fragment "footer" LANGUAGE_CODE %}…{% endremember_fragment %}

A whole page can be kept too (`kept_page`): its HTML, rendered once for every
anonymous visitor of a language, with holes where `{% live "name" %}…{% endlive %}`
parts are drawn again on each request (a form's fresh token, a count read live).
A page kept whole is one read of the cache; its context is built only when the
kept copy is missing or has holes to fill.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.http import HttpResponse
from django.template.context import make_context
from django.template.response import TemplateResponse

#: How long a kept answer may live without any change, in seconds.
KEEP_SECONDS = 300
GENERATION_KEY = "campaign:content-generation"

_MISSING = object()
_request_local = threading.local()


def generation():
    """The current content generation, read once per request."""
    known = getattr(_request_local, "generation", None)
    if known is not None:
        return known
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A new value (not 0), so that nothing kept before a cache flush is reused.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY) or time.time_ns()
    if getattr(_request_local, "in_request", False):
        _request_local.generation = value
    return value


def content_changed(*args, **kwargs):
    """Retire everything kept. Connected to Wagtail's and Django's signals (see
    `connect_signals`); features call it when their own shared records change."""
    _request_local.generation = None
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or the cache was flushed
        cache.set(GENERATION_KEY, time.time_ns(), None)


_ANY_VISITOR = object()


class _ProcessMemo:
    """Small answers kept in this process too, by their key in the shared cache.

    The key holds the content generation, read from the shared cache once per request,
    so a change made on any node retires them as it retires the shared copies; they
    also expire after the same `timeout`. Bounded: the least recently used go first.
    """

    SIZE = 256

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return _MISSING
            if entry[0] <= time.monotonic():
                del self._entries[key]
                return _MISSING
            self._entries.move_to_end(key)
            return entry[1]

    def set(self, key, value, timeout):
        with self._lock:
            self._entries[key] = (time.monotonic() + timeout, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.SIZE:
                self._entries.popitem(last=False)


_process_memo = _ProcessMemo()


def remember(name, build, *, vary=(), timeout=KEEP_SECONDS, request=_ANY_VISITOR, in_process=False):
    """`build()`'s answer, kept until the content changes (or `timeout` seconds).
    `vary` lists what the answer depends on besides the content (language, page).
    With `request`, what that request sees is kept only if others may share it
    (`shared_render`): a preview or a signed-in editor gets `build()` afresh.

    `in_process=True` keeps it in this process as well, saving a round trip to the
    cache on every request that asks: for small answers asked on the hottest paths
    (a sign POST), which callers never change (every caller gets the same object).
    """
    if request is not _ANY_VISITOR and not shared_render(request):
        return build()
    key = ":".join(["campaign:kept", str(generation()), name, *map(str, vary)])
    if in_process:
        value = _process_memo.get(key)
        if value is not _MISSING:
            return value
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    if in_process:
        _process_memo.set(key, value, timeout)
    return value


def shared_render(request):
    """Whether what `request` renders may be kept for others (anonymous, no preview)."""
    if request is None or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


# --- pages kept whole ----------------------------------------------------------

#: The context variable that makes `{% live %}` parts leave a hole (their names).
LIVE_PARTS = "kept_page_live_parts"
#: `{% live %}` parts by name, as compiled (campaign_site.templatetags.render_cache).
live_nodes = {}


def live_mark(name):
    """What a live part leaves in a kept page. NUL never reaches content: requests
    holding one are refused (campaign_site.errors.RejectNulBytesMiddleware)."""
    return f"\x00live:{name}\x00"


def kept_page(
    request,
    template,
    build_context,
    *,
    vary,
    live=(),
    live_context=None,
    shared_live=(),
    shared_live_key=None,
    shared_live_seconds=KEEP_SECONDS,
    timeout=KEEP_SECONDS,
):
    """The response of a page whose HTML is the same for every anonymous visitor of a
    language, but for its `live` parts (`{% live name %}` in its templates).

    The HTML is kept (`remember`, under `vary`: give the site, the page and the
    language) with a hole per live part; each request reads it and draws only the
    live parts, from `live_context()` (what they need: by default `build_context()`,
    which is called only when the page is built). The live parts named in
    `shared_live` depend on nothing but `shared_live_key(context)` (a count) besides
    what the page itself shows: drawn once per key and kept together, at most
    `shared_live_seconds`.
    Whatever else the page shows must be kept no longer than `timeout` allows (counts:
    LIVE_FIGURES_SECONDS). Previews and signed-in editors get the usual full render.
    """
    from django.template.loader import get_template

    if request.method not in ("GET", "HEAD") or not shared_render(request):
        return TemplateResponse(request, template, build_context())
    compiled = get_template(template) if isinstance(template, str) else template
    built = {}

    def build():
        built["context"] = build_context()
        return compiled.render({**built["context"], LIVE_PARTS: frozenset(live)}, request)

    # Absolute links (oEmbed discovery, og:image) are drawn for the host that was asked.
    origin = hashlib.sha256(request.build_absolute_uri("/").encode()).hexdigest()[:16]
    kept_as = compiled.origin.template_name
    html = remember(f"page:{kept_as}", build, vary=(*vary, origin), timeout=timeout)
    holes = [name for name in live if live_mark(name) in html]
    if holes:
        if any(name not in live_nodes for name in holes):
            # A process that has not compiled every template of the page yet: this
            # one full render compiles them.
            return TemplateResponse(request, template, built.get("context") or build_context())
        context = built.get("context") or (live_context or build_context)()
        parts = {}
        together = [name for name in holes if name in shared_live]
        if together:
            key = hashlib.sha256(repr(shared_live_key(context)).encode()).hexdigest()[:32]
            parts = remember(
                f"live:{kept_as}",
                lambda: dict(
                    zip(together, _render_live(compiled, together, context, request), strict=True)
                ),
                vary=(*vary, origin, key, *together),
                timeout=shared_live_seconds,
            )
        parts = dict(parts)
        alone = [name for name in holes if name not in parts]
        parts.update(zip(alone, _render_live(compiled, alone, context, request), strict=True))
        for name in holes:
            html = html.replace(live_mark(name), parts[name])
    return HttpResponse(html)


def _render_live(compiled, names, context, request):
    """The live parts `names` of `compiled` (a backend template), rendered as the whole
    template would render them: same context processors, same engine."""
    template = compiled.template
    drawn = make_context(context, request, autoescape=compiled.backend.engine.autoescape)
    with drawn.render_context.push_state(template), drawn.bind_template(template):
        drawn.template_name = template.name
        return [live_nodes[name].nodelist.render(drawn) for name in names]


def _request_begins(**kwargs):
    _request_local.generation = None
    _request_local.in_request = True


def _request_ends(**kwargs):
    _request_local.generation = None
    _request_local.in_request = False


def connect_signals():
    """Every change an editor makes that pages show increments the generation."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    request_started.connect(_request_begins, dispatch_uid="campaign-render-cache-begins")
    request_finished.connect(_request_ends, dispatch_uid="campaign-render-cache-ends")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"campaign-render-cache-{id(signal)}")
    post_save.connect(_model_changed, dispatch_uid="campaign-render-cache-saved")
    post_delete.connect(_model_changed, dispatch_uid="campaign-render-cache-deleted")


def _model_changed(sender, instance, created=False, **kwargs):
    if created and _is_settings(sender):
        # Wagtail creates a site's settings row, empty, the first time a page reads
        # it: nothing kept can have read it before, so nothing is retired.
        return
    if _is_content(sender):
        content_changed()


def _is_settings(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


_content_models = {}


def _is_content(model):
    """Pages (deleted or moved: publishing has its own signal), sites, locales,
    view restrictions, settings and snippets: what editors change and pages show.
    A snippet whose rows visitors create (letters) says `changes_pages_on_save =
    False` and its feature calls `content_changed()` when an editor's decision makes it show."""
    known = _content_models.get(model)
    if known is None:
        if getattr(model, "changes_pages_on_save", True) is False:
            _content_models[model] = False
            return False
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
        from wagtail.models import BaseViewRestriction, Locale, Page, Site
        from wagtail.snippets.models import get_snippet_models

        # View restrictions: making a page private changes what menus and
        # listings may show, and Wagtail sends no publishing signal for it.
        known = issubclass(
            model, (Page, Site, Locale, BaseSiteSetting, BaseGenericSetting, BaseViewRestriction)
        ) or model in set(get_snippet_models())
        _content_models[model] = known
    return known
