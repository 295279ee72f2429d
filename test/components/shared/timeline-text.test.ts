import { expect } from '@open-wc/testing';
import { customerMessageText, timelineText } from '../../../src/components/shared/timeline-text.js';
import { allLocales, setLocale } from '../../../src/i18n/localize.js';
import { applyAction } from '../../../src/model/workflow/engine.js';
import { getPreset } from '../../../src/model/presets/index.js';
import { englishText, said, TIMELINE_TEMPLATE_KEYS, type TimelineTemplate } from '../../../src/model/timeline-text.js';
import { generateOrders } from '../../../src/model/generate.js';

/** Sample parameters for every key: each value is distinctive so the output can be searched for it. */
const SAMPLE: Record<string, string> = {
  reason: 'R-reason', lines: 'L-lines', method: 'cash', reference: 'REF-1', label: 'Fuel', courier: 'J&T Express',
  tracking: 'JT123', status: 'in-transit', note: 'N-note', from: 'OLD-1', csr: 'Ayu', agent: 'Budi', error: 'E-err',
  date: '2026-02-01', channel: 'whatsapp', recipient: '+628111', number: 'ORD-9', url: 'https://track.example/JT123',
};

function sample(key: TimelineTemplate['key']): TimelineTemplate {
  return { key, params: SAMPLE } as TimelineTemplate;
}

describe('timeline text', () => {
  afterEach(() => setLocale('en'));

  it('renders every template key in every shipped locale, with its parameters and without leftovers', async () => {
    for (const locale of allLocales) {
      await setLocale(locale);
      for (const key of TIMELINE_TEMPLATE_KEYS) {
        const text = timelineText({ template: sample(key) });
        expect(text, `${locale} ${key}`).to.be.a('string').and.not.be.empty;
        expect(text, `${locale} ${key}`).not.to.match(/undefined|\$\{|\{\d\}/);
        if (['stock.rejected', 'cancelled', 'refunded', 'cancellation.requested', 'return.requested'].includes(key)) {
          expect(text, `${locale} ${key}`).to.contain('R-reason');
        }
        if (key === 'notify.shipped') {
          expect(text).to.contain('+628111').and.contain('ORD-9').and.contain('JT123').and.contain('https://track.example/JT123');
        }
      }
    }
  });

  it('speaks Indonesian for codes too: shipment status and payment method labels', async () => {
    await setLocale('id');
    expect(timelineText({ template: said('courier.progress', { courier: 'JNE', status: 'delivered' }) })).to.equal('JNE: Terkirim');
    expect(timelineText({ template: said('notify.delivered', { channel: 'whatsapp', recipient: '+62', number: 'A-1' }) }))
      .to.contain('WhatsApp').and.contain('A-1').and.not.contain('has been delivered');
  });

  it('speaks Malay for codes too, and for the customer message', async () => {
    await setLocale('ms');
    expect(timelineText({ template: said('courier.progress', { courier: 'Poslaju', status: 'out-for-delivery' }) })).to.equal('Poslaju: Keluar untuk penghantaran');
    expect(timelineText({ template: said('payment.received', { method: 'bank-transfer', reference: 'MBB-1' }) })).to.equal('Bayaran diterima melalui Pindahan bank (MBB-1)');
    expect(customerMessageText(said('notify.shipped', { channel: 'whatsapp', recipient: '+60', number: 'A-1', courier: 'J&T Express', tracking: 'JT9' })))
      .to.equal('Pesanan anda A-1 telah dihantar melalui J&T Express. Nombor penjejakan JT9.');
  });

  it('shows a note or an unknown key from a newer backend as its message', () => {
    expect(timelineText({ message: 'Call before noon' })).to.equal('Call before noon');
    const future = { key: 'teleported', params: {} } as unknown as TimelineTemplate;
    expect(timelineText({ template: future, message: 'Teleported.' })).to.equal('Teleported.');
    expect(customerMessageText(said('packed'))).to.be.undefined;
  });

  it('the engine records a template with its English text on every event it writes', () => {
    const workflow = getPreset('online-store');
    const orders = generateOrders({ preset: 'online-store', count: 60, seed: 5 });
    const viewer = { id: 'u1', name: 'Ayu', role: 'superadmin' as const, storeIds: [] };
    let checked = 0;
    for (const order of orders) {
      for (const action of workflow.actions) {
        const input = action.key.includes('cancel') ? { reason: 'Customer changed mind', notifyCustomer: true } : { notifyCustomer: true };
        const result = applyAction(workflow, order, action.key, input, { viewer, system: true, now: '2026-11-22T10:00:00.000Z', newId: (p) => `${p}_${checked++}` });
        if (!result.ok) continue;
        for (const e of result.events) {
          if (e.kind === 'note' || e.kind === 'status' || e.kind === 'created') continue;
          expect(e.template, `${action.key}: ${e.message}`).to.exist;
          expect(e.message).to.equal(englishText(e.template as TimelineTemplate));
        }
        for (const m of result.order.messages.slice(order.messages.length)) {
          expect(m.template, 'a customer message carries its template').to.exist;
        }
      }
    }
    expect(checked).to.be.greaterThan(20);
  });
});
