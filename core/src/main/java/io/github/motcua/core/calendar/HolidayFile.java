package io.github.motcua.core.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads and checks yearly holiday tables in the {@code vn-holidays.json} format. */
final class HolidayFile {

  static final String BUNDLED = "/io/github/motcua/core/calendar/vn-holidays.json";

  private static final int MAX_YEARS = 500;
  private static final int MAX_ENTRIES = 100;
  private static final int MAX_TEXT = 500;

  private HolidayFile() {}

  /** The bundled notices over the statutory rules; read once, immutable afterwards. */
  static HolidaySchedule bundledOfficial() {
    return Bundled.OFFICIAL;
  }

  private static final class Bundled {
    static final HolidaySchedule OFFICIAL = load();

    private static HolidaySchedule load() {
      try (InputStream in = HolidayFile.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new InvalidInputException(
              "holiday-file.missing", "The bundled vn-holidays.json is missing from the jar.");
        }
        return new LayeredSchedule(read(in), HolidaySchedule.statutory());
      } catch (IOException e) {
        throw new InvalidInputException(
            "holiday-file.io", "The bundled vn-holidays.json could not be read.", e);
      }
    }
  }

  static Map<Integer, List<Holiday>> read(InputStream json) {
    if (json == null) {
      throw new InvalidInputException("holiday-file.format", "A JSON document is required.");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new InvalidInputException(
          "holiday-file.format", "The holiday file is not valid JSON" + where + ".");
    } catch (IOException e) {
      throw new InvalidInputException("holiday-file.io", "The holiday file could not be read.", e);
    }
    if (root == null || !root.isObject()) {
      throw format("$", "must be an object");
    }
    JsonNode years = root.get("years");
    if (years == null || !years.isArray()) {
      throw format("$.years", "must be an array");
    }
    if (years.size() > MAX_YEARS) {
      throw format("$.years", "holds more than " + MAX_YEARS + " years");
    }
    Map<Integer, List<Holiday>> result = new TreeMap<>();
    for (int i = 0; i < years.size(); i++) {
      String path = "$.years[" + i + "]";
      JsonNode y = years.get(i);
      if (!y.isObject()) {
        throw format(path, "must be an object");
      }
      JsonNode yearNode = y.get("year");
      if (yearNode == null
          || !yearNode.isInt()
          || yearNode.intValue() < 1900
          || yearNode.intValue() > 2199) {
        throw format(path + ".year", "must be a whole number from 1900 to 2199");
      }
      int year = yearNode.intValue();
      if (result.containsKey(year)) {
        throw format(path + ".year", "repeats the year " + year);
      }
      JsonNode entries = y.get("entries");
      if (entries == null || !entries.isArray()) {
        throw format(path + ".entries", "must be an array");
      }
      if (entries.size() > MAX_ENTRIES) {
        throw format(path + ".entries", "holds more than " + MAX_ENTRIES + " entries");
      }
      List<Holiday> list = new ArrayList<>();
      for (int j = 0; j < entries.size(); j++) {
        list.add(entry(entries.get(j), path + ".entries[" + j + "]"));
      }
      result.put(year, list);
    }
    return checkYears(result);
  }

  private static Holiday entry(JsonNode e, String path) {
    if (!e.isObject()) {
      throw format(path, "must be an object");
    }
    String dateText = text(e, "date", path);
    LocalDate date;
    try {
      date = LocalDate.parse(dateText);
    } catch (DateTimeException ex) {
      throw format(path + ".date", "must be an ISO date such as 2025-04-30");
    }
    String kindText = text(e, "kind", path);
    Holiday.Kind kind;
    try {
      kind = Holiday.Kind.valueOf(kindText);
    } catch (IllegalArgumentException ex) {
      throw format(path + ".kind", "must be DAY_OFF or MAKE_UP_WORKING_DAY");
    }
    return new Holiday(date, kind, text(e, "name", path), text(e, "source", path));
  }

  private static String text(JsonNode e, String field, String path) {
    JsonNode n = e.get(field);
    if (n == null || !n.isTextual() || n.textValue().isBlank()) {
      throw format(path + "." + field, "is required and must be text");
    }
    if (n.textValue().length() > MAX_TEXT) {
      throw format(path + "." + field, "is longer than " + MAX_TEXT + " characters");
    }
    return n.textValue();
  }

  static Map<Integer, List<Holiday>> checkYears(Map<Integer, List<Holiday>> years) {
    if (years == null) {
      throw format("$", "the yearly tables are required");
    }
    Map<Integer, List<Holiday>> copy = new TreeMap<>();
    for (Map.Entry<Integer, List<Holiday>> y : years.entrySet()) {
      Set<LocalDate> seen = new HashSet<>();
      List<Holiday> list = new ArrayList<>(y.getValue());
      for (Holiday h : list) {
        if (h.date().getYear() != y.getKey()) {
          throw format("$.years[" + y.getKey() + "]", "holds " + h.date() + " of another year");
        }
        if (!seen.add(h.date())) {
          throw format("$.years[" + y.getKey() + "]", "lists " + h.date() + " twice");
        }
      }
      list.sort(Comparator.comparing(Holiday::date));
      copy.put(y.getKey(), List.copyOf(list));
    }
    return Map.copyOf(copy);
  }

  private static InvalidInputException format(String path, String rule) {
    return new InvalidInputException(
        "holiday-file.format", "Holiday file: " + path + " " + rule + ".");
  }
}
