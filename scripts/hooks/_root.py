"""Imported first by every hook: puts the repository root on sys.path, so hooks can
import the plain functions in scripts/sitelib/ (MkDocs only adds scripts/hooks/)."""
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
