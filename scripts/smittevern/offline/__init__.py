"""The offline plugin: each locale's offline page and page list, and /sw.js."""
