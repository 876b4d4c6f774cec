import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisionModel } from '../../../../shared/domain';
import { useStore } from '../../store';
import { selectDocumentTokens } from '../../store/documents-slice';
import { ContextMeterContainer } from '../context/ContextMeterContainer';
import { DocumentsContainer, useDocumentsBlock } from '../documents/DocumentsContainer';
import { attachFiles, attachImageFiles } from './attach-files';
import { Composer, type ComposerProps } from './Composer';

type OwnProps = Pick<ComposerProps, 'streaming' | 'blockedReason' | 'onSend' | 'onStop'>;

/** Connects the composer's images to the store. */
export function ComposerContainer(props: OwnProps) {
  const { t } = useTranslation('chat');
  const images = useStore((s) => s.images);
  const imageProblems = useStore((s) => s.imageProblems);
  const model = useStore((s) => s.draft.model);
  const assistants = useStore((s) => s.assistants);
  const prompts = useMemo(
    () => assistants.map(({ name, description, systemPrompt }) => ({ name, description, text: systemPrompt })),
    [assistants],
  );
  const focusRequest = useStore((s) => s.composerFocus);
  const documentTokens = useStore(selectDocumentTokens);
  const documentsBlock = useDocumentsBlock();
  const { removeImage, editLast, pickDocument } = useStore.getState();
  const imageWarning = isVisionModel(model)
    ? null
    : t('composer.visionWarning', { model, example: 'Qwen/Qwen2.5-VL-72B-Instruct-together' });
  return (
    <Composer
      {...props}
      blockedReason={props.blockedReason ?? documentsBlock}
      onAttachDocument={() => void pickDocument()}
      documents={<DocumentsContainer />}
      images={images}
      imageProblems={imageProblems}
      imageWarning={imageWarning}
      onAddFiles={(files) => void attachFiles(files)}
      onPickImages={(files) => void attachImageFiles(files)}
      focusRequest={focusRequest}
      onRemoveImage={removeImage}
      onEditLast={editLast}
      prompts={prompts}
      meter={(text) => <ContextMeterContainer text={text} images={images.length} documentTokens={documentTokens} />}
    />
  );
}
