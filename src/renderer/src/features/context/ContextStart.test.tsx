import { afterEach, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n';
import { act, render } from '../../testing/render';
import { ContextStart } from './ContextStart';

afterEach(async () => {
  await act(() => applyLanguage('en'));
});

it('counts the messages left out in the language’s plural forms and digits', async () => {
  const one = render(<ContextStart notSent={1} />);
  const many = render(<ContextStart notSent={1554} />);
  expect(one.textContent).toBe('1 earlier message is not sent: the model’s context has no room for them.');
  expect(many.textContent).toBe('1,554 earlier messages are not sent: the model’s context has no room for them.');
  await act(() => applyLanguage('ar'));
  expect(one.textContent).toContain('رسالة سابقة واحدة');
  expect(many.textContent).toBe(
    `${new Intl.NumberFormat('ar').format(1554)} رسالة سابقة لا تُرسل: لا يتسع لها سياق النموذج.`,
  );
});
