"""Our search worker speaks Material's private protocol, in Chromium, on the built site.
Created from the page's __config.search (which names the locale's index and lunr files),
it sets itself up and answers {type: 1} (ready); a setup message from the page (type 0)
is ignored; {type: 2, data: query} answers {type: 3, data: results}. If an upgrade
changes the protocol, this fails."""
import json
import re

import pytest

pytestmark = pytest.mark.browser

TALK = """async ([worker, query]) => {
  const w = new Worker(worker);
  const next = () => new Promise((resolve, reject) => {
    w.onmessage = event => resolve(event.data);
    w.onerror = event => reject(new Error(event.message));
  });
  let answer = next();
  w.postMessage({type: 0, data: {config: {lang: ["en"], separator: "x", pipeline: [], fields: {}}, docs: []}});
  const ready = await answer;
  answer = next();
  w.postMessage({type: 2, data: query});
  const result = await answer;
  w.terminate();
  return {ready, result};
}"""


@pytest.mark.parametrize("locale, query", [("en", "masks"), ("ru", "рук"), ("th", "หน้ากาก")])
def test_our_worker_sets_itself_up_then_answers_queries(page, site, locale, query):
    html = (site.dir / locale / "covid-19" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert "/site-search." in config["search"], "pages load our worker, not Material's"
    page.goto(f"{site.url}{locale}/covid-19/")
    worker_url = page.evaluate("path => new URL(path, location.href).href", config["search"])
    reply = page.evaluate(TALK, [worker_url, query])
    assert reply["ready"]["type"] == 1
    assert reply["result"]["type"] == 3
    assert "covid-19/" in json.dumps(reply["result"]["data"]), reply["result"]
