"""Share cards: the 1200×630 picture a link preview shows, drawn per page and language.

Each page type says what its card shows with a `share_card()` method returning a
`ShareCard` (or None for no card: a hidden or "name only" person has none); the
base draws it, stores it and serves it. Features never draw, and the base names
no feature.

A card's address carries a key made from everything drawn on it except the live
figure, which is represented by its milestone instead (`milestone()`): the
picture is drawn once, the first time someone (usually a social network's
crawler) asks for it, and a new address appears in the page's `og:image` when
the title, the language, the site's name or the milestone changes. Caches can
keep a card for as long as its address lives.

Cards are stored outside MEDIA_ROOT (in `SHARE_CARDS_ROOT`, by default
`<MEDIA_ROOT>-share-cards/`), so a card can only be reached through the view,
which asks the page again whether it may have one.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont, ImageOps

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
#: Part of every key: change it when the layout changes, so every card is redrawn.
LAYOUT_VERSION = "1"

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
LATIN_FONTS = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
ARMENIAN_FONTS = {False: "NotoSansArmenian-Regular.ttf", True: "NotoSansArmenian-Bold.ttf"}

BACKGROUND = (122, 24, 24)
BAND = (86, 14, 14)
TEXT = (255, 255, 255)
SOFT_TEXT = (246, 226, 222)
TRACK = (168, 80, 74)
BAR = (255, 214, 102)
MARGIN = 72
PORTRAIT_WIDTH = 420


@dataclass(frozen=True)
class ShareCard:
    """What one card shows; every text already in the page's language.

    `figure` and `progress` are live (a count): they are drawn as they are when the
    card is drawn, and `milestone` stands for them in the key, so the card is
    redrawn when the figure crosses a milestone, not at every change. `picture`, a
    Wagtail image, is drawn behind the words, darkened, around its focal point;
    `portrait`, beside them on the right.
    """

    title: str
    site_name: str = ""
    kicker: str = ""
    figure: str = ""
    detail: str = ""
    progress: float | None = None
    milestone: int | None = None
    picture: object = field(default=None, compare=False)
    portrait: object = field(default=None, compare=False)

    def __post_init__(self):
        # Choice labels are lazy: left so, they would be read in whatever language is
        # active when the key is made or the card drawn (the card view's, not the page's),
        # and the page and the view would disagree on the key.
        for name in ("title", "site_name", "kicker", "figure", "detail"):
            object.__setattr__(self, name, str(getattr(self, name)))

    def key(self, language):
        live = {"figure", "progress", "picture", "portrait"}
        stable = {item.name: getattr(self, item.name) for item in fields(self)}
        stable = {name: value for name, value in stable.items() if name not in live}
        stable.update(
            language=language,
            layout=LAYOUT_VERSION,
            picture=_picture_version(self.picture),
            portrait=_picture_version(self.portrait),
        )
        text = "\x1f".join(f"{name}={stable[name]}" for name in sorted(stable))
        return hashlib.sha256(text.encode()).hexdigest()[:20]


def milestone(count):
    """`count` rounded down to two significant figures: 57, 420, 4,200, 42,000…

    A card showing a count is redrawn when the count reaches the next one: about
    every signature at first, every thousand at 42,000, every ten thousand beyond 100,000.
    """
    count = max(int(count), 0)
    if count < 100:
        return count
    step = 10 ** (len(str(count)) - 2)
    return count - count % step


# --- Where cards live ----------------------------------------------------------


def storage():
    root = getattr(settings, "SHARE_CARDS_ROOT", None)
    if not root:
        root = f"{str(settings.MEDIA_ROOT).rstrip('/')}-share-cards"
    return FileSystemStorage(location=root)


def card_name(page_id, language, key):
    return f"{page_id}/{language}/{key}.png"


def card_url(page, card):
    """The card's address (site-relative), for `og:image`."""
    language = page.locale.language_code
    return reverse(
        "share_card",
        kwargs={"page_id": page.pk, "language": language, "key": card.key(language)},
    )


def card_png(page_id, language, card):
    """The card's PNG bytes: the stored file, or drawn now and stored, older ones removed."""
    store = storage()
    key = card.key(language)
    name = card_name(page_id, language, key)
    if store.exists(name):
        with store.open(name, "rb") as stored:
            return stored.read()
    png = draw(card)
    forget(page_id, language, keep=name)
    store.save(name, ContentFile(png))
    return png


def forget(page_id, language=None, *, keep=None):
    """Delete the stored cards of a page (in one language), but `keep`."""
    store = storage()
    folders = [f"{page_id}/{language}"] if language else []
    if language is None and store.exists(str(page_id)):
        folders = [f"{page_id}/{sub}" for sub in store.listdir(str(page_id))[0]]
    for folder in folders:
        if not store.exists(folder):
            continue
        for filename in store.listdir(folder)[1]:
            name = f"{folder}/{filename}"
            if name != keep:
                store.delete(name)


# --- Drawing ---------------------------------------------------------------------


def _picture_version(picture):
    """What changes the drawn picture: another image, file or focal point."""
    if picture is None:
        return ""
    focal = (
        picture.focal_point_x,
        picture.focal_point_y,
        picture.focal_point_width,
        picture.focal_point_height,
    )
    return f"{picture.pk}:{picture.file_hash or picture.file.name}:{focal}"


def _fitted(picture, size, centering=(0.5, 0.5)):
    """`picture` (a Wagtail image) cropped to `size` around its focal point, or None.

    Without a focal point, around `centering` (fractions of the width and height).
    """
    if picture is None:
        return None
    try:
        with picture.open_file() as stored:
            photo = Image.open(stored)
            photo.load()
    except (OSError, ValueError):
        logger.warning("Share card drawn without its picture (image %s unreadable)", picture.pk)
        return None
    focal = picture.get_focal_point()
    if focal is not None and picture.width and picture.height:
        centering = (focal.centroid.x / picture.width, focal.centroid.y / picture.height)
    return ImageOps.fit(ImageOps.exif_transpose(photo).convert("RGB"), size, centering=centering)


def _background(picture):
    """The card's background: the campaign colour, over the picture when there is one."""
    plain = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    photo = _fitted(picture, (WIDTH, HEIGHT))
    # Dark enough that white words keep a contrast above 4.5:1 on any photo.
    return plain if photo is None else Image.blend(photo, plain, 0.8)


def _is_armenian(character):
    code = ord(character)
    return 0x0531 <= code <= 0x058F or 0xFB13 <= code <= 0xFB17


@cache
def _font(armenian, bold, size):
    names = ARMENIAN_FONTS if armenian else LATIN_FONTS
    return ImageFont.truetype(str(FONTS_DIR / names[bold]), size)


def _runs(text):
    """`text` cut into runs of one script: Noto Sans has no Armenian, Noto Sans Armenian no Latin.

    Spaces go with the run before them; digits and punctuation are drawn in Noto Sans.
    """
    runs = []
    for character in text:
        armenian = runs[-1][0] if character.isspace() and runs else _is_armenian(character)
        if runs and runs[-1][0] == armenian:
            runs[-1][1].append(character)
        else:
            runs.append((armenian, [character]))
    return [(armenian, "".join(characters)) for armenian, characters in runs]


def _width(text, bold, size):
    return sum(_font(armenian, bold, size).getlength(run) for armenian, run in _runs(text))


def _draw_line(drawing, xy, text, bold, size, fill):
    x, y = xy
    for armenian, run in _runs(text):
        font = _font(armenian, bold, size)
        drawing.text((x, y), run, font=font, fill=fill)
        x += font.getlength(run)


def _wrap(text, bold, size, width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and _width(candidate, bold, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _fit(text, bold, sizes, width, max_lines, line_spacing=1.25, max_height=None):
    """The largest size at which `text` fits; cut with an ellipsis at the smallest.

    Fits means at most `max_lines` lines, and at most `max_height` pixels when given.
    """
    for size in sizes:
        lines = _wrap(text, bold, size, width)
        fits_height = max_height is None or len(lines) * int(size * line_spacing) <= max_height
        if len(lines) <= max_lines and fits_height:
            return size, lines
    size = sizes[-1]
    if max_height is not None:
        max_lines = max(1, min(max_lines, max_height // int(size * line_spacing)))
    lines = _wrap(text, bold, size, width)
    if len(lines) <= max_lines:
        return size, lines
    lines = lines[:max_lines]
    last = lines[-1]
    while last and _width(f"{last}…", bold, size) > width:
        last = last[:-1].rstrip()
    lines[-1] = f"{last}…"
    return size, lines


def draw(card):
    """The card as PNG bytes, 1200×630: kicker and title from the top, figures from the bottom."""
    image = _background(card.picture)
    drawing = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    band_top = HEIGHT - 96
    # Without a focal point, a portrait keeps the upper part, where the head is.
    portrait = _fitted(card.portrait, (PORTRAIT_WIDTH, band_top), centering=(0.5, 0.3))
    if portrait is not None:
        image.paste(portrait, (WIDTH - PORTRAIT_WIDTH, 0))
        text_width -= PORTRAIT_WIDTH - MARGIN // 2

    # The figures first, upwards from the band: the title gets the space they leave.
    bottom = band_top - 36
    if card.progress is not None:
        bar_top = bottom - 20
        drawing.rounded_rectangle(
            (MARGIN, bar_top, MARGIN + text_width, bottom), radius=10, fill=TRACK
        )
        filled = max(0.0, min(1.0, card.progress))
        if filled:
            right = MARGIN + max(20, int(text_width * filled))
            drawing.rounded_rectangle((MARGIN, bar_top, right, bottom), radius=10, fill=BAR)
        bottom = bar_top - 20
    if card.detail:
        detail_size, detail_lines = _fit(card.detail, False, (34, 30), text_width, 1)
        bottom -= int(detail_size * 1.35)
        _draw_line(drawing, (MARGIN, bottom), detail_lines[0], False, detail_size, SOFT_TEXT)
    if card.figure:
        figure_size, figure_lines = _fit(card.figure, True, (60, 52, 44), text_width, 1)
        bottom -= int(figure_size * 1.3)
        _draw_line(drawing, (MARGIN, bottom), figure_lines[0], True, figure_size, TEXT)

    y = 60
    if card.kicker:
        _draw_line(drawing, (MARGIN, y), card.kicker.upper(), True, 28, SOFT_TEXT)
        y += 56
    size, lines = _fit(
        card.title, True, (64, 56, 48, 42, 36), text_width, 5, max_height=bottom - 24 - y
    )
    for line in lines:
        _draw_line(drawing, (MARGIN, y), line, True, size, TEXT)
        y += int(size * 1.25)

    drawing.rectangle((0, band_top, WIDTH, HEIGHT), fill=BAND)
    if card.site_name:
        name_size, name_lines = _fit(card.site_name, True, (32, 28), text_width, 1)
        _draw_line(drawing, (MARGIN, band_top + 26), name_lines[0], True, name_size, TEXT)

    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
