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

  it('an attached image alone is enough to send, and Send says what it needs while off', async () => {
    const empty = composer();
    const off = byLabel<HTMLButtonElement>(empty.view, 'Send');
    expect(off.title).toBe('Type a message or attach an image to send');
    const { props, view, input } = composer({ images: [{ name: 'red.png', thumbnail: 'data:image/png;base64,AA==' }] });
    expect(byLabel<HTMLButtonElement>(view, 'Send').disabled).toBe(false);
    await act(async () => press(input, 'Enter'));
    expect(props.onSend).toHaveBeenCalledWith('');
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

  it('says why each file was left out, with sizes in the UI’s digits', () => {
    const { view } = composer({
      imageProblems: [
        { kind: 'not-image', name: 'notes.txt' },
        { kind: 'too-large', name: 'huge.png', bytes: 6 * 1024 * 1024 },
        { kind: 'too-many' },
        { kind: 'over-total', name: 'c.png' },
      ],
    });
    expect([...view.querySelectorAll('[role="alert"] li')].map((li) => li.textContent)).toEqual([
      'notes.txt is not a PNG, JPEG, WebP or GIF image.',
      'huge.png is 6.0 MB; images can be up to 5.0 MB.',
      'A message can carry up to 4 images.',
      'c.png is left out: one message can carry up to 10.0 MB of images.',
    ]);
  });
});
