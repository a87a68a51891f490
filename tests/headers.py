"""Reading response headers in tests."""


def csp_directives(response):
    """{directive: value} of a response's Content-Security-Policy."""
    return dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )
