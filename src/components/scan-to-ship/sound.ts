/**
 * Scan feedback sounds, made with Web Audio (an OscillatorNode per tone, no audio files): one short
 * high beep for a success, two low buzzes for an error. The on/off choice is kept in localStorage.
 * Private to `scan-to-ship/`.
 */

const PREF_KEY = 'orderdeck:scan-to-ship:sound';

/** True unless the user turned scan sounds off. */
export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(PREF_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSoundEnabled(on: boolean): void {
  try {
    if (on) localStorage.removeItem(PREF_KEY);
    else localStorage.setItem(PREF_KEY, 'off');
  } catch {
    // Storage off: the choice lasts for this page.
  }
}

type AudioContextClass = new () => AudioContext;

let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  const Ctx = (globalThis as { AudioContext?: AudioContextClass }).AudioContext;
  if (!Ctx) return undefined;
  try {
    context ??= new Ctx();
  } catch {
    return undefined;
  }
  // Created before a user gesture, it starts suspended; a scan (a key press) is one.
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

function tone(ctx: AudioContext, frequency: number, type: OscillatorType, start: number, seconds: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  // A short fade in and out: no click.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + seconds + 0.02);
}

/** Plays the success or the error sound (nothing where Web Audio is missing). */
export function playScanSound(kind: 'success' | 'error'): void {
  const ctx = audio();
  if (!ctx) return;
  const t = ctx.currentTime;
  if (kind === 'success') {
    tone(ctx, 1318, 'sine', t, 0.12);
  } else {
    tone(ctx, 196, 'square', t, 0.14);
    tone(ctx, 196, 'square', t + 0.2, 0.14);
  }
}
