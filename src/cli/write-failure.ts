/** Why a file could not be written, as the user can act on it (Node's error code → Chinese). */
export function writeFailureReason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  return code === "EACCES" || code === "EPERM" ? "没有写入权限" : code === "ENOSPC" ? "磁盘空间不足" : "写入失败";
}
