"""Who the client is, for throttling (login lockout, survey rate limit)."""

from django.conf import settings


def client_ip(request) -> str:
    """The client's address. Behind our own reverse proxy (BEHIND_PROXY), the right-most
    X-Forwarded-For entry: the one nginx appended, which a client cannot forge."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if entries:
            return entries[-1]
    return request.META.get("REMOTE_ADDR", "")
