/**
 * Interactive API docs at <basePath>/docs: Swagger UI, served from the npm package (no CDN), and
 * the page the problem `type` URIs point at (/discovery/docs/problems#<code>).
 */
import { PROBLEM_KINDS } from '../lib/problem'

/** A complete HTML page; `head` goes after the title. */
const htmlPage = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>`

/** The Swagger UI page; its assets are served from the npm package (api.ts). */
export const docsPageHtml = (basePath: string) =>
  htmlPage(
    'MediaMesh Discovery API',
    `<link rel="stylesheet" href="${basePath}/docs/assets/swagger-ui.css">`,
    `<div id="docs"></div>
<script src="${basePath}/docs/assets/swagger-ui-bundle.js"></script>
<script src="${basePath}/docs/init.js"></script>`,
  )

export const docsInitScript = (basePath: string) =>
  `window.ui = SwaggerUIBundle({ url: '${basePath}/v1/openapi.json', dom_id: '#docs' })`

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Backticks in the descriptions become <code>, as in the README. */
const inline = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')

export const PROBLEMS_PAGE = htmlPage(
  'MediaMesh problem types',
  '',
  `<h1>Problem types</h1>
<p>Errors from MediaMesh's own routes are RFC 9457 problem details
(<code>application/problem+json</code>); their <code>type</code> points at one entry below.</p>
<dl>
${Object.entries(PROBLEM_KINDS)
  .map(
    ([code, kind]) =>
      `<dt id="${code}"><code>${code}</code>: ${kind.status} ${escapeHtml(kind.title)}</dt>\n<dd>${inline(kind.description)}</dd>`,
  )
  .join('\n')}
</dl>`,
)
