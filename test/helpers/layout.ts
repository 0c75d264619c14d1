// Layout measured in the browser, for the width tests.

/** The text nodes below `root` (one tree: shadow roots are walked by the caller). */
export function* textNodes(root: Node): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
}

/** Words (up to `max` characters; a hyphen may end a line) whose text runs over more than one line: broken inside. */
export function brokenWords(root: Node, max = 24): string[] {
  const broken: string[] = [];
  for (const node of textNodes(root)) {
    for (const match of (node.textContent ?? '').matchAll(/[^\s-]+/g)) {
      if (match[0].length > max) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}
