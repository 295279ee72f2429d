/**
 * Localised names of the import fields (the mapping form) and of the tracking file's fields. Order
 * fields share the export's column names; functions, so `msg()` runs at render time.
 */
import { msg } from '@lit/localize';
import type { ImportFieldKey, TrackingFieldKey } from '../../model/csv/fields.js';
import { columnLabel } from '../order-export/column-labels.js';

export function importFieldLabel(key: ImportFieldKey): string {
  if (key === 'store') return msg('Store', { id: 'csv.store', desc: 'CSV import field: the store, by id or name' });
  return columnLabel(key);
}

export function trackingFieldLabel(key: TrackingFieldKey): string {
  switch (key) {
    case 'number':
      return columnLabel('number');
    case 'courier':
      return columnLabel('courier');
    case 'trackingNumber':
      return msg('Tracking number', { id: 'csv.tracking-number', desc: 'CSV import field: one shipment’s tracking number' });
    case 'trackingUrl':
      return msg('Tracking link', { id: 'csv.tracking-link', desc: 'CSV import field: the courier’s tracking page' });
  }
}
