/**
 * The version guard, as a pure decision: may a freshly built deck be saved over what the
 * manifest records for its deck id + version? Drafts are replaced freely; a released or
 * sent version is never replaced by different content unless the user says so.
 */
import { FrozenVersionError } from '../errors.js';
import type { MeasuredFace } from '../fonts/measured-faces.js';
import { isFrozen, type ManifestEntry } from './manifest.js';
import { english, type Said, said } from '../messages/catalogue.js';

export interface BuiltVersion {
  deckId: string;
  version: string;
  /** Relative to the output folder. */
  file: string;
  sha256: string;
  /** The faces that measured its text in this build. */
  faces?: MeasuredFace[];
}

export type VersionDecision =
  | { action: 'write'; reason: 'new' | 'draft' | 'restore' | 'overwrite-released' }
  | { action: 'unchanged' }
  | { action: 'refuse'; message: string };

/**
 * @param entry what the manifest records for this deck version, if anything
 * @param onDisk sha256 of the file the entry names as it is on disk now; null when it is missing
 * @param overwriteReleased the user passed --overwrite-released
 */
export function decideVersion(
  built: BuiltVersion,
  entry: ManifestEntry | undefined,
  onDisk: string | null,
  overwriteReleased = false,
): VersionDecision {
  if (!entry) return { action: 'write', reason: 'new' };
  const same = entry.sha256 === built.sha256 && entry.file === built.file;
  if (same) return onDisk === built.sha256 ? { action: 'unchanged' } : { action: 'write', reason: 'restore' };
  if (!isFrozen(entry)) return { action: 'write', reason: 'draft' };
  if (overwriteReleased) return { action: 'write', reason: 'overwrite-released' };
  return { action: 'refuse', message: otherFaces(entry, built.faces) ?? frozenMessage(entry) };
}

/** The next version a user would most likely bump to: the last number plus one ("0.2" → "0.3"). */
export function nextVersion(version: string): string {
  const parts = version.split('.');
  const last = Number(parts.at(-1));
  return [...parts.slice(0, -1), String(Number.isFinite(last) ? last + 1 : 1)].join('.');
}

const day = (iso: string | undefined): string => (iso ?? '').slice(0, 10) || 'an unknown date';
const short = (f: MeasuredFace) => `${f.face} (sha256 ${f.sha256.slice(0, 12)})`;

/**
 * When the frozen version's text was measured with other faces than this build's: one line
 * naming the font and the two faces, since the data may well be the same. Undefined when the
 * manifest recorded no faces (an older manifest) or the faces are the same.
 */
function otherFaces(entry: ManifestEntry, faces: MeasuredFace[] | undefined): string | undefined {
  if (!entry.faces || !faces) return undefined;
  for (const then of entry.faces) {
    const now = faces.find((f) => f.font === then.font);
    if (!now || now.sha256 === then.sha256) continue;
    return english(
      said('ver.faces', {
        deck: entry.deckId,
        version: entry.version,
        message: how(entry),
        thenFace: short(then),
        font: then.font,
        nowFace: short(now),
        face: then.face,
        next: nextVersion(entry.version),
      }),
    );
  }
  return undefined;
}

function how(entry: ManifestEntry): Said {
  if (entry.status === 'released') return said('ver.released', { date: day(entry.releasedAt) });
  if (entry.sentAt) return said('ver.sent', { date: day(entry.sentAt) });
  return said('ver.frozen', { date: day(entry.frozenAt) });
}

function frozenMessage(entry: ManifestEntry): string {
  const values = { deck: entry.deckId, version: entry.version, message: how(entry), next: nextVersion(entry.version) };
  return english(said('ver.changed', values));
}

/** Every refusal at once, so nothing is written when any deck is refused. */
export function refusalError(decisions: readonly VersionDecision[]): FrozenVersionError | undefined {
  const messages = decisions.flatMap((d) => (d.action === 'refuse' ? [d.message] : []));
  if (messages.length === 0) return undefined;
  return new FrozenVersionError(messages.join('\ntrappa: '));
}
