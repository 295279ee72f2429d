/**
 * The in-memory index of every stored order's summary, with what queries need precomputed per order:
 * lower-case search text, timestamps as numbers, a filter signature, interned store, and lazily built
 * sorted permutations per sort field. Queries walk the permutation of their sort field, test each order
 * and cache the matching slots per query, so paging the same query is O(limit). Any change clears the
 * cache; sorted permutations are updated in place.
 */
import { matchesCode } from '../../model/codes.js';
import { isOpenSelfDelivery } from '../../model/filter.js';
import type { Order, PrintDocumentKind, ShipmentStatus } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import type { OrderQuery, SortField } from '../types.js';
import {
  collationKey,
  DEFAULT_SORT,
  effectiveFilter,
  queryKey,
  searchNeedle,
  signatureMatches,
  timeBounds,
} from './query.js';
import { SortedIndex, type SortKey } from './sorted.js';
import { filterView, type Summary } from './summary.js';

const CACHE_LIMIT = 32;
const NO_TIME = Number.NaN;

export interface Located {
  readonly summary: Summary;
  /** The summary chunk holding it. */
  readonly chunk: number;
}

export class OrderIndex {
  /** Slot → data. Slots are dense and never reused; an order keeps its slot for the index's life. */
  readonly summaries: Summary[] = [];
  /** 0 once an order was dropped (found malformed); dead slots match nothing. */
  private readonly alive: number[] = [];
  private live = 0;
  readonly chunks: number[] = [];
  readonly ids: string[] = [];
  private readonly texts: string[] = [];
  private readonly sigs: number[] = [];
  private readonly stores: number[] = [];
  private readonly created: number[] = [];
  /** Built on first use (sorting or filtering by them), then kept up to date. */
  private updated: number[] | undefined;
  private scheduled: number[] | undefined;

  private readonly slotById = new Map<string, number>();
  /** Built on first use (creating and importing orders). */
  private numbers: Map<string, number> | undefined;
  private readonly sigIds = new Map<string, number>();
  /** One order per signature: every order with that signature filters the same way. */
  private readonly sigReps: Order[] = [];
  private readonly storeSlots = new Map<string, number>();
  private readonly sorted = new Map<SortField, SortedIndex>();
  private readonly listCache = new Map<string, readonly number[]>();
  private readonly countCache = new Map<string, Readonly<Record<string, number>>>();
  private statusRank: ReadonlyMap<string, number>;
  /** Collation keys by text: names repeat across orders. */
  private readonly collation = new Map<string, string>();
  /** The highest chunk id seen: orders another tab appended may be there or later. */
  maxChunk = 0;

  constructor(
    private workflow: WorkflowDefinition,
    private readonly storeNames: ReadonlyMap<string, string>,
    orders: readonly Located[] = [],
  ) {
    this.statusRank = new Map(workflow.statuses.map((s, i) => [s.key, i]));
    for (const item of orders) this.append(item.summary, item.chunk, false);
    this.buildTexts();
    // The default sort is built up front, so the first page after opening is immediate.
    this.sortedBy(DEFAULT_SORT.field);
  }

  /**
   * Applies another workflow definition (saved in settings): tab filters and the status sort order
   * follow it; cached lists, counts and the status permutation are dropped.
   */
  setWorkflow(workflow: WorkflowDefinition): void {
    this.workflow = workflow;
    this.statusRank = new Map(workflow.statuses.map((s, i) => [s.key, i]));
    this.sorted.delete('status');
    this.listCache.clear();
    this.countCache.clear();
  }

  /** Orders per workflow status over every stored order (all stores, archived and deleted too). */
  countByStatus(): Record<string, number> {
    const out: Record<string, number> = {};
    this.summaries.forEach((s, slot) => {
      if (this.alive[slot] === 0) return;
      out[s.status] = (out[s.status] ?? 0) + 1;
    });
    return out;
  }

  /** Search texts for every slot at once: one lower-casing of one joined string beats 100k small ones. */
  private buildTexts(): void {
    const n = this.summaries.length;
    const raw = new Array<string>(n);
    for (let slot = 0; slot < n; slot++) {
      const s = this.summaries[slot] as Summary;
      raw[slot] = rawSearchText(s, this.storeName(s.storeId));
    }
    const lowered = raw.join('\u0000').toLowerCase().split('\u0000');
    for (let slot = 0; slot < n; slot++) {
      // A NUL inside the data would shift the split; fall back to lower-casing one by one.
      this.texts[slot] = lowered.length === n ? (lowered[slot] as string) : (raw[slot] as string).toLowerCase();
    }
  }

  get size(): number {
    return this.live;
  }

  get(id: string): Located | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : { summary: this.summaries[slot] as Summary, chunk: this.chunks[slot] as number };
  }

  /** The id of the order with this number, if any (numbers are unique per merchant, across its stores). */
  idByNumber(number: string): string | undefined {
    if (!this.numbers) {
      this.numbers = new Map();
      for (let slot = 0; slot < this.summaries.length; slot++) {
        const s = this.summaries[slot] as Summary;
        if (this.alive[slot] === 1) this.numbers.set(s.number, slot);
      }
    }
    const slot = this.numbers.get(number);
    return slot === undefined ? undefined : this.ids[slot];
  }

  storeName(storeId: string): string {
    return this.storeNames.get(storeId) ?? storeId;
  }

  /** Adds a new order or replaces a stored one (by id). Returns false when `summary` is not newer. */
  upsert(summary: Summary, chunk: number): boolean {
    const slot = this.slotById.get(summary.id);
    if (slot === undefined) {
      const added = this.append(summary, chunk);
      for (const [field, index] of this.sorted) index.add(added, this.keyOf(field, added));
    } else {
      const old = this.summaries[slot] as Summary;
      if (old.version > summary.version) return false;
      if (this.numbers && old.number !== summary.number) {
        this.numbers.delete(old.number);
        this.numbers.set(summary.number, slot);
      }
      this.fill(slot, summary, chunk);
      for (const [field, index] of this.sorted) index.update(slot, this.keyOf(field, slot));
    }
    this.changed();
    return true;
  }

  /** Drops an order from every list (it was found malformed in storage). */
  drop(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    const s = this.summaries[slot] as Summary;
    this.slotById.delete(id);
    if (this.numbers?.get(s.number) === slot) this.numbers.delete(s.number);
    this.alive[slot] = 0;
    this.live--;
    this.changed();
  }

  private changed(): void {
    this.listCache.clear();
    this.countCache.clear();
  }

  /**
   * The slots matching `query` in its sort order, narrowed to `scope` (store ids, or undefined for all).
   * Throws `invalid-input` for an unknown tab.
   */
  select(query: OrderQuery, scope: readonly string[] | undefined): readonly number[] {
    const key = queryKey(query);
    const hit = this.listCache.get(key);
    if (hit) {
      // Refresh its place in the LRU order.
      this.listCache.delete(key);
      this.listCache.set(key, hit);
      return hit;
    }
    const filter = effectiveFilter(query, this.workflow, query.tab);
    const sigOk = new Uint8Array(this.sigReps.length);
    for (let s = 0; s < sigOk.length; s++) sigOk[s] = signatureMatches(this.sigReps[s] as Order, filter, query) ? 1 : 0;
    const alive = this.alive;
    const accept = this.orderTest(query, scope);
    const sort = query.sort ?? DEFAULT_SORT;
    const index = this.sortedBy(sort.field);
    const out: number[] = [];
    const test = (slot: number): void => {
      if (sigOk[this.sigs[slot] as number] === 1 && alive[slot] === 1 && (accept === undefined || accept(slot))) out.push(slot);
    };
    const keyed = index.ascending;
    if (sort.direction === 'asc') {
      for (let i = 0; i < keyed.length; i++) test(keyed[i] as number);
      const rest = index.withoutKey;
      for (let i = 0; i < rest.length; i++) test(rest[i] as number);
    } else {
      for (let i = keyed.length - 1; i >= 0; i--) test(keyed[i] as number);
      const rest = index.withoutKey;
      for (let i = rest.length - 1; i >= 0; i--) test(rest[i] as number);
    }
    if (this.listCache.size >= CACHE_LIMIT) this.listCache.delete(this.listCache.keys().next().value as string);
    this.listCache.set(key, out);
    return out;
  }

  /** Counts per tab for the query without its tab, in one pass (per signature, then per tab). */
  countTabs(query: OrderQuery, scope: readonly string[] | undefined): Readonly<Record<string, number>> {
    const { tab: _tab, ...rest } = query;
    const key = queryKey(rest);
    const hit = this.countCache.get(key);
    if (hit) return hit;
    const perSig = new Array<number>(this.sigReps.length).fill(0);
    const accept = this.orderTest(rest, scope);
    const n = this.summaries.length;
    const alive = this.alive;
    for (let slot = 0; slot < n; slot++) {
      if (alive[slot] === 1 && (accept === undefined || accept(slot))) perSig[this.sigs[slot] as number]++;
    }
    const counts: Record<string, number> = {};
    for (const tab of this.workflow.tabs) {
      const filter = effectiveFilter(rest, this.workflow, tab.key);
      let total = 0;
      for (let s = 0; s < perSig.length; s++) {
        const c = perSig[s] as number;
        if (c > 0 && signatureMatches(this.sigReps[s] as Order, filter, rest)) total += c;
      }
      counts[tab.key] = total;
    }
    if (this.countCache.size >= CACHE_LIMIT) this.countCache.delete(this.countCache.keys().next().value as string);
    this.countCache.set(key, counts);
    return counts;
  }

  /**
   * Every live order whose number, tracking number or air waybill is the code (`key` from
   * `normalizeCode`), in slot order, with no scope applied: the caller splits in and out of scope.
   * A walk over the precomputed lower-case search texts (which hold the number, tracking numbers and
   * air waybills), exact-checking only the few that contain the code: no extra index to build or keep
   * up to date (a map of codes costs more to build at 100k orders than many scans together).
   */
  findByCode(key: string): Summary[] {
    const out: Summary[] = [];
    const texts = this.texts;
    for (let slot = 0; slot < this.summaries.length; slot++) {
      if (this.alive[slot] !== 1 || !(texts[slot] as string).includes(key)) continue;
      const s = this.summaries[slot] as Summary;
      if (s.deletedAt === undefined && matchesCode(s, key)) out.push(s);
    }
    return out;
  }

  /** Every order a viewer with `scope` may see, in slot order (for shipments, payments, calendar). */
  visible(scope: readonly string[] | undefined, storeIds?: readonly string[]): Summary[] {
    const allowed = this.storeMask(scope, storeIds);
    const out: Summary[] = [];
    for (let slot = 0; slot < this.summaries.length; slot++) {
      if (this.alive[slot] === 1 && (allowed === undefined || allowed[this.stores[slot] as number] === 1)) out.push(this.summaries[slot] as Summary);
    }
    return out;
  }

  /** The per-order part of a query (stores, assignee, dates, search), or undefined when it passes all. */
  private orderTest(query: OrderQuery, scope: readonly string[] | undefined): ((slot: number) => boolean) | undefined {
    const tests: ((slot: number) => boolean)[] = [];
    const allowed = this.storeMask(scope, query.storeIds);
    if (allowed) tests.push((slot) => allowed[this.stores[slot] as number] === 1);
    const assignee = query.assigneeId;
    if (assignee !== undefined) {
      tests.push((slot) => {
        const s = this.summaries[slot] as Summary;
        return s.csr === assignee || s.agent === assignee;
      });
    }
    const notPrinted = query.notPrinted;
    if (notPrinted && notPrinted.length > 0) {
      tests.push((slot) => !(this.summaries[slot] as Summary).printed.some((d) => notPrinted.includes(d as PrintDocumentKind)));
    }
    const { from, to } = timeBounds(query);
    if (!Number.isNaN(from) || !Number.isNaN(to)) {
      const field = query.dateField ?? 'createdAt';
      const times = this.times(field);
      const hasFrom = !Number.isNaN(from);
      const hasTo = !Number.isNaN(to);
      tests.push((slot) => {
        const t = times[slot] as number;
        if (Number.isNaN(t)) return false;
        return (!hasFrom || t >= from) && (!hasTo || t < to);
      });
    }
    const needle = searchNeedle(query.search);
    if (needle !== undefined) tests.push((slot) => (this.texts[slot] as string).includes(needle));
    if (tests.length === 0) return undefined;
    if (tests.length === 1) return tests[0];
    return (slot) => {
      for (const t of tests) if (!t(slot)) return false;
      return true;
    };
  }

  /** Store slots a query may see: scope ∩ requested stores; undefined when every store is allowed. */
  private storeMask(scope: readonly string[] | undefined, requested: readonly string[] | undefined): Uint8Array | undefined {
    if (scope === undefined && requested === undefined) return undefined;
    const mask = new Uint8Array(this.storeSlots.size + 1);
    for (const [storeId, slot] of this.storeSlots) {
      const inScope = scope === undefined || scope.includes(storeId);
      const wanted = requested === undefined || requested.includes(storeId);
      mask[slot] = inScope && wanted ? 1 : 0;
    }
    return mask;
  }

  private sortedBy(field: SortField): SortedIndex {
    let index = this.sorted.get(field);
    if (!index) {
      const numeric = field !== 'number' && field !== 'customer' && field !== 'store';
      if (field === 'updatedAt' || field === 'scheduledAt') this.times(field);
      index = new SortedIndex(this.ids, this.summaries.length, numeric, (slot) => this.keyOf(field, slot));
      this.sorted.set(field, index);
    }
    return index;
  }

  private keyOf(field: SortField, slot: number): SortKey | undefined {
    const s = this.summaries[slot] as Summary;
    switch (field) {
      case 'createdAt':
        return this.created[slot];
      case 'updatedAt':
        return this.times('updatedAt')[slot];
      case 'scheduledAt': {
        const t = this.times('scheduledAt')[slot] as number;
        return Number.isNaN(t) ? undefined : t;
      }
      case 'total':
        return s.total;
      case 'number':
        return collationKey(s.number);
      case 'customer':
        return this.collate(s.customer);
      case 'store':
        return this.collate(this.storeName(s.storeId));
      case 'status':
        return this.statusRank.get(s.status) ?? this.statusRank.size;
    }
  }

  /** Epoch milliseconds of a date field per slot (NaN when absent). */
  private times(field: 'createdAt' | 'updatedAt' | 'scheduledAt'): number[] {
    if (field === 'createdAt') return this.created;
    let times = field === 'updatedAt' ? this.updated : this.scheduled;
    if (!times) {
      times = this.summaries.map((s) => parseTime(s[field]));
      if (field === 'updatedAt') this.updated = times;
      else this.scheduled = times;
    }
    return times;
  }

  private collate(text: string): string {
    let key = this.collation.get(text);
    if (key === undefined) {
      key = collationKey(text);
      this.collation.set(text, key);
    }
    return key;
  }

  private append(summary: Summary, chunk: number, withText = true): number {
    const slot = this.summaries.length;
    this.slotById.set(summary.id, slot);
    this.numbers?.set(summary.number, slot);
    this.ids.push(summary.id);
    this.alive.push(1);
    this.live++;
    this.fill(slot, summary, chunk, withText);
    return slot;
  }

  private fill(slot: number, summary: Summary, chunk: number, withText = true): void {
    this.summaries[slot] = summary;
    this.chunks[slot] = chunk;
    if (chunk > this.maxChunk) this.maxChunk = chunk;
    if (withText) this.texts[slot] = rawSearchText(summary, this.storeName(summary.storeId)).toLowerCase();
    this.sigs[slot] = this.signatureId(summary);
    this.stores[slot] = this.storeSlot(summary.storeId);
    this.created[slot] = Date.parse(summary.createdAt);
    if (this.updated) this.updated[slot] = Date.parse(summary.updatedAt);
    if (this.scheduled) this.scheduled[slot] = parseTime(summary.scheduledAt);
  }

  private signatureId(s: Summary): number {
    const sig = summarySignature(s);
    let id = this.sigIds.get(sig);
    if (id === undefined) {
      id = this.sigReps.length;
      this.sigIds.set(sig, id);
      this.sigReps.push(filterView(s));
    }
    return id;
  }

  private storeSlot(storeId: string): number {
    let slot = this.storeSlots.get(storeId);
    if (slot === undefined) {
      slot = this.storeSlots.size;
      this.storeSlots.set(storeId, slot);
    }
    return slot;
  }
}


const parseTime = (at: string | undefined): number => (at === undefined ? NO_TIME : Date.parse(at));

/** What free-text search looks in (before lower-casing): number, customer name and phone, store name, tracking numbers. */
function rawSearchText(s: Summary, storeName: string): string {
  let text = `${s.number}\n${s.customer}\n${s.phone ?? ''}\n${storeName}`;
  for (const x of s.shipments) {
    if (x.trackingNumber) text += `\n${x.trackingNumber}`;
    if (x.airWaybill) text += `\n${x.airWaybill}`;
  }
  return text;
}

/**
 * The fields `matchesFilter` and the query's status lists read, as one string: orders with the same
 * signature are in or out of every tab together. Keep in step with src/model/filter.ts.
 */
function summarySignature(s: Summary): string {
  const self = s.shipments.some((x) => isOpenSelfDelivery({ courier: { code: x.courier }, status: x.status as ShipmentStatus }));
  return `${s.deletedAt !== undefined ? 'D' : '-'}${s.archived ? 'A' : '-'}${self ? 'S' : '-'}\u0001${s.cancellation ?? ''}\u0001${s.returnRequest ?? ''}\u0001${
    s.posting ?? ''}\u0001${s.status}\u0001${s.paymentStatus}\u0001${s.fulfillmentStatus}\u0001${s.channel}`;
}
