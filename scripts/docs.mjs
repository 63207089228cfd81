// Regenerate the generated parts of README.md and docs/format.md (rules tables, the format's
// tables) from the built code: npm run docs
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedBlocks } from '../dist/rules/docs.js';

for (const name of ['README.md', 'docs/format.md']) {
  const path = new URL(`../${name}`, import.meta.url);
  const before = readFileSync(path, 'utf8');
  const after = withGeneratedBlocks(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? `${name} is up to date` : `${name} updated`);
}
