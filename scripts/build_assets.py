"""Rebuild the site's fonts (campaign_site/static/fonts/*.woff2) and /favicon.ico.

The sources are Debian's `fonts-noto-core` (Noto Sans, Noto Sans Armenian; SIL Open Font
License). Each face is cut down to the characters our three languages and the demo's names
use, without hinting, and compressed to WOFF2: about a tenth of the full fonts, so a phone on
a slow connection pays little for them. The stylesheet's @font-face rules repeat these ranges
as `unicode-range`, so a French page never downloads the Armenian files.

    apt-get install fonts-noto-core
    .venv/bin/python scripts/build_assets.py           # FONT_DIR=... for another source folder

The favicon.ico is the site's mark (static/favicon.svg, which browsers prefer) redrawn for
the browsers and tools that ask for /favicon.ico.
"""

import os
import sys
from pathlib import Path

from fontTools import subset
from PIL import Image, ImageDraw

SOURCE = Path(os.environ.get("FONT_DIR", "/usr/share/fonts/truetype/noto"))
STATIC = Path(__file__).resolve().parent.parent / "campaign_site" / "static"
TARGET = STATIC / "fonts"

# Kept in step with the unicode-range of the @font-face rules in css/site.css.
LATIN = (
    "U+0000-00FF,U+0100-017F,U+018F,U+0259,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,"
    "U+02DC,U+2000-206F,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+FEFF,U+FFFD"
)
ARMENIAN = "U+0530-058F,U+FB13-FB17"

FACES = {
    "noto-sans-latin-400.woff2": ("NotoSans-Regular.ttf", LATIN),
    "noto-sans-latin-700.woff2": ("NotoSans-Bold.ttf", LATIN),
    "noto-sans-armenian-400.woff2": ("NotoSansArmenian-Regular.ttf", ARMENIAN),
    "noto-sans-armenian-700.woff2": ("NotoSansArmenian-Bold.ttf", ARMENIAN),
}


def unicodes(ranges):
    return subset.parse_unicodes(ranges.replace("U+", ""))


def build(source, target, ranges):
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence names
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes(ranges))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def draw_favicon(size):
    """The mark of favicon.svg (a yellow tile, a broken chain link) at `size` pixels."""
    scale = size / 32
    tile = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tile)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=7 * scale, fill="#ffcc00")
    stroke = max(2, round(3 * scale))
    for left, start, end in ((5, 90, 270), (15, 270, 90)):
        box = [coordinate * scale for coordinate in (left, 10, left + 12, 22)]
        draw.arc(box, start, end, fill="#15171c", width=stroke)
    for x0, x1 in ((11, 14), (18, 21)):
        for y in (10, 22):
            draw.line(
                [(x0 * scale, y * scale), (x1 * scale, y * scale)], fill="#15171c", width=stroke
            )
    return tile


def build_favicon():
    target = STATIC / "favicon.ico"
    draw_favicon(64).save(target, sizes=[(16, 16), (32, 32), (48, 48), (64, 64)])
    print(f"campaign_site/static/favicon.ico: {target.stat().st_size:,} bytes")


def main():
    missing = [name for name, _ in FACES.values() if not (SOURCE / name).exists()]
    if missing:
        sys.exit(f"Missing in {SOURCE}: {', '.join(missing)} (apt-get install fonts-noto-core)")
    TARGET.mkdir(parents=True, exist_ok=True)
    for target_name, (source_name, ranges) in FACES.items():
        target = TARGET / target_name
        build(SOURCE / source_name, target, ranges)
        print(f"{target.relative_to(TARGET.parent.parent.parent)}: {target.stat().st_size:,} bytes")
    build_favicon()


if __name__ == "__main__":
    main()
