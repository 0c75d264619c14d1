// custom-elements.json from the JSDoc of the element classes (@event, @csspart, @cssproperty, @slot).
// Our class files register nothing (src/define/* does), so a small plugin reads the tag names from
// the `defineElement('tag', Class)` calls there.
import { readdirSync, readFileSync } from 'node:fs';

function tagsFromDefineModules() {
  const tags = new Map();
  for (const file of readdirSync('src/define')) {
    const source = readFileSync(`src/define/${file}`, 'utf8');
    for (const [, tag, cls] of source.matchAll(/defineElement\(\s*'([^']+)',\s*(\w+)\s*\)/g)) {
      tags.set(cls, { tag, module: `src/define/${file}` });
    }
  }
  return tags;
}

const defineTags = () => ({
  name: 'erp-define-tags',
  packageLinkPhase({ customElementsManifest }) {
    const tags = tagsFromDefineModules();
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        const found = tags.get(declaration.name);
        if (!found) continue;
        declaration.tagName = found.tag;
        declaration.customElement = true;
        const defineModule = customElementsManifest.modules.find((m) => m.path === found.module);
        defineModule?.exports?.push({
          kind: 'custom-element-definition',
          name: found.tag,
          declaration: { name: declaration.name, module: mod.path },
        });
      }
    }
  },
});

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineTags()],
};
