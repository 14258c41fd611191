import { describe, expect, it } from 'vitest';
import { imageRefSchema } from '../src/data/image-ref.js';

describe('imageRefSchema', () => {
  const required = 'alt text is required; describe what the image shows, or set decorative: true';
  it.each([
    { name: 'alt text', input: { file: 'logos/isk.svg', alt: 'Logo for Innherred samkommune' }, errors: [] },
    { name: 'decorative without alt', input: { file: 'photos/fjord.jpg', decorative: true }, errors: [] },
    { name: 'missing alt', input: { file: 'photos/fjord.jpg' }, errors: [{ path: ['alt'], message: required }] },
    {
      name: 'blank alt',
      input: { file: 'photos/fjord.jpg', alt: '  ' },
      errors: [{ path: ['alt'], message: required }],
    },
    {
      name: 'decorative: false without alt',
      input: { file: 'photos/fjord.jpg', decorative: false },
      errors: [{ path: ['alt'], message: required }],
    },
    {
      name: 'alt is a file name',
      input: { file: 'logos/isk.svg', alt: 'logo.svg' },
      errors: [{ path: ['alt'], message: 'alt text "logo.svg" is a file name; describe what the image shows instead' }],
    },
    {
      name: 'alt is the file itself',
      input: { file: 'photos/fjord.jpg', alt: 'fjord' },
      errors: [{ path: ['alt'], message: 'alt text "fjord" is a file name; describe what the image shows instead' }],
    },
    {
      name: 'unknown key',
      input: { file: 'logos/isk.svg', alt: 'Logo', tittel: 'x' },
      errors: [{ path: [], message: expect.stringContaining('tittel') }],
    },
    {
      name: 'empty file',
      input: { file: '', alt: 'Logo' },
      errors: [{ path: ['file'], message: expect.stringContaining('file is empty') }],
    },
  ])('$name', ({ input, errors }) => {
    const result = imageRefSchema.safeParse(input);
    expect(result.error?.issues.map(({ path, message }) => ({ path, message })) ?? []).toEqual(errors);
  });
});
