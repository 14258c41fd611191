/** sha256 as lower-case hex: how Trappa names the content of a deck, an attachment or an image. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The file's sha256, or null when it cannot be read (missing, a folder). */
export const sha256OfFile = (file: string): Promise<string | null> => readFile(file).then(sha256Hex, () => null);
