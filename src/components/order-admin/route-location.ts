/**
 * Where `<order-admin>` keeps its route — the URL's hash under a prefix, the URL's path under a
 * base, or memory — without taking over the host page. A ReactiveController: it listens to the
 * window's `popstate` / `hashchange` only while its host is connected, reacts only to URLs under
 * its own prefix or base, writes with `history.pushState` / `replaceState` (never `location.assign`),
 * keeps every other part of the URL (the host's own parameters, hash or path), and keeps
 * `history.state` when it replaces an entry. Private to `<order-admin>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { QUERY_PARAMS } from './query-params.js';

export type RoutingMode = 'hash' | 'path' | 'memory';

/** The key under which admins record their routes in `history.state`. */
const STATE_KEY = 'orderdeck-admin';

/**
 * A route of the admin: its path as it appears in a URL (`orders/ord_123`, percent-encoded, no leading
 * slash) and its query (`tab=new&q=x`, unprefixed, no `?`).
 */
export interface AdminLocation {
  readonly path: string;
  readonly search: string;
}

export interface RouteLocationOptions {
  /** Whether a path is one of the admin's routes (others are someone else's). */
  readonly isRoute: (path: string) => boolean;
  /** The browser moved (back, forward, a typed hash) to a location of this admin. */
  readonly onChange: (location: AdminLocation) => void;
}

export class RouteLocation implements ReactiveController {
  mode: RoutingMode = 'hash';
  /** Hash mode: what every hash of this admin starts with after `#` (default `/`). */
  prefix = '/';
  /** Path mode: the URL path the admin's routes live under (`/admin/orders`; default none). */
  base = '';
  /** Path mode: the prefix of the admin's parameters in `location.search`. */
  paramPrefix = '';

  /** Memory mode's location; undefined until the admin first writes it. */
  private memory: AdminLocation | undefined;
  private listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RouteLocationOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.listen(true);
  }

  hostDisconnected(): void {
    this.listen(false);
  }

  /** The current location when it belongs to this admin; undefined when the URL holds none of its routes. */
  read(): AdminLocation | undefined {
    switch (this.mode) {
      case 'memory':
        return this.memory;
      case 'hash':
        return this.readHash(this.window.location.hash);
      case 'path':
        return this.readPath(this.window.location);
    }
  }

  /** The `href` of a link to `location` (empty in memory mode, where links are buttons). */
  href(location: AdminLocation): string {
    switch (this.mode) {
      case 'memory':
        return '';
      case 'hash':
        return this.hashHref(location);
      case 'path':
        return this.pathHref(location);
    }
  }

  /**
   * Moves to `location` as a new history entry. The entry left behind is first marked with where
   * this admin was (`leaving`) in `history.state`, so Back returns this admin there even when that
   * entry's URL belongs to another admin on the page.
   */
  push(location: AdminLocation, leaving?: AdminLocation): void {
    if (leaving) this.remember(leaving);
    this.write(location, false);
  }

  /**
   * Records `location` as this admin's place in the current history entry's state, leaving the URL
   * (someone else's) as it is: Back to this entry later returns this admin there.
   */
  remember(location: AdminLocation): void {
    if (this.mode === 'memory') return;
    const { history } = this.window;
    const marked = this.mark(history.state, location);
    if (marked !== undefined) history.replaceState(marked, '', this.window.location.href);
  }

  /** Replaces the current entry with `location` (query updates). */
  replace(location: AdminLocation): void {
    this.write(location, true);
  }

  private write(location: AdminLocation, replace: boolean): void {
    if (this.mode === 'memory') {
      this.memory = location;
      return;
    }
    const { history, location: current } = this.window;
    const url = this.href(location);
    const absolute = new URL(url, current.href).href;
    if (absolute === current.href) return;
    if (replace) history.replaceState(this.mark(history.state, location) ?? history.state, '', absolute);
    else history.pushState(this.mark(null, location) ?? null, '', absolute);
  }

  /** Where this admin is, recorded in history state (others' keys kept); undefined for a state that is not an object. */
  private mark(state: unknown, location: AdminLocation): Record<string, unknown> | undefined {
    if (state !== null && state !== undefined && (typeof state !== 'object' || Array.isArray(state))) return undefined;
    const current = (state ?? {}) as Record<string, unknown>;
    const routes = (typeof current[STATE_KEY] === 'object' && current[STATE_KEY] !== null ? current[STATE_KEY] : {}) as Record<string, AdminLocation>;
    return { ...current, [STATE_KEY]: { ...routes, [this.key]: location } };
  }

  /** This admin's route recorded in a history entry's state, if any. */
  private marked(state: unknown): AdminLocation | undefined {
    if (typeof state !== 'object' || state === null) return undefined;
    const routes = (state as Record<string, unknown>)[STATE_KEY];
    if (typeof routes !== 'object' || routes === null) return undefined;
    const location = (routes as Record<string, unknown>)[this.key];
    if (typeof location !== 'object' || location === null) return undefined;
    const { path, search } = location as Record<string, unknown>;
    return typeof path === 'string' && typeof search === 'string' && this.options.isRoute(path) ? { path, search } : undefined;
  }

  /** Tells admins on one page apart in history state. */
  private get key(): string {
    return this.mode === 'hash' ? `hash:${this.prefix}` : `path:${this.normalizedBase()}`;
  }

  private readHash(hash: string): AdminLocation | undefined {
    const marker = `#${this.prefix}`;
    if (!hash.startsWith(marker)) return undefined;
    const rest = hash.slice(marker.length);
    const at = rest.indexOf('?');
    const path = trimSlashes(at < 0 ? rest : rest.slice(0, at));
    if (!this.options.isRoute(path)) return undefined;
    return { path, search: at < 0 ? '' : rest.slice(at + 1) };
  }

  private hashHref({ path, search }: AdminLocation): string {
    return `#${this.prefix}${path}${search ? `?${search}` : ''}`;
  }

  private readPath(location: Location): AdminLocation | undefined {
    const base = this.normalizedBase();
    const pathname = location.pathname;
    let rest: string;
    if (pathname === base || pathname === `${base}/` || (base === '' && pathname === '/')) rest = '';
    else if (pathname.startsWith(`${base}/`)) rest = pathname.slice(base.length + 1);
    else return undefined;
    const path = trimSlashes(rest);
    if (!this.options.isRoute(path)) return undefined;
    const params = new URLSearchParams(location.search);
    const own = new URLSearchParams();
    for (const [name, value] of params) {
      if (!name.startsWith(this.paramPrefix)) continue;
      const bare = name.slice(this.paramPrefix.length);
      if ((QUERY_PARAMS as readonly string[]).includes(bare)) own.append(bare, value);
    }
    return { path, search: own.toString() };
  }

  private pathHref({ path, search }: AdminLocation): string {
    const { location } = this.window;
    const params = new URLSearchParams(location.search);
    for (const name of QUERY_PARAMS) params.delete(this.paramPrefix + name);
    for (const [name, value] of new URLSearchParams(search)) params.append(this.paramPrefix + name, value);
    const query = params.toString();
    const pathname = `${this.normalizedBase()}/${path}`;
    return `${pathname}${query ? `?${query}` : ''}${location.hash}`;
  }

  /** The base without a trailing slash, starting with one (or empty for the site root). */
  private normalizedBase(): string {
    const trimmed = this.base.trim().replace(/\/+$/, '');
    if (trimmed === '') return '';
    return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  }

  private get window(): Window {
    return this.host.ownerDocument.defaultView ?? window;
  }

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const win = this.window;
    if (on) {
      win.addEventListener('popstate', this.onBrowserMove);
      win.addEventListener('hashchange', this.onBrowserMove);
    } else {
      win.removeEventListener('popstate', this.onBrowserMove);
      win.removeEventListener('hashchange', this.onBrowserMove);
    }
  }

  /**
   * Back, forward or a new hash: the URL's location when it is this admin's, else where this admin
   * was when it left that entry (recorded by `push`). Anything else is the page's own business — a
   * host's `<a href="#">` included — and changes nothing.
   */
  private readonly onBrowserMove = (event: Event): void => {
    if (this.mode === 'memory') return;
    const location = this.read() ?? (event.type === 'popstate' ? this.marked((event as PopStateEvent).state) : undefined);
    if (location) this.options.onChange(location);
  };
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
