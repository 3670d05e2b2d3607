/** The Keycloak server URL and realm of an issuer URL (http://host:8180/realms/onewindow). */
export function realmOf(issuer: string): { url: string; realm: string } {
  const trimmed = issuer.replace(/\/+$/, '')
  const at = trimmed.lastIndexOf('/realms/')
  if (at < 0) throw new Error(`not a Keycloak realm URL: ${issuer}`)
  return { url: trimmed.slice(0, at), realm: decodeURIComponent(trimmed.slice(at + '/realms/'.length)) }
}

export type Role = 'APPLICANT' | 'CLERK' | 'APPROVER' | 'SUPERVISOR' | 'ADMIN'

/** Where each role lands after login: its workspace. */
export const WORKSPACES: Record<Role, string> = {
  CLERK: '/clerk',
  APPLICANT: '/applicant',
  APPROVER: '/approver',
  SUPERVISOR: '/supervisor',
  ADMIN: '/admin',
}

export function workspaceOf(role: string | undefined): string {
  return WORKSPACES[(role ?? 'APPLICANT') as Role] ?? WORKSPACES.APPLICANT
}
