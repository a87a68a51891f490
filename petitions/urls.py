# Language-neutral endpoints of this app (feeds, exports, embeds) are added here.
urlpatterns = []
