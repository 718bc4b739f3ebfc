"""Make Great Expectations' Data Docs work offline and leak nothing.

GX's Data Docs pages load their scripts and styles from public CDNs and their logo from GX's
own server (with the data context's id in the URL). Auditors open these pages where there may
be no network, and nobody should learn who opened them. This module copies the same libraries,
pinned in ``docs_assets/package.json`` and installed from the npm registry by ``make setup``,
into the site and rewrites every page to use the local copies.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from webcare import config
from webcare.errors import WebcareError

NODE_MODULES = config.PROJECT_ROOT / "docs_assets" / "node_modules"
VENDOR = "vendor"

# CDN address in GX's templates -> file inside docs_assets/node_modules
ASSETS = {
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "@forevolve/bootstrap-dark/dist/css/bootstrap-prefers-dark.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker/dist/css/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker/dist/js/bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css":
        "@fortawesome/fontawesome-free/css/all.min.css",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap/dist/js/bootstrap.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table/dist/extensions/filter-control/bootstrap-table-filter-control.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table/dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table/dist/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table/dist/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table/dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega-embed/build/vega-embed.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega-lite/build/vega-lite.js",
    "https://cdn.jsdelivr.net/npm/vega@5": "vega/build/vega.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.js/dist/umd/popper.min.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
}
EXTRA_DIRS = ["@fortawesome/fontawesome-free/webfonts"]  # fonts the Font Awesome stylesheet loads
GX_IMAGES = re.compile(r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/([A-Za-z_.-]+)(\?[^\"')]*)?")


def _vendor(site: Path) -> None:
    if not NODE_MODULES.exists():
        raise WebcareError("docs_assets/node_modules is missing: run `make setup` (npm ci in docs_assets)")
    for relative in [*ASSETS.values()]:
        target = site / VENDOR / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(NODE_MODULES / relative, target)
    for relative in EXTRA_DIRS:
        shutil.copytree(NODE_MODULES / relative, site / VENDOR / relative, dirs_exist_ok=True)


MARK = ".localised"  # in the site: its modification time is when the last localise started


# GX writes a table cell's value into the page as it is, unescaped: an unexpected value that is markup
# (a record id "<script>…</script>") ran as script in every auditor's browser (issue 13, item 11).
# GX's own markup in a cell always starts on a new line; a value it copied starts at once. Known limit:
# a value that itself holds "</div></td>" ends the cell early (the robust fix escapes the stored
# validation results before GX renders them: docs/decision-log.md).
_RAW_CELL = re.compile(r'(<div class="show-scrollbars">)(?=\S)((?:(?!<div class="show-scrollbars">).)*?)(</div></td>)', re.S)


def escape_raw_values(page: str) -> str:
    """The page with every value GX copied into a table cell escaped as text (GX's own markup kept)."""
    import html

    def escaped(match: re.Match) -> str:  # idempotent: an escaped value holds no "<" or ">"
        value = match.group(2)
        if "<" not in value and ">" not in value:
            return match.group(0)
        return match.group(1) + html.escape(value, quote=False) + match.group(3)

    return _RAW_CELL.sub(escaped, page)


def localise(site: Path) -> int:
    """Rewrite every page and stylesheet of the Data Docs site under ``site`` that GX wrote since
    the last localise (every one the first time) to local assets; return how many references were
    rewritten. Pages written before were rewritten then: a run's cost does not grow with the site."""
    import time

    _vendor(site)
    mark = site / MARK
    since = mark.stat().st_mtime - 1 if mark.exists() else None
    started = time.time()
    rewritten = 0
    for page in [*site.rglob("*.html"), *site.rglob("*.css")]:
        if VENDOR in page.relative_to(site).parts or (since is not None and page.stat().st_mtime < since):
            continue
        text = page.read_text(encoding="utf-8")
        to_root = os.path.relpath(site, page.parent)
        new = text
        for url, relative in ASSETS.items():
            new = new.replace(f'"{url}"', f'"{to_root}/{VENDOR}/{relative}"')
        new = GX_IMAGES.sub(lambda m: _local_image(site, to_root, m.group(1)), new)
        if page.suffix == ".html":
            new = escape_raw_values(new)
        if new != text:
            rewritten += sum(new.count(f"{VENDOR}/{relative}") for relative in ASSETS.values())
            page.write_text(new, encoding="utf-8")
    mark.touch()
    os.utime(mark, (started, started))
    return rewritten


def pages_written_since(site: Path, started: float) -> list[str]:
    """The validation pages (site-relative paths) GX wrote since ``started``: a checkpoint's own."""
    folder = site / "validations"
    if not folder.exists():
        return []
    return sorted(str(page.relative_to(site)) for page in folder.rglob("*.html") if page.stat().st_mtime >= started)


def write_run_index(site: Path, target: Path, run_id: str, pages: dict[str, list[str]]) -> Path:
    """The index of one run's kept Data Docs (``target``): links to the run's validation pages,
    copied beside it; the site's static files and vendored libraries linked (relative symlinks)."""
    import html

    for shared in ("static", VENDOR):
        link = target / shared
        if not link.is_symlink() and not link.exists() and (site / shared).exists():
            link.symlink_to(os.path.relpath(site / shared, target), target_is_directory=True)
    sections = []
    for stage, relatives in pages.items():
        items = "".join(f'<li><a href="{html.escape(r)}">{html.escape(Path(r).parts[1])}</a></li>'
                        for r in relatives) or "<li>no validation</li>"
        sections.append(f"<h2>{html.escape(stage)} checkpoint</h2><ul>{items}</ul>")
    index = target / "index.html"
    index.write_text(f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline'">
<title>Data Docs of run {html.escape(run_id)}</title>
<style>body{{font-family:sans-serif;margin:24px;max-width:980px}}li{{margin:3px 0}}</style>
</head><body><h1>Great Expectations Data Docs of run {html.escape(run_id)}</h1>
<p>The validation results of this run's checkpoints, kept as they were. The Data Docs site with every
run is <a href="{html.escape(os.path.relpath(site / "index.html", target))}">here</a>.</p>
{"".join(sections)}
</body></html>
""", encoding="utf-8")
    return index


def _local_image(site: Path, to_root: str, name: str) -> str:
    local = site / "static" / "images" / name
    if not local.exists():  # GX ships logo-long.png but not the dark full logo: use the long one
        name = "logo-long.png"
    return f"{to_root}/static/images/{name}"
