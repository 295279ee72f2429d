/**
 * The printed pages of each document as Lit templates, from the document data (src/model/print/).
 * Order data is bound as text only; barcodes come from a `BarcodeCache` (SVG, no markup strings).
 * One template per printed page (or per flowing section: the picking summary, a courier's manifest),
 * so a batch renders page by page, yielding between slices. Private to `<order-print>`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import type { Money } from '../../model/money.js';
import type {
  AwbLabel,
  ManifestDocument,
  ManifestGroup,
  Party,
  PickingList,
  PickingSummaryDocument,
  PrintDocument,
  Statement,
  StatementDocument,
} from '../../model/print/types.js';
import type { Address, Customer } from '../../model/types.js';
import type { BarcodeCache } from '../shared/barcode.js';
import { formatCount } from '../shared/format-count.js';
import { channelLabel, paymentMethodLabel, printDocumentLabel } from '../shared/order-labels.js';

/** Every barcode a document prints, as [kind, value], so they can be encoded ahead in slices. */
export function barcodesOf(doc: PrintDocument): [kind: 'code128' | 'qr', value: string][] {
  switch (doc.kind) {
    case 'picking-summary':
      return doc.rows.map((r) => ['code128', r.sku]);
    case 'picking-list':
      return doc.pages.flatMap((p) => [['code128', p.number], ['qr', p.number]] as [kind: 'code128' | 'qr', value: string][]);
    case 'awb':
      return doc.labels.flatMap((l) => [['code128', l.trackingNumber ?? l.orderNumber], ['code128', l.orderNumber]] as [kind: 'code128' | 'qr', value: string][]);
    case 'manifest':
      return [];
    case 'invoice':
    case 'packing-slip':
      return doc.pages.map((p) => ['code128', p.number]);
  }
}

/** How many printed pages (or sections) a document has, for the preview's "n of m". */
export function pageCount(doc: PrintDocument): number {
  switch (doc.kind) {
    case 'picking-summary':
      return doc.rows.length > 0 ? 1 : 0;
    case 'picking-list':
    case 'invoice':
    case 'packing-slip':
      return doc.pages.length;
    case 'awb':
      return doc.labels.length;
    case 'manifest':
      return doc.groups.length;
  }
}

/** The template of page (or section) `index` of the document; dates in `timeZone` (the browser's when absent). */
export function pageTemplate(doc: PrintDocument, index: number, codes: BarcodeCache, timeZone?: string): TemplateResult {
  const zone = timeZone ? { timeZone } : {};
  switch (doc.kind) {
    case 'picking-summary':
      return summaryPage(doc, codes, zone);
    case 'picking-list':
      return pickingPage(doc.pages[index] as PickingList, codes, zone);
    case 'awb':
      return awbPage(doc.labels[index] as AwbLabel, codes);
    case 'manifest':
      return manifestPage(doc, doc.groups[index] as ManifestGroup, zone);
    case 'invoice':
    case 'packing-slip':
      return statementPage(doc, doc.pages[index] as Statement, codes, zone);
  }
}

type Zone = { readonly timeZone?: string };

// ── pieces ────────────────────────────────────────────────────────────────────────────────────────

const variantText = (variant: string | undefined): unknown => (variant ? variant : html`<span class="muted">—</span>`);

function addressLines(address: Address | undefined): TemplateResult {
  if (!address) return html``;
  const place = [address.postalCode, address.city, address.region].filter(Boolean).join(' ');
  return html`<span class="line">${address.line1}</span>
    ${address.line2 ? html`<span class="line">${address.line2}</span>` : nothing}
    <span class="line">${place}</span>
    <span class="line">${address.country}</span>`;
}

function partyBlock(heading: string, party: Party, part: string): TemplateResult {
  return html`<section class="party ${part}">
    <h3>${heading}</h3>
    <p class="address">
      <strong class="line">${party.name}</strong>
      ${party.phone ? html`<span class="line">${party.phone}</span>` : nothing} ${addressLines(party.address)}
    </p>
  </section>`;
}

function customerBlock(heading: string, customer: Customer, address: Address | undefined): TemplateResult {
  return html`<section class="party">
    <h3>${heading}</h3>
    <p class="address">
      <strong class="line">${address?.name ?? customer.name}</strong>
      ${addressLines(address)}
      ${(address?.phone ?? customer.phone) ? html`<span class="line">${address?.phone ?? customer.phone}</span>` : nothing}
      ${customer.email ? html`<span class="line">${customer.email}</span>` : nothing}
    </p>
  </section>`;
}

const tick = html`<span class="tick" aria-hidden="true"></span>`;

function moneyList(list: readonly Money[]): string {
  return list.length === 0 ? '—' : list.map((m) => formatMoney(m)).join(' + ');
}

// ── picking ───────────────────────────────────────────────────────────────────────────────────────

/** The head cells both picking documents share: tick box, SKU, product, variant, quantity. */
function pickingHeadCells(): TemplateResult {
  return html`<th scope="col" class="tick-col"><span class="visually-hidden">${msg('Picked', { id: 'print.picked', desc: 'Printed picking list: tick-box column' })}</span></th>
    <th scope="col">${msg('SKU', { id: 'print.sku' })}</th>
    <th scope="col">${msg('Product', { id: 'print.product', desc: 'Printed document: column of product names' })}</th>
    <th scope="col">${msg('Variant', { id: 'print.variant', desc: 'Printed document: column of product variants' })}</th>
    <th scope="col" class="num">${msg('Qty', { id: 'print.qty', desc: 'Printed document: quantity column (short)' })}</th>`;
}

function summaryPage(doc: PickingSummaryDocument, codes: BarcodeCache, zone: Zone): TemplateResult {
  return html`<article class="page summary">
    <header class="doc-head">
      <div>
        <h1>${printDocumentLabel('picking-summary')}</h1>
        <p class="muted">
          ${formatDateTime(doc.date, zone)} ·
          ${msg(str`${formatCount(doc.orderCount)} orders, ${formatCount(doc.units)} units`, { id: 'print.x-orders-x-units', desc: 'Picking list summary: how many orders and units' })}
        </p>
      </div>
    </header>
    <table class="lines">
      <thead>
        <tr>
          ${pickingHeadCells()}
          <th scope="col">${msg('Orders', { id: 'print.orders', desc: 'Picking list summary: the orders a SKU comes from' })}</th>
        </tr>
      </thead>
      <tbody>
        ${doc.rows.map(
          (r) => html`<tr>
            <td class="tick-col">${tick}</td>
            <td class="sku">${codes.render('code128', r.sku, msg(str`Barcode of SKU ${r.sku}`, { id: 'print.barcode-of-sku-x', desc: 'Accessible name of a barcode' }))}<span class="code">${r.sku}</span></td>
            <td>${r.name}</td>
            <td>${variantText(r.variant)}</td>
            <td class="num qty">${formatCount(r.quantity)}</td>
            <td class="refs"><div class="ref-list">${r.orders.map((o) => html`<span class="ref">${o.number} <span class="muted">×${formatCount(o.quantity)}</span></span>`)}</div></td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="4">${msg('Total units', { id: 'print.total-units', desc: 'Picking list summary: total row' })}</th>
          <td class="num qty">${formatCount(doc.units)}</td>
          <td></td>
        </tr>
      </tfoot>
    </table>
  </article>`;
}

function meta(label: string, value: unknown): TemplateResult {
  return html`<div class="meta"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function pickingPage(p: PickingList, codes: BarcodeCache, zone: Zone): TemplateResult {
  return html`<article class="page picking">
    <header class="doc-head">
      <div>
        <h1>${printDocumentLabel('picking-list')}</h1>
        <p class="number">${p.number}</p>
      </div>
      <div class="codes">
        ${codes.render('code128', p.number, msg(str`Barcode of order ${p.number}`, { id: 'print.barcode-of-order-x', desc: 'Accessible name of a barcode' }))}
        ${codes.render('qr', p.number, msg(str`QR code of order ${p.number}`, { id: 'print.qr-code-of-order-x', desc: 'Accessible name of a QR code' }))}
      </div>
    </header>
    <dl class="metas">
      ${meta(msg('Store', { id: 'print.store', desc: 'Printed document: the store' }), p.storeName)}
      ${meta(msg('Channel', { id: 'print.channel', desc: 'Printed document: the sales channel' }), channelLabel(p.channel))}
      ${meta(msg('Customer', { id: 'print.customer', desc: 'Printed document: the customer' }), html`${p.customer.name}${p.customer.phone ? html` · ${p.customer.phone}` : nothing}`)}
      ${meta(msg('Ordered', { id: 'print.ordered', desc: 'Printed document: when the order was placed' }), formatDateTime(p.createdAt, zone))}
    </dl>
    <table class="lines">
      <thead>
        <tr>
          ${pickingHeadCells()}
        </tr>
      </thead>
      <tbody>
        ${p.lines.map(
          (l) => html`<tr>
            <td class="tick-col">${tick}</td>
            <td class="code">${l.sku}</td>
            <td>${l.name}</td>
            <td>${variantText(l.variant)}</td>
            <td class="num qty">${formatCount(l.quantity)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="4">${msg('Total units', { id: 'print.total-units', desc: 'Picking list summary: total row' })}</th>
          <td class="num qty">${formatCount(p.units)}</td>
        </tr>
      </tfoot>
    </table>
    ${p.note ? html`<p class="note"><strong>${msg('Note', { id: 'print.note', desc: 'Printed document: the order note' })}:</strong> ${p.note}</p>` : nothing}
    <footer class="signatures">
      <span>${msg('Picked by', { id: 'print.picked-by', desc: 'Printed picking list: signature line' })}</span>
      <span>${msg('Checked by', { id: 'print.checked-by', desc: 'Printed picking list: signature line' })}</span>
    </footer>
  </article>`;
}

// ── shipping ──────────────────────────────────────────────────────────────────────────────────────

function awbPage(l: AwbLabel, codes: BarcodeCache): TemplateResult {
  const trackingLabel = msg(str`Barcode of tracking number ${l.trackingNumber ?? ''}`, { id: 'print.barcode-of-tracking-number-x', desc: 'Accessible name of a barcode' });
  return html`<article class="page awb">
    <header class="awb-head">
      <strong class="courier">${l.courier?.name ?? msg('Courier not booked yet', { id: 'print.courier-not-booked-yet', desc: 'Air waybill: the order has no shipment yet' })}</strong>
      ${l.service ? html`<span class="service">${l.service}</span>` : nothing}
      <span class="channel">${channelLabel(l.channel)}</span>
    </header>
    <section class="tracking">
      ${l.trackingNumber
        ? html`${codes.render('code128', l.trackingNumber, trackingLabel)}<p class="code big">${l.trackingNumber}</p>`
        : html`<p class="missing">${msg('No tracking number yet', { id: 'print.no-tracking-number-yet', desc: 'Air waybill: no tracking number' })}</p>`}
      ${l.airWaybill && l.airWaybill !== l.trackingNumber ? html`<p class="code">${msg('AWB', { id: 'print.awb', desc: 'Air waybill number (short)' })} ${l.airWaybill}</p>` : nothing}
    </section>
    <div class="parties">
      ${partyBlock(msg('To', { id: 'print.to', desc: 'Air waybill: recipient block' }), l.recipient, 'recipient')}
      ${partyBlock(msg('From', { id: 'print.from', desc: 'Air waybill: sender block' }), l.sender, 'sender')}
    </div>
    <section class="cod ${l.cod ? 'collect' : ''}">
      ${l.cod
        ? html`<span>${msg('COD — collect', { id: 'print.cod-collect', desc: 'Air waybill: cash on delivery amount to collect' })}</span><strong>${formatMoney(l.cod)}</strong>`
        : html`<span>${msg('Non-COD', { id: 'print.non-cod', desc: 'Air waybill: nothing to collect on delivery' })}</span>`}
    </section>
    <dl class="metas">
      ${meta(msg('Pieces', { id: 'print.pieces', desc: 'Air waybill: number of items in the parcel' }), formatCount(l.pieces))}
      ${meta(msg('Weight', { id: 'print.weight', desc: 'Air waybill: parcel weight' }), l.weightGrams !== undefined ? `${formatCount(l.weightGrams)} g` : '—')}
    </dl>
    <footer class="order-ref">
      ${codes.render('code128', l.orderNumber, msg(str`Barcode of order ${l.orderNumber}`, { id: 'print.barcode-of-order-x-2', desc: 'Accessible name of a barcode' }))}
      <span>${msg('Order', { id: 'print.order', desc: 'Printed document: the order number label' })} <span class="code">${l.orderNumber}</span></span>
    </footer>
  </article>`;
}

function manifestPage(doc: ManifestDocument, g: ManifestGroup, zone: Zone): TemplateResult {
  const courier = g.courier?.name ?? msg('No courier yet', { id: 'print.no-courier-yet', desc: 'Courier manifest: parcels without a courier' });
  return html`<article class="page manifest">
    <header class="doc-head">
      <div>
        <h1>${printDocumentLabel('manifest')} — ${courier}</h1>
        <p class="muted">${formatDate(doc.date, { style: 'full', ...zone })}</p>
      </div>
    </header>
    <table class="lines">
      <thead>
        <tr>
          <th scope="col" class="num">#</th>
          <th scope="col">${msg('Tracking number', { id: 'print.tracking-number', desc: 'Printed document: column' })}</th>
          <th scope="col">${msg('Order', { id: 'print.order', desc: 'Printed document: the order number label' })}</th>
          <th scope="col">${msg('Recipient', { id: 'print.recipient', desc: 'Courier manifest: column' })}</th>
          <th scope="col" class="num">${msg('Pieces', { id: 'print.pieces', desc: 'Air waybill: number of items in the parcel' })}</th>
          <th scope="col" class="num">${msg('COD', { id: 'print.cod', desc: 'Cash on delivery (short)' })}</th>
        </tr>
      </thead>
      <tbody>
        ${g.rows.map(
          (r, i) => html`<tr>
            <td class="num">${formatCount(i + 1)}</td>
            <td class="code">${r.trackingNumber ?? '—'}</td>
            <td class="code">${r.orderNumber}</td>
            <td>${r.recipient}${r.city ? html`<span class="muted">, ${r.city}</span>` : nothing}</td>
            <td class="num">${formatCount(r.pieces)}</td>
            <td class="num">${r.cod ? formatMoney(r.cod) : '—'}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="4">
            ${msg(str`Parcels: ${formatCount(g.parcels)}`, { id: 'print.total-x-parcels', desc: 'Courier manifest: total row' })}
          </th>
          <td class="num">${formatCount(g.pieces)}</td>
          <td class="num">${moneyList(g.cod)}</td>
        </tr>
      </tfoot>
    </table>
    <footer class="signatures">
      <span>${msg('Courier driver: name, signature, time', { id: 'print.courier-driver-name-signature-time', desc: 'Courier manifest: signature line' })}</span>
      <span>${msg('Shop: name, signature', { id: 'print.shop-name-signature', desc: 'Courier manifest: signature line' })}</span>
    </footer>
  </article>`;
}

// ── statements ────────────────────────────────────────────────────────────────────────────────────

function totalRow(label: string, m: Money, strong = false): TemplateResult {
  return html`<tr class=${strong ? 'grand' : ''}>
    <th scope="row" colspan="6">${label}</th>
    <td class="num">${formatMoney(m)}</td>
  </tr>`;
}

function statementPage(doc: StatementDocument, s: Statement, codes: BarcodeCache, zone: Zone): TemplateResult {
  const t = s.totals;
  const invoice = doc.kind === 'invoice';
  const neg = (m: Money): Money => ({ ...m, amount: -m.amount });
  return html`<article class="page statement">
    <header class="doc-head">
      <div>
        <p class="store">${s.storeName}</p>
        <h1>${printDocumentLabel(doc.kind)}</h1>
        <p class="number">${s.number}</p>
      </div>
      <div class="codes">${codes.render('code128', s.number, msg(str`Barcode of order ${s.number}`, { id: 'print.barcode-of-order-x-3', desc: 'Accessible name of a barcode' }))}</div>
    </header>
    <dl class="metas">
      ${meta(msg('Ordered', { id: 'print.ordered', desc: 'Printed document: when the order was placed' }), formatDate(s.createdAt, { style: 'long', ...zone }))}
      ${meta(msg('Channel', { id: 'print.channel', desc: 'Printed document: the sales channel' }), channelLabel(s.channel))}
      ${s.paymentMethod ? meta(msg('Payment', { id: 'print.payment', desc: 'Printed document: payment method' }), paymentMethodLabel(s.paymentMethod)) : nothing}
    </dl>
    <div class="parties">
      ${customerBlock(msg('Bill to', { id: 'print.bill-to', desc: 'Invoice: billing address block' }), s.customer, s.billingAddress ?? s.shippingAddress)}
      ${s.shippingAddress ? customerBlock(msg('Ship to', { id: 'print.ship-to', desc: 'Invoice: shipping address block' }), s.customer, s.shippingAddress) : nothing}
    </div>
    <table class="lines">
      <thead>
        <tr>
          <th scope="col">${msg('SKU', { id: 'print.sku' })}</th>
          <th scope="col">${msg('Product', { id: 'print.product', desc: 'Printed document: column of product names' })}</th>
          <th scope="col">${msg('Variant', { id: 'print.variant', desc: 'Printed document: column of product variants' })}</th>
          <th scope="col" class="num">${msg('Qty', { id: 'print.qty', desc: 'Printed document: quantity column (short)' })}</th>
          <th scope="col" class="num">${msg('Unit price', { id: 'print.unit-price', desc: 'Invoice: column' })}</th>
          <th scope="col" class="num">${msg('Discount', { id: 'print.discount', desc: 'Invoice: column and total row' })}</th>
          <th scope="col" class="num">${msg('Amount', { id: 'print.amount', desc: 'Invoice: line total column' })}</th>
        </tr>
      </thead>
      <tbody>
        ${s.lines.map(
          (l) => html`<tr>
            <td class="code">${l.sku}</td>
            <td>${l.name}</td>
            <td>${variantText(l.variant)}</td>
            <td class="num">${formatCount(l.quantity)}</td>
            <td class="num">${formatMoney(l.unitPrice)}</td>
            <td class="num">${l.discount.amount > 0 ? formatMoney(neg(l.discount)) : '—'}</td>
            <td class="num">${formatMoney(l.total)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        ${totalRow(msg('Subtotal', { id: 'print.subtotal', desc: 'Invoice: total row' }), t.subtotal)}
        ${t.discount.amount > 0 ? totalRow(msg('Discount', { id: 'print.discount', desc: 'Invoice: column and total row' }), neg(t.discount)) : nothing}
        ${totalRow(msg('Delivery fee', { id: 'print.delivery-fee', desc: 'Invoice: total row' }), t.deliveryFee)}
        ${totalRow(msg('Tax', { id: 'print.tax', desc: 'Invoice: total row' }), t.tax)}
        ${totalRow(msg('Total', { id: 'print.total', desc: 'Invoice: total row' }), t.total, true)}
        ${invoice ? totalRow(msg('Paid', { id: 'print.paid', desc: 'Invoice: total row' }), t.paid) : nothing}
        ${invoice && t.refunded.amount > 0 ? totalRow(msg('Refunded', { id: 'print.refunded', desc: 'Invoice: total row' }), t.refunded) : nothing}
        ${invoice ? totalRow(msg('Amount due', { id: 'print.amount-due', desc: 'Invoice: total row, what is still owed' }), t.outstanding, true) : nothing}
      </tfoot>
    </table>
    ${s.note ? html`<p class="note"><strong>${msg('Note', { id: 'print.note', desc: 'Printed document: the order note' })}:</strong> ${s.note}</p>` : nothing}
    ${invoice ? nothing : html`<footer class="signatures"><span>${msg('Packed by', { id: 'print.packed-by', desc: 'Packing slip: signature line' })}</span></footer>`}
  </article>`;
}
