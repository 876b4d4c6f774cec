/** A native message box, in the shape Electron's `dialog.showMessageBox` takes. */
export interface MessageBox {
  type: 'question' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** The button Enter presses: always the safe one. */
  defaultId: number;
  /** The answer when the box is closed with Esc or its close button. */
  cancelId: number;
}

/** Shows a question only main can ask (the window cannot draw over it or answer it); resolves to the button chosen. */
export type AskUser = (box: MessageBox) => Promise<number>;

/** Where no one can be asked, every question gets its cancel answer. */
export const answerCancel: AskUser = async (box) => box.cancelId;
