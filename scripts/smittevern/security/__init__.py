"""The security plugin: checks on docs/ before the build, the sanitizer, autoescape, and no file written outside site/."""
