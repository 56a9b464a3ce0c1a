package io.github.motcua.testkit.internal.pki;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, once, then kept: a test PKI's rarely used credentials cost an RSA
 * key generation only for the tests that ask for them.
 *
 * @param <T> the value's type
 */
public final class Memo<T> implements Supplier<T> {

  private final Supplier<? extends T> compute;
  private volatile T value;

  private Memo(Supplier<? extends T> compute) {
    this.compute = compute;
  }

  /**
   * Returns a supplier that computes its value on the first {@link #get()}.
   *
   * @param compute how to compute the value; called at most once, must not return null
   * @param <T> the value's type
   * @return the memoising supplier
   */
  public static <T> Memo<T> of(Supplier<? extends T> compute) {
    return new Memo<>(Objects.requireNonNull(compute, "compute"));
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(compute.get(), "computed value");
          value = v;
        }
      }
    }
    return v;
  }
}
