# Language-neutral endpoints of this app (feeds, exports, embeds) are added here.
from django.urls import path

from . import open_data

urlpatterns = [
    path("open-data/prisoners.json", open_data.prisoners_json, name="prisoners_open_data_json"),
    path("open-data/prisoners.csv", open_data.prisoners_csv, name="prisoners_open_data_csv"),
    path(
        "open-data/prisoners.schema.json",
        open_data.schema_json,
        name="prisoners_open_data_schema",
    ),
]
