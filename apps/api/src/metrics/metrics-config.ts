/** Who may read /metrics: a bearer token, or a client address in `allow`. */
export interface MetricsConfig {
  /** `Authorization: Bearer <token>` grants access from anywhere. */
  token: string | undefined;
  /** Addresses and CIDR ranges allowed without the token (default: loopback). */
  allow: string[];
}

export const DEFAULT_METRICS: MetricsConfig = { token: undefined, allow: ['127.0.0.0/8', '::1'] };

export const METRICS_CONFIG = Symbol('METRICS_CONFIG');
