/** Printed documents as data: builders from orders (build.ts) and the shapes they produce (types.ts). */
export * from './types.js';
export { BUILDERS, buildDocument, codToCollect, toPick, type DocumentBuilder } from './build.js';
