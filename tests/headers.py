"""Reading response headers in tests."""


def csp_directives(response):
    """{directive: value} of a response's Content-Security-Policy."""
    return dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


def directives(cache_control):
    """{directive: seconds or True} of a Cache-Control header."""
    pairs = (part.strip().partition("=") for part in cache_control.split(","))
    return {name: int(value) if value else True for name, _eq, value in pairs}


def max_staleness(cache_control):
    """The oldest copy a shared cache may serve while the site answers."""
    found = directives(cache_control)
    return found["s-maxage"] + found.get("stale-while-revalidate", 0)
