"""The partners plugin: embed views, the feeds and the embed builder's data."""
