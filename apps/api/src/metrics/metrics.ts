import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DatabaseAvailability } from '../database/database-availability';
import { KyselyService } from '../database/kysely.service';
import { PrismaService } from '../database/prisma.service';

const LABELS = ['method', 'route', 'status'] as const;

/**
 * The app's Prometheus metrics, in a registry of its own (several apps can live in one process,
 * as in the tests): requests by route and status, their latency, the database pool and the
 * process (memory, CPU, event loop).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: LABELS,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(prisma: PrismaService, kysely: KyselyService, database: DatabaseAvailability) {
    const pools = { prisma: prisma.pool, kysely: kysely.pool };
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of each database pool (Prisma for writes, Kysely for hot reads): total, idle, and requests waiting for one',
      labelNames: ['pool', 'state'],
      registers: [this.registry],
      collect() {
        for (const [name, pool] of Object.entries(pools)) {
          this.set({ pool: name, state: 'total' }, pool.totalCount);
          this.set({ pool: name, state: 'idle' }, pool.idleCount);
          this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
        }
      },
    });
    new Gauge({
      name: 'db_available',
      help: '1 while the database answers, 0 while requests get 503',
      registers: [this.registry],
      collect() {
        this.set(database.available ? 1 : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts and times every answered request under its route pattern (not its URL). */
  observeRequests(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (request, reply) => {
      const labels = {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      };
      this.requests.inc(labels);
      this.latency.observe(labels, reply.elapsedTime / 1000);
    });
  }
}
