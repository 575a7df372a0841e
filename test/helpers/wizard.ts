// Driving crm's interactive prompts in tests through @inquirer/testing's virtual screen. The test
// file must import '@inquirer/testing/vitest' itself (that import swaps the prompts' terminal).
import { screen } from '@inquirer/testing/vitest';
import { expect } from 'vitest';

/** Wait until the prompt on screen shows `text` (prompts render asynchronously). */
export async function waitFor(text: string, timeoutMs = 5000): Promise<string> {
  const start = Date.now();
  while (!screen.getScreen().includes(text)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen.getScreen()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return screen.getScreen();
}

/** Answer the prompt showing `question`: type `text` (if any), then Enter. */
export async function answer(question: string, text = ''): Promise<void> {
  await waitFor(question);
  if (text) {
    screen.type(text);
    await waitFor(text);
  }
  screen.keypress('enter');
}

/** Pick the entry of a select prompt labelled `label`: down through the list, then up (lists do not wrap). */
export async function choose(question: string, label: string): Promise<void> {
  await waitFor(question);
  for (const key of [...Array(12).fill('down'), ...Array(24).fill('up')] as string[]) {
    if (screen.getScreen().includes(`❯ ${label}`)) break;
    screen.keypress(key);
    await new Promise((r) => setTimeout(r, 2));
  }
  expect(screen.getScreen()).toContain(`❯ ${label}`);
  screen.keypress('enter');
}
