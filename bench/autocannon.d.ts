// The few parts of autocannon's API the server bench uses (the package ships no types).
declare module 'autocannon' {
  interface AutocannonResult {
    requests: { total: number; average: number };
    latency: { p50: number; p90: number; p97_5: number; p99: number; max: number };
    non2xx: number;
    errors: number;
  }
  interface AutocannonInstance extends PromiseLike<AutocannonResult> {
    on(
      event: 'response',
      fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): void;
  }
  function autocannon(options: {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    /** Each request made from these; setupRequest may change its path (a new question each time). */
    requests?: { setupRequest?: (req: { path: string }) => { path: string } }[];
  }): AutocannonInstance;
  export default autocannon;
}
