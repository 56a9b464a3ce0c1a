package io.github.motcua.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.dossier.DossierEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/json.md are canonical JSON that reads back to itself. */
class JsonDocumentationTest {

  private static final Path DOC = Path.of("..", "docs", "json.md");

  private final ObjectMapper mapper = MotcuaJson.mapper();

  private static List<String> examples() throws Exception {
    String text = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void documentsAnExampleOfEveryEvent() throws Exception {
    Set<String> types = new HashSet<>();
    for (String example : examples()) {
      JsonNode tree = mapper.readTree(example);
      if (tree.has("type")) {
        types.add(tree.get("type").asText());
      }
    }

    assertThat(types).containsExactlyInAnyOrderElementsOf(DossierEvent.typeNames());
  }

  @Test
  void everyExampleReadsAndWritesBackUnchanged() throws Exception {
    List<String> examples = examples();
    assertThat(examples).hasSizeGreaterThan(DossierEvent.typeNames().size());
    for (String example : examples) {
      JsonNode tree = mapper.readTree(example);
      Object value =
          tree.has("type") ? MotcuaJson.readEvent(example) : MotcuaJson.readDossier(example);
      assertThat(mapper.readTree(MotcuaJson.write(value))).isEqualTo(tree);
    }
  }
}
