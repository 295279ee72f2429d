/**
 * CSV mapping (DESIGN.md §2.1): export columns and RFC 4180 encoding with formula neutralisation,
 * import templates, header matching, rows → order drafts with problems by row and column, and the
 * courier tracking import. Pure TypeScript; papaparse reads the text.
 */
export * from './encode.js';
export * from './parse.js';
export * from './columns.js';
export * from './catalog.js';
export * from './fields.js';
export * from './values.js';
export * from './problems.js';
export * from './import.js';
export * from './template.js';
export * from './tracking.js';
