// pdfmake ships no types for its Node entry; ./pdfmake.ts describes the part gongwen uses.
declare module 'pdfmake' {
  const pdfmake: unknown;
  export default pdfmake;
}

// Modules of pdfmake's build that ./pdfmake-hooks.ts installs its hooks on.
declare module 'pdfmake/js/Renderer.js' {
  const module: unknown;
  export default module;
}
declare module 'pdfmake/js/TextInlines.js' {
  const module: unknown;
  export default module;
}

// pdfkit's document class, which pdfmake's document extends; ./pdfkit-hooks.ts installs its hooks on it.
declare module 'pdfkit' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
declare module 'pdfmake/js/TableProcessor.js' {
  const module: unknown;
  export default module;
}
