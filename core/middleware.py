"""Request/response mechanics that hold for every page."""

from django.utils.cache import (
    add_never_cache_headers,
    has_vary_header,
    patch_vary_headers,
)


class NoStoreForSignedInMiddleware:
    """Pages for a signed-in user are never stored by the browser or a proxy.

    Offices share computers: without this, the back button after logout (or the next user of
    the browser) shows the previous user's pages from the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            if not has_vary_header(response, "Cookie"):
                patch_vary_headers(response, ["Cookie"])
        return response
