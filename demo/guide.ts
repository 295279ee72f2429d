/**
 * The developer guide's snippets: each is read from the file the demo pages really run (Vite `?raw`),
 * with the repository's `../src/…` imports shown as the package's entries, and gets a Copy button
 * (the Clipboard API, with a fallback for pages where it is unavailable).
 */
import brandCss from './themes/brand.css?raw';
import darkCss from './themes/dark.css?raw';
import embedHtml from './embed.html?raw';
import embedScript from './embed.ts?raw';
import guideHtml from './guide.html?raw';
import adminScript from './snippets/admin-local.ts?raw';
import restScript from './snippets/rest.ts?raw';

/** The repository's source modules as the package's entries (package.json "exports"). */
const ENTRIES: Readonly<Record<string, string>> = {
  'index.js': 'orderdeck',
  'define.js': 'orderdeck/define.js',
  'model/index.js': 'orderdeck/model.js',
  'api/index.js': 'orderdeck/api.js',
  'state/index.js': 'orderdeck/state.js',
};

/** A demo module as a host would write it: package imports, without the file's own header comment. */
export function asPackageCode(source: string): string {
  return source
    .replace(/^\/\*\*[\s\S]*?\*\/\s*/, '')
    .replace(/(['"])(?:\.\.\/)+src\/([^'"]+)\1/g, (whole, quote: string, path: string) => {
      const entry = ENTRIES[path];
      return entry ? `${quote}${entry}${quote}` : whole;
    })
    .trimEnd();
}

/** The lines between `<!-- name -->` and `<!-- /name -->` in an HTML file, without their common indent. */
export function fragment(htmlText: string, name: string): string {
  const start = htmlText.indexOf(`<!-- ${name} -->`);
  const end = htmlText.indexOf(`<!-- /${name} -->`);
  if (start < 0 || end < start) throw new Error(`guide: no fragment "${name}"`);
  const lines = htmlText.slice(htmlText.indexOf('\n', start) + 1, end).split('\n');
  while (lines.length && !lines.at(-1)?.trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

interface Snippet {
  readonly label: string;
  readonly language: string;
  readonly code: string;
}

const SNIPPETS: Readonly<Record<string, Snippet>> = {
  install: { label: 'Terminal', language: 'sh', code: 'npm install orderdeck' },
  'admin-html': { label: 'HTML', language: 'html', code: fragment(guideHtml, 'snippet:admin-html') },
  'admin-script': { label: 'TypeScript (a module script)', language: 'ts', code: asPackageCode(adminScript) },
  'islands-html': {
    label: 'HTML (embed.html)',
    language: 'html',
    code: `${fragment(embedHtml, 'islands:list')}\n\n<!-- … anywhere else on the page … -->\n\n${fragment(embedHtml, 'islands:detail')}`,
  },
  'islands-script': { label: 'TypeScript (embed.ts)', language: 'ts', code: asPackageCode(embedScript) },
  'rest-script': { label: 'TypeScript', language: 'ts', code: asPackageCode(restScript) },
  'theme-brand': { label: 'CSS (themes/brand.css)', language: 'css', code: brandCss.trimEnd() },
  'theme-dark': { label: 'CSS (themes/dark.css)', language: 'css', code: darkCss.trimEnd() },
};

/** Copies with the Clipboard API, else with a selected textarea and `execCommand('copy')`. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable: try the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.insetBlockStart = '0';
  area.style.opacity = '0';
  const focused = document.activeElement as HTMLElement | null;
  document.body.append(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus();
  return copied;
}

function renderSnippet(host: HTMLElement, id: string, snippet: Snippet): void {
  const titleId = `snippet-${id}-label`;
  const head = document.createElement('div');
  head.className = 'snippet-head';
  const label = document.createElement('span');
  label.id = titleId;
  label.textContent = snippet.label;
  const status = document.createElement('span');
  status.className = 'snippet-status';
  status.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Copy';
  button.setAttribute('aria-describedby', titleId);
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  pre.setAttribute('aria-labelledby', titleId);
  const code = document.createElement('code');
  code.className = `language-${snippet.language}`;
  code.textContent = snippet.code;
  pre.append(code);
  let reset: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', async () => {
    const copied = await copyText(snippet.code);
    if (!copied) {
      // Nothing could write to the clipboard: select the code, so the keyboard shortcut copies it.
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
    status.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C (⌘C) to copy';
    clearTimeout(reset);
    reset = setTimeout(() => (status.textContent = ''), 4000);
  });
  head.append(label, status, button);
  host.replaceChildren(head, pre);
}

for (const host of document.querySelectorAll<HTMLElement>('[data-snippet]')) {
  const id = host.dataset['snippet'] ?? '';
  const snippet = SNIPPETS[id];
  if (snippet) renderSnippet(host, id, snippet);
  else host.textContent = `(missing snippet "${id}")`;
}

// "Run this example": the admin example's own module, on this page.
const run = document.querySelector<HTMLButtonElement>('#run-admin');
run?.addEventListener('click', async () => {
  const live = document.querySelector<HTMLElement>('#admin-live');
  if (!live || !run) return;
  run.disabled = true;
  run.textContent = 'Running…';
  live.hidden = false;
  try {
    await import('./snippets/admin-local.js');
    run.textContent = 'Running below';
  } catch (e) {
    run.disabled = false;
    run.textContent = 'Run this example';
    live.textContent = `The example failed: ${e instanceof Error ? e.message : String(e)}`;
  }
});
