// Page trees compared as html.ts's walk reads them: the tree html-tree.ts builds without parse5
// against parse5's (tests/readers/html-tree.test.ts, and the published pages in the conformance test).

import { expect } from 'vitest';
import { pageGrid, parsePage, quickTree } from '../../src/readers/html.js';
import type { PageParent } from '../../src/readers/html-tree.js';

/** Elements whose content the walk never reads, and which html-tree.ts does not build. */
const UNREAD = new Set(['head', 'script', 'style', 'title', 'textarea', 'iframe', 'noembed', 'noframes', 'noscript', 'select']);

type Projected = { text: string; line?: number } | { tag: string; line?: number; spans?: string; children: Projected[] };

/** A tree as the walk reads it: elements (less the unread ones) with their lines and spans, texts (adjacent ones joined) with theirs. */
export function project(node: PageParent): Projected[] {
  const out: Projected[] = [];
  for (const child of node.childNodes) {
    if (child.nodeName === '#text' && 'value' in child) {
      const last = out[out.length - 1];
      if (last && 'text' in last) last.text += child.value;
      else out.push({ text: child.value, line: child.line });
    } else if ('tagName' in child && !UNREAD.has(child.tagName)) {
      const spans = child.tagName === 'td' || child.tagName === 'th' ? child.attrs.filter((a) => a.name === 'colspan' || a.name === 'rowspan').map((a) => `${a.name}=${a.value}`).sort().join(' ') : undefined;
      out.push({ tag: child.tagName, line: child.line, ...(spans ? { spans } : {}), children: project(child) });
    }
  }
  return out;
}

/**
 * Reads `pieces` both ways: whether html-tree.ts read it (true) or left it to parse5 (false);
 * when it read it, its tree and the sheets and paragraphs made from it are parse5's.
 */
export async function agree(pieces: readonly string[], label = pieces.join('').slice(0, 80)): Promise<boolean> {
  const quick = await quickTree(pieces);
  if (quick === null) return false;
  const parsed = await parsePage(pieces);
  expect(project(quick), label).toEqual(project(parsed));
  expect(pageGrid('page.html', quick, 'utf-8'), label).toEqual(pageGrid('page.html', parsed, 'utf-8'));
  return true;
}

