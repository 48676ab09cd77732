/**
 * A station's printable files in cloud storage, `stations/<id>/…`: written again each time
 * they are asked for (the station may have changed), answered as a short-lived URL.
 */
import type { Station } from '../../../typings/models';
import { cloudbase } from '../../platform/cloudbase';
import { createWxGateway } from '../../platform/wx-gateway';
import { fail, ok, type Result } from '../../domain/result';

/** The page a scanned station code opens; it reads the door code from `options.scene`. */
export const STATION_PAGE = 'packages/station/detail/index';
/** Long enough to download and print; a forwarded link dies the same day. */
const FILE_URL_MAX_AGE_SECONDS = 2 * 60 * 60;
/** Sharp enough for a 9 cm code on an A4 poster. */
const QR_WIDTH = 860;

export interface StoredFile {
  fileId: string;
  url: string;
}

export async function storeStationFile(stationId: string, name: string, content: Buffer): Promise<StoredFile> {
  const app = cloudbase();
  const { fileID } = await app.uploadFile({ cloudPath: `stations/${stationId}/${name}`, fileContent: content });
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: FILE_URL_MAX_AGE_SECONDS }] });
  const entry = fileList?.[0];
  if (entry?.code !== 'SUCCESS' || !entry.tempFileURL) throw new Error(`getTempFileURL for ${fileID} answered ${entry?.code}`);
  return { fileId: fileID, url: entry.tempFileURL };
}

/** The station's mini-program code from WeChat (scene = the door code), as PNG bytes. */
export async function stationQrCode(station: Pick<Station, 'code'>): Promise<Result<Buffer>> {
  const wx = createWxGateway(cloudbase(), { timeoutMs: 5000 });
  const answer = await wx.getUnlimitedQrCode({ scene: station.code, page: STATION_PAGE, width: QR_WIDTH });
  if (answer.ok) return ok(answer.value.image);
  // Logged for the operator (a missing openapi permission, a page not yet published); the admin may retry.
  console.error('[stationCode] wxacode.getUnlimited failed', answer);
  return fail('INTERNAL', answer.failure.retryable ? '微信暂时无法生成小程序码，请稍后再试' : '微信拒绝生成小程序码，请联系系统管理员');
}
