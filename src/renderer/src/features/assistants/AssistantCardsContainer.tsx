import { useStore } from '../../store';
import { AssistantCards } from './AssistantCards';

/** The assistants, offered in an empty chat. */
export function AssistantCardsContainer() {
  const assistants = useStore((s) => s.assistants);
  const { startWithAssistant, setAssistantsOpen } = useStore.getState();
  return (
    <AssistantCards
      assistants={assistants}
      onStart={(assistant) => {
        startWithAssistant(assistant);
        document.querySelector<HTMLTextAreaElement>('.composer__input')?.focus();
      }}
      onManage={() => setAssistantsOpen(true)}
    />
  );
}
