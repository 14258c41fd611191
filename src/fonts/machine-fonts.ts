/**
 * The fonts installed on this machine, by family: the folders PowerPoint and LibreOffice
 * draw from (Windows: the system and per-user folders, with Microsoft 365's downloaded
 * cloud fonts; macOS: system, library, user and Office's own; Linux: fontconfig's usual
 * folders), plus TRAPPA_FONT_DIRS (path-list). Indexed once per process, in sorted path
 * order, so the same machine always picks the same file for a face.
 */
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { readFontNames } from './font-names.js';

/** The folders to search on `platform`, from the environment (empty entries dropped). */
export function fontFolders(platform: NodeJS.Platform = process.platform, env = process.env): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const extra = (env.TRAPPA_FONT_DIRS ?? '').split(path.delimiter).filter(Boolean);
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local');
    return [
      ...extra,
      path.win32.join(windows, 'Fonts'),
      path.win32.join(local, 'Microsoft', 'Windows', 'Fonts'),
      // Microsoft 365 keeps the cloud fonts it downloaded (Aptos, …) here.
      path.win32.join(local, 'Microsoft', 'FontCache', '4', 'CloudFonts'),
    ];
  }
  if (platform === 'darwin') {
    return [
      ...extra,
      path.join(home, 'Library/Fonts'),
      '/Library/Fonts',
      '/System/Library/Fonts',
      '/System/Library/Fonts/Supplemental',
      '/Applications/Microsoft PowerPoint.app/Contents/Resources/DFonts',
      path.join(home, 'Library/Group Containers/UBF8T346G9.Office/FontCache/4/CloudFonts'),
    ];
  }
  const data = env.XDG_DATA_HOME ?? path.join(home, '.local/share');
  return [...extra, path.join(data, 'fonts'), path.join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'];
}

const MAX_FILES = 20_000;
const MAX_DEPTH = 6;

function fontFiles(folder: string, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return out;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) fontFiles(full, depth + 1, out);
    else if (/\.(ttf|otf)$/i.test(entry.name) && out.length < MAX_FILES) out.push(full);
  }
  return out;
}

type Style = 'regular' | 'bold' | 'italic' | 'boldItalic';

function styleOf(name: string): Style | undefined {
  const s = name.toLowerCase().replace(/\s+/g, ' ').trim();
  if (s === 'regular' || s === 'normal' || s === 'book' || s === 'roman') return 'regular';
  if (s === 'bold') return 'bold';
  if (s === 'italic' || s === 'oblique') return 'italic';
  if (s === 'bold italic' || s === 'bold oblique') return 'boldItalic';
  return undefined;
}

/** A family's files by style (the shape of fonts.ts's FontFiles, each style optional). */
export type FaceIndex = Map<string, Partial<Record<Style, string>>>;

/** Family (lower case) → its files, from `folders`; the first file of each style wins. */
function indexFonts(folders: string[]): FaceIndex {
  const index: FaceIndex = new Map();
  const add = (family: string, style: string, file: string) => {
    const s = styleOf(style);
    if (!s) return;
    const key = family.trim().toLowerCase();
    const entry = index.get(key) ?? {};
    if (!entry[s]) entry[s] = file;
    index.set(key, entry);
  };
  const seen = new Set<string>();
  for (const folder of folders) {
    for (const file of fontFiles(folder)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const names = readFontNames(file);
      if (!names) continue;
      add(names.family, names.style, file);
      if (names.typographic) add(names.typographic.family, names.typographic.style, file);
    }
  }
  return index;
}

let machine: FaceIndex | undefined;
let machineKey = '';

/** This machine's fonts (indexed on first use, again when the folders change). */
export function machineFonts(): FaceIndex {
  const folders = fontFolders();
  const key = folders.join('\0');
  if (!machine || key !== machineKey) {
    machine = indexFonts(folders);
    machineKey = key;
  }
  return machine;
}
