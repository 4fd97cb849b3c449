import { conflict } from '@skillcert/domain';

/** 并发修改检测: the client sends the version it edited; a different stored version means someone else saved first. */
export function assertVersion(stored: number, sent: number): void {
  if (stored !== sent) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
}
