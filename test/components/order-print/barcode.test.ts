/**
 * Barcode round trip: what `barcode()` draws (Lit SVG, no markup strings) decodes back to the value,
 * for Code 128 and QR, including order and tracking numbers with slashes, dashes and spaces.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { barcode, BarcodeError, encodeBarcode } from '../../../src/components/shared/barcode.js';
import { decodeSvg } from './decode.js';

const values = ['INV/20261122/JKT/00184', 'SPX-ID-2611-00042', 'JX1234567890', '260512ABCD1234', 'A b-c_d.e:f', '#00184 (copy)'];

describe('barcode', () => {
  for (const value of values) {
    it(`Code 128 of ${value} decodes to the same value`, async () => {
      const el = await fixture<HTMLElement>(html`<div>${barcode('code128', value, `Order ${value}`)}</div>`);
      const svgEl = el.querySelector('svg') as SVGSVGElement;
      expect(svgEl.getAttribute('aria-label')).to.equal(`Order ${value}`);
      expect(svgEl.querySelectorAll('path').length).to.be.greaterThan(0);
      expect(await decodeSvg(svgEl, 'code128')).to.equal(value);
    });
  }

  for (const value of [...values.slice(0, 2), 'https://shop.example/orders/ord_01?x=<script>', 'Pesanan Ñandú 東京']) {
    it(`QR of ${value} decodes to the same value`, async () => {
      const el = await fixture<HTMLElement>(html`<div>${barcode('qr', value, 'QR')}</div>`);
      expect(await decodeSvg(el.querySelector('svg') as SVGSVGElement, 'qr')).to.equal(value);
    });
  }

  it('different values draw different symbols', () => {
    expect(encodeBarcode('code128', 'A1')).not.to.deep.equal(encodeBarcode('code128', 'A2'));
  });

  it('refuses what Code 128 cannot carry with a typed error, and renders nothing for it', async () => {
    expect(() => encodeBarcode('code128', '東京')).to.throw(BarcodeError);
    const el = await fixture<HTMLElement>(html`<div>${barcode('code128', '東京', 'x')}</div>`);
    expect(el.querySelector('svg')).to.equal(null);
  });
});
