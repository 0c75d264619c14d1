// The demo's "Dark theme" toggle: a class on <html> that switches demo/theme-dark.css on, remembered
// in localStorage. The widget itself only sees the --erp-* custom properties change.
const KEY = 'erp-demo-theme';

export function applyTheme(dark: boolean): void {
  document.documentElement.classList.toggle('erp-dark', dark);
}

/** Wires a checkbox to the theme; the initial state is the stored choice, else the OS preference. */
export function setupThemeToggle(toggle: HTMLInputElement): void {
  const stored = localStorage.getItem(KEY);
  const dark = stored ? stored === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  toggle.checked = dark;
  applyTheme(dark);
  toggle.addEventListener('change', () => {
    localStorage.setItem(KEY, toggle.checked ? 'dark' : 'light');
    applyTheme(toggle.checked);
  });
}
