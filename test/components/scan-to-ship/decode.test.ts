import { expect } from '@open-wc/testing';
import bwipjs from 'bwip-js/browser';
import { decodeFrame } from '../../../src/components/scan-to-ship/decode.js';

/** A barcode drawn by bwip-js on a canvas, with a white quiet zone, as a camera would see a printed label. */
function barcode(bcid: string, text: string): HTMLCanvasElement {
  const code = document.createElement('canvas');
  bwipjs.toCanvas(code, { bcid, text, scale: 3, height: 12, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' });
  return code;
}

describe('decodeFrame (camera scanning)', () => {
  it('reads a Code 128 order number with zxing', async () => {
    expect(await decodeFrame(barcode('code128', 'MP-260101-0042'), { engine: 'zxing' })).to.equal('MP-260101-0042');
  });

  it('reads a QR code with zxing', async () => {
    expect(await decodeFrame(barcode('qrcode', 'JT0012345678ID'), { engine: 'zxing' })).to.equal('JT0012345678ID');
  });

  it('reads a tracking number from a picture (an <img> of the canvas)', async () => {
    const img = new Image();
    img.src = barcode('code128', 'SPXID0123456789').toDataURL();
    await img.decode();
    expect(await decodeFrame(img, { engine: 'zxing' })).to.equal('SPXID0123456789');
  });

  it('finds nothing on a blank frame, and nothing before a video plays', async () => {
    const blank = document.createElement('canvas');
    blank.width = 300;
    blank.height = 120;
    const ctx = blank.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 300, 120);
    expect(await decodeFrame(blank, { engine: 'zxing' })).to.equal(undefined);
    expect(await decodeFrame(document.createElement('video'), { engine: 'zxing' })).to.equal(undefined);
  });

  it('uses the browser’s BarcodeDetector when there is one', async () => {
    const seen: unknown[] = [];
    const g = globalThis as { BarcodeDetector?: unknown };
    const had = g.BarcodeDetector;
    g.BarcodeDetector = class {
      static getSupportedFormats = async () => ['qr_code', 'code_128'];
      constructor(readonly options: unknown) {
        seen.push(options);
      }
      async detect() {
        return [{ rawValue: 'INV-9' }];
      }
    };
    try {
      expect(await decodeFrame(barcode('code128', 'X1'), { engine: 'native' })).to.equal('INV-9');
      expect(seen).to.deep.equal([{ formats: ['code_128', 'qr_code'] }]);
    } finally {
      g.BarcodeDetector = had;
      if (had === undefined) delete g.BarcodeDetector;
    }
  });
});
