package io.github.motcua.signing.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One BouncyCastle provider instance for the module, used explicitly and never registered in the
 * JVM's provider list, so that motcua does not change the integrator's JCA configuration.
 */
public final class Bc {

  /** The provider; immutable once built. */
  public static final Provider PROVIDER = new BouncyCastleProvider();

  private Bc() {}
}
