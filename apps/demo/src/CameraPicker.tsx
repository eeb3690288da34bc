import { useId, useRef } from 'react';
import { type CameraChoice, cameraChoices } from './cameras';
import type { DemoText } from './text';
import { useChoiceMadeBeforeHydration } from './useChoiceMadeBeforeHydration';

export interface CameraPickerProps {
  text: DemoText['login'];
  value: CameraChoice;
  onChange: (camera: CameraChoice) => void;
}

export function CameraPicker({ text, value, onChange }: CameraPickerProps) {
  const name = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  const choose = (camera: string) => {
    const choice = cameraChoices.find((known) => known === camera);
    if (choice !== undefined) onChange(choice);
  };
  useChoiceMadeBeforeHydration(() => group.current?.querySelector<HTMLInputElement>('input:checked')?.value, value, choose);
  const labels: Record<CameraChoice, string> = { webcam: text.cameraWebcam, sample: text.cameraSample };
  return (
    <fieldset ref={group} className="demo-field demo-choices">
      <legend>{text.cameraLegend}</legend>
      {cameraChoices.map((choice) => (
        <label key={choice} className="demo-choice">
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          {labels[choice]}
        </label>
      ))}
    </fieldset>
  );
}
