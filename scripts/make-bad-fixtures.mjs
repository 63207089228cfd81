// The hostile and broken input corpus in fixtures/bad/: files a clerk (or an attacker) may submit
// that are not a readable report, or are one in an unusual way. Each case is one small function
// below; expected.json says what `report check` must make of each file, README.md lists them.
//
//   npm run build && node scripts/make-bad-fixtures.mjs [outDir] [--large]
//
// outDir defaults to fixtures/bad. Without --large only the files small enough to commit are
// written; --large adds the big ones (listed in the .gitignore written beside them). Deterministic:
// a seeded generator instead of Math.random, fixed zip entry times and document dates, so a rerun
// gives byte-identical files. Before writing, the files this script owns (every name in CASES,
// plus expected.json, README.md and .gitignore) are deleted from outDir; nothing else is touched.

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { Deflate, deflateSync, unzipSync, Zlib, zlibSync } from 'fflate';
import { layoutCsv, layoutFor } from '../dist/writers/layout.js';
import { writeOfficialXlsx } from '../dist/writers/xlsx.js';
import { balancedRandomReport } from './random-report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const LARGE = args.includes('--large');
const OUT = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'fixtures', 'bad'));

const utf8 = new TextEncoder();
const text = new TextDecoder();
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Deterministic building blocks
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator; every case that needs noise gets its own seed. */
function seeded(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    bytes: (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
  };
}

const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
};
const bytesOf = (data) => (typeof data === 'string' ? utf8.encode(data) : data);
const base64 = (bytes) => Buffer.from(bytes).toString('base64');

// Every zip entry is dated 2024-01-01 00:00 (MS-DOS date and time fields, no time zone involved).
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

/**
 * A zip archive written field by field, so that a case can say anything in it: entries are
 * { name, data } (deflated at level 9 here) or { name, deflated, size, crc } (already deflated,
 * for streams too large to hold), with an optional `declaredSize` that the local header and the
 * central directory state instead of the true size.
 */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8.encode(e.name);
    let body, size, crc;
    if (e.deflated) ({ deflated: body, size, crc } = e);
    else {
      const data = bytesOf(e.data);
      body = deflateSync(data, { level: 9 });
      size = data.length;
      crc = crc32(data);
    }
    const declared = e.declaredSize ?? size;
    const flags = /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0; // bit 11: the name is UTF-8
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, flags, true);
    local.setUint16(8, 8, true); // method: deflate
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc >>> 0, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, declared, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    central.setUint16(6, 20, true);
    central.setUint16(8, flags, true);
    central.setUint16(10, 8, true);
    central.setUint16(12, DOS_TIME, true);
    central.setUint16(14, DOS_DATE, true);
    central.setUint32(16, crc >>> 0, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, declared, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, body);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const directory = concat(...centrals);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return concat(...locals, directory, new Uint8Array(end.buffer));
}

/**
 * An OLE compound file (CFB, version 3, 512-byte sectors) as Excel, WPS and Office encryption
 * write them: header, FAT, directory (a binary tree of entries per storage), a mini FAT and mini
 * stream for streams under 4096 bytes, regular sectors for the rest. `items` are { name, data }
 * streams or { name, children } storages.
 */
function cfb(items) {
  const SECTOR = 512;
  const MINI = 64;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const FATSECT = 0xfffffffd;
  const NONE = 0xffffffff;
  // Flatten into directory entries; entry 0 is the root.
  const entries = [{ name: 'Root Entry', type: 5, children: items }];
  const add = (list) => list.map((item) => {
    const entry = { name: item.name, type: item.children ? 1 : 2, data: item.data && bytesOf(item.data), children: item.children };
    entries.push(entry);
    return entry;
  });
  const expand = (entry) => {
    if (!entry.children) return;
    entry.kids = add(entry.children);
    entry.kids.forEach(expand);
  };
  expand(entries[0]);
  entries.forEach((e, i) => (e.id = i));
  // Siblings form a binary search tree: shorter names first, then by upper-case code units.
  const order = (a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1);
  const tree = (list) => {
    if (list.length === 0) return NONE;
    const mid = list.length >> 1;
    list[mid].left = tree(list.slice(0, mid));
    list[mid].right = tree(list.slice(mid + 1));
    return list[mid].id;
  };
  for (const e of entries) if (e.kids) e.child = tree([...e.kids].sort(order));

  // Small streams go to the mini stream (64-byte mini sectors), the others to whole sectors.
  const miniFat = [];
  const miniParts = [];
  for (const e of entries.filter((e) => e.type === 2 && e.data.length < 4096)) {
    const n = Math.max(1, Math.ceil(e.data.length / MINI));
    e.start = miniFat.length;
    for (let k = 0; k < n; k++) miniFat.push(k === n - 1 ? END : e.start + k + 1);
    miniParts.push(e.data, new Uint8Array(n * MINI - e.data.length));
  }
  const miniStream = concat(...miniParts);
  const chains = []; // [what, sectors needed]
  const dirSectors = Math.ceil((entries.length * 128) / SECTOR);
  const miniFatSectors = Math.ceil((miniFat.length * 4) / SECTOR);
  const streamSectors = (bytes) => Math.ceil(bytes.length / SECTOR);
  chains.push(['dir', dirSectors], ['minifat', miniFatSectors], ['ministream', streamSectors(miniStream)]);
  for (const e of entries.filter((e) => e.type === 2 && e.data.length >= 4096)) chains.push([e, streamSectors(e.data)]);
  const dataSectors = chains.reduce((n, [, k]) => n + k, 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('cfb: too large for a header-only DIFAT');
  const fat = Array(fatSectors * 128).fill(FREE);
  for (let i = 0; i < fatSectors; i++) fat[i] = FATSECT;
  let next = fatSectors;
  const starts = new Map();
  for (const [what, n] of chains) {
    starts.set(what, n ? next : END);
    for (let k = 0; k < n; k++) fat[next + k] = k === n - 1 ? END : next + k + 1;
    next += n;
  }
  entries[0].start = starts.get('ministream');
  entries[0].size = miniStream.length;
  for (const [what] of chains) if (typeof what === 'object') what.start = starts.get(what);

  const header = new DataView(new ArrayBuffer(SECTOR));
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => header.setUint8(i, b));
  header.setUint16(24, 0x003e, true); // minor version
  header.setUint16(26, 3, true); // major version 3: 512-byte sectors
  header.setUint16(28, 0xfffe, true); // byte order mark
  header.setUint16(30, 9, true); // sector shift: 2^9
  header.setUint16(32, 6, true); // mini sector shift: 2^6
  header.setUint32(44, fatSectors, true);
  header.setUint32(48, starts.get('dir'), true);
  header.setUint32(56, 4096, true); // mini stream cutoff
  header.setUint32(60, starts.get('minifat'), true);
  header.setUint32(64, miniFatSectors, true);
  header.setUint32(68, END, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.setUint32(76 + i * 4, i < fatSectors ? i : FREE, true);

  const u32s = (values, sectors) => {
    const view = new DataView(new ArrayBuffer(sectors * SECTOR));
    for (let i = 0; i < sectors * 128; i++) view.setUint32(i * 4, values[i] ?? FREE, true);
    return new Uint8Array(view.buffer);
  };
  const dir = new DataView(new ArrayBuffer(dirSectors * SECTOR));
  for (let i = 0; i < dirSectors * 4; i++) {
    const at = i * 128;
    const e = entries[i];
    dir.setUint32(at + 68, e?.left ?? NONE, true);
    dir.setUint32(at + 72, e?.right ?? NONE, true);
    dir.setUint32(at + 76, e?.child ?? NONE, true);
    if (!e) continue;
    const name = Buffer.from(`${e.name}\0`, 'utf16le');
    new Uint8Array(dir.buffer).set(name, at);
    dir.setUint16(at + 64, name.length, true);
    dir.setUint8(at + 66, e.type);
    dir.setUint8(at + 67, 1); // black
    dir.setUint32(at + 116, e.type === 1 ? 0 : e.start, true);
    dir.setUint32(at + 120, e.type === 1 ? 0 : e.type === 5 ? e.size : e.data.length, true);
  }
  const pad = (bytes) => concat(bytes, new Uint8Array(streamSectors(bytes) * SECTOR - bytes.length));
  const body = chains.map(([what]) =>
    what === 'dir' ? new Uint8Array(dir.buffer) : what === 'minifat' ? u32s(miniFat, miniFatSectors) : what === 'ministream' ? pad(miniStream) : pad(what.data),
  );
  return concat(new Uint8Array(header.buffer), u32s(fat, fatSectors), ...body);
}

/** A BIFF8 record: type, length, data. */
function biff(type, data = []) {
  const out = new DataView(new ArrayBuffer(4 + data.length));
  out.setUint16(0, type, true);
  out.setUint16(2, data.length, true);
  data.forEach((b, i) => out.setUint8(4 + i, b));
  return new Uint8Array(out.buffer);
}
const le16 = (n) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/**
 * A BIFF8 Workbook stream: globals (BOF, CODEPAGE 1200, a BOUNDSHEET), EOF, then one worksheet
 * substream with DIMENSIONS and a NUMBER cell (A1 = 2022); padded to 4096 bytes as Excel pads it (out of the mini stream).
 */
function biffWorkbook(rupBuild) {
  const bof = (kind) => biff(0x0809, [...le16(0x0600), ...le16(kind), ...le16(rupBuild), ...le16(1997), ...le32(0x41), ...le32(0x06)]);
  const sheetName = [...utf8.encode('Sheet1')];
  const globalsHead = [bof(0x0005), biff(0x0042, le16(1200))];
  const boundSheetLength = 4 + 8 + sheetName.length;
  const globalsLength = globalsHead.reduce((n, r) => n + r.length, 0) + boundSheetLength + 4;
  const boundSheet = biff(0x0085, [...le32(globalsLength), 0, 0, sheetName.length, 0, ...sheetName]);
  const number = biff(0x0203, [...le16(0), ...le16(0), ...le16(0x0f), ...new Uint8Array(new Float64Array([2022]).buffer)]);
  const dimensions = biff(0x0200, [...le32(0), ...le32(1), ...le16(0), ...le16(1), 0, 0]);
  const stream = concat(...globalsHead, boundSheet, biff(0x000a), bof(0x0010), dimensions, number, biff(0x000a));
  return concat(stream, new Uint8Array(Math.max(0, 4096 - stream.length)));
}

/** An empty OLE property set stream (SummaryInformation or DocumentSummaryInformation). */
function propertySet(fmtid) {
  const guid = Buffer.alloc(16);
  const hex = fmtid.replace(/-/g, '');
  // A GUID's first three groups are little-endian.
  Buffer.from(hex.slice(0, 8), 'hex').reverse().copy(guid, 0);
  Buffer.from(hex.slice(8, 12), 'hex').reverse().copy(guid, 4);
  Buffer.from(hex.slice(12, 16), 'hex').reverse().copy(guid, 6);
  Buffer.from(hex.slice(16), 'hex').copy(guid, 8);
  const head = Buffer.alloc(28);
  head.writeUInt16LE(0xfffe, 0);
  head.writeUInt32LE(0x00020006, 4); // OS: Windows, version 6.2
  head.writeUInt32LE(1, 24); // one section
  const section = Buffer.alloc(8);
  section.writeUInt32LE(8, 0); // section size, no properties
  return concat(head, guid, Uint8Array.from(le32(48)), section);
}
const SUMMARY = '\u0005SummaryInformation';
const DOC_SUMMARY = '\u0005DocumentSummaryInformation';

// ---------------------------------------------------------------------------------------------
// The report every workbook and CSV case starts from
// ---------------------------------------------------------------------------------------------

/** A balanced 2021-edition report for 2022 (as scripts/bench.mjs fills one), so that only a case's own defect shows. */
function balancedReport() {
  const report = balancedRandomReport('2021', seeded(20220101).int);
  report.agency = '示例县坏文件测试局';
  report.year = 2022;
  return report;
}

const REPORT = balancedReport();
const LAYOUT = layoutFor(REPORT);
const SHEET1 = 'xl/worksheets/sheet1.xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function columnName(col) {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
/** The A1 address of a value of the report in the generated workbook (and the CSV's row/field). */
function cellOf(table, row, column) {
  const p = LAYOUT.cellOf(table, row, column);
  if (!p) throw new Error(`no cell for ${table}.${row}.${column}`);
  return { ...p, ref: `${columnName(p.col)}${p.row}`, value: REPORT.tables[table][row][column] };
}

let baseParts = null;
/**
 * The parts of the generated official workbook, in archive order (directories left out), with the
 * document dates exceljs stamps pinned to 2024-01-01 so that the bytes do not change between runs.
 */
async function officialParts() {
  if (!baseParts) {
    const parts = unzipSync(await writeOfficialXlsx(REPORT));
    baseParts = Object.entries(parts)
      .filter(([name]) => !name.endsWith('/'))
      .map(([name, data]) => [name, name === 'docProps/core.xml' ? utf8.encode(text.decode(data).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '2024-01-01T00:00:00Z')) : data]);
  }
  return new Map(baseParts.map(([name, data]) => [name, data]));
}

/** The official workbook with some parts edited: `edits` maps a part name to (xml text) => xml text. */
async function officialWith(edits = {}, added = {}) {
  const parts = await officialParts();
  for (const [name, edit] of Object.entries(edits)) {
    if (!parts.has(name)) throw new Error(`no part ${name}`);
    parts.set(name, utf8.encode(edit(text.decode(parts.get(name)))));
  }
  for (const [name, data] of Object.entries(added)) parts.set(name, bytesOf(data));
  return zip([...parts].map(([name, data]) => ({ name, data })));
}

/** Replace one <c> element of a sheet (`make` gets its attributes other than r and t, e.g. ' s="5"'). */
function replaceCell(xml, ref, make) {
  const re = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>.*?</c>)`);
  if (!re.test(xml)) throw new Error(`cell ${ref} not found`);
  return xml.replace(re, (_, attrs) => make(attrs.replace(/\s+t="[^"]*"/, '')));
}

/** Add a line to a list element: `<sheets>…</sheets>`, before its closing tag. */
const insertBefore = (xml, closing, add) => {
  if (!xml.includes(closing)) throw new Error(`${closing} not found`);
  return xml.replace(closing, `${add}${closing}`);
};

/** A minimal workbook around worksheet parts (no styles, no shared strings): sheets are { name, entry }. */
function workbookOf(sheets) {
  const part = (i) => `worksheets/sheet${i + 1}.xml`;
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/${part(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${part(i)}"/>`).join('')}</Relationships>`,
    },
    ...sheets.map((s, i) => ({ name: `xl/${part(i)}`, ...s.entry })),
  ];
}

/** A minimal workbook around one worksheet part. */
const minimalWorkbook = (sheetName, sheetEntry) => workbookOf([{ name: sheetName, entry: sheetEntry }]);

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * Deflate a stream too large to hold in memory: `pieces` yields Uint8Arrays. Returns the zip
 * entry fields { deflated, size, crc }.
 */
function deflateStream(pieces) {
  const out = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    size += piece.length;
    crc = crc32(piece, crc);
    deflate.push(piece);
  }
  deflate.push(new Uint8Array(0), true);
  return { deflated: concat(...out), size, crc };
}

let bombSheet = null;
/** A worksheet part of 10^9 bytes: the sheet's start tags, a billion spaces, its end tags (well-formed XML). */
function bombSheetEntry() {
  bombSheet ??= deflateStream(
    (function* () {
      yield utf8.encode(SHEET_HEAD);
      const spaces = new Uint8Array(1_000_000).fill(0x20);
      for (let i = 0; i < 1000; i++) yield spaces;
      yield utf8.encode(SHEET_TAIL);
    })(),
  );
  return bombSheet;
}

const csvText = () => layoutCsv(REPORT); // UTF-8 text with a BOM, CRLF
const csvLines = () => csvText().replace(/^\ufeff/, '').replace(/\r\n$/, '').split('\r\n');

// ---------------------------------------------------------------------------------------------
// The cases, one function each
// ---------------------------------------------------------------------------------------------

/** 0 bytes: an upload that failed. */
const empty = () => new Uint8Array(0);

/** 4 KB of noise under an .xlsx name (a damaged download). */
function randomBytes() {
  const bytes = seeded(4096).bytes(4096);
  // Not a zip (PK), OLE (D0 CF), PDF (%), HTML (<), BOM or whitespace: plain noise from the first byte.
  if ([0x50, 0xd0, 0x25, 0x3c, 0xef, 0xfe, 0xff, 0x09, 0x0a, 0x0d, 0x20].includes(bytes[0])) bytes[0] = 0x9c;
  return bytes;
}

/** A valid generated workbook cut off at 60% of its length (an interrupted upload or copy). */
async function truncated() {
  const whole = await officialWith();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** A zip archive with a note and a scanned picture, no workbook (attachments zipped and renamed). */
function zipWithoutWorkbook() {
  const png = concat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seeded(7).bytes(3000));
  return zip([
    { name: 'readme.txt', data: '年度报告见扫描件。\r\n' },
    { name: '扫描件/第1页.png', data: png },
  ]);
}

/** Old Excel 97-2003 (.xls, BIFF8 in an OLE compound file) renamed to .xlsx. */
function renamedXls() {
  return cfb([
    { name: 'Workbook', data: biffWorkbook(0x2775) },
    { name: SUMMARY, data: propertySet('F29F85E0-4FF9-1068-AB91-08002B27B3D9') },
    { name: DOC_SUMMARY, data: propertySet('D5CDD502-2E9C-101B-9397-08002B2CF9AE') },
  ]);
}

/** A WPS 表格 .et file (the same OLE/BIFF8 container) renamed to .xlsx. */
function renamedEt() {
  return cfb([
    { name: 'Workbook', data: biffWorkbook(0x1f40) },
    { name: SUMMARY, data: propertySet('F29F85E0-4FF9-1068-AB91-08002B27B3D9') },
  ]);
}

/**
 * A Word 97-2003 document (.doc: a WordDocument stream opening with a FIB, a 1Table stream, the
 * summary streams) renamed to .xls. The FIB is only its first fields (the magic 0xA5EC, nFib
 * 0x00C1 of Word 97 and later, language 2052 zh-CN); the rest is zeros, so Word would not open it.
 */
function docRenamed() {
  const fib = new Uint8Array(4096);
  fib.set([...le16(0xa5ec), ...le16(0x00c1), 0, 0, ...le16(2052)]);
  return cfb([
    { name: 'WordDocument', data: fib },
    { name: '1Table', data: new Uint8Array(1024) },
    { name: SUMMARY, data: propertySet('F29F85E0-4FF9-1068-AB91-08002B27B3D9') },
    { name: DOC_SUMMARY, data: propertySet('D5CDD502-2E9C-101B-9397-08002B2CF9AE') },
  ]);
}

/**
 * A password-protected .xlsx as Excel writes it: an OLE container with \x06DataSpaces,
 * EncryptionInfo (agile encryption, version 4.4, an XML descriptor) and EncryptedPackage (the
 * package's size, then ciphertext; here seeded noise).
 */
function passwordProtected() {
  const r = seeded(44);
  const b64 = (n) => base64(r.bytes(n));
  const descriptor =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(16)}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64(64)}" encryptedHmacValue="${b64(64)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(16)}" encryptedVerifierHashInput="${b64(16)}" encryptedVerifierHashValue="${b64(64)}" encryptedKeyValue="${b64(32)}"/>` +
    '</keyEncryptor></keyEncryptors></encryption>';
  const info = concat(Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]), utf8.encode(descriptor));
  const plainSize = 9000;
  const ciphertext = concat(Uint8Array.from([...le32(plainSize), 0, 0, 0, 0]), r.bytes(Math.ceil(plainSize / 4096) * 4096));
  const utf16 = (s) => Buffer.from(s, 'utf16le');
  const version = concat(Uint8Array.from(le32(60)), utf16('Microsoft.Container.DataSpaces'), Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]));
  return cfb([
    { name: '\u0006DataSpaces', children: [{ name: 'Version', data: version }] },
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: ciphertext },
  ]);
}

/** A workbook whose only sheet inflates to 10^9 bytes; the zip directory states the true size. */
function zipBomb() {
  return zip(minimalWorkbook('Sheet1', bombSheetEntry()));
}

/** The same bomb, but the local header and the central directory declare 1,000 bytes. */
function zipBombLying() {
  return zip(minimalWorkbook('Sheet1', { ...bombSheetEntry(), declaredSize: 1000 }));
}

/** One sheet of 1,100,000 rows of one numeric cell each (`<row r="n"><c r="An"><v>1</v></c></row>`), as an export writes them. */
function millionRows() {
  return zip(
    minimalWorkbook(
      '导出数据',
      deflateStream(
        (function* () {
          yield utf8.encode(SHEET_HEAD);
          for (let from = 1; from <= 1_100_000; from += 10_000) {
            let rows = '';
            for (let n = from; n < from + 10_000; n++) rows += `<row r="${n}"><c r="A${n}"><v>1</v></c></row>`;
            yield utf8.encode(rows);
          }
          yield utf8.encode(SHEET_TAIL);
        })(),
      ),
    ),
  );
}

/** 1,100,000 cells without addresses (1,100 rows of 1,000 `<c><v>1</v></c>`, allowed by the standard): small on disk. */
function millionCellsCompact() {
  const row = `<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`;
  return zip(minimalWorkbook('导出数据', { data: `${SHEET_HEAD}${row.repeat(1100)}${SHEET_TAIL}` }));
}

/**
 * 64 sheets of 4,000,000 empty cells each (250 rows of 16,000 <c/>): 1 GB of sheet XML in about
 * 1 MB. Refused by the inflated-size limit; with the limits raised, reading it takes about ten
 * seconds, which the --timeout tests use as a file that is slow to read.
 */
function blankBomb() {
  const data = utf8.encode(`${SHEET_HEAD}${`<row>${'<c/>'.repeat(16_000)}</row>`.repeat(250)}${SHEET_TAIL}`);
  const entry = { deflated: deflateSync(data, { level: 9 }), size: data.length, crc: crc32(data) };
  return zip(workbookOf(Array.from({ length: 64 }, (_, i) => ({ name: `空白${i + 1}`, entry }))));
}

/** The report, plus a second sheet with one row of 16,384 numbers (A1:XFD1). */
function wideColumns() {
  const rand = seeded(16384).int;
  let cells = '';
  for (let c = 1; c <= 16384; c++) cells += `<c r="${columnName(c)}1"><v>${rand(1000)}</v></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:XFD1"/><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  return officialWith(
    {
      'xl/workbook.xml': (x) => insertBefore(x, '</sheets>', '<sheet sheetId="2" name="原始数据" state="visible" r:id="rId90"/>'),
      'xl/_rels/workbook.xml.rels': (x) => insertBefore(x, '</Relationships>', `<Relationship Id="rId90" Type="${REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>`),
      '[Content_Types].xml': (x) => insertBefore(x, '</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'),
    },
    { 'xl/worksheets/sheet2.xml': sheet },
  );
}

/** 表三（一）予以公开·自然人 holds a formula with no cached result (written by a program, never calculated). */
function formulaNoCache() {
  const cell = cellOf('t3', 'granted', 'natural');
  return officialWith({ [SHEET1]: (x) => replaceCell(x, cell.ref, (a) => `<c r="${cell.ref}"${a}><f>SUM(D10:D11)</f></c>`) });
}

/** Two value cells hold error values, #REF! (表三（二）部分公开·商业企业) and #DIV/0! (表二 行政许可). */
function errorValues() {
  const ref = cellOf('t3', 'partiallyGranted', 'commercial');
  const div = cellOf('t2', 'licensing', 'decisions');
  return officialWith({
    [SHEET1]: (x) =>
      replaceCell(
        replaceCell(x, ref.ref, (a) => `<c r="${ref.ref}"${a} t="e"><v>#REF!</v></c>`),
        div.ref,
        (a) => `<c r="${div.ref}"${a} t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
      ),
  });
}

/** The report as a macro-enabled workbook: an xl/vbaProject.bin part and the macro-enabled content type. */
function macro() {
  const project = 'ID="{8E0C6D56-3B6B-4C3B-9C8B-2C1F0F7E1A11}"\r\nDocument=ThisWorkbook/&H00000000\r\nName="VBAProject"\r\n';
  const vba = cfb([
    { name: 'PROJECT', data: project },
    { name: 'PROJECTwm', data: concat(utf8.encode('ThisWorkbook\0'), Buffer.from('ThisWorkbook\0\0', 'utf16le'), new Uint8Array(2)) },
    { name: 'VBA', children: [{ name: '_VBA_PROJECT', data: Uint8Array.from([0xcc, 0x61, 0xff, 0xff, 0x00, 0x00, 0x00]) }, { name: 'dir', data: seeded(5).bytes(300) }, { name: 'ThisWorkbook', data: seeded(6).bytes(900) }] },
  ]);
  return officialWith(
    {
      '[Content_Types].xml': (x) =>
        insertBefore(
          x.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
          '</Types>',
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        ),
      'xl/_rels/workbook.xml.rels': (x) => insertBefore(x, '</Relationships>', '<Relationship Id="rId91" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'),
    },
    { 'xl/vbaProject.bin': vba },
  );
}

/** A value cell is a formula into another unit's workbook (`[1]Sheet1!D10`, cached value right); the link part and its external relationship are there. */
function externalLinks() {
  // A 表三（一）予以公开 cell holding 5 where there is one, else its 自然人 cell.
  const granted = REPORT.tables.t3.granted;
  const cell = cellOf('t3', 'granted', Object.keys(granted).find((k) => k !== 'total' && granted[k] === 5) ?? 'natural');
  const link = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="10"><cell r="D10"><v>${cell.value}</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
  const linkRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/externalLinkPath" Target="file:///C:/其他单位/2021年报.xlsx" TargetMode="External"/></Relationships>`;
  return officialWith(
    {
      [SHEET1]: (x) => replaceCell(x, cell.ref, (a) => `<c r="${cell.ref}"${a}><f>[1]Sheet1!D10</f><v>${cell.value}</v></c>`),
      'xl/workbook.xml': (x) => x.replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rId92"/></externalReferences>'),
      'xl/_rels/workbook.xml.rels': (x) => insertBefore(x, '</Relationships>', `<Relationship Id="rId92" Type="${REL_NS}/externalLink" Target="externalLinks/externalLink1.xml"/>`),
      '[Content_Types].xml': (x) => insertBefore(x, '</Types>', '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'),
    },
    { 'xl/externalLinks/externalLink1.xml': link, 'xl/externalLinks/_rels/externalLink1.xml.rels': linkRels },
  );
}

/** Two count cells (表三 一、本年新收·自然人, 表四 行政复议·结果维持) formatted as dates (numFmtId 14), so Excel shows 1900-01-0x. */
function datesForCounts() {
  const cells = [cellOf('t3', 'received', 'natural'), cellOf('t4', 'review', 'upheld')];
  let dateStyle = -1;
  return officialWith({
    'xl/styles.xml': (x) =>
      x.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_, count, xfs) => {
        dateStyle = Number(count);
        return `<cellXfs count="${dateStyle + 1}">${xfs}<xf numFmtId="14" fontId="3" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/></cellXfs>`;
      }),
    [SHEET1]: (x) => cells.reduce((xml, c) => replaceCell(xml, c.ref, (a) => `<c r="${c.ref}"${a.replace(/\s+s="\d+"/, '')} s="${dateStyle}"><v>${c.value}</v></c>`), x),
  });
}

/** The official-layout CSV with a `"` opened at the start of 表三（二）部分公开·自然人 and never closed. */
function unbalancedQuotes() {
  const lines = csvLines();
  if (lines.some((l) => l.includes('"'))) throw new Error('the layout CSV already has quotes');
  const cell = cellOf('t3', 'partiallyGranted', 'natural');
  const fields = lines[cell.row - 1].split(',');
  fields[cell.col - 1] = `"${fields[cell.col - 1]}`;
  lines[cell.row - 1] = fields.join(',');
  return utf8.encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

/** fixtures/gb18030-2022.csv with its first half re-encoded as UTF-8 and the rest left in GB18030 (two files pasted together). */
function mixedEncodings() {
  const source = readFileSync(join(ROOT, 'fixtures', 'gb18030-2022.csv'));
  const lines = [];
  for (let at = 0; at < source.length; ) {
    const end = source.indexOf('\r\n', at);
    lines.push(source.subarray(at, end < 0 ? source.length : end));
    at = end < 0 ? source.length : end + 2;
  }
  const half = Math.floor(lines.length / 2);
  const gb = new TextDecoder('gb18030');
  const out = lines.map((line, i) => (i < half ? utf8.encode(gb.decode(line)) : line));
  return concat(...out.flatMap((l) => [l, Uint8Array.from([0x0d, 0x0a])]));
}

/** The official-layout CSV with NUL bytes at the start of four lines and at the end. */
function nulBytes() {
  const lines = csvLines().map((l, i) => ([2, 12, 28, 45].includes(i) ? `\0${l}` : l));
  return utf8.encode(`\ufeff${lines.join('\r\n')}\r\n\0\0`);
}

/** 100 MB of CSV: the report, then filler lines (an export that kept every empty row). Written in pieces. */
function huge100mb() {
  return (path) => {
    const fd = openSync(path, 'w');
    try {
      const head = utf8.encode(csvText());
      writeSync(fd, head);
      const filler = utf8.encode('填充行：请忽略,,,,,,,,,,,,,,\r\n'.repeat(32768));
      let size = head.length;
      while (size < 100 * MB) size += writeSync(fd, filler);
    } finally {
      closeSync(fd);
    }
  };
}

/** Ordinary prose, a meeting notice, saved as .txt: no table at all. */
function notAReport() {
  return utf8.encode(
    [
      '关于召开2022年度政府信息公开工作推进会的通知',
      '',
      '各乡镇人民政府，县直各单位：',
      '',
      '为进一步做好政府信息公开工作，经研究，定于2023年1月12日（星期四）上午9时在县政府三楼会议室召开全县政府信息公开工作推进会。现将有关事项通知如下：',
      '',
      '一、参会人员。各乡镇、县直各单位分管负责同志和信息公开工作人员各1名。',
      '',
      '二、会议内容。通报2022年度政府信息公开工作考核情况，部署年度报告编制和发布工作，开展业务培训。',
      '',
      '三、有关要求。请参会人员提前10分钟到场签到，不得无故缺席；确因特殊情况不能参会的，须向县政府办公室书面请假。',
      '',
      '联系人：王某某，电话：0000-1234567。',
      '',
      '示例县人民政府办公室',
      '2023年1月5日',
      '',
    ].join('\n'),
  );
}

/** The official layout with every value cell present (styled, bordered) but blank: an unfilled form. */
function allTablesEmpty() {
  return officialWith({
    [SHEET1]: (x) =>
      LAYOUT.values.reduce((xml, v) => {
        const ref = `${columnName(v.col)}${v.row}`;
        return replaceCell(xml, ref, (a) => `<c r="${ref}"${a}/>`);
      }, x),
  });
}

/** Every row from row 2 down (the three tables) printed a second time below the first, one value different in the copy. */
function duplicateTables() {
  const changed = cellOf('t3', 'granted', 'natural');
  return officialWith({
    [SHEET1]: (x) => {
      const rows = x.match(/<row r="\d+"[^>]*\/>|<row r="\d+"[^>]*>[\s\S]*?<\/row>/g);
      const last = Math.max(...rows.map((r) => Number(/<row r="(\d+)"/.exec(r)[1])));
      const shift = last + 3;
      const move = (s) => s.replace(/ r="([A-Z]*)(\d+)"/g, (_, col, row) => ` r="${col}${Number(row) + shift}"`);
      let copy = rows.filter((r) => Number(/<row r="(\d+)"/.exec(r)[1]) >= 2).map(move).join('');
      const target = `${columnName(changed.col)}${changed.row + shift}`;
      copy = replaceCell(copy, target, (a) => `<c r="${target}"${a}><v>${changed.value + 1}</v></c>`);
      const ref = (a, b) => `${a.replace(/\d+/, (n) => Number(n) + shift)}${b ? `:${b.replace(/\d+/, (n) => Number(n) + shift)}` : ''}`;
      return x
        .replace('</sheetData>', `${copy}</sheetData>`)
        .replace(/<dimension ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/, (_, c1, r1, c2, r2) => `<dimension ref="${c1}${r1}:${c2}${Number(r2) + shift}"`)
        .replace(/<mergeCells count="(\d+)">([\s\S]*?)<\/mergeCells>/, (_, count, merges) => {
          const copies = [...merges.matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"\/>/g)]
            .filter((m) => Number(/\d+/.exec(m[1])[0]) >= 2)
            .map((m) => `<mergeCell ref="${ref(m[1], m[2])}"/>`);
          return `<mergeCells count="${Number(count) + copies.length}">${merges}${copies.join('')}</mergeCells>`;
        });
    },
  });
}

/** A Word document (.docx: word/document.xml and [Content_Types].xml) renamed to .xlsx: read as a Word document, whatever its name. */
function docxRenamed() {
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: 'word/document.xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>示例县坏文件测试局2022年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>',
    },
  ]);
}

/** A web page saved under an .xls name (what many systems' “export to Excel” writes): read as a web page. */
const htmlAsXls = () => utf8.encode('<html><table><tr><td>1</td></tr></table></html>');

/** A CSV holding nothing but a UTF-8 BOM. */
const bomOnly = () => Uint8Array.from([0xef, 0xbb, 0xbf]);

/** The official workbook with its sheet part replaced by broken XML (`<c><v>1</row>`: unclosed elements). */
function sheetXmlMalformed() {
  return officialWith({ [SHEET1]: () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData><row><c><v>1</row></sheetData></worksheet>` });
}

/** A value cell (表三（一）予以公开·商业企业) refers to shared string 99999 of a table of about a hundred. */
function sharedStringIndexOutOfRange() {
  const cell = cellOf('t3', 'granted', 'commercial');
  return officialWith({ [SHEET1]: (x) => replaceCell(x, cell.ref, (a) => `<c r="${cell.ref}"${a} t="s"><v>99999</v></c>`) });
}

/** A PDF renamed to .xlsx (the printed report instead of the workbook). */
function pdfRenamed() {
  return utf8.encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
}

/** The report as CSV, saved under an .xlsx name (a system's “export to Excel” that writes CSV). */
const csvRenamed = () => utf8.encode(csvText());

/** The generated workbook saved under a .csv name: the content decides, not the name. */
const xlsxRenamed = () => officialWith();

/** The report with a stray 0 in the sheet's last cell, XFD1048576, and the dimension A1:XFD1048576. */
function hugeDimension() {
  return officialWith({
    [SHEET1]: (x) =>
      x
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>0</v></c></row></sheetData>'),
  });
}

/** “Billion laughs”: the shared strings part declares nested entities in a DTD and a string uses the outermost. */
function billionLaughs() {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return officialWith({
    'xl/sharedStrings.xml': (x) =>
      x.replace(/^(<\?xml[^>]*\?>\s*)/, `$1<!DOCTYPE sst [${entities.join('')}]>`).replace('</sst>', '<si><t>&lol9;</t></si></sst>'),
  });
}

// ---------------------------------------------------------------------------------------------
// Word documents, web pages and MHT
// ---------------------------------------------------------------------------------------------

/** The report's official layout as rows of cells: the layout CSV's lines split at commas (it has no quoted fields). */
function layoutRows() {
  const lines = csvLines();
  if (lines.some((l) => l.includes('"'))) throw new Error('the layout CSV has quoted fields');
  return lines.map((l) => l.split(','));
}

const escapeMarkup = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The report as WordprocessingML: the title as a paragraph, the rest of the official layout as one
 * Word table (a cell per layout cell). `broken` (a layout position) is a cell whose w:t is never
 * closed, as a damaged document has it.
 */
function reportDocumentXml(broken = null) {
  const [[title], ...rows] = layoutRows();
  const width = Math.max(...rows.map((r) => r.length));
  const paragraph = (t, open = false) => (t === '' ? '<w:p/>' : `<w:p><w:r><w:t>${escapeMarkup(t)}${open ? '' : '</w:t>'}</w:r></w:p>`);
  // Layout row 1 is the title, so the table's row i is layout row i + 1.
  const row = (cells, i) =>
    `<w:tr>${Array.from({ length: width }, (_, c) => `<w:tc>${paragraph(cells[c] ?? '', broken?.row === i + 2 && broken?.col === c + 1)}</w:tc>`).join('')}</w:tr>`;
  return `${XML_DECLARATION}<w:document xmlns:w="${W_NS}"><w:body>${paragraph(title)}<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.map(row).join('')}</w:tbl><w:sectPr/></w:body></w:document>`;
}

/** The parts of a Word package around a main document entry (`document`: zip entry fields, or null for none). */
function docxEntries(document) {
  return [
    {
      name: '[Content_Types].xml',
      data: `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    ...(document ? [{ name: 'word/document.xml', ...document }] : []),
    { name: 'word/styles.xml', data: `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>` },
  ];
}

/** The report as a .docx. */
const reportDocx = (broken = null) => zip(docxEntries({ data: reportDocumentXml(broken) }));

/** Plain text (the report's CSV) under a .docx name: no zip, nothing else this tool knows by its content. */
const textRenamedDocx = () => utf8.encode(csvText());

/** A Word package whose main document is missing: the content types and _rels/.rels still name word/document.xml. */
const docxWithoutDocument = () => zip(docxEntries(null));

/** The report as a .docx whose document.xml leaves one w:t open (表三（一）予以公开·自然人): `<w:t>n</w:r>`. */
const documentXmlMalformed = () => reportDocx(cellOf('t3', 'granted', 'natural'));

/** The report as a .docx cut off at 60% of its length (no zip directory). */
function truncatedDocx() {
  const whole = reportDocx();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** A password-protected .docx: Office encrypts a Word document in the same OLE container as a workbook. */
const passwordProtectedDocx = () => passwordProtected();

let bombDocument = null;
/** word/document.xml of 10^9 bytes: the document's start tags, a billion spaces, its end tags (well-formed XML). */
function bombDocumentEntry() {
  bombDocument ??= deflateStream(
    (function* () {
      yield utf8.encode(`${XML_DECLARATION}<w:document xmlns:w="${W_NS}"><w:body>`);
      const spaces = new Uint8Array(1_000_000).fill(0x20);
      for (let i = 0; i < 1000; i++) yield spaces;
      yield utf8.encode('</w:body></w:document>');
    })(),
  );
  return bombDocument;
}

/** A Word document whose document.xml inflates to 10^9 bytes, the zip headers declaring 1,000 bytes. */
const zipBombDocx = () => zip(docxEntries({ ...bombDocumentEntry(), declaredSize: 1000 }));

/** The report as a web page, UTF-8: the official layout as one table; `around` wraps the table, `after` follows it. */
function reportPage({ around = (table) => table, after = '' } = {}) {
  const rows = layoutRows().map((r) => `<tr>${r.map((f) => `<td>${escapeMarkup(f)}</td>`).join('')}</tr>`);
  const table = ['<table border="1" cellspacing="0">', ...rows, '</table>'].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeMarkup(REPORT.agency)}${REPORT.year}年政府信息公开工作年度报告</title>`,
    '</head>',
    '<body>',
    around(table),
    after,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The report's table inside 100,000 nested <div> start tags never closed (the parser closes them at the end). */
const deepNesting = () => utf8.encode(reportPage({ around: (table) => `${'<div>'.repeat(100_000)}\n${table}` }));

/** The report page, then a footer table with a cell of colspan="100000" and one of rowspan="65535" (as a CMS editor writes “the whole width”). */
function hugeSpans() {
  const footer = [
    '<table class="footer">',
    '<tr><td colspan="100000">主办单位：示例县坏文件测试局</td></tr>',
    '<tr><td rowspan="65535">联系方式</td><td>电话：0000-1234567</td></tr>',
    '<tr><td>地址：示例县人民路1号</td></tr>',
    '</table>',
  ].join('\n');
  return utf8.encode(reportPage({ after: footer }));
}

/** One cell of colspan="100000" rowspan="65535" over a row group of 2,101 rows: 1,000 × 2,101 slots once clamped. */
function spanBomb() {
  const rows = Array.from({ length: 2100 }, (_, i) => `<tr><td>${i + 1}</td></tr>`);
  return utf8.encode(['<!DOCTYPE html>', '<html><body>', '<table><tbody>', '<tr><td colspan="100000" rowspan="65535">合计</td></tr>', ...rows, '</tbody></table>', '</body></html>', ''].join('\n'));
}

/** A page that declares UTF-8 whose body is 8 KB of seeded noise: neither UTF-8 nor GB18030. */
function undecodablePage() {
  const head = utf8.encode('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>年度报告</title>\n</head>\n<body>\n<p>');
  return concat(head, seeded(8192).bytes(8192), utf8.encode('</p>\n</body>\n</html>\n'));
}

/** The report page followed by filler paragraphs up to `size` bytes (a 台账 pasted under the report). Written in pieces. */
function hugePage(size) {
  return (path) => {
    const fd = openSync(path, 'w');
    try {
      const [head, tail] = reportPage({ after: '\u0000' }).split('\u0000');
      let written = writeSync(fd, utf8.encode(head));
      const line = '<p>附件：本年度政府信息公开申请办理台账（逐件登记，此处从略）。各单位按要求报送政务公开工作情况，请对照检查，抓好整改落实。</p>\n';
      const filler = utf8.encode(line.repeat(1024));
      const end = utf8.encode(tail);
      while (written + filler.length + end.length <= size) written += writeSync(fd, filler);
      const one = utf8.encode(line);
      while (written + one.length + end.length <= size) written += writeSync(fd, one);
      writeSync(fd, end);
    } finally {
      closeSync(fd);
    }
  };
}

/** Word's single-file web page with its page part cut out: an image and filelist.xml, no text/html part. */
function mhtWithoutHtml() {
  const boundary = '----=_NextPart_01DA0000.5E3A7B10';
  return utf8.encode(
    [
      'MIME-Version: 1.0',
      `Content-Type: multipart/related; boundary="${boundary}"`,
      '',
      'This document is a Single File Web Page, also known as a Web Archive file.',
      '',
      `--${boundary}`,
      'Content-Location: file:///C:/D8B2A1C0/report.files/image001.png',
      'Content-Transfer-Encoding: base64',
      'Content-Type: image/png',
      '',
      base64(concat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seeded(1001).bytes(300))).replace(/.{76}/g, '$&\r\n'),
      '',
      `--${boundary}`,
      'Content-Location: file:///C:/D8B2A1C0/report.files/filelist.xml',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Type: text/xml; charset="utf-8"',
      '',
      '<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office">',
      ' <o:MainFile HRef=3D"../report.htm"/>',
      ' <o:File HRef=3D"image001.png"/>',
      '</xml>',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

// ---------------------------------------------------------------------------------------------
// PDFs
// ---------------------------------------------------------------------------------------------

/** A PDF's first two lines: its version, and a comment of four bytes above 127 (the file is binary). */
const PDF_HEAD = concat(utf8.encode('%PDF-1.7\n%'), Uint8Array.from([0xe2, 0xe3, 0xcf, 0xd3]), utf8.encode('\n'));

/** A stream object's body: its dictionary's entries (the /Length is added here), then its bytes. */
function pdfStream(entries, data) {
  const bytes = bytesOf(data);
  return concat(utf8.encode(`<< ${entries ? `${entries} ` : ''}/Length ${bytes.length} >>\nstream\n`), bytes, utf8.encode('\nendstream'));
}

/** Deflate `pieces` (Uint8Arrays) with a zlib header, as /FlateDecode wants, without holding what they add up to. */
function zlibStream(pieces) {
  const out = [];
  const z = new Zlib({ level: 9 }, (chunk) => out.push(chunk));
  for (const piece of pieces) z.push(piece);
  z.push(new Uint8Array(0), true);
  return concat(...out);
}

/** `count` zero bytes (whitespace to a PDF), a megabyte at a time. */
function* zeroBytes(count) {
  const zeros = new Uint8Array(Math.min(count, MB));
  for (let left = count; left > 0; left -= zeros.length) yield zeros.subarray(0, Math.min(left, zeros.length));
}

/**
 * A PDF written object by object: `objects[i]` is the body of object i + 1 (text, or the bytes of a
 * stream), object 1 the catalog. A classic cross-reference table gives every object's offset and
 * the trailer names the catalog; `offsetOf(offset)` may state another offset for every object, and
 * `startxref` another position for the table.
 */
function pdf(objects, { offsetOf = (offset) => offset, startxref } = {}) {
  const parts = [PDF_HEAD];
  const offsets = [];
  let at = PDF_HEAD.length;
  for (const [i, body] of objects.entries()) {
    const object = concat(utf8.encode(`${i + 1} 0 obj\n`), bytesOf(body), utf8.encode('\nendobj\n'));
    offsets.push(at);
    parts.push(object);
    at += object.length;
  }
  // Each entry is 20 bytes: ten digits of offset, five of generation, n or f, a space and a newline.
  const entry = (offset, generation, kind) => `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} ${kind} \n`;
  const table = `xref\n0 ${objects.length + 1}\n${entry(0, 65535, 'f')}${offsets.map((o) => entry(offsetOf(o), 0, 'n')).join('')}`;
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${startxref ?? at}\n%%EOF\n`;
  return concat(...parts, utf8.encode(table + trailer));
}

/**
 * A PDF 1.5 written compactly, as recent writers do: `objects[i]` is the body of object i + 1, object
 * 1 the catalog. The dictionaries and arrays (text) go into one deflated object stream, the streams
 * (bytes) stay in the file, and a deflated cross-reference stream indexes them all. With `gap`, the
 * object stream holds that many zero bytes between its index and its objects, and is deflated twice.
 */
function compactPdf(objects, { gap = 0 } = {}) {
  const objStm = objects.length + 1;
  const xrefStm = objects.length + 2;
  const packed = [];
  const index = [];
  let offset = 0;
  for (const [i, body] of objects.entries()) {
    if (typeof body !== 'string') continue;
    const line = utf8.encode(`${body}\n`);
    packed.push(line);
    index.push(`${i + 1} ${offset}`);
    offset += line.length;
  }
  const head = utf8.encode(`${index.join(' ')}\n`);
  const once = zlibStream([head, ...zeroBytes(gap), ...packed]);
  const parts = [PDF_HEAD];
  const offsets = new Map();
  let at = PDF_HEAD.length;
  const put = (n, body) => {
    const object = concat(utf8.encode(`${n} 0 obj\n`), body, utf8.encode('\nendobj\n'));
    offsets.set(n, at);
    parts.push(object);
    at += object.length;
  };
  for (const [i, body] of objects.entries()) if (typeof body !== 'string') put(i + 1, body);
  const filter = gap ? '[/FlateDecode /FlateDecode]' : '/FlateDecode';
  put(objStm, pdfStream(`/Type /ObjStm /N ${index.length} /First ${head.length + gap} /Filter ${filter}`, gap ? zlibSync(once, { level: 9 }) : once));
  offsets.set(xrefStm, at);
  // 7 bytes an object: its type (1 in the file, 2 in the object stream), its offset (or the object
  // stream's number) in 4 bytes, its generation (or its place in the object stream) in 2.
  const rows = new DataView(new ArrayBuffer((xrefStm + 1) * 7));
  const row = (n, type, a, b) => (rows.setUint8(n * 7, type), rows.setUint32(n * 7 + 1, a), rows.setUint16(n * 7 + 5, b));
  row(0, 0, 0, 65535);
  let place = 0;
  for (let n = 1; n <= xrefStm; n++) {
    if (offsets.has(n)) row(n, 1, offsets.get(n), 0);
    else row(n, 2, objStm, place++);
  }
  put(xrefStm, pdfStream(`/Type /XRef /Size ${xrefStm + 1} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode`, zlibSync(new Uint8Array(rows.buffer), { level: 9 })));
  return concat(...parts, utf8.encode(`startxref\n${offsets.get(xrefStm)}\n%%EOF\n`));
}

/** An A4 page (595 × 842 points) under the page tree's root, object 2: content object `contents`, with `resources`. */
const pdfPage = (contents, resources = '<< >>') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${contents} 0 R >>`;

/** The lines of a report's opening without its tables: the title, then the first chapter cut into lines of at most 30 characters. */
function reportProse() {
  const prose = [
    '一、总体情况',
    `${REPORT.year}年，${REPORT.agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，不断加大政府信息公开力度，全面提升政务公开质量。`,
    '（一）主动公开。全年通过门户网站主动公开政府信息312条，其中机构职能、政策文件、财政资金等重点领域信息186条。',
    '（二）依申请公开。全年共受理政府信息公开申请14件，均在法定期限内答复。',
    '二、主动公开政府信息情况',
    '（见下表）',
  ];
  const lines = [`${REPORT.agency}${REPORT.year}年政府信息公开工作年度报告`];
  for (const p of prose) for (let at = 0; at < p.length; at += 30) lines.push(p.slice(at, at + 30));
  return lines;
}

/** A string in the UniGB-UCS2-H encoding: each character's UCS-2 code, big-endian, in hex. */
const ucs2Hex = (s) => `<${[...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;

/** A content stream showing `lines` in font /F1 at 14 points, one under another from the top left. */
const textContent = (lines, show = ucs2Hex) => `BT\n/F1 14 Tf\n20 TL\n60 780 Td\n${lines.map((l) => `${show(l)} Tj T*`).join('\n')}\nET`;

/**
 * STSong-Light with the UniGB-UCS2-H encoding, not embedded (objects 4 to 6): the standard Chinese
 * font of PDF 1.7, whose text is read through the CMap, with no font file.
 */
const SONG = [
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
];

/** One page of the report's opening prose in STSong-Light: 1 the catalog, 2 the page tree, 3 the page, 4 to 6 the font, 7 the content. */
const proseObjects = () => ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pdfPage(7, '<< /Font << /F1 4 0 R >> >>'), ...SONG, pdfStream('', textContent(reportProse()))];

/** The prose PDF cut off at 60% of its length: inside its content stream, no cross-reference table, no trailer. */
function truncatedPdf() {
  const whole = pdf(proseObjects());
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** The prose PDF with every offset of its cross-reference table 1,000 bytes out, and startxref pointing into the content stream. */
function damagedXref() {
  const whole = text.decode(pdf(proseObjects()));
  return pdf(proseObjects(), { offsetOf: (o) => o + 1000, startxref: whole.indexOf('stream\n') + 100 });
}

/** `%PDF-1.7`, then 8 KB of seeded noise: the signature and nothing behind it. */
const notReallyPdf = () => concat(utf8.encode('%PDF-1.7\n'), seeded(1700).bytes(8192));

/** A valid PDF of 10,000 blank pages (one shared empty content stream) under 100 /Pages nodes of 100 each, written compactly. */
function tenThousandPages() {
  const PAGES = 10_000;
  const FANOUT = 100;
  const nodes = PAGES / FANOUT;
  // 1 the catalog, 2 the root of the page tree, 3 the content stream, then the nodes, then the pages.
  const node = (i) => 4 + i;
  const page = (p) => 4 + nodes + p;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: nodes }, (_, i) => `${node(i)} 0 R`).join(' ')}] /Count ${PAGES} /MediaBox [0 0 595 842] /Resources << >> >>`,
    pdfStream('', ''),
  ];
  for (let i = 0; i < nodes; i++) objects.push(`<< /Type /Pages /Parent 2 0 R /Kids [${Array.from({ length: FANOUT }, (_, k) => `${page(i * FANOUT + k)} 0 R`).join(' ')}] /Count ${FANOUT} >>`);
  for (let p = 0; p < PAGES; p++) objects.push(`<< /Type /Page /Parent ${node(Math.floor(p / FANOUT))} 0 R /Contents 3 0 R >>`);
  return compactPdf(objects);
}

/** An array nested 100,000 deep: `[[[…]]]`. */
const NESTED = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

/** The prose page whose (deflated) content stream opens with an array nested 100,000 deep, popped before the text. */
function deepNestingPdf() {
  const objects = proseObjects();
  objects[6] = pdfStream('/Filter /FlateDecode', zlibSync(utf8.encode(`${NESTED} pop\n${textContent(reportProse())}`), { level: 9 }));
  return pdf(objects);
}

/** The prose PDF written compactly, its page dictionary (in the object stream, with the catalog) holding an array nested 100,000 deep. */
function deepNestingDict() {
  const objects = proseObjects();
  objects[2] = objects[2].replace('/Type /Page', `/Type /Page /PieceInfo ${NESTED}`);
  return compactPdf(objects);
}

/** The prose page drawing a content stream (/FlateDecode twice) that inflates to 10^9 zero bytes before its text. */
function streamBomb() {
  const objects = proseObjects();
  objects[2] = objects[2].replace('/Contents 7 0 R', '/Contents [8 0 R 7 0 R]');
  objects.push(pdfStream('/Filter [/FlateDecode /FlateDecode]', zlibSync(zlibStream(zeroBytes(1e9)), { level: 9 })));
  return pdf(objects);
}

/** The prose PDF written compactly, its object stream (/FlateDecode twice) holding 10^9 zero bytes between its index and its objects. */
const objStmBomb = () => compactPdf(proseObjects(), { gap: 1e9 });

/**
 * The prose page in an embedded TrueType font (Type0, Identity-H, a ToUnicode CMap: as Word saves a
 * PDF) whose font file is garbage: a TrueType header claiming 65,535 tables, then 4 KB of noise.
 */
function badFont() {
  const lines = reportProse();
  const chars = [...new Set(lines.join(''))];
  const hex4 = (n) => n.toString(16).padStart(4, '0');
  // Glyph i + 1 is the character chars[i], as a subsetting writer numbers them.
  const glyph = new Map(chars.map((c, i) => [c, hex4(i + 1)]));
  const show = (line) => `<${[...line].map((c) => glyph.get(c)).join('')}>`;
  const ranges = [];
  for (let at = 0; at < chars.length; at += 100) {
    const some = chars.slice(at, at + 100);
    ranges.push(`${some.length} beginbfchar\n${some.map((c) => `<${glyph.get(c)}> <${hex4(c.charCodeAt(0))}>`).join('\n')}\nendbfchar`);
  }
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...ranges,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const fontFile = concat(Uint8Array.from([0, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0]), seeded(2).bytes(4096));
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    pdfPage(7, '<< /Font << /F1 4 0 R >> >>'),
    '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /CIDToGIDMap /Identity >>',
    '<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 6 /FontBBox [-8 -145 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 /FontFile2 9 0 R >>',
    pdfStream('', textContent(lines, show)),
    pdfStream('', toUnicode),
    pdfStream(`/Length1 ${fontFile.length}`, fontFile),
  ]);
}

/** The prose PDF whose page tree's root has two kids, the page and itself (a loop), and /Count 2. */
function circularPages() {
  const objects = proseObjects();
  objects[1] = '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>';
  return pdf(objects);
}

/** One page painting an 8 × 8 RGB image (seeded noise, deflated) over the whole page, as a scanner writes it; no text. */
function imageOnly() {
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    pdfPage(4, '<< /XObject << /Im1 5 0 R >> >>'),
    pdfStream('', 'q 595 0 0 842 0 0 cm /Im1 Do Q'),
    pdfStream('/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', zlibSync(seeded(88).bytes(8 * 8 * 3), { level: 9 })),
  ]);
}

/** One blank page: an empty content stream. */
const blankPage = () => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pdfPage(4), pdfStream('', '')]);

// ---------------------------------------------------------------------------------------------
// The manifest: every file this script writes, and what `report check` must make of it
// ---------------------------------------------------------------------------------------------

const unreadable = (reason) => ({ expect: 'unreadable', reason });
const findings = (...rules) => ({ expect: 'findings', rules });
const CLEAN = { expect: 'clean' };
const ANY = { expect: 'any' };

const CASES = [
  { name: 'empty.xlsx', make: empty, ...unreadable('empty'), about: '0 bytes' },
  { name: 'random-bytes.xlsx', make: randomBytes, ...unreadable('not-xlsx'), about: '4 KB of seeded noise under an .xlsx name (no zip, OLE, PDF or HTML signature)' },
  { name: 'truncated.xlsx', make: truncated, ...unreadable('corrupt-xlsx'), about: 'a valid generated workbook cut to 60% of its length (no zip directory)' },
  { name: 'zip-without-workbook.xlsx', make: zipWithoutWorkbook, ...unreadable('archive'), about: 'a zip with readme.txt and a PNG-like blob, no xl/workbook.xml' },
  { name: 'renamed-xls.xlsx', make: renamedXls, ...unreadable('old-binary'), about: 'an Excel 97-2003 OLE compound file (Workbook BIFF8 stream, summary streams) renamed to .xlsx' },
  { name: 'renamed-et.xlsx', make: renamedEt, ...unreadable('old-binary'), about: 'a WPS .et-style OLE compound file (Workbook BIFF8 stream) renamed to .xlsx' },
  { name: 'doc-renamed.xls', make: docRenamed, ...unreadable('doc'), about: 'a Word 97-2003 OLE compound file (WordDocument and 1Table streams, summary streams) renamed to .xls: Word advice, not Excel’s' },
  { name: 'password-protected.xlsx', make: passwordProtected, ...unreadable('encrypted'), about: 'an OLE container with \\x06DataSpaces, EncryptionInfo (agile, 4.4) and EncryptedPackage, as Excel writes a password-protected .xlsx' },
  { name: 'zip-bomb.xlsx', make: zipBomb, ...unreadable('inflated-too-large'), about: 'a minimal workbook whose sheet inflates to 10^9 bytes (spaces inside <sheetData>); the zip directory states the true size' },
  { name: 'zip-bomb-lying.xlsx', make: zipBombLying, ...unreadable('inflated-too-large'), about: 'the same bomb, but the local header and central directory declare an uncompressed size of 1,000 bytes' },
  { name: 'million-rows.xlsx', make: millionRows, ...unreadable('too-many-cells'), large: true, about: 'one sheet of 1,100,000 rows of one addressed numeric cell each (~40 MB of XML)' },
  { name: 'blank-bomb.xlsx', make: blankBomb, ...unreadable('inflated-too-large'), about: '64 sheets of 4,000,000 empty cells (<c/>) each: 1 GB of sheet XML in about 1 MB on disk' },
  { name: 'million-cells-compact.xlsx', make: millionCellsCompact, ...unreadable('too-many-cells'), about: '1,100,000 numeric cells without r addresses (1,100 rows x 1,000), small on disk' },
  { name: 'wide-columns.xlsx', make: wideColumns, ...CLEAN, about: 'the report plus a second sheet with one row of 16,384 numbers (A1:XFD1)' },
  { name: 'formula-no-cache.xlsx', make: formulaNoCache, ...findings('cell-not-number'), about: 'a table-3 value cell is <f>SUM(D10:D11)</f> with no cached <v>' },
  { name: 'error-values.xlsx', make: errorValues, ...findings('cell-not-number'), about: 'two value cells hold error values #REF! and #DIV/0!' },
  { name: 'macro.xlsm', make: macro, ...CLEAN, about: 'the report with xl/vbaProject.bin and the macro-enabled content type (values read, nothing run)' },
  { name: 'external-links.xlsx', make: externalLinks, ...CLEAN, about: 'an externalLink part (file:///C:/其他单位/2021年报.xlsx) and a value cell =[1]Sheet1!D10 whose cached value is right' },
  { name: 'dates-for-counts.xlsx', make: datesForCounts, ...findings('cell-not-number'), about: 'two count cells styled with a date format (numFmtId 14)' },
  { name: 'unbalanced-quotes.csv', make: unbalancedQuotes, ...ANY, about: 'the official-layout CSV with one " opened in a table-3 field and never closed' },
  { name: 'mixed-encodings.csv', make: mixedEncodings, ...ANY, about: 'fixtures/gb18030-2022.csv with its first half re-encoded as UTF-8, the rest left GB18030' },
  { name: 'nul-bytes.csv', make: nulBytes, ...unreadable('binary'), about: 'the official-layout CSV with NUL bytes at the start of four lines and at the end' },
  { name: 'huge-100mb.csv', make: huge100mb, ...unreadable('too-large'), large: true, about: '100 MB: the report followed by filler lines' },
  { name: 'not-a-report.txt', make: notAReport, ...findings('table-missing'), about: 'a meeting notice in ordinary Chinese prose' },
  { name: 'all-tables-empty.xlsx', make: allTablesEmpty, ...findings('cell-blank'), about: 'the official layout with every value cell blank (styled, no value)' },
  { name: 'duplicate-tables.xlsx', make: duplicateTables, ...findings('table-duplicate'), about: 'the three tables printed twice on one sheet, the copy below with 表三（一）予以公开·自然人 one higher' },
  { name: 'docx-renamed.xlsx', make: docxRenamed, ...findings('table-missing'), about: 'a zip with only [Content_Types].xml and word/document.xml (a Word document renamed): read as the Word document it is, a title and no tables' },
  { name: 'html-as-xls.xls', make: htmlAsXls, ...findings('table-missing'), about: '<html><table><tr><td>1</td></tr></table></html> under an .xls name: read as the web page it is, no report tables' },
  { name: 'bom-only.csv', make: bomOnly, ...unreadable('empty'), about: 'a CSV holding only a UTF-8 BOM (3 bytes): empty once decoded' },
  { name: 'sheet-xml-malformed.xlsx', make: sheetXmlMalformed, ...unreadable('corrupt-xlsx'), about: 'the sheet part is broken XML: <sheetData><row><c><v>1</row>' },
  { name: 'shared-string-index-out-of-range.xlsx', make: sharedStringIndexOutOfRange, ...unreadable('corrupt-xlsx'), about: 'a value cell refers to shared string 99999, past the end of the table' },
  { name: 'pdf-renamed.xlsx', make: pdfRenamed, ...unreadable('corrupt-pdf'), about: 'a (tiny) PDF of no pages renamed to .xlsx: read as the PDF it is, whatever its name; with no page at all it is damaged' },
  { name: 'csv-renamed.xlsx', make: csvRenamed, ...unreadable('not-xlsx'), about: 'the report as UTF-8 CSV under an .xlsx name' },
  { name: 'xlsx-renamed.csv', make: xlsxRenamed, ...CLEAN, about: 'the generated workbook under a .csv name (read by content, not name)' },
  { name: 'huge-dimension.xlsx', make: hugeDimension, ...CLEAN, about: 'the report with a stray 0 at XFD1048576 and dimension A1:XFD1048576 (a far cell is no reason to refuse)' },
  { name: 'billion-laughs.xlsx', make: billionLaughs, ...unreadable('corrupt-xlsx'), about: 'sharedStrings.xml declares 10 nested entities in a DTD (10^9 "lol"s if expanded) and uses the last' },
  { name: 'text-renamed.docx', make: textRenamedDocx, ...unreadable('unrecognised'), about: 'the report as UTF-8 CSV text under a .docx name: not a zip, nor anything else known by its content' },
  { name: 'docx-without-document.docx', make: docxWithoutDocument, ...unreadable('corrupt-docx'), about: 'a Word package ([Content_Types].xml, _rels/.rels, word/styles.xml) without word/document.xml, which both still name' },
  { name: 'document-xml-malformed.docx', make: documentXmlMalformed, ...unreadable('corrupt-docx'), about: 'the report as a Word document whose word/document.xml leaves one <w:t> open (a table-3 figure: <w:t>n</w:r>)' },
  { name: 'truncated.docx', make: truncatedDocx, ...unreadable('corrupt-docx'), about: 'the report as a Word document cut to 60% of its length (no zip directory)' },
  { name: 'password-protected.docx', make: passwordProtectedDocx, ...unreadable('encrypted'), about: 'the OLE container of password-protected.xlsx under a .docx name (Word encrypts a document the same way)' },
  { name: 'zip-bomb.docx', make: zipBombDocx, ...unreadable('inflated-too-large'), about: 'a Word package whose word/document.xml inflates to 10^9 bytes (spaces inside <w:body>); the local header and central directory declare 1,000 bytes' },
  { name: 'deep-nesting.html', make: deepNesting, ...CLEAN, about: 'the report as a web page, its table inside 100,000 nested <div> start tags never closed (the parser closes them at the end)' },
  { name: 'huge-spans.html', make: hugeSpans, ...CLEAN, about: 'the report as a web page, then a footer table with colspan="100000" on one cell and rowspan="65535" on another (clamped to 1,000 columns and to the row group, as browsers do)' },
  { name: 'span-bomb.html', make: spanBomb, ...unreadable('too-many-cells'), about: 'one cell with colspan="100000" rowspan="65535" over a row group of 2,101 rows: 2,101,000 slots even clamped, past ten times --max-cells' },
  { name: 'undecodable.html', make: undecodablePage, ...unreadable('undecodable'), about: 'a page that declares UTF-8 whose body is 8 KB of seeded noise (neither UTF-8 nor GB18030)' },
  { name: 'huge-60mb.html', make: () => hugePage(60 * MB), ...unreadable('too-large'), large: true, about: '60 MB: the report as a web page followed by filler paragraphs (refused by --max-file-size, 50 MB by default)' },
  { name: 'page-20mb.html', make: () => hugePage(20 * MB), ...CLEAN, large: true, about: '20 MB: the report as a web page followed by filler paragraphs, read within the limits' },
  { name: 'mht-without-html.mht', make: mhtWithoutHtml, ...unreadable('mht-no-html'), about: 'Word’s single-file web page with its page part cut out: a multipart/related message holding an image and filelist.xml, no text/html part' },
  { name: 'truncated.pdf', make: truncatedPdf, ...unreadable('corrupt-pdf'), about: 'a one-page PDF of the report’s opening prose (STSong-Light) cut to 60% of its length: inside its content stream, no xref table or trailer' },
  { name: 'damaged-xref.pdf', make: damagedXref, ...findings('table-missing'), about: 'the prose PDF with every xref offset 1,000 bytes out and startxref pointing into the content stream (pdf.js rebuilds the xref by scanning: read, no tables)' },
  { name: 'not-really.pdf', make: notReallyPdf, ...unreadable('corrupt-pdf'), about: '%PDF-1.7, then 8 KB of seeded noise' },
  { name: 'ten-thousand-pages.pdf', make: tenThousandPages, ...unreadable('too-many-pages'), about: 'a valid PDF 1.5 of 10,000 blank pages under 100 /Pages nodes, in an object stream and an xref stream (about 94 KB)' },
  { name: 'deep-nesting.pdf', make: deepNestingPdf, ...unreadable('no-text-pdf'), about: 'the prose page, its content stream opening with an array nested 100,000 deep ([[[…]]] pop) before the text: pdf.js overflows its stack there and drops the page’s text, so no text can be read; it must not be taken for a scan (it shows no image)' },
  { name: 'deep-nesting-dict.pdf', make: deepNestingDict, ...unreadable('corrupt-pdf'), about: 'the prose PDF in an object stream whose page dictionary holds an array nested 100,000 deep (/PieceInfo [[[…]]])' },
  { name: 'stream-bomb.pdf', make: streamBomb, ...unreadable('inflated-too-large'), about: 'the prose page drawing first a content stream (/FlateDecode twice, under 3 KB) that inflates to 10^9 zero bytes' },
  { name: 'objstm-bomb.pdf', make: objStmBomb, ...unreadable('inflated-too-large'), about: 'the prose PDF whose object stream (/Type /ObjStm, /FlateDecode twice, about 4 KB; the catalog, page tree, page and fonts) holds 10^9 zero bytes between its index and its objects' },
  { name: 'bad-font.pdf', make: badFont, ...findings('table-missing'), about: 'the prose page in an embedded TrueType font (Type0, Identity-H, a ToUnicode CMap) whose FontFile2 is garbage: a header claiming 65,535 tables, then 4 KB of noise (pdf.js falls back, the text is read)' },
  { name: 'circular-pages.pdf', make: circularPages, ...unreadable('corrupt-pdf'), about: 'the prose PDF whose page tree root has /Kids [the page, itself] and /Count 2 (a loop)' },
  { name: 'image-only.pdf', make: imageOnly, ...unreadable('scanned-pdf'), about: 'one page painting an 8x8 RGB image (deflated) over the whole page, no text: a scan' },
  { name: 'no-text-no-image.pdf', make: blankPage, ...unreadable('no-text-pdf'), about: 'one blank page (an empty content stream): no text at all, and no image: not a scan' },
];

const OWNED_EXTRA = ['README.md', '.gitignore'];
/** Beside the folder, not in it: a folder run would read it as a (broken) report JSON. */
const EXPECTED = `${OUT.replace(/\/+$/, '')}.expected.json`;

function expectedJson() {
  const files = {};
  for (const c of CASES) {
    files[c.name] = {
      expect: c.expect,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.rules ? { rules: c.rules } : {}),
      large: Boolean(c.large),
      about: c.about,
    };
  }
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

function outcome(c) {
  if (c.expect === 'unreadable') return `unreadable: \`file-unreadable\` / \`${c.reason}\``;
  if (c.expect === 'findings') return `findings: ${c.rules.map((r) => `\`${r}\``).join(', ')}`;
  if (c.expect === 'clean') return 'clean (no errors)';
  return 'any result but a crash';
}

function readme() {
  const escape = (s) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  return [
    '# Broken and hostile inputs',
    '',
    'Files a clerk (or an attacker) may hand to `report check` that are not a readable report, or are',
    'one in an unusual way: damaged, renamed, encrypted, enormous, zip bombs, odd encodings. Every',
    'file here is generated, byte for byte reproducibly (seeded noise, zip entries dated 2024-01-01),',
    'by `scripts/make-bad-fixtures.mjs`; do not edit them by hand.',
    '',
    '```sh',
    'npm run build && node scripts/make-bad-fixtures.mjs            # the committed files (each < 1.5 MB)',
    'npm run build && node scripts/make-bad-fixtures.mjs --large    # also the large ones (git-ignored)',
    'node scripts/make-bad-fixtures.mjs /tmp/bad --large            # somewhere else',
    '```',
    '',
    'The script first deletes the files it owns (those below, this README, `.gitignore` and',
    '`../bad.expected.json`), then writes them again. `fixtures/bad.expected.json` (beside this folder,',
    'so that a folder run does not read it as a report) holds the same table as data:',
    '`expect` is `unreadable` (with the `reason`, a message id of the `file-unreadable` rule),',
    '`findings` (the `rules` that must be among the diagnostics), `clean` (no error diagnostics) or',
    '`any` (any result except a crash or a hang); `large` files are only written with `--large`.',
    '',
    'Notes:',
    '',
    '- `report check fixtures/bad` gives every file its expected outcome (tests/e2e/bad-inputs.test.ts).',
    '  Since every workbook, CSV, Word document and web page here is the same report (示例县坏文件测试局,',
    '  2022, 2021 edition, balanced figures, so that only each case\'s own defect shows), a folder run',
    '  also adds `duplicate-report` warnings.',
    '- The zip bombs are about 1 MB on disk and inflate to 10^9 bytes of well-formed sheet or document',
    '  XML; do not open them with a tool that has no inflate limit. `million-rows.xlsx` (about 4.9 MB,',
    '  40 MB of XML), `huge-100mb.csv`, `huge-60mb.html` and `page-20mb.html` are written only with',
    '  `--large`; `million-cells-compact.xlsx` is the committed too-many-cells case (cells without',
    '  addresses follow the previous one, as Excel reads them).',
    '- The Word documents are the official layout as one Word table after a title paragraph, the web',
    '  pages the same layout as one HTML table. `page-20mb.html` is read within the default limits (in',
    '  about 2 s and under 300 MB of memory on a development machine); the test gives it a generous',
    '  timeout, a watchdog rather than a measure of speed.',
    '- `huge-dimension.xlsx` is harmless to `report`, but converting it to CSV with LibreOffice writes every',
    '  cell of A1:XFD1048576 (gigabytes).',
    '- The OLE files are real compound files (olefile reads them without complaint; LibreOffice opens',
    '  `renamed-xls.xlsx` as .xls and shows 2022 in A1); the encrypted one holds noise, not ciphertext.',
    '- The PDFs are written object by object, with a classic xref table or (the compact ones: an object',
    '  stream and an xref stream, as PDF 1.5 writers save) deflated; their text is the opening of a report',
    '  without its tables, in STSong-Light, the standard Chinese font every PDF reader has (no font file).',
    '  `stream-bomb.pdf` and `objstm-bomb.pdf` are a few KB and inflate to 10^9 zero bytes (whitespace to',
    '  a PDF); pdf.js holds a stream\'s decoded bytes whole, so a reader without an inflate limit of its own',
    '  takes gigabytes and tens of seconds over them.',
    '',
    '| file | what it is | expected outcome | large |',
    '| --- | --- | --- | --- |',
    ...CASES.map((c) => `| \`${c.name}\` | ${escape(c.about)} | ${outcome(c)} | ${c.large ? 'yes (`--large`)' : ''} |`),
    '',
  ].join('\n');
}

function gitignore() {
  return ['# Written only by `node scripts/make-bad-fixtures.mjs --large`: too big to commit.', ...CASES.filter((c) => c.large).map((c) => `/${c.name}`), ''].join('\n');
}

mkdirSync(OUT, { recursive: true });
for (const name of [...CASES.map((c) => c.name), ...OWNED_EXTRA]) rmSync(join(OUT, name), { force: true });
rmSync(EXPECTED, { force: true });
for (const c of CASES) {
  if (c.large && !LARGE) continue;
  const path = join(OUT, c.name);
  const made = await c.make();
  if (typeof made === 'function') made(path);
  else writeFileSync(path, made);
  console.log(`wrote ${c.name}`);
}
writeFileSync(EXPECTED, expectedJson());
writeFileSync(join(OUT, 'README.md'), readme());
writeFileSync(join(OUT, '.gitignore'), gitignore());
console.log(`${OUT}: ${CASES.filter((c) => LARGE || !c.large).length} files, README.md, .gitignore; ${EXPECTED}`);
