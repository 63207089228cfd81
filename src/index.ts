// The library API: read, extract and check reports, one or a folder at a time. Never touches
// process, console or colour.

export { extract, type ExtractOptions } from './extract/index.js';
export { readGrid, readGridFromBytes, ReadError, DEFAULT_LIMITS, type Limits } from './readers/index.js';
export { checkReport, checkHistory, type Diagnostic, type FileResult, type EngineOptions } from './engine/index.js';
export { checkFile, loadReport, readSource, reportFrom, unreadableReport, isInternalFailure, type CheckOptions, type LoadOptions, type Source } from './engine/file.js';
export { checkFiles, FileBatch, PreviousUnreadable, type BatchFiles, type BatchOptions } from './batch/index.js';
export { RULES, RULES_BY_ID } from './rules/index.js';
export { EDITIONS, TABLE_NAMES } from './form/index.js';
export type { Report, CellValue, Location, TableData } from './model/report.js';
export type { ReportHeading, YearFacts } from './model/facts.js';
export type { Grid, Sheet, Cell } from './model/grid.js';
