# Views of this app that are not Wagtail pages but speak the visitor's language:
# mounted inside i18n_patterns, so they live under /en/, /fr/, /hy/.
urlpatterns = []
