/**
 * Registers every orderdeck element: `import 'orderdeck/define.js'`. A tag that is already defined
 * (by the host or another copy of orderdeck) is skipped with a warning. Add each element's define module here.
 */
import './components/order-provider/define.js';
