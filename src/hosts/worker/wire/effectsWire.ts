/**
 * Host → agent worker: deliveries as binary records (token, lane, message id and the
 * envelope's JSON as UTF-8, encoded once straight into the batch), every other effect as an
 * object in `rare`, all in the order they were written.
 */
import type { Delivery, WireBatch, WorkerEffect } from '../protocol';
import { ByteReader, ByteWriter } from './bytes';

const DELIVER = 1;
const RARE = 2;

export class EffectsWriter {
  private readonly writer = new ByteWriter();
  private rare: WorkerEffect[] = [];
  private count = 0;
  private answers = 0;

  /** Records written since the last take(). */
  get size(): number {
    return this.count;
  }

  /** Whether what was written will be answered (deliveries and spawns are; kills and faults are not). */
  get expectsAnswer(): boolean {
    return this.answers > 0;
  }

  deliver(token: number, lane: number, messageId: string, messageJson: string): void {
    this.writer.u8(DELIVER);
    this.writer.u32(token);
    this.writer.u32(lane);
    this.writer.text(messageId);
    this.writer.text(messageJson);
    this.count++;
    this.answers++;
  }

  effect(effect: WorkerEffect): void {
    this.writer.u8(RARE);
    this.rare.push(effect);
    this.count++;
    if (effect.type === 'spawn') this.answers++;
  }

  take(): WireBatch<WorkerEffect> {
    const { buffer, length } = this.writer.take();
    const rare = this.rare;
    this.rare = [];
    this.count = 0;
    this.answers = 0;
    return { wire: buffer, length, rare };
  }
}

export interface EffectsVisitor {
  deliver(delivery: Delivery): void;
  effect(effect: WorkerEffect): void;
}

export function readEffects(batch: WireBatch<WorkerEffect>, visit: EffectsVisitor): void {
  const reader = new ByteReader(batch.wire, batch.length);
  let rare = 0;
  while (!reader.done) {
    const tag = reader.u8();
    if (tag === DELIVER) {
      const token = reader.u32();
      const lane = reader.u32();
      const messageId = reader.bytesField();
      visit.deliver({ token, lane, messageId, message: reader.bytesField() });
    } else if (tag === RARE) {
      const effect = batch.rare[rare++];
      if (!effect) throw new RangeError('wire batch names a rare effect it does not carry');
      visit.effect(effect);
    } else throw new RangeError(`unknown effect record ${tag}`);
  }
}
