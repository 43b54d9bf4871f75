/** The media type of each output format; a format added to the facade later is served as bytes until named here. */
const mediaTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  ofd: 'application/ofd',
  zip: 'application/zip',
};

export function mediaType(format: string): string {
  return mediaTypes[format] ?? 'application/octet-stream';
}

/**
 * A Content-Disposition header for a download: an ASCII fallback name and the real (perhaps
 * Chinese) name in RFC 5987 form, so every client can save it under a sensible name.
 */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
