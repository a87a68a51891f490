# Views of this app that are not Wagtail pages but speak the visitor's language:
# mounted inside i18n_patterns, so they live under /en/, /fr/, /hy/.
from django.urls import path

from . import views

urlpatterns = [
    path("petitions/sign/<int:page_id>/", views.sign_view, name="petitions_sign"),
    path("petitions/confirm/<str:token>/", views.confirm_view, name="petitions_confirm"),
]
