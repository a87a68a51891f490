"""Fixtures for the petition tests."""

import itertools
import os

import pytest
from django.test import Client

from .factories import make_petition

_addresses = itertools.count(1)


@pytest.fixture
def client():
    """A test client with an address of its own, so rate limits never leak between tests."""
    n = next(_addresses) + (os.getpid() % 200) * 65536
    # A browser on the site's own page: it names the origin it posts from (petitions.origins).
    return Client(
        REMOTE_ADDR=f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}",
        headers={"origin": "http://testserver"},
    )


@pytest.fixture
def petition_page(home_pages):
    return make_petition(home_pages["en"])


@pytest.fixture
def mail_on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (confirmation emails leave after the transaction commits)."""

    def capture():
        return django_capture_on_commit_callbacks(execute=True)

    return capture
