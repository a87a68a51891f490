"""Pictures for the demo, drawn by code: landscapes and lights, never a photo of a real person.

Each carries the words "Sample image" in a corner and in its title, and a focal point around
its subject, so the demo shows how heroes and cards crop on phones and wide screens.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1600, 900
LABEL = "Sample image · drawn by code"


def _gradient(top, bottom, size=(WIDTH, HEIGHT)):
    width, height = size
    canvas = Image.new("RGB", size)
    draw = ImageDraw.Draw(canvas)
    for y in range(height):
        share = y / (height - 1)
        colour = tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return canvas


def _ridge(draw, base, peaks, colour):
    """A mountain ridge through `peaks` (x, y), closed along the bottom edge."""
    points = [(0, base), *peaks, (WIDTH, base), (WIDTH, HEIGHT), (0, HEIGHT)]
    draw.polygon(points, fill=colour)


def draw_mountains():
    """Two snow-capped peaks at dusk, a low sun behind them (the home page's hero)."""
    canvas = _gradient((27, 42, 74), (244, 162, 89))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((1060, 430, 1200, 570), fill=(255, 222, 150))
    _ridge(
        draw, 700, [(420, 610), (900, 250), (1120, 470), (1260, 400), (1500, 640)], (92, 69, 104)
    )
    draw.polygon(
        [(900, 250), (820, 330), (860, 320), (900, 345), (950, 318), (985, 330)],
        fill=(246, 240, 235),
    )
    draw.polygon([(1260, 400), (1215, 445), (1260, 455), (1300, 440)], fill=(246, 240, 235))
    _ridge(
        draw,
        760,
        [(0, 690), (300, 640), (640, 720), (1000, 660), (1350, 730), (1600, 680)],
        (61, 47, 79),
    )
    _ridge(draw, 840, [(0, 800), (400, 760), (800, 830), (1200, 780), (1600, 820)], (31, 26, 43))
    return canvas, (900, 400, 700, 400)


def draw_lights():
    """Rows of small flames in the dark: a vigil (the petition's hero)."""
    canvas = _gradient((21, 23, 28), (58, 36, 28))
    glow = Image.new("RGB", canvas.size, (0, 0, 0))
    flames = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    glow_draw, flame_draw = ImageDraw.Draw(glow), ImageDraw.Draw(flames)
    chance = random.Random(14)  # noqa: S311 - scatter for a drawing, the same every run
    for row, y in enumerate((420, 560, 720)):
        scale = 0.6 + row * 0.25
        count = 9 + row * 3
        for index in range(count):
            x = (index + 0.5) * WIDTH / count + chance.uniform(-30, 30)
            radius = 70 * scale
            glow_draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(150, 90, 30))
            width, height = 9 * scale, 26 * scale
            flame_draw.ellipse(
                (x - width, y - height, x + width, y + height * 0.4), fill=(255, 214, 120, 255)
            )
            flame_draw.rectangle(
                (x - 8 * scale, y + height * 0.5, x + 8 * scale, y + 70 * scale),
                fill=(235, 226, 210, 255),
            )
    canvas = Image.blend(canvas, glow.filter(ImageFilter.GaussianBlur(40)), 0.45)
    canvas.paste(flames, (0, 0), flames)
    return canvas, (500, 350, 600, 400)


def draw_wire():
    """Birds crossing a sunset over a strand of barbed wire (news)."""
    canvas = _gradient((58, 74, 110), (239, 180, 120))
    draw = ImageDraw.Draw(canvas)
    previous = None
    for x in range(-20, WIDTH + 40, 20):
        y = 560 - 90 * (math.cosh((x - WIDTH / 2) / 900) - 1)
        if previous:
            draw.line([previous, (x, y)], fill=(30, 28, 36), width=7)
        if x % 160 == 0:
            draw.line([(x - 22, y - 22), (x + 22, y + 22)], fill=(30, 28, 36), width=6)
            draw.line([(x - 22, y + 22), (x + 22, y - 22)], fill=(30, 28, 36), width=6)
        previous = (x, y)
    for x, y, span in ((980, 260, 46), (1090, 220, 38), (1180, 300, 30), (900, 330, 26)):
        draw.line(
            [(x - span, y - span / 2), (x, y), (x + span, y - span / 2)],
            fill=(30, 28, 36),
            width=6,
            joint="curve",
        )
    return canvas, (850, 180, 420, 180)


def draw_horizon():
    """A sunrise over still water (news)."""
    canvas = _gradient((245, 200, 150), (120, 150, 190))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((660, 420, 940, 700), fill=(255, 236, 190))
    draw.rectangle((0, 560, WIDTH, HEIGHT), fill=(70, 96, 140))
    for index, y in enumerate(range(580, HEIGHT, 26)):
        half = 150 - index * 8
        if half > 10:
            draw.line([(800 - half, y), (800 + half, y)], fill=(255, 226, 170), width=6)
    return canvas, (650, 400, 300, 300)


def draw_letters():
    """Stacked envelopes and a sealed bundle: a petition on its way (news)."""
    canvas = _gradient((236, 230, 218), (214, 204, 186))
    draw = ImageDraw.Draw(canvas)
    chance = random.Random(7)  # noqa: S311 - scatter for a drawing, the same every run
    for _ in range(14):
        x, y = chance.randint(150, 1250), chance.randint(120, 620)
        draw.rectangle(
            (x, y, x + 260, y + 170), fill=(250, 247, 240), outline=(120, 110, 95), width=4
        )
        draw.line([(x, y), (x + 130, y + 95), (x + 260, y)], fill=(120, 110, 95), width=4)
    draw.ellipse((730, 380, 870, 520), fill=(138, 28, 28))
    return canvas, (700, 350, 200, 200)


DRAWINGS = {
    "mountains": draw_mountains,
    "lights": draw_lights,
    "wire": draw_wire,
    "horizon": draw_horizon,
    "letters": draw_letters,
}


def _label(canvas):
    draw = ImageDraw.Draw(canvas, "RGBA")
    font = ImageFont.load_default(size=30)
    left, top, right, bottom = draw.textbbox((0, 0), LABEL, font=font)
    draw.rectangle(
        (24, HEIGHT - 40 - (bottom - top) - 24, 24 + right - left + 32, HEIGHT - 24),
        fill=(0, 0, 0, 150),
    )
    draw.text((40, HEIGHT - 40 - (bottom - top) - 12), LABEL, font=font, fill=(255, 255, 255, 235))


def sample_image(kind, title):
    """The demo image `kind` (one of DRAWINGS) titled `title`, drawn once and then reused."""
    image_model = get_image_model()
    title = f"Sample image: {title}"
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    canvas, (x, y, width, height) = DRAWINGS[kind]()
    _label(canvas)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=84, optimize=True, progressive=True)
    return image_model.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"sample-{kind}.jpg"),
        description="Generated sample image, drawn by code",
        focal_point_x=x + width // 2,
        focal_point_y=y + height // 2,
        focal_point_width=width,
        focal_point_height=height,
    )
