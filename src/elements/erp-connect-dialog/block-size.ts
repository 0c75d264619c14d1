import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets an element's block size in px through the CSSOM. Lit's `styleMap` writes a `style` attribute
 * on first render, which a strict CSP (style-src 'self') blocks.
 */
class BlockSizeDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('blockSize() belongs on an element');
  }

  render(_px: number) {
    return noChange;
  }

  override update(part: ElementPart, [px]: [number]) {
    (part.element as HTMLElement).style.blockSize = `${px}px`;
    return noChange;
  }
}

export const blockSize = directive(BlockSizeDirective);
