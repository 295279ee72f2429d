/**
 * Order templates: an order produced by the engine with placeholder tokens (`QQNUMQQ`, `QQIDQQ`…) where
 * a copy differs (ids, number, customer phone, tracking number) is compiled once into a tree whose
 * unchanged subtrees are shared as they are, timestamps are kept as offsets, and token strings as parts.
 * `instantiate` then makes a copy at another time with other tokens in a few microseconds, without
 * running the engine again. Private to `generate`.
 */

/** Keys whose string values are timestamps, shifted with the copy's creation time. */
const TIME_KEYS = new Set(['at', 'createdAt', 'updatedAt', 'requestedAt', 'decidedAt', 'scheduledAt', 'deletedAt']);
/** Keys replaced wholesale on every copy, so their template content does not matter. */
const REPLACED_KEYS = new Set(['customer', 'shippingAddress', 'billingAddress']);
const TOKEN = /QQ([A-Z]+)QQ/;

export const token = (name: string): string => `QQ${name}QQ`;

/** Node kinds: static (shared as is), time, text with tokens, object, array. */
const Kind = { Static: 0, Time: 1, Text: 2, Object: 3, Array: 4 } as const;
type Kind = typeof Kind;

export type Node =
  | { readonly k: Kind['Static']; readonly v: unknown }
  /** Index into the template's distinct time offsets (one string per distinct time per copy). */
  | { readonly k: Kind['Time']; readonly i: number }
  /** Literal parts at even indexes, token names at odd ones. */
  | { readonly k: Kind['Text']; readonly parts: readonly string[] }
  /** `shell` is the original, cloned with spread (fast for one shape); `keys` are then overwritten. */
  | { readonly k: Kind['Object']; readonly shell: object; readonly keys: readonly string[]; readonly nodes: readonly Node[] }
  | { readonly k: Kind['Array']; readonly shell: readonly unknown[]; readonly indexes: readonly number[]; readonly nodes: readonly Node[] };

const isStatic = (n: Node): boolean => n.k === Kind.Static;

export interface Template {
  readonly root: Node;
  /** Distinct timestamps as offsets from the template's base time, ms. */
  readonly offsets: readonly number[];
}

/** Compiles an order (or any value) made at `baseMs` into a template. */
export function compileTemplate(value: unknown, baseMs: number): Template {
  const offsets: number[] = [];
  const root = compile(value, baseMs, '', offsets);
  return { root, offsets };
}

/** A copy of the template made at `baseMs`, with `tokens` filled in. */
export function instantiateTemplate(t: Template, baseMs: number, tokens: Readonly<Record<string, string>>): unknown {
  const times = t.offsets.map((o) => new Date(baseMs + o).toISOString());
  return instantiate(t.root, times, tokens);
}

function compile(value: unknown, baseMs: number, key: string, offsets: number[]): Node {
  if (typeof value === 'string') {
    if (TIME_KEYS.has(key)) {
      const offset = Date.parse(value) - baseMs;
      let i = offsets.indexOf(offset);
      if (i < 0) i = offsets.push(offset) - 1;
      return { k: Kind.Time, i };
    }
    if (TOKEN.test(value)) return { k: Kind.Text, parts: value.split(/QQ([A-Z]+)QQ/) };
    return { k: Kind.Static, v: value };
  }
  if (value === null || typeof value !== 'object' || REPLACED_KEYS.has(key)) return { k: Kind.Static, v: value };
  if (Array.isArray(value)) {
    const all = value.map((v) => compile(v, baseMs, '', offsets));
    if (all.every(isStatic)) return { k: Kind.Static, v: value };
    const indexes = all.flatMap((n, i) => (isStatic(n) ? [] : [i]));
    return { k: Kind.Array, shell: value, indexes, nodes: indexes.map((i) => all[i] as Node) };
  }
  const entries = Object.entries(value).map(([k, v]) => [k, compile(v, baseMs, k, offsets)] as const);
  if (entries.every(([, n]) => isStatic(n))) return { k: Kind.Static, v: value };
  const dynamic = entries.filter(([, n]) => !isStatic(n));
  return { k: Kind.Object, shell: value, keys: dynamic.map(([k]) => k), nodes: dynamic.map(([, n]) => n) };
}

/** A copy of the compiled value with its times and tokens. Unchanged subtrees are shared. */
function instantiate(node: Node, times: readonly string[], tokens: Readonly<Record<string, string>>): unknown {
  switch (node.k) {
    case Kind.Static:
      return node.v;
    case Kind.Time:
      return times[node.i];
    case Kind.Text: {
      const p = node.parts;
      let out = p[0] as string;
      for (let i = 1; i < p.length; i += 2) {
        const name = p[i] as string;
        const value = tokens[name];
        if (value === undefined) throw new Error(`template token ${name} has no value`);
        out += value + (p[i + 1] as string);
      }
      return out;
    }
    case Kind.Object: {
      const out: Record<string, unknown> = { ...node.shell };
      const { keys, nodes } = node;
      for (let i = 0; i < keys.length; i++) out[keys[i] as string] = instantiate(nodes[i] as Node, times, tokens);
      return out;
    }
    case Kind.Array: {
      const out = node.shell.slice();
      const { indexes, nodes } = node;
      for (let i = 0; i < indexes.length; i++) out[indexes[i] as number] = instantiate(nodes[i] as Node, times, tokens);
      return out;
    }
  }
}
