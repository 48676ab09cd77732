import tcb from '@cloudbase/node-sdk';

/**
 * A CloudBase app pointed at the local emulator: the call any outside script makes.
 * We also set the variables CloudBase's runtime sets, because off CloudBase the SDK
 * probes Tencent's metadata host before every call (~64 ms each, never cached).
 */
export function localCloudbase(serviceUrl: string, envId = 'local-dev'): ReturnType<typeof tcb.init> {
  process.env.TENCENTCLOUD_RUNENV ??= 'SCF';
  process.env.SCF_NAMESPACE ??= envId;
  process.env.TENCENTCLOUD_REGION ??= 'ap-shanghai';
  process.env.SILENCE ??= 'true';
  return tcb.init({ env: envId, serviceUrl, secretId: 'local', secretKey: 'local' });
}
