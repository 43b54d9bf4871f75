// fontkit ships no type declarations; gongwen reads only the members named in ParsedFont.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
