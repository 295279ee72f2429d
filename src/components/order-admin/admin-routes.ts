/**
 * The route table of `<order-admin>`: which views exist, the URL paths that lead to them, and which
 * appear in its navigation. Adding a view is one entry here plus one case in the admin's
 * `renderView` (a view without one shows the "coming soon" placeholder). Private to `<order-admin>`.
 */
import { msg } from '@lit/localize';
import { uiStrings } from '../../i18n/messages.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';

export type AdminViewKey = 'list' | 'new' | 'edit' | 'detail' | 'shipments' | 'payments' | 'calendar' | 'scan' | 'settings';

export interface AdminView {
  readonly key: AdminViewKey;
  /**
   * URLPattern pathnames (as `Routes` from @lit-labs/router takes them), leading slash included;
   * `:name` is a parameter. The first is the canonical one, used for links.
   */
  readonly patterns: readonly string[];
  /** The label in the admin's navigation; views without one are reachable by URL only. */
  readonly nav?: () => string;
  /** Whether the workflow has this view (default: every workflow); a view it lacks is not in the navigation. */
  readonly available?: (workflow: WorkflowDefinition) => boolean;
  /** The heading of a view that another issue still has to build. */
  readonly placeholder?: () => string;
}

export const ADMIN_VIEWS: readonly AdminView[] = [
  { key: 'list', patterns: ['/orders', '/'], nav: () => uiStrings.orders() },
  // Before `orders/:id`, so `orders/new` is never read as an order id.
  { key: 'new', patterns: ['/orders/new'] },
  { key: 'edit', patterns: ['/orders/:id/edit'] },
  { key: 'detail', patterns: ['/orders/:id'] },
  { key: 'shipments', patterns: ['/shipments'], nav: () => msg('Shipments') },
  { key: 'payments', patterns: ['/payments'], nav: () => msg('Payments') },
  { key: 'calendar', patterns: ['/calendar'], nav: () => msg('Calendar') },
  { key: 'scan', patterns: ['/scan'], nav: () => msg('Scan to ship'), available: (w) => (w.scanToShip?.length ?? 0) > 0 },
  /** Shown in the navigation only to viewers who may change the workflow (the admin checks). */
  { key: 'settings', patterns: ['/settings'], nav: () => msg('Settings') },
];

/** The path (no leading slash) of a view's canonical pattern with its parameters filled in. */
export function pathOf(key: AdminViewKey, params: Readonly<Record<string, string>> = {}): string {
  const view = ADMIN_VIEWS.find((v) => v.key === key);
  const pattern = view?.patterns[0] ?? '/orders';
  return pattern
    .slice(1)
    .split('/')
    .map((segment) => (segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment))
    .join('/');
}

/**
 * The view a path (no leading slash, as in the URL) leads to, and its decoded parameters; undefined
 * for a path that is not one of the admin's. Same rules as the URLPatterns above: a `:name` segment
 * matches one non-empty segment.
 */
export function matchPath(path: string): { readonly view: AdminView; readonly params: Readonly<Record<string, string>> } | undefined {
  const segments = path === '' ? [] : path.split('/');
  for (const view of ADMIN_VIEWS) {
    for (const pattern of view.patterns) {
      const parts = pattern === '/' ? [] : pattern.slice(1).split('/');
      if (parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = parts.every((part, i) => {
        const segment = segments[i] as string;
        if (part.startsWith(':')) {
          if (segment === '') return false;
          params[part.slice(1)] = safeDecode(segment);
          return true;
        }
        return part === segment;
      });
      if (ok) return { view, params };
    }
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
