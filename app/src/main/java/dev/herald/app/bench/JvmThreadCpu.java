package dev.herald.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's own native threads, which {@link java.lang.management.ThreadMXBean} does
 * not list: the JIT compilers ("C1/C2 CompilerThread") and the garbage collector ("GC Thread", "G1
 * ..."). Read from {@code /proc/self/task} (Linux); elsewhere both are reported as unknown
 * (negative), and the benchmark prints no split.
 */
final class JvmThreadCpu {
  /** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  private static final Path TASKS = Path.of("/proc/self/task");

  /** CPU milliseconds so far of the JIT compiler threads and of the GC threads. */
  record Sample(double jitMs, double gcMs) {
    static final Sample UNKNOWN = new Sample(-1, -1);

    boolean known() {
      return jitMs >= 0;
    }
  }

  private JvmThreadCpu() {}

  static Sample sample() {
    if (!Files.isDirectory(TASKS)) {
      return Sample.UNKNOWN;
    }
    long jitTicks = 0;
    long gcTicks = 0;
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String name;
        String stat;
        try {
          name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
          stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        boolean jit = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        boolean gc = name.startsWith("GC Thread") || name.startsWith("G1 ");
        if (jit || gc) {
          long ticks = cpuTicks(stat);
          if (jit) {
            jitTicks += ticks;
          } else {
            gcTicks += ticks;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Sample.UNKNOWN;
    }
    return new Sample(jitTicks * 1000 / TICKS_PER_SECOND, gcTicks * 1000 / TICKS_PER_SECOND);
  }

  /**
   * utime + stime of one {@code /proc/.../stat} line: fields 14 and 15, counted after the command
   * name, which is in parentheses and may itself hold spaces.
   */
  static long cpuTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
