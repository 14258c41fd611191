/** What `trappa template` reports about a PowerPoint template, in bokmål, nynorsk and English. */
import { t } from './entry.js';

export const TEMPLATE_TEXT = {
  'tpl.head': t(
    '{file}: {w} × {h}, {masters} {masters|mal|maler} (master), {layouts} oppsett',
    '{file}: {w} × {h}, {masters} {masters|mal|malar} (master), {layouts} oppsett',
    '{file}: {w} × {h}, {masters} master(s), {layouts} layouts',
  ),
  'tpl.size': t('{in} tommer ({cm} cm)', '{in} tommar ({cm} cm)', '{in} in ({cm} cm)'),
  'tpl.layouts': t(
    'Oppsett (plassholdere → lysbildene som bruker det):',
    'Oppsett (plasshaldarar → lysbileta som brukar det):',
    'Layouts (placeholders → the slides that use it):',
  ),
  'tpl.master': t(' Mal (master) {n}:', ' Mal (master) {n}:', ' Master {n}:'),
  'tpl.notUsed': t('brukes ikke', 'vert ikkje brukt', 'not used'),
  'tpl.background': t('; bakgrunn {colour}', '; bakgrunn {colour}', '; background {colour}'),
  'tpl.noPlaceholders': t('ingen plassholdere', 'ingen plasshaldarar', 'no placeholders'),
  'tpl.fonts': t('Skrifter:', 'Skrifter:', 'Fonts:'),
  'tpl.font': t(
    '  {use}: {face}, målt med {how}',
    '  {use}: {face}, målt med {how}',
    '  {use}: {face}, measured with {how}',
  ),
  'tpl.itself': t('seg selv', 'seg sjølv', 'itself'),
  'tpl.noFace': t('(ingen navngitt)', '(ingen namngjeven)', '(none named)'),
  'tpl.widths': t(', bredder +{n} %', ', breidder +{n} %', ', widths +{n} %'),
  'tpl.colours': t('Temafarger:', 'Temafargar:', 'Theme colours:'),
  'tpl.use.headings': t('overskrifter', 'overskrifter', 'headings'),
  'tpl.use.body': t('brødtekst', 'brødtekst', 'body'),
  'tpl.how.compatible': t('samme mål', 'same mål', 'compatible'),
  'tpl.how.close': t('nær nok', 'nær nok', 'close'),
  'tpl.how.fallback': t('reserve', 'reserve', 'fallback'),
  'tpl.how.own': t('egne filer', 'eigne filer', 'own'),
  'tpl.role.title': t('tittellysbilde', 'tittellysbilete', 'title slide'),
  'tpl.role.content': t('én tekst', 'éin tekst', 'one text'),
  'tpl.role.two': t('to tekster', 'to tekstar', 'two texts'),
  'tpl.role.comparison': t('tre eller flere tekster', 'tre eller fleire tekstar', 'three or more texts'),
  'tpl.role.titleOnly': t(
    'diagram eller tabell (bare tittel)',
    'diagram eller tabell (berre tittel)',
    'diagram or table (title only)',
  ),
  'tpl.role.section': t('del', 'del', 'section'),
};
