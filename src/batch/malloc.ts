// Keeps the C allocator from handing freed memory back to the system after every compile. V8's
// optimizing compiler works in memory it takes with malloc and frees when each function is done;
// glibc gives the free top of a thread's arena back to the system once it exceeds 128 KB, and the
// next compile faults it in again, a page at a time. On the bench folder that was a third of all
// page faults (about 11,000 of 34,000; a fault costs about 14 µs on this machine), and a
// twentieth of the time. glibc raises that limit to twice the size of the largest mmapped block
// freed (up to 32 MB): freeing one block of 30 MB, never touched, raises it to 60 MB for every
// thread. The block is calloc'd by Node and freed when the message holding it is dropped: both
// at once, here. Other C libraries (musl, macOS, Windows) only allocate and free it.

import { MessageChannel } from 'node:worker_threads';

/** Just under glibc's largest dynamic threshold (32 MB with its header): the arenas keep up to twice this. */
const BLOCK = 30 << 20;

export function keepFreedMemory(): void {
  const { port1, port2 } = new MessageChannel();
  const block = new ArrayBuffer(BLOCK);
  port1.postMessage(block, [block]);
  port1.close();
  port2.close();
}
