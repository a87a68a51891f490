"""Print the SQL query count of the demo petition page (steady state)."""

import django


def main():
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from petitions.models import PetitionPage

    page = PetitionPage.objects.live().first()
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(page.url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(page.url)
    assert response.status_code == 200, response.status_code
    print(f"{len(context.captured_queries)} {page.url}")


if __name__ == "__main__":
    main()
