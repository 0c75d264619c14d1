import type { ReactiveControllerHost } from 'lit';
import type { EntityKey, ErpBackend } from '../../backend/erp-backend.js';
import type { ActorType, MatchSuggestion } from '../../model/types.js';
import { LoadController } from '../shared/load-controller.js';
import { renderSuggestions, type SuggestionsView } from './match-suggestions.js';

/** The suggested matches above the connect dialog's search: loaded once per opening, a help and not a step. */
export class SuggestionsController {
  private list: MatchSuggestion[] | null = null;
  private readonly loader: LoadController<[ErpBackend, EntityKey, string, ActorType], MatchSuggestion[]>;

  constructor(host: ReactiveControllerHost) {
    this.loader = new LoadController(
      host,
      ([backend, entity, connectionId, actorType], signal) => backend.getMatchSuggestions(entity, connectionId, actorType, { signal }),
      (list) => (this.list = list),
    );
  }

  /** Loads the suggestions for a CRM record (a load before is aborted). */
  load(backend: ErpBackend, entity: EntityKey, connectionId: string, actorType: ActorType): void {
    void this.loader.run(backend, entity, connectionId, actorType);
  }

  abort(): void {
    this.loader.abort();
  }

  /** Forgets the suggestions (the dialog opens afresh). */
  reset(): void {
    this.loader.abort();
    this.loader.clear();
    this.list = null;
  }

  /** The suggestions that are strong (they hold Create back). */
  get strong(): MatchSuggestion[] {
    return (this.list ?? []).filter((s) => s.strength === 'strong');
  }

  get count(): number {
    return this.list?.length ?? 0;
  }

  find(key: string | null): MatchSuggestion | undefined {
    return this.list?.find((s) => s.key === key);
  }

  render(v: Omit<SuggestionsView, 'suggestions' | 'loading' | 'error'>) {
    return renderSuggestions({ ...v, suggestions: this.list, loading: this.loader.pending, error: this.loader.problem });
  }
}
