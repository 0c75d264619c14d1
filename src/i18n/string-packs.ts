/**
 * Translations ship in packs so a page loads only the strings of the elements it shows. Which source
 * file's strings go to which pack is decided by scripts/split-locales.mjs from the same folders.
 */
export type StringPack = 'core' | 'dialogs' | 'admin' | 'settings';
