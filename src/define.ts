/**
 * Registers every orderdeck element: `import 'orderdeck/define.js'`. A tag that is already defined
 * (by the host or another copy of orderdeck) is skipped with a warning. Add each element's define module here.
 */
import './components/order-provider/define.js';
import './components/status-tabs/define.js';
import './components/order-toolbar/define.js';
import './components/order-notifications/define.js';
import './components/shipment-form/define.js';
import './components/bulk-action-bar/define.js';
import './components/order-admin/define.js';
import './components/order-table/define.js';
import './components/order-action-dialog/define.js';
import './components/order-detail/define.js';
import './components/order-calendar/define.js';
import './components/order-shipments/define.js';
import './components/order-payments/define.js';
import './components/order-export/define.js';
import './components/order-import/define.js';
import './components/posting-history/define.js';
import './components/order-toasts/define.js';
import './components/scan-to-ship/define.js';
import './components/order-form/define.js';
import './components/order-print/define.js';
import './components/print-menu/define.js';
import './components/workflow-settings/define.js';
import './components/shipment-detail/define.js';
