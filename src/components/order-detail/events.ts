/** The action events `<order-detail>` fires; they live in shared/ because the table and other views fire them too. */
export {
  OrderActionEvent,
  OrderActionRequestEvent,
  type OrderActionDetail,
  type OrderActionRequestDetail,
} from '../shared/order-action-events.js';
