/**
 * Test helper: decodes the barcodes a document printed, the way a scanner would see them — the SVG
 * drawn to a canvas (with a white quiet zone), read back by zxing. Test-only (XMLSerializer is fine here).
 */
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';

export async function decodeSvg(svgElement: SVGSVGElement, format: 'code128' | 'qr', pixelsPerModule = 3): Promise<string> {
  const box = svgElement.viewBox.baseVal;
  const width = Math.ceil(box.width * pixelsPerModule);
  const height = Math.ceil((format === 'qr' ? box.height : Math.max(box.height, 40)) * pixelsPerModule);
  const clone = svgElement.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const blob = new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const pad = 20;
    const canvas = document.createElement('canvas');
    canvas.width = width + 2 * pad;
    canvas.height = height + 2 * pad;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, pad, pad, width, height);
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    const lum = new Uint8ClampedArray(canvas.width * canvas.height);
    for (let i = 0; i < lum.length; i++) lum[i] = ((data[i * 4] as number) + (data[i * 4 + 1] as number) * 2 + (data[i * 4 + 2] as number)) >> 2;
    const reader = new MultiFormatReader();
    const hints = new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [format === 'qr' ? BarcodeFormat.QR_CODE : BarcodeFormat.CODE_128]],
      [DecodeHintType.TRY_HARDER, true],
    ]);
    const source = new RGBLuminanceSource(lum, canvas.width, canvas.height);
    return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
  } finally {
    URL.revokeObjectURL(url);
  }
}
