# Views of this app that are not Wagtail pages but speak the visitor's language:
# mounted inside i18n_patterns, so they live under /en/, /fr/, /hy/.
from django.urls import path

from . import views

urlpatterns = [
    path("prisoners/sponsor/<uuid:key>/", views.sponsor, name="prisoners_sponsor"),
    path(
        "prisoners/sponsor/<uuid:key>/thanks/",
        views.sponsor_thanks,
        name="prisoners_sponsor_thanks",
    ),
    path("prisoners/letter/<uuid:key>/", views.write_letter, name="prisoners_letter"),
    path(
        "prisoners/letter/<uuid:key>/thanks/",
        views.letter_thanks,
        name="prisoners_letter_thanks",
    ),
    path(
        "prisoners/sponsor/certificate/<str:token>/",
        views.sponsor_certificate,
        name="prisoners_sponsor_certificate",
    ),
]
