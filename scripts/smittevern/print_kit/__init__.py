"""The print-kit plugin: flyers, pocket cards and posters."""
