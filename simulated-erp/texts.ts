// The simulated ERP's texts in the widget's other languages: its field labels and list texts, as an
// ERP that keeps translations answers them (per language, beside the English text). The connectors
// send them with their catalogue (`labels`, connectors/protocol.yaml) and the sync service, like the
// simulated ERP itself, answers the language a request asks for (Accept-Language).
import type { FieldMeta, ListItem } from '../src/model/types.js';

export type ErpLanguage = 'de' | 'da' | 'nl';
export const ERP_LANGUAGES: readonly ErpLanguage[] = ['de', 'da', 'nl'];

/** A text in the other languages; English is the text itself. */
export type Texts = Partial<Record<ErpLanguage, string>>;

/** A field or list item as a connector describes it: its English text and its translations. */
export type TextsOf<T> = T & { labels?: Texts };

const T = (de: string, da: string, nl: string): Texts => ({ de, da, nl });

/** English text -> de, da, nl. */
const TEXTS: Record<string, Texts> = {
  // field labels
  'Active': T('Aktiv', 'Aktiv', 'Actief'),
  'Bank account (IBAN)': T('Bankkonto (IBAN)', 'Bankkonto (IBAN)', 'Bankrekening (IBAN)'),
  'Birthday': T('Geburtstag', 'Fødselsdag', 'Verjaardag'),
  'Budget': T('Budget', 'Budget', 'Budget'),
  'Budgeted hours': T('Geplante Stunden', 'Budgetterede timer', 'Begrote uren'),
  'City': T('Ort', 'By', 'Plaats'),
  'Closed': T('Abgeschlossen', 'Lukket', 'Gesloten'),
  'Contact number': T('Kontaktnummer', 'Kontaktnummer', 'Contactnummer'),
  'Country': T('Land', 'Land', 'Land'),
  'Credit check': T('Bonitätsprüfung', 'Kreditvurdering', 'Kredietcontrole'),
  'Credit limit': T('Kreditlimit', 'Kreditgrænse', 'Kredietlimiet'),
  'Currency': T('Währung', 'Valuta', 'Valuta'),
  'Customer number': T('Kundennummer', 'Kundenummer', 'Klantnummer'),
  'Description': T('Beschreibung', 'Beskrivelse', 'Omschrijving'),
  'E-mail': T('E-Mail', 'E-mail', 'E-mail'),
  'Employees': T('Mitarbeitende', 'Medarbejdere', 'Medewerkers'),
  'Founded': T('Gegründet', 'Grundlagt', 'Opgericht'),
  'Job title': T('Position', 'Stilling', 'Functie'),
  'Key account': T('Schlüsselkunde', 'Nøglekunde', 'Sleutelklant'),
  'Name': T('Name', 'Navn', 'Naam'),
  'Notes': T('Notizen', 'Noter', 'Notities'),
  'Open balance': T('Offener Saldo', 'Åben saldo', 'Openstaand saldo'),
  'Partner number': T('Partnernummer', 'Partnernummer', 'Partnernummer'),
  'Payment terms': T('Zahlungsbedingungen', 'Betalingsbetingelser', 'Betalingsvoorwaarden'),
  'Phone': T('Telefon', 'Telefon', 'Telefoon'),
  'Project number': T('Projektnummer', 'Projektnummer', 'Projectnummer'),
  'Start date': T('Startdatum', 'Startdato', 'Startdatum'),
  'Status': T('Status', 'Status', 'Status'),
  'Street': T('Straße', 'Gade', 'Straat'),
  'Supplier number': T('Lieferantennummer', 'Leverandørnummer', 'Leveranciersnummer'),
  'VAT number': T('USt-IdNr.', 'Momsnummer', 'Btw-nummer'),
  // list texts: countries, currencies, payment terms, project states
  'Germany': T('Deutschland', 'Tyskland', 'Duitsland'),
  'United Kingdom': T('Vereinigtes Königreich', 'Storbritannien', 'Verenigd Koninkrijk'),
  'Denmark': T('Dänemark', 'Danmark', 'Denemarken'),
  'Netherlands': T('Niederlande', 'Nederlandene', 'Nederland'),
  'Norway': T('Norwegen', 'Norge', 'Noorwegen'),
  'Sweden': T('Schweden', 'Sverige', 'Zweden'),
  'France': T('Frankreich', 'Frankrig', 'Frankrijk'),
  'Switzerland': T('Schweiz', 'Schweiz', 'Zwitserland'),
  'United States': T('Vereinigte Staaten', 'USA', 'Verenigde Staten'),
  'Euro': T('Euro', 'Euro', 'Euro'),
  'Pound sterling': T('Pfund Sterling', 'Britiske pund', 'Pond sterling'),
  'Danish krone': T('Dänische Krone', 'Danske kroner', 'Deense kroon'),
  'Norwegian krone': T('Norwegische Krone', 'Norske kroner', 'Noorse kroon'),
  'Swedish krona': T('Schwedische Krone', 'Svenske kroner', 'Zweedse kroon'),
  'Swiss franc': T('Schweizer Franken', 'Schweiziske franc', 'Zwitserse frank'),
  'US dollar': T('US-Dollar', 'Amerikanske dollar', 'Amerikaanse dollar'),
  'Prepayment': T('Vorkasse', 'Forudbetaling', 'Vooruitbetaling'),
  '14 days net': T('14 Tage netto', '14 dage netto', '14 dagen netto'),
  '30 days net': T('30 Tage netto', '30 dage netto', '30 dagen netto'),
  '60 days net': T('60 Tage netto', '60 dage netto', '60 dagen netto'),
  '90 days net': T('90 Tage netto', '90 dage netto', '90 dagen netto'),
  'Planned': T('Geplant', 'Planlagt', 'Gepland'),
  'In progress': T('In Arbeit', 'I gang', 'In uitvoering'),
  'On hold': T('Angehalten', 'På pause', 'On hold'),
  'Completed': T('Abgeschlossen', 'Afsluttet', 'Afgerond'),
};

/** A field or list item with the translations of its English text, where there are any. */
export function withTexts<T extends { label: string }>(item: T): TextsOf<T> {
  const labels = TEXTS[item.label];
  return labels ? { ...item, labels } : item;
}

/** The language of an Accept-Language header that has texts here, else undefined (English). */
export function erpLanguage(acceptLanguage: string | null | undefined): ErpLanguage | undefined {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0]!;
    if (tag === 'en') return undefined;
    if ((ERP_LANGUAGES as readonly string[]).includes(tag)) return tag as ErpLanguage;
  }
  return undefined;
}

/** As the widget sees it in `lang`: the label in that language (else English), without the other texts. */
export function inLanguage<T extends FieldMeta | ListItem>(item: TextsOf<T>, lang: ErpLanguage | undefined): T {
  if (!('labels' in item)) return item;
  const { labels, ...rest } = item;
  return { ...rest, label: (lang && labels?.[lang]) || item.label } as unknown as T;
}

/** The simulated ERP's text for `english` in `lang` (English where it has none). */
export function erpText(english: string, lang: string): string {
  return TEXTS[english]?.[lang as ErpLanguage] ?? english;
}
