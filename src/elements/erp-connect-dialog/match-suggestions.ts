import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { ErpProblem } from '../../backend/problem.js';
import type { MatchSuggestion } from '../../model/types.js';
import { problemMessage } from '../../i18n/problem-message.js';

// Render helpers for the match suggestions at the top of the connect dialog and for the duplicate
// guard under "Can't find match in ERP" (stateless; the dialog owns the state).

/** The localized reason for a stable reason code (unknown codes show as they are). */
export function matchReasonLabel(code: string): string {
  switch (code) {
    case 'vat-equal':
      return msg('VAT number equal', { id: 'match.reasonVat' });
    case 'email-equal':
      return msg('E-mail equal', { id: 'match.reasonEmail' });
    case 'erp-number-equal':
      return msg('ERP number equal', { id: 'match.reasonErpNumber' });
    case 'name-similar':
      return msg('Similar name', { id: 'match.reasonName' });
    case 'previously-linked':
      return msg('Previously connected to this record', { id: 'match.reasonPrevious' });
    default:
      return code;
  }
}

export const strengthLabel = (s: MatchSuggestion) =>
  s.strength === 'strong'
    ? msg('Strong match', { id: 'match.strong' })
    : msg('Possible match', { id: 'match.weak' });

export const reasonsText = (s: MatchSuggestion) => s.reasons.map(matchReasonLabel).join(', ');

export interface SuggestionsView {
  suggestions: MatchSuggestion[] | null;
  loading: boolean;
  error: ErpProblem | null;
  selectedKey: string | null;
  onPick: (key: string) => void;
  onActivate: (key: string) => void;
}

/**
 * The suggested matches as a radio group (arrow keys move and select, like the results list; a
 * suggestion that is also a search result stays one option in the results). Their place is kept
 * from the start: two rows of skeleton while they load, and as much space once there, also when
 * there are none, so the search below does not move when they arrive.
 */
export function renderSuggestions(v: SuggestionsView) {
  const list = v.suggestions ?? [];
  const none = !v.loading && !v.error && list.length === 0;
  return html`<fieldset part="suggestions" class="suggestions" aria-describedby="suggestions-hint">
    <legend id="suggestions-title">${msg('Suggested matches', { id: 'match.title' })}</legend>
    <p class="muted hint" id="suggestions-hint" aria-live="polite">
      ${v.loading
        ? msg('Looking for matching ERP records…', { id: 'match.loading' })
        : v.error
          ? // Suggestions are a help, not a step: a failure is announced politely and the search still works.
            html`<span part="suggestions-error">
              ${msg(str`Suggestions could not be loaded: ${problemMessage(v.error)}`, { id: 'match.failed' })}
            </span>`
          : none
            ? msg('No ERP record stands out as a match: search below.', { id: 'match.none' })
            : msg('Nothing is connected until you choose a record and press Connect.', { id: 'match.hint' })}
    </p>
    <div class="suggestion-rows">
      ${v.loading ? html`<span class="skeleton-row" aria-hidden="true"></span><span class="skeleton-row" aria-hidden="true"></span>` : nothing}
      ${repeat(
        list,
        (s) => s.key,
        (s) => html`<label part="suggestion" class="suggestion ${s.strength}">
          <input
            type="radio"
            name="suggestion"
            value=${s.key}
            .checked=${live(s.key === v.selectedKey)}
            @change=${() => v.onPick(s.key)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              v.onActivate(s.key);
            }}
            @dblclick=${() => v.onActivate(s.key)}
          />
          <span class="line"><span class="name">${s.displayName}</span> <span class="key">${s.key}</span></span>
          <span class="why"
            ><span class="strength">${strengthLabel(s)}</span>: <span class="reasons">${reasonsText(s)}</span></span
          >
        </label>`,
      )}
    </div>
  </fieldset>`;
}

export interface GuardView {
  strong: MatchSuggestion[];
  createAnyway: boolean;
  reason: string;
  reasonInvalid: boolean;
  onCreateAnyway: () => void;
  onReason: (value: string) => void;
}

/** The duplicate guard: shown while "Can't find match" is ticked and strong candidates exist. */
export function renderGuard(v: GuardView) {
  const count = v.strong.length;
  return html`<div part="duplicate-guard" class="guard" id="guard-note">
    <p>
      <strong>${msg('Possible duplicate.', { id: 'match.guardTitle' })}</strong>
      ${count === 1
        ? msg('One ERP record matches this record by a strong key. Connect it instead, or create anyway and say why.', {
            id: 'match.guardOne',
          })
        : msg(str`${count} ERP records match this record by a strong key. Connect one of them instead, or create anyway and say why.`, {
            id: 'match.guardMany',
          })}
    </p>
    <ul class="candidates">
      ${v.strong.map(
        (s) => html`<li><span class="name">${s.displayName}</span> (${s.key}): ${reasonsText(s)}</li>`,
      )}
    </ul>
    ${v.createAnyway
      ? html`<label class="reason-field">
          <span>${msg('Why create a new ERP record anyway? (recorded in the history)', { id: 'match.reasonLabel' })}</span>
          <textarea
            id="create-reason-input"
            rows="2"
            required
            aria-invalid=${v.reasonInvalid ? 'true' : 'false'}
            aria-describedby=${v.reasonInvalid ? 'create-reason-error' : nothing}
            .value=${v.reason}
            @input=${(e: Event) => v.onReason((e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        ${v.reasonInvalid
          ? html`<p id="create-reason-error" class="error">
              ${msg('Give a reason to create anyway.', { id: 'match.reasonMissing' })}
            </p>`
          : nothing}`
      : html`<button type="button" class="create-anyway" @click=${v.onCreateAnyway}>
          ${msg('Create anyway', { id: 'match.createAnyway' })}
        </button>`}
  </div>`;
}
