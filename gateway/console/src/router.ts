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
    {
      path: '/clerk/cases/:caseNumber',
      name: 'clerk-case',
      component: () => import('@/views/StaffCaseView.vue'),
      props: true,
      meta: { roles: ['CLERK'] },
    },
    {
      path: '/applicant',
      name: 'applicant',
      component: () => import('@/views/ApplicantWorkspace.vue'),
      meta: { roles: ['APPLICANT'] },
    },
    {
      path: '/applicant/cases/:caseNumber',
      name: 'applicant-case',
      component: () => import('@/views/ApplicantCaseView.vue'),
      props: true,
      meta: { roles: ['APPLICANT'] },
    },
    {
      path: '/approver',
      name: 'approver',
      component: () => import('@/views/ApproverWorkspace.vue'),
      meta: { roles: ['APPROVER'] },
    },
    {
      path: '/approver/cases/:caseNumber',
      name: 'approver-case',
      component: () => import('@/views/StaffCaseView.vue'),
      props: true,
      meta: { roles: ['APPROVER'] },
    },
    {
      path: '/supervisor',
      name: 'supervisor',
      component: () => import('@/views/SupervisorWorkspace.vue'),
      meta: { roles: ['SUPERVISOR'] },
    },
    {
      path: '/supervisor/cases/:caseNumber',
      name: 'supervisor-case',
      component: () => import('@/views/StaffCaseView.vue'),
      props: true,
      meta: { roles: ['SUPERVISOR'] },
    },
    {
      path: '/admin',
      name: 'admin',
      component: () => import('@/views/AdminWorkspace.vue'),
      meta: { roles: ['ADMIN'] },
    },
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
