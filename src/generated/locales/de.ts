
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'action.cancel': `Abbrechen`,
'action.edit': `Bearbeiten`,
'action.retry': `Erneut versuchen`,
'action.save': `Speichern`,
'action.syncNow': `Jetzt synchronisieren`,
'actor.customer': `Kunde`,
'actor.partner': `Partner`,
'actor.person': `Person`,
'actor.project': `Projekt`,
'actor.supplier': `Lieferant`,
'entity.company': `Firma`,
'entity.person': `Person`,
'entity.project': `Projekt`,
'error.connector': `Das ERP hat einen Fehler gemeldet.`,
'error.connectorDetail': str`Das ERP hat einen Fehler gemeldet: ${0}`,
'error.forbidden': `Sie haben keinen Zugriff darauf. Wenden Sie sich an einen Administrator.`,
'error.generic': `Die Anfrage ist fehlgeschlagen. Versuchen Sie es erneut.`,
'error.malformed': `Die Antwort des Servers war nicht lesbar. Versuchen Sie es erneut oder wenden Sie sich an einen Administrator.`,
'error.network': `Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.`,
'error.notFound': `Dieser Datensatz wurde nicht gefunden. Er wurde möglicherweise entfernt.`,
'error.timeout': `Der Server hat zu lange nicht geantwortet. Versuchen Sie es erneut.`,
'error.unauthorized': `Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.`,
'error.unavailable': `Der ERP-Dienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.`,
'error.versionConflict': `Jemand anderes hat diesen Datensatz inzwischen geändert. Laden Sie neu, um die Änderungen zu sehen.`,
'error.withDetail': str`Die Anfrage ist fehlgeschlagen: ${0}`,
'tab.actorType': `ERP-Akteur`,
'tab.badgeLinked': `Verbunden`,
'tab.badgeNotLinked': `Nicht verbunden`,
'tab.displayName': `Name`,
'tab.editHint': `Bearbeitungsmodus: Änderungen bleiben hier, bis Sie speichern.`,
'tab.erpKey': `ERP-Nummer`,
'tab.howToConnect': `Zum Verbinden wählen Sie Bearbeiten, dann die Art des ERP-Akteurs, und wählen den passenden ERP-Datensatz.`,
'tab.lastSynced': `Zuletzt synchronisiert`,
'tab.lastSyncFailed': str`Die letzte Synchronisierung ist fehlgeschlagen: ${0}`,
'tab.loadFailed': `Die ERP-Daten konnten nicht geladen werden.`,
'tab.loading': `ERP-Daten werden geladen…`,
'tab.neverSynced': `Nie`,
'tab.notLinked': str`Dieser Datensatz ist noch nicht mit ${0} verbunden.`,
'tab.syncConflict': `Einige Werte wurden seit der letzten Synchronisierung auf beiden Seiten geändert.`,
'tab.synced': `Synchronisiert.`,
'tab.syncing': `Wird synchronisiert…`,
'value.empty': `(leer)`,
'value.no': `Nein`,
'value.yes': `Ja`,
    };
  