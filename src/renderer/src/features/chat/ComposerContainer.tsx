import { useMemo } from 'react';
import { isVisionModel } from '../../../../shared/domain';
import { useStore } from '../../store';
import { ContextMeterContainer } from '../context/ContextMeterContainer';
import { Composer, type ComposerProps } from './Composer';

type OwnProps = Pick<ComposerProps, 'streaming' | 'blockedReason' | 'onSend' | 'onStop'>;

/** Connects the composer's images to the store. */
export function ComposerContainer(props: OwnProps) {
  const images = useStore((s) => s.images);
  const imageProblems = useStore((s) => s.imageProblems);
  const model = useStore((s) => s.draft.model);
  const assistants = useStore((s) => s.assistants);
  const prompts = useMemo(
    () => assistants.map(({ name, description, systemPrompt }) => ({ name, description, text: systemPrompt })),
    [assistants],
  );
  const { addImages, removeImage, editLast } = useStore.getState();
  const imageWarning = isVisionModel(model)
    ? null
    : `${model} is not known to accept images; ModelsLab may reject the message. Pick a vision model such as Qwen/Qwen2.5-VL-72B-Instruct-together.`;
  return (
    <Composer
      {...props}
      images={images}
      imageProblems={imageProblems}
      imageWarning={imageWarning}
      onAddFiles={(files) => void addImages(files)}
      onRemoveImage={removeImage}
      onEditLast={editLast}
      prompts={prompts}
      meter={(text) => <ContextMeterContainer text={text} images={images.length} />}
    />
  );
}
