"""The search plugin: one index and one worker per locale, the search dialog named in the page's language."""
