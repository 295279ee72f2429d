/**
 * Localised names of the CSV columns (export checkboxes, import mapping), by column key. The file's
 * own headers stay English (`EXPORT_COLUMNS[].header`) so files compare and re-import across locales.
 * Functions, so `msg()` runs at render time in the locale active then.
 */
import { msg } from '@lit/localize';
import type { ExportColumnKey } from '../../model/csv/columns.js';

/** Column groups, in the order the export form shows them. */
export type ColumnGroup = 'order' | 'customer' | 'shipping' | 'amounts' | 'fulfilment' | 'items';

export const COLUMN_GROUPS: Readonly<Record<ColumnGroup, readonly ExportColumnKey[]>> = {
  order: ['number', 'createdAt', 'updatedAt', 'scheduledAt', 'status', 'paymentStatus', 'fulfillmentStatus', 'channel', 'storeId', 'storeName', 'paymentMethod', 'tags', 'note'],
  customer: ['customerName', 'customerPhone', 'customerEmail'],
  shipping: ['shippingName', 'shippingPhone', 'shippingLine1', 'shippingLine2', 'shippingCity', 'shippingRegion', 'shippingPostalCode', 'shippingCountry'],
  amounts: ['currency', 'subtotal', 'discount', 'deliveryFee', 'tax', 'total', 'paid', 'refunded', 'outstanding', 'expenses', 'expectedRemittance'],
  fulfilment: ['courier', 'trackingNumbers'],
  items: ['sku', 'itemName', 'variant', 'quantity', 'unitPrice', 'itemDiscount', 'lineTotal'],
};

export function columnGroupLabel(group: ColumnGroup): string {
  switch (group) {
    case 'order':
      return msg('Order', { id: 'csv.order', desc: 'CSV: group of order columns' });
    case 'customer':
      return msg('Customer', { id: 'csv.customer', desc: 'CSV: group of customer columns' });
    case 'shipping':
      return msg('Shipping address', { id: 'csv.shipping-address', desc: 'CSV: group of shipping address columns' });
    case 'amounts':
      return msg('Amounts', { id: 'csv.amounts', desc: 'CSV: group of money columns' });
    case 'fulfilment':
      return msg('Shipping', { id: 'csv.shipping', desc: 'CSV: group of courier and tracking columns' });
    case 'items':
      return msg('Items', { id: 'csv.items', desc: 'CSV: group of order line columns' });
  }
}

/** The name of a column as people read it in the current locale. */
export function columnLabel(key: ExportColumnKey): string {
  switch (key) {
    case 'number':
      return msg('Order number', { id: 'csv.order-number', desc: 'CSV column' });
    case 'createdAt':
      return msg('Created at', { id: 'csv.created-at', desc: 'CSV column: when the order was placed' });
    case 'updatedAt':
      return msg('Updated at', { id: 'csv.updated-at', desc: 'CSV column: when the order last changed' });
    case 'scheduledAt':
      return msg('Scheduled at', { id: 'csv.scheduled-at', desc: 'CSV column: scheduled delivery or booking time' });
    case 'status':
      return msg('Status', { id: 'csv.status', desc: 'CSV column: workflow status' });
    case 'paymentStatus':
      return msg('Payment status', { id: 'csv.payment-status', desc: 'CSV column' });
    case 'fulfillmentStatus':
      return msg('Fulfilment status', { id: 'csv.fulfilment-status', desc: 'CSV column' });
    case 'channel':
      return msg('Channel', { id: 'csv.channel', desc: 'CSV column: where the order came from' });
    case 'storeId':
      return msg('Store ID', { id: 'csv.store-id', desc: 'CSV column: the store’s code' });
    case 'storeName':
      return msg('Store name', { id: 'csv.store-name', desc: 'CSV column' });
    case 'customerName':
      return msg('Customer name', { id: 'csv.customer-name', desc: 'CSV column' });
    case 'customerPhone':
      return msg('Customer phone', { id: 'csv.customer-phone', desc: 'CSV column' });
    case 'customerEmail':
      return msg('Customer email', { id: 'csv.customer-email', desc: 'CSV column' });
    case 'shippingName':
      return msg('Recipient name', { id: 'csv.recipient-name', desc: 'CSV column: name on the shipping address' });
    case 'shippingPhone':
      return msg('Recipient phone', { id: 'csv.recipient-phone', desc: 'CSV column: phone on the shipping address' });
    case 'shippingLine1':
      return msg('Address line 1', { id: 'csv.address-line-1', desc: 'CSV column: shipping address' });
    case 'shippingLine2':
      return msg('Address line 2', { id: 'csv.address-line-2', desc: 'CSV column: shipping address' });
    case 'shippingCity':
      return msg('City', { id: 'csv.city', desc: 'CSV column: shipping address' });
    case 'shippingRegion':
      return msg('Region', { id: 'csv.region', desc: 'CSV column: shipping address (province, state)' });
    case 'shippingPostalCode':
      return msg('Postal code', { id: 'csv.postal-code', desc: 'CSV column: shipping address' });
    case 'shippingCountry':
      return msg('Country code', { id: 'csv.country-code', desc: 'CSV column: shipping address, two letters' });
    case 'currency':
      return msg('Currency', { id: 'csv.currency', desc: 'CSV column: ISO currency code' });
    case 'subtotal':
      return msg('Subtotal', { id: 'csv.subtotal', desc: 'CSV column' });
    case 'discount':
      return msg('Order discount', { id: 'csv.order-discount', desc: 'CSV column' });
    case 'deliveryFee':
      return msg('Delivery fee', { id: 'csv.delivery-fee', desc: 'CSV column' });
    case 'tax':
      return msg('Tax', { id: 'csv.tax', desc: 'CSV column' });
    case 'total':
      return msg('Total', { id: 'csv.total', desc: 'CSV column: order total' });
    case 'paid':
      return msg('Paid', { id: 'csv.paid', desc: 'CSV column: money received' });
    case 'refunded':
      return msg('Refunded', { id: 'csv.refunded', desc: 'CSV column: money given back' });
    case 'outstanding':
      return msg('Outstanding', { id: 'csv.outstanding', desc: 'CSV column: amount still due' });
    case 'expenses':
      return msg('Expenses', { id: 'csv.expenses', desc: 'CSV column: costs recorded on the order' });
    case 'expectedRemittance':
      return msg('Expected remittance', { id: 'csv.expected-remittance', desc: 'CSV column: what a delivery agent should hand over' });
    case 'paymentMethod':
      return msg('Payment method', { id: 'csv.payment-method', desc: 'CSV column' });
    case 'courier':
      return msg('Courier', { id: 'csv.courier', desc: 'CSV column' });
    case 'trackingNumbers':
      return msg('Tracking numbers', { id: 'csv.tracking-numbers', desc: 'CSV column' });
    case 'tags':
      return msg('Tags', { id: 'csv.tags', desc: 'CSV column' });
    case 'note':
      return msg('Note', { id: 'csv.note', desc: 'CSV column: the order note' });
    case 'sku':
      return msg('SKU', { id: 'csv.sku', desc: 'CSV column: stock keeping unit' });
    case 'itemName':
      return msg('Item name', { id: 'csv.item-name', desc: 'CSV column' });
    case 'variant':
      return msg('Variant', { id: 'csv.variant', desc: 'CSV column: size, colour…' });
    case 'quantity':
      return msg('Quantity', { id: 'csv.quantity', desc: 'CSV column' });
    case 'unitPrice':
      return msg('Unit price', { id: 'csv.unit-price', desc: 'CSV column' });
    case 'itemDiscount':
      return msg('Item discount', { id: 'csv.item-discount', desc: 'CSV column: discount on one line' });
    case 'lineTotal':
      return msg('Line total', { id: 'csv.line-total', desc: 'CSV column' });
    default:
      return key;
  }
}
