import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { describeTemplateError } from './template-errors.js';

function problem(source: string, context: object = {}) {
  try {
    Handlebars.create().compile(source, { strict: true, noEscape: true })(context);
  } catch (error) {
    return describeTemplateError(error, source);
  }
  throw new Error('template did not fail');
}

describe('describeTemplateError', () => {
  it.each([
    {
      name: 'missing field, whole path',
      source: 'Hei {{meeting.room}}',
      context: { meeting: {} },
      message: 'uses {{meeting.room}}, but there is no such field here',
    },
    {
      name: 'unclosed block',
      source: '{{#if a}}x',
      context: { a: 1 },
      message: '{{#if …}} is never closed; add {{/if}} where the block ends',
    },
    {
      name: 'mismatched close',
      source: '{{#if a}}x{{/each}}',
      context: { a: 1 },
      message: '{{/each}} closes a block opened as {{#if}}',
    },
    {
      name: 'stray brace',
      source: 'Hei {{strategy.name}',
      context: {},
      message: 'syntax error: Handlebars did not expect this character here; check the {{ … }} on line 1',
    },
  ])('$name', ({ source, context, message }) => {
    expect(problem(source, context).message).toBe(message);
  });
});
