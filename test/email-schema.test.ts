import { LineCounter, parseDocument, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssue, type Issue } from '../src/errors.js';
import { describeAddressProblem, distributionSchema } from '../src/data/distribution-schema.js';

describe('e-mail addresses', () => {
  it.each([
    { name: 'nothing after @', input: 'ola@', error: 'has nothing after the "@"' },
    { name: 'a space', input: 'ola nordmann@levanger.kommune.no', error: 'contains a space' },
    { name: 'no top-level domain', input: 'ola@levanger', error: 'has no top-level domain' },
    { name: 'no @', input: 'ola.levanger.kommune.no', error: 'has no "@"' },
    { name: 'two @', input: 'ola@@levanger.kommune.no', error: 'more than one "@"' },
    { name: 'nothing before @', input: '@levanger.kommune.no', error: 'nothing before the "@"' },
    { name: 'double dot', input: 'ola..nordmann@levanger.kommune.no', error: 'characters before the "@"' },
    { name: 'numeric top level', input: 'ola@levanger.123', error: 'not a top-level domain' },
    { name: 'hyphen at label end', input: 'ola@levanger-.kommune.no', error: 'malformed domain' },
    { name: 'empty', input: '', error: 'empty' },
  ])('rejects $name', ({ input, error }) => {
    expect(describeAddressProblem(input)).toContain(error);
  });

  it.each([
    'ola.nordmann@levanger.kommune.no',
    "o'neil+isk@verdal.kommune.no",
    'post@bø.kommune.no',
    'x@xn--bjrnya-wua.no',
  ])('accepts %s', (address) => {
    expect(describeAddressProblem(address)).toBeUndefined();
  });
});

describe('distribution lists in YAML', () => {
  /** What the main data validator does: zod issue path → node → file:line:col. */
  function validate(file: string, source: string): Issue[] {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter });
    const result = z.record(z.string(), distributionSchema).safeParse(doc.toJS());
    if (result.success) return [];
    return result.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const node = (doc.getIn(path, true) ?? doc.getIn(path.slice(0, -1), true)) as Node | undefined;
      const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
      const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${p}`)).join('');
      return { file, line: pos.line, col: pos.col, field, message: issue.message };
    });
  }

  it('locates a malformed address, an unknown key, a duplicate and an empty To', () => {
    const source = [
      'storledermote:',
      '  to:',
      '    - { name: Ola Nordmann, email: ola.nordmann@levanger.kommune.no }',
      '    - name: Åse Ødegård',
      '      email: ola@',
      '  bcc:',
      '    - email: OLA.NORDMANN@levanger.kommune.no',
      'samkommunestyre:',
      '  to: []',
      '  kopi: [post@verdal.kommune.no]',
      '',
    ].join('\n');
    const lines = validate('data/distribution.yaml', source).map(formatIssue).sort();
    expect(lines).toEqual([
      'data/distribution.yaml:5:14 storledermote.to[1].email: "ola@" has nothing after the "@"',
      'data/distribution.yaml:7:14 storledermote.bcc[0].email: OLA.NORDMANN@levanger.kommune.no is already listed at to[0]',
      'data/distribution.yaml:9:3 samkommunestyre: Unrecognized key: "kopi"',
      'data/distribution.yaml:9:7 samkommunestyre.to: a distribution list needs at least one "to" recipient',
    ]);
  });

  it('accepts a full list', () => {
    expect(
      distributionSchema.parse({
        to: [{ name: 'Ola Nordmann', email: 'ola.nordmann@levanger.kommune.no' }],
        cc: [{ email: 'post@verdal.kommune.no' }],
        bcc: [],
        replyTo: { email: 'kommunikasjon@innherred-samkommune.no' },
      }).to,
    ).toHaveLength(1);
  });
});
