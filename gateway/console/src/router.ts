import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { useSession } from '@/stores/session'
import { workspaceOf, type Role } from '@/auth/realm'

declare module 'vue-router' {
  interface RouteMeta {
    /** the roles that may open the page; none: public */
    roles?: Role[]
    /** a bare page for printing (no header) */
    print?: boolean
  }
}

// Every address here but / is one of the gateway's ConsolePages.PAGES, so a reload finds the console.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('@/views/WelcomeView.vue') },
    {
      path: '/clerk',
      name: 'clerk',
      component: () => import('@/views/ClerkWorkspace.vue'),
      meta: { roles: ['CLERK'] },
    },
    {
      path: '/clerk/receipt/:caseNumber',
      name: 'receipt',
      component: () => import('@/views/ReceiptView.vue'),
      props: true,
      meta: { roles: ['CLERK'], print: true },
    },
    ...(['APPLICANT', 'APPROVER', 'SUPERVISOR', 'ADMIN'] as const).map((role) => ({
      path: workspaceOf(role),
      name: role.toLowerCase(),
      component: () => import('@/views/PlaceholderView.vue'),
      props: { role },
      meta: { roles: [role] as Role[] },
    })),
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
  ],
})

let started: Promise<void> | undefined

router.beforeEach(async (to: RouteLocationNormalized) => {
  const session = useSession()
  started ??= session.start()
  await started
  if (session.status === 'authenticated' && to.name === 'home') return workspaceOf(session.role)
  if (!to.meta.roles) return true
  if (session.status === 'anonymous') {
    await session.login(to.fullPath)
    return false
  }
  if (session.status !== 'authenticated') return { name: 'home' }
  if (!to.meta.roles.includes(session.role as Role)) return workspaceOf(session.role)
  return true
})
