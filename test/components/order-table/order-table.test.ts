import { expect, fixture, fixtureCleanup, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OrderApiError } from '../../../src/api/types.js';
import '../../../src/components/order-provider/define.js';
import { defaultColumns, OrderTable, type SelectionChangeEvent } from '../../../src/components/order-table/define.js';
import type { OrderActionRequestEvent } from '../../../src/components/order-detail/events.js';
import type { OrderOpenEvent } from '../../../src/components/shared/order-open-event.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import type { PresetKey } from '../../../src/model/presets/index.js';
import type { Order, Viewer } from '../../../src/model/types.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, until } from '../../state/backend.js';
import { cellText, focusedCell, focusPosition, grid, listed, openShop as openTableShop, root, rowIndex, rows, type Shop } from './helpers.js';

const admin: Viewer = { id: 'u-table-admin', name: 'Ayu', role: 'admin', storeIds: [] };

const openShop = (count: number, preset: PresetKey = 'online-store'): Promise<Shop> => openTableShop(count, preset, admin, 5);

const headers = (el: OrderTable): string[] =>
  [...root(el).querySelectorAll('.header-row [role="columnheader"]')].slice(1).map((h) => h.textContent?.replace(/[▲▼↕]/g, '').trim() ?? '');


/** Waits until the list has loaded and the table has drawn it (sizes measured, rows synced). */
async function settled(el: OrderTable, store: OrderStore): Promise<void> {
  await until(store, (s) => s.list.total !== undefined && !s.list.loading && !s.counts.loading);
  await nextFrame();
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}


describe('<order-table>', () => {
  let shop: Shop;

  afterEach(async () => {
    fixtureCleanup();
    await shop?.close();
    await setLocale('en');
  });

  async function mount(count = 40, preset: PresetKey = 'online-store', height = 420): Promise<OrderTable> {
    shop = await openShop(count, preset);
    const el = await fixture<OrderTable>(
      html`<order-table .store=${shop.store} .stores=${demoStores} storage-key=${`test:${crypto.randomUUID()}`} style=${`height:${height}px;width:1800px`}></order-table>`,
    );
    await settled(el, shop.store);
    return el;
  }

  it('is registered and shows the first orders of the query as an ARIA grid with row and column counts', async () => {
    expect(customElements.get('order-table')).to.equal(OrderTable);
    const el = await mount(30);
    const total = shop.store.snapshot.list.total as number;
    expect(total).to.be.greaterThan(0);
    const g = grid(el);
    expect(g.getAttribute('aria-label')).to.equal('Orders');
    expect(g.getAttribute('aria-rowcount')).to.equal(String(total + 1));
    expect(g.getAttribute('aria-colcount')).to.equal('11');
    expect(g.getAttribute('aria-multiselectable')).to.equal('true');
    // Channel and Assignee start hidden (the column menu shows them).
    expect(headers(el)).to.deep.equal([
      'Order', 'Date', 'Customer', 'Store', 'Items', 'Total', 'Payment', 'Fulfilment', 'Status', 'Courier',
    ]);
    const shown = rows(el);
    const orders = listed(shop.store);
    expect(shown.length).to.equal(Math.min(total, shown.length));
    expect(rowIndex(shown[0] as HTMLElement)).to.equal(2);
    shown.forEach((row, i) => {
      const order = orders[i] as Order;
      expect(cellText(row, 'number')).to.equal(order.number);
      expect(cellText(row, 'customer')).to.equal(order.customer.name);
      expect(cellText(row, 'store')).to.equal(demoStores.find((s) => s.id === order.storeId)?.name);
    });
    await expect(el).to.be.accessible();
  });

  it('renders only the rows in view plus a few, and shows the last orders when scrolled to the end', async () => {
    const el = await mount(600, 'marketplace');
    const total = shop.store.snapshot.list.total as number;
    expect(total).to.be.greaterThan(200);
    const drawn = root(el).querySelectorAll('.body > [role="row"]').length;
    expect(drawn).to.be.lessThan(30);
    const scroller = grid(el);
    scroller.scrollTop = scroller.scrollHeight;
    await eventually(() => {
      const last = rows(el).at(-1);
      return last !== undefined && rowIndex(last) === total + 1 && cellText(last, 'number') !== '';
    });
    const { list, orders } = shop.store.snapshot;
    const last = rows(el).at(-1) as HTMLElement;
    expect(cellText(last, 'number')).to.equal(orders.get(list.rows.get(total - 1) as string)?.number);
    // The same elements, recycled (plus one that keeps the focused row, row 1, while it is out of view).
    expect(root(el).querySelectorAll('.body > [role="row"]').length).to.be.at.most(drawn + 1);
    await expect(el).to.be.accessible();
  });

  it('sorts by a clicked header: aria-sort, the store query and the row order follow', async () => {
    const el = await mount(40);
    const header = root(el).querySelector('[role="columnheader"].col-customer') as HTMLElement;
    expect(header.getAttribute('aria-sort')).to.equal('none');
    (header.querySelector('button') as HTMLButtonElement).click();
    expect(shop.store.snapshot.query.sort).to.deep.equal({ field: 'customer', direction: 'asc' });
    await settled(el, shop.store);
    expect(header.getAttribute('aria-sort')).to.equal('ascending');
    const names = rows(el).map((r) => cellText(r, 'customer'));
    expect(names).to.deep.equal([...names].sort());
    (header.querySelector('button') as HTMLButtonElement).click();
    await settled(el, shop.store);
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    const reversed = rows(el).map((r) => cellText(r, 'customer'));
    expect(reversed).to.deep.equal([...reversed].sort().reverse());
    expect(root(el).querySelector('[role="columnheader"].col-items')?.hasAttribute('aria-sort')).to.be.false;
  });

  it('selects by checkbox and Shift-click range, shows partial selection in the header, and fires selection-change', async () => {
    const el = await mount(40);
    const shown = rows(el);
    const box = (i: number): HTMLInputElement => (shown[i] as HTMLElement).querySelector('input[type="checkbox"]') as HTMLInputElement;
    const headerBox = root(el).querySelector('.header-row input[type="checkbox"]') as HTMLInputElement;

    let event = oneEvent(el, 'selection-change') as Promise<SelectionChangeEvent>;
    box(1).click();
    expect((await event).detail.count).to.equal(1);
    await el.updateComplete;
    expect(shown[1]?.getAttribute('aria-selected')).to.equal('true');
    expect(shown[1]?.getAttribute('part')).to.equal('row selected');
    expect(box(1).checked).to.be.true;
    expect(headerBox.indeterminate).to.be.true;

    event = oneEvent(el, 'selection-change') as Promise<SelectionChangeEvent>;
    box(4).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }));
    expect((await event).detail.count).to.equal(4);
    await el.updateComplete;
    expect(shown.map((r) => r.getAttribute('aria-selected')).slice(0, 6)).to.deep.equal(['false', 'true', 'true', 'true', 'true', 'false']);
    const ids = listed(shop.store).slice(1, 5).map((o) => o.id);
    expect(shop.store.snapshot.selection).to.deep.include({ mode: 'ids' });
    const selection = shop.store.snapshot.selection;
    expect(selection.mode === 'ids' ? [...selection.ids].sort() : []).to.deep.equal([...ids].sort());
    await expect(el).to.be.accessible();
  });

  it('selects the screen from the header, then offers "Select all N matching" and "Clear selection"', async () => {
    const el = await mount(60);
    const total = shop.store.snapshot.list.total as number;
    const headerBox = root(el).querySelector('.header-row input[type="checkbox"]') as HTMLInputElement;
    headerBox.click();
    await el.updateComplete;
    expect(headerBox.checked).to.be.true;
    expect(headerBox.indeterminate).to.be.false;
    const onScreen = rows(el).filter((r) => r.getBoundingClientRect().top < grid(el).getBoundingClientRect().bottom);
    expect(onScreen.every((r) => r.getAttribute('aria-selected') === 'true')).to.be.true;
    const bar = root(el).querySelector('[part~="selection-bar"]') as HTMLElement;
    const selectAll = [...bar.querySelectorAll('button')].find((b) => b.textContent?.includes('matching')) as HTMLButtonElement;
    expect(selectAll.textContent?.trim()).to.equal(`Select all ${total} matching`);
    await expect(el).to.be.accessible();

    const event = oneEvent(el, 'selection-change') as Promise<SelectionChangeEvent>;
    selectAll.click();
    expect((await event).detail.count).to.equal(total);
    await el.updateComplete;
    expect(shop.store.snapshot.selection.mode).to.equal('all');
    expect(bar.textContent).to.contain(`All ${total} matching orders selected`);

    const clear = [...bar.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Clear selection') as HTMLButtonElement;
    clear.click();
    await el.updateComplete;
    expect(shop.store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set() });
    expect(rows(el).some((r) => r.getAttribute('aria-selected') === 'true')).to.be.false;
    expect(headerBox.checked).to.be.false;
  });

  it('moves focus between cells with the keyboard, as a single tab stop', async () => {
    const el = await mount(300, 'marketplace');
    const total = shop.store.snapshot.list.total as number;
    el.focus();
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([2, 1]);
    const tabStops = (): Element[] =>
      [...root(el).querySelectorAll('[tabindex="0"]')].filter((e) => !e.closest('[hidden]'));
    expect(tabStops()).to.have.length(1);

    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([4, 2]);
    await sendKeys({ press: 'Home' });
    expect(focusPosition(el)).to.deep.equal([4, 0]);
    await sendKeys({ press: 'End' });
    expect(focusPosition(el)).to.deep.equal([4, 10]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focusPosition(el)[1]).to.equal(10);
    expect(focusedCell(el)?.getAttribute('role')).to.equal('columnheader');

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(focusPosition(el)[0]).to.be.greaterThan(8);

    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await eventually(() => focusPosition(el)[0] === total + 1 && cellText(focusedCell(el)?.closest('[role="row"]') as Element, 'number') !== '');
    expect(focusPosition(el)).to.deep.equal([total + 1, 10]);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ up: 'Control' });
    await eventually(() => focusPosition(el)[0] === 2);
    expect(focusPosition(el)).to.deep.equal([2, 0]);
    expect(tabStops()).to.have.length(1);
  });

  it('keeps focus on its row while the list scrolls it out of view, and comes back on the next key', async () => {
    const el = await mount(300, 'marketplace');
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([3, 1]);
    const scroller = grid(el);
    scroller.scrollTop = 4000;
    await nextFrame();
    await el.updateComplete;
    await nextFrame();
    expect(focusPosition(el)).to.deep.equal([3, 1]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([4, 1]);
    expect(scroller.scrollTop).to.be.lessThan(400);
  });

  it('puts the recycled rows back in reading order once scrolling stops', async () => {
    const el = await mount(300, 'marketplace');
    grid(el).scrollTop = 7 * 40 + 13;
    await nextFrame();
    await el.updateComplete;
    const domOrder = (): number[] => [...root(el).querySelectorAll('.body > [role="row"]:not([hidden])')].map(rowIndex);
    await eventually(() => domOrder().every((n, i, all) => i === 0 || n > (all[i - 1] as number)), 2000);
    expect(domOrder()[0]).to.be.lessThan(9);
    expect(domOrder().length).to.be.greaterThan(10);
  });

  it('focuses the row of a given order (coming back from its detail)', async () => {
    const el = await mount(40);
    const target = listed(shop.store)[5] as Order;
    expect(el.focusOrder(target.id)).to.be.true;
    await el.updateComplete;
    const [row] = focusPosition(el);
    expect(row).to.equal(7);
    expect(cellText(focusedCell(el)?.closest('[role="row"]') as Element, 'number')).to.equal(target.number);
    expect(el.focusOrder('no-such-order')).to.be.false;
  });

  it('opens an order with Enter and with a click on its row, and toggles its selection with Space', async () => {
    const el = await mount(30);
    const first = listed(shop.store)[0] as Order;
    el.focus();
    let opened = oneEvent(el, 'order-open') as Promise<OrderOpenEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.orderId).to.equal(first.id);

    const selected = oneEvent(el, 'selection-change') as Promise<SelectionChangeEvent>;
    await sendKeys({ press: 'Space' });
    expect((await selected).detail.count).to.equal(1);
    await el.updateComplete;
    expect(rows(el)[0]?.getAttribute('aria-selected')).to.equal('true');

    const second = listed(shop.store)[1] as Order;
    opened = oneEvent(el, 'order-open') as Promise<OrderOpenEvent>;
    ((rows(el)[1] as HTMLElement).querySelector('.col-customer') as HTMLElement).click();
    expect((await opened).detail.orderId).to.equal(second.id);
  });

  it('enters a cell with controls on Enter or F2 and returns to cell navigation on Escape', async () => {
    const el = await mount(30);
    const statusCol = 9;
    el.focus();
    for (let i = 1; i < statusCol; i++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([2, statusCol]);
    await sendKeys({ press: 'Enter' });
    const button = root(el).activeElement as HTMLElement;
    expect(button.matches('button[data-od-action="status-menu"]')).to.be.true;
    expect(button.getAttribute('tabindex')).to.equal('0');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([2, statusCol]);
    expect((root(el).activeElement as HTMLElement).getAttribute('role')).to.equal('gridcell');
    expect(button.getAttribute('tabindex')).to.equal('-1');
    await sendKeys({ press: 'F2' });
    expect(root(el).activeElement).to.equal(button);
    await sendKeys({ press: 'F2' });
    await el.updateComplete;
    expect((root(el).activeElement as HTMLElement).getAttribute('role')).to.equal('gridcell');
  });

  /** Opens the status menu of the first row whose order has `status`; returns the row and the menu. */
  async function openMenu(el: OrderTable, status: string): Promise<{ row: HTMLElement; order: Order; menu: HTMLElement }> {
    const orders = listed(shop.store);
    const at = orders.findIndex((o) => o.status === status);
    expect(at, `an order in status ${status}`).to.be.greaterThan(-1);
    grid(el).scrollTop = Math.max(0, at - 2) * 40;
    await eventually(() => rows(el).some((r) => rowIndex(r) === at + 2));
    await el.updateComplete;
    const row = rows(el).find((r) => rowIndex(r) === at + 2) as HTMLElement;
    (row.querySelector('[data-od-action="status-menu"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const menu = root(el).querySelector('[part="status-menu"]') as HTMLElement;
    return { row, order: orders[at] as Order, menu };
  }

  /** Waits until the page and the grid have not scrolled for a few frames (a late scroll closes open menus). */
  async function settleScroll(): Promise<void> {
    let quiet = 0;
    const bump = (): void => void (quiet = 0);
    window.addEventListener('scroll', bump, { capture: true });
    try {
      while (quiet < 3) {
        await nextFrame();
        quiet++;
      }
    } finally {
      window.removeEventListener('scroll', bump, { capture: true });
    }
  }

  const items = (menu: HTMLElement): string[] => [...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent?.trim() ?? '');

  it('keeps a focused cell clear of the sticky columns and hangs the status menu from the inline end, in LTR and RTL', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = await mount(40, 'online-store');
      el.style.width = '700px';
      el.dir = dir;
      await el.updateComplete;
      el.focus();
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      const cell = focusedCell(el) as HTMLElement;
      const first = root(el).querySelector('.body > .row:not([hidden]) > .cell:nth-child(2)') as HTMLElement;
      const scroller = grid(el).getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      const pinned = first.getBoundingClientRect();
      expect(box.left, `${dir}: the last cell is inside the grid`).to.be.at.least(scroller.left - 1);
      expect(box.right, `${dir}: the last cell is inside the grid`).to.be.at.most(scroller.right + 1);
      if (dir === 'ltr') expect(box.left).to.be.at.least(pinned.right - 1);
      else expect(box.right).to.be.at.most(pinned.left + 1);

      const { menu, row } = await openMenu(el, 'paid');
      const button = (row.querySelector('[data-od-action="status-menu"]') as HTMLElement).getBoundingClientRect();
      const m = menu.getBoundingClientRect();
      if (dir === 'ltr') expect(Math.abs(m.right - button.right), 'LTR: right edges meet').to.be.below(2);
      else expect(Math.abs(m.left - button.left), 'RTL: left edges meet').to.be.below(2);
      await sendKeys({ press: 'Escape' });
      fixtureCleanup();
      if (dir === 'ltr') await shop.close(); // afterEach closes the last one
    }
  });

  /** Asserts the focused cell is the given column, wholly inside the grid and clear of the pinned columns. */
  function expectFocusedInView(el: OrderTable, key: string, what: string): void {
    const cell = focusedCell(el) as HTMLElement;
    expect(cell?.classList.contains(`col-${key}`), `${what}: the ${key} cell has focus`).to.be.true;
    const scroller = grid(el).getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    expect(box.width, `${what}: the cell has a width`).to.be.above(40);
    expect(box.left, `${what}: inside the grid`).to.be.at.least(scroller.left - 1);
    expect(box.right, `${what}: inside the grid`).to.be.at.most(scroller.right + 1);
    const first = cell.closest('[role="row"]')?.querySelector('.cell:nth-child(2)') as HTMLElement;
    if (first !== cell && getComputedStyle(first).position === 'sticky') {
      const pinned = first.getBoundingClientRect();
      if (getComputedStyle(el).direction === 'rtl') expect(box.right, `${what}: clear of the pinned column`).to.be.at.most(pinned.left + 1);
      else expect(box.left, `${what}: clear of the pinned column`).to.be.at.least(pinned.right - 1);
    }
  }

  it('keeps the focused column, focused and in view, when the table narrows and columns drop, in LTR and RTL', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = await mount(40, 'online-store');
      // The table's own narrowing (priority columns); below card-breakpoint `auto` would draw cards.
      el.layout = 'table';
      el.dir = dir;
      await el.updateComplete;
      el.focus();
      const statusCol = [...root(el).querySelectorAll('.header-row > [data-col]')].findIndex((c) => c.classList.contains('col-status'));
      expect(statusCol, 'the status column is shown at 1800 px').to.be.greaterThan(4);
      for (let i = 1; i < statusCol; i++) await sendKeys({ press: dir === 'ltr' ? 'ArrowRight' : 'ArrowLeft' });
      await el.updateComplete;
      expectFocusedInView(el, 'status', `${dir}, 1800 px`);
      // Narrower: lower-priority columns drop and the status column moves left; focus stays on it.
      el.style.width = '700px';
      await eventually(() => root(el).querySelectorAll('.header-row > [data-col]').length < statusCol);
      await nextFrame();
      await el.updateComplete;
      expectFocusedInView(el, 'status', `${dir}, 700 px`);
      // So narrow that only the columns that never drop are left, and they scroll sideways.
      el.style.width = '300px';
      await eventually(() => root(el).querySelectorAll('.header-row > [data-col]').length === 3);
      await nextFrame();
      await el.updateComplete;
      expect(grid(el).scrollWidth, `${dir}: the rows are wider than the grid`).to.be.above(grid(el).clientWidth);
      expectFocusedInView(el, 'status', `${dir}, 300 px`);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      await sendKeys({ press: dir === 'ltr' ? 'ArrowRight' : 'ArrowLeft' });
      await el.updateComplete;
      expectFocusedInView(el, 'number', `${dir}, 300 px`);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expectFocusedInView(el, 'status', `${dir}, 300 px, End`);
      fixtureCleanup();
      if (dir === 'ltr') await shop.close(); // afterEach closes the last one
    }
  });

  it('binds no style attribute (strict CSP): the layout comes from an adopted sheet and the columns still lay out', async () => {
    const el = await mount(40);
    const styled = (): Element[] => [...root(el).querySelectorAll('[style]')];
    // Rows are positioned through the CSSOM (`el.style.transform`, allowed under style-src 'self');
    // nothing else carries a style attribute, and no template binds one.
    const bound = (): string[] =>
      styled()
        .filter((e) => !(e.matches('.body > .row') && /^transform: translateY\(-?[\d.]+px\);$/.test(e.getAttribute('style') ?? '')))
        .map((e) => `${e.className}: ${e.getAttribute('style')}`);
    expect(bound()).to.deep.equal([]);
    expect(root(el).adoptedStyleSheets.length, 'the layout sheet is adopted').to.be.greaterThan(1);

    // The columns lay out on the fitted tracks: header and row cells line up, side by side, and the
    // pinned first column sits right after the checkbox.
    const header = [...root(el).querySelectorAll<HTMLElement>('.header-row > [data-col]')];
    const row = rows(el)[0] as HTMLElement;
    const cells = [...row.querySelectorAll<HTMLElement>('[data-col]')];
    expect(cells.length).to.equal(header.length);
    expect(header.length, 'every default column at 1800 px').to.equal(11);
    cells.forEach((cell, i) => {
      const a = cell.getBoundingClientRect();
      const h = (header[i] as HTMLElement).getBoundingClientRect();
      expect(Math.abs(a.left - h.left), `column ${i} lines up with its header`).to.be.below(1);
      expect(a.width, `column ${i} has its width`).to.be.above(30);
      if (i > 0) expect(Math.abs(a.left - (cells[i - 1] as HTMLElement).getBoundingClientRect().right), `column ${i} follows column ${i - 1}`).to.be.below(1);
    });
    expect(Math.round(row.getBoundingClientRect().width)).to.equal(grid(el).clientWidth);
    const total = shop.store.snapshot.list.total as number;
    expect((root(el).querySelector('.body') as HTMLElement).offsetHeight, 'the body is as tall as every row').to.equal(total * row.offsetHeight);

    // The status menu is placed by the same sheet, beside its button.
    const { menu, row: menuRow } = await openMenu(el, 'paid');
    expect(menu.hasAttribute('style')).to.be.false;
    const button = (menuRow.querySelector('[data-od-action="status-menu"]') as HTMLElement).getBoundingClientRect();
    const m = menu.getBoundingClientRect();
    expect(Math.abs(m.top - button.bottom), 'the menu hangs below its button').to.be.below(2);
    expect(bound()).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
  });

  it('offers in the status menu only what the workflow allows the viewer, and changes the status inline', async () => {
    const el = await mount(60);
    let { menu } = await openMenu(el, 'paid');
    expect(menu.getAttribute('role')).to.equal('menu');
    expect(items(menu)).to.deep.equal(['Mark as processing', 'Mark as ready for pickup', 'Mark as shipped…', 'Mark as completed', 'Cancel order…']);
    await expect(el).to.be.accessible();
    // (axe scrolls the page, which closes the menu: let its scrolling settle, then open it again.)
    await settleScroll();
    const opened = await openMenu(el, 'paid');
    const { row, order } = opened;
    menu = opened.menu;
    expect(root(el).activeElement).to.equal(menu.querySelector('[role="menuitem"]'));

    await sendKeys({ press: 'ArrowDown' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Mark as ready for pickup');
    await sendKeys({ press: 'ArrowUp' });
    const request = oneEvent(el, 'order-action-request') as Promise<OrderActionRequestEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await request).detail).to.deep.include({ orderId: order.id, action: 'mark-processing' });
    expect(root(el).querySelector('[part="status-menu"]')).to.be.null;
    await eventually(() => shop.spy.count('runAction') === 1 && shop.store.snapshot.inFlight.size === 0);
    await el.updateComplete;
    expect(shop.store.getCached(order.id)?.status).to.equal('processing');
    const shown = rows(el).find((r) => cellText(r, 'number') === order.number) ?? row;
    expect(shown.querySelector('.col-status .status')?.textContent).to.equal('Processing');
  });

  it('hands an action that needs input to the host: order-action-request, then order-open unless cancelled', async () => {
    const el = await mount(60);
    let { order, menu } = await openMenu(el, 'paid');
    const shipped = [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent?.includes('shipped')) as HTMLButtonElement;
    const request = oneEvent(el, 'order-action-request') as Promise<OrderActionRequestEvent>;
    const opened = oneEvent(el, 'order-open') as Promise<OrderOpenEvent>;
    shipped.click();
    expect((await request).detail.action).to.equal('mark-shipped');
    expect((await opened).detail.orderId).to.equal(order.id);

    ({ order, menu } = await openMenu(el, 'paid'));
    const veto = (e: Event): void => e.preventDefault();
    el.addEventListener('order-action-request', veto);
    let openedAgain = false;
    el.addEventListener('order-open', () => (openedAgain = true));
    ([...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent?.trim() === 'Mark as processing') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(openedAgain).to.be.false;
    expect(shop.spy.count('runAction')).to.equal(0);
    expect(shop.store.getCached(order.id)?.status).to.equal('paid');
  });

  it('shows a failed inline action beside its row after the store rolls it back', async () => {
    const el = await mount(60);
    const { order, menu } = await openMenu(el, 'paid');
    shop.spy.failNext('runAction', new OrderApiError({ code: 'refused', message: 'The warehouse has closed for today.' }));
    ([...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent?.trim() === 'Mark as processing') as HTMLButtonElement).click();
    await eventually(() => shop.store.snapshot.errors.length === 1);
    await el.updateComplete;
    const row = rows(el).find((r) => cellText(r, 'number') === order.number) as HTMLElement;
    expect(row.querySelector('.col-status .status')?.textContent).to.equal('Paid');
    expect(row.querySelector('.row-error')?.textContent).to.equal('The warehouse has closed for today.');
    expect(root(el).querySelector('[role="status"]')?.textContent).to.contain('The warehouse has closed for today.');
  });

  it('hides, shows and reorders columns from the column menu, and restores the choice on reload', async () => {
    const el = await mount(20);
    const key = `test-columns:${crypto.randomUUID()}`;
    el.storageKey = key;
    await el.updateComplete;
    (root(el).querySelector('[part="column-menu-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const menu = root(el).querySelector('[part="column-menu"]') as HTMLElement;
    expect(root(el).activeElement?.closest('[part="column-menu"]')).to.equal(menu);
    const item = (k: string): HTMLElement => menu.querySelector(`li[data-key="${k}"]`) as HTMLElement;
    expect(headers(el), 'hidden by default').not.to.include('Channel');
    (item('channel').querySelector('input') as HTMLInputElement).click();
    (item('store').querySelector('input') as HTMLInputElement).click();
    await el.updateComplete;
    expect(headers(el)).to.include('Channel');
    expect(headers(el)).not.to.include('Store');
    (item('total').querySelector('[data-control="up"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(item('total').querySelector('[data-control="up"]'));
    expect(headers(el).slice(4, 6)).to.deep.equal(['Total', 'Items']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('[part="column-menu"]')).to.be.null;
    expect(root(el).activeElement).to.equal(root(el).querySelector('[part="column-menu-button"]'));

    const saved = JSON.parse(localStorage.getItem(`${key}:${admin.id}:online-store`) as string) as { hidden: string[] };
    expect(saved.hidden).to.deep.equal(['store', 'assignee']);
    const again = await fixture<OrderTable>(html`<order-table .store=${shop.store} storage-key=${key} style="height:300px"></order-table>`);
    await settled(again, shop.store);
    expect(headers(again)).to.deep.equal(headers(el));
    localStorage.removeItem(`${key}:${admin.id}:online-store`);
  });

  it('renders custom columns and replacement renderers', async () => {
    const el = await mount(20);
    el.columns = [
      ...defaultColumns().filter((c) => ['number', 'customer'].includes(c.key)),
      { key: 'phone', header: 'Phone', renderer: (o) => o.customer.phone ?? '—', width: '160px' },
    ];
    el.renderers = { customer: (o) => html`<strong class="shout">${o.customer.name.toUpperCase()}</strong>` };
    await el.updateComplete;
    expect(headers(el)).to.deep.equal(['Order', 'Customer', 'Phone']);
    expect(grid(el).getAttribute('aria-colcount')).to.equal('4');
    const first = listed(shop.store)[0] as Order;
    const row = rows(el)[0] as HTMLElement;
    expect(row.querySelector('.col-customer .shout')?.textContent).to.equal(first.customer.name.toUpperCase());
    expect(cellText(row, 'phone')).to.equal(first.customer.phone ?? '—');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state (replaceable through its slot) when nothing matches', async () => {
    const el = await mount(20);
    shop.store.setQuery({ search: 'no order is called this' });
    await settled(el, shop.store);
    const empty = root(el).querySelector('[part="empty-state"]') as HTMLElement;
    expect(empty.textContent).to.contain('No orders match');
    expect(rows(el)).to.have.length(0);
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('1');
    await expect(el).to.be.accessible();
    const custom = document.createElement('p');
    custom.slot = 'empty';
    custom.textContent = 'Nothing here yet';
    el.append(custom);
    expect((empty.querySelector('slot') as HTMLSlotElement).assignedElements()).to.deep.equal([custom]);
  });

  it('shows the error state when the list fails to load, and Retry loads it', async () => {
    shop = await openShop(20);
    shop.spy.failNext('listOrders', new OrderApiError({ code: 'network', message: 'The connection dropped.' }));
    const el = await fixture<OrderTable>(html`<order-table .store=${shop.store} style="height:400px"></order-table>`);
    await until(shop.store, (s) => s.list.error !== undefined);
    await el.updateComplete;
    const error = root(el).querySelector('[part="error-state"]') as HTMLElement;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The connection dropped.');
    await expect(el).to.be.accessible();
    (error.querySelector('button') as HTMLButtonElement).click();
    await settled(el, shop.store);
    expect(root(el).querySelector('[part="error-state"]')).to.be.null;
    expect(rows(el).length).to.be.greaterThan(0);
  });

  it('shows placeholder rows until the rows in view are loaded', async () => {
    const el = await mount(600, 'marketplace');
    const gate = shop.spy.hold('listOrders');
    grid(el).scrollTop = 8000;
    await gate.entered;
    await nextFrame();
    await el.updateComplete;
    const placeholders = rows(el).filter((r) => r.getAttribute('part') === 'row placeholder');
    expect(placeholders.length).to.be.greaterThan(5);
    expect(placeholders[0]?.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    gate.release();
    await eventually(() => rows(el).every((r) => r.getAttribute('part') !== 'row placeholder'));
  });

  it('works from a store given by <order-provider> context', async () => {
    shop = await openShop(20);
    const provider = await fixture(html`<order-provider .store=${shop.store}><order-table style="height:300px"></order-table></order-provider>`);
    const el = provider.querySelector('order-table') as OrderTable;
    await settled(el, shop.store);
    expect(cellText(rows(el)[0] as HTMLElement, 'number')).to.equal(listed(shop.store)[0]?.number);
  });

  it('speaks Indonesian: headers, workflow statuses and derived statuses', async () => {
    const el = await mount(30);
    await setLocale('id');
    await el.updateComplete;
    expect(headers(el)).to.include('Pelanggan');
    const orders = listed(shop.store);
    const paid = rows(el).findIndex((_, i) => orders[i]?.status === 'paid');
    expect(paid).to.be.greaterThan(-1);
    expect((rows(el)[paid] as HTMLElement).querySelector('.col-status .status')?.textContent).to.equal('Dibayar');
    await expect(el).to.be.accessible();
  });
});
