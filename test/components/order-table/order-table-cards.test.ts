/**
 * Card mode of `<order-table>` (issue 12, rule 3: narrower, the table degrades deliberately —
 * priority columns, then cards). The switch follows the table's own width (its ResizeObserver), not
 * the viewport's; `layout` forces either layout.
 */
import { expect, fixture, fixtureCleanup, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CARD_BREAKPOINT, OrderTable, type SelectionChangeEvent } from '../../../src/components/order-table/define.js';
import type { OrderActionRequestEvent } from '../../../src/components/order-detail/events.js';
import type { OrderOpenEvent } from '../../../src/components/shared/order-open-event.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import type { PresetKey } from '../../../src/model/presets/index.js';
import type { Order, Viewer } from '../../../src/model/types.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, until } from '../../state/backend.js';
import { cellText, focusedCell, focusPosition, grid, listed, openShop as openTableShop, root, rowIndex, rows, type Shop } from './helpers.js';

const admin: Viewer = { id: 'u-cards-admin', name: 'Ayu', role: 'admin', storeIds: [] };

const openShop = (count: number, preset: PresetKey): Promise<Shop> => openTableShop(count, preset, admin, 7);


/** Two frames and updates: the ResizeObserver has measured and the table has drawn what it measured. */
async function frames(el: OrderTable): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await nextFrame();
    await el.updateComplete;
  }
}

async function settled(el: OrderTable, store: OrderStore): Promise<void> {
  await until(store, (s) => s.list.total !== undefined && !s.list.loading && !s.counts.loading);
  await frames(el);
}

const isCards = (el: OrderTable): boolean =>
  el.cardMode && (root(el).querySelector('.frame')?.classList.contains('cards') ?? false) && rows(el).every((r) => (r.getAttribute('part') ?? '').split(' ').includes('card'));
const isTable = (el: OrderTable): boolean =>
  !el.cardMode && !root(el).querySelector('.frame')?.classList.contains('cards') && rows(el).every((r) => !(r.getAttribute('part') ?? '').split(' ').includes('card'));

/** Resizes the element (not the viewport) and waits for its observer and the redraw. */
async function resize(el: OrderTable, width: number): Promise<void> {
  el.style.width = `${width}px`;
  await frames(el);
}

/** True when `inner` lies wholly inside `outer` (1 px slack for rounding). */
function inside(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

describe('<order-table> card mode', () => {
  let shop: Shop;

  afterEach(async () => {
    fixtureCleanup();
    await shop?.close();
    await setLocale('en');
  });

  async function mount(width: number, preset: PresetKey = 'online-store', count = 60, layout = 'auto'): Promise<OrderTable> {
    shop = await openShop(count, preset);
    // The viewport stays as it is: only the element's own width decides.
    const el = await fixture<OrderTable>(
      html`<order-table .store=${shop.store} .stores=${demoStores} layout=${layout} storage-key=${`test:${crypto.randomUUID()}`} style=${`height:600px;width:${width}px`}></order-table>`,
    );
    await settled(el, shop.store);
    return el;
  }

  it('switches to cards below card-breakpoint (the element’s width, not the viewport’s) and back when resized', async () => {
    expect(CARD_BREAKPOINT).to.equal(840);
    const el = await mount(1000);
    expect(el.layout).to.equal('auto');
    expect(el.cardBreakpoint).to.equal(CARD_BREAKPOINT);
    expect(isTable(el)).to.be.true;
    expect(rows(el)[0]?.offsetHeight).to.equal(40);

    await resize(el, 600);
    await eventually(() => isCards(el));
    const first = rows(el)[0] as HTMLElement;
    const order = listed(shop.store)[0] as Order;
    expect(cellText(first, 'number')).to.equal(order.number);
    // The other visible columns as labelled lines: the column header is the label.
    const labels = [...first.querySelectorAll('[part~="card-label"]')].map((l) => l.getAttribute('data-label'));
    expect(labels).to.deep.equal(['Date', 'Customer', 'Store', 'Items', 'Total', 'Payment', 'Fulfilment', 'Courier']);
    const customer = first.querySelector('.col-customer') as HTMLElement;
    expect(customer.getAttribute('part')).to.equal('cell card-field');
    expect(customer.querySelector('.card-value')?.textContent?.trim()).to.equal(order.customer.name);
    // The label is drawn (and read) from the header; the cell's text is its value, as in the table.
    expect(getComputedStyle(customer.querySelector('[part~="card-label"]') as Element, '::before').content).to.equal('"Customer:"');
    expect(cellText(first, 'customer')).to.equal(order.customer.name);
    expect((customer.querySelector('[part~="card-label"]') as HTMLElement).offsetWidth).to.be.greaterThan(20);
    // Every card has the same height, taller than a table row, and the windowing uses it.
    const heights = new Set(rows(el).map((r) => r.offsetHeight));
    expect(heights.size).to.equal(1);
    const height = [...heights][0] as number;
    expect(height).to.be.greaterThan(100);
    expect(rows(el)[1]!.getBoundingClientRect().top - first.getBoundingClientRect().top).to.be.closeTo(height, 1);
    // Only the header's checkbox is shown; nothing is wider than the table.
    const shownHeaders = [...root(el).querySelectorAll<HTMLElement>('.header-row [role="columnheader"]')].filter((h) => h.offsetWidth > 0);
    expect(shownHeaders).to.have.length(1);
    expect(grid(el).scrollWidth).to.be.at.most(grid(el).clientWidth);

    // A host's breakpoint below the width: the table again.
    el.cardBreakpoint = 500;
    await frames(el);
    await eventually(() => isTable(el));

    el.cardBreakpoint = CARD_BREAKPOINT;
    await frames(el);
    await eventually(() => isCards(el));
    await resize(el, 1000);
    await eventually(() => isTable(el));
    expect(rows(el)[0]?.offsetHeight).to.equal(40);
  });

  it('stays virtualised as cards: only the cards in view exist, and the last order is reached by scrolling', async () => {
    const el = await mount(420, 'marketplace', 400);
    expect(isCards(el)).to.be.true;
    const total = shop.store.snapshot.list.total as number;
    expect(total).to.be.greaterThan(100);
    expect(root(el).querySelectorAll('.body > [role="row"]').length).to.be.lessThan(25);
    const scroller = grid(el);
    scroller.scrollTop = scroller.scrollHeight;
    await eventually(() => {
      const last = rows(el).at(-1);
      return last !== undefined && rowIndex(last) === total + 1 && cellText(last, 'number') !== '';
    });
    const { list, orders } = shop.store.snapshot;
    expect(cellText(rows(el).at(-1) as HTMLElement, 'number')).to.equal(orders.get(list.rows.get(total - 1) as string)?.number);
  });

  for (const locale of ['en', 'id'] as const) {
    for (const preset of ['marketplace', 'online-store'] as const) {
      it(`never clips the order number or the status at 360 px (${preset}, ${locale})`, async () => {
        await setLocale(locale);
        const el = await mount(360, preset, 120);
        expect(isCards(el)).to.be.true;
        const shown = rows(el).filter((r) => !r.classList.contains('placeholder'));
        expect(shown.length).to.be.greaterThan(1);
        for (const row of shown) {
          const card = row.getBoundingClientRect();
          const number = row.querySelector('.col-number') as HTMLElement;
          const pill = row.querySelector('.col-status .status') as HTMLElement;
          const statusCell = row.querySelector('.col-status') as HTMLElement;
          const label = `${number.textContent?.trim()} / ${pill.textContent}`;
          // The whole text is drawn: no overflow in its cell, and the cells within the card.
          expect(number.scrollWidth, label).to.be.at.most(number.clientWidth);
          expect(statusCell.scrollWidth, label).to.be.at.most(statusCell.clientWidth);
          expect(inside(number.getBoundingClientRect(), card), label).to.be.true;
          expect(inside(pill.getBoundingClientRect(), statusCell.getBoundingClientRect()), label).to.be.true;
          expect(inside(statusCell.getBoundingClientRect(), card), label).to.be.true;
          // And they do not overlap each other.
          const a = number.getBoundingClientRect();
          const b = statusCell.getBoundingClientRect();
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, label).to.be.false;
        }
        expect(grid(el).scrollWidth).to.be.at.most(grid(el).clientWidth);
      });
    }
  }

  it('works from the keyboard: arrows between cards, Enter opens, Space selects', async () => {
    const el = await mount(400);
    expect(isCards(el)).to.be.true;
    const orders = listed(shop.store);
    el.focus();
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([2, 1]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([4, 1]);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([3, 1]);
    // Only one tab stop in the whole list.
    expect([...root(el).querySelectorAll('[tabindex="0"]')].filter((e) => !e.closest('[hidden]'))).to.have.length(1);

    const opened = oneEvent(el, 'order-open') as Promise<OrderOpenEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.orderId).to.equal(orders[1]?.id);

    const selected = oneEvent(el, 'selection-change') as Promise<SelectionChangeEvent>;
    await sendKeys({ press: 'Space' });
    expect((await selected).detail.count).to.equal(1);
    await el.updateComplete;
    const card = rows(el).find((r) => rowIndex(r) === 3) as HTMLElement;
    expect(card.getAttribute('aria-selected')).to.equal('true');
    expect(card.getAttribute('part')).to.equal('row card selected');
    expect((card.querySelector('input[type="checkbox"]') as HTMLInputElement).checked).to.be.true;

    // Up from the first card: the header's "select all on screen" checkbox, the only header shown.
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focusedCell(el)?.getAttribute('role')).to.equal('columnheader');
    expect(focusPosition(el)[1]).to.equal(0);
    await sendKeys({ press: 'ArrowRight' });
    expect(focusPosition(el)[1]).to.equal(0);
  });

  it('reaches the status menu from the keyboard and changes the status inline', async () => {
    const el = await mount(400, 'online-store', 60);
    const orders = listed(shop.store);
    const at = orders.findIndex((o) => o.status === 'paid');
    expect(at, 'an order in status paid').to.be.greaterThan(-1);
    const order = orders[at] as Order;
    el.focus();
    for (let i = 0; i < at; i++) await sendKeys({ press: 'ArrowDown' });
    await eventually(() => focusPosition(el)[0] === at + 2);
    // Across the card's fields to the status, Enter enters it, Enter again opens its menu.
    const card = () => rows(el).find((r) => rowIndex(r) === at + 2) as HTMLElement;
    const statusCol = Number((card().querySelector('.col-status') as HTMLElement).dataset.col);
    for (let i = 1; i < statusCol; i++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focusPosition(el)).to.deep.equal([at + 2, statusCol]);
    await sendKeys({ press: 'Enter' });
    expect((root(el).activeElement as HTMLElement).matches('button[data-od-action="status-menu"]')).to.be.true;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const menu = root(el).querySelector('[part="status-menu"]') as HTMLElement;
    expect(menu.getAttribute('role')).to.equal('menu');
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Mark as processing');
    const request = oneEvent(el, 'order-action-request') as Promise<OrderActionRequestEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await request).detail).to.deep.include({ orderId: order.id, action: 'mark-processing' });
    await eventually(() => shop.spy.count('runAction') === 1 && shop.store.snapshot.inFlight.size === 0);
    await el.updateComplete;
    expect(shop.store.getCached(order.id)?.status).to.equal('processing');
    await eventually(() => card().querySelector('.col-status .status')?.textContent === 'Processing');
  });

  it('selects a card by its checkbox and opens it with a click on a field', async () => {
    const el = await mount(400);
    const orders = listed(shop.store);
    const selected = oneEvent(el, 'selection-change') as Promise<SelectionChangeEvent>;
    (rows(el)[0]!.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    expect((await selected).detail.count).to.equal(1);
    const opened = oneEvent(el, 'order-open') as Promise<OrderOpenEvent>;
    (rows(el)[1]!.querySelector('.col-customer .card-value') as HTMLElement).click();
    expect((await opened).detail.orderId).to.equal(orders[1]?.id);
    // The header keeps "select all on screen", its words shown beside the checkbox and clickable too.
    const words = root(el).querySelector('.header-row .select-all-text') as HTMLElement;
    expect(words.offsetWidth).to.be.greaterThan(0);
    expect(words.textContent?.trim()).to.equal('Select all orders on screen');
    const all = oneEvent(el, 'selection-change') as Promise<SelectionChangeEvent>;
    words.click();
    expect((await all).detail.count).to.be.greaterThan(1);
    await el.updateComplete;
    expect((root(el).querySelector('.header-row input') as HTMLInputElement).checked).to.be.true;
  });

  it('has no axe violations as cards, with a card selected, in English and Indonesian', async () => {
    const el = await mount(400);
    (rows(el)[0]!.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await setLocale('id');
    await frames(el);
    expect(rows(el)[0]!.querySelector('.col-customer [part~="card-label"]')?.getAttribute('data-label')).to.equal('Pelanggan');
    await expect(el).to.be.accessible();
  });

  it('keeps the table with layout="table" however narrow, and shows cards with layout="cards" however wide', async () => {
    const el = await mount(360, 'online-store', 30, 'table');
    expect(isTable(el)).to.be.true;
    expect(rows(el)[0]?.offsetHeight).to.equal(40);
    expect(el.getAttribute('layout')).to.equal('table');
    el.layout = 'cards';
    await frames(el);
    await resize(el, 1400);
    await eventually(() => isCards(el));
    el.layout = 'auto';
    await frames(el);
    await eventually(() => isTable(el));
  });
});
