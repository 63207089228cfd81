// The shared conformance examples (../shared/conformance), compared by their own script
// (compare.py): skipped with a notice in a clone without ../shared, required under CI=true.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { sharedPath } from '../helpers/shared.js';

const DIR = sharedPath('conformance/files') && sharedPath('conformance');

describe.skipIf(!DIR)('conformance examples', () => {
  it('every file gives exactly the expected findings', async () => {
    const dir = DIR!;
    const files = readdirSync(join(dir, 'files')).sort().map((f) => join(dir, 'files', f));
    expect(files.length).toBeGreaterThan(0);
    const { stdout } = await cli(['check', '--format', 'json', ...files]);
    const out = join(mkdtempSync(join(tmpdir(), 'conformance-')), 'conf.json');
    writeFileSync(out, stdout);
    const compare = spawnSync('python3', [join(dir, 'compare.py'), out, join(dir, 'expected')], { encoding: 'utf8' });
    const lines = compare.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^conformance: ${files.length}/${files.length} files exact`));
    expect(compare.status, compare.stdout + compare.stderr).toBe(0);
  });
});
