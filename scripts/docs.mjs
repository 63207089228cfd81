// Regenerate the generated parts of README.md (the rules tables) from the built code: npm run docs
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTables } from '../dist/rules/docs.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withRulesTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md is up to date' : 'README.md updated');
