// The fontkit that @gongwen/fonts ships (dist/fontkit.cjs, built by scripts/bundle-fontkit.mjs):
// fontkit's own build with its dependencies, the three in fontkit-lazy/ loaded on first use,
// and adapted by fontkit-adapter.ts. The font search and pdfkit (inside render-pdf) both load it.
'use strict';
const { adaptFontkit } = require('./fontkit-adapter.ts');
const properties = require('unicode-properties');
const LazyUnicodeTrie = require('unicode-trie');
const brotli = require('brotli/decompress.js');

module.exports = adaptFontkit({
  ...require('fontkit'),
  /** Which of the lazily loaded parts have been loaded so far (for tests and profiles). */
  lazyParts: () => ({ unicodeProperties: properties.loaded(), triesInflated: LazyUnicodeTrie.inflated(), brotli: brotli.loaded() }),
});
