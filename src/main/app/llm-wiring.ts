import { DateTime } from 'luxon';
import type { LlmHealth } from '../../shared/contract/index.js';
import { CircuitBreaker, LlmBrain, PracticeBrain, type Brain, type LlmClient, type LlmLimits, type LlmUsageSink } from '../core/conversation/index.js';
import type { Clock, Logger } from '../core/kernel/index.js';
import type { BookingService } from '../core/scheduling/index.js';
import type { TenantService } from '../core/tenants/index.js';
import { createOpenAiLlmClient } from '../infra/openai/openai-llm-client.js';
import type { AppConfig } from './app-types.js';

/** The vault entry the OpenAI key lives under (issue 10's SecretVault). */
export const OPENAI_KEY_SECRET = 'OPENAI_API_KEY';

/**
 * The receptionist each practice chose: the rules brain, or the LLM brain over the same actions
 * with the rules brain as its failover and a circuit breaker in front of the endpoint. The key is
 * asked for at every request, so a key saved later applies to the next call without a restart.
 */
export function createLlmBrains(deps: {
  config: AppConfig['llm'];
  /** The OpenAI key at use time: the flag or environment's, else the vault's (issue 10). */
  apiKey: () => string | null;
  client: LlmClient | null;
  limits: Partial<LlmLimits>;
  rules: Brain;
  bookings: BookingService;
  tenants: TenantService;
  usage: LlmUsageSink;
  clock: Clock;
  logger: Logger;
}) {
  const client =
    deps.client ??
    createOpenAiLlmClient({
      apiKey: deps.apiKey,
      baseUrl: deps.config.baseUrl,
      model: deps.config.model,
    });
  const breaker = new CircuitBreaker(deps.clock);
  const llm = new LlmBrain({
    client,
    usage: deps.usage,
    logger: deps.logger,
    limits: deps.limits,
    upcoming: (tenantId, customerId, now) => {
      const tenant = deps.tenants.get(tenantId).config;
      return deps.bookings.list(tenantId, { customerId, from: now, statuses: ['confirmed', 'pending_review'] }).slice(0, 5).map((b) => ({
        bookingId: b.id,
        start: DateTime.fromMillis(b.start, { zone: tenant.timezone }).toFormat("yyyy-MM-dd'T'HH:mm"),
        service: tenant.services.find((s) => s.id === b.serviceId)?.name ?? b.serviceId,
        provider: tenant.providers.find((p) => p.id === b.providerId)?.name ?? b.providerId,
      }));
    },
  });
  const brain = new PracticeBrain({ rules: deps.rules, llm, breaker, llmConfigured: () => client.endpoint().configured, logger: deps.logger });
  return {
    brain,
    health(): LlmHealth {
      const endpoint = client.endpoint();
      const status = breaker.status();
      return {
        configured: endpoint.configured,
        baseUrl: endpoint.baseUrl,
        model: endpoint.defaultModel,
        circuit: status.state,
        openUntil: status.openUntil,
        consecutiveFailures: status.consecutiveFailures,
        lastFailure: status.lastFailure,
      };
    },
  };
}
