/**
 * Form field templates shared by the dialog's forms: a label, the control, an optional hint and the
 * field's error message, wired with `aria-invalid` and `aria-describedby`.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ActionDef } from '../../model/workflow/types.js';
import type { Draft, FieldErrors, LineDraft } from './draft.js';

/** Everything a form template needs: the draft, where to write changes, and the field errors. */
export interface FieldContext {
  readonly action: ActionDef;
  readonly draft: Draft;
  readonly errors: FieldErrors;
  update(patch: Partial<Draft>): void;
  updateLine(lineId: string, patch: Partial<LineDraft>): void;
}

type TextKey = {
  [K in keyof Draft]: Draft[K] extends string ? K : never;
}[keyof Draft];

type FlagKey = {
  [K in keyof Draft]: Draft[K] extends boolean ? K : never;
}[keyof Draft];

export interface TextOptions {
  readonly required?: boolean;
  readonly hint?: string | TemplateResult;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'url' | 'datetime-local';
  readonly inputmode?: 'decimal' | 'text' | 'url';
  /** Shown before the control, e.g. the currency code of a money field. */
  readonly prefix?: string;
}

/** `aria-describedby` for a field: its hint and its error, when shown. */
export function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `hint-${name}` : '', error ? `err-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function fieldError(name: string, errors: FieldErrors): TemplateResult | typeof nothing {
  const text = errors[name];
  return text ? html`<p class="error" id=${`err-${name}`} part="field-error">${text}</p>` : nothing;
}

function hintTemplate(name: string, hint: string | TemplateResult | undefined): TemplateResult | typeof nothing {
  return hint ? html`<p class="hint" id=${`hint-${name}`} part="hint">${hint}</p>` : nothing;
}

function labelText(label: string, required: boolean): TemplateResult {
  return required
    ? html`${label}`
    : html`${label} <span class="optional">${msg('(optional)', { desc: 'Suffix of an optional form field label' })}</span>`;
}

export function textField(ctx: FieldContext, name: TextKey, label: string, options: TextOptions = {}): TemplateResult {
  const required = options.required ?? false;
  const error = ctx.errors[name] !== undefined;
  const described = describedBy(name, options.hint !== undefined, error);
  const onInput = (event: Event): void => {
    ctx.update({ [name]: (event.target as HTMLInputElement | HTMLTextAreaElement).value } as Partial<Draft>);
  };
  const control = options.multiline
    ? html`<textarea
        id=${`f-${name}`}
        name=${name}
        rows="3"
        part="input"
        ?required=${required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        .value=${live(ctx.draft[name])}
        @input=${onInput}
      ></textarea>`
    : html`<input
        id=${`f-${name}`}
        name=${name}
        part="input"
        type=${options.type ?? 'text'}
        inputmode=${ifDefined(options.inputmode)}
        autocomplete="off"
        ?required=${required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        .value=${live(ctx.draft[name])}
        @input=${onInput}
      />`;
  return html`<div class="field" part="field">
    <label for=${`f-${name}`} part="label">${labelText(label, required)}</label>
    ${options.prefix
      ? html`<div class="affix"><span class="prefix" aria-hidden="true">${options.prefix}</span>${control}</div>`
      : control}
    ${hintTemplate(name, options.hint)} ${fieldError(name, ctx.errors)}
  </div>`;
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export function selectField(
  ctx: FieldContext,
  name: TextKey,
  label: string,
  options: readonly SelectOption[],
  extra: { required?: boolean; hint?: string; placeholder?: string } = {},
): TemplateResult {
  const required = extra.required ?? false;
  const error = ctx.errors[name] !== undefined;
  const value = ctx.draft[name];
  return html`<div class="field" part="field">
    <label for=${`f-${name}`} part="label">${labelText(label, required)}</label>
    <select
      id=${`f-${name}`}
      name=${name}
      part="input"
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(name, extra.hint !== undefined, error))}
      @change=${(event: Event) => ctx.update({ [name]: (event.target as HTMLSelectElement).value } as Partial<Draft>)}
    >
      ${extra.placeholder !== undefined
        ? html`<option value="" ?selected=${value === ''}>${extra.placeholder}</option>`
        : nothing}
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>
    ${hintTemplate(name, extra.hint)} ${fieldError(name, ctx.errors)}
  </div>`;
}

export function checkField(ctx: FieldContext, name: FlagKey, label: string, hint?: string): TemplateResult {
  return html`<div class="field check" part="field">
    <input
      type="checkbox"
      id=${`f-${name}`}
      name=${name}
      part="checkbox"
      aria-describedby=${ifDefined(hint ? `hint-${name}` : undefined)}
      .checked=${live(ctx.draft[name])}
      @change=${(event: Event) => ctx.update({ [name]: (event.target as HTMLInputElement).checked } as Partial<Draft>)}
    />
    <label for=${`f-${name}`} part="label">${label}</label>
    ${hintTemplate(name, hint)}
  </div>`;
}

export interface RadioOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

/** A group of radio buttons writing `name`. */
export function radioGroup(
  ctx: FieldContext,
  name: TextKey,
  legend: string,
  options: readonly RadioOption[],
): TemplateResult {
  const error = ctx.errors[name] !== undefined;
  return html`<fieldset class="radios" part="fieldset" aria-describedby=${ifDefined(error ? `err-${name}` : undefined)}>
    <legend part="legend">${legend}</legend>
    ${options.map(
      (o) => html`<div class="radio">
        <input
          type="radio"
          id=${`f-${name}-${o.value}`}
          name=${name}
          value=${o.value}
          aria-describedby=${ifDefined(o.hint ? `hint-${name}-${o.value}` : undefined)}
          .checked=${live(ctx.draft[name] === o.value)}
          @change=${() => ctx.update({ [name]: o.value } as Partial<Draft>)}
        />
        <label for=${`f-${name}-${o.value}`}>${o.label}</label>
        ${o.hint ? html`<p class="hint" id=${`hint-${name}-${o.value}`}>${o.hint}</p>` : nothing}
      </div>`,
    )}
    ${fieldError(name, ctx.errors)}
  </fieldset>`;
}
