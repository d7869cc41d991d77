package dev.herald.nlp.ner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What earlier texts taught about short forms: a surname seen with one full name ("lavrov" ->
 * "sergei-lavrov"), an acronym with the name it abbreviates. A surname seen with two different full
 * names is ambiguous and resolves to nothing. Bounded (least recently used entries go) and
 * thread-safe; one registry per process or job run.
 */
public final class EntityRegistry {

  private static final String AMBIGUOUS = "";

  private final int capacity;
  private final Map<String, String> map;

  public EntityRegistry(int capacity) {
    this.capacity = capacity;
    this.map =
        new LinkedHashMap<>(1024, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > EntityRegistry.this.capacity;
          }
        };
  }

  synchronized void learn(String type, String shortForm, String fullId) {
    String key = type + ":" + shortForm;
    String old = map.get(key);
    if (old == null) {
      map.put(key, fullId);
    } else if (!old.equals(fullId)) {
      map.put(key, AMBIGUOUS);
    }
  }

  /** The full id for a short form, or null when unknown or ambiguous. */
  synchronized String lookup(String type, String shortForm) {
    String v = map.get(type + ":" + shortForm);
    return v == null || v.isEmpty() ? null : v;
  }

  public synchronized int size() {
    return map.size();
  }
}
