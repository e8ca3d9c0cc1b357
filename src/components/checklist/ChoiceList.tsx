/** A fieldset of native checkboxes over a set of values. */
import type { ComponentChildren } from 'preact';

interface Props {
  legend: ComponentChildren;
  name: string;
  options: { value: string; label: ComponentChildren }[];
  chosen: readonly string[];
  disabled: boolean;
  inline?: boolean;
  onChange(value: string, checked: boolean): void;
}

export function ChoiceList({ legend, name, options, chosen, disabled, inline = false, onChange }: Props) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul class={inline ? 'choice-list choice-inline' : 'choice-list'}>
        {options.map((option) => (
          <li key={option.value}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={option.value}
                checked={chosen.includes(option.value)}
                disabled={disabled}
                onChange={(e) => onChange(option.value, (e.target as HTMLInputElement).checked)}
              />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The chosen values after one box changed. */
export const toggled = (chosen: readonly string[], value: string, checked: boolean) =>
  checked ? [...new Set([...chosen, value])] : chosen.filter((v) => v !== value);
