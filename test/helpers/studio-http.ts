/** Raw requests to an in-process Trappa Studio, so tests can send any header, token or body. */
import { request } from 'node:http';
import type { Studio } from '../../src/studio/server.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as JSON, or undefined when it is not. */
  json: Record<string, unknown> & { [key: string]: unknown };
}

export const tokenOf = (studio: Studio): string => new URL(studio.url).searchParams.get('token')!;

/**
 * One request to `studio` with its own token in the header (unless `headers` says otherwise),
 * its own Host, and an Origin on a body, as the page sends them.
 */
export function call(
  studio: Studio,
  method: string,
  target: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const host = `127.0.0.1:${studio.port}`;
  const all = {
    Host: host,
    'X-Trappa-Token': tokenOf(studio),
    ...(body !== undefined ? { 'Content-Type': 'application/json', Origin: `http://${host}` } : {}),
    ...headers,
  };
  return new Promise((resolve, reject) => {
    // A connection of its own (agent: false): a kept-alive socket the server has just timed out
    // (5 s idle) would answer the next request with ECONNRESET.
    const req = request(
      { host: '127.0.0.1', port: studio.port, method, path: target, headers: all, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let json: Answer['json'] = {};
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export interface LoadedFile {
  file: string;
  value: Record<string, unknown> & { [key: string]: unknown };
  version: string;
  text: string;
  problem?: string;
  readOnly?: boolean;
}

/** A data file as the page loads it. */
export async function loadedFile(studio: Studio, file: string): Promise<LoadedFile> {
  const project = await call(studio, 'GET', '/api/project');
  const found = (project.json.files as LoadedFile[]).find((f) => f.file === file);
  if (!found) throw new Error(`${file} is not in /api/project`);
  return found;
}
