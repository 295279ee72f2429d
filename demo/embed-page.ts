/**
 * The Acme page's own controls (not part of the islands example): its language switch, which calls
 * orderdeck's `setLocale`, kept in the URL (`?locale=id`).
 */
import { allLocales, setLocale } from '../src/i18n/index.js';

const select = document.querySelector<HTMLSelectElement>('#acme-language');
const url = new URL(location.href);
const wanted = url.searchParams.get('locale') ?? 'en';
const locale = (allLocales as readonly string[]).includes(wanted) ? wanted : 'en';
document.documentElement.lang = locale;
if (select) {
  select.value = locale;
  select.addEventListener('change', () => {
    document.documentElement.lang = select.value;
    void setLocale(select.value);
    url.searchParams.set('locale', select.value);
    history.replaceState(history.state, '', url);
  });
}
void setLocale(locale);
