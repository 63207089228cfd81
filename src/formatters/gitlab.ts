// GitLab Code Quality: the JSON array of issues a merge request widget shows.

import type { Diagnostic } from '../engine/index.js';
import { sha256 } from '../engine/sha256.js';
import { lineOf, reportPath } from './shared.js';
import type { Formatter } from './types.js';

function severity(d: Diagnostic): 'blocker' | 'major' | 'minor' {
  if (d.rule === 'file-unreadable') return 'blocker';
  return d.severity === 'error' ? 'major' : 'minor';
}

export const gitlab: Formatter = {
  id: 'gitlab',
  description: 'GitLab Code Quality JSON (merge request widget)',
  format(results, context) {
    // GitLab drops issues whose fingerprint repeats (the same file given twice, say): derive a new
    // one from the old and a counter, so the output does not depend on anything but its input.
    const seen = new Set<string>();
    const unique = (fingerprint: string): string => {
      let candidate = fingerprint;
      for (let n = 2; seen.has(candidate); n++) candidate = sha256(`${fingerprint}#${n}`).slice(0, 32);
      seen.add(candidate);
      return candidate;
    };
    const issues = results.flatMap((r) => {
      const path = reportPath(r.file, context);
      return r.diagnostics.map((d) => ({
        type: 'issue',
        description: d.messages[context.lang],
        check_name: d.rule,
        fingerprint: unique(d.fingerprint),
        severity: severity(d),
        location: { path, lines: { begin: lineOf(d) ?? 1 } },
      }));
    });
    return `${JSON.stringify(issues, null, 2)}\n`;
  },
};
