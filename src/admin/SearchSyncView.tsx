import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from './AdminPage'

import { hasRole } from '../access/roles'
import { listFailedSyncJobs } from '../plugins/searchSync/deadLetters'
import { SearchSyncActions } from './SearchSyncActions'

/** Admin view at /admin/search-sync: failed sync jobs (dead letters), retry, reindex. */
export async function SearchSyncView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const isAdmin = hasRole(req.user, 'admin')
  const failed = isAdmin ? await listFailedSyncJobs(req.payload) : { total: 0, jobs: [] }
  return (
    <AdminPage
      initPageResult={initPageResult}
      params={params}
      searchParams={searchParams}
      title="Search sync"
    >
      {!isAdmin ? (
        <p>Only admins can manage search sync.</p>
      ) : (
        <>
          <p>
            Changes reach the search index through sync jobs. Jobs that failed every attempt are
            listed here ({failed.total} in all); retry them once the cause is fixed.
          </p>
          <SearchSyncActions failedCount={failed.total} />
          {failed.jobs.length === 0 ? (
            <p data-testid="no-failed-jobs">No failed sync jobs.</p>
          ) : (
            <table data-testid="failed-jobs" style={{ width: '100%', marginTop: 24 }}>
              <thead>
                <tr>
                  <th align="left">Job</th>
                  <th align="left">Document</th>
                  <th align="left">Error</th>
                  <th align="left">Attempts</th>
                  <th align="left">Failed at</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {failed.jobs.map((job) => {
                  const input = job.input as { collection?: string; id?: number }
                  return (
                    <tr key={job.id}>
                      <td>{job.id}</td>
                      <td>{`${input.collection ?? '?'} ${input.id ?? '?'}`}</td>
                      <td>{job.error}</td>
                      <td>{job.attempts}</td>
                      <td>{new Date(job.failedAt).toISOString()}</td>
                      <td>
                        <SearchSyncActions jobId={job.id} />
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </AdminPage>
  )
}
