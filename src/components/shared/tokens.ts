/**
 * Design tokens every element shares (STYLE.md, "Custom properties in three tiers"): global
 * `--od-*` tokens with defaults, read through private `--_*` properties so a theme overrides a
 * token once, on any ancestor, and an element's own `--od-<element>-*` properties win over it.
 * Include `tokens` first in an element's `static styles`.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--od-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--od-font-size, 14px);
    --_font-size-sm: var(--od-font-size-sm, 12px);
    --_font-size-lg: var(--od-font-size-lg, 16px);
    --_text: var(--od-color-text, #1c2430);
    --_text-muted: var(--od-color-text-muted, #52606f);
    --_surface: var(--od-color-surface, #ffffff);
    --_surface-sunken: var(--od-color-surface-sunken, #f4f6f9);
    --_surface-hover: var(--od-color-surface-hover, #eef2f7);
    --_border: var(--od-color-border, #d5dce4);
    --_accent: var(--od-color-accent, #1f4e8c);
    --_accent-contrast: var(--od-color-accent-contrast, #ffffff);
    --_accent-soft: var(--od-color-accent-soft, #e3edfa);
    --_focus: var(--od-color-focus, #1a73e8);
    --_danger: var(--od-color-danger, #b42318);
    --_danger-contrast: var(--od-color-danger-contrast, #ffffff);
    --_backdrop: var(--od-color-backdrop, rgb(16 24 40 / 45%));
    --_success: var(--od-color-success, #1b7f3b);
    --_warning: var(--od-color-warning, #9a5b00);
    --_info: var(--od-color-info, #1f5fa8);
    --_attention: var(--od-color-attention, #7a3fb0);
    --_space-1: var(--od-space-1, 4px);
    --_space-2: var(--od-space-2, 8px);
    --_space-3: var(--od-space-3, 12px);
    --_space-4: var(--od-space-4, 16px);
    --_space-6: var(--od-space-6, 24px);
    --_radius: var(--od-radius, 6px);
    --_radius-pill: var(--od-radius-pill, 999px);
    --_shadow: var(--od-shadow, 0 1px 3px rgb(16 24 40 / 12%), 0 4px 12px rgb(16 24 40 / 8%));
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :host {
      --_accent: Highlight;
      --_accent-contrast: HighlightText;
      --_danger-contrast: HighlightText;
      --_border: CanvasText;
      --_focus: Highlight;
    }
  }
`;

/** The CSS colour of a workflow status tone (StatusDef.tone). */
export const toneColor: Readonly<Record<string, string>> = {
  neutral: 'var(--_text-muted)',
  info: 'var(--_info)',
  attention: 'var(--_attention)',
  warning: 'var(--_warning)',
  success: 'var(--_success)',
  danger: 'var(--_danger)',
};
