/** Helpers for antd Upload inside a Form: files are kept locally and sent with the form. */
import { Upload, type UploadFile } from 'antd';

export const normFileList = (e: { fileList?: UploadFile[] } | UploadFile[]) =>
  Array.isArray(e) ? e : e?.fileList;

/** beforeUpload that checks the extension and the size, and keeps the file for a manual submit. */
export function acceptFile(extensions: string[], maxMb: number, onError: (text: string) => void) {
  return (file: File) => {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!extensions.includes(ext)) {
      onError(
        `不支持的文件类型“.${ext}”，请上传 ${extensions.map((x) => x.toUpperCase()).join('、')} 格式的文件`,
      );
      return Upload.LIST_IGNORE;
    }
    if (file.size > maxMb * 1024 * 1024) {
      onError(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），请压缩到 ${maxMb} MB 以内后重新上传`);
      return Upload.LIST_IGNORE;
    }
    return false;
  };
}
