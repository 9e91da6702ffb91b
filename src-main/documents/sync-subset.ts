import type { Font, Subset } from '@pdf-lib/fontkit';

/**
 * fontkit's browser bundle (the one @pdf-lib/fontkit ships) defers a subset's encoding with a
 * `process.nextTick` stand-in built on setTimeout(0), and Node waits at least 1 ms per timer:
 * about 3 ms of a 10 ms receipt were spent idle. pdf-lib reads the subset through
 * `subset.encodeStream().on('data'|'end'|'error')`, so here the subset is encoded at once into
 * a plain byte writer and handed over in one 'data' event. Should fontkit ever ask the writer
 * for something it lacks, the subset falls back to fontkit's own stream.
 */
export function withImmediateEncoding(font: Font): Font['createSubset'] {
  return () => {
    const subset = font.createSubset() as Subset & { encode(stream: ByteWriter): void };
    const deferred = subset.encodeStream.bind(subset);
    subset.encodeStream = () => {
      let bytes: Uint8Array;
      try {
        const writer = new ByteWriter();
        subset.encode(writer);
        bytes = writer.bytes();
      } catch {
        return deferred();
      }
      return immediateStream(bytes);
    };
    return subset;
  };
}

type Listener = (value?: unknown) => void;

/** Just enough of a stream for pdf-lib: 'data' then 'end', once both are listened to. */
function immediateStream(bytes: Uint8Array): ReturnType<Subset['encodeStream']> {
  const listeners: Record<string, Listener> = {};
  const stream = {
    on(event: string, listener: Listener) {
      listeners[event] = listener;
      if (listeners.data && listeners.end && event !== 'error') {
        const { data, end } = listeners;
        delete listeners.data;
        delete listeners.end;
        data(bytes);
        end();
      }
      return stream;
    },
  };
  return stream as unknown as ReturnType<Subset['encodeStream']>;
}

/** The writer fontkit's table encoders (restructure) expect: typed writes at a moving `pos`. */
class ByteWriter {
  private buffer = Buffer.alloc(1 << 16);
  pos = 0;

  private room(size: number): number {
    if (this.pos + size > this.buffer.length) {
      const larger = Buffer.alloc(Math.max(this.buffer.length * 2, this.pos + size));
      this.buffer.copy(larger, 0, 0, this.pos);
      this.buffer = larger;
    }
    const at = this.pos;
    this.pos += size;
    return at;
  }

  // Out-of-range values throw (RangeError), as with fontkit's own buffer: the subset then
  // falls back to fontkit's stream rather than writing something different.
  writeUInt8(v: number) { this.buffer.writeUInt8(v, this.room(1)); }
  writeInt8(v: number) { this.buffer.writeInt8(v, this.room(1)); }
  writeUInt16BE(v: number) { this.buffer.writeUInt16BE(v, this.room(2)); }
  writeInt16BE(v: number) { this.buffer.writeInt16BE(v, this.room(2)); }
  writeUInt24BE(v: number) { this.buffer.writeUIntBE(v, this.room(3), 3); }
  writeInt24BE(v: number) { this.buffer.writeIntBE(v, this.room(3), 3); }
  writeUInt32BE(v: number) { this.buffer.writeUInt32BE(v, this.room(4)); }
  writeInt32BE(v: number) { this.buffer.writeInt32BE(v, this.room(4)); }
  writeFloatBE(v: number) { this.buffer.writeFloatBE(v, this.room(4)); }
  writeDoubleBE(v: number) { this.buffer.writeDoubleBE(v, this.room(8)); }

  writeBuffer(bytes: Uint8Array) {
    this.buffer.set(bytes, this.room(bytes.length));
  }

  writeString(text: string, encoding = 'ascii') {
    if (encoding === 'utf16be') {
      const bytes = Buffer.from(text, 'utf16le');
      bytes.swap16();
      this.writeBuffer(bytes);
    } else this.writeBuffer(Buffer.from(text, encoding as BufferEncoding));
  }

  fill(value: number, length: number) {
    const at = this.room(length);
    this.buffer.fill(value, at, at + length);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.pos);
  }
}
