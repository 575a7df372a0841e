// The four prompts crm asks with, and nothing else of @inquirer/prompts: imported by name, the
// bundle leaves out the rest (the editor prompt alone brings 0.5 MB of character encodings).
// Loaded with `await import()` by prompter.ts, only when a wizard runs.
export { confirm, input, search, select } from '@inquirer/prompts';
