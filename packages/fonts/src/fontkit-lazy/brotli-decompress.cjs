// brotli's decoder as the bundled fontkit sees it: setting up its dictionary costs ~10 ms, so it is
// loaded when a WOFF2 font is first decompressed.
'use strict';
let real;
module.exports = function decompress(buffer, outSize) {
  real ??= require('brotli/decompress.js');
  return real(buffer, outSize);
};
module.exports.loaded = () => real !== undefined;
