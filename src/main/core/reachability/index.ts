export { PhoneSetup, routingWarning, webhooksFor, WEBHOOK_PATHS, type NumberView, type PhoneSetupDeps } from './phone-setup.js';
export { Reachability, type DesiredTunnel, type ReachabilityDeps, type TunnelStatus } from './reachability.js';
export type {
  ApplianceSettings,
  NumberWebhooks,
  PhoneAttachment,
  PhoneAttachmentRepository,
  PhoneNumberRecord,
  PhoneNumbersGateway,
  SelfTest,
  Tunnel,
  TunnelFactory,
  TunnelHooks,
  TunnelSpec,
} from './ports.js';
