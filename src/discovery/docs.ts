/** Interactive API docs at /discovery/docs: Swagger UI, served from the npm package (no CDN). */
import express, { type RequestHandler } from 'express'
import { getAbsoluteFSPath } from 'swagger-ui-dist'

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MediaMesh Discovery API</title>
<link rel="stylesheet" href="/discovery/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/discovery/docs/assets/swagger-ui-bundle.js"></script>
<script src="/discovery/docs/init.js"></script>
</body>
</html>`

const INIT = `window.ui = SwaggerUIBundle({ url: '/discovery/v1/openapi.json', dom_id: '#docs' })`

export const docsPage: RequestHandler = (_req, res) => {
  res.setHeader('Cache-Control', 'public, max-age=300')
  res.type('html').send(PAGE)
}

export const docsInit: RequestHandler = (_req, res) => {
  res.setHeader('Cache-Control', 'public, max-age=300')
  res.type('application/javascript').send(INIT)
}

export const swaggerAssets = () =>
  express.static(getAbsoluteFSPath(), { maxAge: '1d', index: false, fallthrough: false })
