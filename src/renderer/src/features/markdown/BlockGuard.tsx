import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nestingProblem } from './nesting';
import './guard.css';

/** A block's source as it came, with a quiet note saying why it is not formatted. */
export function PlainBlock({ text, reason }: { text: string; reason: 'nesting' | 'failed' }) {
  const { t } = useTranslation('markdown');
  return (
    <div className="md-plain" data-plain={reason}>
      <div className="md-plain__text">{text}</div>
      <p className="md-plain__note">{t(`plain.${reason}`)}</p>
    </div>
  );
}

interface BoundaryState {
  source: string;
  failed: boolean;
}

/** Catches what rendering one block throws, so a reply that breaks the parser loses one block, not the window. */
class BlockBoundary extends Component<{ source: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { source: this.props.source, failed: false };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  // A streaming block gets another try each time its text grows.
  static getDerivedStateFromProps(props: { source: string }, state: BoundaryState): BoundaryState | null {
    return props.source === state.source ? null : { source: props.source, failed: false };
  }

  override render() {
    return this.state.failed ? <PlainBlock text={this.props.source} reason="failed" /> : this.props.children;
  }
}

/**
 * Wraps the rendering of one Markdown block: a source that nests too deeply is never parsed (see nesting.ts), and
 * anything rendering throws shows the source as plain text in place of that block alone.
 */
export function BlockGuard({ source, children }: { source: string; children: ReactNode }) {
  if (nestingProblem(source)) return <PlainBlock text={source} reason="nesting" />;
  return <BlockBoundary source={source}>{children}</BlockBoundary>;
}
