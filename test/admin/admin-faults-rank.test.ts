// The Rank Fields editor's save against every fault (the table is in admin-faults.ts).
import { describeEditorFaults } from './admin-faults.js';

describeEditorFaults('Rank Fields');
