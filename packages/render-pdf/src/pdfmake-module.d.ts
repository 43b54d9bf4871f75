// pdfmake ships no types for its Node entry; ./pdfmake.ts describes the part gongwen uses.
declare module 'pdfmake' {
  const pdfmake: unknown;
  export default pdfmake;
}

// pdfkit is reached for its one hook gongwen sets (patches/pdfkit@0.19.1.patch: setDeflate).
declare module 'pdfkit' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
