// rendering-mismatch: two published forms of one report (Word, web page, PDF) that give different
// numbers; and what is not one: agreeing forms, a workbook beside a PDF, two files of one kind.

import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { historyFindings } from '../helpers/history.js';
import { balancedReport, get } from '../helpers/report.js';

function form(file: string, kind: 'docx' | 'html' | 'pdf' | 'xlsx'): Report {
  const report = balancedReport('2021');
  report.file = file;
  report.source = { kind };
  return report;
}

describe('rendering-mismatch', () => {
  it('names each cell that differs with both numbers, on both files, as an error', () => {
    const docx = form('报告.docx', 'docx');
    const pdf = form('报告.pdf', 'pdf');
    get(pdf, 't3', 'granted', 'natural').value! += 1;
    get(pdf, 't3', 'granted', 'total').value! += 1;
    const [onDocx, onPdf] = historyFindings('rendering-mismatch', [docx, pdf]);
    expect(onPdf).toHaveLength(1);
    expect(onPdf![0]).toMatchObject({ severity: 'error', table: 't3', row: 'granted', column: 'natural' });
    const natural = get(docx, 't3', 'granted', 'natural').value!;
    const total = get(docx, 't3', 'granted', 'total').value!;
    expect(onPdf![0]!.message).toBe(`与Word 文档“报告.docx”是同一份报告，但有 2 个格子的数字不同：表三（一）予以公开·自然人 ${natural + 1} 与 ${natural}；表三（一）予以公开·总计 ${total + 1} 与 ${total}`);
    expect(onDocx![0]!.message).toContain(`表三（一）予以公开·自然人 ${natural} 与 ${natural + 1}`);
  });

  it('says how many differ and shows five', () => {
    const html = form('a.html', 'html');
    const pdf = form('a.pdf', 'pdf');
    for (const row of ['granted', 'partiallyGranted', 'denied.stateSecret', 'resultTotal', 'carriedForward', 'received']) get(pdf, 't3', row, 'other').value! += 2;
    const [, onPdf] = historyFindings('rendering-mismatch', [html, pdf]);
    expect(onPdf![0]!.message).toMatch(/有 6 个格子的数字不同：(?:[^；]+；){4}[^；]+ 等$/);
  });

  it('forms that agree, a workbook beside a PDF that differs, and two PDFs are no mismatch', () => {
    expect(historyFindings('rendering-mismatch', [form('a.docx', 'docx'), form('a.pdf', 'pdf')])).toEqual([[], []]);
    const pdf = form('b.pdf', 'pdf');
    get(pdf, 't3', 'granted', 'natural').value! += 1;
    expect(historyFindings('rendering-mismatch', [form('b.xlsx', 'xlsx'), pdf])).toEqual([[], []]);
    expect(historyFindings('duplicate-report', [form('b.xlsx', 'xlsx'), pdf]).map((f) => f.length)).toEqual([1, 1]);
    expect(historyFindings('rendering-mismatch', [form('c.pdf', 'pdf'), pdf])).toEqual([[], []]);
  });

  it('agreeing forms are no duplicate-report', () => {
    expect(historyFindings('duplicate-report', [form('a.docx', 'docx'), form('a.html', 'html'), form('a.pdf', 'pdf')])).toEqual([[], [], []]);
  });
});
