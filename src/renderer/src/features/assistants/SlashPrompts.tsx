import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchingPrompts, slashQuery, type SavedPrompt } from './slash-prompts';
import './assistants.css';

/**
 * "/" at the start of the composer lists the saved prompts; arrows move, Enter or Tab inserts the prompt in place
 * of the "/…", Esc closes. Focus stays in the message box: `inputProps` go on its textarea.
 */
export function useSlashPrompts(text: string, prompts: readonly SavedPrompt[], insert: (text: string) => void) {
  const id = useId();
  const { t } = useTranslation('assistants');
  const query = slashQuery(text);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // The active option belongs to the search it was chosen in; a new search starts at the top.
  const [moved, setMoved] = useState({ query, index: 0 });
  const active = moved.query === query ? moved.index : 0;
  const setActive = (index: number) => setMoved({ query, index });
  const options = query === null ? [] : matchingPrompts(prompts, query);
  const open = query !== null && dismissed !== text && options.length > 0;
  const at = Math.min(active, options.length - 1);

  function choose(prompt: SavedPrompt) {
    insert(prompt.text);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open) return false;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves) {
      setActive((at + moves[event.key]! + options.length) % options.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      choose(options[at]!);
    } else if (event.key === 'Escape') {
      // The window's own Esc (stop a reply) must not also fire.
      event.stopPropagation();
      setDismissed(text);
    } else return false;
    event.preventDefault();
    return true;
  }

  const optionId = (index: number) => `${id}-prompt-${index}`;
  const inputProps = {
    'aria-autocomplete': 'list' as const,
    'aria-controls': open ? `${id}-prompts` : undefined,
    'aria-activedescendant': open ? optionId(at) : undefined,
  };
  const list = open ? (
    <ul
      id={`${id}-prompts`}
      role="listbox"
      aria-label={t('savedPrompts')}
      className="slash-prompts"
      onMouseDown={(e) => e.preventDefault()}
    >
      {options.map((prompt, index) => (
        <li
          key={prompt.name}
          id={optionId(index)}
          role="option"
          aria-selected={index === at}
          className={`slash-prompts__option${index === at ? ' slash-prompts__option--active' : ''}`}
          onMouseMove={() => index !== at && setActive(index)}
          onClick={() => choose(prompt)}
        >
          <strong>{prompt.name}</strong>
          <span className="slash-prompts__text">{prompt.text}</span>
        </li>
      ))}
    </ul>
  ) : null;
  return { onKeyDown, inputProps, list };
}
