// The page's side of the engine worker: one request at a time per kind, the latest one winning.
import type { CheckReply, ClassifyReply, EngineRequest, FixReply, FontFiles, FontsReply, ImportReply, RenderReply, RenderRequest, StylesReply } from './engine/protocol.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve(value: unknown): void; reject(err: Error): void };

export class EngineClient {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, Pending>();

  constructor(url: string) {
    this.worker = new Worker(url, { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<{ id: number; error?: string }>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.error) p.reject(new Error(e.data.error));
      else p.resolve(e.data);
    };
  }

  private ask<T>(message: DistributiveOmit<EngineRequest, 'id'>, transfer: Transferable[] = []): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  /** Hands the font files over to the worker (moved, not copied: they are tens of megabytes). */
  fonts(fonts: FontFiles): Promise<FontsReply> {
    const buffers = new Set(Object.values(fonts.files).map((b) => b.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
    return this.ask({ type: 'fonts', fonts }, [...buffers]);
  }

  styles(): Promise<StylesReply> {
    return this.ask({ type: 'styles' });
  }

  render(request: Omit<RenderRequest, 'id' | 'type'>): Promise<RenderReply> {
    return this.ask({ type: 'render', ...request });
  }

  check(pdf: Uint8Array, lang: RenderRequest['lang']): Promise<CheckReply> {
    return this.ask({ type: 'check', pdf: pdf.slice(), lang });
  }

  classify(files: Record<string, Uint8Array>): Promise<ClassifyReply> {
    return this.ask({ type: 'classify', files });
  }

  import(bytes: Uint8Array, filename: string, lang: RenderRequest['lang']): Promise<ImportReply> {
    return this.ask({ type: 'import', bytes, filename, lang });
  }

  fix(source: string, diagnostics: RenderReply['diagnostics']): Promise<FixReply> {
    return this.ask({ type: 'fix', source, diagnostics });
  }
}
