/**
 * The sales channels the toolbar's channel filter offers by default. Their names come from the
 * shared order vocabulary (`channelLabel` in ../shared/order-labels.ts).
 */

/** Every known channel, in the order the filter lists them. */
export const DEFAULT_CHANNELS: readonly string[] = ['online', 'pos', 'shopee', 'lazada', 'tiktok', 'phone', 'walk-in', 'whatsapp'];
