import { fontsKey, stylesKey } from '@gongwen/pool';

/** A hash of what a render depends on besides the report: the style folders' files and the fonts. */
export async function renderEnvironmentKey(options: { styleDirs?: string[]; fontDirs?: string[] }): Promise<string> {
  return `${stylesKey(options.styleDirs)}:${await fontsKey(options.fontDirs)}`;
}
