// The Report model: what the extractor found in a file. Every value keeps the cell it came from,
// so rules and formatters can point at it without knowing how the file was laid out.

import type { EditionId, TableId } from '../form/types.js';
import type { Paragraph, SourceKind } from './grid.js';

/** Where something is in the file. */
export interface Location {
  sheet: string;
  /** A1 address. */
  cell: string;
  row: number;
  col: number;
  /** Physical line, for CSV/text inputs. */
  line?: number;
  /** The page, for PDFs. */
  page?: number;
  /** A place in the narrative: the paragraph (Paragraph.index; sheet 正文, row the same number). */
  paragraph?: number;
  /** That paragraph's first words. */
  excerpt?: string;
  /**
   * A place in the narrative that survives edits elsewhere: its section (`§3`) and, for a finding
   * on a sentence, the sentence's fingerprint (`§3:1x2y3z`).
   */
  anchor?: string;
}

export type ValueStatus =
  | 'ok' // a number was read
  | 'blank' // empty
  | 'placeholder' // -, —, /, 无 …: the format wants 0
  | 'not-number' // text that is not a number
  | 'date' // a date where a number belongs
  | 'error' // a spreadsheet error value (#REF!)
  | 'formula'; // a formula without a cached result

/** How a number was written, where that matters to a reader of the file. */
export type ValueNote = 'stored-as-text' | 'full-width' | 'thousands' | 'unit' | 'plus-sign';

export interface CellValue {
  /** The text as shown in the cell. */
  text: string;
  /** The number read, when status is 'ok'. */
  value: number | null;
  status: ValueStatus;
  notes: ValueNote[];
  /** Decimal places as written (for precision checks). */
  decimals: number;
  /** For a date where a number belongs: the serial number behind it. */
  serial?: number;
  /** Where the value is; null when the cell does not exist (a short row). */
  loc: Location | null;
}

export interface RowData {
  /** Canonical row key (docs/format.md). */
  key: string;
  /** Where its label is. */
  loc: Location | null;
  /** Column key -> value. Columns that could not be found are absent (column-missing reports them). */
  cells: Record<string, CellValue>;
}

export interface TableData {
  id: TableId;
  /** Where the table was found (its first recognised row or title). */
  loc: Location | null;
  rows: Record<string, RowData>;
  /** Extra facts: for table 2, the decimals a fee label allows (保留4位小数). */
  amountDecimals?: number;
}

export interface Metadata<T> {
  value: T;
  /** Where it came from: a title, a labelled cell, a document's statistical period, the file name. */
  from: 'title' | 'cell' | 'period' | 'filename';
  loc: Location | null;
}

/** Why a file cannot be read: each is a message of the file-unreadable rule. */
export type ReadReason =
  | 'empty' | 'not-found' | 'special' | 'is-directory' | 'permission' | 'io'
  | 'encrypted' | 'old-binary' | 'xlsb' | 'ods' | 'excel-xml' | 'doc' | 'rtf' | 'odt'
  | 'mht-no-html' | 'ofd' | 'image' | 'archive' | 'wrong-type' | 'unrecognised' | 'unsupported'
  | 'not-report-json' | 'json-edition'
  | 'not-xlsx' | 'corrupt-xlsx' | 'corrupt-docx' | 'corrupt-pdf' | 'corrupt-zip' | 'encrypted-zip' | 'too-many-members' | 'scanned-pdf' | 'no-text-pdf' | 'too-many-pages' | 'no-sheets' | 'too-large' | 'inflated-too-large' | 'too-many-cells'
  | 'out-of-memory' | 'internal' | 'timeout' | 'undecodable' | 'binary';

export interface ReadFailure {
  /** Message id of the file-unreadable rule explaining why. */
  reason: ReadReason;
  /** Values for the message template (for example the detected type). */
  data: Record<string, string | number>;
}

export interface Report {
  /** The path as given. */
  file: string;
  source: { kind: SourceKind | 'json' | null; encoding?: string; delimiter?: string };
  /** Set when the file could not be read at all; then tables are all null. */
  failure?: ReadFailure;
  /** The edition used to read and check the tables. */
  edition: EditionId | null;
  /** The edition the tables' own markers indicate, null when they indicate none. */
  markedEdition: EditionId | null;
  /** True when --edition chose the edition. */
  editionOverridden: boolean;
  agency: Metadata<string> | null;
  year: Metadata<number> | null;
  tables: Record<TableId, TableData | null>;
  /**
   * Rows expected by the edition but not found, with the key used in diagnostics.
   * `otherHandling` stands for the three （六） rows of the 2021 edition printed as one row.
   */
  missingRows: Array<{ table: TableId; key: string }>;
  /** Tables printed more than once: where the copy checked is, where the other is, and a cell where they differ. */
  duplicateTables?: DuplicateTable[];
  /** A document's paragraphs outside its tables, in reading order (Word, web pages, PDFs; a text file's lines of one field). */
  paragraphs?: Paragraph[];
  /**
   * Present only when the paragraphs carry narrative (extract/sections.ts): the national format's
   * sections found among them, in document order. Rules about the text look at nothing else.
   */
  sections?: Section[];
  /** PDFs: the pages that show an image large enough to be a table. */
  images?: number[];
}

/** One of the six sections of the national format, as paragraph indexes (Paragraph.index). */
export interface Section {
  /** 1–6: 一、总体情况 … 六、其他需要报告的事项. */
  number: number;
  /** The paragraph that opens it. */
  heading: number;
  /** Its last paragraph (the one before the next section's heading, or the document's last). */
  end: number;
}

export interface DuplicateTable {
  table: TableId;
  /** The copy that was read and checked (the one with the most rows; the first on a tie). */
  used: Location | null;
  /** Another copy. */
  other: Location | null;
  /** The first cell (of the checked copy) whose value the other copy gives differently, if any. */
  differs: { used: CellValue; other: CellValue } | null;
}
