"""Run Debian's nginx with the repository's deploy/nginx/site.conf on a built site.

The site is copied into a world-readable temp folder (nginx workers run as
`nobody` when the master runs as root), and site.conf is used as written except
for its root folder, its listen address, `brotli_static` for a build without Brotli
twins (site_conf_for) and its `access_log off` (production keeps
no record of readers; here every response is logged with its body bytes on the
wire, gzip included: `.log` and `.reset()` for weight measurements,
scripts/devtools/weight.py).
"""
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from scripts.devtools.local_site import ROOT, free_port
from scripts.sitelib.nginx_locales import locales_conf
from scripts.sitelib.precompress import SUFFIX as BROTLI_SUFFIX

SITE_CONF = ROOT / "deploy" / "nginx" / "site.conf"
DEPLOY_ROOT = "/srv/smittevern/site"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

MAIN_CONF = """\
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format smittevern_bytes '$status $body_bytes_sent $request_uri';
    access_log {tmp}/access.log smittevern_bytes;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""

SYNTHETIC_EMBED = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Embed view (test stand-in)</title></head>
<body><p id="site-test-embed">Embed view stand-in: the build has no embed views yet.</p></body></html>
"""


def _world_readable(folder):
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def add_missing_server_files(root):
    """A build of another config (the bench's out-of-the-box Material) lacks the files
    site.conf includes: give it the locale map and empty header files."""
    folder = Path(root) / "_nginx"
    folder.mkdir(exist_ok=True)
    if not (folder / "locales.conf").is_file():
        (folder / "locales.conf").write_text(locales_conf(), encoding="utf-8")
    for name in ("page", "embed", "asset", "exit"):
        if not (folder / f"{name}.conf").is_file():
            (folder / f"{name}.conf").write_text("# no headers: not built by this project's config\n", encoding="utf-8")


BROTLI_STATIC = "brotli_static on;"


def site_conf_for(root, port):
    """deploy/nginx/site.conf with its root folder and listen address changed, and the
    measurement log (MAIN_CONF) in place of its `access_log off`. A build without Brotli
    twins (the bench's out-of-the-box Material) is served without brotli_static: Debian's
    module would send its files uncompressed to a browser that accepts br, not gzipped
    (google/ngx_brotli issue #116; scripts/sitelib/precompress.py)."""
    text = SITE_CONF.read_text(encoding="utf-8")
    assert DEPLOY_ROOT in text and "listen 80;" in text and "access_log off;" in text and BROTLI_STATIC in text
    if not any(Path(root).rglob("*" + BROTLI_SUFFIX)):
        text = text.replace(BROTLI_STATIC, "")
    text = text.replace(DEPLOY_ROOT, str(root)).replace("listen 80;", f"listen 127.0.0.1:{port};")
    text = text.replace("access_log off;", "")
    return text.replace("listen [::]:80;", "")


class NginxSite:
    """with NginxSite(site_dir) as server: server.url, server.root, server.synthetic_embed"""

    def __init__(self, site_dir):
        self.tmp = Path(tempfile.mkdtemp(prefix="site-nginx-"))
        self.root = self.tmp / "site"
        shutil.copytree(site_dir, self.root)
        self.synthetic_embed = None
        if not any(self.root.rglob("embed/index.html")):
            self.synthetic_embed = self.root / "covid-19" / "embed" / "index.html"
            self.synthetic_embed.parent.mkdir(parents=True, exist_ok=True)
            self.synthetic_embed.write_text(SYNTHETIC_EMBED, encoding="utf-8")
        add_missing_server_files(self.root)
        _world_readable(self.tmp)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        (self.tmp / "site.conf").write_text(site_conf_for(self.root, self.port), encoding="utf-8")
        self.conf = self.tmp / "nginx.conf"
        self.conf.write_text(MAIN_CONF.format(tmp=self.tmp), encoding="utf-8")
        self.process = None
        self._log_start = 0

    def command(self, *extra):
        return [NGINX, "-p", str(self.tmp), "-c", str(self.conf), *extra]

    def test_config(self):
        return subprocess.run(self.command("-t"), capture_output=True, text=True)

    def __enter__(self):
        self.process = subprocess.Popen(self.command("-g", "daemon off;"),
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {self.process.stderr.read()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start listening")

    @property
    def log(self):
        """[(path, status, body bytes)] of every response since the last reset()."""
        path = self.tmp / "access.log"
        if not path.is_file():
            return []
        with open(path, "rb") as log:
            log.seek(self._log_start)
            lines = log.read().decode("utf-8", "replace").splitlines()
        return [(uri, int(status), int(size)) for status, size, uri in (line.split(" ", 2) for line in lines if line)]

    def reset(self):
        path = self.tmp / "access.log"
        self._log_start = path.stat().st_size if path.is_file() else 0

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)
