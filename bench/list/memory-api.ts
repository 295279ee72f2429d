/**
 * An `OrderApi` over `MemoryOrders`, so `<order-table>` gets its rows through the real store from the
 * same in-memory data the floor and `<vaadin-grid>` read directly. Reads answer in a microtask; the
 * writes the benchmark does not use answer `unavailable`. Tab counts are answered with an empty record:
 * none of the three tables shows them, and computing them would charge `<order-table>` for work the
 * other two never do.
 */
import {
  OrderApiError,
  type CalendarBucket,
  type Capabilities,
  type ChangeEvent,
  type ImportResult,
  type OrderApi,
  type OrderPage,
  type OrderQuery,
  type PageRequest,
} from '../../src/api/types.js';
import type { Order } from '../../src/model/types.js';
import type { BulkItemResult } from '../../src/api/types.js';
import type { MemoryOrders } from './memory-orders.js';

const unavailable = (): Promise<never> =>
  Promise.reject(new OrderApiError({ code: 'unavailable', message: 'Not available in the list benchmark.' }));

export class MemoryOrderApi implements OrderApi {
  readonly capabilities: Capabilities = {
    concurrency: true,
    idempotency: true,
    realtime: true,
    bulk: false,
    import: false,
    calendar: false,
  };

  constructor(private readonly data: MemoryOrders) {}

  listOrders(query: OrderQuery, page: PageRequest): Promise<OrderPage> {
    const all = this.data.query(query);
    return Promise.resolve({ items: all.slice(page.offset, page.offset + page.limit), total: all.length, offset: page.offset });
  }

  countTabs(): Promise<Readonly<Record<string, number>>> {
    return Promise.resolve({});
  }

  getOrder(id: string): Promise<Order> {
    const order = this.data.get(id);
    return order ? Promise.resolve(order) : Promise.reject(new OrderApiError({ code: 'not-found', message: `No order ${id}.` }));
  }

  listShipments(): Promise<never> {
    return unavailable();
  }

  listPayments(): Promise<never> {
    return unavailable();
  }

  calendar(): Promise<readonly CalendarBucket[]> {
    return unavailable();
  }

  findOrdersByCode(): Promise<readonly Order[]> {
    return unavailable();
  }

  searchCustomers(): Promise<readonly never[]> {
    return unavailable();
  }

  searchProducts(): Promise<readonly never[]> {
    return unavailable();
  }

  runAction(): Promise<Order> {
    return unavailable();
  }

  runBulkAction(): Promise<readonly BulkItemResult[]> {
    return unavailable();
  }

  createOrder(): Promise<Order> {
    return unavailable();
  }

  updateOrder(): Promise<Order> {
    return unavailable();
  }

  importOrders(): Promise<ImportResult> {
    return unavailable();
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    return this.data.subscribe((order) =>
      listener({ type: 'order-updated', orderId: order.id, version: order.version, order, origin: 'server' }),
    );
  }
}
