import { describe, expect, it } from 'vitest';
import { formatFontExplanation, resolveFonts } from '../src/index.js';
import { fontFolder, makeCollection, notoSans, notoSerif, roboto } from './helpers.js';

const noEnv = {};

describe('resolveFonts', () => {
  it('renders every role with bundled fonts on a machine with no fonts installed', () => {
    const { fonts, diagnostics, explain } = resolveFonts({ systemDirs: [], env: noEnv });
    expect(diagnostics).toEqual([]);
    for (const e of explain()) {
      expect(e.reason).toBe('bundled-stand-in');
      expect(e.exact).toBe(false);
    }
    for (const chain of Object.values(fonts)) {
      expect(chain[0]!.source).toBe('bundled');
      expect(chain[0]!.outlines).toBe('truetype');
      expect(chain[0]!.font.hasGlyphForCodePoint('法'.codePointAt(0)!)).toBe(true);
    }
    expect(fonts.heading1[0]!.family).toBe('Noto Sans SC');
    expect(fonts.body[0]!.postscriptName).toBe('NotoSerifSC-Regular');
    expect(fonts.title[0]!.postscriptName).toBe('NotoSerifSC-Bold');
  });

  it('prefers an installed font of the wanted family over the bundled one', () => {
    const installed = fontFolder(notoSans, roboto);
    const { fonts, explain } = resolveFonts({ systemDirs: [installed], env: noEnv, families: { body: ['Noto Sans SC'] } });
    expect(fonts.body[0]!.source).toBe('installed');
    expect(fonts.body[0]!.path.startsWith(installed)).toBe(true);
    expect(fonts.body[1]!.source).toBe('bundled');
    const body = explain().find((e) => e.role === 'body')!;
    expect(body.reason).toBe('installed-official');
    expect(body.exact).toBe(true);
    // a role whose family is not installed still falls through to the bundled font
    expect(fonts.title[0]!.source).toBe('bundled');
  });

  it('prefers a configured folder (argument or GONGWEN_FONT_DIR) over installed fonts, and a configured file over both', () => {
    const installed = fontFolder(notoSans);
    const configured = fontFolder(notoSans);
    const opts = { systemDirs: [installed], families: { body: ['Noto Sans SC'] } } as const;
    const viaDirs = resolveFonts({ ...opts, dirs: [configured], env: noEnv });
    expect(viaDirs.fonts.body[0]!.path.startsWith(configured)).toBe(true);
    expect(viaDirs.explain().find((e) => e.role === 'body')!.reason).toBe('configured-folder');
    const viaEnv = resolveFonts({ ...opts, env: { GONGWEN_FONT_DIR: configured } });
    expect(viaEnv.fonts.body[0]!.path.startsWith(configured)).toBe(true);
    expect(viaEnv.fonts.body[1]!.path.startsWith(installed)).toBe(true);
    const viaFile = resolveFonts({ ...opts, dirs: [configured], env: noEnv, files: { body: roboto } });
    expect(viaFile.fonts.body.map((f) => f.source).slice(0, 3)).toEqual(['configured', 'configured', 'installed']);
    expect(viaFile.fonts.body[0]!.family).toBe('Roboto');
    expect(viaFile.explain().find((e) => e.role === 'body')!.reason).toBe('configured-file');
  });

  it('picks the face that matches the earliest name in the preference list', () => {
    const installed = fontFolder(notoSerif, notoSans);
    const serifFirst = resolveFonts({ systemDirs: [installed], env: noEnv, families: { heading1: ['Noto Serif SC', 'Noto Sans SC'] } });
    expect(serifFirst.fonts.heading1[0]!.family).toBe('Noto Serif SC');
    const sansFirst = resolveFonts({ systemDirs: [installed], env: noEnv, families: { heading1: ['Noto Sans SC', 'Noto Serif SC'] } });
    expect(sansFirst.fonts.heading1[0]!.family).toBe('Noto Sans SC');
  });

  it('finds a face inside a TrueType collection by family name and loads that face', () => {
    const ttc = makeCollection([roboto, notoSans]);
    const { fonts, explain } = resolveFonts({ systemDirs: [fontFolder(ttc)], env: noEnv, families: { heading1: ['Noto Sans SC'] } });
    const f = fonts.heading1[0]!;
    expect(f.source).toBe('installed');
    expect(f.face).toBe('NotoSansSC-Regular');
    expect(f.font.postscriptName).toBe('NotoSansSC-Regular');
    expect(f.font.hasGlyphForCodePoint('黑'.codePointAt(0)!)).toBe(true);
    expect(explain().find((e) => e.role === 'heading1')!.font).toMatchObject({ face: 'NotoSansSC-Regular' });
  });

  it('takes the face named after # in a configured collection', () => {
    const ttc = makeCollection([roboto, notoSans]);
    expect(resolveFonts({ systemDirs: [], env: noEnv, files: { body: ttc } }).fonts.body[0]!.face).toBe('Roboto-Regular');
    expect(resolveFonts({ systemDirs: [], env: noEnv, files: { body: `${ttc}#NotoSansSC-Regular` } }).fonts.body[0]!.face).toBe('NotoSansSC-Regular');
    expect(resolveFonts({ systemDirs: [], env: noEnv, files: { body: `${ttc}#Nope` } }).diagnostics[0]!.ruleId).toBe('fonts/unreadable');
  });

  it('reports a configured file that is not a font', () => {
    const { diagnostics, fonts } = resolveFonts({ systemDirs: [], env: noEnv, files: { body: import.meta.filename } });
    expect(diagnostics).toMatchObject([{ severity: 'error', ruleId: 'fonts/unreadable' }]);
    expect(diagnostics[0]!.message).toContain(import.meta.filename);
    expect(fonts.body[0]!.source).toBe('bundled');
  });

  it('loads fonts once per process: the same options give the same result, other options share the parsed fonts', () => {
    const a = resolveFonts({ systemDirs: [], env: noEnv });
    const b = resolveFonts({ systemDirs: [], env: noEnv });
    expect(b).toBe(a);
    const c = resolveFonts({ systemDirs: [], env: noEnv, files: { pageNumber: roboto } });
    expect(c).not.toBe(a);
    expect(c.fonts.body[0]).toBe(a.fonts.body[0]);
    expect(c.fonts.body[0]!.font).toBe(a.fonts.body[0]!.font);
  });

  it('explains per role the file, the reason and what is missing for the official look', () => {
    const text = formatFontExplanation(resolveFonts({ systemDirs: [], env: noEnv }).explain(), 'zh');
    expect(text).toContain('正文（仿宋）: Noto Serif SC');
    expect(text).toContain('[内置开源替代字体]');
    expect(text).toContain('请安装“仿宋_GB2312”');
    const en = formatFontExplanation(resolveFonts({ systemDirs: [], env: noEnv }).explain(), 'en');
    expect(en).toContain('level-1 heading (黑体): Noto Sans SC');
    expect(en).toContain('install "黑体"');
    expect(en).toContain('no open 楷体 TrueType font exists in npm, so Noto Serif SC Bold stands in');
  });
});
