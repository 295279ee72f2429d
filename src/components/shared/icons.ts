/**
 * Small inline icons (16 px, `currentColor`, hidden from assistive technology: the control that shows
 * one always has a text name of its own).
 */
import { html, svg, type TemplateResult } from 'lit';

function icon(paths: TemplateResult): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
}

export const searchIcon = (): TemplateResult => icon(svg`<circle cx="7" cy="7" r="4.5"/><path d="m10.5 10.5 3.5 3.5"/>`);
export const chevronDownIcon = (): TemplateResult => icon(svg`<path d="m4 6 4 4 4-4"/>`);
export const printerIcon = (): TemplateResult => icon(svg`<path d="M4.5 6V2.5h7V6M4.5 11.5h-2v-5h11v5h-2"/><rect x="4.5" y="9.5" width="7" height="4"/>`);
export const closeIcon = (): TemplateResult => icon(svg`<path d="m4 4 8 8M12 4l-8 8"/>`);
export const archiveIcon = (): TemplateResult => icon(svg`<rect x="2" y="3" width="12" height="3" rx="1"/><path d="M3 6v6.5a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V6M6.5 9h3"/>`);
export const bookmarkIcon = (): TemplateResult => icon(svg`<path d="M4 2.5h8v11l-4-3-4 3z"/>`);
export const bellIcon = (): TemplateResult =>
  icon(svg`<path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 13.5a1.5 1.5 0 0 0 3 0"/>`);
export const filterOffIcon = (): TemplateResult => icon(svg`<path d="M2.5 3h11l-4.5 5.5V13l-2-1V8.5z"/><path d="m11 11 3 3m0-3-3 3"/>`);
export const checkIcon = (): TemplateResult => icon(svg`<path d="m3 8.5 3.2 3.2L13 5"/>`);
export const alertIcon = (): TemplateResult => icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 4.8v3.6M8 11h.01"/>`);
export const progressIcon = (): TemplateResult => icon(svg`<circle cx="8" cy="8" r="6" opacity=".3"/><path d="M8 2a6 6 0 0 1 6 6"/>`);
export const ledgerIcon = (): TemplateResult => icon(svg`<rect x="3" y="2" width="10" height="12" rx="1"/><path d="M5.5 5h5M5.5 8h5M5.5 11h3"/>`);
export const pencilIcon = (): TemplateResult => icon(svg`<path d="M10.5 2.5l3 3L6 13H3v-3z"/><path d="m9 4 3 3"/>`);
