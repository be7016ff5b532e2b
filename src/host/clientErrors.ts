import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'

import { PROBLEM_CONTENT_TYPE, problemBody } from '../lib/problem'

/**
 * Requests Node's HTTP parser refuses before any handler sees them (a request line or headers over
 * the size limit, bytes that are not HTTP, a request too slow to arrive) get a problem details
 * answer like every other error, instead of Node's bare status line. The body also carries
 * Payload's `errors` list, since no route (so no error shape) is known yet.
 */
export function answerClientErrorsWithJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            'Request Header Fields Too Large',
            'headers_too_large',
            'The request line or headers are too large.',
          ]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.']
          : [400, 'Bad Request', 'malformed_request', 'The request is not valid HTTP.']
    const body = JSON.stringify({
      ...problemBody({ status, code, detail: message }),
      errors: [{ message }],
    })
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
}
