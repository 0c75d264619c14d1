// A CRM-like record page: the record list, the chosen record, its ERP tab and the last widget event.
import { useState } from 'react';
import type { ErpAvailabilityChangeEvent, ErpErrorEvent, ErpLinkChangeEvent } from '../../src/index.js';
import { DEMO_RECORDS } from '../../simulated-erp/index.js';

const COMPANIES = DEMO_RECORDS.filter((r) => r.type === 'company');

export function RecordView() {
  const [record, setRecord] = useState(COMPANIES[0]);
  const [lastEvent, setLastEvent] = useState('none yet');

  // The handlers take the typed event classes: their fields are checked by TypeScript.
  const onAvailability = (e: ErpAvailabilityChangeEvent) =>
    setLastEvent(`erp-availability-change: ${e.available ? 'available' : `unavailable (${e.reason})`}`);
  const onLinkChange = ({ detail }: ErpLinkChangeEvent) =>
    setLastEvent(`erp-link-change: ${detail.linked ? 'linked' : 'unlinked'} ${detail.actorType} ${detail.erpKey} (${detail.connectionId})`);
  const onError = (e: ErpErrorEvent) => setLastEvent(`erp-error: ${e.operation}: ${e.problem.title}`);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '14rem 1fr', gap: '1.5rem' }}>
      <nav aria-label="Companies">
        <ul>
          {COMPANIES.map((r) => (
            <li key={r.id}>
              <button type="button" aria-current={r.id === record.id ? 'page' : undefined} onClick={() => setRecord(r)}>
                {r.name}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <h1>{record.name}</h1>
        <erp-tab
          entity="company"
          entity-id={record.id}
          onerp-availability-change={onAvailability}
          onerp-link-change={onLinkChange}
          onerp-error={onError}
        />
        <p role="status" aria-label="Last widget event">
          Last event: {lastEvent}
        </p>
      </main>
    </div>
  );
}
