import { describe, expect, it, vi } from 'vitest';
import { act, render } from '../testing/render';
import { Modal } from './Modal';

function opened() {
  const onClose = vi.fn();
  const view = render(
    <Modal open title="Settings" onClose={onClose}>
      <p>Pages</p>
    </Modal>,
  );
  const dialog = view.querySelector('dialog')!;
  expect(dialog.open).toBe(true);
  return { dialog, onClose };
}

describe('Modal', () => {
  it('hears Esc at the keypress (the cancel event), before the dialog’s close event', () => {
    const { dialog, onClose } = opened();
    act(() => void dialog.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('ignores a late close event that finds the dialog opened again', () => {
    const { dialog, onClose } = opened();
    act(() => void dialog.dispatchEvent(new Event('close')));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes when the dialog was closed some other way', () => {
    const { dialog, onClose } = opened();
    act(() => dialog.close());
    expect(onClose).toHaveBeenCalled();
  });
});
