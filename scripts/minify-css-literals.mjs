// Minifies the CSS inside Lit's css`…` literals with esbuild's CSS minifier, for the builds hosts get
// (dist/ through Vite, the embed) and for the size budget, which measures what they get. JavaScript
// minifiers leave template literals alone, so without this every style sheet ships with its
// indentation and comments. Literals with `${…}` or a backslash (raw and cooked text differ) are left
// as they are (none exist today).
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

const LITERAL = /\bcss`([^`]*)`/g;

/** The source with every css`…` literal's CSS minified. */
export async function minifyCssLiterals(source) {
  const found = [...source.matchAll(LITERAL)].filter((m) => !m[1].includes('${') && !m[1].includes('\\'));
  if (!found.length) return source;
  const minified = await Promise.all(
    found.map(async (m) => {
      const { code } = await transform(m[1], { loader: 'css', minify: true, charset: 'utf8', logLevel: 'silent' });
      // Text that a template literal would read differently stays as written.
      return /[\\`]|\$\{/.test(code) ? m[1] : code.trim();
    }),
  );
  let out = '';
  let at = 0;
  found.forEach((m, i) => {
    out += source.slice(at, m.index) + 'css`' + minified[i] + '`';
    at = m.index + m[0].length;
  });
  return out + source.slice(at);
}

/** The esbuild plugin (size budget, embed). */
export const minifyCssEsbuild = () => ({
  name: 'minify-css-literals',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: await minifyCssLiterals(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
});

/** The Vite plugin (`npm run build`: dist/). */
export const minifyCssVite = () => ({
  name: 'minify-css-literals',
  apply: 'build',
  enforce: 'pre',
  async transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
    return { code: await minifyCssLiterals(code), map: null };
  },
});
