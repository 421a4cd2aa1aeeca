"""The build-wide plugin: one build's start, the locale table, site_url, the template cache, template filters and punctuation."""
