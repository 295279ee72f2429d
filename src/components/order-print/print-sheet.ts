/**
 * The printed documents' own style sheet: one text for the preview (in `<order-print>`'s shadow root)
 * and for the print document (a constructable sheet adopted by the print frame, since `style-src
 * 'self'` blocks inline `<style>`), plus the `@page` rule of each paper. Plain black on white, sized
 * in millimetres and points, no app chrome. Private to `<order-print>`.
 */

export type Paper = 'a4' | 'letter' | 'label';

/** Page box and margin of each paper: A4 and US Letter for office documents, a 4×6 in (100×150 mm) label. */
export const PAPER: Readonly<Record<Paper, { readonly width: string; readonly height: string; readonly margin: string }>> = {
  a4: { width: '210mm', height: '297mm', margin: '12mm' },
  letter: { width: '8.5in', height: '11in', margin: '0.5in' },
  label: { width: '100mm', height: '150mm', margin: '3mm' },
};

/** The `@page` rule of a paper (the text is ours; no order data reaches a style sheet). */
export function pageRule(paper: Paper): string {
  const p = PAPER[paper];
  return `@page { size: ${p.width} ${p.height}; margin: ${p.margin}; }`;
}

/** Rules shared by the preview and the print document; `.sheet` wraps the pages. */
export const DOCUMENT_CSS = `
.sheet { color: #000; background: #fff; font: 10pt/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; }
.sheet * { box-sizing: border-box; }
.page { break-after: page; break-inside: auto; overflow-wrap: anywhere; }
.page-slot:last-child .page { break-after: auto; }
.sheet h1 { margin: 0; font-size: 16pt; font-weight: 700; }
.sheet h3 { margin: 0 0 1mm; font-size: 8pt; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: #333; }
.sheet p { margin: 0; }
.muted { color: #444; }
.code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; margin-bottom: 4mm; padding-bottom: 3mm; border-bottom: 0.5mm solid #000; }
.doc-head .number { font: 700 13pt ui-monospace, Menlo, Consolas, monospace; margin-top: 1mm; }
.doc-head .store { font-weight: 600; }
.codes { display: flex; align-items: center; gap: 4mm; }
.barcode { display: block; }
.barcode-code128 { height: 12mm; width: 60mm; }
.barcode-qr { height: 22mm; width: 22mm; }
.metas { display: flex; flex-wrap: wrap; gap: 1mm 8mm; margin: 0 0 4mm; }
.meta { display: flex; gap: 2mm; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
table.lines { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
table.lines th, table.lines td { padding: 1.5mm 2mm; border-bottom: 0.2mm solid #888; text-align: start; vertical-align: top; }
table.lines thead th { border-bottom: 0.4mm solid #000; font-size: 8.5pt; }
table.lines tfoot th, table.lines tfoot td { border-bottom: 0; font-weight: 600; }
table.lines tr { break-inside: avoid; }
table.lines .num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.lines .qty { font-size: 12pt; font-weight: 700; }
table.lines tr.grand th, table.lines tr.grand td { border-top: 0.4mm solid #000; font-size: 11pt; }
.tick-col { width: 7mm; }
.tick { display: inline-block; width: 4.5mm; height: 4.5mm; border: 0.4mm solid #000; }
.sku .barcode-code128 { height: 7mm; width: 34mm; margin-bottom: 0.5mm; }
.refs { font-size: 8.5pt; }
/* The cell stays a table cell (its rule lines up with the row's); the list inside wraps. */
.ref-list { display: flex; flex-wrap: wrap; gap: 0.5mm 3mm; }
.ref { white-space: nowrap; }
.note { margin: 2mm 0; padding: 2mm; border: 0.3mm dashed #000; }
.signatures { display: flex; gap: 10mm; margin-top: 12mm; }
.signatures span { flex: 1; padding-top: 1mm; border-top: 0.3mm solid #000; font-size: 8.5pt; }
.parties { display: flex; gap: 6mm; margin-bottom: 3mm; }
.party { flex: 1; min-width: 0; }
.address .line { display: block; }
/* The 100×150 mm air waybill: boxes stacked on one label. */
.awb { display: flex; flex-direction: column; gap: 1.5mm; font-size: 9pt; min-height: 142mm; }
.awb > * { border: 0.4mm solid #000; padding: 1.5mm 2mm; }
.awb-head { display: flex; align-items: baseline; gap: 3mm; }
.awb-head .courier { font-size: 15pt; }
.awb-head .channel { margin-inline-start: auto; font-size: 8pt; }
.awb .tracking { text-align: center; }
.awb .tracking .barcode-code128 { width: 100%; height: 20mm; }
.awb .tracking .big { font-size: 13pt; font-weight: 700; letter-spacing: 0.05em; }
.awb .missing { padding: 6mm 0; font-weight: 600; }
.awb .parties { flex-direction: column; gap: 1.5mm; margin: 0; padding: 0; border: 0; }
.awb .party { border: 0.4mm solid #000; padding: 1.5mm 2mm; }
.awb .recipient .address { font-size: 10.5pt; }
.awb .cod { display: flex; justify-content: space-between; align-items: baseline; font-weight: 600; }
.awb .cod.collect { border-width: 1mm; font-size: 13pt; }
.awb .metas { margin: 0; }
.awb .order-ref { display: flex; align-items: center; gap: 3mm; }
.awb .order-ref .barcode-code128 { width: 45mm; height: 9mm; }
`;
