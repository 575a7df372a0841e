// Runs in every test file (vitest.config.ts setupFiles). Registered before the file's own hooks,
// so this afterAll runs after them: the folders are gone once nothing in the file needs them.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

afterAll(removeTempDirs);
