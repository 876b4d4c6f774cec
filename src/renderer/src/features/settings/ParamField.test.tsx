import { describe, expect, it, vi } from 'vitest';
import { PARAM_SPECS } from '../../../../shared/domain';
import { render, type } from '../../testing/render';
import { ParamField, paramProblem } from './ParamField';

describe('ParamField', () => {
  it('checks typed values with main’s own schema', () => {
    expect(paramProblem('temperature', 'abc')).toBe('Enter a number');
    expect(paramProblem('max_tokens', '10.5')).toBe('Enter a whole number');
    const { min, max } = PARAM_SPECS.top_p;
    expect(paramProblem('top_p', String(max + 1))).toBe(`Between ${min} and ${max}`);
    expect(paramProblem('top_p', String(min - 1))).toBe(`Between ${min} and ${max}`);
    expect(paramProblem('top_p', String(max))).toBeNull();
  });

  it('passes on a valid number, holds an invalid one with the reason, and empties to the default', () => {
    const onChange = vi.fn();
    const view = render(<ParamField name="max_tokens" value={undefined} onChange={onChange} />);
    const box = view.querySelector<HTMLInputElement>('.param__number')!;
    type(box, '256');
    expect(onChange).toHaveBeenLastCalledWith(256);
    type(box, '2.5');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(view.querySelector('.param__error')?.textContent).toBe('Enter a whole number');
    type(box, '');
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(view.querySelector('.param__error')).toBeNull();
  });
});
