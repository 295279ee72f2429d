/**
 * The product catalogue an import checks SKUs against: a lookup from SKU to name, variant and price.
 * Merchants pass their own; `demoCatalog` is the demo data's (the generator's products, one SKU per
 * variant, priced per currency exactly as the generated orders are).
 */
import { PRODUCTS, price } from '../generate/catalog.js';
import { money, type Money } from '../money.js';

/** One sellable SKU. */
export interface CatalogProduct {
  readonly sku: string;
  readonly name: string;
  readonly variant?: string;
  /** The list price in a currency, when the catalogue has one. */
  price(currency: string): Money | undefined;
}

/** Looks SKUs up. Matching is exact after trimming (SKUs are codes; case matters to some merchants). */
export interface ProductCatalog {
  find(sku: string): CatalogProduct | undefined;
  /** Every product, for searching (`searchCatalog`); a catalogue without it can only be looked up by SKU. */
  list?(): readonly CatalogProduct[];
}

/** A catalogue over a list of products. */
export function catalogOf(products: Iterable<CatalogProduct>): ProductCatalog {
  const bySku = new Map<string, CatalogProduct>();
  for (const product of products) bySku.set(product.sku, product);
  const all = [...bySku.values()];
  return { find: (sku) => bySku.get(sku.trim()), list: () => all };
}

/** A product found by `searchCatalog`: its variants (one SKU each) priced in the asked currency. */
export interface CatalogMatch {
  readonly name: string;
  readonly variants: readonly { readonly sku: string; readonly variant?: string; readonly unitPrice?: Money }[];
}

/**
 * Products whose name, SKU or variant contains `query` (case-insensitive), grouped by name in catalogue
 * order, at most `limit` products. An empty query lists the first products.
 */
export function searchCatalog(catalog: ProductCatalog, query: string, currency: string, limit: number): CatalogMatch[] {
  const needle = query.trim().toLowerCase();
  const groups = new Map<string, { sku: string; variant?: string; unitPrice?: Money }[]>();
  for (const p of catalog.list?.() ?? []) {
    const hay = `${p.name}\n${p.sku}\n${p.variant ?? ''}`.toLowerCase();
    if (needle !== '' && !hay.includes(needle)) continue;
    let variants = groups.get(p.name);
    if (!variants) {
      if (groups.size >= limit) continue;
      variants = [];
      groups.set(p.name, variants);
    }
    const unitPrice = p.price(currency);
    variants.push({ sku: p.sku, ...(p.variant !== undefined && { variant: p.variant }), ...(unitPrice && { unitPrice }) });
  }
  return [...groups].map(([name, variants]) => ({ name, variants }));
}

let demo: ProductCatalog | undefined;

/**
 * The demo catalogue (`src/model/generate/catalog.ts`): `KOP-CB-1L`, and for products with variants
 * one SKU per variant (`KOP-GAYO-250-WB`, "Whole bean"), as the generated orders carry them.
 */
export function demoCatalog(): ProductCatalog {
  if (!demo) {
    const products: CatalogProduct[] = [];
    for (const p of PRODUCTS) {
      const priced = (currency: string): Money => money(price(p.usdCents, currency), currency);
      if (!p.variants) products.push({ sku: p.sku, name: p.name, price: priced });
      else for (const [code, label] of p.variants) products.push({ sku: `${p.sku}-${code}`, name: p.name, variant: label, price: priced });
    }
    demo = catalogOf(products);
  }
  return demo;
}
