/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and focus; where it is missing or
 * refuses, a selected off-screen textarea and `execCommand('copy')` still work inside the click that asked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const active = document.activeElement as HTMLElement | null;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    active?.focus();
    return ok;
  }
}
