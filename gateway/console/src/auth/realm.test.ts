import { describe, expect, it } from 'vitest'
import { realmOf, workspaceOf } from './realm'

describe('login settings', () => {
  it('splits the issuer into the Keycloak URL and the realm', () => {
    expect(realmOf('http://localhost:8180/realms/onewindow')).toEqual({ url: 'http://localhost:8180', realm: 'onewindow' })
    expect(realmOf('https://id.example/auth/realms/onewindow/')).toEqual({ url: 'https://id.example/auth', realm: 'onewindow' })
    expect(() => realmOf('http://localhost:8180/')).toThrow()
  })

  it('lands each role in its workspace', () => {
    expect(workspaceOf('CLERK')).toBe('/clerk')
    expect(workspaceOf('APPROVER')).toBe('/approver')
    expect(workspaceOf(undefined)).toBe('/applicant')
  })
})
