import { useId, useRef } from 'react';
import { type DemoScenarioId, demoScenarioIds, isDemoScenarioId } from './demoScenarios';
import type { DemoText } from './text';
import { useChoiceMadeBeforeHydration } from './useChoiceMadeBeforeHydration';

export interface ScenarioPickerProps {
  text: DemoText['login'];
  value: DemoScenarioId;
  onChange: (scenario: DemoScenarioId) => void;
}

export function ScenarioPicker({ text, value, onChange }: ScenarioPickerProps) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const choose = (scenario: string) => {
    if (isDemoScenarioId(scenario)) onChange(scenario);
  };
  useChoiceMadeBeforeHydration(() => select.current?.value, value, choose);
  return (
    <div className="demo-field">
      <label htmlFor={id}>{text.scenarioLabel}</label>
      <select ref={select} id={id} className="demo-select" value={value} aria-describedby={`${id}-hint`} onChange={(event) => choose(event.target.value)}>
        {demoScenarioIds.map((scenario) => (
          <option key={scenario} value={scenario}>
            {text.scenarios[scenario].label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="demo-hint">
        {text.scenarios[value].hint}
      </p>
    </div>
  );
}
