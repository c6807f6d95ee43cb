/** The reader's colour scheme: 'light' or 'dark' when chosen, else the system preference. */
const KEY = 'edition-theme';

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
