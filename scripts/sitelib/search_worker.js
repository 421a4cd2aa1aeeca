// Wraps Material's search worker (MATERIAL_WORKER) to fix two gaps in queries:
// - Material adds "*" to every word, which makes lunr skip the stemmer, so an
//   inflected form ("masks", "руки") never meets the stemmed index ("mask", "рук").
//   Each word is replaced by its stem first.
// - Thai is written without spaces: the query is cut into words with Intl.Segmenter.
(function () {
  var lang = "en";
  var listen = self.addEventListener.bind(self);

  function stemmer() {
    var language = lang === "en" ? self.lunr : self.lunr && self.lunr[lang];
    return language && language.stemmer;
  }

  function segmentThai(query) {
    if (!self.Intl || !Intl.Segmenter || !/[\u0e00-\u0e7f]/.test(query)) return query;
    var words = [];
    for (var part of new Intl.Segmenter("th", { granularity: "word" }).segment(query)) {
      if (part.isWordLike) words.push(part.segment);
    }
    return words.join(" ");
  }

  function rewrite(query) {
    var stem = stemmer();
    return segmentThai(query).split(/\s+/).map(function (word) {
      if (!stem || !/^[\p{L}\p{N}]+$/u.test(word)) return word;
      return stem(new self.lunr.Token(word.toLowerCase())).toString() || word;
    }).join(" ");
  }

  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === 0) lang = (message.data.config.lang || ["en"])[0];
      if (message && message.type === 2 && typeof message.data === "string") {
        event = { data: { type: 2, data: rewrite(message.data) } };
      }
      return handler(event);
    }, options);
  };
  importScripts("MATERIAL_WORKER");
})();
