/**
 * A one-line progress report on stderr, redrawn at most five times a second, and only when
 * stderr is a terminal (so logs and pipes stay clean).
 */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();
  private shown = false;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(text: string): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const secs = ((now - this.started) / 1000).toFixed(1);
    this.stream.write(`\r\x1b[K${text} (${secs} s)`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
