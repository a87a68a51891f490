"""A prisoner's public card as JSON: the widgets API and the content API send the same one."""

#: The card's photo: square, small enough for a grid of cards.
CARD_PHOTO = "fillhead-320x400"


def card_data(request, profile):
    """The JSON card of a PublicProfile (widgets API and content API alike)."""
    photo = profile.photo.get_rendition(CARD_PHOTO).url if profile.photo else None
    return {
        "id": profile.id,
        "page_id": profile.page.pk,
        "name": profile.name,
        "url": request.build_absolute_uri(profile.url or profile.page.get_url(request)),
        "language": profile.language,
        "category": profile.category,
        "category_label": str(profile.category_label),
        "status": profile.status,
        "status_label": str(profile.status_label),
        "days_in_captivity": profile.days_in_captivity,
        # As the source page writes it, in every language (prisons are known by their name);
        # empty on a PublicProfile whenever the visibility rule keeps it from the public.
        "detention_place": profile.detention_place or None,
        "sponsor_count": profile.sponsor_count or 0,
        "needs_sponsor": bool(getattr(profile, "needs_sponsor", False)),
        "photo_url": request.build_absolute_uri(photo) if photo else None,
        "is_sample": profile.is_sample,
    }
