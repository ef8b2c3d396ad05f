/**
 * The JavaScript engine this process runs on, for run records: Node's
 * version and its V8's (whose Math functions decide the last bit of
 * logarithms and exponentials).
 * @example nodeEngine() // "Node 20.20.2, V8 11.3.244.8-node.38"
 */
export function nodeEngine(): string {
  return `Node ${process.versions.node}, V8 ${process.versions.v8}`;
}
