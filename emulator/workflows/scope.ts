import { Tag, wfError } from './errors';
import { LIMITS } from '../../workflows/facts';
import type { RuntimeValue } from './values';
import { memorySize } from './values';

/** Variable memory of one execution, against the documented 512 KB cap. */
export class MemoryMeter {
  used = 0;

  add(delta: number): void {
    this.used += delta;
    if (delta > 0 && this.used > LIMITS.variableMemoryBytes) {
      throw wfError(
        Tag.ResourceLimitError,
        `variables use ${this.used} bytes, over the ${LIMITS.variableMemoryBytes / 1024} KB memory limit`,
      );
    }
  }
}

/**
 * One block's variables. A (sub)workflow has one; each for-loop iteration, except block and parallel
 * branch adds one on top. Assigning an existing outer variable updates it; a new name stays in the block.
 * A parallel branch is a boundary: only its `shared` names reach through to the parent's variables.
 */
export class Vars {
  private readonly vars = new Map<string, RuntimeValue>();
  private readonly sizes = new Map<string, number>();

  constructor(
    readonly parent: Vars | undefined,
    private readonly meter: MemoryMeter,
    private readonly shared?: Set<string>,
  ) {}

  lookup(name: string): RuntimeValue | undefined {
    const v = this.vars.get(name);
    return v !== undefined ? v : this.parent?.lookup(name);
  }

  /** Assigns `value` (already a private copy) to the variable the name resolves to from this block. */
  set(name: string, value: RuntimeValue): void {
    this.owner(name).store(name, value);
  }

  /** Defines the name in this block even if an outer one exists (loop variables, `as`, parameters). */
  store(name: string, value: RuntimeValue): void {
    if (
      typeof value === 'string' &&
      value.length > LIMITS.stringBytes / 4 &&
      Buffer.byteLength(value) > LIMITS.stringBytes
    ) {
      throw wfError(Tag.ResourceLimitError, `string assigned to '${name}' is longer than 256 KB`);
    }
    const size = memorySize(value) + name.length;
    this.meter.add(size - (this.sizes.get(name) ?? 0));
    this.vars.set(name, value);
    this.sizes.set(name, size);
  }

  /** Re-measures a variable after an in-place change (`a.b[2] = x`). */
  touch(name: string): void {
    const owner = this.owner(name);
    owner.store(name, owner.vars.get(name) ?? null);
  }

  /** The block ends: its variables no longer count against the memory limit. */
  release(): void {
    let total = 0;
    for (const s of this.sizes.values()) total += s;
    this.meter.add(-total);
  }

  private owner(name: string): Vars {
    return this.definedAt(name) ?? this;
  }

  /** The block holding the name, not looking past a parallel boundary that does not share it. */
  private definedAt(name: string): Vars | undefined {
    if (this.vars.has(name)) return this;
    if (this.shared && !this.shared.has(name)) return undefined;
    return this.parent?.definedAt(name);
  }
}
