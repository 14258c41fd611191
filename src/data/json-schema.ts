/**
 * zod schema → JSON Schema, so editors can autocomplete and check the data
 * files while they are being written. In VS Code (YAML extension) the first line
 * of a data file enables it: `# yaml-language-server: $schema=../schema/strategy.schema.json`.
 */
import * as z from 'zod';

export interface JsonSchemaOptions {
  /** Shown by editors, e.g. "Trappa communication strategy". */
  title: string;
  /** The schema's `$id`, e.g. `https://trappa.local/schema/strategy.schema.json`. */
  id: string;
}

/**
 * Describes what a user may write (the schema's input side: a colour before it
 * is normalised, a field before its default is filled in). Descriptions from
 * `.describe()` are kept; strict objects get `additionalProperties: false`.
 * Draft-07, because it is the draft that YAML editor plugins support best.
 */
export function toJsonSchema(schema: z.ZodType, options: JsonSchemaOptions): Record<string, unknown> {
  const {
    $schema,
    $id: _id,
    title: _title,
    ...body
  } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
    // Refinements and transforms cannot be expressed; they are still checked when Trappa validates.
    unrepresentable: 'any',
  });
  return { $schema, $id: options.id, title: options.title, ...body };
}
