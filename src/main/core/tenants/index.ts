export { TenantService } from './tenant-service.js';
export { PhoneNumberTakenError, type TenantRecord, type TenantRepository } from './ports.js';
