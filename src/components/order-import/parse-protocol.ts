/** Messages between the import element and its parse worker. */
import type { ParsedCsv } from '../../model/csv/parse.js';

/** Page → worker: the file to parse. */
export interface ParseRequest {
  readonly file: Blob;
}

/** Worker → page. */
export type ParseReply =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly bytes: number; readonly total: number; readonly rows: number }
  | { readonly type: 'done'; readonly result: ParsedCsv }
  | { readonly type: 'error'; readonly message: string };
