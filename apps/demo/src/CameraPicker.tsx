import { useId } from 'react';
import { type CameraChoice, cameraChoices } from './cameras';
import type { DemoText } from './text';

export interface CameraPickerProps {
  text: DemoText['login'];
  value: CameraChoice;
  onChange: (camera: CameraChoice) => void;
}

export function CameraPicker({ text, value, onChange }: CameraPickerProps) {
  const name = useId();
  const labels: Record<CameraChoice, string> = { webcam: text.cameraWebcam, sample: text.cameraSample };
  return (
    <fieldset className="demo-field demo-choices">
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
