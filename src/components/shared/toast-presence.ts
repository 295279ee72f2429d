/**
 * Which stores have a connected `<order-toasts>`: an element that used to confirm its own actions in
 * a quiet status line (the detail's "…: done.") leaves that to the toast when one is shown, so a
 * screen reader hears one confirmation, not two.
 */
const regions = new WeakMap<object, number>();

/** Called by `<order-toasts>` when it starts (+1) and stops (−1) listening to `store`. */
export function countToastRegion(store: object, delta: 1 | -1): void {
  regions.set(store, Math.max(0, (regions.get(store) ?? 0) + delta));
}

/** True while an `<order-toasts>` confirms the actions of `store`. */
export function hasToastRegion(store: object | undefined): boolean {
  return store !== undefined && (regions.get(store) ?? 0) > 0;
}
