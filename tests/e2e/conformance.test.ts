// The shared conformance examples, compared by their own script (../shared/conformance/compare.py).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SHARED } from '../helpers/cli.js';

const DIR = join(SHARED, 'conformance');

describe('conformance examples', () => {
  it('every file gives exactly the expected findings', async () => {
    const files = readdirSync(join(DIR, 'files')).sort().map((f) => join(DIR, 'files', f));
    expect(files.length).toBeGreaterThan(0);
    const { stdout } = await cli(['check', '--format', 'json', ...files]);
    const out = join(mkdtempSync(join(tmpdir(), 'conformance-')), 'conf.json');
    writeFileSync(out, stdout);
    const compare = spawnSync('python3', [join(DIR, 'compare.py'), out, join(DIR, 'expected')], { encoding: 'utf8' });
    const lines = compare.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^conformance: ${files.length}/${files.length} files exact`));
    expect(compare.status, compare.stdout + compare.stderr).toBe(0);
  });
});
