/**
 * Speaker notes as paragraphs. pptxgenjs 4.0.1 writes `addNotes(text)` as a single
 * `<a:t>` with the line breaks inside it, which PowerPoint shows as one run-on
 * paragraph. Each line of the notes becomes its own paragraph here; blank lines go.
 */
const NOTE_PARAGRAPH =
  /<a:p><a:r>(<a:rPr\b[^>]*\/>)<a:t>([^<]*\n[^<]*)<\/a:t><\/a:r>(<a:endParaRPr\b[^>]*\/>)?<\/a:p>/g;

export function splitNoteParagraphs(xml: string): string {
  return xml.replace(NOTE_PARAGRAPH, (_, rPr: string, text: string, end: string | undefined) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => `<a:p><a:r>${rPr}<a:t>${line}</a:t></a:r>${end ?? ''}</a:p>`)
      .join(''),
  );
}
