"""One error type for bad input: it always names the file and the line."""
from pathlib import Path

from mkdocs.exceptions import PluginError


class SourceError(PluginError):
    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path, self.line = str(path), line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
