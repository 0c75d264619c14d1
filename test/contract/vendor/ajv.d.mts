// Types for the bundled ajv (see scripts/bundle-ajv.mjs).
export { default as Ajv2020 } from 'ajv/dist/2020.js';
export { default as addFormats } from 'ajv-formats';
