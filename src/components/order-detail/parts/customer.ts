/** Customer contact (tap to call, mail, copy), assignees, order note, shipping and billing addresses. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { getLocale } from '../../../i18n/localize.js';
import type { Address } from '../../../model/types.js';
import { mailHref, telHref } from '../../shared/safe-links.js';
import type { DetailContext } from './context.js';

const regionNames = new Map<string, Intl.DisplayNames>();

function countryName(code: string): string {
  const locale = getLocale();
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The address as lines of text, in the usual order. */
export function addressLines(a: Address): string[] {
  return [
    a.name,
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.region,
    countryName(a.country),
  ].filter((l): l is string => typeof l === 'string' && l.trim() !== '');
}

function sameAddress(a: Address, b: Address): boolean {
  return JSON.stringify(addressLines(a)) === JSON.stringify(addressLines(b));
}

function copyButton(ctx: DetailContext, text: string, label: string, what: string): TemplateResult {
  return html`<button type="button" class="copy" part="copy-button" aria-label=${label} @click=${() => ctx.copy(text, what)}>
    ${msg('Copy')}
  </button>`;
}

function addressBlock(ctx: DetailContext, heading: string, id: string, address: Address, copyLabel: string): TemplateResult {
  const lines = addressLines(address);
  return html`<div class="address" part="address">
    <h4 id=${id}>${heading}</h4>
    <address aria-labelledby=${id}>${lines.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</address>
    ${address.phone
      ? html`<p class="contact-line">${telHref(address.phone)
          ? html`<a href=${telHref(address.phone) ?? ''} part="link">${address.phone}</a>`
          : address.phone}</p>`
      : nothing}
    ${copyButton(ctx, lines.join('\n'), copyLabel, heading)}
  </div>`;
}

export function renderCustomer(ctx: DetailContext): TemplateResult {
  const { order } = ctx;
  const c = order.customer;
  const tel = telHref(c.phone);
  const mail = mailHref(c.email);
  const { csr, agent } = order.assignees;
  const billingSame = order.shippingAddress && order.billingAddress && sameAddress(order.shippingAddress, order.billingAddress);
  return html`<section class="card" part="section customer" aria-labelledby="h-customer">
    <h3 id="h-customer">${msg('Customer')}</h3>
    <p class="customer-name" part="customer-name">${c.name}</p>
    <ul class="contact" part="contact">
      ${c.phone
        ? html`<li>
            <span class="sr-only">${msg('Phone', { id: 'contact.phone', desc: 'The customer’s phone number' })}: </span>
            ${tel ? html`<a href=${tel} part="link">${c.phone}</a>` : html`<span>${c.phone}</span>`}
            ${copyButton(ctx, c.phone, msg('Copy phone number'), msg('Phone number'))}
          </li>`
        : nothing}
      ${c.email
        ? html`<li>
            <span class="sr-only">${msg('E-mail')}: </span>
            ${mail ? html`<a href=${mail} part="link">${c.email}</a>` : html`<span>${c.email}</span>`}
            ${copyButton(ctx, c.email, msg('Copy e-mail address'), msg('E-mail address'))}
          </li>`
        : nothing}
      ${!c.phone && !c.email ? html`<li class="muted">${msg('No phone number or e-mail address.')}</li>` : nothing}
    </ul>
    ${csr || agent
      ? html`<dl class="pairs" part="assignees">
          ${csr ? html`<div><dt>${msg('CSR')}</dt><dd>${csr.name}</dd></div>` : nothing}
          ${agent ? html`<div><dt>${msg('Delivery agent')}</dt><dd>${agent.name}</dd></div>` : nothing}
        </dl>`
      : nothing}
    ${order.note ? html`<p class="order-note" part="order-note"><strong>${msg('Note:')}</strong> ${order.note}</p>` : nothing}
    <div class="addresses">
      ${order.shippingAddress
        ? addressBlock(ctx, msg('Shipping address'), 'h-shipping', order.shippingAddress, msg('Copy shipping address'))
        : html`<p class="muted">${msg('No shipping address.')}</p>`}
      ${order.billingAddress && !billingSame
        ? addressBlock(ctx, msg('Billing address'), 'h-billing', order.billingAddress, msg('Copy billing address'))
        : order.billingAddress
          ? html`<p class="muted" part="billing-same">${msg('Billing address: same as shipping.')}</p>`
          : nothing}
    </div>
  </section>`;
}
