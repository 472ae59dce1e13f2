/**
 * Agent worker → host: the frequent facts as binary records (a delivery handled, a message
 * sent: the guest's UTF-8 bytes copied as they are, never decoded in the worker; a token
 * finished), every other host event as an object in `rare`, all in the order they happened.
 */
import type { HostEvent } from '../../../kernel/types';
import type { WireBatch } from '../protocol';
import { ByteReader, ByteWriter } from './bytes';

const HANDLED = 1;
const HANDLED_WITH_ERROR = 2;
const SENT = 3;
const DONE = 4;
const RARE = 5;

export class EventsWriter {
  private readonly writer = new ByteWriter();
  private rare: HostEvent[] = [];

  get empty(): boolean {
    return this.writer.length === 0;
  }

  /** The delivery `token` ran to its end (which also finishes the token). */
  handled(token: number, error?: string): void {
    this.writer.u8(error === undefined ? HANDLED : HANDLED_WITH_ERROR);
    this.writer.u32(token);
    if (error !== undefined) this.writer.text(error);
  }

  /** The agent on `lane` sent `message` (UTF-8 JSON; copied now, so a view into guest memory is fine). */
  sent(lane: number, message: Uint8Array): void {
    this.writer.u8(SENT);
    this.writer.u32(lane);
    this.writer.bytesField(message);
  }

  /** A spawn or a delivery ended without a `handled` record (the agent was gone or crashed). */
  done(token: number): void {
    this.writer.u8(DONE);
    this.writer.u32(token);
  }

  event(event: HostEvent): void {
    this.writer.u8(RARE);
    this.rare.push(event);
  }

  take(): WireBatch<HostEvent> {
    const { buffer, length } = this.writer.take();
    const rare = this.rare;
    this.rare = [];
    return { wire: buffer, length, rare };
  }
}

export interface EventsVisitor {
  handled(token: number, error: string | undefined): void;
  /** The message as the guest wrote it: UTF-8 bytes (a view into the batch). */
  sent(lane: number, message: Uint8Array): void;
  done(token: number): void;
  event(event: HostEvent): void;
}

export function readEvents(batch: WireBatch<HostEvent>, visit: EventsVisitor): void {
  const reader = new ByteReader(batch.wire, batch.length);
  let rare = 0;
  while (!reader.done) {
    const tag = reader.u8();
    switch (tag) {
      case HANDLED:
        visit.handled(reader.u32(), undefined);
        break;
      case HANDLED_WITH_ERROR: {
        const token = reader.u32();
        visit.handled(token, reader.text());
        break;
      }
      case SENT: {
        const lane = reader.u32();
        visit.sent(lane, reader.bytesField());
        break;
      }
      case DONE:
        visit.done(reader.u32());
        break;
      case RARE: {
        const event = batch.rare[rare++];
        if (!event) throw new RangeError('wire batch names a rare event it does not carry');
        visit.event(event);
        break;
      }
      default:
        throw new RangeError(`unknown event record ${tag}`);
    }
  }
}
