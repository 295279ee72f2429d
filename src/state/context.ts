/**
 * The context an `OrderStore` travels by: provided by `<order-admin>` / `<order-provider>`,
 * consumed through `StoreController`. `Symbol.for` keeps two copies of orderdeck on one page compatible.
 */
import { createContext } from '@lit/context';
import type { OrderStore } from './types.js';

export const orderStoreContext = createContext<OrderStore>(Symbol.for('orderdeck.store'));
