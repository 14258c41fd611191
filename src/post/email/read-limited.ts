/**
 * Reading an HTTP answer with a size limit. A token endpoint or Graph answers with a few
 * kilobytes; one that streams hundreds of megabytes (a wrong TRAPPA_OAUTH_TOKEN_URL, a proxy's
 * error page, an attacker in the path) must not be buffered whole: reading stops at the limit.
 */

/** The answer's JSON, `undefined` when it is not JSON, or `tooLarge` when it went past `maxBytes`. */
export async function readJsonLimited(
  response: Response,
  maxBytes: number,
): Promise<{ json: unknown } | { tooLarge: true }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { tooLarge: true };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel().catch(() => undefined);
        return { tooLarge: true };
      }
      chunks.push(next.value);
    }
  } catch {
    // A body cut off midway reads as no JSON.
    return { json: undefined };
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { json: undefined };
  }
}
