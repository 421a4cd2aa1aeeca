"""The first-paint plugin: Material's stylesheet purged, the first screen's CSS inlined, scripts deferred."""
