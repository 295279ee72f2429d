/**
 * Shared data for the CSV tests: stores in a zero-, two- and three-decimal currency, and a draft full
 * of hostile text (formulas, quotes, line breaks, non-Latin script).
 */
import { money } from '../../../src/model/money.js';
import { newOrder } from '../../../src/model/order.js';
import type { Order, OrderDraft, Store, Viewer } from '../../../src/model/types.js';
import type { WorkflowDefinition } from '../../../src/model/workflow/types.js';

export const stores: readonly Store[] = [
  { id: 'st_jkt', name: 'Kopi Senja Jakarta', timeZone: 'Asia/Jakarta', currency: 'IDR' },
  { id: 'st_kul', name: 'Rimba Living Kuala Lumpur', timeZone: 'Asia/Kuala_Lumpur', currency: 'MYR' },
  { id: 'st_kwi', name: 'Souq Kuwait', timeZone: 'Asia/Kuwait', currency: 'KWD' },
];

export const admin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };

/** Text a spreadsheet would run or mangle, and text from several scripts. */
export const HOSTILE = {
  name: '=HYPERLINK("http://evil.example","Klik") 注文 ٣ Ñandú 🚚 <img src=x onerror="window.__pwned=1">',
  phone: '+62 811-0000-1111',
  // Valid as an address (the boundary checks e-mails) yet a formula to a spreadsheet.
  email: '=1+1@evil.example',
  note: 'Line one\r\nLine "two", with a comma\n-3+4\t@x\u0000end',
  line1: '-1+1 Jl. "Kebon" Jeruk, No. 7',
  city: "'Yogyakarta",
  region: '\tDI Yogyakarta',
  itemName: "+cmd|' /C calc'!A0",
  variant: '@SUM(1,2)',
  tags: ['=tag', 'vip 注文'],
} as const;

export function hostileDraft(number: string): OrderDraft {
  return {
    number,
    channel: 'whatsapp',
    storeId: 'st_jkt',
    customer: { name: HOSTILE.name, phone: HOSTILE.phone, email: HOSTILE.email },
    shippingAddress: { name: HOSTILE.name, line1: HOSTILE.line1, city: HOSTILE.city, region: HOSTILE.region, postalCode: '55281', country: 'ID', phone: HOSTILE.phone },
    currency: 'IDR',
    lines: [
      { sku: 'KOP-GAYO-250-WB', name: HOSTILE.itemName, variant: HOSTILE.variant, unitPrice: money(192000, 'IDR'), quantity: 2, discount: money(12000, 'IDR') },
      { sku: 'KOP-CB-1L', name: 'Cold Brew Concentrate 1 L', unitPrice: money(240000, 'IDR'), quantity: 1 },
    ],
    discount: money(5000, 'IDR'),
    deliveryFee: money(18000, 'IDR'),
    tax: money(0, 'IDR'),
    paymentMethod: 'cod',
    tags: [...HOSTILE.tags],
    note: HOSTILE.note,
    scheduledAt: '2026-12-01T03:00:00.000Z',
  };
}

const workflow = { initial: 'new', statuses: [{ key: 'new', label: { en: 'New', id: 'Baru' }, category: 'open', tone: 'info' }] } as unknown as WorkflowDefinition;

/** A complete order from a draft, as a backend would create it. */
export function orderOf(draft: OrderDraft, id = 'ord_1'): Order {
  let n = 0;
  return newOrder(workflow, draft, { id, number: draft.number ?? id, now: '2026-11-20T01:02:03.004Z', actor: admin, newId: (p) => `${p}_${++n}` });
}

export const labelWorkflow = workflow;
