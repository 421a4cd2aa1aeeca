"""Picture files in docs/: what each may hold, by allowlist.

An SVG opened on its own (a reader taps the picture, or a partner links it) is a
document: script, event attributes, <foreignObject> with HTML, CSS and links all
work there. So an SVG is parsed as XML (defusedxml: no DTD, no entities, nothing
fetched) and kept only when every element, attribute and namespace is on the
lists below: shapes, paths, text, gradients, clipping. Anything else fails the
build, naming the file and line. A raster picture must be what its name says
(Pillow reads its header), so a `.png` cannot carry an HTML page.

Why allow SVG at all: the favicon and the organisation's logo (extra.organisation.logo)
are SVG, the sharpest and lightest format for a logo on a cheap phone.
To allow a new element or attribute, add it here with a test
(tests/unit/test_pictures.py).
"""
import re
import xml.sax
from pathlib import Path
from xml.sax.xmlreader import AttributesNSImpl
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser
from PIL import Image, UnidentifiedImageError

from .source_errors import SourceError

MAX_SVG_BYTES = 200 * 1024
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
NAMESPACES = {SVG, XLINK}  # what an SVG may declare: no XHTML, no editor namespaces

ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask",
}
ATTRIBUTES = {
    "id", "class", "lang", "role", "aria-hidden", "aria-label", "focusable", "version", "baseProfile",
    "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "transform",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "color",
    "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits",
    "gradientUnits", "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity",
    "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "dx", "dy", "rotate", "textLength", "lengthAdjust", "letter-spacing", "word-spacing",
    "vector-effect", "shape-rendering", "visibility", "display", "href",
}
XML_ATTRIBUTES = {"space", "lang"}  # xml:space, xml:lang
FRAGMENT = re.compile(r"^#[A-Za-z_][\w.-]*$")
URL_FUNCTION = re.compile(r"url\s*\(", re.I)
LOCAL_URL = re.compile(r"^url\(\s*#[A-Za-z_][\w.-]*\s*\)$")
XML_DECLARATION = re.compile(rb"^<\?xml[^>]*\bencoding\s*=\s*[\"']([^\"']+)[\"']")
WHY = {
    "script": "it would run a script",
    "foreignObject": "it would show HTML, with its scripts and links",
    "style": "CSS can load addresses and hide content; use attributes such as fill=",
    "a": "a picture may not link",
    "image": "a picture may not load another picture",
    "animate": "animations can change links and attributes", "set": "it can change links and attributes",
}
RASTER = {".png": {"PNG"}, ".jpg": {"JPEG"}, ".jpeg": {"JPEG"}, ".webp": {"WEBP"}, ".gif": {"GIF"},
          ".ico": {"ICO"}}


class _Refused(Exception):
    pass


class _Allowlist(ContentHandler):
    """Refuses the first element, attribute or namespace that is not on the lists."""

    def startPrefixMapping(self, prefix: str | None, uri: str) -> None:
        if uri not in NAMESPACES:
            name = f"xmlns:{prefix}" if prefix else "xmlns"
            raise _Refused(f"the namespace {name}=\"{uri}\" is not allowed (only SVG's own, and xlink "
                           "for href=\"#…\"); save the picture as plain SVG")

    def startElementNS(self, name: tuple[str | None, str], qname: str | None,
                       attributes: AttributesNSImpl) -> None:
        uri, local = name
        if uri is None and local == "svg":
            raise _Refused(f"<svg> has no xmlns=\"{SVG}\", so a browser would not read it as SVG")
        if uri != SVG or local not in ELEMENTS:
            shown = qname or local
            why = WHY.get(local, "it is not on the list of drawing elements" if uri == SVG
                          else f"it is not an SVG element (namespace {uri or 'none'})")
            raise _Refused(f"<{shown}> is not allowed in an SVG file ({why})")
        for (attribute_uri, attribute), value in attributes.items():
            shown = attributes.getQNameByName((attribute_uri, attribute))
            allowed = (attribute_uri is None and attribute in ATTRIBUTES
                       or attribute_uri == XML and attribute in XML_ATTRIBUTES
                       or attribute_uri == XLINK and attribute == "href")
            if not allowed:
                why = ("it runs a script" if attribute.lower().startswith("on") else
                       WHY["style"] if attribute == "style" else "it is not on the list of drawing attributes")
                raise _Refused(f"{shown}= is not allowed on <{local}> in an SVG file ({why})")
            if attribute == "href" and not FRAGMENT.match(value.strip()):
                raise _Refused(f"{shown}=\"{value[:60]}\" is not allowed: in an SVG, href may only point "
                               "inside the picture (href=\"#id\")")
            if URL_FUNCTION.search(value) and not LOCAL_URL.match(value.strip()):
                raise _Refused(f"{shown}=\"{value[:60]}\" is not allowed: url() may only point inside the "
                               "picture, like url(#gradient)")

    def processingInstruction(self, target: str, data: str) -> None:
        raise _Refused(f"<?{target} …?> is not allowed in an SVG file (it can load a style sheet)")


def check_svg(data: bytes, path: str | Path) -> None:
    """Fail, naming the file and line, unless the bytes are an SVG made only of allowed parts."""
    if len(data) > MAX_SVG_BYTES:
        raise SourceError(path, None, f"the SVG is {len(data) // 1024} KB; at most {MAX_SVG_BYTES // 1024} KB "
                          "(simplify it, or save it as .webp or .png)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(path, line, "the SVG is not UTF-8 text; save it as UTF-8") from None
    declared = XML_DECLARATION.match(data.lstrip(b"\xef\xbb\xbf"))
    if declared and declared.group(1).decode("ascii", "replace").lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise SourceError(path, 1, f"the SVG declares encoding=\"{declared.group(1).decode('ascii', 'replace')}\"; "
                          "save it as UTF-8")
    parser = make_parser()  # defusedxml: refuses DTDs, entities and external references
    parser.forbid_dtd = True
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(_Allowlist())
    try:
        parser.feed(data)
        parser.close()
    except _Refused as refused:
        raise SourceError(path, parser.getLineNumber(), str(refused)) from None
    except DefusedXmlException as error:
        raise SourceError(path, parser.getLineNumber(), f"the SVG has a DTD or entities ({type(error).__name__}); "
                          "pictures may not declare them") from None
    except xml.sax.SAXParseException as error:
        raise SourceError(path, error.getLineNumber(), f"the SVG is not well-formed XML: {error.getMessage()}") \
            from None


def check_raster(file: Path, path: str | Path, suffix: str) -> None:
    """Fail unless the file is the kind of picture its name says."""
    try:
        with Image.open(file) as image:
            kind = image.format
    except (UnidentifiedImageError, OSError):
        kind = None
    if kind not in RASTER[suffix]:
        raise SourceError(path, None, f"the file is named {suffix} but is {kind or 'not a picture Pillow can read'}; "
                          "save it again as a real picture")


def check_picture(file: Path, path: str | Path) -> None:
    """Check one picture file under docs/ (file: where it is; path: how errors name it)."""
    suffix = file.suffix.lower()
    if suffix == ".svg":
        check_svg(file.read_bytes(), path)
    else:
        check_raster(file, path, suffix)
