import { ContractError, type TenantConfig, type TextMessageDto, type TextThreadDto, type TextThreadSummaryDto } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import type { Clock, IdGenerator } from '../kernel/index.js';
import { toBookingDto, toCustomerDto, type BookingService, type CustomerRecord, type CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import type { OutboxService } from './outbox-service.js';
import type { InboundTextRecord, OutboxRecord, OutboxRepository, TextRepository } from './ports.js';

const THREAD_MESSAGES = 200;
const THREADS = 200;

/** The staff inbox: text threads per number, unread counts, replies through the outbox. */
export class TextInbox {
  constructor(
    private readonly deps: {
      texts: TextRepository;
      outboxRows: OutboxRepository;
      outbox: OutboxService;
      tenants: TenantService;
      customers: CustomerService;
      bookings: BookingService;
      clock: Clock;
      ids: IdGenerator;
      changed: (tenantId: string, phone: string) => void;
    },
  ) {}

  threads(tenantId: string): TextThreadSummaryDto[] {
    const tenant = this.deps.tenants.get(tenantId).config;
    return this.deps.texts.threads(tenantId, THREADS).map((row) => {
      const last = this.messages(tenant, row.phone, 1).at(-1);
      const customer = this.deps.customers.recognize(tenantId, row.phone);
      return {
        phone: row.phone,
        customer: customer ? toCustomerDto(customer) : null,
        lastBody: last?.body ?? '',
        lastAt: formatInstant(row.lastAt, tenant.timezone),
        lastDirection: last?.direction ?? 'out',
        unread: row.unread,
        optedOut: this.deps.texts.number(tenantId, row.phone).optedOut,
      };
    });
  }

  thread(tenantId: string, rawPhone: string): TextThreadDto {
    const tenant = this.deps.tenants.get(tenantId).config;
    const phone = this.phone(tenantId, rawPhone);
    const customer = this.deps.customers.recognize(tenantId, phone);
    return {
      phone,
      customer: customer ? toCustomerDto(customer) : null,
      optedOut: this.deps.texts.number(tenantId, phone).optedOut,
      messages: this.messages(tenant, phone, THREAD_MESSAGES),
      bookings: this.bookingsOf(tenant, customer),
    };
  }

  reply(tenantId: string, rawPhone: string, body: string, staffName: string): TextMessageDto {
    const tenant = this.deps.tenants.get(tenantId).config;
    const phone = this.phone(tenantId, rawPhone);
    if (this.deps.texts.number(tenantId, phone).optedOut) throw new ContractError('conflict', 'This number replied STOP; texts to it are blocked until they reply START.');
    const now = this.deps.clock.now();
    // Who answered is part of the key, so the outbox row says which staff member sent it.
    const record = this.deps.texts.exclusive(() => {
      this.deps.texts.markRead(tenantId, phone, now);
      return this.deps.outbox.enqueueSms(tenantId, `staff:${staffName}:${this.deps.ids.next()}`, { to: phone, from: tenant.phoneNumbers[0] ?? null, body }, { purpose: 'staff-reply' });
    });
    this.deps.changed(tenantId, phone);
    return outgoingDto(record, tenant);
  }

  markRead(tenantId: string, rawPhone: string): { unread: number } {
    this.deps.tenants.get(tenantId);
    const phone = this.phone(tenantId, rawPhone);
    this.deps.texts.markRead(tenantId, phone, this.deps.clock.now());
    this.deps.changed(tenantId, phone);
    return { unread: this.deps.texts.unreadCount(tenantId) };
  }

  unread(tenantId: string): { unread: number } {
    this.deps.tenants.get(tenantId);
    return { unread: this.deps.texts.unreadCount(tenantId) };
  }

  forBooking(tenantId: string, bookingId: string): TextMessageDto[] {
    const tenant = this.deps.tenants.get(tenantId).config;
    this.deps.bookings.get(tenantId, bookingId);
    return this.deps.outboxRows.listForBooking(tenantId, bookingId).map((r) => outgoingDto(r, tenant));
  }

  private messages(tenant: TenantConfig, phone: string, limit: number): TextMessageDto[] {
    // Oldest first; at the same instant the patient's text comes before our answer to it.
    const incoming = this.deps.texts.inboundForPhone(tenant.id, phone, limit).map((r) => ({ at: r.receivedAt, order: 0, dto: incomingDto(r, tenant) }));
    const outgoing = this.deps.outboxRows.listForPhone(tenant.id, phone, limit).reverse().map((r) => ({ at: r.createdAt, order: 1, dto: outgoingDto(r, tenant) }));
    const all = [...incoming.reverse(), ...outgoing].sort((a, b) => a.at - b.at || a.order - b.order);
    return all.slice(-limit).map((m) => m.dto);
  }

  private bookingsOf(tenant: TenantConfig, customer: CustomerRecord | null) {
    if (!customer) return [];
    return this.deps.bookings
      .list(tenant.id, { customerId: customer.id, statuses: ['confirmed', 'pending_review', 'arrived', 'cancelled', 'completed', 'no_show'] })
      .reverse()
      .slice(0, 20)
      .map((b) => toBookingDto(b, tenant, customer));
  }

  private phone(tenantId: string, raw: string): string {
    return this.deps.customers.normalize(tenantId, raw);
  }
}

function incomingDto(r: InboundTextRecord, tenant: TenantConfig): TextMessageDto {
  return { id: r.id, tenantId: r.tenantId, phone: r.phone, direction: 'in', body: r.body, at: formatInstant(r.receivedAt, tenant.timezone), status: 'received', deliveryStatus: null, lastError: null, purpose: r.handledAs ?? 'reply', bookingId: r.bookingId, read: r.readAt !== null };
}

export function outgoingDto(r: OutboxRecord, tenant: TenantConfig): TextMessageDto {
  return {
    id: r.id,
    tenantId: r.tenantId,
    phone: r.payload.to,
    direction: 'out',
    body: r.payload.body,
    at: formatInstant(r.createdAt, tenant.timezone),
    status: r.status,
    deliveryStatus: r.deliveryStatus,
    lastError: r.lastError,
    purpose: r.purpose,
    bookingId: r.bookingId,
    read: true,
  };
}
