/**
 * A workflow refusal (or an API error's field problems) as messages next to the form's fields:
 * the engine names the field (`amount.amount`, `lines[2].accepted`, `courier.name`), this module
 * finds the form field that shows it and says what is wrong in the active locale.
 */
import { msg, str } from '@lit/localize';
import type { FieldProblem } from '../../api/types.js';
import type { Refusal } from '../../model/workflow/types.js';
import type { FieldErrors } from './draft.js';

/** Form field names that an engine field path maps onto. */
const FIELDS = new Set([
  'mode',
  'reason',
  'method',
  'amount',
  'reference',
  'label',
  'courier',
  'courierName',
  'trackingNumber',
  'trackingUrl',
  'shipmentId',
  'scheduledAt',
  'status',
  'note',
  'csr',
  'agent',
  'text',
  'lines',
]);

/** The form field an engine field path belongs to (`amount.amount` → `amount`), if the form has one. */
export function formField(path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (path === 'courier.name') return 'courierName';
  const head = path.split(/[.[]/)[0] ?? path;
  return FIELDS.has(head) ? head : undefined;
}

function missing(field: string): string {
  switch (field) {
    case 'reason':
      return msg('Give a reason.');
    case 'method':
      return msg('Choose a payment method.');
    case 'amount':
      return msg('Enter an amount.');
    case 'label':
      return msg('Say what the expense was for.');
    case 'courier':
      return msg('Choose a courier.');
    case 'courierName':
      return msg('Name the courier.');
    case 'trackingNumber':
      return msg('Enter the tracking number.');
    case 'shipmentId':
      return msg('Choose the shipment.');
    case 'scheduledAt':
      return msg('Enter a date and time.');
    case 'status':
      return msg('Choose a status.');
    case 'csr':
    case 'agent':
      return msg('Choose a person.');
    case 'text':
      return msg('Write the note first.');
    case 'lines':
      return msg('Choose at least one item.');
    default:
      return msg('This is required.');
  }
}

function invalid(field: string, fallback: string): string {
  switch (field) {
    case 'trackingUrl':
      return msg('Enter a link that starts with http:// or https://.');
    case 'amount':
      return msg('Enter an amount greater than zero.');
    case 'lines':
      return msg('Keep at least one item in stock, or reject the order instead.');
    case 'status':
      return msg('Choose a different status.');
    case 'scheduledAt':
      return msg('Enter a date and time.');
    default:
      return fallback;
  }
}

/** What the form shows for a refusal: messages by field, or one message for the whole form. */
export interface RefusalDisplay {
  readonly fields: FieldErrors;
  readonly form: string | undefined;
}

/**
 * Localised messages for a refusal. `limit` is the formatted maximum for `amount-too-large`
 * (the outstanding or refundable amount), when the form knows it.
 */
export function refusalMessages(refusal: Refusal, limit?: string): RefusalDisplay {
  const field = formField(refusal.field);
  if (field) {
    let text: string;
    switch (refusal.code) {
      case 'missing-field':
        text = missing(field);
        break;
      case 'invalid-field':
        text = invalid(field, refusal.message);
        break;
      case 'amount-too-large':
        text = limit ? msg(str`That is more than the ${limit} allowed.`) : msg('That is more than allowed.');
        break;
      case 'quantity-too-large':
        text = msg('More than is available on that line.');
        break;
      default:
        text = refusal.message;
    }
    return { fields: { [field]: text }, form: undefined };
  }
  switch (refusal.code) {
    case 'wrong-status':
      return { fields: {}, form: msg(str`Not possible in the order’s current status. (${refusal.message})`) };
    case 'not-permitted':
    case 'out-of-scope':
      return { fields: {}, form: msg(str`You are not allowed to do this. (${refusal.message})`) };
    default:
      return { fields: {}, form: refusal.message };
  }
}

/** Field problems an API error carried (a backend's invalid-input), placed on the form's fields. */
export function problemMessages(problems: readonly FieldProblem[]): RefusalDisplay {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const p of problems) {
    const field = formField(p.field);
    if (field) fields[field] ??= p.message;
    else rest.push(p.message);
  }
  return { fields, form: rest.length ? rest.join(' ') : undefined };
}
