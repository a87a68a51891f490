"""The figures at the top of the index, for the home page and for exports.

    from prisoners.figures import compute_figures
    figures = compute_figures(index_page)   # two queries, whatever the number of people
    index_page.figures()                    # the same

    from prisoners.queries import campaign_figures
    figures = campaign_figures()            # the site's index in the active language

Every live profile counts, whatever its visibility ("counted but not shown"
exists for this), once per person whatever the number of translations.
Figures that a source reports (the campaign may know of more people than it
has profiles for) replace the counted ones; the disappeared are only ever
reported, since they are not individually known.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .facts import STILL_HELD, Category, Status


@dataclass
class Figure:
    key: str
    label: str
    value: int
    reported: bool = False


@dataclass
class Figures:
    held: Figure
    by_category: list
    by_status: list
    sentenced: int
    not_sentenced: int
    sentence_min: int | None
    sentence_max: int | None
    sentence_reported: bool
    profiles: int
    disappeared: int | None
    disappeared_at_least: bool
    disappeared_source_title: str
    disappeared_source_url: str
    source_title: str
    source_url: str
    as_of: object
    any_reported: bool = field(default=False)
    #: Approved letters of support to the people counted here (hidden people's too: a count).
    letters: int = 0
    needs_sponsor: int | None = None

    def as_dict(self):
        """A plain, JSON-ready form (exports, the API, the home page)."""
        return {
            "held": self.held.value,
            "held_is_reported": self.held.reported,
            "held_by_category": {figure.key: figure.value for figure in self.by_category},
            "profiles_by_status": {figure.key: figure.value for figure in self.by_status},
            "held_sentenced": self.sentenced,
            "held_not_sentenced": self.not_sentenced,
            "sentence_years_min": self.sentence_min,
            "sentence_years_max": self.sentence_max,
            "profiles": self.profiles,
            "disappeared": self.disappeared,
            "needs_sponsor": self.needs_sponsor,
            "disappeared_is_minimum": self.disappeared_at_least,
            "disappeared_source": {
                "title": self.disappeared_source_title,
                "url": self.disappeared_source_url,
            },
            "letters_of_support": self.letters,
            "source": {
                "title": self.source_title,
                "url": self.source_url,
                "as_of": self.as_of.isoformat() if self.as_of else None,
            },
        }


REPORTED_BY_CATEGORY = {
    Category.PRISONER_OF_WAR: "reported_prisoners_of_war",
    Category.CIVILIAN: "reported_civilians",
    Category.POLITICAL_LEADER: "reported_political_leaders",
    Category.OTHER: "reported_other",
}


def people(index_page):
    """One row per person (category, status, sentence) under the index, in any language."""
    rows = (
        index_page.profiles_in_every_language()
        .order_by()
        .values_list(
            "prisoner_id", "prisoner__category", "prisoner__status", "prisoner__sentence_years"
        )
        .distinct()
    )
    # The facts are the person's, shared by every translation: one row per record.
    return [(category, status, sentence) for key, category, status, sentence in rows if key]


def approved_letters(index_page):
    """How many approved letters of support the people under the index received."""
    from .models.letter import Letter  # the page models import this module

    people_ids = index_page.profiles_in_every_language().order_by().values("prisoner_id")
    return Letter.objects.approved().filter(prisoner_id__in=people_ids).count()


def needing_a_sponsor(index_page):
    """People the public may see who can be sponsored and have no approved sponsor.

    Hidden people are left out: nobody can apply to sponsor them.
    """
    return (
        index_page.profiles_in_every_language()
        .publicly_listed()
        .needs_a_sponsor()
        .order_by()
        .values("translation_key")
        .distinct()
        .count()
    )


def compute_figures(index_page):
    rows = people(index_page)
    held_rows = [row for row in rows if row[1] in STILL_HELD]

    def reported(name):
        return getattr(index_page, name)

    held_value = reported("reported_held")
    held = Figure(
        "held",
        _("People held"),
        held_value if held_value is not None else len(held_rows),
        reported=held_value is not None,
    )

    by_category = []
    for category in Category:
        value = reported(REPORTED_BY_CATEGORY[category])
        counted = sum(1 for row in held_rows if row[0] == category)
        if value is None and not counted and category == Category.OTHER:
            continue
        by_category.append(
            Figure(
                category.value,
                str(category.label),
                value if value is not None else counted,
                reported=value is not None,
            )
        )

    by_status = [
        Figure(status.value, str(status.label), sum(1 for row in rows if row[1] == status))
        for status in Status
    ]
    sentenced = sum(1 for row in held_rows if row[1] == Status.SENTENCED)
    sentences = [row[2] for row in held_rows if row[1] == Status.SENTENCED and row[2]]
    minimum, maximum = reported("reported_sentence_min"), reported("reported_sentence_max")
    sentence_reported = minimum is not None or maximum is not None
    if minimum is None:
        minimum = min(sentences, default=None)
    if maximum is None:
        maximum = max(sentences, default=None)

    return Figures(
        held=held,
        by_category=by_category,
        by_status=by_status,
        sentenced=sentenced,
        not_sentenced=len(held_rows) - sentenced,
        sentence_min=minimum,
        sentence_max=maximum,
        sentence_reported=sentence_reported,
        profiles=len(rows),
        disappeared=index_page.disappeared_count,
        disappeared_at_least=index_page.disappeared_at_least,
        disappeared_source_title=index_page.disappeared_source_title,
        disappeared_source_url=index_page.disappeared_source_url,
        source_title=index_page.figures_source_title,
        source_url=index_page.figures_source_url,
        as_of=index_page.figures_as_of,
        letters=approved_letters(index_page),
        needs_sponsor=needing_a_sponsor(index_page),
        any_reported=held.reported
        or sentence_reported
        or any(figure.reported for figure in by_category),
    )
