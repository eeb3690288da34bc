// What a login needs once the person is in front of the camera: watching the stream for its first real frame and
// grabbing frames (core's encoder), sending one (the API client, the answer's schemas, the error redaction), and
// the attempt itself. Loaded while the camera starts (during the permission prompt), so none of it weighs on the
// first paint; by the time the camera shows a frame, it is there.
export { runLoginAttempt, validateBiometric } from '@biometric-login/core';
export { watchStream } from '../camera/watchStream.js';
