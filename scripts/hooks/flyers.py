"""Write a printable one-page flyer for each topic page, in every locale (overrides/flyer.html)."""
from pathlib import Path

import _root  # noqa: F401
from scripts.sitelib.flyers import FlyerIndex, flyer_context, flyer_topics, flyer_url, nav_files, topic_of, truthy
from scripts.sitelib.locales import current_locale

_state = {}


def on_config(config):
    _state["topics"] = flyer_topics(order=list(nav_files(config.nav)))
    _state["pdfs"] = truthy(config.extra.get("flyer_pdfs"))


def on_env(env, config, files):
    # A new env per locale build (static-i18n nests them): keep this build's.
    _state["env"] = env
    env.globals["site_flyers"] = FlyerIndex(current_locale(config), _state["topics"], _state["pdfs"], files)
    return env


def on_post_page(output, page, config):
    topic = topic_of(page.url, _state["topics"])
    if topic is None:
        return output
    locale = current_locale(config)
    context = flyer_context(
        page.content, topic, locale=locale, file_locale=getattr(page.file, "locale", locale),
        title=page.title, site_url=config.site_url, pdfs=_state["pdfs"], src_path=f"docs/{page.file.src_uri}",
        dropped=getattr(page, "dropped_sections", ()),  # scripts/hooks/data_sections.py
    )
    html = _state["env"].get_template("flyer.html").render(flyer=context, config=config)
    target = Path(config.site_dir) / flyer_url(locale, topic.slug) / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return output
