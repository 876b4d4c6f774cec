import { isVisionModel } from '../../../../shared/domain';
import { useStore } from '../../store';
import { ContextMeterContainer } from '../context/ContextMeterContainer';
import { attachFiles } from './attach-files';
import { Composer, type ComposerProps } from './Composer';

type OwnProps = Pick<ComposerProps, 'streaming' | 'blockedReason' | 'onSend' | 'onStop'>;

/** Connects the composer's images to the store. */
export function ComposerContainer(props: OwnProps) {
  const images = useStore((s) => s.images);
  const imageProblems = useStore((s) => s.imageProblems);
  const model = useStore((s) => s.draft.model);
  const focusRequest = useStore((s) => s.composerFocus);
  const { removeImage, editLast } = useStore.getState();
  const imageWarning = isVisionModel(model)
    ? null
    : `${model} is not known to accept images; ModelsLab may reject the message. Pick a vision model such as Qwen/Qwen2.5-VL-72B-Instruct-together.`;
  return (
    <Composer
      {...props}
      images={images}
      imageProblems={imageProblems}
      imageWarning={imageWarning}
      onAddFiles={(files) => void attachFiles(files)}
      focusRequest={focusRequest}
      onRemoveImage={removeImage}
      onEditLast={editLast}
      meter={(text) => <ContextMeterContainer text={text} images={images.length} />}
    />
  );
}
