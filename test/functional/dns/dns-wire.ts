/**
 * Ask the dev cloud's named (designate's pool target) a question over UDP, so the functional
 * tests can check that a zone and its records are really served, not only stored. A minimal
 * DNS client (RFC 1035): one question, answers of type A, NS, SOA and PTR decoded.
 */
import { createSocket } from 'node:dgram';

/** Where named listens (tools/devcloud/services/designate.sh); OSSDK_TEST_DNS_SERVER overrides. */
const [HOST, PORT] = (process.env.OSSDK_TEST_DNS_SERVER ?? '127.0.0.1:5322').split(':') as [string, string];

/** Record types the tests ask for. */
export const QTYPE = { A: 1, NS: 2, SOA: 6, PTR: 12 } as const;

/** One decoded answer. */
export interface Answer {
  name: string;
  type: number;
  ttl: number;
  /** A: the address; NS, PTR: the name; SOA: the serial; else the rdata as hex. */
  data: string;
}

/** The parts of a reply the tests look at. */
export interface Reply {
  /** 0 NOERROR, 3 NXDOMAIN, 5 REFUSED (named does not serve the zone). */
  rcode: number;
  /** Whether named answered as the authority for the zone. */
  authoritative: boolean;
  answers: Answer[];
}

function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([
    ...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])),
    Buffer.from([0]),
  ]);
}

/** A name at `offset` (with compression pointers) and the offset after it in the record. */
function readName(msg: Buffer, offset: number): [string, number] {
  const labels: string[] = [];
  let pos = offset;
  let after = -1;
  for (let hops = 0; hops < 64; hops++) {
    const len = msg[pos]!;
    if (len === 0) {
      return [`${labels.join('.')}.`, after < 0 ? pos + 1 : after];
    }
    if ((len & 0xc0) === 0xc0) {
      if (after < 0) after = pos + 2;
      pos = ((len & 0x3f) << 8) | msg[pos + 1]!;
      continue;
    }
    labels.push(msg.subarray(pos + 1, pos + 1 + len).toString('ascii'));
    pos += 1 + len;
  }
  throw new Error('DNS reply: a name with too many compression hops');
}

function parse(msg: Buffer): Reply {
  const flags = msg.readUInt16BE(2);
  const qd = msg.readUInt16BE(4);
  const an = msg.readUInt16BE(6);
  let pos = 12;
  for (let i = 0; i < qd; i++) pos = readName(msg, pos)[1] + 4;
  const answers: Answer[] = [];
  for (let i = 0; i < an; i++) {
    const [name, next] = readName(msg, pos);
    const type = msg.readUInt16BE(next);
    const ttl = msg.readUInt32BE(next + 4);
    const len = msg.readUInt16BE(next + 8);
    const start = next + 10;
    let data: string;
    if (type === QTYPE.A) data = [...msg.subarray(start, start + 4)].join('.');
    else if (type === QTYPE.NS || type === QTYPE.PTR) data = readName(msg, start)[0];
    else if (type === QTYPE.SOA) {
      const afterMname = readName(msg, start)[1];
      const afterRname = readName(msg, afterMname)[1];
      data = String(msg.readUInt32BE(afterRname));
    } else data = msg.subarray(start, start + len).toString('hex');
    answers.push({ name, type, ttl, data });
    pos = start + len;
  }
  return { rcode: flags & 0x0f, authoritative: (flags & 0x0400) !== 0, answers };
}

/** Ask named one question; rejects after `timeoutMs` without a reply. */
export function queryDns(name: string, type: number, timeoutMs = 3000): Promise<Reply> {
  const id = Math.floor(Math.random() * 0xffff);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(1, 4); // one question, no recursion wanted: named is authoritative only
  const question = Buffer.concat([encodeName(name), Buffer.from([0, type, 0, 1])]);
  const socket = createSocket('udp4');
  return new Promise<Reply>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no DNS reply from ${HOST}:${PORT} for ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('message', (msg) => {
      if (msg.readUInt16BE(0) !== id) return;
      clearTimeout(timer);
      socket.close();
      try {
        resolve(parse(msg));
      } catch (e) {
        reject(e);
      }
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      socket.close();
      reject(e);
    });
    socket.send(Buffer.concat([header, question]), Number(PORT), HOST);
  });
}

/** Ask until `ok(reply)` holds (named picks a change up after designate's NOTIFY), or give up. */
export async function untilServed(
  name: string,
  type: number,
  ok: (r: Reply) => boolean,
  timeoutMs = 30_000,
): Promise<Reply> {
  const start = Date.now();
  let last: Reply | undefined;
  while (Date.now() - start < timeoutMs) {
    last = await queryDns(name, type);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`named never served what was expected for ${name}: last reply ${JSON.stringify(last)}`);
}
