export declare const chromiumPath: string;
export declare const quietFlags: readonly string[];
export declare const faceCameraVideo: string;
export type CameraSetup = 'face' | 'denied' | 'none';
export declare function cameraFlags(setup: CameraSetup, video?: string): string[];
