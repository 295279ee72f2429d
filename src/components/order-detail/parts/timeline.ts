/** The timeline of every change, newest first, with the add-note form on top. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { TimelineEvent } from '../../../model/types.js';
import { actionLabel, personName, statusLabel, timelineKindLabel } from '../../shared/order-labels.js';
import { timelineText } from '../../shared/timeline-text.js';
import { when, type DetailContext } from './context.js';

/** The note form's state, owned by the element. */
export interface NoteForm {
  readonly text: string;
  readonly error: string | undefined;
  readonly disabled: boolean;
  readonly onInput: (text: string) => void;
  readonly onSubmit: (event: Event) => void;
}

function entry(ctx: DetailContext, e: TimelineEvent): TemplateResult {
  const { workflow } = ctx;
  const pending = e.id.includes('-pending-');
  const text = timelineText(e);
  return html`<li class="entry kind-${e.kind}" part=${pending ? 'timeline-entry pending-entry' : 'timeline-entry'}>
    <div class="entry-head">
      <span class="kind" part="timeline-kind">${e.kind === 'action' && e.action ? actionLabel(workflow, e.action) : timelineKindLabel(e.kind)}</span>
      <span class="muted small">${personName(e.actor)} · ${when(ctx, e.at)}</span>
    </div>
    ${e.from !== undefined || e.to !== undefined
      ? html`<div class="transition" part="timeline-transition">
          ${e.from !== undefined ? html`<span>${statusLabel(workflow, e.from)}</span>` : nothing}
          <span aria-hidden="true">→</span><span class="sr-only">${msg('to')}</span>
          ${e.to !== undefined ? html`<strong>${statusLabel(workflow, e.to)}</strong>` : nothing}
        </div>`
      : nothing}
    ${text ? html`<p class="message" part="timeline-message">${text}</p>` : nothing}
  </li>`;
}

export function renderTimeline(ctx: DetailContext, note: NoteForm | undefined): TemplateResult {
  const events = [...ctx.order.timeline].reverse();
  return html`<section class="card" part="section timeline-section" aria-labelledby="h-timeline">
    <h3 id="h-timeline">${msg('Timeline')}</h3>
    ${note
      ? html`<form class="note-form" part="note-form" novalidate @submit=${note.onSubmit}>
          <label for="note-text">${msg('Add a note')}</label>
          <textarea
            id="note-text"
            rows="2"
            part="note-input"
            aria-invalid=${note.error ? 'true' : 'false'}
            aria-describedby=${ifDefined(note.error ? 'note-error' : undefined)}
            .value=${live(note.text)}
            @input=${(event: Event) => note.onInput((event.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${note.error ? html`<p id="note-error" class="error-text small" part="field-error">${note.error}</p>` : nothing}
          <div><button type="submit" part="note-button" ?disabled=${note.disabled}>${msg('Add note')}</button></div>
        </form>`
      : nothing}
    <ol class="timeline" part="timeline" aria-label=${msg('Changes, newest first')}>
      ${events.map((e) => entry(ctx, e))}
    </ol>
  </section>`;
}
