/**
 * What an import reads: the fields of an order file and of a courier tracking file, each with the
 * header the template and the export write and the synonyms other tools and people use (English,
 * Indonesian and Malay), plus header auto-matching into an editable column mapping.
 */
import { normalizeKey } from './values.js';

/** One field an import can read from a column. */
export interface FieldSpec<K extends string = string> {
  readonly key: K;
  /** The header the template and the export write (English; stable across locales). */
  readonly header: string;
  /** Other headers that mean the same, best first; matched case-, space- and punctuation-insensitively. */
  readonly synonyms: readonly string[];
  /** A column must be mapped to it (more may be required by the import context). */
  readonly required: boolean;
  /** Where the field belongs (for grouping a mapping form). */
  readonly group: 'order' | 'customer' | 'shipping' | 'items' | 'amounts' | 'tracking';
}

/** Field key → index of the file column it is read from; absent fields are not imported. */
export type ColumnMapping<K extends string = string> = Readonly<Partial<Record<K, number>>>;

export type ImportFieldKey =
  | 'number'
  | 'store'
  | 'channel'
  | 'currency'
  | 'paymentMethod'
  | 'scheduledAt'
  | 'tags'
  | 'note'
  | 'customerName'
  | 'customerPhone'
  | 'customerEmail'
  | 'shippingName'
  | 'shippingPhone'
  | 'shippingLine1'
  | 'shippingLine2'
  | 'shippingCity'
  | 'shippingRegion'
  | 'shippingPostalCode'
  | 'shippingCountry'
  | 'sku'
  | 'itemName'
  | 'variant'
  | 'quantity'
  | 'unitPrice'
  | 'itemDiscount'
  | 'discount'
  | 'deliveryFee'
  | 'tax';

export type TrackingFieldKey = 'number' | 'courier' | 'trackingNumber' | 'trackingUrl';

const ORDER_NUMBER_SYNONYMS = [
  'Order no',
  'Order #',
  'Order ID',
  'Order reference',
  'Order',
  'Reference',
  'Nomor pesanan',
  'No pesanan',
  'No. pesanan',
  'Nomor order',
  'No order',
  'ID pesanan',
  'Kode pesanan',
  'Nomor invoice',
  'No invoice',
  'Invoice',
];

/**
 * Malay (Malaysia) headers, tried before the field's other synonyms: a Malaysian file says "Kuantiti"
 * for the quantity and "Jumlah" for the total, where Indonesian "Jumlah" is a quantity. Only headers no
 * other field uses; the English and Indonesian ones that Malay shares (Alamat, Negara…) are already listed.
 */
const MALAY_SYNONYMS: Readonly<Partial<Record<ImportFieldKey | TrackingFieldKey, readonly string[]>>> = {
  number: ['Nombor pesanan', 'Nombor invois', 'No invois'],
  store: ['Kedai', 'Nama kedai', 'ID kedai', 'Cawangan'],
  channel: ['Saluran jualan'],
  currency: ['Mata wang'],
  paymentMethod: ['Kaedah bayaran', 'Kaedah pembayaran', 'Bayaran'],
  scheduledAt: ['Tarikh penghantaran', 'Jadual penghantaran', 'Dijadualkan pada'],
  note: ['Nota', 'Nota pesanan'],
  customerPhone: ['Telefon pelanggan', 'Telefon', 'No telefon', 'Nombor telefon', 'No. telefon bimbit'],
  customerEmail: ['E-mel pelanggan', 'E-mel'],
  shippingPhone: ['Telefon penerima', 'Nombor telefon penerima'],
  shippingLine1: ['Alamat penghantaran', 'Alamat baris 1'],
  shippingLine2: ['Alamat baris 2'],
  shippingCity: ['Bandar'],
  shippingRegion: ['Negeri'],
  shippingPostalCode: ['Poskod'],
  quantity: ['Kuantiti'],
  unitPrice: ['Harga seunit', 'Harga unit'],
  itemDiscount: ['Diskaun item', 'Diskaun produk'],
  discount: ['Diskaun pesanan', 'Diskaun'],
  deliveryFee: ['Caj penghantaran', 'Kos penghantaran', 'Yuran penghantaran', 'Caj pos'],
  tax: ['Cukai', 'SST'],
  courier: ['Kurier', 'Syarikat kurier', 'Perkhidmatan kurier'],
  trackingNumber: ['Nombor penjejakan', 'No penjejakan', 'Nombor tracking', 'No tracking', 'Nombor konsainan'],
  trackingUrl: ['Pautan penjejakan', 'Pautan'],
};

const field = <K extends ImportFieldKey | TrackingFieldKey>(
  key: K,
  header: string,
  group: FieldSpec['group'],
  synonyms: readonly string[],
  required = false,
): FieldSpec<K> => ({ key, header, group, synonyms: [...(MALAY_SYNONYMS[key] ?? []), ...synonyms], required });

/** The fields of an order import, in template order. Required: order number, customer name, SKU, quantity. */
export const IMPORT_FIELDS: readonly FieldSpec<ImportFieldKey>[] = [
  field('number', 'Order number', 'order', ORDER_NUMBER_SYNONYMS, true),
  field('store', 'Store ID', 'order', ['Store', 'Store name', 'Shop', 'Shop name', 'Outlet', 'Toko', 'ID toko', 'Nama toko', 'Gerai']),
  field('channel', 'Channel', 'order', ['Sales channel', 'Source', 'Saluran', 'Kanal', 'Saluran penjualan', 'Sumber']),
  field('currency', 'Currency', 'order', ['Currency code', 'Mata uang']),
  field('paymentMethod', 'Payment method', 'order', ['Payment', 'Payment type', 'Metode pembayaran', 'Cara bayar', 'Pembayaran']),
  field('scheduledAt', 'Scheduled at', 'order', ['Scheduled date', 'Delivery date', 'Schedule', 'Jadwal', 'Jadwal pengiriman', 'Tanggal pengiriman', 'Tanggal kirim']),
  field('tags', 'Tags', 'order', ['Tag', 'Labels', 'Label']),
  field('note', 'Note', 'order', ['Notes', 'Order note', 'Remarks', 'Catatan', 'Catatan pesanan', 'Keterangan']),
  field('customerName', 'Customer name', 'customer', ['Customer', 'Buyer name', 'Buyer', 'Billing name', 'Nama pelanggan', 'Pelanggan', 'Nama pembeli', 'Pembeli', 'Nama customer', 'Name', 'Nama'], true),
  field('customerPhone', 'Customer phone', 'customer', ['Phone', 'Phone number', 'Mobile', 'Buyer phone', 'Telepon pelanggan', 'Telepon', 'No telepon', 'Nomor telepon', 'Nomor HP', 'No HP', 'HP', 'Nomor WhatsApp', 'No WA']),
  field('customerEmail', 'Customer email', 'customer', ['Email', 'E-mail', 'Buyer email', 'Email pelanggan', 'Surel']),
  field('shippingName', 'Shipping name', 'shipping', ['Ship to name', 'Ship to', 'Recipient name', 'Recipient', 'Nama penerima', 'Penerima']),
  field('shippingPhone', 'Shipping phone', 'shipping', ['Recipient phone', 'Telepon penerima', 'No HP penerima', 'Nomor telepon penerima']),
  field('shippingLine1', 'Shipping address line 1', 'shipping', ['Shipping address', 'Shipping street', 'Address line 1', 'Address 1', 'Address', 'Street', 'Alamat pengiriman', 'Alamat 1', 'Alamat lengkap', 'Alamat']),
  field('shippingLine2', 'Shipping address line 2', 'shipping', ['Address line 2', 'Address 2', 'Alamat 2']),
  field('shippingCity', 'Shipping city', 'shipping', ['City', 'Town', 'Kota', 'Kota/Kabupaten', 'Kabupaten']),
  field('shippingRegion', 'Shipping region', 'shipping', ['Region', 'State', 'Province', 'Provinsi']),
  field('shippingPostalCode', 'Shipping postal code', 'shipping', ['Postal code', 'Postcode', 'Zip code', 'Zip', 'Kode pos']),
  field('shippingCountry', 'Shipping country', 'shipping', ['Country code', 'Country', 'Kode negara', 'Negara']),
  field('sku', 'SKU', 'items', ['Item SKU', 'Product SKU', 'Variant SKU', 'Lineitem sku', 'SKU produk', 'Kode SKU', 'Kode produk', 'Kode barang'], true),
  field('itemName', 'Item name', 'items', ['Product name', 'Product', 'Item', 'Lineitem name', 'Nama produk', 'Produk', 'Nama barang', 'Barang', 'Nama item']),
  field('variant', 'Variant', 'items', ['Variation', 'Option', 'Varian', 'Variasi', 'Nama variasi']),
  field('quantity', 'Quantity', 'items', ['Qty', 'Lineitem quantity', 'Jumlah', 'Kuantitas', 'Jumlah produk', 'Jml'], true),
  field('unitPrice', 'Unit price', 'items', ['Price', 'Item price', 'Lineitem price', 'Harga satuan', 'Harga', 'Harga produk', 'Harga barang']),
  field('itemDiscount', 'Item discount', 'items', ['Line discount', 'Lineitem discount', 'Diskon produk', 'Diskon item']),
  field('discount', 'Discount', 'amounts', ['Order discount', 'Discount amount', 'Diskon pesanan', 'Diskon', 'Potongan']),
  field('deliveryFee', 'Delivery fee', 'amounts', ['Shipping fee', 'Shipping cost', 'Shipping', 'Delivery', 'Ongkir', 'Ongkos kirim', 'Biaya kirim', 'Biaya pengiriman']),
  field('tax', 'Tax', 'amounts', ['Taxes', 'VAT', 'GST', 'Pajak', 'PPN']),
];

/** The fields of a courier tracking file. Required: order number, courier, tracking number. */
export const TRACKING_FIELDS: readonly FieldSpec<TrackingFieldKey>[] = [
  field('number', 'Order number', 'tracking', ORDER_NUMBER_SYNONYMS, true),
  field('courier', 'Courier', 'tracking', ['Carrier', 'Shipping provider', 'Shipping company', 'Logistics', 'Kurir', 'Ekspedisi', 'Jasa kirim', 'Jasa pengiriman'], true),
  field(
    'trackingNumber',
    'Tracking number',
    'tracking',
    ['Tracking numbers', 'Tracking no', 'Tracking ID', 'Tracking code', 'Tracking', 'AWB', 'Air waybill', 'Waybill', 'Nomor resi', 'No resi', 'No. resi', 'Resi', 'Kode resi'],
    true,
  ),
  field('trackingUrl', 'Tracking URL', 'tracking', ['Tracking link', 'Link', 'URL', 'Link lacak', 'Link pelacakan', 'URL pelacakan']),
];

/** The header text as matching sees it (see `normalizeKey`). */
export const normalizeHeader = normalizeKey;

/**
 * Matches file headers to fields. Every field's own header is tried first (so "Store" goes to the
 * store field, not to something that lists it as a fourth synonym), then every field's first synonym,
 * then the second, and so on; a column is used once. Unmatched columns are simply not imported.
 */
export function autoMatch<K extends string>(headers: readonly string[], fields: readonly FieldSpec<K>[]): ColumnMapping<K> {
  const normalized = headers.map(normalizeKey);
  const used = new Set<number>();
  const mapping: Partial<Record<K, number>> = {};
  const rounds = Math.max(0, ...fields.map((f) => f.synonyms.length)) + 1;
  for (let round = 0; round < rounds; round++) {
    for (const f of fields) {
      if (mapping[f.key] !== undefined) continue;
      const name = round === 0 ? f.header : f.synonyms[round - 1];
      if (name === undefined) continue;
      const wanted = normalizeKey(name);
      const index = normalized.findIndex((h, i) => h === wanted && h !== '' && !used.has(i));
      if (index >= 0) {
        mapping[f.key] = index;
        used.add(index);
      }
    }
  }
  return mapping;
}

/** The required fields no column is mapped to. */
export function unmappedRequired<K extends string>(mapping: ColumnMapping<K>, fields: readonly FieldSpec<K>[]): K[] {
  return fields.filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.key);
}
