/**
 * Requests to the studio's server. The token comes from the address the studio printed
 * (`?token=`) and is kept in sessionStorage, which belongs to this origin (host and port)
 * alone, then sent in a header: never a cookie, which the browser would send to every
 * other server on 127.0.0.1 as well.
 */
import { word } from './page-language.js';

const KEY = 'trappa-studio-token';

/** A request the server refused without words of its own, in the page's language. */
const failed = (url: string, res: Response): Error =>
  new Error(
    word(
      'Studio svarte ikke som ventet ({status}) på {url}. Last inn siden på nytt; hjelper ikke det, se terminalen der Studio kjører.',
      { status: res.status, url },
    ),
  );

function takeToken(): string {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given) {
    sessionStorage.setItem(KEY, given);
    // Out of the address bar and the history.
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return given ?? sessionStorage.getItem(KEY) ?? '';
}

const token = takeToken();

/** `url` with the token as a query parameter, for what cannot send a header (event stream, pictures). */
export function withToken(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

const headers = (extra: Record<string, string> = {}): Record<string, string> => ({ 'X-Trappa-Token': token, ...extra });

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: headers(), credentials: 'omit' });
  if (!res.ok) throw failed(url, res);
  return (await res.json()) as T;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'omit',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
  });
  const value = (await res.json()) as T & { error?: string };
  if (!res.ok) throw value.error ? new Error(value.error) : failed(url, res);
  return value;
}

/** Fetches a download with the token and hands it to the browser under `name`. */
export async function download(url: string, name: string): Promise<void> {
  const res = await fetch(url, { headers: headers(), credentials: 'omit' });
  if (!res.ok) throw failed(url, res);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
