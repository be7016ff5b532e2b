/**
 * The admin panel in a real browser: Debian's Chromium driven by playwright-core, against a real
 * host (production build) with its own database, index prefix and job runner, so that what an
 * editor publishes reaches the public search the way it does in production.
 *
 * The steps build on each other (one editor's session, one program), so they run in order and a
 * failure stops the ones after it. Screenshots of the key screens (and of any failed step) go to
 * tests/e2e/artifacts/ (gitignored).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ar } from '@payloadcms/translations/languages/ar'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import sharp from 'sharp'

import { ROOT } from '../../scripts/lib/paths'
import { COLLECTION_LABELS, GROUPS } from '../../src/lib/adminLabels'
import { chromiumPath } from '../../scripts/lib/chromium'
import { spawnServer, stopServer, type SpawnedServer } from '../../scripts/lib/spawnServer'
import { createScratchDatabase, dropScratchDatabase } from '../setup/testDatabase'
import { until } from '../int/helpers/until'

const ARTIFACTS = path.join(ROOT, 'tests', 'e2e', 'artifacts')
const DATABASE = 'e2e'
const tag = randomBytes(3).toString('hex')
const names = {
  category: `Night Radio ${tag}`,
  program: `Harbour Lights ${tag}`,
  programArabic: `أضواء الميناء ${tag}`,
  episode: `The Night Shift ${tag}`,
}
const users = {
  admin: { email: `admin-${tag}@e2e.test`, password: `admin-${tag}-password` },
  editor: { email: `editor-${tag}@e2e.test`, password: `editor-${tag}-password` },
  viewer: { email: `viewer-${tag}@e2e.test`, password: `viewer-${tag}-password` },
}

let host: SpawnedServer
let browser: Browser
let editor: Page
let programUrl = ''

async function api(pathname: string, body: unknown, token?: string) {
  const response = await fetch(`${host.url}${pathname}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token && { Authorization: `JWT ${token}` }),
    },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as { token?: string }
}

/** The public search, as an anonymous client sees it: the titles it returns for `q`. */
async function publicTitles(q: string, locale: 'en' | 'ar'): Promise<string[]> {
  const url = new URL('/discovery/v1/search', host.url)
  url.search = new URLSearchParams({ q, locale }).toString()
  const response = await fetch(url)
  if (response.status !== 200) throw new Error(`search: HTTP ${response.status}`)
  const body = (await response.json()) as { results: { title: string }[] }
  return body.results.map((result) => result.title)
}

/** Content-Security-Policy violations any page reported (Chromium logs each to the console). */
const cspViolations: string[] = []

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(`${page.url()}: ${message.text().slice(0, 300)}`)
    }
  })
  return page
}

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${host.url}/admin/login`)
  await page.fill('input[name="email"]', who.email)
  await page.fill('input[name="password"]', who.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${host.url}/admin`)
}

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })

/** Runs a step; on failure keeps a screenshot of where the browser was. */
async function step(page: Page, name: string, fn: () => Promise<void>) {
  try {
    await fn()
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined)
    throw error
  }
}

/** Picks `option` in the react-select of field `field`, typing to filter long lists. */
async function choose(page: Page, field: string, option: string) {
  await page.locator(`#field-${field}`).click()
  await page.locator(`#field-${field} input`).fill(option)
  await page.locator('.rs__option', { hasText: option }).click()
}

/** Waits until `selector` shows `text` (playwright-core has no expect of its own). */
const shows = (page: Page, selector: string, text: string | RegExp) =>
  page.locator(selector, { hasText: text }).first().waitFor({ state: 'visible' })

async function publish(page: Page) {
  await page.click('#action-save')
  await shows(page, '.doc-controls__status', 'Published')
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  // A host that runs its own jobs (search sync), on a database and index prefix of its own.
  host = await spawnServer(
    {
      DATABASE_URL: await createScratchDatabase(DATABASE),
      PAYLOAD_SECRET: randomBytes(24).toString('hex'),
      JOBS_AUTORUN: 'true',
      SEARCH_INDEX_PREFIX: `mediamesh_test_${process.pid}_e2e`,
      REDIS_KEY_PREFIX: `mediamesh_test_${process.pid}:e2e:`,
      // Its own key prefix in the run's bucket: its orphan sweep must never see the suite's files.
      S3_PREFIX: 'e2e',
      LOG_LEVEL: 'info',
    },
    'e2e-host',
  )
  // The first account becomes the admin; the admin creates the editor and the viewer.
  const { token } = await api('/api/users/first-register', { ...users.admin, name: 'Admin' })
  for (const role of ['editor', 'viewer'] as const) {
    await api('/api/users', { ...users[role], name: role, roles: [role] }, token)
  }
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  })
  editor = await newPage(await browser.newContext({ viewport: { width: 1400, height: 900 } }))
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await stopServer(host)
  await dropScratchDatabase(DATABASE)
}, 300_000)

describe('publishing from the admin panel', () => {
  it('an editor logs in and creates a category', async () => {
    await step(editor, 'category', async () => {
      await logIn(editor, users.editor)
      // The header names the locale on the dashboard and on our own views alike (it once said
      // "Locale: undefined"). The header has a hidden copy for small screens: the visible one.
      for (const view of ['', '/search-preview']) {
        await editor.goto(`${host.url}/admin${view}`)
        await shows(editor, '.localizer-button__current-label:visible', 'English')
        expect(await editor.locator('.localizer-button:visible').innerText()).not.toMatch(
          /undefined/,
        )
      }
      await screenshot(editor, 'dashboard')
      await editor.goto(`${host.url}/admin/collections/categories/create?locale=en`)
      await editor.fill('#field-name', names.category)
      await editor.click('#action-save')
      await editor.waitForURL(/\/admin\/collections\/categories\/\d+/)
    })
  })

  it('creates a program with a cover image, an English and an Arabic title, and publishes it', async () => {
    await step(editor, 'program', async () => {
      await editor.goto(`${host.url}/admin/collections/programs/create?locale=en`)
      await editor.fill('#field-title', names.program)

      // The cover: uploaded from the field itself, in Payload's document drawer.
      const cover = await sharp({
        create: { width: 1200, height: 675, channels: 3, background: '#1f4e79' },
      })
        .png()
        .toBuffer()
      await editor.click('.upload__createNewToggler')
      const drawer = editor.locator('.drawer--is-open').last()
      await drawer
        .locator('input[type=file]')
        .setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: cover })
      await drawer.locator('#field-alt').fill('The harbour at night')
      await drawer.locator('#action-save').click()
      await editor.locator('.drawer--is-open').waitFor({ state: 'detached' })
      await shows(editor, '.upload-relationship-details', /harbour-[0-9a-f]{16}\.png/)

      await editor.locator('.tabs-field__tab-button', { hasText: 'Catalogue' }).click()
      await choose(editor, 'format', 'Podcast')
      await editor.fill('#field-language', 'en')
      await choose(editor, 'categories', names.category)
      await editor.click('#action-save-draft')
      await editor.waitForURL(/\/admin\/collections\/programs\/\d+/)
      programUrl = editor.url().split('?')[0]!

      // The Arabic title, through the locale switcher.
      await editor.getByRole('button', { name: /Locale/ }).click()
      await editor.locator('.popup-button-list__button', { hasText: 'العربية (ar)' }).click()
      await editor.waitForURL(/locale=ar/)
      expect(await editor.locator('#field-title').inputValue()).toBe('')
      await editor.fill('#field-title', names.programArabic)
      await publish(editor)
      await screenshot(editor, 'program-published-arabic')
    })
  })

  it('creates and publishes an episode of the program', async () => {
    await step(editor, 'episode', async () => {
      await editor.goto(`${host.url}/admin/collections/episodes/create?locale=en`)
      await editor.fill('#field-title', names.episode)
      await choose(editor, 'program', names.program)
      await publish(editor)
      await editor.waitForURL(/\/admin\/collections\/episodes\/\d+/)
    })
  })

  it('finds both in the public search, in English and in Arabic', async () => {
    const found = (titles: string[], expected: string[]) =>
      expected.every((title) => titles.includes(title)) ? titles : undefined
    const english = await until(
      'the program and the episode in English',
      async () => found(await publicTitles(tag, 'en'), [names.program, names.episode]),
      120_000,
      500,
    )
    const arabic = await until(
      'the program in Arabic',
      async () => found(await publicTitles(names.programArabic, 'ar'), [names.programArabic]),
      120_000,
      500,
    )
    expect(english).toEqual(expect.arrayContaining([names.program, names.episode]))
    expect(arabic).toContain(names.programArabic)
  })

  it('logs the sync of the publish with the request id of the publish', async () => {
    const programId = Number(programUrl.split('/').pop())
    const lines = (await readFile(host.logFile, 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const syncIds = new Set(
      lines
        .filter((l) => l.msg === 'search sync' && l.collection === 'programs' && l.id === programId)
        .map((l) => l.reqId),
    )
    const editsOfTheProgram = lines.filter(
      (l) => l.msg === 'request' && l.path === `/api/programs/${programId}` && l.method === 'PATCH',
    )
    expect(editsOfTheProgram.length).toBeGreaterThan(0)
    expect(editsOfTheProgram.filter((l) => syncIds.has(l.reqId)).length).toBeGreaterThan(0)
  })

  it('a viewer is turned away from the admin panel (viewers read through the APIs)', async () => {
    const page = await newPage(await browser.newContext({ viewport: { width: 1400, height: 900 } }))
    await step(page, 'viewer', async () => {
      await page.goto(`${host.url}/admin/login`)
      await page.fill('input[name="email"]', users.viewer.email)
      await page.fill('input[name="password"]', users.viewer.password)
      await page.click('button[type="submit"]')
      await page.waitForURL((url) => !url.pathname.endsWith('/admin/login'))
      await page.goto(`${programUrl}?locale=en`)
      expect(await page.locator('#field-title, #action-save, #action-save-draft').count()).toBe(0)
      await screenshot(page, 'viewer-refused')
    })
  })

  it('unpublishes the program, and the public search no longer finds it or its episode', async () => {
    await step(editor, 'unpublish', async () => {
      await editor.goto(`${programUrl}?locale=en`)
      await editor.locator('.doc-controls__dots').click()
      await editor.locator('.popup__content').getByText('Unpublish', { exact: true }).click()
      await editor.locator('.confirmation-modal #confirm-action').click()
      await shows(editor, '.doc-controls__status', 'Draft')
    })
    const gone = await until(
      'the program and its episode to leave the public search',
      async () => {
        const titles = [
          ...(await publicTitles(tag, 'en')),
          ...(await publicTitles(names.programArabic, 'ar')),
        ]
        return titles.some((title) => title.includes(tag)) ? undefined : titles
      },
      30_000,
      500,
    )
    expect(gone.filter((title) => title.includes(tag))).toEqual([])
  })
})

describe('other screens', () => {
  it('an admin sees the search sync dead-letter view', async () => {
    const page = await newPage(await browser.newContext({ viewport: { width: 1400, height: 900 } }))
    await step(page, 'dead-letters', async () => {
      await logIn(page, users.admin)
      await page.goto(`${host.url}/admin/search-sync`)
      await shows(page, 'h1', 'Search sync')
      await page.locator('[data-testid="no-failed-jobs"], [data-testid="failed-jobs"]').waitFor()
      await shows(page, 'button', 'Rebuild the search index')
      await screenshot(page, 'search-sync')
    })
  })

  it('an editor previews a search: its interpretation, results and why', async () => {
    const page = await newPage(await browser.newContext({ viewport: { width: 1400, height: 900 } }))
    await step(page, 'search-preview', async () => {
      await logIn(page, users.editor)
      await page.goto(`${host.url}/admin/search-preview`)
      await shows(page, 'h1', 'Search preview')
      // The category this test created, in a natural query: the preview shows it was read as a
      // filter (the parser knows every category's name as soon as it exists).
      await page.getByLabel('Query').fill(`podcasts about ${names.category.toLowerCase()}`)
      await page.locator('[data-testid="search-preview"] button[type="submit"]').click()
      await page.locator('[data-testid="preview-summary"]').waitFor()
      await shows(page, '[data-testid="preview-interpretation"]', '"format":["podcast"]')
      await shows(page, '[data-testid="preview-interpretation"]', '"category":[')
      await page.locator('[data-testid="preview-results"]').waitFor()
      await screenshot(page, 'search-preview')
    })
  })

  it('the admin panel in Arabic is laid out right to left', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'ar',
    })
    const page = await newPage(context)
    await step(page, 'arabic', async () => {
      await logIn(page, users.editor)
      expect(await page.locator('html').getAttribute('dir')).toBe('RTL')
      expect(await page.locator('html').getAttribute('lang')).toBe('ar')
      // The navigation is in Arabic too (collection names and groups, src/admin/labels.ts).
      await shows(page, 'nav a', COLLECTION_LABELS.programs.plural.ar)
      await shows(page, 'nav', GROUPS.catalogue.ar)
      await page.goto(`${programUrl}?locale=ar`)
      expect(await page.locator('#field-title').inputValue()).toBe(names.programArabic)
      // Payload's own words are Arabic: the status reads "draft" in Arabic after the unpublish.
      await shows(page, '.doc-controls__status', ar.translations.version.draft)
      expect(
        await page.locator('#field-title').evaluate((el) => getComputedStyle(el).direction),
      ).toBe('rtl')
      // The picture once the form has settled: the editor and the cover, not their placeholders.
      await page.locator('.rich-text-lexical [contenteditable="true"]').first().waitFor()
      await page.locator('.upload-relationship-details').waitFor()
      await page.waitForLoadState('networkidle')
      // Nothing pushes the page sideways (the rich text editor's hidden menus once did).
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0)
      await screenshot(page, 'admin-arabic')
    })
  })
  it('no page broke the Content-Security-Policy (the admin pages above, and the API docs)', async () => {
    const page = await newPage(await browser.newContext({ viewport: { width: 1400, height: 900 } }))
    await step(page, 'api-docs', async () => {
      await page.goto(`${host.url}/discovery/docs`)
      await page.locator('.swagger-ui .opblock').first().waitFor()
    })
    expect(cspViolations).toEqual([])
  })
})
