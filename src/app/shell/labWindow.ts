/**
 * A lab in its own window: `?lab=<dock tab id>` shows that dock panel alone, full page.
 * Same origin, so the window is cross-origin isolated like the main one (COOP/COEP hold).
 */
const LAB_ID = /^[a-z][a-z0-9-]{0,31}$/;

export function labFromUrl(search: string): string | null {
  const id = new URLSearchParams(search).get('lab');
  return id && LAB_ID.test(id) ? id : null;
}

export function labUrl(tab: string, base: string = location.href): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('lab', tab);
  return url.toString();
}

/** Open `tab` in a window of its own (one per lab: opening again focuses it). */
export function openLabWindow(tab: string): Window | null {
  return window.open(labUrl(tab), `orrery-lab-${tab}`, 'popup=yes,width=1280,height=860');
}
