export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The Save and Open dialogs, with the file access that goes with them. */
export interface FileDialogs {
  /** Asks where to save, writes the text there, and returns the path; null when the user cancelled. */
  saveFile(request: {
    title: string;
    defaultName: string;
    filters: FileFilter[];
    content: string;
  }): Promise<string | null>;
  /** Asks for a file and returns its path, unread (main checks its size first); null when the user cancelled. */
  openFile(request: { title: string; filters: FileFilter[] }): Promise<string | null>;
}

/** Where there are no dialogs, every one is cancelled. */
export const noDialogs: FileDialogs = { saveFile: async () => null, openFile: async () => null };
