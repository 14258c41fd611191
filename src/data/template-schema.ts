/** Schemas of the files in templates/<language>/: fixed labels and slide wording. */
import * as z from 'zod';

export { labelsSchema } from '../render/labels.js';

/** slides.yaml: for each slide, its named texts (each a Handlebars template). */
export const slideWordingSchema = z.record(z.string(), z.record(z.string(), z.string()));
