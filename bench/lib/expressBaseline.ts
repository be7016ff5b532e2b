/**
 * The baseline of the discovery benchmark: Express hello-world on the same Node, in a process of
 * its own. `node --import tsx bench/lib/expressBaseline.ts <port>`
 */
import express from 'express'

const port = Number(process.argv[2])
const app = express()
app.get('/', (_req, res) => {
  res.json({ status: 'ok' })
})
app.listen(port, '127.0.0.1')
