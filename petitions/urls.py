# Language-neutral endpoints of this app (feeds, exports, embeds) are added here.
from django.urls import path

from . import views

urlpatterns = [
    path("petitions/<uuid:key>/count.json", views.count_view, name="petitions_count"),
]
