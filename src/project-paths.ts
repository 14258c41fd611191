/**
 * Where a project's folders are: the defaults (data/, templates/, output/, assets/
 * under the project root) live here once, so every command agrees on them.
 */
import path from 'node:path';

export interface ProjectPathOptions {
  root: string;
  /** @default "<root>/data" */
  dataDir?: string;
  /** @default "<root>/templates" */
  templatesDir?: string;
  /** @default "<root>/output" */
  outDir?: string;
}

export interface ResolvedPaths {
  root: string;
  dataDir: string;
  templatesDir: string;
  outDir: string;
  assetsDir: string;
  /** Font files a theme names (`fonts.files`): `<root>/assets/fonts`. */
  fontsDir: string;
}

export function resolvePaths(options: ProjectPathOptions): ResolvedPaths {
  const root = path.resolve(options.root);
  return {
    root,
    dataDir: path.resolve(root, options.dataDir ?? 'data'),
    templatesDir: path.resolve(root, options.templatesDir ?? 'templates'),
    outDir: path.resolve(root, options.outDir ?? 'output'),
    assetsDir: path.join(root, 'assets'),
    fontsDir: path.join(root, 'assets', 'fonts'),
  };
}
