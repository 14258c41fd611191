/**
 * Which of bokmål, nynorsk and English a text is written in, from the words that tell them
 * apart: English function words against Norwegian ones, then the forms where bokmål and
 * nynorsk differ (ikke/ikkje, hva/kva, fra/frå, et/eit, -ene/-ane …). Short texts carry few
 * such words, so a text with too little evidence is `undefined` rather than guessed.
 * Reliability, measured in test/language-identify.test.ts, is stated in the README.
 */
export type TextLanguage = 'nb' | 'nn' | 'en';

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

const ENGLISH = words(`the and of to in is are was with on by be that this these our we will from as an it its
  their they who what why how all not or which has have can more into than each about between across`);
const NORWEGIAN =
  words(`og i er av til for at på med som det den om ved skal vil har kan vi oss våre sin sine alle etter
  når mellom eller samt både gjennom andre dette blir må går gi`);
const BOKMAL = words(`ikke jeg hva hvorfor hvem hvordan hvor også være vært fra bare mye hele nå selv et de hver noe
  disse ble sammen fremtid deres hvis enn mot uten nye innbyggerne innbyggere kommunene tjenester tjenestene ansatte
  kommuner hverandre én ett en noen mer høyere krever innebærer nærmeste`);
const NYNORSK =
  words(`ikkje eg kva kvifor kven korleis kor òg vere vore frå berre mykje heile no sjølv eit dei kvar noko
  desse vart saman framtid deira viss enn mot utan nye innbyggjarane innbyggjarar kommunane tenester tenestene tilsette
  kommunar kvarandre ein nokon meir høgare krev inneber nærmaste`);

export interface Identified {
  language: TextLanguage | undefined;
  /** Telling words found per language. */
  evidence: Record<TextLanguage, number>;
}

/** The least telling words, and the lead over the runner-up, before a text is given a language. */
const MIN_EVIDENCE = 2;

export function identifyLanguage(text: string): Identified {
  const evidence: Record<TextLanguage, number> = { nb: 0, nn: 0, en: 0 };
  let norwegian = 0;
  for (const token of text.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (ENGLISH.has(token)) evidence.en++;
    if (NORWEGIAN.has(token)) norwegian++;
    const nb = BOKMAL.has(token) && !NYNORSK.has(token);
    const nn = NYNORSK.has(token) && !BOKMAL.has(token);
    if (nb) evidence.nb++;
    if (nn) evidence.nn++;
    // Definite plurals: bokmål -ene / -ingene, nynorsk -ane / -ingane (long words only: «hele», «dei»).
    if (!nb && !nn && token.length > 6 && token.endsWith('ane')) evidence.nn++;
    if (!nb && !nn && token.length > 6 && token.endsWith('ene')) evidence.nb++;
  }
  const norwegianTotal = norwegian + evidence.nb + evidence.nn;
  let language: TextLanguage | undefined;
  if (evidence.en >= MIN_EVIDENCE && evidence.en > 2 * norwegianTotal) language = 'en';
  else if (norwegianTotal >= MIN_EVIDENCE && norwegianTotal > 2 * evidence.en) {
    if (evidence.nb >= 1 && evidence.nb >= 2 * evidence.nn) language = 'nb';
    else if (evidence.nn >= 1 && evidence.nn >= 2 * evidence.nb) language = 'nn';
  }
  return { language, evidence };
}
