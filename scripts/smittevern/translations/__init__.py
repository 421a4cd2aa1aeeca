"""The translations plugin: stale and provenance notices, translation status, each locale's 404 page."""
