// pdfmake ships no types for its Node entry; ./pdfmake.ts describes the part gongwen uses.
declare module 'pdfmake' {
  const pdfmake: unknown;
  export default pdfmake;
}
