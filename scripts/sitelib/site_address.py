"""Can a reader's phone reach the site's address? The deploy build (`make flyers`)
prints `site_url` under every QR code; a loopback or private address prints a box
of flyers that lead nowhere. Python's `ipaddress` decides what is public."""
import ipaddress
from urllib.parse import urlsplit

PREVIEW_FLAG = "FLYER_PREVIEW"


def unreachable_address(site_url: str | None) -> str | None:
    """Why a phone elsewhere cannot open `site_url` (this computer, a local network), or None."""
    host = (urlsplit(str(site_url or "")).hostname or "").rstrip(".").lower()
    if not host:
        return "it has no host name"
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal", ".lan")):
        return f"{host} names this computer or a local network"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback:
        return f"{host} is a loopback address (this computer)"
    if not address.is_global:
        return f"{host} is a private address (a local network), not a public one"
    return None


def deploy_address_error(site_url: str | None) -> str | None:
    """The message `make flyers` stops with for an address phones cannot reach, or None."""
    problem = unreachable_address(site_url)
    if problem is None:
        return None
    return (f"SITE_URL is {site_url!r}: {problem}. The QR codes and the addresses printed on every "
            "flyer would lead nowhere on a reader's phone. Set the deployed address, for example "
            "SITE_URL=https://example.org/ make flyers. For a proof that no one will hand out, run "
            f"make flyers PREVIEW=1 ({PREVIEW_FLAG}=1): every PDF is then stamped "
            "«PREVIEW – not for printing».")
