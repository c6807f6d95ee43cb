/** The reader's colour scheme: 'light' or 'dark' when chosen, else the system preference. */
const KEY = 'edition-theme';

/** Where the blocking script in every page's <head> is served from (src/pages/theme-before-paint.js.ts). */
export const THEME_BEFORE_PAINT_URL = '/theme-before-paint.js';

/**
 * The source of that script: it applies a chosen theme before the first paint. The toggle's module
 * runs only after the whole page is parsed, so a reader who chose dark saw the light page meanwhile
 * (seconds, for a long chapter on a slow line). A file, not inline code: no page inlines a script
 * (verify-dist), and the CSP stays 'self'. Storage may be refused (privacy modes): then the system's.
 */
export function themeBeforePaintSource(): string {
  // data-js: scripts run, so the toggle will appear; its room is kept from the first paint (the
  // stylesheet), and the header does not grow under the reader when the module shows it.
  return `document.documentElement.dataset.js='';try{var t=localStorage.getItem(${JSON.stringify(KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}
`;
}

export function storedTheme(storage: Pick<Storage, 'getItem'>): 'light' | 'dark' | null {
  const v = storage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : null;
}

export function initThemeToggle(doc: Document): void {
  const win = doc.defaultView;
  const button = doc.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!win || !button) return;
  const systemDark = win.matchMedia('(prefers-color-scheme: dark)');
  const current = (): 'light' | 'dark' => storedTheme(win.localStorage) ?? (systemDark.matches ? 'dark' : 'light');
  const apply = (): void => {
    const theme = current();
    doc.documentElement.dataset['theme'] = theme;
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  };
  apply();
  button.hidden = false;
  button.addEventListener('click', () => {
    win.localStorage.setItem(KEY, current() === 'dark' ? 'light' : 'dark');
    apply();
  });
  systemDark.addEventListener('change', apply);
}
