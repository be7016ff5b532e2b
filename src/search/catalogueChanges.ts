/**
 * "The searchable catalogue changed": a generation counter in Redis, bumped once a change is
 * searchable, and announced on a pub/sub channel. Discovery's caches key their freshness on it, so
 * an edit invalidates every cached answer on every instance without scanning or deleting keys.
 *
 * Writers (sync jobs, reindex) call `catalogueChanged()`. Bursts coalesce: one refresh + bump per
 * short window. With Redis away the bump is remembered and sent when it comes back; meanwhile
 * other instances fall back on their cache TTL.
 */
import type { Client } from '@elastic/elasticsearch'
import type { Redis } from 'ioredis'

import { logger } from '../observability/logger'
import { createRedis, redis, redisKey, waitForReady } from '../redis/client'
import { searchClient } from './client'
import { catalogueIndex } from './config'

export const GENERATION_KEY = () => redisKey('catalogue', 'generation')
export const GENERATION_CHANNEL = () => redisKey('catalogue', 'generation', 'changed')

/** Coalescing window: changes within it share one refresh and one bump. */
const COALESCE_MS = 150

type Listener = (generation: string) => void

class CatalogueGeneration {
  /** Last value read from Redis ('0' before the first read). */
  private shared = '0'
  /** Bumps made by this process that Redis has not recorded (it was unreachable). */
  private unsent = 0
  /** Local bumps since the last shared value: keeps this process's own changes visible to itself. */
  private local = 0
  private timer: NodeJS.Timeout | undefined
  private bumping: Promise<void> | undefined
  private subscriber: Redis | undefined
  private poller: NodeJS.Timeout | undefined
  private readonly listeners = new Set<Listener>()

  /** The generation cached answers must carry to be fresh. */
  current(): string {
    return this.local ? `${this.shared}.${this.local}` : this.shared
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Follow other instances' bumps: pub/sub for speed, plus a slow poll as a backstop for messages
   * lost while disconnected. Idempotent.
   */
  follow(): void {
    if (this.subscriber) return
    this.subscriber = createRedis('generation-subscriber', { enableOfflineQueue: true })
    this.subscriber.on('message', (_channel, value: string) => this.adopt(value))
    this.subscriber.on('ready', () => {
      void this.subscriber?.subscribe(GENERATION_CHANNEL()).catch(() => undefined)
      void this.refresh()
      if (this.unsent) void this.bump()
    })
    this.poller = setInterval(() => void this.refresh(), 5000)
    this.poller.unref()
  }

  async refresh(): Promise<void> {
    if (!(await waitForReady(redis(), 0))) return
    const value = await redis()
      .get(GENERATION_KEY())
      .catch(() => null)
    if (value !== null) this.adopt(value)
  }

  private adopt(value: string): void {
    if (value === this.shared) return
    this.shared = value
    this.local = 0
    this.emit()
  }

  private emit(): void {
    const generation = this.current()
    for (const listener of this.listeners) listener(generation)
  }

  /** A change was written to the index: make it searchable, then announce it (coalesced). */
  changed(client: Client = searchClient(), index: string = catalogueIndex.write): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.publish(client, index)
    }, COALESCE_MS)
    this.timer.unref()
  }

  /** Waits until a pending announcement (if any) is done: for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.timer || this.bumping) {
      await (this.bumping ?? new Promise((resolve) => setTimeout(resolve, COALESCE_MS)))
    }
  }

  private async publish(client: Client, index: string): Promise<void> {
    try {
      // Searchable now rather than at the next periodic refresh (up to 1 s later).
      await client.indices.refresh({ index }, { requestTimeout: 5000, maxRetries: 0 })
    } catch (error) {
      logger.warn({ err: error }, 'refresh before announcing a catalogue change failed')
    }
    this.local += 1
    this.unsent += 1
    this.emit()
    await this.bump()
  }

  private async bump(): Promise<void> {
    if (this.bumping) return this.bumping
    this.bumping = (async () => {
      // A process that just started (worker, reindex script) may still be connecting.
      if (!this.unsent || !(await waitForReady(redis(), 1000))) return
      const sending = this.unsent
      try {
        const value = await redis().incr(GENERATION_KEY())
        this.unsent -= sending
        this.adopt(String(value))
        await redis().publish(GENERATION_CHANNEL(), String(value))
      } catch (error) {
        logger.debug({ err: error }, 'catalogue generation bump deferred: redis unavailable')
      }
    })().finally(() => {
      this.bumping = undefined
    })
    return this.bumping
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller)
    this.poller = undefined
    const subscriber = this.subscriber
    this.subscriber = undefined
    await subscriber?.quit().catch(() => subscriber.disconnect())
  }
}

export const catalogueGeneration = new CatalogueGeneration()

/** Call after writing to the catalogue index. */
export const catalogueChanged = (client?: Client, index?: string) =>
  catalogueGeneration.changed(client, index)
