/**
 * Barcode decoding for camera scanning, behind one function: `decodeFrame(source)` reads one frame
 * (a video frame, a canvas, an image) and returns the text of the first Code 128, Code 39, EAN-13 or
 * QR code in it, or undefined. The browser's BarcodeDetector is used where it exists; elsewhere
 * @zxing/library, loaded on first use (it is ~400 KB, so the list never pays for it). Private to
 * `scan-to-ship/`.
 */

import type { DecodeHintType } from '@zxing/library';

/** What a frame can come from. */
export type FrameSource = HTMLCanvasElement | HTMLVideoElement | HTMLImageElement | ImageBitmap | OffscreenCanvas;

export interface DecodeOptions {
  /** `native` only the BarcodeDetector, `zxing` only the library, `auto` (default) the first available. */
  readonly engine?: 'auto' | 'native' | 'zxing';
}

interface DetectedBarcode {
  readonly rawValue: string;
}
interface NativeDetector {
  detect(source: FrameSource): Promise<readonly DetectedBarcode[]>;
}
interface NativeDetectorClass {
  new (options?: { formats?: string[] }): NativeDetector;
  getSupportedFormats?(): Promise<string[]>;
}

/** The formats printed labels and picking lists use. */
const NATIVE_FORMATS = ['code_128', 'code_39', 'ean_13', 'qr_code'];

const nativeClass = (): NativeDetectorClass | undefined =>
  (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;

/** True when the browser decodes barcodes itself (BarcodeDetector). */
export const hasNativeDetector = (): boolean => nativeClass() !== undefined;

let native: Promise<NativeDetector> | undefined;
let zxing: Promise<(data: ImageData) => string | undefined> | undefined;

async function makeNative(Detector: NativeDetectorClass): Promise<NativeDetector> {
  const supported = (await Detector.getSupportedFormats?.()) ?? NATIVE_FORMATS;
  const formats = NATIVE_FORMATS.filter((f) => supported.includes(f));
  return new Detector(formats.length > 0 ? { formats } : undefined);
}

async function makeZxing(): Promise<(data: ImageData) => string | undefined> {
  const z = await import('@zxing/library');
  const reader = new z.MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [z.DecodeHintType.POSSIBLE_FORMATS, [z.BarcodeFormat.CODE_128, z.BarcodeFormat.CODE_39, z.BarcodeFormat.EAN_13, z.BarcodeFormat.QR_CODE]],
    [z.DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  return (data) => {
    const { width, height } = data;
    const px = data.data;
    const luminance = new Uint8ClampedArray(width * height);
    for (let i = 0, j = 0; j < luminance.length; i += 4, j++) {
      // Rec. 601 luma; transparent pixels count as white paper.
      const a = (px[i + 3] as number) / 255;
      const y = 0.299 * (px[i] as number) + 0.587 * (px[i + 1] as number) + 0.114 * (px[i + 2] as number);
      luminance[j] = y * a + 255 * (1 - a);
    }
    const bitmap = new z.BinaryBitmap(new z.HybridBinarizer(new z.RGBLuminanceSource(luminance, width, height)));
    try {
      return reader.decodeWithState(bitmap).getText();
    } catch (e) {
      if (e instanceof z.NotFoundException || e instanceof z.ChecksumException || e instanceof z.FormatException) return undefined;
      throw e;
    } finally {
      reader.reset();
    }
  };
}

/** The frame's pixels, drawn on a canvas at its natural size. */
function pixels(source: FrameSource): ImageData | undefined {
  const width = 'videoWidth' in source ? source.videoWidth : 'naturalWidth' in source ? source.naturalWidth : source.width;
  const height = 'videoHeight' in source ? source.videoHeight : 'naturalHeight' in source ? source.naturalHeight : source.height;
  if (!width || !height) return undefined;
  if (source instanceof HTMLCanvasElement) return source.getContext('2d')?.getImageData(0, 0, width, height);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.drawImage(source, 0, 0);
  return ctx.getImageData(0, 0, width, height);
}

/**
 * The text of the first barcode in the frame, or undefined when there is none (or the frame is
 * empty, as a video's is before it plays). Throws only when the chosen engine is missing
 * (`engine: 'native'` without BarcodeDetector) or cannot load.
 */
export async function decodeFrame(source: FrameSource, options: DecodeOptions = {}): Promise<string | undefined> {
  const engine = options.engine ?? 'auto';
  const Detector = nativeClass();
  if (engine === 'native' || (engine === 'auto' && Detector)) {
    if (!Detector) throw new Error('This browser has no BarcodeDetector.');
    native ??= makeNative(Detector);
    const found = await (await native).detect(source);
    return found[0]?.rawValue;
  }
  const data = pixels(source);
  if (!data) return undefined;
  zxing ??= makeZxing().catch((e: unknown) => {
    zxing = undefined;
    throw e;
  });
  return (await zxing)(data);
}
