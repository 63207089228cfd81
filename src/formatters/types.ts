// A formatter is a pure function from results to the text written out.

import type { FileResult } from '../engine/index.js';
import type { Lang } from '../rules/types.js';

export interface FormatContext {
  lang: Lang;
  /** Whether to use colour (text formatter only). */
  color: boolean;
}

export interface Formatter {
  id: string;
  description: string;
  format(results: FileResult[], context: FormatContext): string;
}
