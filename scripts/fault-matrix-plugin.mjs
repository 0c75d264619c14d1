// A web-test-runner plugin that makes docs/fault-matrix.md a record of the run: the matrix tests send
// each cell's result (`executeServerCommand('fault-matrix-cells', { [cell]: result })`, result '' for
// pass, 'n/a', or what failed), and when the run ends the document is written from those results with
// the renderer in test/hardening/journey-cases.ts. A run that reached no matrix cell leaves it alone;
// cells a partial run did not reach show as "not run".
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

async function loadRenderer() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['test/hardening/journey-cases.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).renderDocument;
}

export function faultMatrixPlugin({ out = resolve(root, 'docs/fault-matrix.md') } = {}) {
  const results = new Map();
  return {
    name: 'erp-fault-matrix',
    executeCommand({ command, payload }) {
      if (command !== 'fault-matrix-cells') return undefined;
      for (const [cell, result] of Object.entries(payload ?? {})) {
        if (typeof result === 'string') results.set(cell, result);
      }
      return true;
    },
    async serverStop() {
      if (!results.size) return;
      const renderDocument = await loadRenderer();
      writeFileSync(out, renderDocument(results));
      const failed = [...results.values()].filter((r) => r !== '' && r !== 'n/a').length;
      console.log(`fault-matrix: wrote ${out} from ${results.size} cells of this run (${failed} failed).`);
    },
  };
}
