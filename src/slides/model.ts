/**
 * Bilde av samkommunen: the member municipalities hand some tasks to the joint
 * body, which produces services for citizens and business in all of them.
 * Drawn for any number of members: members in a row, arrows down to the joint
 * body, an arrow down to the services, the key sentence under the diagram.
 */
import { columns, type Page } from '../layout/page.js';
import { fitBox, fittedShape, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement } from '../layout/types.js';
import type { SlideInput, SlideKind } from './types.js';

interface Member {
  name: string;
}

interface ModelContent {
  title: string;
  summary: string;
  members: Member[];
  jointBody: string;
  tasks?: string;
  outcome: string;
  emphasis?: Paragraph;
}

/** "ISK ER ET VERKTØY for å gi …": the words before the first lower-case word are stressed. */
export function emphasisParagraph(text: string): Paragraph {
  const m = /^((?:[^\s]*[A-ZÆØÅ0-9][^\s]*\s+)+?)(?=\S*[a-zæøå])/u.exec(text);
  const stressed = m?.[1]?.trimEnd();
  if (!stressed || stressed === text) return { runs: [{ text }], align: 'center' };
  return { runs: [{ text: stressed, bold: true }, { text: text.slice(stressed.length) }], align: 'center' };
}

function compose(input: SlideInput): ModelContent {
  const { strategy } = input.plan;
  const org = strategy.organisation;
  return {
    title: input.title('model.title'),
    summary: strategy.model.summary,
    members: org.members.map((m) => ({ name: m.name })),
    jointBody: input.text('model.body', { organisation: org }),
    tasks: strategy.model.tasks,
    outcome: strategy.model.outcome,
    emphasis: strategy.model.emphasis ? emphasisParagraph(strategy.model.emphasis) : undefined,
  };
}

function arrow(name: string, box: Box, fill: string): SlideElement {
  return { type: 'shape', name, shape: 'downArrow', box, fill };
}

function layoutDiagram(input: SlideInput, content: ModelContent, area: Box): SlideElement[] {
  const page = input.page;
  const { colors, sizes } = page.theme;
  const unit = area.h / 5.2;
  const rowH = Math.min(1.0, unit * 1.15);
  const arrowH = (area.h - 3 * rowH) / 2;
  const boxStyle = (color: string) => textStyle(page, { size: Math.min(sizes.body, 20), bold: true, color, align: 'center', valign: 'middle' });
  const memberRow = columns({ ...area, x: area.x + 0.6, w: area.w - 1.2, h: rowH }, content.members.map(() => 1), 0.9);
  const elements: SlideElement[] = [];
  const jointW = Math.min(area.w * 0.5, 6);
  const joint: Box = { x: area.x + (area.w - jointW) / 2, y: area.y + rowH + arrowH, w: jointW, h: rowH };
  content.members.forEach((member, i) => {
    const box = memberRow[i]!;
    elements.push(
      fittedShape(page, {
        name: `Member ${member.name}`, shape: 'rect', box, fill: colors.secondary, line: { color: colors.primary, width: 1.25 },
        paragraphs: [{ runs: [{ text: member.name }] }],
        style: boxStyle(colors.primary),
      }),
    );
    const cx = box.x + box.w / 2;
    const toward = Math.max(joint.x + 0.3, Math.min(joint.x + joint.w - 0.3, cx));
    elements.push(arrow(`Tasks from ${member.name}`, { x: (cx + toward) / 2 - 0.25, y: box.y + rowH + 0.08, w: 0.5, h: arrowH - 0.16 }, colors.accent));
  });
  if (content.tasks) {
    elements.push({
      type: 'text', name: 'Tasks label', box: { x: joint.x, y: area.y + rowH, w: joint.w, h: arrowH },
      paragraphs: [{ runs: [{ text: content.tasks, italic: true }], align: 'center' }],
      style: textStyle(page, { size: Math.max(sizes.minBody, 14), color: colors.muted, align: 'center', valign: 'middle' }),
    });
  }
  elements.push(
    fittedShape(page, { name: 'Joint body', shape: 'rect', box: joint, fill: colors.primary, paragraphs: [{ runs: [{ text: content.jointBody }] }], style: boxStyle(colors.onPrimary) }),
  );
  elements.push(arrow('Services', { x: area.x + area.w / 2 - 0.25, y: joint.y + rowH + 0.08, w: 0.5, h: arrowH - 0.16 }, colors.accent));
  elements.push(
    fittedShape(page, {
      name: 'Outcome', shape: 'roundRect', radius: 0.1, box: { x: area.x, y: joint.y + rowH + arrowH, w: area.w, h: rowH }, fill: colors.accent,
      paragraphs: [{ runs: [{ text: content.outcome }] }], style: boxStyle(colors.text),
    }),
  );
  return elements;
}

function layout(input: SlideInput, content: ModelContent): LaidOutSlide {
  const page = input.page;
  const { colors, sizes } = page.theme;
  const body = page.body;
  const summaryStyle = textStyle(page, { size: Math.min(sizes.body, 20) });
  const summaryParas: Paragraph[] = [{ runs: [{ text: content.summary }] }];
  const summaryH = Math.min(body.h * 0.25, textHeight(summaryParas, summaryStyle, body.w));
  const emphasisStyle = textStyle(page, { size: sizes.body + 2, color: colors.primary, align: 'center' });
  const emphasisH = content.emphasis ? Math.min(body.h * 0.18, textHeight([content.emphasis], emphasisStyle, body.w)) : 0;
  const diagram: Box = { x: body.x, y: body.y + summaryH + 0.2, w: body.w, h: body.h - summaryH - emphasisH - 0.45 };
  const elements: SlideElement[] = [
    ...titleElements(page, content.title),
    fitBox(page, { name: 'Summary', box: { ...body, h: summaryH }, paragraphs: summaryParas, style: summaryStyle }).element,
    ...layoutDiagram(input, content, diagram),
  ];
  if (content.emphasis) {
    elements.push(
      fitBox(page, { name: 'Emphasis', box: { x: body.x, y: body.y + body.h - emphasisH, w: body.w, h: emphasisH }, paragraphs: [content.emphasis], style: emphasisStyle }).element,
    );
  }
  return { title: content.title, background: colors.background, elements };
}

export const modelSlide: SlideKind = {
  build: (input) => [layout(input, compose(input))],
};
