"""Options of the partners plugin, typed and checked when mkdocs.yml is loaded.

    plugins:
      - smittevern-partners:
          licence: ""

- `licence`: the terms on which partners may reuse the pages. It is shown where a page
  has `<!-- licence -->` (the partners page), described in the feed documentation,
  and sent in each feed as `rights`. Empty: none of that, and a `##` section holding
  only the marker is left out (scripts/sitelib/data_sections.py).
"""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PartnersConfig(Config):
    licence = c.Type(str, default="")
