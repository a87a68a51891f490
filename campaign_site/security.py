"""Content-Security-Policy on every response, with django-csp.

Public pages load nothing but the site's own files: no inline script, no
third-party origin, framed by nobody (widgets replace frame-ancestors with the
partners allowed to embed them, campaign_site.embeds). Wagtail's admin runs
inline scripts and styles of its own, so /admin/ gets those, and may frame
itself (the preview panel); nothing else changes there.

CSP_REPORT_ONLY=true sends the same policy as Content-Security-Policy-Report-Only,
to try a stricter policy on a live site before enforcing it.
"""

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware

PUBLIC_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    # Videos and posts embedded in news items (YouTube, Vimeo…) come from their sites.
    "frame-src": [SELF, "https:"],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
    "base-uri": [NONE],
    "object-src": [NONE],
}

#: What the admin needs on top of the public policy.
ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
ADMIN_REPLACEMENTS = {"frame-ancestors": [SELF]}
ADMIN_PREFIX = "/admin/"


def policy_settings(report_only):
    """(CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY) for settings."""
    policy = {"DIRECTIVES": PUBLIC_DIRECTIVES}
    return (None, policy) if report_only else (policy, None)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.config is None:
            parts.update = {**ADMIN_ADDITIONS, **(parts.update or {})}
            parts.replace = {**ADMIN_REPLACEMENTS, **(parts.replace or {})}
        return parts
