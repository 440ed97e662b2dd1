/**
 * Copies text to the clipboard where the browser allows it; elsewhere (no clipboard API, an
 * insecure origin, permission refused) selects `element`'s text so the agent can press Ctrl+C.
 */
export async function copyText(text: string, element: HTMLElement | null): Promise<'copied' | 'selected'> {
  // Typed as the DOM has it, but missing outside secure contexts and in some hosts.
  const clipboard = (navigator as { clipboard?: Pick<Clipboard, 'writeText'> }).clipboard;
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return 'copied';
    } catch {
      // Refused (no permission, the document not focused): fall back to a selection.
    }
  }
  const selection = window.getSelection();
  if (element && selection) {
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  return 'selected';
}
