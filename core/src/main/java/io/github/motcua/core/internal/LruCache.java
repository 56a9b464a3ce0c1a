package io.github.motcua.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A map of bounded size that forgets its least recently used entry first. Thread-safe: every
 * operation holds the cache's lock, so values read from it should be immutable (or replaced through
 * {@link #compute}, never changed in place).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class LruCache<K, V> {

  private final int capacity;
  private final LinkedHashMap<K, V> entries;

  /**
   * Creates a cache.
   *
   * @param capacity the most entries kept; 0 keeps none
   * @throws IllegalArgumentException when negative
   */
  public LruCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity < 0");
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(Math.min(Math.max(capacity, 1), 1 << 12), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > LruCache.this.capacity;
          }
        };
  }

  /**
   * Returns the most entries kept.
   *
   * @return the capacity given at construction
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Returns an entry's value and marks it used.
   *
   * @param key the key; not null
   * @return the value, null when absent
   */
  public synchronized V get(K key) {
    return entries.get(key);
  }

  /**
   * Stores a value, forgetting the least recently used entry when full.
   *
   * @param key the key; not null
   * @param value the value; not null
   */
  public synchronized void put(K key, V value) {
    if (capacity > 0) {
      entries.put(key, value);
    }
  }

  /**
   * Replaces an entry's value by a function of the current one, atomically.
   *
   * @param key the key; not null
   * @param update gets the key and the current value (null when absent) and returns the new value
   *     (null removes the entry)
   * @return the new value
   */
  public synchronized V compute(K key, BiFunction<? super K, ? super V, ? extends V> update) {
    if (capacity == 0) {
      return update.apply(key, null);
    }
    return entries.compute(key, update);
  }

  /**
   * Forgets an entry.
   *
   * @param key the key; not null
   */
  public synchronized void remove(K key) {
    entries.remove(key);
  }

  /**
   * Returns the number of entries kept.
   *
   * @return at most {@link #capacity()}
   */
  public synchronized int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return "LruCache[capacity=" + capacity + "]";
  }
}
