// The formatter registry: --format choices are derived from it.

import { json } from './json.js';
import { text } from './text.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatContext } from './types.js';

export const FORMATTERS: ReadonlyMap<string, Formatter> = new Map([text, json].map((f) => [f.id, f]));
