import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folders where Windows, macOS and Linux keep installed fonts, system-wide and per user. */
export function systemFontFolders(platform: NodeJS.Platform = process.platform, env: Record<string, string | undefined> = process.env): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return [join(windir, 'Fonts'), join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') {
    return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', join(home, 'Library', 'Fonts')];
  }
  const dataHome = env.XDG_DATA_HOME ?? join(home, '.local', 'share');
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(dataHome, 'fonts'), join(home, '.fonts')];
}
