import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64ByteLength, centredRegion, encodeFrame, fitFrameSize, isBlankFrame } from './encodeFrame.js';

describe('fitFrameSize', () => {
  it('keeps the camera resolution when within the limits and never upscales', () => {
    expect(fitFrameSize({ width: 1280, height: 720 })).toEqual({ width: 1280, height: 720 });
    expect(fitFrameSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
  });

  it('scales down keeping the aspect ratio', () => {
    expect(fitFrameSize({ width: 1920, height: 1080 })).toEqual({ width: 1280, height: 720 });
    expect(fitFrameSize({ width: 1080, height: 1920 })).toEqual({ width: 405, height: 720 });
    expect(fitFrameSize({ width: 1920, height: 1080 }, { maxHeight: 600, maxWidth: 4000 })).toEqual({ width: 1067, height: 600 });
  });

  it('refuses a video without dimensions', () => {
    expect(() => fitFrameSize({ width: 0, height: 0 })).toThrow(expect.objectContaining({ code: 'CAPTURE_FAILED' }));
    expect(() => fitFrameSize({ width: Number.NaN, height: 10 })).toThrow(expect.objectContaining({ code: 'CAPTURE_FAILED' }));
  });
});

describe('centredRegion', () => {
  it('cuts the middle at the ratio asked, as large as fits', () => {
    expect(centredRegion({ width: 1280, height: 720 })).toEqual({ x: 370, y: 0, width: 540, height: 720 });
    expect(centredRegion({ width: 480, height: 640 }, 4 / 3)).toEqual({ x: 0, y: 140, width: 480, height: 360 });
    expect(centredRegion({ width: 640, height: 480 }, 'camera')).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    // Offsets stay even (4:2:0 chroma): 1278 wide leaves 369 on each side, taken as 368.
    expect(centredRegion({ width: 1278, height: 720 })).toEqual({ x: 368, y: 0, width: 540, height: 720 });
  });
});

describe('base64ByteLength', () => {
  it('counts the decoded bytes', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100]) {
      expect(base64ByteLength(Buffer.alloc(length, 7).toString('base64'))).toBe(length);
    }
  });
});

describe('isBlankFrame', () => {
  it('tells a flat frame from a real one', () => {
    const black = new Uint8ClampedArray(4 * 64);
    expect(isBlankFrame(black)).toBe(true);
    const picture = Uint8ClampedArray.from({ length: 4 * 64 }, (_, index) => (index * 37) % 256);
    expect(isBlankFrame(picture)).toBe(false);
  });
});

describe('encodeFrame', () => {
  function fakeVideo(width: number, height: number, dataUrl: string) {
    const drawn: unknown[][] = [];
    const canvas = {
      width: 0,
      height: 0,
      getContext: () => ({ drawImage: (...args: unknown[]) => drawn.push(args) }),
      toDataURL: () => dataUrl,
    };
    const video = { videoWidth: width, videoHeight: height, ownerDocument: { createElement: () => canvas } };
    return { video: video as unknown as HTMLVideoElement, canvas, drawn };
  }

  it('draws the face-centred 3:4 region at the camera size, not the display size, and returns raw base64', () => {
    const { video, canvas, drawn } = fakeVideo(1280, 720, 'data:image/jpeg;base64,/9j/AAAA');
    const frame = encodeFrame(video);
    expect(frame).toEqual({ base64: '/9j/AAAA', bytes: 6, width: 540, height: 720 });
    expect([canvas.width, canvas.height]).toEqual([540, 720]);
    expect(drawn[0]).toEqual([video, 370, 0, 540, 720, 0, 0, 540, 720]);
  });

  it('sends the whole frame when asked, and scales a large camera down', () => {
    const whole = fakeVideo(1280, 720, 'data:image/jpeg;base64,/9j/AAAA');
    expect(encodeFrame(whole.video, { aspectRatio: 'camera' })).toMatchObject({ width: 1280, height: 720 });
    expect(whole.drawn[0]).toEqual([whole.video, 0, 0, 1280, 720, 0, 0, 1280, 720]);
    const large = fakeVideo(1920, 1080, 'data:image/jpeg;base64,/9j/AAAA');
    expect(encodeFrame(large.video)).toMatchObject({ width: 540, height: 720 });
    expect(large.drawn[0]).toEqual([large.video, 554, 0, 810, 1080, 0, 0, 540, 720]);
  });

  it("turns the limits with a portrait camera: an upright phone's 720x1280 sends its 3:4 region whole, 720x960", () => {
    const phone = fakeVideo(720, 1280, 'data:image/jpeg;base64,/9j/AAAA');
    expect(encodeFrame(phone.video)).toMatchObject({ width: 720, height: 960 });
    expect(phone.drawn[0]).toEqual([phone.video, 0, 160, 720, 960, 0, 0, 720, 960]);
    const tall = fakeVideo(1080, 1920, 'data:image/jpeg;base64,/9j/AAAA');
    expect(encodeFrame(tall.video)).toMatchObject({ width: 720, height: 960 });
  });

  describe('with WebCodecs', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('crops through a VideoFrame and closes it', () => {
      const frames: { init: unknown; closed: boolean }[] = [];
      vi.stubGlobal(
        'VideoFrame',
        class {
          closed = false;
          constructor(
            readonly source: unknown,
            readonly init: unknown,
          ) {
            frames.push(this);
          }
          close() {
            this.closed = true;
          }
        },
      );
      const { video, drawn } = fakeVideo(1280, 720, 'data:image/jpeg;base64,/9j/AAAA');
      expect(encodeFrame(video)).toMatchObject({ width: 540, height: 720 });
      expect(frames).toEqual([expect.objectContaining({ init: { visibleRect: { x: 370, y: 0, width: 540, height: 720 } }, closed: true })]);
      expect(drawn[0]).toEqual([frames[0], 0, 0, 540, 720]);
    });

    it('falls back to drawImage when the VideoFrame cannot be made', () => {
      vi.stubGlobal(
        'VideoFrame',
        vi.fn(() => {
          throw new DOMException('not decodable', 'InvalidStateError');
        }),
      );
      const { video, drawn } = fakeVideo(1280, 720, 'data:image/jpeg;base64,/9j/AAAA');
      expect(encodeFrame(video)).toMatchObject({ width: 540, height: 720 });
      expect(drawn[0]).toEqual([video, 370, 0, 540, 720, 0, 0, 540, 720]);
    });
  });

  it('refuses a browser that silently fell back to PNG', () => {
    const { video } = fakeVideo(640, 480, 'data:image/png;base64,iVBORw0K');
    expect(() => encodeFrame(video)).toThrow(expect.objectContaining({ code: 'CAPTURE_FAILED' }));
  });
});
