import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { ActorTypeOffer } from '../../model/types.js';
import { actorTypeLabel } from '../../i18n/terms.js';

/** In edit mode on a record not connected: the ERP actor types to connect as, an unavailable one with why. */
export function renderActorOffers(connectionId: string, offers: ActorTypeOffer[], onPick: (offer: ActorTypeOffer) => void) {
  if (offers.length === 0) {
    return html`<p class="muted">${msg('This connection offers no ERP actor type for this record.', { id: 'tab.noOffers' })}</p>`;
  }
  return html`<div class="offers" role="group" aria-labelledby="offers-label-${connectionId}">
    <p id="offers-label-${connectionId}">${msg('Connect as:', { id: 'tab.connectAs' })}</p>
    ${offers.map((offer) => {
      const reasonId = `reason-${connectionId}-${offer.type}`;
      return html`<div class="offer">
        <button
          type="button"
          aria-disabled=${offer.available ? 'false' : 'true'}
          aria-describedby=${offer.available ? nothing : reasonId}
          @click=${() => onPick(offer)}
        >
          ${actorTypeLabel(offer.type)}
        </button>
        ${offer.available ? nothing : html`<span id=${reasonId} class="muted">${offerReason(offer)}</span>`}
      </div>`;
    })}
  </div>`;
}

function offerReason(offer: ActorTypeOffer): string {
  switch (offer.reason) {
    case 'company-not-linked':
      return msg("Connect the person's company first: persons are connected under their company's ERP actor.", {
        id: 'tab.reasonCompanyNotLinked',
      });
    case 'other-actor-linked':
      return msg('Only one ERP actor per company: this company is already connected as another type.', {
        id: 'tab.reasonOtherActor',
      });
    default:
      return msg('Not available for this record.', { id: 'tab.reasonUnavailable' });
  }
}
