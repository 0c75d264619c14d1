// Sends fault-matrix cell results to the test runner (scripts/fault-matrix-plugin.mjs), which writes
// docs/fault-matrix.md from them when the run ends.
import { executeServerCommand } from '@web/test-runner-commands';

/** `cells`: cell key -> '' (passed), 'n/a', or what failed. */
export async function recordCells(cells: ReadonlyMap<string, string>): Promise<void> {
  await executeServerCommand('fault-matrix-cells', Object.fromEntries(cells));
}
