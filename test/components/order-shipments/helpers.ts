/**
 * Helpers for the list-view tests (`<order-shipments>`, `<order-payments>`): every order of a backend
 * read straight from the api (to compute expectations independently of the element), a `SpyApi` that
 * can also fail or hold list reads, and small DOM shortcuts.
 */
import {
  OrderApiError,
  type OrderApi,
  type PageRequest,
  type PaymentQuery,
  type PaymentRow,
  type PaymentTotals,
  type RequestOptions,
  type ShipmentQuery,
  type ShipmentRow,
} from '../../../src/api/types.js';
import type { Order } from '../../../src/model/types.js';
import { SpyApi } from '../../state/spy-api.js';

/** Every order of the backend (archived ones too), read page by page. */
export async function allOrders(api: OrderApi): Promise<Order[]> {
  const out: Order[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api.listOrders({ archived: 'any' }, { offset, limit: 500 });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

/** A `SpyApi` whose list reads of shipments and payments can fail or be counted too. */
export class ListSpy extends SpyApi {
  shipmentCalls: { query: ShipmentQuery; page: PageRequest; signal: AbortSignal | undefined }[] = [];
  paymentCalls: { query: PaymentQuery; page: PageRequest; signal: AbortSignal | undefined }[] = [];
  private failures: { method: 'listShipments' | 'listPayments'; error: unknown }[] = [];

  /** The next call of `method` rejects with `error` (a network failure by default). */
  failList(method: 'listShipments' | 'listPayments', error: unknown = new OrderApiError({ code: 'network', message: 'Failed to fetch' })): void {
    this.failures.push({ method, error });
  }

  override listShipments(
    query: ShipmentQuery,
    page: PageRequest,
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly ShipmentRow[]; readonly total: number }> {
    this.shipmentCalls.push({ query, page, signal: options?.signal });
    const i = this.failures.findIndex((f) => f.method === 'listShipments');
    if (i >= 0) return Promise.reject(this.failures.splice(i, 1)[0]!.error);
    return super.listShipments(query, page, options);
  }

  override listPayments(
    query: PaymentQuery,
    page: PageRequest,
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly PaymentRow[]; readonly total: number; readonly totals: PaymentTotals }> {
    this.paymentCalls.push({ query, page, signal: options?.signal });
    const i = this.failures.findIndex((f) => f.method === 'listPayments');
    if (i >= 0) return Promise.reject(this.failures.splice(i, 1)[0]!.error);
    return super.listPayments(query, page, options);
  }
}

/** Sets a `<select>`'s value as a person would. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Sets an input's value and fires `input` and `change`. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Polls until `check` holds (after each element update). */
export async function waitFor(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
