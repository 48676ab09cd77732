/**
 * The station's printable files on the phone: the code image into the album, the poster PDF
 * opened for printing or forwarding. Each answers an Outcome with a sentence to show.
 */
import type { Outcome } from '../../../services/outcome';

function downloaded(url: string): Promise<Outcome<string>> {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      success: (res) => resolve(res.statusCode === 200 ? { ok: true, data: res.tempFilePath } : { ok: false, error: { message: '文件已失效，请重新生成后再试' } }),
      fail: () => resolve({ ok: false, error: { message: '下载失败，请检查网络后重试' } }),
    });
  });
}

/** Album permission refused once: WeChat will not ask again, only 设置 can change it. */
const DENIED = /auth den|authorize no response/;

export async function saveImageToAlbum(url: string): Promise<Outcome<void>> {
  const file = await downloaded(url);
  if (!file.ok) return file;
  return new Promise((resolve) => {
    wx.saveImageToPhotosAlbum({
      filePath: file.data,
      success: () => resolve({ ok: true, data: undefined }),
      fail: ({ errMsg }) => {
        if (/cancel/.test(errMsg)) resolve({ ok: false, error: { code: 'CANCELLED', message: '已取消保存' } });
        else if (DENIED.test(errMsg)) resolve({ ok: false, error: { code: 'DENIED', message: '需要允许保存到相册', hint: '请在设置中打开「添加到相册」' } });
        else resolve({ ok: false, error: { message: '保存失败，请重试' } });
      },
    });
  });
}

export async function openPdf(url: string): Promise<Outcome<void>> {
  const file = await downloaded(url);
  if (!file.ok) return file;
  return new Promise((resolve) => {
    wx.openDocument({
      filePath: file.data,
      fileType: 'pdf',
      // 转发 / 用其他应用打开 from the top-right menu: how a poster reaches a print shop.
      showMenu: true,
      success: () => resolve({ ok: true, data: undefined }),
      fail: () => resolve({ ok: false, error: { message: '无法打开海报文件，请重试' } }),
    });
  });
}

/** WeChat asks for the album only once; after a refusal only 设置 can allow it. */
export function offerSettings(message: string, hint?: string): void {
  wx.showModal({
    title: message,
    content: hint ?? '',
    confirmText: '去设置',
    success: ({ confirm }) => {
      if (confirm) wx.openSetting({});
    },
  });
}
