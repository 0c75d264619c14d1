import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { ErpProblem } from '../../backend/problem.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { getLocale } from '../../i18n/localization.js';
import { numberFormat } from '../../model/intl-cache.js';
import type { LoadedStep, Results } from './dialog-step.js';

type Part = TemplateResult | typeof nothing;

/** What the search step shows and how it reports the user's input (the dialog owns the state). */
export interface SearchStepView {
  /** The suggested matches above the search. */
  suggestions: Part;
  queryText: string;
  advanced: boolean;
  supportsAdvanced: boolean;
  /** The advanced-search criteria (shown while `advanced`). */
  criteria: Part;
  searching: 'new' | 'more' | null;
  searchError: ErpProblem | null;
  results: Results | null;
  /** The results list. */
  list: Part;
  noMatch: boolean;
  stepError: ErpProblem | null;
  /** The duplicate guard, or why Create is not available. */
  guard: Part;
  primary: PrimaryView;
  onQueryText(text: string): void;
  onSearch(): void;
  /** Searches with an empty text: every record. */
  onShowAll(): void;
  onToggleAdvanced(): void;
  onRetrySearch(): void;
  onNoMatch(checked: boolean): void;
  onRetryStep(): void;
  onCancel(): void;
}

/** The primary action of the search step: Connect the chosen record, or Create one. */
export interface PrimaryView {
  noMatch: boolean;
  canCreate: boolean;
  /** The duplicate guard holds Create back. */
  guarded: boolean;
  busy: LoadedStep | null;
  selected: boolean;
  onConnect(): void;
  onCreate(): void;
}

export function renderSearchStep(v: SearchStepView) {
  return html`
    ${v.suggestions}
    <form
      part="search"
      role="search"
      class="search"
      aria-label=${msg('Search the ERP', { id: 'connect.searchRegion' })}
      @submit=${(e: Event) => {
        e.preventDefault();
        v.onSearch();
      }}
    >
      <div class="search-row">
        ${v.advanced
          ? nothing
          : html`<label class="search-field">
              <span>${msg('Search text', { id: 'connect.searchLabel' })}</span>
              <input
                type="text"
                .enterKeyHint=${'search'}
                autofocus
                autocomplete="off"
                aria-describedby="search-hint"
                .value=${live(v.queryText)}
                @input=${(e: Event) => v.onQueryText((e.target as HTMLInputElement).value)}
              />
            </label>`}
        <button type="submit" class="search-button" aria-busy=${v.searching === 'new' ? 'true' : 'false'}>
          ${msg('Search', { id: 'connect.search' })}
        </button>
        ${v.supportsAdvanced
          ? html`<button
              type="button"
              class="advanced-toggle"
              aria-pressed=${v.advanced ? 'true' : 'false'}
              aria-controls=${v.advanced ? 'criteria' : nothing}
              @click=${v.onToggleAdvanced}
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
                <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" stroke-width="1.6" />
                <line x1="10" y1="10" x2="14.5" y2="14.5" stroke="currentColor" stroke-width="1.6" />
              </svg>
              <span>${msg('Advanced search', { id: 'connect.advancedSearch' })}</span>
            </button>`
          : nothing}
      </div>
      ${v.advanced
        ? v.criteria
        : html`<p id="search-hint" class="muted hint">
            ${msg('Leave the field empty to list every record in the ERP.', { id: 'connect.emptyHint' })}
          </p>`}
    </form>
    ${v.searchError ? errorBox(v.searchError, v.onRetrySearch) : nothing}
    <p class="status" role="status" id="result-count">${searchStatus(v.searching, v.results)}</p>
    ${noResults(v)}
    ${v.list}
    <label class="no-match">
      <input type="checkbox" .checked=${live(v.noMatch)} @change=${(e: Event) => v.onNoMatch((e.target as HTMLInputElement).checked)} />
      ${msg("Can't find match in ERP", { id: 'connect.noMatch' })}
    </label>
    ${v.stepError ? errorBox(v.stepError, v.onRetryStep) : nothing}
    ${v.guard}
    <div class="actions dialog-actions" part="actions">
      ${renderPrimary(v.primary)}
      <button type="button" @click=${v.onCancel}>${msg('Cancel', { id: 'action.cancel' })}</button>
    </div>
  `;
}

/**
 * A text search that found nothing (the status line says what it searched for) offers the broadest
 * search: every record (the advanced search is beside it where the connection has one).
 */
function noResults(v: SearchStepView) {
  const r = v.results;
  if (v.searching || !r || r.rows.length || r.query.kind !== 'text' || !r.query.text) return nothing;
  return html`<p class="no-results">
    <button type="button" @click=${v.onShowAll}>${msg('Show all records', { id: 'connect.showAll' })}</button>
  </p>`;
}

/** An error of the search or of the step it leads to, with Retry. */
function errorBox(problem: ErpProblem, onRetry: () => void) {
  return html`<div class="error-box" part="error" role="alert">
    <p>${problemMessage(problem)}</p>
    <button type="button" @click=${onRetry}>${msg('Retry', { id: 'action.retry' })}</button>
  </div>`;
}

function renderPrimary(p: PrimaryView) {
  if (p.noMatch) {
    const blocked = !p.canCreate;
    const guarded = !blocked && p.guarded;
    return html`<button
      type="button"
      class="primary"
      aria-disabled=${blocked || guarded || p.busy ? 'true' : 'false'}
      aria-describedby=${blocked ? 'create-reason' : guarded ? 'guard-note' : nothing}
      aria-busy=${p.busy === 'create' ? 'true' : 'false'}
      @click=${p.onCreate}
    >
      ${msg('Create', { id: 'connect.create' })}
    </button>`;
  }
  const ready = p.selected && !p.busy;
  return html`<button
    type="button"
    class="primary"
    aria-disabled=${ready ? 'false' : 'true'}
    aria-busy=${p.busy === 'compare' ? 'true' : 'false'}
    @click=${p.onConnect}
  >
    ${msg('Connect', { id: 'connect.connect' })}
  </button>`;
}

/** What the status line says about the search: running, or how many results there are. */
function searchStatus(searching: 'new' | 'more' | null, r: Results | null): string {
  if (searching === 'new') return msg('Searching…', { id: 'connect.searching' });
  if (searching === 'more') return msg('Loading more results…', { id: 'connect.loadingMore' });
  if (!r) return '';
  const nf = numberFormat(getLocale());
  if (r.rows.length === 0) {
    if (r.query.kind !== 'text' || !r.query.text) return msg('No results.', { id: 'connect.noResults' });
    const text = r.query.text;
    return msg(str`No results for “${text}”: no name in the ERP holds all of its words.`, { id: 'connect.noResultsFor' });
  }
  if (r.total !== null) {
    const total = nf.format(r.total);
    const count =
      r.total === 1 ? msg('1 result', { id: 'connect.oneResult' }) : msg(str`${total} results`, { id: 'connect.results' });
    return r.nextCursor ? msg(str`${count}, ${nf.format(r.rows.length)} shown`, { id: 'connect.resultsShown' }) : count;
  }
  const shown = nf.format(r.rows.length);
  return r.nextCursor
    ? msg(str`${shown} results shown, more available`, { id: 'connect.resultsMore' })
    : r.rows.length === 1
      ? msg('1 result', { id: 'connect.oneResult' })
      : msg(str`${shown} results`, { id: 'connect.results' });
}
