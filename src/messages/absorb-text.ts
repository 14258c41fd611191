/** What `trappa absorb` prints about the edits it found, in bokmål, nynorsk and English. */
import { t } from './entry.js';

export const ABSORB_TEXT = {
  'absorb.compared': t(
    '{deck} v{version}: sammenlignet med en ny bygging fra {origin}',
    '{deck} v{version}: samanlikna med ei ny bygging frå {origin}',
    '{deck} v{version}: compared with a rebuild from {origin}',
  ),
  'absorb.origin.current': t('dataene slik de er nå', 'dataa slik dei er no', 'the current data'),
  'absorb.origin.release': t('dataene den ble frigitt med', 'dataa han vart frigjeven med', 'its release snapshot'),
  'absorb.origin.unknown': t(
    'ukjente data (den ble bygd av data som er endret siden og ikke tatt vare på; hver endring er en konflikt)',
    'ukjende data (han vart bygd av data som er endra sidan og ikkje tekne vare på; kvar endring er ein konflikt)',
    'unknown data (it was built from data that changed since and has no snapshot; every change is a conflict)',
  ),
  'absorb.slides': t('lysbilde {slides}', 'lysbilete {slides}', 'slide {slides}'),
  'absorb.taking': t(' konflikt, bruker {take}', ' konflikt, brukar {take}', ' conflict, taking the {take}'),
  'absorb.take.deck': t('presentasjonen', 'presentasjonen', 'deck'),
  'absorb.take.data': t('dataene', 'dataa', 'data'),
  'absorb.conflict': t(' KONFLIKT', ' KONFLIKT', ' CONFLICT'),
  'absorb.built': t('    bygd:         {value}', '    bygd:         {value}', '    built: {value}'),
  'absorb.data': t('    data:         {value}', '    data:         {value}', '    data:  {value}'),
  'absorb.deck': t('    presentasjon: {value}', '    presentasjon: {value}', '    deck:  {value}'),
  'absorb.choose': t(
    "    velg: --take '{field}=deck' (presentasjonen) eller --take '{field}=data' (dataene)",
    "    vel: --take '{field}=deck' (presentasjonen) eller --take '{field}=data' (dataa)",
    "    choose: --take '{field}=deck' or --take '{field}=data'",
  ),
  'absorb.was': t('    var: {value}', '    var: {value}', '    was: {value}'),
  'absorb.now': t('    nå:  {value}', '    no:  {value}', '    now: {value}'),
  'absorb.nothing': t('(ingen)', '(ingen)', '(none)'),
  'absorb.none': t('ingen endringer å ta inn', 'ingen endringar å ta inn', 'no edits to bring back'),
  'absorb.nextVersion': t(
    '  v{version} er frigitt: disse endringene hører til neste versjon; lag den med: trappa bump {next} --note "Endringer fra PowerPoint"',
    '  v{version} er frigjeven: desse endringane høyrer til neste versjon; lag han med: trappa bump {next} --note "Endringar frå PowerPoint"',
    '  v{version} was released: these edits belong to the next version; bump it with: trappa bump {next} --note "Endringer fra PowerPoint"',
  ),
  'absorb.intoCurrent': t(
    '  v{version} er frigitt: endringene gikk inn i dataene til v{current}',
    '  v{version} er frigjeven: endringane gjekk inn i dataa til v{current}',
    '  v{version} was released: the edits went into the data of v{current}',
  ),
  'absorb.noFile': t(
    'filen finnes ikke; oppgi stien til en .pptx',
    'fila finst ikkje; gje opp stien til ein .pptx',
    'no such file; give the path of a .pptx',
  ),
  'absorb.open': t(
    '{n} {n|felt|felt} er endret både i datafilene etter byggingen og i presentasjonen; ingenting ble skrevet. Velg med --take FELT=deck|data (eller --take deck / --take data for alle)',
    '{n} felt er endra både i datafilene etter bygginga og i presentasjonen; ingenting vart skrive. Vel med --take FELT=deck|data (eller --take deck / --take data for alle)',
    '{n} field(s) changed both in the YAML since the build and in the deck; nothing was written. Choose with --take FIELD=deck|data (or --take deck / --take data for all)',
  ),
};
