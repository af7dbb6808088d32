"""The Jinja environment the report and the web app share: autoescaping always on, templates from both packages."""

from __future__ import annotations

from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from ceasefire.publish._charts import WINDOW_COLOURS


def safe_url(url: str) -> bool:
    """Only plain web links become ``href``s; anything else (``javascript:``, ``data:``) is shown as text."""
    return urlsplit(url.strip()).scheme in ("http", "https")


def _party_names() -> dict[str, str]:
    try:
        from ceasefire.vocab import party_names

        return party_names()
    except Exception:  # the vocabulary is being edited elsewhere; codes alone still read fine
        return {}


@cache
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("ceasefire.web", "templates"), PackageLoader("ceasefire.publish", "templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package; do not stat them on every page
    )
    env.globals.update(safe_url=safe_url, party_names=_party_names(), window_colours=WINDOW_COLOURS)
    return env


def asset(name: str) -> str:
    """The text of a shared asset (``style.css``, ``report.js``) shipped beside the templates."""
    return (resources.files("ceasefire.publish") / "templates" / name).read_text(encoding="utf-8")
