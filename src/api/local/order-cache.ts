/**
 * A bounded cache of full orders (least recently used out), in front of the per-order records in
 * IndexedDB: pages of a list the user already saw, and orders just written, are served from memory.
 */
import type { Order } from '../../model/types.js';

export class OrderCache {
  private readonly map = new Map<string, Order>();

  constructor(private readonly capacity: number) {}

  /** The cached order when it is exactly `version` (any version when omitted). */
  get(id: string, version?: number): Order | undefined {
    const order = this.map.get(id);
    if (!order || (version !== undefined && order.version !== version)) return undefined;
    this.map.delete(id);
    this.map.set(id, order);
    return order;
  }

  set(order: Order): void {
    this.map.delete(order.id);
    this.map.set(order.id, order);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  delete(id: string): void {
    this.map.delete(id);
  }

  clear(): void {
    this.map.clear();
  }
}
