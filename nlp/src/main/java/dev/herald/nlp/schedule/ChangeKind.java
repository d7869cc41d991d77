package dev.herald.nlp.schedule;

/** The direction of a schedule change. */
public enum ChangeKind {
  /** Moved later, or delayed with no new date. */
  POSTPONED,
  /** Moved earlier. */
  ADVANCED,
  /** Moved, direction the same day or unclear. */
  RESCHEDULED,
  /** Called off, or suspended indefinitely. */
  CANCELLED
}
