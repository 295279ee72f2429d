/**
 * The evaluation page (DESIGN.md §2): registers the library's elements and mounts the demo shell,
 * which runs on the embedded IndexedDB engine with seeded orders.
 */
import '../src/define.js';
import './demo-app.js';

document.querySelector('#demo')?.replaceChildren(document.createElement('demo-app'));
