import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ManualClock } from '../services/clock';
import type { ServerContext } from '../services/context';
import type { Hub } from '../services/hub';
import type { LoginLimiter } from '../http/login-limiter';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteDeps {
  ctx: ServerContext;
  hub: Hub;
  limiter: LoginLimiter;
  /** Set only when KLIKPAY_CLOCK=manual: the test clock endpoint exists only then. */
  manualClock: ManualClock | null;
}
