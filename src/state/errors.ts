/**
 * Error normalisation for the store: whatever an adapter throws becomes an `OrderApiError`, and a
 * workflow refusal found locally becomes the same `refused` error the backend would send.
 */
import { isOrderApiError, OrderApiError, type OrderApiErrorCode } from '../api/types.js';
import type { Refusal } from '../model/workflow/types.js';

/** Codes where sending the same intent again (same idempotency key) may succeed. */
const RETRYABLE: ReadonlySet<OrderApiErrorCode> = new Set<OrderApiErrorCode>([
  'network',
  'unavailable',
  'rate-limited',
  'aborted',
]);

export const isRetryable = (error: OrderApiError): boolean => RETRYABLE.has(error.code);

/** Any thrown value as a typed `OrderApiError`. */
export function toApiError(error: unknown): OrderApiError {
  if (isOrderApiError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new OrderApiError({ code: 'aborted', message: 'The request was cancelled.' });
  }
  if (error instanceof TypeError) return new OrderApiError({ code: 'network', message: error.message });
  const message = error instanceof Error ? error.message : String(error);
  return new OrderApiError({ code: 'unavailable', message: message || 'The backend failed.' });
}

/** The error a local workflow refusal is reported as. */
export function refusalError(refusal: Refusal): OrderApiError {
  return new OrderApiError({
    code: 'refused',
    message: refusal.message,
    refusal,
    ...(refusal.field !== undefined && { fields: [{ field: refusal.field, message: refusal.message }] }),
  });
}
