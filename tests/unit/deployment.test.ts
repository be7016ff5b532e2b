/**
 * The deployment files, checked statically: no Docker engine or cluster runs here, so what would
 * otherwise first fail in a rollout (an unknown variable, a probe on the wrong port, a root
 * container, a missing file in the image, a migration racing the pods) fails here instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'
import { parse, parseAllDocuments } from 'yaml'

import { COMPILED_ENTRIES } from '../../scripts/lib/compile'
import { ROOT } from '../../scripts/lib/paths'
import { ENV_NAMES, resolveEnv } from '../../src/env'

/** Variables a container may set that Node or Next read, not src/env.ts. */
const RUNTIME_ENV_NAMES = ['NODE_OPTIONS', 'NEXT_TELEMETRY_DISABLED']
const KNOWN_ENV_NAMES = new Set([...ENV_NAMES, ...RUNTIME_ENV_NAMES])

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const isDirectory = (file: string) => statSync(path.join(ROOT, file)).isDirectory()

/** Every document of a YAML file, failing with the file's name on a syntax error. */
function yamlDocuments<T>(file: string): T[] {
  return parseAllDocuments(read(file)).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`)
    return document.toJS() as T
  })
}

// Kubernetes objects, as far as these checks read them.

interface KeyRef {
  name: string
  key: string
  optional?: boolean
}
interface EnvVar {
  name: string
  value?: string
  valueFrom?: { secretKeyRef?: KeyRef; configMapKeyRef?: KeyRef }
}
interface EnvFrom {
  configMapRef?: { name: string }
  secretRef?: { name: string }
}
interface Probe {
  httpGet?: { path: string; port: string | number }
}
interface SecurityContext {
  runAsNonRoot?: boolean
  runAsUser?: number
  allowPrivilegeEscalation?: boolean
  readOnlyRootFilesystem?: boolean
  capabilities?: { drop?: string[] }
  seccompProfile?: { type: string }
}
interface Container {
  name: string
  image?: string
  command?: string[]
  ports?: { name?: string; containerPort: number }[]
  env?: EnvVar[]
  envFrom?: EnvFrom[]
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
  securityContext?: SecurityContext
  volumeMounts?: { name: string; mountPath: string }[]
  startupProbe?: Probe
  livenessProbe?: Probe
  readinessProbe?: Probe
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } }
}
interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  securityContext?: SecurityContext
  volumes?: { name: string }[]
  terminationGracePeriodSeconds?: number
  restartPolicy?: string
}
type Labels = Record<string, string>
interface Manifest {
  apiVersion: string
  kind: string
  metadata: { name: string; labels?: Labels }
  data?: Record<string, string>
  stringData?: Record<string, string>
  // Each kind has its own spec; the helpers below read the parts they check.
  spec?: Record<string, unknown>
}
interface Workload extends Manifest {
  spec: {
    replicas?: number
    selector?: { matchLabels: Labels }
    strategy?: { rollingUpdate?: { maxUnavailable?: number | string } }
    template: { metadata: { labels: Labels }; spec: PodSpec }
  }
}
interface ImageOverride {
  name: string
  newName?: string
  newTag?: string
  digest?: string
}
interface Kustomization {
  resources?: string[]
  components?: string[]
  images?: ImageOverride[]
}

// A small Kustomize: resources and components (files or directories), then the image overrides.

interface Rendered {
  manifests: Manifest[]
  files: string[]
  images: ImageOverride[]
}

function renderKustomization(dir: string): Rendered {
  const file = `${dir}/kustomization.yaml`
  const kustomization = parse(read(file)) as Kustomization
  const parts = [...(kustomization.resources ?? []), ...(kustomization.components ?? [])].map(
    (entry): Rendered => {
      const target = path.posix.normalize(`${dir}/${entry}`)
      if (isDirectory(target)) return renderKustomization(target)
      return { manifests: yamlDocuments<Manifest>(target), files: [target], images: [] }
    },
  )
  const images = [...(kustomization.images ?? []), ...parts.flatMap((part) => part.images)]
  const manifests = parts.flatMap((part) => part.manifests)
  for (const container of manifests.filter(isWorkload).flatMap(containersOf)) {
    if (container.image) container.image = overrideImage(container.image, images)
  }
  return { manifests, files: [file, ...parts.flatMap((part) => part.files)], images }
}

function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const [rest, digest] = image.split('@')
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest }
  }
  return { name: rest, digest }
}

function overrideImage(image: string, overrides: ImageOverride[]): string {
  const { name, tag, digest } = splitImage(image)
  const override = overrides.find((candidate) => candidate.name === name)
  if (!override) return image
  const newDigest = override.digest ?? digest
  const newTag = override.newTag ?? tag
  return `${override.newName ?? name}${newTag ? `:${newTag}` : ''}${newDigest ? `@${newDigest}` : ''}`
}

const isWorkload = (manifest: Manifest): manifest is Workload =>
  ['Deployment', 'StatefulSet', 'Job'].includes(manifest.kind)
const podSpecOf = (workload: Workload) => workload.spec.template.spec
const containersOf = (workload: Workload) => [
  ...(podSpecOf(workload).initContainers ?? []),
  ...podSpecOf(workload).containers,
]
const matches = (selector: Labels, labels: Labels) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value)

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`
    return entry.isDirectory() ? filesUnder(file) : [file]
  })
}

/** Applied on their own, in this order (k8s/README.md): the migration Job, then the rollout. */
const MIGRATION = renderKustomization('k8s/migrate')
const ROLLOUT = renderKustomization('k8s')
/** Documentation only, never applied. */
const SECRET_EXAMPLE_FILE = 'k8s/secret.example.yaml'

const [secretExample] = yamlDocuments<Manifest>(SECRET_EXAMPLE_FILE)
const secretData = { ...secretExample.data, ...secretExample.stringData }
const allManifests = [...MIGRATION.manifests, ...ROLLOUT.manifests]
const workloads = allManifests.filter(isWorkload)
const configMaps = new Map(
  allManifests.filter((m) => m.kind === 'ConfigMap').map((m) => [m.metadata.name, m.data ?? {}]),
)

function manifest<T extends Manifest = Manifest>(kind: string, name: string): T {
  const found = allManifests.find((m) => m.kind === kind && m.metadata.name === name)
  if (!found) throw new Error(`no ${kind} ${name} in the kustomizations`)
  return found as T
}
const appDeployment = manifest<Workload>('Deployment', 'mediamesh-app')
const workerDeployment = manifest<Workload>('Deployment', 'mediamesh-worker')
const migrateJob = manifest<Workload>('Job', 'mediamesh-migrate')
const appContainer = podSpecOf(appDeployment).containers[0]
const workerContainer = podSpecOf(workerDeployment).containers[0]

// The image: parsed from the Dockerfile.

interface Instruction {
  keyword: string
  args: string
}
interface Stage {
  base: string
  name?: string
  instructions: Instruction[]
}

function dockerfileStages(text: string): Stage[] {
  const lines = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const globalArgs: Record<string, string> = {}
  const stages: Stage[] = []
  for (const line of lines) {
    const [keyword, ...rest] = line.split(/\s+/)
    const args = rest.join(' ')
    if (keyword.toUpperCase() === 'FROM') {
      const [base, as, name] = rest
      const resolved = base.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => globalArgs[arg] ?? '')
      stages.push({
        base: resolved,
        name: as?.toUpperCase() === 'AS' ? name : undefined,
        instructions: [],
      })
    } else if (stages.length === 0 && keyword.toUpperCase() === 'ARG') {
      const [name, value = ''] = args.split('=')
      globalArgs[name] = value
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args })
    }
  }
  return stages
}

const stages = dockerfileStages(read('Dockerfile'))
const runtimeStage = stages[stages.length - 1]
const runtimeInstructions = (keyword: string) =>
  runtimeStage.instructions.filter((instruction) => instruction.keyword === keyword)

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) of the runtime stage: the image's defaults. */
const imageEnv: Record<string, string> = Object.fromEntries(
  runtimeInstructions('ENV').flatMap(({ args }) =>
    args.includes('=')
      ? [...args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, name, value]) => [
          name,
          value.replace(/^"|"$/g, ''),
        ])
      : [args.split(/\s+/, 2)],
  ),
)

/** Every instruction that shaped a stage: its own, and those of the stages it is built FROM. */
function lineage(stageName: string): Instruction[] {
  const stage = stages.find((candidate) => candidate.name === stageName)
  if (!stage) return []
  return [...lineage(stage.base), ...stage.instructions]
}

interface Copy {
  from?: string
  sources: string[]
}
const runtimeCopies: Copy[] = runtimeInstructions('COPY').map(({ args }) => {
  const words = args.split(/\s+/)
  const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length)
  const paths = words.filter((word) => !word.startsWith('--'))
  return { from, sources: paths.slice(0, -1) }
})

/** The top-level file or folder a COPY source is, in the build's /app or the build context. */
const topLevelOf = (source: string) =>
  source
    .replace(/^\/app\//, '')
    .replace(/^\.\//, '')
    .split('/')[0]

// Compose.

interface ComposeService {
  image?: string
  build?: unknown
  command?: string[] | string
  environment?: Record<string, unknown> | string[]
  depends_on?: Record<string, { condition: string }> | string[]
  healthcheck?: { test?: string[] | string; disable?: boolean }
  restart?: string
  profiles?: string[]
  volumes?: (string | { type?: string; source?: string; target: string })[]
  configs?: ({ source: string; target?: string } | string)[]
  stop_grace_period?: string
}
interface ComposeFile {
  services: Record<string, ComposeService>
  volumes?: Record<string, unknown>
  configs?: Record<string, { content?: string; file?: string }>
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile
const services = compose.services
/** Run once and exit: nothing probes them; what needs them waits until they have completed. */
const ONE_SHOT_SERVICES = ['migrate', 'minio-setup', 'seed']
/** Services that run the MediaMesh image (built here). */
const mediameshServices = Object.keys(services).filter(
  (name) => services[name].build !== undefined || services[name].image === services.app?.image,
)

/** `${VAR:-default}` and `${VAR-default}` become the default, `${VAR}` nothing, `$$` a `$`. */
const withDefaults = (value: string) =>
  value.replace(/\$\$|\$\{\w+(?::?-([^}]*))?\}/g, (match, fallback?: string) =>
    match === '$$' ? '$' : (fallback ?? ''),
  )

function composeEnvironment(service: ComposeService): Record<string, string> {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((line) => line.split(/=(.*)/s).slice(0, 2))
    : Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value ?? '')])
  return Object.fromEntries(entries.map(([name, value]) => [name, withDefaults(value ?? '')]))
}

const dependencies = (service: ComposeService) =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, 'service_started']))
    : Object.fromEntries(
        Object.entries(service.depends_on ?? {}).map(([name, { condition }]) => [name, condition]),
      )

const healthcheckText = (service: ComposeService) =>
  [service.healthcheck?.test ?? []].flat().join(' ')

/** Go-style durations as compose writes them: `40s`, `1m30s`, `500ms`. */
function seconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 }
  return [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)].reduce(
    (total, [, amount, unit]) => total + Number(amount) * units[unit],
    0,
  )
}

// Cross-cutting helpers.

/** Names and values a container ends up with: image defaults, envFrom, then env. */
function containerEnvironment(
  container: Container,
  { withOptionalSecrets }: { withOptionalSecrets: boolean },
): Record<string, string> {
  const environment: Record<string, string> = { ...imageEnv }
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(environment, configMaps.get(source.configMapRef.name))
    if (source.secretRef) Object.assign(environment, secretData)
  }
  for (const variable of container.env ?? []) {
    const { secretKeyRef, configMapKeyRef } = variable.valueFrom ?? {}
    if (secretKeyRef && (withOptionalSecrets || !secretKeyRef.optional)) {
      environment[variable.name] = secretData[secretKeyRef.key]
    } else if (configMapKeyRef) {
      environment[variable.name] = configMaps.get(configMapKeyRef.name)?.[configMapKeyRef.key] ?? ''
    } else if (variable.value !== undefined) {
      environment[variable.name] = variable.value
    }
  }
  return environment
}

function envNamesSetBy(container: Container): string[] {
  const fromRefs = (container.envFrom ?? []).flatMap((source) =>
    source.configMapRef
      ? Object.keys(configMaps.get(source.configMapRef.name) ?? {})
      : Object.keys(secretData),
  )
  return [...fromRefs, ...(container.env ?? []).map((variable) => variable.name)]
}

/**
 * The source file a command runs compiled: `node dist/worker.js` → scripts/worker.ts (the entries
 * of scripts/lib/compile.ts); undefined when the command runs no compiled entry.
 */
const compiledEntry = (command: string[] | string | undefined) => {
  const word = [command ?? []].flat().find((w) => /^dist\/[\w-]+\.js$/.test(w))
  const name = word?.slice('dist/'.length, -'.js'.length)
  return name === undefined
    ? undefined
    : (COMPILED_ENTRIES as Record<string, string | undefined>)[name]
}

describe('Kubernetes manifests', () => {
  it('parse, and each one is applied by the rollout or the migration (or is the Secret example)', () => {
    const yamlFiles = filesUnder('k8s').filter((file) => /\.ya?ml$/.test(file))
    for (const file of yamlFiles) {
      for (const document of yamlDocuments<Manifest | Kustomization>(file)) {
        expect(document).toEqual(expect.objectContaining({ apiVersion: expect.any(String) }))
      }
    }
    const applied = new Set([...MIGRATION.files, ...ROLLOUT.files, SECRET_EXAMPLE_FILE])
    expect(yamlFiles.filter((file) => !applied.has(file))).toEqual([])
    expect(ROLLOUT.files).not.toContain(SECRET_EXAMPLE_FILE)
    expect(MIGRATION.files).not.toContain(SECRET_EXAMPLE_FILE)
  })

  it('runs the migration Job on its own, before the rollout', () => {
    expect(MIGRATION.manifests.filter(isWorkload).map((m) => m.kind)).toEqual(['Job'])
    expect(ROLLOUT.manifests.filter((m) => m.kind === 'Job')).toEqual([])
    const readme = read('k8s/README.md')
    const migrateAt = readme.indexOf('kubectl apply -k k8s/migrate')
    expect(migrateAt).toBeGreaterThan(-1)
    expect(readme.indexOf('kubectl apply -k k8s\n')).toBeGreaterThan(migrateAt)
    expect(podSpecOf(migrateJob).restartPolicy).toBe('Never')
    expect(migrateJob.spec).toEqual(
      expect.objectContaining({
        backoffLimit: expect.any(Number),
        activeDeadlineSeconds: expect.any(Number),
        ttlSecondsAfterFinished: expect.any(Number),
      }),
    )
    expect(compiledEntry(podSpecOf(migrateJob).containers[0].command)).toBe('scripts/migrate.ts')
  })

  it('runs the web host, the worker and the migration from one pinned image', () => {
    const images = workloads.flatMap(containersOf).map((container) => container.image ?? '')
    expect(new Set(images).size).toBe(1)
    const { tag, digest } = splitImage(images[0])
    expect(digest ?? tag).toBeDefined()
    expect(tag).not.toBe('latest')
    expect(workloads.map((w) => w.metadata.name).sort()).toEqual([
      'mediamesh-app',
      'mediamesh-migrate',
      'mediamesh-worker',
    ])
  })

  it.each(workloads.map((w) => [w.metadata.name, w] as const))(
    '%s declares CPU and memory requests and limits',
    (_name, workload) => {
      for (const { resources } of containersOf(workload)) {
        for (const bound of [resources?.requests, resources?.limits]) {
          expect(bound).toEqual(
            expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
          )
        }
      }
    },
  )

  it.each(workloads.map((w) => [w.metadata.name, w] as const))(
    '%s runs as a non-root user on a read-only root filesystem',
    (_name, workload) => {
      const pod = podSpecOf(workload).securityContext ?? {}
      for (const { securityContext = {} } of containersOf(workload)) {
        const effective = { ...pod, ...securityContext }
        expect(effective.runAsNonRoot).toBe(true)
        expect(effective.runAsUser).toEqual(expect.any(Number))
        expect(effective.runAsUser).not.toBe(0)
        expect(securityContext.allowPrivilegeEscalation).toBe(false)
        expect(securityContext.readOnlyRootFilesystem).toBe(true)
        expect(securityContext.capabilities?.drop).toContain('ALL')
        expect(effective.seccompProfile?.type).toBe('RuntimeDefault')
      }
    },
  )

  it.each([
    // Upload temp files and tsx's compile cache live in os.tmpdir(); Next caches in .next/cache.
    { workload: appDeployment, writable: ['/tmp', '/app/.next/cache'] },
    { workload: workerDeployment, writable: ['/tmp'] },
    { workload: migrateJob, writable: ['/tmp'] },
  ])('$workload.metadata.name gets a volume for every path it writes', ({ workload, writable }) => {
    const volumes = (podSpecOf(workload).volumes ?? []).map((volume) => volume.name)
    for (const { volumeMounts = [] } of podSpecOf(workload).containers) {
      expect(volumeMounts.map((mount) => mount.mountPath)).toEqual(expect.arrayContaining(writable))
      for (const mount of volumeMounts) expect(volumes).toContain(mount.name)
    }
    // Uploads go to S3, so nothing writes the image's media/ folder (and replicas share no disk).
    const environment = resolveEnv(
      containerEnvironment(podSpecOf(workload).containers[0], { withOptionalSecrets: true }),
    )
    expect(environment.s3).not.toBeNull()
  })

  it('probes the web host: readiness on /readyz, liveness and startup on /healthz, on its port', () => {
    const ports = (appContainer.ports ?? []).flatMap((port) => [port.name, port.containerPort])
    const probes = {
      readiness: appContainer.readinessProbe?.httpGet,
      liveness: appContainer.livenessProbe?.httpGet,
      startup: appContainer.startupProbe?.httpGet,
    }
    expect(probes.readiness?.path).toBe('/readyz')
    // Liveness must not depend on Postgres: an outage would restart every pod at once.
    expect(probes.liveness?.path).toBe('/healthz')
    expect(probes.startup?.path).toBe('/healthz')
    for (const probe of Object.values(probes)) expect(ports).toContain(probe?.port)
    const environment = resolveEnv(
      containerEnvironment(appContainer, { withOptionalSecrets: true }),
    )
    const httpPort = appContainer.ports?.find((port) => port.name === probes.readiness?.port)
    expect(httpPort?.containerPort ?? probes.readiness?.port).toBe(environment.PORT)
  })

  it('probes the worker on /healthz at WORKER_METRICS_PORT', () => {
    const port = workerContainer.livenessProbe?.httpGet?.port
    const declared = workerContainer.ports?.find((p) => p.name === port || p.containerPort === port)
    const environment = resolveEnv(
      containerEnvironment(workerContainer, { withOptionalSecrets: true }),
    )
    expect(workerContainer.livenessProbe?.httpGet?.path).toBe('/healthz')
    expect(environment.WORKER_METRICS_PORT).toBeDefined()
    expect(declared?.containerPort).toBe(environment.WORKER_METRICS_PORT)
    expect(compiledEntry(workerContainer.command)).toBe('scripts/worker.ts')
  })

  it('sets only variables that src/env.ts (or Node) reads', () => {
    for (const container of workloads.flatMap(containersOf)) {
      const unknown = envNamesSetBy(container).filter((name) => !KNOWN_ENV_NAMES.has(name))
      expect({ container: container.name, unknown }).toEqual({
        container: container.name,
        unknown: [],
      })
    }
  })

  it('refers to one ConfigMap and one Secret, whose example lists every key used', () => {
    const containers = workloads.flatMap(containersOf)
    const configMapNames = [...configMaps.keys()]
    const secretName = secretExample.metadata.name
    expect(secretExample.kind).toBe('Secret')
    expect(configMapNames).toHaveLength(1)
    for (const source of containers.flatMap((container) => container.envFrom ?? [])) {
      if (source.configMapRef) expect(configMapNames).toContain(source.configMapRef.name)
      if (source.secretRef) expect(source.secretRef.name).toBe(secretName)
    }
    for (const variable of containers.flatMap((container) => container.env ?? [])) {
      const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {}
      if (configMapKeyRef) {
        expect(configMapNames).toContain(configMapKeyRef.name)
        expect(Object.keys(configMaps.get(configMapKeyRef.name) ?? {})).toContain(
          configMapKeyRef.key,
        )
      }
      if (secretKeyRef) {
        expect(secretKeyRef.name).toBe(secretName)
        expect(Object.keys(secretData)).toContain(secretKeyRef.key)
      }
    }
  })

  it.each(workloads.map((w) => [w.metadata.name, w] as const))(
    '%s gets a production environment that src/env.ts accepts, with or without optional secrets',
    (_name, workload) => {
      for (const container of podSpecOf(workload).containers) {
        for (const withOptionalSecrets of [true, false]) {
          const environment = resolveEnv(containerEnvironment(container, { withOptionalSecrets }))
          expect(environment.isProduction).toBe(true)
          expect(environment.DATABASE_SCHEMA).toBe('migrate')
          // The Job migrates; pods starting together never race to.
          expect(environment.MIGRATE_ON_START).toBe(false)
        }
      }
    },
  )

  it('leaves the job queues to the worker and protects /metrics with a token', () => {
    const web = resolveEnv(containerEnvironment(appContainer, { withOptionalSecrets: false }))
    const worker = resolveEnv(containerEnvironment(workerContainer, { withOptionalSecrets: false }))
    expect(web.JOBS_AUTORUN).toBe(false)
    expect(web.metricsAccess.mode).toBe('token')
    expect(worker.metricsAccess.mode).toBe('token')
  })

  it('points the HPA, the Service and the disruption budgets at the right pods', () => {
    const appLabels = appDeployment.spec.template.metadata.labels
    const workerLabels = workerDeployment.spec.template.metadata.labels
    for (const deployment of [appDeployment, workerDeployment]) {
      expect(
        matches(
          deployment.spec.selector?.matchLabels ?? {},
          deployment.spec.template.metadata.labels,
        ),
      ).toBe(true)
    }

    const hpa = manifest('HorizontalPodAutoscaler', 'mediamesh-app')
    expect(hpa.apiVersion).toBe('autoscaling/v2')
    expect(hpa.spec).toEqual(
      expect.objectContaining({
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: appDeployment.metadata.name,
        },
        minReplicas: expect.any(Number),
        maxReplicas: expect.any(Number),
      }),
    )
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2)
    // The HPA owns the count: a `replicas` in the file would reset it on every apply.
    expect(appDeployment.spec.replicas).toBeUndefined()

    const service = manifest('Service', 'mediamesh-app').spec as {
      selector: Labels
      ports: { targetPort: string | number }[]
    }
    expect(matches(service.selector, appLabels)).toBe(true)
    expect(matches(service.selector, workerLabels)).toBe(false)
    const appPorts = (appContainer.ports ?? []).flatMap((port) => [port.name, port.containerPort])
    for (const port of service.ports) expect(appPorts).toContain(port.targetPort)

    const budgets = allManifests
      .filter((m) => m.kind === 'PodDisruptionBudget')
      .map((m) => (m.spec as { selector: { matchLabels: Labels } }).selector.matchLabels)
    for (const labels of [appLabels, workerLabels]) {
      expect(budgets.filter((selector) => matches(selector, labels))).toHaveLength(1)
    }
  })

  it('gives web pods time to leave the load balancer and drain before they are killed', () => {
    const { SHUTDOWN_TIMEOUT_MS } = resolveEnv(
      containerEnvironment(appContainer, { withOptionalSecrets: true }),
    )
    const preStop = appContainer.lifecycle?.preStop
    const sleep =
      preStop?.sleep?.seconds ??
      Number(preStop?.exec?.command.join(' ').match(/sleep\s+(\d+)/)?.[1] ?? 0)
    expect(sleep).toBeGreaterThan(0)
    expect(podSpecOf(appDeployment).terminationGracePeriodSeconds).toBeGreaterThan(
      sleep + SHUTDOWN_TIMEOUT_MS / 1000,
    )
    // The worker finishes its current round (about 30 s) after SIGTERM.
    expect(podSpecOf(workerDeployment).terminationGracePeriodSeconds).toBeGreaterThanOrEqual(40)
    expect(appDeployment.spec.strategy?.rollingUpdate?.maxUnavailable).toBe(0)
  })
})

describe('Dockerfile', () => {
  it('builds in stages and ships a slim Node image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
    expect(stages.slice(0, -1).every((stage) => stage.name)).toBe(true)
    expect(runtimeStage.base).toMatch(/^node:\d+-\w+-slim$/)
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines
    expect(Number(runtimeStage.base.match(/^node:(\d+)/)?.[1])).toBeGreaterThanOrEqual(
      Number(engines.node.match(/\d+/)?.[0]),
    )
  })

  it('copies chosen paths into the runtime, never the whole build', () => {
    const wholesale = runtimeCopies.filter(({ sources }) =>
      sources.some((source) => ['/app', '/app/', '.', './', '/'].includes(source)),
    )
    expect(wholesale).toEqual([])
  })

  it('runs compiled entries only, and copies what they read at run time', () => {
    const commands = [
      runtimeInstructions('CMD').map(({ args }) => JSON.parse(args) as string[])[0],
      ...Object.values(services).map((service) => service.command),
      ...workloads.flatMap(containersOf).map((container) => container.command),
    ].filter((command) => command !== undefined)
    // No command runs TypeScript (no tsx in production: the sources are not in the image).
    for (const command of commands) {
      expect([command].flat().join(' ')).not.toMatch(/\btsx\b|\.ts\b/)
    }
    const entries = [...new Set(commands.map(compiledEntry).filter((entry) => entry !== undefined))]
    expect(entries).toEqual(
      expect.arrayContaining(['server.ts', 'scripts/worker.ts', 'scripts/migrate.ts']),
    )
    // Our modules are bundled into dist/; read at run time besides: the Next build, the
    // dependencies, Next's configuration, and package.json (whose name finds the project folder).
    const needed = ['dist', '.next', 'node_modules', 'package.json', 'next.config.mjs']
    const copied = new Set(runtimeCopies.flatMap(({ sources }) => sources.map(topLevelOf)))
    expect(needed.filter((file) => !copied.has(file))).toEqual([])
    expect([...copied].filter((file) => /^(src|scripts)$|\.ts$/.test(file))).toEqual([])
  })

  it('ships node_modules without devDependencies', () => {
    const copy = runtimeCopies.find(({ sources }) =>
      sources.some((s) => topLevelOf(s) === 'node_modules'),
    )
    expect(copy?.from).toBeDefined()
    const steps = lineage(copy?.from ?? '').filter(({ keyword }) => keyword === 'RUN')
    expect(steps.some(({ args }) => /npm (prune|ci|install)\b.*--omit=dev/.test(args))).toBe(true)
  })

  it('runs node directly as a non-root user, with a health check, in production mode', () => {
    const user = runtimeInstructions('USER').at(-1)?.args.split(':')[0]
    expect(user).toBeDefined()
    expect(['root', '0']).not.toContain(user)
    const healthcheck = runtimeInstructions('HEALTHCHECK').at(-1)?.args ?? ''
    expect(healthcheck).toMatch(/\/healthz/)
    expect(healthcheck).not.toMatch(/^NONE/i)
    expect(runtimeInstructions('ENTRYPOINT')).toEqual([])
    const cmd = JSON.parse(runtimeInstructions('CMD').at(-1)?.args ?? '[]') as string[]
    // node as PID 1 receives SIGTERM; npx or npm in between would not pass it on reliably.
    expect(cmd[0]).toBe('node')
    expect(compiledEntry(cmd)).toBe('server.ts')
    expect(imageEnv.NODE_ENV).toBe('production')
    expect(imageEnv.NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/)
  })
})

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  const toRegExp = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/^\/|\/$/g, '')
        .replace(/[.+^$()|[\]{}]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}(/.*)?$`,
    )
  /** Docker's rule: the last matching pattern wins, `!` re-includes. */
  const excluded = (file: string) =>
    patterns.reduce(
      (result, pattern) =>
        toRegExp(pattern.replace(/^!/, '')).test(file) ? !pattern.startsWith('!') : result,
      false,
    )

  it('keeps dependencies, builds, history and secrets out of the build context', () => {
    const leaked = ['node_modules', '.next', '.git', '.env', '.env.local', '.env.production']
    expect(leaked.filter((file) => !excluded(file))).toEqual([])
  })

  it('keeps everything the build and the runtime read', () => {
    const copiedFromContext = ['package.json', 'package-lock.json', 'src', 'scripts', 'server.ts']
    const runtime = runtimeCopies.flatMap(({ sources }) => sources.map(topLevelOf))
    // Built inside the image, so rightly kept out of the context.
    const needed = [...copiedFromContext, ...runtime].filter(
      (file) => !['.next', 'node_modules', 'dist'].includes(file),
    )
    expect(needed.filter(excluded)).toEqual([])
  })
})

describe('docker-compose.yml', () => {
  const esVersion = read('scripts/elasticsearch/es.sh').match(
    /ES_VERSION=\$\{ES_VERSION:-([^}]+)\}/,
  )?.[1]

  it('health-checks every long-running service; one-shots are waited on until they complete', () => {
    for (const [name, service] of Object.entries(services)) {
      const oneShot = ONE_SHOT_SERVICES.includes(name)
      if (oneShot) {
        expect({ name, restart: service.restart ?? 'no' }).toEqual({ name, restart: 'no' })
      } else {
        expect({ name, healthcheck: healthcheckText(service) }).toEqual({
          name,
          healthcheck: expect.stringMatching(/\S/),
        })
        expect(service.healthcheck?.disable).not.toBe(true)
      }
      for (const [dependency, condition] of Object.entries(dependencies(service))) {
        expect(Object.keys(services)).toContain(dependency)
        const expected = ONE_SHOT_SERVICES.includes(dependency)
          ? 'service_completed_successfully'
          : 'service_healthy'
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: expected })
      }
    }
  })

  it.each(['app', 'worker'])(
    'starts %s after Postgres is healthy and the migrations have completed',
    (name) => {
      expect(dependencies(services[name])).toEqual(
        expect.objectContaining({
          postgres: 'service_healthy',
          migrate: 'service_completed_successfully',
        }),
      )
      expect(resolveEnv(composeEnvironment(services[name])).MIGRATE_ON_START).toBe(false)
    },
  )

  it('checks readiness of the app and liveness of the worker on its metrics port', () => {
    expect(healthcheckText(services.app)).toMatch(/\/readyz/)
    const { WORKER_METRICS_PORT } = resolveEnv(composeEnvironment(services.worker))
    expect(healthcheckText(services.worker)).toContain(`:${WORKER_METRICS_PORT}/healthz`)
  })

  it('runs the Elasticsearch version the app is tested against, from Elastic', () => {
    expect(esVersion).toBeDefined()
    expect(services.elasticsearch.image).toBe(
      `docker.elastic.co/elasticsearch/elasticsearch:${esVersion}`,
    )
  })

  it('sets only variables that src/env.ts (or Node) reads for the MediaMesh services', () => {
    expect(mediameshServices.sort()).toEqual(['app', 'migrate', 'seed', 'worker'])
    for (const name of mediameshServices) {
      const unknown = Object.keys(composeEnvironment(services[name])).filter(
        (variable) => !KNOWN_ENV_NAMES.has(variable),
      )
      expect({ name, unknown }).toEqual({ name, unknown: [] })
    }
  })

  it('gives every MediaMesh service an environment src/env.ts accepts', () => {
    for (const name of mediameshServices) {
      const environment = resolveEnv({ ...imageEnv, ...composeEnvironment(services[name]) })
      // The seed refuses production; it runs in development against the migrated schema.
      expect({ name, production: environment.isProduction }).toEqual({
        name,
        production: name !== 'seed',
      })
      expect(environment.DATABASE_SCHEMA).toBe('migrate')
    }
  })

  it('gives the app and the worker time to shut down gracefully', () => {
    const { SHUTDOWN_TIMEOUT_MS } = resolveEnv(composeEnvironment(services.app))
    expect(seconds(services.app.stop_grace_period ?? '10s')).toBeGreaterThan(
      SHUTDOWN_TIMEOUT_MS / 1000,
    )
    expect(seconds(services.worker.stop_grace_period ?? '10s')).toBeGreaterThanOrEqual(30)
  })

  it('declares every named volume and config, and every mounted file exists', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source
        if (!source) continue
        if (/^[./~]/.test(source)) expect(existsSync(path.join(ROOT, source))).toBe(true)
        else expect(Object.keys(compose.volumes ?? {})).toContain(source)
      }
      for (const config of service.configs ?? []) {
        const source = typeof config === 'string' ? config : config.source
        expect(Object.keys(compose.configs ?? {})).toContain(source)
      }
    }
  })

  it('hands Prometheus the metrics token and the targets that the app and the worker serve', () => {
    const prometheus = parse(read('ops/prometheus/prometheus.yml')) as {
      scrape_configs: {
        job_name: string
        authorization?: { credentials_file?: string }
        static_configs: { targets: string[] }[]
      }[]
    }
    const token = composeEnvironment(services.app).METRICS_TOKEN
    const tokenConfig = services.prometheus.configs?.find(
      (config) => typeof config !== 'string' && config.source === 'metrics-token',
    ) as { source: string; target?: string } | undefined
    expect(withDefaults(compose.configs?.['metrics-token']?.content ?? '')).toBe(token)
    for (const job of prometheus.scrape_configs) {
      expect(job.authorization?.credentials_file).toBe(tokenConfig?.target)
    }
    const { WORKER_METRICS_PORT } = resolveEnv(composeEnvironment(services.worker))
    const { PORT } = resolveEnv({ ...imageEnv, ...composeEnvironment(services.app) })
    const targets = prometheus.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((config) => config.targets),
    )
    expect(targets.sort()).toEqual([`app:${PORT}`, `worker:${WORKER_METRICS_PORT}`])
  })

  it('provisions Grafana with the Prometheus datasource and the dashboards that compose mounts', () => {
    const datasources = parse(read('ops/grafana/provisioning/datasources/prometheus.yml')) as {
      datasources: { type: string; url: string }[]
    }
    const providers = parse(read('ops/grafana/provisioning/dashboards/mediamesh.yml')) as {
      providers: { options: { path: string } }[]
    }
    const dashboard = JSON.parse(read('ops/grafana/mediamesh-overview.json')) as {
      templating: { list: { name: string; type: string; query: string }[] }
    }
    const variable = dashboard.templating.list.find((v) => v.type === 'datasource')
    expect(datasources.datasources.map((d) => d.type)).toContain(variable?.query)
    expect(datasources.datasources.map((d) => new URL(d.url).hostname)).toContain('prometheus')
    const mounts = (services.grafana.volumes ?? []).filter(
      (volume): volume is string => typeof volume === 'string',
    )
    const dashboardsMount = mounts.find((volume) => /^\.\/ops\/grafana:/.test(volume))
    expect(dashboardsMount?.split(':')[1]).toBe(providers.providers[0].options.path)
    expect(mounts).toContain('./ops/grafana/provisioning:/etc/grafana/provisioning:ro')
  })
})
