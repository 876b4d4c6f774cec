import { describe, expect, it, vi } from 'vitest';
import { act, byLabel, press, render, type } from '../../testing/render';
import { Composer, type ComposerProps } from './Composer';

function composer(patch: Partial<ComposerProps> = {}) {
  const props: ComposerProps = {
    streaming: false,
    images: [],
    imageProblems: [],
    imageWarning: null,
    onAddFiles: vi.fn(),
    onRemoveImage: vi.fn(),
    blockedReason: null,
    onSend: vi.fn(async () => true),
    onStop: vi.fn(),
    ...patch,
  };
  const view = render(<Composer {...props} />);
  return { props, view, input: byLabel<HTMLTextAreaElement>(view, 'Message') };
}

describe('Composer', () => {
  it('Send is off until there is text, and Enter sends it and empties the box', async () => {
    const { props, view, input } = composer();
    expect(byLabel<HTMLButtonElement>(view, 'Send').disabled).toBe(true);
    type(input, '   ');
    expect(byLabel<HTMLButtonElement>(view, 'Send').disabled).toBe(true);
    type(input, 'Hello');
    expect(byLabel<HTMLButtonElement>(view, 'Send').disabled).toBe(false);
    await act(async () => press(input, 'Enter'));
    expect(props.onSend).toHaveBeenCalledWith('Hello');
    expect(input.value).toBe('');
  });

  it('Shift+Enter does not send; a refused send keeps the text in the box', async () => {
    const { props, input } = composer({ onSend: vi.fn(async () => false) });
    type(input, 'Keep me');
    press(input, 'Enter', { shiftKey: true });
    expect(props.onSend).not.toHaveBeenCalled();
    await act(async () => press(input, 'Enter'));
    expect(props.onSend).toHaveBeenCalledOnce();
    expect(input.value).toBe('Keep me');
  });

  it('while a reply streams, the button is Stop; when sending is blocked, the reason shows and nothing sends', async () => {
    const streaming = composer({ streaming: true });
    act(() => byLabel<HTMLButtonElement>(streaming.view, 'Stop').click());
    expect(streaming.props.onStop).toHaveBeenCalledOnce();
    const blocked = composer({ blockedReason: 'You are offline.' });
    type(blocked.input, 'Hi');
    await act(async () => press(blocked.input, 'Enter'));
    expect(blocked.props.onSend).not.toHaveBeenCalled();
    expect(blocked.view.textContent).toContain('You are offline.');
  });

  it('↑ in an empty box edits the last message', () => {
    const onEditLast = vi.fn(() => true);
    const { input } = composer({ onEditLast });
    press(input, 'ArrowUp');
    expect(onEditLast).toHaveBeenCalledOnce();
    type(input, 'x');
    press(input, 'ArrowUp');
    expect(onEditLast).toHaveBeenCalledOnce();
  });

  it('takes the focus each time it is asked to', () => {
    const { props, view, input } = composer({ focusRequest: 0 });
    const elsewhere = document.body.appendChild(document.createElement('button'));
    elsewhere.focus();
    expect(document.activeElement).toBe(elsewhere);
    view.rerender(<Composer {...props} focusRequest={1} />);
    expect(document.activeElement).toBe(input);
    elsewhere.remove();
  });
});
