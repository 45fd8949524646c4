/** The allocation candidate method of `conn.placement` (1.10+). */
import { ValidationError } from '../../errors/errors.js';
import { type ListQuery, listQueryToApi, type RequestOptions } from '../../resource/index.js';
import { checkQueryVersions, requestDocument, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { ALLOCATION_CANDIDATES_QUERY_VERSIONS, AllocationCandidates } from './allocation-candidates.js';
import type { AllocationCandidatesResource } from './resource-types.js';

/** Allocation candidates (a section of `conn.placement`, never constructed). */
export abstract class AllocationCandidateSection extends ServiceProxy {
  /**
   * Sets of providers that could satisfy a request (1.10), e.g.
   * `{ resources: 'VCPU:1,MEMORY_MB:64', required: 'CUSTOM_FAST', limit: 5 }`. Parameters newer
   * than the connection's microversion are refused before sending; suffixed (granular) groups
   * go through `$raw`, e.g. `{ $raw: { resources1: 'VCPU:1', required1: 'CUSTOM_X' } }` (1.25).
   *
   * @example
   * ```ts
   * const candidates = await conn.placement.getAllocationCandidates({ resources: 'VCPU:2,MEMORY_MB:4096', limit: 5 });
   * console.log(candidates);
   * ```
   */
  async getAllocationCandidates(
    query: ListQuery<(typeof AllocationCandidates)['query']>,
    opts: RequestOptions = {},
  ): Promise<AllocationCandidatesResource> {
    await requireMicroversion(this.client, '1.10', 'getAllocationCandidates', opts);
    const gates = ALLOCATION_CANDIDATES_QUERY_VERSIONS;
    await checkQueryVersions(this.client, 'allocation candidates', query, gates, opts);
    if (query.limit !== undefined)
      await requireMicroversion(this.client, '1.16', 'allocation candidates.limit', opts);
    if (query.marker !== undefined) {
      throw new ValidationError('allocation candidates are not paginated', {
        field: 'allocation candidates.marker',
        fix: 'use limit only',
      });
    }
    const apiQuery = listQueryToApi(AllocationCandidates, query as Record<string, unknown>);
    return requestDocument(
      this.client,
      AllocationCandidates,
      'GET',
      '/allocation_candidates',
      { query: apiQuery },
      opts,
    );
  }
}
