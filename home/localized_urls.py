"""Views of the home app that speak the visitor's language (under /en/, /fr/, /hy/)."""

from django.urls import path

from home import views

urlpatterns = [
    path("search/", views.search, name="search"),
]
