/**
 * `trappa preview --fast` on the command line: SVGs only by default (rasterising each slide
 * through sharp was most of its time), PNGs beside them only with --png.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/in-process.js';
import { copyProjectToTemp } from './helpers/project-copy.js';

const root = copyProjectToTemp(undefined, 'trappa-preview-fast-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('trappa preview --fast', () => {
  it('writes SVGs only, and PNGs too with --png', async () => {
    const folder = path.join(root, 'output', 'preview-fast', 'ansatte');
    const svgOnly = await runMain(['preview', '--fast', '--deck', 'ansatte'], root);
    expect(svgOnly.stderr).toBe('');
    expect(svgOnly.status).toBe(0);
    expect(svgOnly.stdout).toMatch(/slides as SVG, \d+ ms\)/);
    const first = readdirSync(folder);
    expect(first.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(3);
    expect(first.filter((f) => f.endsWith('.png'))).toEqual([]);

    const withPng = await runMain(['preview', '--fast', '--png', '--dpi', '20', '--deck', 'ansatte'], root);
    expect(withPng.status).toBe(0);
    expect(withPng.stdout).toMatch(/slides as SVG and PNG/);
    const second = readdirSync(folder);
    expect(second.filter((f) => f.endsWith('.png'))).toHaveLength(second.filter((f) => f.endsWith('.svg')).length);
  });
});
