import { expect, test } from './fixtures/test';

test('the composer’s settings saved as an assistant start a new chat with its model, prompt and parameters', async ({
  app,
}) => {
  const { page, server } = app;
  await page.getByRole('combobox', { name: 'Model' }).fill('meta-llama-3-8B-instruct');
  await page.getByRole('button', { name: 'Parameters' }).click();
  await page.getByLabel('System prompt').fill('Answer like a pirate.');
  await page.getByRole('textbox', { name: 'Temperature' }).fill('1.2');
  await page.getByLabel('Assistant name').fill('Pirate');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Pirate”.' })).toBeVisible();

  // Change everything, then start from the assistant.
  await page.getByRole('combobox', { name: 'Model' }).fill('other-model');
  await page.getByLabel('System prompt').fill('');
  await page.getByRole('button', { name: 'All assistants…' }).click();
  await page.getByRole('button', { name: 'Start a chat with Pirate' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('meta-llama-3-8B-instruct');
  await expect(page.getByLabel('System prompt')).toHaveValue('Answer like a pirate.');
  await page.screenshot({ path: 'e2e/output/presets.png' });

  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill('Ahoy?');
  await input.press('Enter');
  await expect(page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
  const body = server.chatRequests().at(-1)!.body as Record<string, unknown>;
  expect(body).toMatchObject({ model: 'meta-llama-3-8B-instruct', temperature: 1.2 });
  expect((body.messages as { content: string }[])[0]!.content).toBe('Answer like a pirate.');
  expect(app.web!.services.settings.get().values.assistants.at(-1)).toMatchObject({
    name: 'Pirate',
    model: 'meta-llama-3-8B-instruct',
    params: { temperature: 1.2 },
  });
});

test('the composer’s settings can become the defaults for new chats', async ({ app }) => {
  const { page } = app;
  await page.getByRole('combobox', { name: 'Model' }).fill('meta-llama/Llama-3.1-70B-Instruct');
  await page.getByRole('button', { name: 'Parameters' }).click();
  await page.getByRole('textbox', { name: 'Max tokens' }).fill('300');
  await page.getByRole('button', { name: 'Use these as defaults for new chats' }).click();
  await expect(page.getByText('New chats will start with this model')).toBeVisible();
  expect(app.web!.services.settings.get().values).toMatchObject({
    defaultModel: 'meta-llama/Llama-3.1-70B-Instruct',
    defaultParams: { max_tokens: 300 },
  });
});

test('background updates can be turned off in Settings', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.press('Control+,');
  await page.getByRole('tab', { name: 'Updates' }).click();
  const box = page.getByRole('checkbox', { name: /Check for updates in the background/ });
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect.poll(() => app.web!.services.settings.get().values.autoUpdate).toBe(false);
});
