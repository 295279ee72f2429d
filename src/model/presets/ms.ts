/**
 * Malay (Bahasa Melayu, as used in Malaysia) for the text the presets carry (status, tab and action
 * labels, status descriptions), keyed by the English text. The presets keep writing `t('English',
 * 'Indonesian')`; `textIn` (workflow/text.ts) looks Malay up here when a text has no `ms` of its own,
 * so a workflow saved before Malay existed, or sent by a backend, reads in Malay too. A label added to
 * a preset without an entry here shows in English, and test/i18n/locale-completeness.test.ts names it.
 * Wording follows Malaysian sellers' tools (Shopee/Lazada Seller Centre in Malay, Pos Malaysia):
 * penghantaran, bayaran, kurier, dibatalkan, bayaran balik.
 */
export const ms: Readonly<Record<string, string>> = {
  // Shared actions (shared.ts)
  'Add note': 'Tambah nota',
  Archive: 'Arkibkan',
  Unarchive: 'Keluarkan daripada arkib',
  'Courier update': 'Kemas kini kurier',
  Refund: 'Bayaran balik',
  'Update tracking': 'Kemas kini penjejakan',
  'Record print': 'Rekod cetakan',

  // confirm-first
  'Confirm first': 'Sahkan dahulu',
  'New order': 'Pesanan baharu',
  'Waiting for staff to confirm stock.': 'Menunggu kakitangan mengesahkan stok.',
  'Awaiting payment': 'Menunggu bayaran',
  'Confirmed; the customer pays or cancels.': 'Telah disahkan; pelanggan membayar atau membatalkan.',
  'Ready to process': 'Sedia untuk diproses',
  'Paid: prepare it and book a courier.': 'Telah dibayar: sediakan dan tempah kurier.',
  'Finding a courier': 'Mencari kurier',
  'Courier booked; waiting for pick-up.': 'Kurier telah ditempah; menunggu pengambilan.',
  'In delivery': 'Dalam penghantaran',
  'Picked up; moves on by itself with the courier.': 'Telah diambil; dikemas kini sendiri mengikut kurier.',
  Completed: 'Selesai',
  Cancelled: 'Dibatalkan',
  'All in stock': 'Semua ada stok',
  'Some out of stock': 'Sebahagian kehabisan stok',
  'Reject order': 'Tolak pesanan',
  'Customer paid': 'Pelanggan telah membayar',
  'Confirm payment': 'Sahkan bayaran',
  'Cancelled by customer': 'Dibatalkan oleh pelanggan',
  'Cancel order': 'Batalkan pesanan',
  'Book courier': 'Tempah kurier',
  All: 'Semua',

  // online-store
  'Online store + POS': 'Kedai dalam talian + POS',
  'Pending payment': 'Menunggu bayaran',
  Paid: 'Dibayar',
  Processing: 'Sedang diproses',
  'Ready for pickup': 'Sedia untuk diambil',
  Shipped: 'Dihantar',
  Delivered: 'Diterima',
  Refunded: 'Dibayar balik',
  'Payment received': 'Bayaran diterima',
  'Take payment': 'Terima bayaran',
  'Mark as processing': 'Tandakan sedang diproses',
  'Mark as ready for pickup': 'Tandakan sedia untuk diambil',
  'Mark as shipped': 'Tandakan dihantar',
  'Mark as delivered': 'Tandakan diterima',
  'Mark as completed': 'Tandakan selesai',
  Online: 'Dalam talian',
  'In store': 'Di kedai',
  'To fulfil': 'Perlu dipenuhi',
  'Cancelled & refunded': 'Dibatalkan & dibayar balik',

  // payment-fulfillment (seed 002, the Malaysian storefront builder)
  'Payment & fulfilment': 'Bayaran & pemenuhan',
  Open: 'Aktif',
  Closed: 'Ditutup',
  'Mark as paid': 'Tandakan sudah dibayar',
  'Create shipment': 'Cipta penghantaran',
  Fulfill: 'Penuhi pesanan',
  Complete: 'Selesaikan',
  Reschedule: 'Jadual semula',
  Unpaid: 'Belum dibayar',
  Unfulfilled: 'Belum dipenuhi',
  Archived: 'Diarkibkan',

  // marketplace
  'Marketplace hub': 'Hab marketplace',
  'Placed but not yet paid by the buyer.': 'Telah dipesan tetapi belum dibayar oleh pembeli.',
  'New Order': 'Pesanan Baharu',
  'Paid and ready to be processed.': 'Telah dibayar dan sedia untuk diproses.',
  'To Process': 'Untuk Diproses',
  'Packed, waiting to be shipped.': 'Telah dibungkus, menunggu untuk dihantar.',
  'To Ship': 'Untuk Dihantar',
  'Ready for courier handover.': 'Sedia untuk diserahkan kepada kurier.',
  'To Cancel': 'Untuk Dibatalkan',
  'The buyer asked to cancel; waiting for your decision.': 'Pembeli meminta pembatalan; menunggu keputusan anda.',
  'To Return': 'Untuk Dipulangkan',
  'The buyer asked to return items.': 'Pembeli meminta untuk memulangkan item.',
  Returned: 'Dipulangkan',
  'Delivery failed': 'Penghantaran gagal',
  'Paid on marketplace': 'Dibayar di marketplace',
  'Cancelled by marketplace': 'Dibatalkan oleh marketplace',
  Pack: 'Bungkus',
  'Hand over to courier': 'Serahkan kepada kurier',
  'Self deliver': 'Hantar sendiri',
  'Self Deliver': 'Hantar Sendiri',
  'Mark as Delivered': 'Tandakan Diterima',
  'Buyer requests cancellation': 'Pembeli meminta pembatalan',
  'Approve cancellation': 'Luluskan pembatalan',
  'Decline cancellation': 'Tolak pembatalan',
  'Buyer requests return': 'Pembeli meminta pemulangan',
  'Approve return': 'Luluskan pemulangan',
  'Decline return': 'Tolak pemulangan',
  'Return received': 'Pemulangan diterima',
  'Refunded by marketplace': 'Dibayar balik oleh marketplace',
  'Post Order': 'Pos Pesanan',
  'Posting result': 'Keputusan pengeposan',
  Others: 'Lain-lain',

  // cod-delivery
  'Cash on delivery': 'Tunai semasa penghantaran (COD)',
  Pending: 'Menunggu',
  'Newly created, awaiting processing.': 'Baru dicipta, menunggu untuk diproses.',
  'Being prepared for delivery.': 'Sedang disediakan untuk penghantaran.',
  'In Transit': 'Dalam Transit',
  'Out for delivery.': 'Keluar untuk penghantaran.',
  Failed: 'Gagal',
  'Delivery unsuccessful.': 'Penghantaran tidak berjaya.',
  'Update status': 'Kemas kini status',
  'Assign CSR': 'Tugaskan CSR',
  'Assign agent': 'Tugaskan ejen',
  'Send out': 'Hantar keluar',
  'Record payment': 'Rekod bayaran',
  'Record expense': 'Rekod perbelanjaan',
  'Change delivery date': 'Tukar tarikh penghantaran',
  Delete: 'Padam',
  Restore: 'Pulihkan',
  'Failed / Cancelled': 'Gagal / Dibatalkan',
  Deleted: 'Dipadam',
};

/**
 * Where one English text needs two Malay ones, the Indonesian text tells them apart: keyed by
 * `English` + newline + `Indonesian`, looked up before `ms`.
 */
export const msInContext: Readonly<Record<string, string>> = {
  // marketplace's action (Shopee's "Arrange shipment"), beside its status "To Ship" / "Untuk Dihantar".
  'To Ship\nAtur pengiriman': 'Atur Penghantaran',
};
