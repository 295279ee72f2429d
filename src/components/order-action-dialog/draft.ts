/**
 * The form state of an action dialog (what a person has typed, as text and switches), its starting
 * values for an order, and its translation into the action's input. Text stays text until submit, so
 * "Reload and redo" can show the same form again against a newer order.
 */
import { msg } from '@lit/localize';
import { refundable, accepted } from '../../model/derive.js';
import type { Courier, LineQuantity, Order, Person, Shipment, Viewer } from '../../model/types.js';
import type { ActionDef, ActionInput, WorkflowDefinition } from '../../model/workflow/types.js';
import { formatMoneyInput, parseMoneyInput } from './money-input.js';
import type { DialogShape } from './shape.js';

export interface LineDraft {
  /** Included: in stock (stock confirmation) or refunded (refund by lines). */
  readonly on: boolean;
  readonly qty: number;
}

/** Refund modes: everything refundable, an amount, or lines and quantities. */
export type RefundMode = 'full' | 'amount' | 'lines';

/** Value of the person selects that reveals a free-text name. */
export const OTHER_PERSON = '__other__';

export interface Draft {
  /** Stock confirmation: `all` / `some` / `none`; refund: a RefundMode. */
  readonly mode: string;
  readonly reason: string;
  readonly restock: boolean;
  readonly notify: boolean;
  readonly method: string;
  readonly amount: string;
  readonly reference: string;
  readonly label: string;
  /** A courier code of the workflow, `''` for none / automatic. */
  readonly courier: string;
  /** The free-text name for the `other` courier. */
  readonly courierName: string;
  readonly trackingNumber: string;
  readonly trackingUrl: string;
  /** update-tracking: the shipment to change (`''` while there is a choice to make). */
  readonly shipmentId: string;
  /** `datetime-local` value. */
  readonly scheduledAt: string;
  readonly status: string;
  readonly note: string;
  /** A person id, `''` for nobody, or OTHER_PERSON. */
  readonly csr: string;
  readonly csrName: string;
  readonly agent: string;
  readonly agentName: string;
  readonly text: string;
  readonly lines: Readonly<Record<string, LineDraft>>;
}

export type FieldErrors = Readonly<Record<string, string>>;

/** A `datetime-local` value for an ISO time stamp, in the browser's zone. */
function localInputValue(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The form's starting values for this action on this order. */
export function initialDraft(shape: DialogShape, action: ActionDef, order: Order, workflow: WorkflowDefinition): Draft {
  const fixedMode = action.fixed?.['mode'];
  const lines: Record<string, LineDraft> = {};
  for (const line of order.lines) {
    lines[line.id] =
      shape === 'refund'
        ? { on: false, qty: Math.max(0, accepted(line) - line.quantity.refunded) }
        : { on: accepted(line) > 0, qty: accepted(line) };
  }
  const method =
    order.paymentMethod && workflow.paymentMethods.includes(order.paymentMethod)
      ? order.paymentMethod
      : (workflow.paymentMethods[0] ?? '');
  const live = liveShipments(order);
  const only = shape === 'tracking' && live.length === 1 ? live[0] : undefined;
  let amount = '';
  if (shape === 'payment') amount = formatMoneyInput(order.totals.outstanding);
  if (shape === 'refund') amount = formatMoneyInput(refundable(order));
  return {
    mode: shape === 'refund' ? 'full' : typeof fixedMode === 'string' ? fixedMode : 'all',
    reason: '',
    restock: false,
    notify: true,
    method,
    amount,
    reference: '',
    label: '',
    courier: '',
    courierName: '',
    trackingNumber: only?.trackingNumber ?? '',
    trackingUrl: '',
    shipmentId: only?.id ?? '',
    scheduledAt: localInputValue(shape === 'reschedule' ? order.scheduledAt : undefined),
    status: '',
    note: '',
    csr: order.assignees.csr?.id ?? '',
    csrName: '',
    agent: order.assignees.agent?.id ?? '',
    agentName: '',
    text: '',
    lines,
  };
}

/** Shipments whose tracking can still change: not cancelled, not failed. */
export function liveShipments(order: Order): readonly Shipment[] {
  return order.shipments.filter((s) => s.status !== 'cancelled' && s.status !== 'failed');
}

/** Which assignee fields an assign action asks for: the required one(s), or both. */
export function assignFields(action: ActionDef): readonly ('csr' | 'agent')[] {
  const required = (action.required ?? []).filter((f): f is 'csr' | 'agent' => f === 'csr' || f === 'agent');
  return required.length > 0 ? required : ['csr', 'agent'];
}

/** True when the action's fixed input sets `field` (so the form does not ask for it). */
export const isFixed = (action: ActionDef, field: string): boolean => action.fixed !== undefined && field in action.fixed;

export interface BuiltInput {
  readonly input: ActionInput;
  /** Problems found before the engine sees the input (an amount that is not an amount). */
  readonly problems: FieldErrors;
}

export interface BuildContext {
  readonly shape: DialogShape;
  readonly action: ActionDef;
  readonly order: Order;
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer | undefined;
  readonly people: readonly Person[];
}

const trimmed = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

function courierFor(draft: Draft, workflow: WorkflowDefinition): Courier | undefined {
  if (!draft.courier) return undefined;
  if (draft.courier === 'other') return { code: 'other', name: draft.courierName.trim() };
  return workflow.couriers.find((c) => c.code === draft.courier) ?? { code: draft.courier, name: draft.courier };
}

function personFor(id: string, freeName: string, ctx: BuildContext): Person | undefined {
  if (!id) return undefined;
  if (id === OTHER_PERSON) {
    const name = freeName.trim();
    return name ? { id: `name:${name.toLowerCase()}`, name } : undefined;
  }
  const known = [...ctx.people, ...(ctx.viewer ? [ctx.viewer] : [])].find((p) => p.id === id);
  return known ? { id: known.id, name: known.name } : undefined;
}

/** The action input for the form as it stands, and the problems only the form can see. */
export function buildInput(draft: Draft, ctx: BuildContext): BuiltInput {
  const { shape, action, order, workflow } = ctx;
  const problems: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && !isFixed(action, key)) input[key] = value;
  };
  const money = (required: boolean): void => {
    if (draft.amount.trim() === '') {
      if (required) problems['amount'] = msg('Enter an amount.');
      return;
    }
    const parsed = parseMoneyInput(draft.amount, order.currency);
    if (!parsed) problems['amount'] = msg('Enter an amount as digits, like 1500 or 12.50.', { desc: 'Hint for a money field; use the locale’s decimal mark' });
    else set('amount', parsed);
  };
  const when = (): void => {
    if (!draft.scheduledAt) return;
    const date = new Date(draft.scheduledAt);
    if (Number.isNaN(date.getTime())) problems['scheduledAt'] = msg('Enter a date and time.');
    else set('scheduledAt', date.toISOString());
  };
  const notify = (): void => set('notifyCustomer', draft.notify);

  switch (shape) {
    case 'stock':
    case 'stock-some':
    case 'stock-none': {
      const mode = shape === 'stock-some' ? 'some' : shape === 'stock-none' ? 'none' : draft.mode;
      set('mode', mode);
      if (mode === 'some') {
        const lines = order.lines.map((l) => {
          const d = draft.lines[l.id];
          return { lineId: l.id, accepted: d?.on ? d.qty : 0 };
        });
        set('lines', lines);
      }
      set('reason', trimmed(draft.reason));
      break;
    }
    case 'payment':
      set('method', draft.method || undefined);
      money(false);
      set('reference', trimmed(draft.reference));
      break;
    case 'expense':
      set('label', trimmed(draft.label));
      money(true);
      break;
    case 'refund': {
      if (draft.mode === 'full') set('amount', refundable(order));
      else if (draft.mode === 'amount') money(true);
      else {
        const lines: LineQuantity[] = order.lines
          .filter((l) => draft.lines[l.id]?.on && (draft.lines[l.id]?.qty ?? 0) > 0)
          .map((l) => ({ lineId: l.id, quantity: draft.lines[l.id]?.qty ?? 0 }));
        if (lines.length === 0) problems['lines'] = msg('Choose at least one item to refund.');
        set('lines', lines);
      }
      set('reason', trimmed(draft.reason));
      set('restock', draft.restock);
      break;
    }
    case 'cancel':
      set('reason', trimmed(draft.reason));
      set('restock', draft.restock);
      notify();
      break;
    case 'approve-cancellation':
    case 'receive-return':
      set('restock', draft.restock);
      break;
    case 'decline':
      set('reason', trimmed(draft.reason));
      break;
    case 'shipment':
    case 'ship':
      set('courier', courierFor(draft, workflow));
      set('trackingNumber', trimmed(draft.trackingNumber));
      set('trackingUrl', trimmed(draft.trackingUrl));
      notify();
      break;
    case 'book-courier':
      set('courier', courierFor(draft, workflow));
      when();
      break;
    case 'tracking':
      if (liveShipments(order).length > 1 && !draft.shipmentId) problems['shipmentId'] = msg('Choose the shipment.');
      set('shipmentId', draft.shipmentId || undefined);
      set('courier', courierFor(draft, workflow));
      set('trackingNumber', trimmed(draft.trackingNumber));
      set('trackingUrl', trimmed(draft.trackingUrl));
      break;
    case 'deliver':
      notify();
      break;
    case 'assign':
      for (const field of assignFields(action)) {
        const id = field === 'csr' ? draft.csr : draft.agent;
        const name = field === 'csr' ? draft.csrName : draft.agentName;
        const person = personFor(id, name, ctx);
        if (id === OTHER_PERSON && !person) problems[field] = msg('Type the person’s name.');
        set(field, person);
      }
      break;
    case 'set-status':
      set('status', draft.status || undefined);
      set('note', trimmed(draft.note));
      break;
    case 'reschedule':
      when();
      break;
    case 'note':
      set('text', trimmed(draft.text));
      break;
    case 'confirm':
      break;
  }
  return { input: input as ActionInput, problems };
}
