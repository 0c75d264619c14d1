
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'action.cancel': `Annuller`,
'action.edit': `Rediger`,
'action.retry': `Prøv igen`,
'action.save': `Gem`,
'action.syncNow': `Synkroniser alt nu`,
'actor.customer': `Kunde`,
'actor.partner': `Partner`,
'actor.person': `Person`,
'actor.project': `Projekt`,
'actor.supplier': `Leverandør`,
'entity.company': `Firma`,
'entity.person': `Person`,
'entity.project': `Projekt`,
'error.connector': `ERP-systemet rapporterede en fejl.`,
'error.connectorDetail': str`ERP-systemet rapporterede en fejl: ${0}`,
'error.forbidden': `Du har ikke adgang til dette. Kontakt en administrator.`,
'error.generic': `Forespørgslen mislykkedes. Prøv igen.`,
'error.malformed': `Serverens svar kunne ikke læses. Prøv igen, eller kontakt en administrator.`,
'error.network': `Serveren kunne ikke nås. Kontroller din forbindelse, og prøv igen.`,
'error.notFound': `Posten blev ikke fundet. Den er muligvis fjernet.`,
'error.timeout': `Serveren var for længe om at svare. Prøv igen.`,
'error.unauthorized': `Din session er udløbet. Log ind igen.`,
'error.unavailable': `ERP-tjenesten er ikke tilgængelig lige nu. Prøv igen om lidt.`,
'error.versionConflict': `En anden har ændret denne post i mellemtiden. Genindlæs for at se ændringerne.`,
'error.withDetail': str`Forespørgslen mislykkedes: ${0}`,
'tab.actorType': `ERP-aktør`,
'tab.badgeLinked': `Tilknyttet`,
'tab.badgeNotLinked': `Ikke tilknyttet`,
'tab.displayName': `Navn`,
'tab.editHint': `Redigeringstilstand: ændringer gemmes først, når du vælger Gem.`,
'tab.erpKey': `ERP-nummer`,
'tab.howToConnect': `For at tilknytte skal du vælge Rediger, derefter typen af ERP-aktør, og vælge den matchende ERP-post.`,
'tab.lastSynced': `Sidst synkroniseret`,
'tab.lastSyncFailed': str`Den seneste synkronisering mislykkedes: ${0}`,
'tab.loadFailed': `ERP-data kunne ikke indlæses.`,
'tab.loading': `Indlæser ERP-data…`,
'tab.neverSynced': `Aldrig`,
'tab.notLinked': str`Denne post er endnu ikke tilknyttet ${0}.`,
'tab.syncConflict': `Nogle værdier er ændret på begge sider siden sidste synkronisering.`,
'tab.synced': `Synkroniseret.`,
'tab.syncing': `Synkroniserer…`,
'value.empty': `(tom)`,
'value.no': `Nej`,
'value.yes': `Ja`,
    };
  