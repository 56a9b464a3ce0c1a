package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the published POMs hand an integrator's build. An import of motcua-bom brings the published
 * motcua modules at the project's version and nothing else: a BOM that inherited motcua-parent
 * would also pin its importers' Jackson, OkHttp, JUnit and database drivers. And no module brings a
 * JUnit of its own: beside an older engine, a newer JUnit API stops the integrator's test run.
 */
class PublishedPomsTest {

  private static Path root;
  private static Element parent;
  private static Element bom;

  @BeforeAll
  static void readPoms() throws Exception {
    // Surefire runs in the module's folder; the repository root is its parent.
    root = Path.of("").toAbsolutePath().getParent();
    parent = read(root.resolve("pom.xml"));
    bom = read(root.resolve("bom/pom.xml"));
  }

  @Test
  void hasNoParentSoImportersGetNoThirdPartyVersions() {
    assertThat(text(bom, "parent"))
        .as("motcua-bom's <parent>: its dependencyManagement would reach every importer")
        .isNull();
    assertThat(children(child(bom, "dependencyManagement"), "dependencies"))
        .as("motcua-bom holds one <dependencies> list")
        .hasSize(1);
  }

  @Test
  void hasTheProjectsCoordinates() {
    assertThat(text(bom, "groupId")).isEqualTo(text(parent, "groupId"));
    assertThat(text(bom, "artifactId")).isEqualTo("motcua-bom");
    assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
    assertThat(text(bom, "packaging")).isEqualTo("pom");
  }

  @Test
  void managesEveryPublishedModuleAtItsOwnVersionAndNothingElse() throws Exception {
    List<String> published = new ArrayList<>();
    for (Element pom : publishedModules()) {
      published.add(
          text(parent, "groupId") + ":" + text(pom, "artifactId") + ":${project.version}");
    }
    assertThat(published)
        .contains(
            "io.github.motcua:motcua-core:${project.version}",
            "io.github.motcua:motcua-testkit:${project.version}");

    List<String> managed = new ArrayList<>();
    Element dependencies = child(child(bom, "dependencyManagement"), "dependencies");
    for (Element dependency : children(dependencies, "dependency")) {
      managed.add(
          text(dependency, "groupId")
              + ":"
              + text(dependency, "artifactId")
              + ":"
              + text(dependency, "version"));
    }
    assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void noPublishedModuleBringsItsImportersAJUnit() throws Exception {
    List<String> leaked = new ArrayList<>();
    for (Element pom : publishedModules()) {
      Element dependencies = child(pom, "dependencies");
      if (dependencies == null) {
        continue;
      }
      for (Element dependency : children(dependencies, "dependency")) {
        boolean junit = text(dependency, "groupId").startsWith("org.junit");
        boolean test = "test".equals(text(dependency, "scope"));
        boolean optional = "true".equals(text(dependency, "optional"));
        if (junit && !test && !optional) {
          leaked.add(text(pom, "artifactId") + " -> " + text(dependency, "artifactId"));
        }
      }
    }
    assertThat(leaked).as("JUnit dependencies neither test-scoped nor optional").isEmpty();
  }

  /** The modules that are deployed, the BOM excepted. */
  private static List<Element> publishedModules() throws Exception {
    List<Element> published = new ArrayList<>();
    for (Element module : children(child(parent, "modules"), "module")) {
      Element pom = read(root.resolve(module.getTextContent().trim()).resolve("pom.xml"));
      Element properties = child(pom, "properties");
      boolean notDeployed =
          properties != null && "true".equals(text(properties, "maven.deploy.skip"));
      if (!notDeployed && !"motcua-bom".equals(text(pom, "artifactId"))) {
        published.add(pom);
      }
    }
    return published;
  }

  private static Element read(Path pom) throws Exception {
    assertThat(pom).isRegularFile();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(pom)) {
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }
}
