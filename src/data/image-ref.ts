import * as z from 'zod';

/** File endings that make an alt text look like a file name rather than a description. */
const IMAGE_FILE_NAME = /^[^\s/\\]*\.(svg|png|jpe?g|gif|webp|tiff?|heic|heif|avif|bmp)$/i;

/** True when `alt` is a file name such as "logo.svg" or the referenced file's own name. */
function looksLikeFileName(alt: string, file: string): boolean {
  const text = alt.trim();
  const base = file.split(/[/\\]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, '');
  return IMAGE_FILE_NAME.test(text) || text === file || text === base || text === stem;
}

/**
 * An image as users write it in YAML:
 *
 * @example
 * logo: { file: logos/isk.svg, alt: "Logo for Innherred samkommune" }
 * background: { file: photos/fjord.jpg, decorative: true }
 */
export const imageRefSchema = z
  .strictObject({
    file: z
      .string()
      .min(1, 'file is empty; write the path of the image inside assets/, e.g. logos/isk.svg')
      .describe('Path of the image relative to assets/, e.g. logos/isk.svg or photos/fjord.jpg.'),
    alt: z
      .string()
      .optional()
      .describe('What the image shows, for screen readers. Required unless decorative is true.'),
    decorative: z
      .boolean()
      .optional()
      .describe('True for pure decoration that screen readers should skip; then alt may be left out.'),
  })
  .superRefine((ref, ctx) => {
    if (ref.decorative === true) return;
    const alt = ref.alt?.trim() ?? '';
    if (alt === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['alt'],
        message: 'alt text is required; describe what the image shows, or set decorative: true',
      });
    } else if (looksLikeFileName(alt, ref.file)) {
      ctx.addIssue({
        code: 'custom',
        path: ['alt'],
        message: `alt text "${alt}" is a file name; describe what the image shows instead`,
      });
    }
  })
  .describe('An image from assets/ with its alt text.');

export type ImageRef = z.infer<typeof imageRefSchema>;
