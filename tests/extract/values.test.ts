// Reading one cell as the number a clerk meant, or saying why it is not one.

import { describe, expect, it } from 'vitest';
import { isPlaceholder, readValue } from '../../src/extract/values.js';
import type { Cell } from '../../src/model/grid.js';

const text = (t: string): Cell => ({ row: 1, col: 1, kind: 'text', text: t });
const read = (t: string) => readValue(text(t), null);

describe('readValue', () => {
  it.each([
    ['12', 12, ['stored-as-text']],
    [' 7 ', 7, ['stored-as-text']],
    ['１２', 12, ['full-width', 'stored-as-text']],
    ['1,234', 1234, ['thousands', 'stored-as-text']],
    ['5件', 5, ['unit', 'stored-as-text']],
    ['251000元', 251000, ['unit', 'stored-as-text']],
    ['+5', 5, ['plus-sign', 'stored-as-text']],
    ['-3', -3, ['stored-as-text']],
    ['−2', -2, ['stored-as-text']],
    ['–1', -1, ['stored-as-text']],
    ['12.3456', 12.3456, ['stored-as-text']],
  ])('%j is %d', (input, value, notes) => {
    expect(read(input)).toMatchObject({ status: 'ok', value, notes });
  });

  it.each(['-', '—', '／', '/', '无', ' 无 ', '—  —', 'N/A'])('%j is a placeholder', (input) => {
    expect(isPlaceholder(input)).toBe(true);
    expect(read(input).status).toBe('placeholder');
  });

  it.each(['abc', '2021/12/31', '12元5角', '1.2.3', '1,23'])('%j is not a number', (input) => {
    expect(read(input)).toMatchObject({ status: 'not-number', value: null });
  });

  it('counts the decimals as written', () => {
    expect(read('1.234567').decimals).toBe(6);
    expect(readValue({ row: 1, col: 1, kind: 'number', number: 0.1 + 0.2, text: '0.3' }, null).decimals).toBe(1);
  });

  it('reads spreadsheet kinds by what they are', () => {
    const cell = (kind: Cell['kind'], t = '') => readValue({ row: 1, col: 1, kind, text: t }, null).status;
    expect(cell('date', '2021-12-31')).toBe('date');
    expect(cell('error', '#REF!')).toBe('error');
    expect(cell('formula')).toBe('formula');
    expect(cell('boolean', 'TRUE')).toBe('not-number');
    expect(readValue(undefined, null).status).toBe('blank');
    expect(read('   ').status).toBe('blank');
  });
});
