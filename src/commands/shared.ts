/** What every command shares: the global options and how they become project paths. */
import path from 'node:path';
import type { Command } from 'commander';
import { resolvePaths, type ProjectPathOptions } from '../project-paths.js';

export interface GlobalOptions {
  root: string;
  data?: string;
  templates?: string;
  out?: string;
}

/** The folders a command works on (--root, --data, --templates, --out). */
export type ProjectOptions = ProjectPathOptions;

export function projectOptions(cmd: Command): ProjectOptions {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  return { root: path.resolve(opts.root), dataDir: opts.data, templatesDir: opts.templates, outDir: opts.out };
}

/** The output folder the options point at. */
export function outputDir(options: ProjectOptions): string {
  return resolvePaths(options).outDir;
}

export const kilobytes = (n: number): string => `${Math.round(n / 1024)} KB`;
