import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { prometheusContentType } from 'prom-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ApiException } from '../common/api-error';
import { addressMatcher } from '../config/address-list';
import { METRICS_CONFIG, type MetricsConfig } from './metrics-config';
import { Metrics } from './metrics';

/** Prometheus' scrape endpoint, outside the API (and its document): /metrics. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly allowed: (address: string) => boolean;

  constructor(
    private readonly metrics: Metrics,
    @Inject(METRICS_CONFIG) private readonly config: MetricsConfig,
  ) {
    this.allowed = addressMatcher(config.allow);
  }

  @Get()
  @Header('cache-control', 'no-store')
  async scrape(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!this.allowed(request.ip) && !this.hasToken(request.headers.authorization)) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'forbidden',
        'Metrics need METRICS_TOKEN as a bearer token, or a client address in METRICS_ALLOW',
      );
    }
    void reply.type(prometheusContentType);
    return this.metrics.registry.metrics();
  }

  private hasToken(authorization: string | undefined): boolean {
    const token = this.config.token;
    const sent = authorization?.match(/^Bearer (.+)$/)?.[1];
    if (!token || !sent) return false;
    const [a, b] = [Buffer.from(sent), Buffer.from(token)];
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
