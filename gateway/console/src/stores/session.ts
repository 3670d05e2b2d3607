import { defineStore } from 'pinia'
import Keycloak from 'keycloak-js'
import { gateway, useTokens } from '@/api/client'
import type { components } from '@/api/gateway'
import { realmOf } from '@/auth/realm'

export type Me = components['schemas']['Me']

let keycloak: Keycloak | undefined

/**
 * Who is logged in. Keycloak's authorization code flow with PKCE (S256) as the realm's public
 * client; the settings come from the gateway (GET /api/v1/console/config), so one build runs
 * against any realm. Tokens stay in memory; every API call asks for one valid for 30 s more.
 */
export const useSession = defineStore('session', {
  state: () => ({
    status: 'starting' as 'starting' | 'anonymous' | 'authenticated' | 'failed',
    me: null as Me | null,
    error: '' as string,
    /** the services the front door routes, so a workspace asks only those that run */
    services: [] as string[],
  }),
  getters: {
    role: (s) => s.me?.principalRole,
  },
  actions: {
    async start(): Promise<void> {
      try {
        const { data, error } = await gateway.GET('/api/v1/console/config')
        if (!data?.issuer || !data.clientId) throw new Error(JSON.stringify(error ?? 'no console settings'))
        this.services = data.services ?? []
        keycloak = new Keycloak({ ...realmOf(data.issuer), clientId: data.clientId })
        keycloak.onTokenExpired = () => {
          keycloak?.updateToken(30).catch(() => this.expired())
        }
        const authenticated = await keycloak.init({
          onLoad: 'check-sso',
          pkceMethod: 'S256',
          checkLoginIframe: false,
        })
        if (!authenticated) {
          this.status = 'anonymous'
          return
        }
        useTokens(() => this.token())
        const me = await gateway.GET('/api/v1/me')
        if (!me.data) throw new Error(JSON.stringify(me.error))
        this.me = me.data
        this.status = 'authenticated'
      } catch (e) {
        this.status = 'failed'
        this.error = e instanceof Error ? e.message : String(e)
      }
    },
    /** A token valid for at least 30 s more, refreshed if need be. */
    async token(): Promise<string | undefined> {
      if (!keycloak?.authenticated) return undefined
      try {
        await keycloak.updateToken(30)
        return keycloak.token
      } catch {
        this.expired()
        return undefined
      }
    },
    expired(): void {
      this.status = 'anonymous'
      this.me = null
    },
    login(path = '/', locale = 'zh-CN'): Promise<void> {
      return keycloak?.login({ redirectUri: window.location.origin + path, locale }) ?? Promise.resolve()
    },
    logout(): Promise<void> {
      return keycloak?.logout({ redirectUri: window.location.origin + '/' }) ?? Promise.resolve()
    },
  },
})
