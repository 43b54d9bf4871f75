/** Folder of the built page: index.html, its assets, the engine bundle and the open fonts. */
export declare const workbenchDir: string;

export interface ServeWorkbenchOptions {
  /** Folder to serve; the built page by default. */
  root?: string;
  /** A report file the page opens, and reloads when it changes on disk. */
  report?: string;
  /**
   * Fonts to serve instead of the page's open fonts (each role's chain, as a FontSet has it): the
   * page then renders with this machine's fonts, as `gongwen render` does.
   */
  fonts?: Record<string, readonly { id: string; path: string; face?: string }[]>;
  port?: number;
  host?: string;
}

export interface WorkbenchServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/** Serves the workbench from a local HTTP server (files only under `root`; nothing is written). */
export declare function serveWorkbench(options?: ServeWorkbenchOptions): Promise<WorkbenchServer>;
