import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { render, type Format, type FontRole, type RenderOutputs } from 'gongwen';

/** One report to render, as plain data a thread can receive: the YAML (or JSON) bytes and the seal images. */
export interface RenderTask {
  source: Uint8Array;
  filename?: string;
  formats: Format[];
  style?: string;
  styleDirs?: string[];
  fontDirs?: string[];
  fontNames?: Partial<Record<FontRole, string>>;
  lang?: Lang;
  strict?: boolean;
  embedFonts?: boolean;
  /** Seal images by the path the report names them with. */
  assets?: Record<string, Uint8Array>;
}

export interface RenderTaskResult {
  outputs: RenderOutputs;
  diagnostics: Diagnostic[];
}

/**
 * Renders a report with the facade. The facade keeps fonts and compiled styles for the life of
 * the thread, so only the first task of a thread loads them. Never throws: a bug in a stage
 * becomes an `internal/exception` diagnostic for this report.
 */
export default async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  try {
    const { outputs, diagnostics } = await render(task.source, {
      filename: task.filename,
      formats: task.formats,
      style: task.style,
      styleDirs: task.styleDirs,
      fontDirs: task.fontDirs,
      fontNames: task.fontNames,
      lang: task.lang,
      strict: task.strict,
      embedFonts: task.embedFonts,
      assets: task.assets ?? {},
    });
    return { outputs, diagnostics };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      outputs: {},
      diagnostics: [
        error('internal/exception', say(task.lang, `渲染时发生内部错误：${message}`, `internal error while rendering: ${message}`), {
          file: task.filename,
          hint: say(task.lang, '这是 gongwen 的缺陷，请附上此文件报告', 'this is a bug in gongwen; please report it with this file'),
        }),
      ],
    };
  }
}
