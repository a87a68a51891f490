from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_root(request):
    """Send `/` to the home page in the visitor's best language.

    The choice follows the language cookie, then Accept-Language, then the
    site default; caches must key on both.
    """
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
