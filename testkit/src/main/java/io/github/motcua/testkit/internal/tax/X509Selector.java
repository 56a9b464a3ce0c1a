package io.github.motcua.testkit.internal.tax;

import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;

/** Selects the public key of the first certificate the signature carries (the signer's). */
final class X509Selector extends KeySelector {

  private final List<X509Certificate> chain;

  X509Selector(List<X509Certificate> chain) {
    this.chain = chain;
  }

  @Override
  public KeySelectorResult select(
      KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
      throws KeySelectorException {
    if (chain.isEmpty()) {
      // First pass: the certificates are read after unmarshalling.
      return () -> null;
    }
    Key key = chain.get(0).getPublicKey();
    return () -> key;
  }
}
