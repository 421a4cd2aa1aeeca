"""YAML as every module here reads it: PyYAML's safe loader, in C (libyaml) when PyYAML has
it (the same documents and errors with their marks, about ten times faster; the build reads
front matter and strings thousands of times)."""
import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text):
    return yaml.load(text, Loader=SAFE_LOADER)
