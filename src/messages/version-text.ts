/**
 * What versions/ refuses (a frozen version whose deck would change, a release snapshot's paths,
 * a comparison with what was sent), a deck over the e-mail limit and a damaged zip's own words,
 * read back from the stages' English (read-back.ts), found by the sweep
 * (test/message-sweep.test.ts). How a version was frozen is a message of its own (`{message}`).
 */
import { t } from './entry.js';

const BUMP = ' (trappa bump {next} --note "…")';

const FROZEN = {
  'ver.faces': t(
    `{deck} v{version} {message}, og teksten ble målt med {thenFace} for skriften «{font}»; denne maskinen måler den med {nowFace}, så presentasjonen blir annerledes: bygg den der {face} finnes, lag en ny versjon${BUMP} eller bruk --overwrite-released`,
    `{deck} v{version} {message}, og teksten vart målt med {thenFace} for skrifta «{font}»; denne maskina måler han med {nowFace}, så presentasjonen blir annleis: bygg han der {face} finst, lag ein ny versjon${BUMP} eller bruk --overwrite-released`,
    `{deck} v{version} {message} with its text measured in {thenFace} for the font "{font}"; this machine measures it with {nowFace}, so the deck comes out different: build it where {face} is, bump the version${BUMP} or pass --overwrite-released`,
  ),
  'ver.changed': t(
    `{deck} v{version} {message}, og innholdet er endret siden; lag en ny versjon${BUMP} eller bruk --overwrite-released`,
    `{deck} v{version} {message}, og innhaldet er endra sidan; lag ein ny versjon${BUMP} eller bruk --overwrite-released`,
    `{deck} v{version} {message} and its content has changed; bump the version${BUMP} or pass --overwrite-released`,
  ),
  'ver.released': t('ble frigitt {date}', 'vart frigjeven {date}', 'was released on {date}'),
  'ver.sent': t('ble sendt {date}', 'vart send {date}', 'was sent on {date}'),
  'ver.frozen': t('ble fryst for sending {date}', 'vart fryst for sending {date}', 'was frozen for sending on {date}'),
  'ver.sinceSentGone': t(
    '«changes: since-sent» trenger det {deck} v{version} viste da den ble sendt, men {file} er borte fra {folder} eller er endret, og ingen kopi av inndataene ble tatt vare på; legg den sendte filen tilbake, eller ta bort valget',
    '«changes: since-sent» treng det {deck} v{version} viste då han vart send, men {file} er borte frå {folder} eller er endra, og ingen kopi av inndataa vart teken vare på; legg den sende fila tilbake, eller ta bort valet',
    'changes: since-sent needs what {deck} v{version} showed when it was sent, but {file} is gone from {folder} or was changed, and no release snapshot was kept; put the sent file back or leave the option out',
  ),
};

/** A path of a release record that leads out of where it must stay (versions/snapshots.ts). */
const SNAPSHOT = {
  'snap.absolute': t(
    "{file}: '{path}' er en absolutt sti; bare stier inne i {folderWord} er tillatt; ingenting ble skrevet",
    "{file}: '{path}' er ein absolutt sti; berre stiar inne i {folderWord} er tillatne; ingenting vart skrive",
    "{file}: '{path}' is an absolute path; only paths inside {folderWord} are allowed; nothing was written",
  ),
  'snap.outside': t(
    "{file}: '{path}' peker ut av {folderWord}; ingenting ble skrevet",
    "{file}: '{path}' peikar ut av {folderWord}; ingenting vart skrive",
    "{file}: '{path}' points outside {folderWord}; nothing was written",
  ),
  'snap.link': t(
    "{file}: '{path}' er en lenke som fører ut av {folderWord}; ingenting ble skrevet",
    "{file}: '{path}' er ei lenkje som fører ut av {folderWord}; ingenting vart skrive",
    "{file}: '{path}' is a link that leads outside {folderWord}; nothing was written",
  ),
  'snap.empty': t(
    '{file}: en sti er tom; ingenting ble skrevet',
    '{file}: ein sti er tom; ingenting vart skrive',
    '{file}: a path is empty; nothing was written',
  ),
  'snap.nul': t(
    '{file}: en sti inneholder et NUL-tegn; ingenting ble skrevet',
    '{file}: ein sti inneheld eit NUL-teikn; ingenting vart skrive',
    '{file}: a path contains a NUL character; nothing was written',
  ),
};

const OTHER = {
  'deck.overLimitImages': t(
    'presentasjonen er {deckSize}, over grensen for e-post på {limitSize}; de største bildene: {images}. Bruk færre eller mindre bilder',
    'presentasjonen er {deckSize}, over grensa for e-post på {limitSize}; dei største bileta: {images}. Bruk færre eller mindre bilete',
    'the deck is {deckSize}, over the e-mail limit of {limitSize}; largest images: {images}. Use fewer or smaller photos',
  ),
  'deck.overLimit': t(
    'presentasjonen er {deckSize}, over grensen for e-post på {limitSize}',
    'presentasjonen er {deckSize}, over grensa for e-post på {limitSize}',
    'the deck is {deckSize}, over the e-mail limit of {limitSize}',
  ),
  // After the zip's own specific forms (output-text.ts): the inflater's words, quoted.
  'zip.damagedDetail': t('er skadet («{detailInside}»)', 'er skadd («{detailInside}»)', 'is damaged ({detailInside})'),
};

export const VERSION_TEXT = { ...FROZEN, ...SNAPSHOT, ...OTHER };

export const VERSION_WORDS = {
  'word.folder.project': t('prosjektet', 'prosjektet', 'the project'),
  'word.folder.snapshot': t('kopien av inndataene', 'kopien av inndataa', 'the snapshot'),
  'word.itsFile': t('filen', 'fila', 'its file'),
};
