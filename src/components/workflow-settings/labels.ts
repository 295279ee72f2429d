/**
 * Words of `<workflow-settings>`: categories, tones, permissions, locale names and every validation
 * problem put into the reader's language. Private to `<workflow-settings>`.
 */
import { msg, str } from '@lit/localize';
import type { Permission, StatusCategory, Tone } from '../../model/workflow/types.js';
import type { WorkflowProblem } from '../../model/workflow/validate.js';
import { MAX_DESCRIPTION_LENGTH, MAX_LABEL_LENGTH } from '../../model/workflow/validate.js';

export const CATEGORIES: readonly StatusCategory[] = ['open', 'done', 'cancelled'];
export const TONES: readonly Tone[] = ['neutral', 'info', 'attention', 'warning', 'success', 'danger'];
/** Permissions a merchant may give a transition (staff-level first). */
export const TRANSITION_PERMISSIONS: readonly Permission[] = ['orders.status', 'orders.fulfil', 'orders.edit', 'orders.cancel', 'orders.archive'];

export function categoryLabel(category: StatusCategory): string {
  switch (category) {
    case 'open':
      return msg('Open (in progress)', { desc: 'Workflow status category' });
    case 'done':
      return msg('Done', { id: 'category.done', desc: 'Workflow status category' });
    case 'cancelled':
      return msg('Cancelled', { id: 'category.cancelled', desc: 'Workflow status category' });
    default:
      return String(category);
  }
}

export function toneLabel(tone: Tone): string {
  switch (tone) {
    case 'neutral':
      return msg('Grey (neutral)', { desc: 'Status colour' });
    case 'info':
      return msg('Blue (information)', { desc: 'Status colour' });
    case 'attention':
      return msg('Purple (attention)', { desc: 'Status colour' });
    case 'warning':
      return msg('Amber (warning)', { desc: 'Status colour' });
    case 'success':
      return msg('Green (success)', { desc: 'Status colour' });
    case 'danger':
      return msg('Red (danger)', { desc: 'Status colour' });
    default:
      return String(tone);
  }
}

export function permissionLabel(permission: Permission): string {
  switch (permission) {
    case 'orders.status':
      return msg('Staff who change statuses', { desc: 'Who may run a transition' });
    case 'orders.fulfil':
      return msg('Staff who ship orders', { desc: 'Who may run a transition' });
    case 'orders.edit':
      return msg('Staff who edit orders', { desc: 'Who may run a transition' });
    case 'orders.cancel':
      return msg('Staff who cancel orders', { desc: 'Who may run a transition' });
    case 'orders.archive':
      return msg('Admins only', { desc: 'Who may run a transition' });
    default:
      return permission;
  }
}

/** The name of a shipped locale in the reader's language. */
export function localeName(locale: string): string {
  switch (locale) {
    case 'en':
      return msg('English');
    case 'id':
      return msg('Indonesian');
    default:
      try {
        return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
      } catch {
        return locale;
      }
  }
}

/** One validation problem in the reader's language (the element shows it beside the field at fault). */
export function problemText(p: WorkflowProblem, statusName: (key: string) => string): string {
  const named = p.status ? statusName(p.status) : '';
  switch (p.code) {
    case 'duplicate':
      return msg('Another entry already uses this key.');
    case 'invalid-key':
      return msg('The key must be lower-case words joined by hyphens.');
    case 'label-required':
      return p.field === 'description' ? msg('Enter the English description.') : msg('Enter the English text.');
    case 'too-long':
      return p.field === 'description'
        ? msg(str`At most ${MAX_DESCRIPTION_LENGTH} characters.`)
        : msg(str`At most ${MAX_LABEL_LENGTH} characters.`);
    case 'unknown-status':
      return msg(str`Names the status “${named}”, which does not exist.`);
    case 'unreachable':
      return msg('No transition leads to this status: add one from another status, or hide it.');
    case 'in-use': {
      const count = p.count ?? 0;
      return count === 1
        ? msg('Cannot be removed: 1 order is in this status.')
        : msg(str`Cannot be removed: ${count} orders are in this status.`);
    }
    case 'invalid-value':
      return msg(str`This ${p.field} is not one the workflow knows.`);
    default:
      return p.message;
  }
}
