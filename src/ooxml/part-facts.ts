/**
 * What the package check needs of a whole part, gathered while the part is parsed
 * (xml-tree.ts `TreeWatcher`): the relationship ids it uses and the shape properties a reader
 * draws. Walking every element of every part again for them took ~140 ms of a 1,000-row deck's
 * check (its slides are ~600,000 elements), and a part whose tree is let go after it was read
 * keeps these facts.
 */
import type { TreeWatcher, XmlElement } from './xml-tree.js';

export interface PartFacts {
  /** Every relationship id used by an attribute anywhere in the part. */
  relationshipIds: Set<string>;
  /**
   * Every `p:cNvPr` a reader draws: inside `mc:AlternateContent` only the fallback counts,
   * because a choice and its fallback are the same shape written twice and may share an id.
   */
  shapeProperties: XmlElement[];
}

/** Attributes that hold a relationship id (prefix `r:` by convention in every Office part). */
const REL_ATTRIBUTE = /^r:(?:id|embed|link|pict|dm|lo|qs|cs|href)$/;
const R = 0x72;
const COLON = 0x3a;

/** Gathers one document's facts as its tree is built. */
export class FactsWatcher implements TreeWatcher {
  readonly facts: PartFacts = { relationshipIds: new Set(), shapeProperties: [] };
  /** Open `mc:Choice` elements around the one being built: what is inside one is not drawn. */
  private choices = 0;

  open(element: XmlElement, depth: number): void {
    if (element.name === 'mc:Choice') this.choices++;
    else if (element.name === 'p:cNvPr' && depth > 1 && this.choices === 0) this.facts.shapeProperties.push(element);
  }

  attribute(name: string, value: string): void {
    if (name.charCodeAt(0) === R && name.charCodeAt(1) === COLON && value && REL_ATTRIBUTE.test(name))
      this.facts.relationshipIds.add(value);
  }

  close(element: XmlElement): void {
    if (element.name === 'mc:Choice') this.choices--;
  }
}
