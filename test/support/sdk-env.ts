/**
 * Jest setup: run the real @cloudbase/node-sdk with the variables CloudBase's runtime sets.
 * Off CloudBase the SDK probes Tencent's metadata host before every call (~64 ms here);
 * inside SCF it does not, so tests talk to the local emulator in well under a millisecond.
 */
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.SCF_NAMESPACE = process.env.SCF_NAMESPACE ?? 'local-dev';
process.env.TENCENTCLOUD_REGION = process.env.TENCENTCLOUD_REGION ?? 'ap-shanghai';
process.env.TENCENTCLOUD_SECRETID = process.env.TENCENTCLOUD_SECRETID ?? 'local';
process.env.TENCENTCLOUD_SECRETKEY = process.env.TENCENTCLOUD_SECRETKEY ?? 'local';
// The SDK warns on every slow database call; the emulator is local, keep test output clean.
process.env.SILENCE = 'true';
