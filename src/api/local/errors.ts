/**
 * Typed errors of the local engine: abort handling, workflow refusals mapped to API error codes, and
 * IndexedDB failures (quota, blocked, closed) mapped to `unavailable` with a clear message.
 */
import type { Refusal } from '../../model/workflow/types.js';
import { OrderApiError, type OrderApiErrorData } from '../types.js';

export function abortedError(): OrderApiError {
  return new OrderApiError({ code: 'aborted', message: 'The request was aborted.' });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError();
}

export function notFound(id: string): OrderApiErrorData {
  return { code: 'not-found', message: `Order ${id} does not exist.` };
}

export function forbiddenStore(): OrderApiErrorData {
  return { code: 'forbidden', message: 'This order belongs to a store you are not assigned to.' };
}

/**
 * A workflow refusal as an API error: a missing or invalid input field is `invalid-input` naming the
 * field; a permission or scope refusal is `forbidden`; everything else is `refused` with the reason.
 */
export function refusalError(refusal: Refusal): OrderApiErrorData {
  switch (refusal.code) {
    case 'missing-field':
    case 'invalid-field':
      return {
        code: 'invalid-input',
        message: refusal.message,
        fields: [{ field: refusal.field ?? 'input', message: refusal.message }],
        refusal,
      };
    case 'not-permitted':
    case 'out-of-scope':
      return { code: 'forbidden', message: refusal.message, refusal };
    default:
      return { code: 'refused', message: refusal.message, refusal };
  }
}

/** Any failure while talking to IndexedDB, as an `OrderApiError`. */
export function storageError(error: unknown, signal?: AbortSignal): OrderApiError {
  if (error instanceof OrderApiError) return error;
  if (signal?.aborted) return abortedError();
  const name = error instanceof DOMException || error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return new OrderApiError({
      code: 'unavailable',
      message: `The browser's storage for orders is full (${detail}). Free some space or clear old data.`,
    });
  }
  if (name === 'InvalidStateError') {
    return new OrderApiError({ code: 'unavailable', message: `The order database is closed (${detail}).` });
  }
  return new OrderApiError({ code: 'unavailable', message: `The order database failed: ${name}: ${detail}` });
}
