
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'action.cancel': `Annuleren`,
'action.edit': `Bewerken`,
'action.retry': `Opnieuw proberen`,
'action.save': `Opslaan`,
'action.syncNow': `Nu synchroniseren`,
'actor.customer': `Klant`,
'actor.partner': `Partner`,
'actor.person': `Persoon`,
'actor.project': `Project`,
'actor.supplier': `Leverancier`,
'entity.company': `Bedrijf`,
'entity.person': `Persoon`,
'entity.project': `Project`,
'error.connector': `Het ERP meldde een fout.`,
'error.connectorDetail': str`Het ERP meldde een fout: ${0}`,
'error.forbidden': `U hebt hier geen toegang toe. Neem contact op met een beheerder.`,
'error.generic': `Het verzoek is mislukt. Probeer het opnieuw.`,
'error.malformed': `Het antwoord van de server kon niet worden gelezen. Probeer het opnieuw of neem contact op met een beheerder.`,
'error.network': `De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.`,
'error.notFound': `Dit record is niet gevonden. Het is mogelijk verwijderd.`,
'error.timeout': `De server deed er te lang over om te antwoorden. Probeer het opnieuw.`,
'error.unauthorized': `Uw sessie is verlopen. Meld u opnieuw aan.`,
'error.unavailable': `De ERP-service is nu niet beschikbaar. Probeer het zo opnieuw.`,
'error.versionConflict': `Iemand anders heeft dit record intussen gewijzigd. Laad opnieuw om de wijzigingen te zien.`,
'error.withDetail': str`Het verzoek is mislukt: ${0}`,
'tab.actorType': `ERP-actor`,
'tab.badgeLinked': `Verbonden`,
'tab.badgeNotLinked': `Niet verbonden`,
'tab.displayName': `Naam`,
'tab.editHint': `Bewerkingsmodus: wijzigingen blijven hier staan tot u opslaat.`,
'tab.erpKey': `ERP-nummer`,
'tab.howToConnect': `Kies Bewerken, daarna het soort ERP-actor, en selecteer het overeenkomende ERP-record om te verbinden.`,
'tab.lastSynced': `Laatst gesynchroniseerd`,
'tab.lastSyncFailed': str`De laatste synchronisatie is mislukt: ${0}`,
'tab.loadFailed': `De ERP-gegevens konden niet worden geladen.`,
'tab.loading': `ERP-gegevens worden geladen…`,
'tab.neverSynced': `Nooit`,
'tab.notLinked': str`Dit record is nog niet verbonden met ${0}.`,
'tab.syncConflict': `Sommige waarden zijn sinds de laatste synchronisatie aan beide kanten gewijzigd.`,
'tab.synced': `Gesynchroniseerd.`,
'tab.syncing': `Bezig met synchroniseren…`,
'value.empty': `(leeg)`,
'value.no': `Nee`,
'value.yes': `Ja`,
    };
  