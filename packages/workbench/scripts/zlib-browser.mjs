// What the engine's third-party code calls of zlib, on fflate: png-js inflates PNG seal images
// (zlib streams, callback style); pdfkit's own deflate is replaced by render-pdf's.
import { Buffer } from 'buffer/';
import { unzlibSync, zlibSync } from 'fflate';

export function inflate(data, callback) {
  let out;
  try {
    out = Buffer.from(unzlibSync(data));
  } catch (err) {
    callback(err);
    return;
  }
  callback(null, out);
}

export const inflateSync = (data) => Buffer.from(unzlibSync(data));
export const deflateSync = (data) => Buffer.from(zlibSync(data, { level: 6 }));

export default { inflate, inflateSync, deflateSync };
