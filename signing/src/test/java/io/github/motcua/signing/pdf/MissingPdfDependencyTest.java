package io.github.motcua.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PDFBox and ZXing are optional dependencies: each PDF entry point, loaded from the test class path
 * by a class loader that hides one of them, refuses at {@code builder()} with the configuration
 * error {@code pdf.dependency-missing} naming the Maven coordinates, not a {@link
 * NoClassDefFoundError}.
 */
class MissingPdfDependencyTest {

  private static final String PDFBOX = "org.apache.pdfbox.";
  private static final String ZXING = "com.google.zxing.";

  @ParameterizedTest
  @ValueSource(strings = {"PdfSigner", "PdfSignatureVerifier", "PdfExtender", "EReceiptPdf"})
  void withoutPdfBoxEachEntryPointNamesTheDependency(String entryPoint) throws Exception {
    try (HidingClassLoader loader = new HidingClassLoader(Set.of(PDFBOX, "org.apache.fontbox."))) {
      Throwable thrown = builderOf(entryPoint, loader);

      // A throwable from the hiding loader is another class than ours: compare by name.
      assertThat(thrown.getClass().getName())
          .isEqualTo("io.github.motcua.core.ConfigurationException");
      assertThat(code(thrown)).isEqualTo("pdf.dependency-missing");
      assertThat(thrown.getMessage()).contains(entryPoint, "org.apache.pdfbox:pdfbox");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PdfSigner", "PdfSignatureVerifier", "PdfExtender", "EReceiptPdf"})
  void withBothOnTheClassPathEachEntryPointBuilds(String entryPoint) throws Exception {
    try (HidingClassLoader loader = new HidingClassLoader(Set.of())) {
      assertThat(builderOf(entryPoint, loader)).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PdfSigner", "PdfSignatureVerifier", "PdfExtender"})
  void withoutZxingOnlyTheReceiptRefuses(String entryPoint) throws Exception {
    try (HidingClassLoader loader = new HidingClassLoader(Set.of(ZXING))) {
      assertThat(builderOf(entryPoint, loader)).isNull();

      Throwable thrown = builderOf("EReceiptPdf", loader);

      assertThat(code(thrown)).isEqualTo("pdf.dependency-missing");
      assertThat(thrown.getMessage()).contains("EReceiptPdf", "com.google.zxing:core");
    }
  }

  /** Calls {@code builder()} of an entry point in the loader; returns what it threw, or null. */
  private static Throwable builderOf(String entryPoint, ClassLoader loader) throws Exception {
    Class<?> type = Class.forName("io.github.motcua.signing.pdf." + entryPoint, true, loader);
    assertThat(type.getClassLoader()).isSameAs(loader);
    try {
      assertThat(type.getMethod("builder").invoke(null)).isNotNull();
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private static String code(Throwable thrown) throws Exception {
    return (String) thrown.getClass().getMethod("code").invoke(thrown);
  }

  /**
   * Loads every class of the test class path itself (the JDK from the platform loader), except
   * those under the hidden package prefixes, which it reports absent.
   */
  private static final class HidingClassLoader extends URLClassLoader {

    private final Set<String> hidden;

    HidingClassLoader(Set<String> hidden) throws MalformedURLException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
      this.hidden = hidden;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      for (String prefix : hidden) {
        if (name.startsWith(prefix)) {
          throw new ClassNotFoundException(name + " is hidden by the test");
        }
      }
      return super.loadClass(name, resolve);
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      return urls.toArray(URL[]::new);
    }
  }
}
