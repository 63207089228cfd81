// The formatter registry: --format choices are derived from it.

import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { text } from './text.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatContext } from './types.js';
export { githubSummary } from './github.js';

export const FORMATTERS: ReadonlyMap<string, Formatter> = new Map([text, json, sarif, junit, github, gitlab, html].map((f) => [f.id, f]));
