// What the rules about a report's text share: its sections' paragraphs, a paragraph's place as a
// finding gives it, sentences and a short quote (numbers as reports write them: extract/numbers.ts).

import { paragraphLoc, type Paragraph } from '../model/grid.js';
import type { Location, Report, Section } from '../model/report.js';
import { sentenceFingerprint } from '../model/sketch.js';

/**
 * The paragraphs of a report that carries narrative (report.sections set) around tables of the
 * report (a document in which no table of the format was found is not known to be a report: its
 * table-missing findings say so, and its text is not judged as one), else none.
 */
export function narrativeParagraphs(report: Report): readonly Paragraph[] {
  return report.sections && report.paragraphs && report.edition ? report.paragraphs : [];
}

/** A section's paragraphs, its heading first. */
export function sectionParagraphs(report: Report, section: Section): Paragraph[] {
  return narrativeParagraphs(report).filter((p) => p.index >= section.heading && p.index <= section.end);
}

/** The section with this number (1–6), if the report has it. */
export function sectionNumbered(report: Report, number: number): Section | undefined {
  return report.sections?.find((s) => s.number === number);
}

export interface Sentence {
  paragraph: Paragraph;
  /** The section it is in (1–6), 0 before the first heading (the title, the period). */
  section: number;
  /** The sentence as written, white space removed. */
  written: string;
  /** The same, NFKC (full-width digits and punctuation as ASCII): what statements are matched in. */
  text: string;
}

/**
 * The sentences of a report's narrative, in order: split after 。！？ and at line breaks (a
 * semicolon joins the parts of one sentence: 其中 before it still governs what follows), without
 * white space, each with its section.
 */
export function sentencesIn(report: Report): readonly Sentence[] {
  let sentences = SENTENCES.get(report);
  if (!sentences) SENTENCES.set(report, (sentences = sentencesOf(report)));
  return sentences;
}

/** Each report's sentences, made once for the rules that read them. */
const SENTENCES = new WeakMap<Report, readonly Sentence[]>();

function sentencesOf(report: Report): Sentence[] {
  const sections = report.sections ?? [];
  return narrativeParagraphs(report).flatMap((p) => {
    const section = sections.find((s) => s.heading <= p.index && p.index <= s.end)?.number ?? 0;
    return p.text
      .split(/(?<=[。！？!?])|\n/)
      .map((s) => s.replace(/\s+/g, ''))
      .filter((s) => s.length > 0)
      .map((written) => ({ paragraph: p, section, written, text: written.normalize('NFKC') }));
  });
}

/** Where a finding on a sentence is: its paragraph, anchored by its section and the sentence itself (a baseline's key). */
export function sentenceLoc(sentence: Sentence): Location {
  return paragraphLoc(sentence.paragraph, `§${sentence.section}:${sentenceFingerprint(sentence.written)}`);
}

/**
 * A sentence shortened for a message, as written: the part around `at` (an offset in its NFKC
 * text, which is the written text's where NFKC kept the length), at most about 40 characters.
 */
export function quote(sentence: Sentence, at = 0, length = 0): string {
  const MAX = 40;
  const text = sentence.written.length === sentence.text.length ? sentence.written : sentence.text;
  if (text.length <= MAX) return text;
  const from = Math.max(0, Math.min(at - 12, text.length - MAX));
  const to = Math.min(text.length, Math.max(from + MAX, at + length));
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
