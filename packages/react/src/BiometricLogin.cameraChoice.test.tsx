import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { faceFrame } from '../test/faceFrame.js';
import { clickVerify, requests, session, setup } from '../test/loginHarness.js';
import { guidanceEn } from './guidance/guidanceText.js';
import { en } from './messages.js';
import { createStaticCamera } from './testing/fakeCameras.js';

const cameras = [
  { deviceId: 'front', label: 'Front camera' },
  { deviceId: 'usb', label: 'USB camera' },
];

describe('<BiometricLogin> camera choice', () => {
  it('lists the cameras once one is allowed, reopens the chosen one (without facingMode), and keeps it after "Try again"', async () => {
    const camera = createStaticCamera(faceFrame, { cameras });
    const { user, navigate } = setup({ token: await session({ scenario: 'LIVENESS_DETECTION_FAILED' }), camera });
    const picker = await screen.findByRole('combobox', { name: guidanceEn.cameraLabel });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['Front camera', 'USB camera']);
    expect(camera.constraints.at(-1)).toMatchObject({ facingMode: 'user', resizeMode: 'none' });

    await user.selectOptions(picker, 'usb');
    await waitFor(() => expect(camera.constraints.at(-1)).toEqual({ width: { ideal: 1280 }, height: { ideal: 720 }, resizeMode: 'none', deviceId: { exact: 'usb' } }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: guidanceEn.cameraLabel })).toHaveValue('usb'));
    // Still one camera on: switching ends the old one.
    expect(camera.mounted).toBe(1);

    await clickVerify(user);
    await user.click(await screen.findByRole('button', { name: en.tryAgain }));
    await clickVerify(user);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(requests).toHaveLength(2);
    expect(camera.constraints.at(-1)).toMatchObject({ deviceId: { exact: 'usb' } });
  });

  it('shows no picker with one camera', async () => {
    const camera = createStaticCamera(faceFrame, { cameras: cameras.slice(0, 1) });
    setup({ token: await session(), camera });
    await waitFor(() => expect(screen.getByRole('button', { name: en.verify })).toBeEnabled());
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });
});
