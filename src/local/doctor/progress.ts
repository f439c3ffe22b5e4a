/**
 * One progress line per check, like `npm doctor`: on a terminal a spinner redrawn in place until the check
 * finishes and its mark replaces it; piped, a plain line per finished check and no control characters.
 */
export interface ProgressSink {
  /** The stream is a terminal: lines may be redrawn. */
  tty: boolean;
  write(text: string): void;
}

export interface Timers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;
const CLEAR_LINE = '\r\u001b[2K';

const systemTimers: Timers = {
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class Progress {
  private timer: unknown;
  private frame = 0;

  constructor(
    private readonly sink: ProgressSink,
    private readonly timers: Timers = systemTimers,
  ) {}

  start(label: string): void {
    if (!this.sink.tty) return;
    this.frame = 0;
    const draw = () => this.sink.write(`${CLEAR_LINE}${FRAMES[this.frame++ % FRAMES.length]} ${label}`);
    draw();
    this.timer = this.timers.setInterval(draw, FRAME_MS);
  }

  done(line: string): void {
    if (this.timer !== undefined) this.timers.clearInterval(this.timer);
    this.timer = undefined;
    this.sink.write(this.sink.tty ? `${CLEAR_LINE}${line}\n` : `${line}\n`);
  }
}
