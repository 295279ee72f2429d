/**
 * Realtime plumbing of the local engine: the listener set (`subscribe`) and the BroadcastChannel that
 * tells other tabs (other engine instances on the same database) which orders changed. Messages carry
 * ids, versions and chunk ids only; receivers re-read those chunks from IndexedDB themselves.
 */
import type { ChangeEvent } from '../types.js';

export interface ChangedOrder {
  readonly id: string;
  readonly version: number;
  readonly chunk: number;
  readonly created: boolean;
  /** The action key (or `edit`, `create`, `import`) that caused it. */
  readonly cause?: string;
}

export type ChannelMessage =
  | { readonly type: 'changes'; readonly source: string; readonly items: readonly ChangedOrder[] }
  | { readonly type: 'reset'; readonly source: string }
  /** A workflow definition was saved: receivers re-read it from IndexedDB. */
  | { readonly type: 'workflow'; readonly source: string; readonly key: string; readonly version: number };

function isChannelMessage(data: unknown): data is ChannelMessage {
  if (data === null || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  if (typeof m.source !== 'string') return false;
  if (m.type === 'reset') return true;
  if (m.type === 'workflow') return typeof m.key === 'string' && typeof m.version === 'number';
  return m.type === 'changes' && Array.isArray(m.items);
}

export class Realtime {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private channel: BroadcastChannel | undefined;
  /** Incoming messages are handled one after another, in arrival order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    channelName: string,
    private readonly source: string,
    onMessage: (message: ChannelMessage) => Promise<void>,
  ) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isChannelMessage(message) || message.source === this.source) return;
      this.queue = this.queue.then(() => onMessage(message)).catch((e: unknown) => {
        console.warn('orderdeck: could not apply a change from another tab', e);
      });
    };
  }

  /** Resolves when every message received so far has been applied. */
  settled(): Promise<void> {
    return this.queue;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        console.error('orderdeck: a change listener threw', e);
      }
    }
  }

  post(message: ChannelMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch (e) {
      console.warn('orderdeck: could not tell other tabs about a change', e);
    }
  }

  close(): void {
    this.listeners.clear();
    if (this.channel) {
      this.channel.onmessage = null;
      this.channel.close();
      this.channel = undefined;
    }
  }
}
