// The journey fault matrix, the tab's journeys (docs/fault-matrix.md, "Journey fault matrix"): Save of
// a staged link and of a staged Create in ERP, Sync now, conflicts after linking, Disconnect, History,
// plus the German cells. The connect dialog's journeys run in journey-matrix.test.ts.
import { describeJourneys } from './journey-runner.js';

describeJourneys('journey fault matrix: tab actions x every fault', [
  'save-link',
  'save-create',
  'sync-now',
  'conflict-apply',
  'disconnect',
  'history-load',
  'history-more',
  'history-export',
  'german',
]);
