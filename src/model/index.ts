/**
 * The model's public surface (`orderdeck/model.js`): order types, money, derived totals, filters,
 * permissions, the workflow engine and its presets, and the seeded demo-data generator.
 * Pure TypeScript, no DOM. Add each new public model module here.
 */
export * from './types.js';
export * from './money.js';
export * from './derive.js';
export * from './filter.js';
export * from './permissions.js';
export * from './order.js';
export * from './numbering.js';
export * from './edit.js';
export * from './contact.js';
export * from './workflow/types.js';
export * from './workflow/engine.js';
export * from './workflow/undo.js';
export * from './workflow/guards.js';
export { textIn, labelIn } from './workflow/text.js';
export * from './workflow/validate.js';
export * from './presets/index.js';
export * from './generate.js';
export * from './print/index.js';
