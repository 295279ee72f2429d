import { expect } from '@open-wc/testing';
import { matchesFilter } from '../../src/model/filter.js';
import { newOrder } from '../../src/model/order.js';
import { getPreset, PRESET_KEYS, presets, withCustomStatus } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';
import { applyAction, unreachable, validateDefinition } from '../../src/model/workflow/engine.js';
import type { LocalizedText, StatusDef, WorkflowDefinition } from '../../src/model/workflow/types.js';

const admin: Viewer = { id: 'u_admin', name: 'Admin', role: 'admin', storeIds: [] };

function bilingual(text: LocalizedText): boolean {
  return typeof text === 'object' && text.en.trim() !== '' && typeof text.id === 'string' && text.id.trim() !== '';
}

function order(workflow: WorkflowDefinition): Order {
  let k = 0;
  return newOrder(
    workflow,
    {
      channel: 'phone',
      storeId: 'st_a',
      customer: { name: 'Ngozi Eze', phone: '+234 803 123 4567' },
      currency: 'NGN',
      lines: [{ sku: 'A', name: 'Shea butter', unitPrice: { amount: 500000, currency: 'NGN' }, quantity: 1 }],
    },
    { id: 'o1', number: 'N-1', now: '2026-11-01T08:00:00.000Z', actor: admin, newId: (p) => `${p}_${++k}` },
  );
}

describe('presets: definitions', () => {
  it('getPreset returns each of the five presets under its own key', () => {
    expect(PRESET_KEYS).to.deep.equal(['confirm-first', 'online-store', 'payment-fulfillment', 'marketplace', 'cod-delivery']);
    for (const key of PRESET_KEYS) {
      expect(getPreset(key).key).to.equal(key);
      expect(presets[key]).to.equal(getPreset(key));
    }
    expect(() => getPreset('nope' as never)).to.throw(/Unknown workflow preset/);
  });

  for (const key of PRESET_KEYS) {
    describe(key, () => {
      const wf = getPreset(key);

      it('validates, and every status is reachable from the initial one', () => {
        expect(validateDefinition(wf)).to.deep.equal([]);
        expect(unreachable(wf)).to.deep.equal([]);
      });

      it('has unique, stable kebab-case keys', () => {
        const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
        for (const list of [wf.statuses, wf.actions, wf.tabs]) {
          const keys = list.map((x) => x.key);
          expect(new Set(keys).size, 'unique').to.equal(keys.length);
          for (const k of keys) expect(k, k).to.match(kebab);
        }
      });

      it('labels every status, action and tab in English and Indonesian', () => {
        expect(bilingual(wf.label)).to.equal(true);
        for (const x of [...wf.statuses, ...wf.actions, ...wf.tabs]) expect(bilingual(x.label), x.key).to.equal(true);
      });

      it('shows every status in some tab', () => {
        for (const s of wf.statuses) {
          const shown = wf.tabs.some((t) => t.filter.deleted !== true && (!t.filter.status || t.filter.status.includes(s.key)));
          expect(shown, s.key).to.equal(true);
        }
      });

      it('gives system actions the system permission, and people actions a real one', () => {
        for (const a of wf.actions) {
          expect(a.permission === 'orders.system', a.key).to.equal(a.system === true);
          if (a.system) expect(a.bulk, a.key).to.equal(false);
        }
      });

      it('marks cancelling, rejecting, refunding and deleting as destructive, and nothing else', () => {
        for (const a of wf.actions) {
          const destructive = ['cancel', 'approve-cancellation', 'refund', 'soft-delete'].includes(a.operation) ||
            (a.operation === 'confirm-stock' && a.fixed?.mode === 'none');
          expect(a.destructive, a.key).to.equal(destructive);
        }
      });

      it('offers add-note everywhere and a cancel that needs a reason', () => {
        const note = wf.actions.find((a) => a.key === 'add-note');
        expect(note?.from).to.equal('*');
        const cancel = wf.actions.find((a) => a.key === 'cancel');
        expect(cancel?.operation).to.equal('cancel');
        expect(cancel?.required).to.include('reason');
        expect(cancel?.to).to.be.a('string');
      });

      it('names only known couriers and the merchant payment methods', () => {
        const known = ['poslaju', 'jnt', 'dhl', 'fedex', 'jne', 'sicepat', 'ninjavan', 'gosend', 'grabexpress', 'lalamove', 'other', 'self'];
        for (const c of wf.couriers) expect(known, c.code).to.include(c.code);
        expect(wf.paymentMethods.length).to.be.greaterThan(0);
      });

      it('shows a new order in some tab', () => {
        const fresh = order(wf);
        expect(wf.tabs.some((t) => matchesFilter(fresh, t.filter))).to.equal(true);
      });
    });
  }

  it('confirm-first speaks the product’s Indonesian', () => {
    const wf = getPreset('confirm-first');
    const id = (x: { label: LocalizedText }): string => (typeof x.label === 'string' ? x.label : (x.label.id ?? ''));
    const action = (k: string): string => id(wf.actions.find((a) => a.key === k) as { label: LocalizedText });
    const status = (k: string): string => id(wf.statuses.find((s) => s.key === k) as StatusDef);
    expect(action('accept-all')).to.equal('Semua tersedia');
    expect(action('accept-some')).to.equal('Ada stok kosong');
    expect(action('reject-all')).to.equal('Tolak pesanan');
    expect(action('book-courier')).to.equal('Pesan kurir');
    expect(status('ready-to-process')).to.equal('Siap diproses');
    expect(status('in-delivery')).to.equal('Dalam pengiriman');
    expect(status('completed')).to.equal('Selesai');
    expect(status('cancelled')).to.equal('Dibatalkan');
  });

  it('payment-fulfillment offers exactly Poslaju, J&T Express, DHL, FedEx and Others', () => {
    expect(getPreset('payment-fulfillment').couriers.map((c) => c.name)).to.deep.equal(['Poslaju', 'J&T Express', 'DHL', 'FedEx', 'Others']);
    expect(getPreset('payment-fulfillment').tabs.map((t) => t.key)).to.deep.equal(['all', 'unpaid', 'unfulfilled', 'open', 'archived']);
  });

  it('marketplace tabs follow the product’s order', () => {
    expect(getPreset('marketplace').tabs.map((t) => (t.label as { en: string }).en)).to.deep.equal([
      'All', 'Unpaid', 'New Order', 'To Process', 'To Ship', 'Shipped', 'Self Deliver', 'Delivered', 'Completed', 'To Cancel', 'To Return', 'Others', 'Archived',
    ]);
  });

  it('online-store separates online and in-store transactions', () => {
    const wf = getPreset('online-store');
    expect(wf.tabs.slice(0, 2).map((t) => t.filter.channel)).to.deep.equal([['online'], ['pos']]);
    const shipped = wf.actions.find((a) => a.key === 'mark-shipped');
    expect(shipped?.required).to.deep.equal(['courier', 'trackingNumber']);
    expect(shipped?.fixed).to.deep.equal({ notifyCustomer: true });
  });
});

describe('presets: withCustomStatus', () => {
  const custom: StatusDef = {
    key: 'awaiting-pickup',
    label: { en: 'Awaiting pickup', id: 'Menunggu diambil' },
    category: 'open',
    tone: 'info',
  };

  it('adds a status that a generic Update Status reaches, without extra actions (cod-delivery)', () => {
    const base = getPreset('cod-delivery');
    const wf = withCustomStatus(base, custom);
    expect(validateDefinition(wf)).to.deep.equal([]);
    expect(wf.actions).to.deep.equal(base.actions);
    // Open statuses stay together: the custom one follows the last open status.
    expect(wf.statuses.map((s) => s.key)).to.deep.equal(['pending', 'processing', 'in-transit', 'awaiting-pickup', 'delivered', 'failed', 'cancelled']);
    expect(base.statuses).to.have.length(6);

    const o = order(wf);
    const moved = applyAction(wf, o, 'update-status', { status: 'awaiting-pickup' }, { viewer: admin, now: '2026-11-01T09:00:00.000Z', newId: (p) => `${p}_x` });
    expect(moved.ok && moved.order.status).to.equal('awaiting-pickup');
    const refused = applyAction(base, o, 'update-status', { status: 'awaiting-pickup' }, { viewer: admin, now: '2026-11-01T09:00:00.000Z', newId: (p) => `${p}_x` });
    expect(refused.ok ? 'ok' : refused.refusal.code).to.equal('invalid-field');
  });

  it('adds move-to actions into and out of the status when the workflow has fixed transitions', () => {
    const base = getPreset('online-store');
    const wf = withCustomStatus(base, custom, { from: ['paid', 'processing'], to: ['completed', 'cancelled'] });
    expect(validateDefinition(wf)).to.deep.equal([]);
    const into = wf.actions.find((a) => a.key === 'set-awaiting-pickup');
    expect(into).to.include({ operation: 'set-status', to: 'awaiting-pickup', bulk: true, permission: 'orders.status' });
    expect(into?.from).to.deep.equal(['paid', 'processing']);
    // Out of it: the preset's own actions towards each target, so cancelling still asks for a reason.
    const out = wf.actions.filter((a) => a.from !== '*' && a.from.includes('awaiting-pickup'));
    expect(out.map((a) => a.key).sort()).to.deep.equal(['cancel', 'mark-completed']);
    expect(base.actions.find((a) => a.key === 'cancel')?.from).not.to.include('awaiting-pickup');
  });

  it('refuses a duplicate, a bad key and an unreachable status', () => {
    const base = getPreset('online-store');
    expect(() => withCustomStatus(base, { ...custom, key: 'paid' })).to.throw(/already exists/);
    expect(() => withCustomStatus(base, { ...custom, key: 'Awaiting Pickup' })).to.throw(/kebab-case/);
    expect(() => withCustomStatus(base, custom)).to.throw(/unreachable/);
    expect(() => withCustomStatus(base, custom, { from: ['nowhere'] })).to.throw(/unknown status/);
  });
});
