import type { SecurityConfig } from '../config/app-config';

/** Injection token for the SecurityConfig the app module was registered with. */
export const SECURITY_CONFIG = Symbol('SECURITY_CONFIG');

export type { SecurityConfig };
