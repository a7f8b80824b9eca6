"""Draw the book's PNG icons and favicon.ico from docs/_static/icons/icon.svg, in Chromium.

The results are committed, so the build needs no image tools; run this after changing the
SVG:  python tools/render_icons.py
"""

from __future__ import annotations

import base64
import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "docs" / "_static" / "icons"
SVG = ICONS / "icon.svg"
APP_SIZES = (192, 512)
FAVICON = ROOT / "docs" / "_extra" / "favicon.ico"
FAVICON_SIZES = (16, 32, 48)


def ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (every browser reads PNG inside .ico)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in pngs.items():
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> None:
    source = "data:image/svg+xml;base64," + base64.b64encode(SVG.read_bytes()).decode()
    pngs: dict[int, bytes] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size in (*APP_SIZES, *FAVICON_SIZES):
            page = browser.new_page(viewport={"width": size, "height": size})
            image = f'<img src="{source}" width={size} height={size}>'
            page.set_content(f'<body style="margin:0">{image}</body>')
            page.wait_for_function("document.images[0].complete")
            pngs[size] = page.screenshot(omit_background=True)
            page.close()
        browser.close()
    for size in APP_SIZES:
        (ICONS / f"icon-{size}.png").write_bytes(pngs[size])
    FAVICON.write_bytes(ico({size: pngs[size] for size in FAVICON_SIZES}))


if __name__ == "__main__":
    main()
