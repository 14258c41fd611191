/**
 * The operating system's refusals (errors.ts OS_ERRORS: exit 7) by their English advice →
 * bokmål and nynorsk. The line keeps its path before and the error code after:
 * `output/x.pptx: the disk is full; … (ENOSPC)`.
 */
import type { Form } from './entry.js';

const ADVICE: ReadonlyArray<readonly [string, string, string]> = [
  [
    'the disk is full; free some space and run the command again',
    'disken er full; frigjør plass og kjør kommandoen på nytt',
    'disken er full; frigjer plass og køyr kommandoen på nytt',
  ],
  [
    'the disk quota is used up; free some space and run the command again',
    'diskkvoten er brukt opp; frigjør plass og kjør kommandoen på nytt',
    'diskkvoten er brukt opp; frigjer plass og køyr kommandoen på nytt',
  ],
  [
    'the file system is read-only; choose another folder (--out) or make it writable',
    'filsystemet er skrivebeskyttet; velg en annen mappe (--out) eller gjør det skrivbart',
    'filsystemet er skriveverna; vel ei anna mappe (--out) eller gjer det skrivbart',
  ],
  [
    'permission denied; choose another folder (--out) or ask for write access',
    'ingen tilgang; velg en annen mappe (--out) eller be om skrivetilgang',
    'inga tilgang; vel ei anna mappe (--out) eller be om skrivetilgang',
  ],
  [
    'the operation is not permitted there; choose another folder (--out) or ask for access',
    'det er ikke tillatt her; velg en annen mappe (--out) eller be om tilgang',
    'det er ikkje tillate her; vel ei anna mappe (--out) eller be om tilgang',
  ],
  [
    'a part of this path is a file, not a folder; choose another path',
    'en del av denne stien er en fil, ikke en mappe; velg en annen sti',
    'ein del av denne stien er ei fil, ikkje ei mappe; vel ein annan sti',
  ],
  [
    'this is a folder, but a file is needed here; move the folder away or choose another path',
    'dette er en mappe, men her trengs en fil; flytt mappen eller velg en annen sti',
    'dette er ei mappe, men her trengst ei fil; flytt mappa eller vel ein annan sti',
  ],
  [
    'something else already exists at this path; move it away or choose another path',
    'noe annet finnes allerede her; flytt det eller velg en annen sti',
    'noko anna finst alt her; flytt det eller vel ein annan sti',
  ],
  [
    'the name is too long for the file system; use a shorter deck id or folder name',
    'navnet er for langt for filsystemet; bruk en kortere id eller et kortere mappenavn',
    'namnet er for langt for filsystemet; bruk ein kortare id eller eit kortare mappenamn',
  ],
  [
    'too many open files; close other programs and run the command again',
    'for mange åpne filer; lukk andre programmer og kjør kommandoen på nytt',
    'for mange opne filer; lukk andre program og køyr kommandoen på nytt',
  ],
  [
    'the file is in use by another program (is it open in PowerPoint?); close it and try again',
    'filen er i bruk av et annet program (er den åpen i PowerPoint?); lukk den og prøv igjen',
    'fila er i bruk av eit anna program (er ho open i PowerPoint?); lukk ho og prøv igjen',
  ],
  [
    'the file is in use by another program; close it and try again',
    'filen er i bruk av et annet program; lukk den og prøv igjen',
    'fila er i bruk av eit anna program; lukk ho og prøv igjen',
  ],
  [
    'a symbolic link in this path points back to itself (a loop); remove the link or choose another path',
    'en symbolsk lenke i denne stien peker tilbake på seg selv (en løkke); fjern lenken eller velg en annen sti',
    'ei symbolsk lenkje i denne stien peikar tilbake på seg sjølv (ei løkke); fjern lenkja eller vel ein annan sti',
  ],
  [
    'no folder can be made here (its parent takes none, as /proc, a link to a missing folder or a drive that is not there); choose another folder',
    'ingen mappe kan lages her (mappen over tar ikke imot nye, slik /proc, en lenke til en mappe som mangler eller en stasjon som ikke finnes); velg en annen mappe',
    'inga mappe kan lagast her (mappa over tek ikkje imot nye, slik /proc, ei lenkje til ei mappe som manglar eller ein stasjon som ikkje finst); vel ei anna mappe',
  ],
  [
    'the file is probably open in PowerPoint (or another program); close it there and run the command again',
    'filen er nok åpen i PowerPoint (eller et annet program); lukk den der og kjør kommandoen på nytt',
    'fila er truleg open i PowerPoint (eller eit anna program); lukk ho der og køyr kommandoen på nytt',
  ],
];

const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const OS_FORMS: readonly Form[] = ADVICE.map(
  ([en, nb, nn]) =>
    [new RegExp(`^(.*?)${literal(en)} \\((E[A-Z]+)\\)$`), { nb: `$1${nb} ($2)`, nn: `$1${nn} ($2)` }] as const,
);
