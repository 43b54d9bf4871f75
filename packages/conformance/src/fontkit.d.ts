// fontkit ships no type declarations; the OFD reader uses only these members.
declare module 'fontkit' {
  export function create(buffer: Uint8Array): unknown;
}
