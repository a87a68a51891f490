"""Demo: the home page's sections and three news items, in English, French and Armenian.

The words live in data/home.yaml (the sections) and data/news.yaml (the news), where
the seed rules are written down. Translations go through wagtail-localize
(campaign_site.localization.publish_translation), so translators find them in the
admin and see when the English changes. Runs last in load_demo: it features the
sample prisoners and links the petition that earlier loaders made. Safe to run again.
"""

from wagtail.models import Locale

from campaign_site.demo_data import catalogue, english, read_demo_data, translation_languages
from campaign_site.demo_images import sample_image
from campaign_site.localization import publish_translation
from home.models import (
    HomePage,
    HomePageFeaturedPrisoner,
    NewsIndexPage,
    NewsPage,
    NewsPageRelatedPage,
    NewsTag,
)
from petitions import demo as petition_demo
from prisoners.visibility import Visibility

from . import site as site_demo


def news_data():
    return read_demo_data(site_demo.DATA_DIR / "news.yaml")


def set_stream(page, field_name, items):
    """Set a StreamField to `items` [(type, value)], keeping the block ids already stored.

    Stable ids keep wagtail-localize's segments in place when the demo runs again.
    """
    old_ids = [child.id for child in getattr(page, field_name)] if page.pk else []
    setattr(page, field_name, items)
    for child, block_id in zip(getattr(page, field_name), old_ids, strict=False):
        child.id = block_id


def ensure_tags(context, news):
    english_locale = Locale.objects.get(language_code="en")
    tags = {}
    for slug, name in news["tags"].items():
        tag, _created = NewsTag.objects.update_or_create(
            slug=slug, locale=english_locale, defaults={"name": english(name)}
        )
        tags[slug] = tag
        for language in translation_languages():
            report(
                context,
                f"tag {slug}",
                language,
                publish_translation(tag, language, catalogue([name], language)),
            )
    return tags


def ensure_news_index(home, index_data):
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
        index = NewsIndexPage.objects.get(pk=index.pk)
    index.title = english(index_data["title"])
    index.introduction = f"<p>{english(index_data['introduction'])}</p>"
    index.show_in_menus = True
    # The search description repeats the introduction, so one translation serves both.
    index.search_description = english(index_data["introduction"])
    index.save_revision().publish()
    return index


def references_block(references):
    return (
        "references",
        {
            "heading": english(references["heading"]),
            "references": [
                {"text": english(text), "url": "", "date": None} for text in references["items"]
            ],
        },
    )


# Drawn pictures for the news items, in the order of news.yaml.
NEWS_IMAGES = (
    ("wire", "birds over barbed wire"),
    ("horizon", "sunrise over water"),
    ("letters", "letters on their way"),
)


def ensure_news_item(index, data, tags, petition, references, *, image=None, image_credit=None):
    item = NewsPage.objects.child_of(index).filter(slug=data["slug"]).first()
    created = item is None
    if created:
        item = NewsPage(slug=data["slug"])
    item.title = english(data["title"])
    item.date = data["date"]
    item.lead = english(data["lead"])
    item.image = image
    item.image_credit = english(image_credit) if image_credit else ""
    # The search description repeats the lead, so one translation serves both.
    item.search_description = english(data["lead"])
    body = [("paragraph", f"<p>{english(paragraph)}</p>") for paragraph in data["paragraphs"]]
    if data["references"]:
        body.append(references_block(references))
    set_stream(item, "body", body)
    item.tags = [tags[slug] for slug in data["tags"]]
    item.related_pages = [NewsPageRelatedPage(target=petition)] if petition is not None else []
    if created:
        index.add_child(instance=item)
    item.save_revision().publish()
    return NewsPage.objects.get(pk=item.pk)


def news_catalogue(data, references, language, image_credit=None):
    texts = [data["title"], data["lead"], *data["paragraphs"]]
    if image_credit:
        texts.append(image_credit)
    if data["references"]:
        texts += [references["heading"], *references["items"]]
    return catalogue(texts, language)


def fill_home(home, context, data):
    home = HomePage.objects.get(pk=home.pk)
    home.main_petition = context.objects.get("petition")
    home.hero_image = sample_image("mountains", "mountains at dusk")
    home.call_to_action = english(data["home"]["call_to_action"])
    home.latest_news_count = data["home"]["latest_news_count"]
    set_stream(
        home,
        "timeline",
        [
            (
                "event",
                {
                    "date": event["date"],
                    "precision": event["precision"],
                    "title": english(event["title"]),
                    "text": f"<p>{english(event['text'])}</p>",
                },
            )
            for event in data["timeline"]
        ],
    )
    set_stream(
        home,
        "partners",
        [("partner", {"name": name, "logo": None, "url": ""}) for name in data["partners"]],
    )
    profiles = [
        page
        for page in (context.objects.get("prisoners") or {}).values()
        if page.visibility != Visibility.COUNTED
    ][: data["home"]["featured_prisoners"]]
    home.featured_prisoners = [HomePageFeaturedPrisoner(prisoner=page) for page in profiles]
    home.save_revision().publish()
    return home


def report(context, what, language, missing):
    for text in missing:
        context.warn(f"{what} ({language}): no translation for {text[:60]!r}")


def load(context):
    home_data = site_demo.home_data()
    news = news_data()
    home = fill_home(context.objects["home"], context, home_data)
    for language in translation_languages():
        report(
            context,
            "home",
            language,
            publish_translation(home, language, site_demo.home_catalogue(home_data, language)),
        )
    context.log("Home page: call to action, figures, featured prisoners, timeline, partners")

    tags = ensure_tags(context, news)
    index = ensure_news_index(home, news["index"])
    for language in translation_languages():
        report(
            context,
            "news index",
            language,
            publish_translation(index, language, catalogue(news["index"].values(), language)),
        )
    petition = context.objects.get("petition")
    if petition is not None and context.objects.get("prisoners"):
        petition_demo.name_subjects(petition, context.objects["prisoners"])
        context.log("Petition: names the demo's people")
    for number, data in enumerate(news["news"]):
        kind, title = NEWS_IMAGES[number % len(NEWS_IMAGES)]
        item = ensure_news_item(
            index,
            data,
            tags,
            petition,
            news["references"],
            image=sample_image(kind, title),
            image_credit=news["image_credit"],
        )
        for language in translation_languages():
            report(
                context,
                data["slug"],
                language,
                publish_translation(
                    item,
                    language,
                    news_catalogue(data, news["references"], language, news["image_credit"]),
                ),
            )
    context.log(f"News index and {len(news['news'])} news items in English, French and Armenian")
