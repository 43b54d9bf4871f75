import type { Diagnostic } from '@gongwen/diagnostics';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface PoolGauges {
  busy: number;
  queued: number;
  threads: number;
}

/** The service's Prometheus metrics, in a registry of its own (two servers in one process don't mix). */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly renders: Counter<'format' | 'outcome'>;
  readonly renderSeconds: Histogram<'format'>;
  readonly diagnostics: Counter<'rule' | 'severity'>;
  readonly requests: Counter<'route' | 'status'>;
  readonly imports: Counter<'outcome'>;
  readonly conversions: Gauge;

  constructor(pool: () => PoolGauges, jobs?: () => Promise<Record<string, number>>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'gongwen_' });
    this.renders = new Counter({
      name: 'gongwen_renders_total',
      help: 'Renders by format (zip for an archive of several) and outcome: ok, invalid (422), rejected (429), timeout (503), error.',
      labelNames: ['format', 'outcome'],
      registers,
    });
    this.renderSeconds = new Histogram({
      name: 'gongwen_render_duration_seconds',
      help: 'Time from a render request being read to its answer, waiting for a thread included.',
      labelNames: ['format'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.diagnostics = new Counter({ name: 'gongwen_diagnostics_total', help: 'Diagnostics reported, by rule id and severity.', labelNames: ['rule', 'severity'], registers });
    this.requests = new Counter({ name: 'gongwen_http_requests_total', help: 'Answered requests by route and status.', labelNames: ['route', 'status'], registers });
    this.imports = new Counter({ name: 'gongwen_imports_total', help: 'Imports by outcome: ok (a YAML), refused (413, 415), invalid (422: not a readable report).', labelNames: ['outcome'], registers });
    this.conversions = new Gauge({ name: 'gongwen_import_conversions_active', help: 'Documents LibreOffice is converting for an import now (at most one per render thread).', registers });
    new Gauge({
      name: 'gongwen_pool_busy_workers',
      help: 'Worker threads rendering now.',
      registers,
      collect() {
        this.set(pool().busy);
      },
    });
    new Gauge({
      name: 'gongwen_pool_queue_depth',
      help: 'Renders waiting for a worker thread.',
      registers,
      collect() {
        this.set(pool().queued);
      },
    });
    new Gauge({
      name: 'gongwen_pool_threads',
      help: 'Worker threads in the pool.',
      registers,
      collect() {
        this.set(pool().threads);
      },
    });
    if (jobs) {
      new Gauge({
        name: 'gongwen_jobs',
        help: 'Jobs in the Redis queue by state.',
        labelNames: ['state'],
        registers,
        async collect() {
          for (const [state, n] of Object.entries(await jobs())) this.set({ state }, n);
        },
      });
    }
  }

  countDiagnostics(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.diagnostics.inc({ rule: d.ruleId, severity: d.severity });
  }
}
