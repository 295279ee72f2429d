/**
 * Registration without surprises: defining a tag that is already defined (by another copy of
 * orderdeck, or by the host) warns and skips instead of throwing (STYLE.md, "Layout").
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) console.warn(`orderdeck: <${tag}> is already defined; keeping the existing definition.`);
    return;
  }
  customElements.define(tag, ctor);
}
