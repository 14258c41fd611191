/** Issue #23: data in an older form is told about the newer one, in one located line. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/data/load-project.js';
import { formatIssue } from '../src/errors.js';
import { REPO } from './helpers/project.js';

describe('migration hints', () => {
  it('services written as the tasks label get a hint with model.services', async () => {
    const loaded = await loadProject({ root: REPO, dataDir: path.join(REPO, 'test/fixtures/fjellregionen/data') });
    expect(loaded.ok).toBe(true);
    const lines = loaded.ok ? loaded.value.notices.map(formatIssue) : [];
    expect(lines).toContainEqual(
      expect.stringMatching(
        /fjellregionen\/data\/strategy\.yaml:\d+:\d+ model\.tasks: reads as a list of services.*model\.services: \[Barnevern, PPT, innkjøp, IKT\]/,
      ),
    );
    // The bundled strategy, which has no such label, gets none.
    const bundled = await loadProject({ root: REPO });
    expect(bundled.ok && bundled.value.notices).toEqual([]);
  });
});
