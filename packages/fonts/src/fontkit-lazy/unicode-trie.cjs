// unicode-trie as the bundled fontkit sees it: fontkit makes its shaping tries when its module
// loads; each is inflated the first time it is read, which only shaping a complex script does.
'use strict';
const UnicodeTrie = require('unicode-trie');

let inflated = 0;
class LazyUnicodeTrie {
  constructor(data) {
    this.data = data;
    this.trie = undefined;
  }
  get(codePoint) {
    if (!this.trie) {
      this.trie = new UnicodeTrie(this.data);
      this.data = undefined;
      inflated++;
    }
    return this.trie.get(codePoint);
  }
}
LazyUnicodeTrie.inflated = () => inflated;
module.exports = LazyUnicodeTrie;
