/**
 * The cell text the floor and `<vaadin-grid>` show, from the same column definitions and formatters
 * `<order-table>` uses, so all three do the same formatting work per cell. Columns whose built-in
 * renderer returns a template (status, courier) get plain-DOM equivalents here.
 */
import { resolveText } from '../../src/i18n/text.js';
import { defaultColumns, type CellContext, type OrderTableColumn } from '../../src/components/order-table/columns.js';
import { courierLabel } from '../../src/components/shared/order-labels.js';
import type { Order, Store, Viewer } from '../../src/model/types.js';
import type { Tone, WorkflowDefinition } from '../../src/model/workflow/types.js';

export interface PlainColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  readonly align: 'start' | 'end';
  /** Text of the cell (status: its label). */
  text(order: Order): string;
  /** Tone of the status badge (status column only). */
  tone?(order: Order): Tone;
}

/** The 12 data columns (after the selection column), as text producers. */
export function plainColumns(workflow: WorkflowDefinition, viewer: Viewer, stores: readonly Store[]): PlainColumn[] {
  const statuses = new Map(workflow.statuses.map((s) => [s.key, { label: resolveText(s.label), tone: s.tone }]));
  const byId = new Map(stores.map((s) => [s.id, s]));
  const ctx: CellContext = {
    workflow,
    viewer,
    locale: 'en',
    storeName: (id) => byId.get(id)?.name ?? id,
    storeTimeZone: (id) => byId.get(id)?.timeZone,
    timeZone: stores[0]?.timeZone ?? 'UTC',
    status: (key) => statuses.get(key) ?? { label: key, tone: 'neutral' },
    rowActions: () => [],
    index: 0,
    busyAction: undefined,
    error: undefined,
    tabIndex: -1,
  };
  return defaultColumns().map((c: OrderTableColumn) => {
    const base = {
      key: c.key,
      header: typeof c.header === 'function' ? c.header() : c.header,
      width: Number.parseInt(c.width ?? '160', 10),
      align: c.align === 'end' ? ('end' as const) : ('start' as const),
    };
    if (c.key === 'status') {
      return { ...base, text: (o: Order) => ctx.status(o.status).label, tone: (o: Order) => ctx.status(o.status).tone };
    }
    if (c.key === 'courier') {
      return {
        ...base,
        text: (o: Order) => {
          const s = o.shipments.findLast((x) => x.status !== 'cancelled') ?? o.shipments[o.shipments.length - 1];
          if (!s) return '—';
          return s.trackingNumber ? `${courierLabel(s.courier)} · ${s.trackingNumber}` : courierLabel(s.courier);
        },
      };
    }
    return { ...base, text: (o: Order) => c.renderer(o, ctx) as string };
  });
}
