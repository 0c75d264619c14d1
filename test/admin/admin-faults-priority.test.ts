// The Set Sync Priority editor's save against every fault (the table is in admin-faults.ts).
import { describeEditorFaults } from './admin-faults.js';

describeEditorFaults('Set Sync Priority');
