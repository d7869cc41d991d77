package dev.herald.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmThreadCpuTest {

  @Test
  void shouldAddUserAndSystemTicksAfterACommandNameWithSpaces() {
    // Given a /proc stat line whose thread name holds spaces and a parenthesis
    String stat =
        "4242 (C2 CompilerThre) S 1 1 1 0 -1 1077936192 12 0 0 0 731 29 0 0 20 0 1 0 5 0 0";

    // When its CPU ticks are read
    long ticks = JvmThreadCpu.cpuTicks(stat);

    // Then they are utime (field 14) plus stime (field 15)
    assertThat(ticks).isEqualTo(760);
  }

  @Test
  void shouldReadTheCompilerThreadsOfThisJvmOnLinux() {
    // Given this JVM, which has compiled something by the time tests run
    // When its native threads are sampled
    JvmThreadCpu.Sample s = JvmThreadCpu.sample();

    // Then on Linux both figures are known and not negative; elsewhere both are unknown
    if (s.known()) {
      assertThat(s.jitMs()).isGreaterThanOrEqualTo(0);
      assertThat(s.gcMs()).isGreaterThanOrEqualTo(0);
    } else {
      assertThat(s.gcMs()).isNegative();
    }
  }
}
